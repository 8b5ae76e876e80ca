"""Build the site with Zensical instead of MkDocs: `make zensical` (or `make build ENGINE=zensical`).

Zensical reads mkdocs.yml but runs no hooks, so for each edition this script
  1. renders the generated files with `scripts/cli.py render --strict` into
     build/zensical/<lang>/docs/, for the edition's address;
  2. adds the hand-written pages (docs/ without docs/ru/ for English,
     docs/ru/ for Russian), refusing a file that the model also generates;
  3. writes build/zensical/<lang>/mkdocs.yml from mkdocs.yml or mkdocs.ru.yml:
     INHERIT and !ENV resolved the way MkDocs does, the edition's phrases
     put in as the hook does (theme_words.py), hooks and watch dropped,
     paths pointed at the folders above, and overrides/ copied without
     partials/search.html, which only MkDocs needs and which breaks
     Zensical's search;
  4. runs `zensical build --strict` there, typesets the built pages of a
     Russian edition (typography.py), then runs `scripts/cli.py csp` on the
     built edition (the steps the MkDocs hook takes after its build);
then puts English at the root of the output folder (site-zensical/) and
Russian under ru/. Every problem is reported as lines on stderr ending in one
`error:` line, and the exit status is 1; no Python traceback is shown.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from cli import site_url_argument
from virtstack import theme_words, typography
from virtstack.languages import LANGUAGE_NAMES, LANGUAGES
from virtstack.urls import edition_root, edition_url, editions_inside
from virtstack.write import transform_pages

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "zensical"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # the `make serve` address, as in mkdocs.yml
# Each edition: its MkDocs config, its hand-written pages, and its folder in the site (urls.py says where).
EDITIONS = {lang: ("mkdocs.yml", "docs", "") if lang == LANGUAGES[0] else
            (f"mkdocs.{lang}.yml", f"docs/{lang}", edition_root(lang).strip("/")) for lang in LANGUAGES}
NAMES = LANGUAGE_NAMES  # what messages call each edition
MKDOCS_ONLY_KEYS = ("hooks", "watch")  # Zensical ignores hooks; generation happens before it runs
MKDOCS_ONLY_TEMPLATES = ("partials/search.html",)  # breaks Zensical's search ("Initializing search" forever)


class BuildError(Exception):
    """A problem to report as one line; the build stops."""


def main(argv: list[str] | None = None) -> int:
    """Build every edition with Zensical into the output folder; return the exit status."""
    args = _parser().parse_args(argv)
    if args.site_url:  # the variables mkdocs.yml and mkdocs.ru.yml read
        os.environ["SITE_URL"] = args.site_url
        os.environ["SITE_URL_RU"] = edition_url(args.site_url, "ru")
    try:
        out, zensical = _checked_out(args.out), _program(args.zensical)
        start = time.perf_counter()
        built = {lang: build_edition(lang, zensical, args.work.resolve() / lang) for lang in EDITIONS}
        assemble(built, out)
    except (BuildError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"engine: Zensical {zensical_version(zensical)}; built both editions into "
          f"{_shown(out)}/ (Russian in {_shown(out)}/ru/) in {time.perf_counter() - start:.1f} s")
    return 0


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(prog="zensical_build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site-zensical",
                        help="the site folder, replaced as a whole (default: site-zensical/)")
    parser.add_argument("--site-url", type=site_url_argument, default=None,
                        help="the site's root address (default: $SITE_URL, else %s); Russian is under ru/" % DEFAULT_SITE_URL)
    parser.add_argument("--work", type=Path, default=WORK,
                        help="where each edition's pages, config and site are put together (default: build/zensical/)")
    parser.add_argument("--zensical", default=str(ZENSICAL), help="the zensical program (default: .venv-zensical/bin/zensical)")
    return parser


def _checked_out(out: Path) -> Path:
    """Return the output folder, resolved; refuse one that holds anything but an earlier built site."""
    out = out.resolve()
    sources = ROOT.is_relative_to(out) or any(out.is_relative_to(ROOT / d) for d in ("docs", "diagrams", "overrides", "scripts"))
    if sources or (out.exists() and not out.is_dir()) or (out.is_dir() and any(out.iterdir()) and not _is_built_site(out)):
        raise BuildError(f"refusing to replace {out}: it is not a built site; choose a folder of its own, such as site-zensical/")
    return out


def _is_built_site(folder: Path) -> bool:
    """Tell whether a folder holds a site an engine built (its home page and sitemap), which may be replaced."""
    return (folder / "index.html").is_file() and (folder / "sitemap.xml").is_file()


def _program(name: str) -> Path:
    """Return the zensical program as an absolute path (a name is looked up on PATH), or refuse a missing one."""
    found = shutil.which(name)
    if not found:
        raise BuildError(f"{name} is missing; `make zensical` installs Zensical into .venv-zensical/")
    return Path(found).resolve()


def _shown(path: Path) -> str:
    """Return a path relative to the repository when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def build_edition(lang: str, zensical: Path, work: Path) -> Path:
    """Render, merge and build one edition in work (build/zensical/<lang>/); return its built site folder."""
    config_file, pages, _ = EDITIONS[lang]
    _check_work(work)
    config = with_words(edition_config(ROOT / config_file), lang)
    render(lang, config["site_url"], work / "docs")
    add_hand_written(ROOT / pages, work / "docs", skip=_other_editions(pages))
    copy_overrides(ROOT / config["theme"]["custom_dir"], work / "overrides")
    write_config(config, work / "mkdocs.yml")
    shutil.rmtree(work / "site", ignore_errors=True)
    run_zensical(zensical, work / "mkdocs.yml", NAMES[lang])
    typeset(lang, work / "site")
    add_policy(lang, work / "site")
    return work / "site"


def _check_work(work: Path) -> None:
    """Refuse a work folder that holds anything this script does not write there itself."""
    ours = {"docs", "overrides", "site", "mkdocs.yml", ".cache"}  # .cache: Zensical's own
    if work.is_dir() and not {p.name for p in work.iterdir()} <= ours:
        raise BuildError(f"refusing to build in {work}: it holds files this script did not write; choose another --work")


def _other_editions(pages: str) -> list[str]:
    """Return the folders inside an edition's pages that hold other editions (docs/ru inside docs)."""
    return [Path(p).relative_to(pages).as_posix() for _, p, _ in EDITIONS.values()
            if p != pages and Path(p).is_relative_to(pages)]


def edition_config(path: Path) -> dict:
    """Return a MkDocs config as plain data, INHERIT merged and !ENV resolved as MkDocs does."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_EnvLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"cannot read {_shown(path)}: {_one_line(str(error))}") from None
    parent = config.pop("INHERIT", None)
    if parent is not None:
        config = merge(edition_config(path.parent / parent), config)
    return config


class _EnvLoader(yaml.SafeLoader):
    """PyYAML's safe loader that also reads MkDocs' `!ENV NAME` and `!ENV [NAME, ..., default]`."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """Return the first variable of an !ENV tag that is set, else its default (the last item of a list)."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)


def merge(parent: dict, child: dict) -> dict:
    """Return parent updated with child: mappings merged key by key, anything else replaced (MkDocs' INHERIT)."""
    merged = dict(parent)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = merge(merged[key], value) if both else value
    return merged


def with_words(config: dict, lang: str) -> dict:
    """Return an edition's config with its phrases from words.py, as the MkDocs hook's on_config gives them."""
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    return theme_words.with_words(config, lang, toc)


def render(lang: str, site_url: str, folder: Path) -> None:
    """Write one edition's generated files into folder with the CLI, strictly, for the edition's address."""
    command = [sys.executable, str(ROOT / "scripts" / "cli.py"), "render", "--out", str(folder),
               "--lang", lang, "--site-url", site_url, "--strict"]
    _run(command, f"the model could not be rendered for the {NAMES[lang]} edition")


def add_hand_written(pages: Path, folder: Path, skip: list[str]) -> None:
    """Copy the hand-written pages into folder (symlinked folders as their contents); refuse a generated path."""
    files = sorted(p for p in _walk(pages, skip))
    for relative in files:
        if (folder / relative).exists():
            raise BuildError(f"{_shown(pages / relative)} is hand-written, but the model also generates it; rename one")
    for relative in files:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pages / relative, folder / relative)


def _walk(pages: Path, skip: list[str]):
    """Yield every file below pages as a relative path, following symlinks, leaving out the folders in skip."""
    for top, folders, names in os.walk(pages, followlinks=True):
        here = Path(top).relative_to(pages)
        folders[:] = sorted(f for f in folders if (here / f).as_posix() not in skip)
        yield from (here / name for name in names)


def copy_overrides(source: Path, folder: Path) -> None:
    """Copy the template overrides into folder, without the ones only MkDocs needs."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    for name in MKDOCS_ONLY_TEMPLATES:
        (folder / name).unlink(missing_ok=True)


def write_config(config: dict, path: Path) -> None:
    """Write the edition's Zensical config next to its docs/, overrides/ and site/."""
    config = {key: value for key, value in config.items() if key not in MKDOCS_ONLY_KEYS}
    config.update(docs_dir="docs", site_dir="site")
    config["theme"] = {**config["theme"], "custom_dir": "overrides", "variant": "classic"}  # classic: Material's look
    header = "# Written by scripts/zensical_build.py from the MkDocs config; edit mkdocs.yml instead.\n"
    path.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def run_zensical(zensical: Path, config: Path, name: str) -> None:
    """Run `zensical build --strict` on one edition's config.

    With --strict Zensical stops on a broken link or anchor, but it ends in a
    Python traceback; _run shows its messages without the traceback.
    """
    _run([str(zensical), "build", "--strict", "-f", str(config)], cwd=config.parent,
         failure=f"Zensical could not build the {name} edition (paths above are inside {_shown(config.parent / 'docs')}/)")


def typeset(lang: str, site: Path) -> None:
    """Typeset every page of a built Russian edition, as the MkDocs hook does after its build."""
    if lang in typography.LANGUAGES:
        transform_pages(site, typography.typeset_pages, editions_inside(lang))


def add_policy(lang: str, site: Path) -> None:
    """Give every page of a built edition its Content-Security-Policy, as the MkDocs hook does after its build."""
    _run([sys.executable, str(ROOT / "scripts" / "cli.py"), "csp", str(site), "--lang", lang],
         f"the {NAMES[lang]} edition's pages could not be given their Content-Security-Policy")


def _run(command: list[str], failure: str, cwd: Path = ROOT) -> None:
    """Run a program; on failure show its messages (any traceback cut to its last line) and raise BuildError."""
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    except OSError as error:
        raise BuildError(f"{failure}: {error}") from None
    if result.returncode != 0:
        for line in without_tracebacks(result.stdout + result.stderr):
            print(line, file=sys.stderr)
        raise BuildError(failure)


def without_tracebacks(output: str) -> list[str]:
    """Return a program's output lines, without colour codes, each Python traceback replaced by its last line."""
    lines, skipping = [], False
    for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines():
        if line.startswith("Traceback (most recent call last):"):
            skipping = True
        elif skipping and not line.startswith((" ", "\t")) and line.strip():
            skipping = False
            lines.append(line)
        elif not skipping and line.strip():
            lines.append(line)
    return lines


def assemble(built: dict[str, Path], out: Path) -> None:
    """Put each edition's site in its folder of out: English at the root, Russian under ru/; out is replaced whole."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for lang, site in built.items():
            shutil.copytree(site, staging / EDITIONS[lang][2], dirs_exist_ok=True)
        shutil.rmtree(out, ignore_errors=True)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def zensical_version(zensical: Path) -> str:
    """Return Zensical's version, as it reports it."""
    result = subprocess.run([str(zensical), "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "(unknown version)"


def _one_line(text: str) -> str:
    """Return a message on one line."""
    return re.sub(r"\s+", " ", text).strip()


if __name__ == "__main__":
    sys.exit(main())
