"""Command line for the model: check it, or render the site's generated files.

    python scripts/cli.py check                 validate diagrams/ (no Graphviz needed)
    python scripts/cli.py check --format github the same, as GitHub Actions annotations
    python scripts/cli.py render --out DIR [--lang ru] [--site-url URL] [--strict]
                                                write one edition's generated pages, SVGs, CSS and
                                                previews into DIR (English by default); with the
                                                edition's address, diagram links are absolute and
                                                robots.txt names the sitemaps; --strict fails on
                                                model warnings too
    python scripts/cli.py schema                rewrite diagrams/schema/*.schema.json from the checker's specs
    python scripts/cli.py addresses             add the site's current addresses to diagrams/published.txt
    python scripts/cli.py csp SITE [--lang ru]  give every page of a built edition its Content-Security-Policy
                                                (the MkDocs hook does it after each build)
    python scripts/cli.py diff BASE [HEAD] --out DIR
                                                what changed in the model between two git revisions
                                                (HEAD defaults to the working tree), with before
                                                and after SVGs of every diagram that changed

Problems go to stderr as `path:line:col: error: message [code]`, all at once,
and the exit status is 1. render writes all files or none, so DIR keeps its
last good content when the model is broken. Another engine (Zensical, say)
can publish DIR next to docs/.
"""

import argparse
import functools
import json
import subprocess
import tempfile
import sys
from pathlib import Path

from virtstack import addresses, csp, diff, json_schema, pipeline, schema, urls, write
from virtstack.cache import DotCache
from virtstack.issues import ModelError, format_github, format_issue
from virtstack.load import read_lines
from virtstack.render_diagrams import DotNotFound
from virtstack.write import UnsafePath, write_outputs

ROOT = Path(__file__).resolve().parent.parent
CACHE = ".cache/virtstack"  # Graphviz output by content hash, shared with the MkDocs hook


def main(argv: list[str] | None = None) -> int:
    """Run the command named in argv and return the exit status."""
    args = _parser().parse_args(argv)
    model_dir = args.model.resolve()
    show = format_github if getattr(args, "format", "text") == "github" else format_issue
    try:
        if args.command == "check":
            return _check(model_dir, show)
        if args.command == "schema":
            return _schema()
        if args.command == "addresses":
            return _addresses(model_dir)
        if args.command == "csp":
            return _csp(args.site, args.lang)
        if args.command == "diff":
            return _diff(args.base, args.head, args.out)
        return _render(model_dir, args, show)
    except ModelError as error:
        for issue in error.issues:
            print(show(issue), file=sys.stderr)
        errors = sum(i.severity == "error" for i in error.issues)
        print(f"{errors} error(s); nothing was written.", file=sys.stderr)
    except (DotNotFound, UnsafePath, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(prog="cli.py", description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "diagrams", help="model folder (default: diagrams/)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the model")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: path:line:col lines; github: ::error annotations for GitHub Actions")
    commands.add_parser("schema", help="rewrite the JSON Schemas editors use for the model files")
    commands.add_parser("addresses", help="register the site's current addresses as published")
    diff = commands.add_parser("diff", help="report what changed in the model between two git revisions")
    diff.add_argument("base", help="the revision to compare from, e.g. origin/main")
    diff.add_argument("head", nargs="?", default=None, help="the revision to compare to (default: the working tree)")
    diff.add_argument("--out", type=Path, required=True, help="output folder (replaced as a whole)")
    policy = commands.add_parser("csp", help="give every page of a built edition its Content-Security-Policy")
    policy.add_argument("site", type=Path, help="the built edition's folder, e.g. site/ or site/ru/")
    policy.add_argument("--lang", choices=schema.LANGUAGES, default=schema.LANGUAGES[0],
                        help="the edition it holds; the root's leaves the other editions' folders alone")
    render = commands.add_parser("render", help="write generated files into a folder")
    render.add_argument("--out", type=Path, required=True, help="output folder (replaced as a whole)")
    render.add_argument("--lang", choices=schema.LANGUAGES, default=schema.LANGUAGES[0],
                        help="the edition to render (default: %(default)s)")
    render.add_argument("--site-url", default=None, type=_site_url, help="the edition's published address, e.g. https://example.org/ru/")
    render.add_argument("--strict", action="store_true", help="treat model warnings as errors (write nothing)")
    return parser


def _site_url(text: str) -> str:
    """Return an http(s) site address ending in a slash, or refuse it."""
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"'{text}' is not an http(s) address")
    return text if text.endswith("/") else text + "/"


def _display_root(model_dir: Path) -> Path:
    """Return the folder that issue paths are shown relative to."""
    return ROOT if model_dir.is_relative_to(ROOT) else model_dir.parent


def _check(model_dir: Path, show) -> int:
    """Validate the model, print its warnings and a one-line summary."""
    model, issues = pipeline.check(model_dir, _display_root(model_dir))
    for issue in issues:
        print(show(issue), file=sys.stderr)
    counts = ", ".join(f"{len(getattr(model, c.key))} {c.key}" for c in schema.COLLECTIONS.values())
    print(f"ok: {counts}")
    return 0


def _schema() -> int:
    """Write the JSON Schema of every model file into diagrams/schema/."""
    folder = ROOT / json_schema.SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in json_schema.json_schemas().items():
        (folder / name).write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(json_schema.json_schemas())} schemas to {folder}")
    return 0


def _addresses(model_dir: Path) -> int:
    """Add every current address to the registry; addresses are never removed from it."""
    model, _ = pipeline.check(model_dir, _display_root(model_dir))
    registry = model_dir / addresses.REGISTRY
    old = [line for line in (registry.read_text().splitlines() if registry.exists() else []) if line and not line.startswith("#")]
    new = sorted(set(old) | set(addresses.site_addresses(model)))
    header = ["# Every address the site has published. Append-only: `make addresses` adds new ones;",
              "# an address that disappears fails the build unless an alias redirects it."]
    registry.write_text("\n".join(header + new) + "\n", encoding="utf-8")
    print(f"{len(new) - len(old)} new address(es); {len(new)} registered in {registry}")
    return 0


def _diff(base: str, head: str | None, out: Path) -> int:
    """Write report.md (with pictures), summary.md (without) and marked before/after SVGs of what changed."""
    with tempfile.TemporaryDirectory() as scratch:
        before_dir = _model_at(base, Path(scratch) / "before" / "diagrams")
        after_dir = _model_at(head, Path(scratch) / "after" / "diagrams") if head else ROOT / "diagrams"
        before_model, _ = pipeline.check(before_dir, before_dir.parent)
        after_model, _ = pipeline.check(after_dir, _display_root(after_dir))
        registry = read_lines(after_dir / addresses.REGISTRY, addresses.REGISTRY)[0] or []
    before, after = _every_edition(before_model), _every_edition(after_model)
    changes = diff.diff_models(before_model, after_model)
    moved = diff.address_changes(before_model, after_model, registry)
    diagrams = diff.changed_diagrams(before, after)
    report = functools.partial(diff.render_report, base, head or "working tree", changes, moved, diagrams)
    marks = diff.picture_marks(before_model, after_model, changes)
    files = {"report.md": report(), "summary.md": report(pictures=False), **diff.picture_files(diagrams, before, after, marks)}
    write_outputs(files, out.resolve())
    print(f"{len(changes)} change(s), {len(moved)} address(es) added or retired, {len(diagrams)} diagram(s) changed: "
          f"{out / 'report.md'}")
    return 0


def _every_edition(model) -> dict:
    """Return the generated files of every edition, each under its folder: ru/components/kvm/... ."""
    editions = {lang: urls.edition_root(lang).lstrip("/") for lang in schema.LANGUAGES}
    return {f"{folder}{path}": content for lang, folder in editions.items()
            for path, content in pipeline.render(model, DotCache(ROOT / CACHE), lang).items()}


def _model_at(revision: str, folder: Path) -> Path:
    """Write the model files and the address registry of a git revision into folder and return it."""
    listing = _git("ls-tree", "--name-only", f"{revision}:diagrams").split()
    folder.mkdir(parents=True)
    for name in (n for n in listing if n.endswith(".yaml") or n == addresses.REGISTRY):
        (folder / name).write_bytes(_git("show", f"{revision}:diagrams/{name}", binary=True))
    return folder


def _git(*args: str, binary: bool = False):
    """Run git in the repository and return its output; a failure becomes an OSError with git's message."""
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True)
    if result.returncode != 0:
        raise OSError(f"git {' '.join(args)}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout if binary else result.stdout.decode()


def _csp(site: Path, lang: str) -> int:
    """Give every page of a built edition the policy that lists its inline scripts' hashes."""
    count = write.transform_pages(site, csp.with_policy, urls.editions_inside(lang))
    print(f"Content-Security-Policy on {count} page(s) in {site}")
    return 0


def _render(model_dir: Path, args: argparse.Namespace, show) -> int:
    """Build every generated file of one edition, print the model's warnings, and write the files into args.out."""
    out = args.out.resolve()
    if out.is_relative_to(ROOT / "docs") or out == ROOT:
        print(f"error: refusing to write into {out}: generated files never go into docs/ or the repository root", file=sys.stderr)
        return 1
    outputs, warnings = pipeline.build_with_warnings(model_dir, _display_root(model_dir), DotCache(ROOT / CACHE),
                                                     args.lang, args.site_url or "")
    for issue in warnings:
        print(show(issue), file=sys.stderr)
    if args.strict and warnings:
        print(f"{len(warnings)} warning(s), fatal with --strict; nothing was written.", file=sys.stderr)
        return 1
    written = write_outputs(outputs, out)
    print(f"wrote {len(written)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
