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
                                                (and the layer ids of diagrams/layers.yaml)
    python scripts/cli.py new WHAT ID [--part PART]
                                                append a component, source, relation or question
                                                to its model file (or to <file>.<part>.yaml), every
                                                expected field holding TODO until it is written
    python scripts/cli.py addresses             add the site's current addresses to diagrams/published.txt
    python scripts/cli.py csp SITE [--lang ru]  give every page of a built edition its Content-Security-Policy
                                                (the MkDocs hook does it after each build)
    python scripts/cli.py diff BASE [HEAD] --out DIR
                                                what changed in the model between two git revisions
                                                (HEAD defaults to the working tree): DIR/report.md,
                                                with marked before and after SVGs of every diagram
                                                that changed, and DIR/summary.md, the same without
                                                pictures (CI's job summary)

Problems go to stderr as `path:line:col: error: message [code]`, all at once,
then one line per code with its row in the Model reference (on $SITE_URL,
else the `make serve` address), and the exit status is 1. render writes all
files or none, so DIR keeps its last good content when the model is broken.
Only check warns about what is due a check again ([stale]: a source's
`checked` or a fact's `as_of` more than 18 months before $VIRTSTACK_TODAY,
YYYY-MM-DD, or today); render's output never depends on the date.
Only check, too, refuses the Russian variants STYLE.ru.md rejects ([ru-style],
in the model, words.py and docs/ru/*.md); a build never fails on wording.
Another engine (Zensical, say) can publish DIR next to docs/.
"""

import argparse
import datetime
import functools
import json
import os
import subprocess
import tempfile
import sys
from pathlib import Path

from virtstack import addresses, csp, diff, json_schema, pipeline, scaffold, schema, urls, write
from virtstack.cache import DotCache
from virtstack.issues import ModelError, format_github, format_issue
from virtstack.load import load_documents, parse_document, read_lines
from virtstack.graphviz_run import GraphvizError
from virtstack.write import UnsafePath, write_outputs

ROOT = Path(__file__).resolve().parent.parent
CACHE = ".cache/virtstack"  # Graphviz output by content hash, shared with the MkDocs hook
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # the `make serve` address, as in mkdocs.yml


def main(argv: list[str] | None = None) -> int:
    """Run the command named in argv and return the exit status."""
    args = _parser().parse_args(argv)
    model_dir = args.model.resolve()
    show = format_github if getattr(args, "format", "text") == "github" else format_issue
    try:
        if args.command == "check":
            return _check(model_dir, show)
        if args.command == "schema":
            return _schema(model_dir)
        if args.command == "new":
            return _new(model_dir, args.what, args.id, args.part)
        if args.command == "addresses":
            return _addresses(model_dir)
        if args.command == "csp":
            return _csp(args.site, args.lang)
        if args.command == "diff":
            return _diff(args.base, args.head, args.out)
        return _render(model_dir, args, show)
    except ModelError as error:
        _print_issues(error.issues, show)
        errors = sum(i.severity == "error" for i in error.issues)
        print(f"{errors} error(s); nothing was written.", file=sys.stderr)
    except (GraphvizError, UnsafePath, OSError) as error:
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
    new = commands.add_parser("new", help="append an entity to fill in: every expected field, TODO where the facts go")
    new.add_argument("what", choices=scaffold.TARGETS, help="what to add")
    new.add_argument("id", help="its id; for a relation from-kind-to, like virsh-uses-libvirt")
    new.add_argument("--part", help="add it to <file>.<part>.yaml (created if new), e.g. alternatives")
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
    render.add_argument("--site-url", default=None, type=site_url_argument, help="the edition's published address, e.g. https://example.org/ru/")
    render.add_argument("--strict", action="store_true", help="treat model warnings as errors (write nothing)")
    return parser


def site_url_argument(text: str) -> str:
    """Return an http(s) site address ending in a slash, or refuse it (an argparse type; zensical_build.py uses it too)."""
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"'{text}' is not an http(s) address")
    return text if text.endswith("/") else text + "/"


def _display_root(model_dir: Path) -> Path:
    """Return the folder that issue paths are shown relative to."""
    return ROOT if model_dir.is_relative_to(ROOT) else model_dir.parent


def _check(model_dir: Path, show) -> int:
    """Validate the model, print its warnings and a one-line summary."""
    model, issues = pipeline.check(model_dir, _display_root(model_dir), today(), ru_style=True)
    _print_issues(issues, show)
    counts = ", ".join(f"{len(getattr(model, c.key))} {c.key}" for c in schema.COLLECTIONS.values())
    print(f"ok: {counts}")
    return 0


def today() -> datetime.date:
    """Return the day staleness is measured from: $VIRTSTACK_TODAY (YYYY-MM-DD, for tests) or the real date."""
    given = os.environ.get("VIRTSTACK_TODAY")
    return datetime.date.fromisoformat(given) if given else datetime.date.today()


def _print_issues(issues: list, show) -> None:
    """Print each issue, then, once per code, where the Model reference explains it."""
    for issue in issues:
        print(show(issue), file=sys.stderr)
    for code in dict.fromkeys(issue.code for issue in issues):
        print(f"{code}: see {_reference_address(code)}", file=sys.stderr)


def _reference_address(code: str) -> str:
    """Return the address of an issue code's row in the Model reference, on $SITE_URL or the `make serve` address."""
    site = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return urls.absolute(site if site.endswith("/") else site + "/", urls.REFERENCE) + "#" + urls.issue_anchor(code)


def _schema(model_dir: Path) -> int:
    """Write the JSON Schema of every model file into diagrams/schema/, listing the layers of layers.yaml."""
    layers = model_dir / "layers.yaml"
    document, issues = parse_document(layers.read_bytes(), layers.relative_to(_display_root(model_dir)).as_posix())
    if document is None:
        raise ModelError(issues)
    schemas = json_schema.json_schemas(json_schema.known_ids([document]))
    folder = ROOT / json_schema.SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in schemas.items():
        (folder / name).write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(schemas)} schemas to {folder}")
    return 0


def _new(model_dir: Path, what: str, item_id: str, part: str | None) -> int:
    """Append a new entity with TODO placeholders to its model file; refuse an id the model already has."""
    documents, issues = load_documents(model_dir, _display_root(model_dir))
    if any(i.code in pipeline.FATAL_LOAD_CODES for i in issues):
        raise ModelError(issues)  # a file that does not parse may hold the id
    try:
        name = scaffold.target_file(what, part)
        path = model_dir / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        text, line = scaffold.new_file_text(what, item_id, name, old, documents)
    except scaffold.Refused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8")
    shown = path.relative_to(_display_root(model_dir)).as_posix()
    print(f"added {what} '{item_id}' to {shown}, line {line}: replace each TODO; `make check` lists those left")
    if what == "component":
        print("it shows on its own page and the components and layers pages; to draw it in a view, "
              "add its id to that view's components in diagrams/views.yaml (CONTRIBUTING.md)")
    return 0


def _addresses(model_dir: Path) -> int:
    """Add the site's new addresses to the registry; it keeps every old one, since each must keep working."""
    model, _ = pipeline.check(model_dir, _display_root(model_dir))
    registry = model_dir / addresses.REGISTRY
    old = [line for line in (registry.read_text().splitlines() if registry.exists() else []) if line and not line.startswith("#")]
    new = sorted(set(old) | set(addresses.site_addresses(model)))
    header = ["# Every address the site has published, both editions. Written by `make addresses`; do not edit it by hand.",
              "# No line is ever removed: `make check` fails when an address stops working, and says what keeps it:",
              "# 'aliases: [old-id]' on what replaced it (renamed, merged, a relation re-kinded or re-pointed),",
              "# or an entry in retired.yaml when nothing did (its old page or anchor then says when and why)."]
    registry.write_text("\n".join(header + new) + "\n", encoding="utf-8")
    print(f"{len(new) - len(old)} new address(es) registered, {len(new)} in all, in {registry}; commit it")
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
    _print_issues(warnings, show)
    if args.strict and warnings:
        print(f"{len(warnings)} warning(s), fatal with --strict; nothing was written.", file=sys.stderr)
        return 1
    written = write_outputs(outputs, out)
    print(f"wrote {len(written)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
