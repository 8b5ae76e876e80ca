"""Compose the steps: YAML model in, every generated file out, in memory.

build() is what the MkDocs hook and the CLI both call. It returns
{path: text} for the pages (Markdown), the diagrams (DOT and SVG) and the
diagram stylesheet, or raises ModelError with every issue found. It writes
nothing; write.py and the hook decide where the files go.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from . import style
from .issues import ModelError
from .cache import DotCache
from .addresses import REGISTRY, check_registry, redirect_pages
from .load import load_documents, read_lines
from .model import Model
from .render_diagrams import diagram_links, diagram_to_dot, dot_to_png, dot_to_svg, preview_dot, svg_for_inline
from .render_pages import diagram_pages, page_root, page_url, render_pages
from .render_reference import render_reference
from .validate import validate_model

__all__ = ["STYLESHEET", "build", "build_with_warnings", "check", "render"]

STYLESHEET = "assets/virtstack.css"
# Issues after which a file has no data to check further.
FATAL_LOAD_CODES = {"yaml-syntax", "too-large"}


def check(model_dir: Path, display_root: Path) -> tuple[Model, list]:
    """Load and validate the model; raise ModelError if it has errors."""
    # 1. Read every YAML file, keeping the line and column of each value.
    documents, issues = load_documents(model_dir, display_root)
    if any(i.code in FATAL_LOAD_CODES for i in issues):
        raise ModelError(issues)
    # 2. Check every rule at once and build the one Model.
    model, found = validate_model(documents)
    issues += found
    if model is None:
        raise ModelError(issues)
    # 3. Every address the site has published must still work.
    shown = (model_dir / REGISTRY).relative_to(display_root).as_posix()
    registry, unreadable = read_lines(model_dir / REGISTRY, shown)
    issues += unreadable
    if registry is not None:
        issues += check_registry(registry, model, shown)
    if any(i.severity == "error" for i in issues):
        raise ModelError(issues)
    return model, issues


def build(model_dir: Path, display_root: Path, lang: str = "en") -> dict[str, str]:
    """Return every generated file of one language's site as {path: text}, sorted by path."""
    return build_with_warnings(model_dir, display_root, lang=lang)[0]


def build_with_warnings(model_dir: Path, display_root: Path, cache: DotCache | None = None,
                        lang: str = "en", site_url: str = "", previews: bool = True) -> tuple[dict, list]:
    """Return every generated file of one language's site as {path: text}, and the model's warnings."""
    model, warnings = check(model_dir, display_root)
    return render(model, cache, lang, site_url, previews), warnings


def _folder(page: str) -> PurePosixPath:
    """Return the folder a page is published in (directory URLs): components/kvm.md -> components/kvm."""
    return PurePosixPath(page).with_suffix("") if page != "index.md" else PurePosixPath()


def _shared(page: str) -> bool:
    """Return whether a page gets a link-preview image: the home page, components and answers."""
    return page == "index.md" or page.startswith(("components/", "questions/"))


def render(model: Model, cache: DotCache | None = None, lang: str = "en", site_url: str = "",
           previews: bool = True) -> dict[str, str | bytes]:
    """Return every generated file of a checked model, in one language, as {path: text}, sorted by path.

    With a cache, only diagrams whose DOT changed are drawn again. With the
    edition's site_url, diagram links are absolute (see svg_for_inline).
    previews=False skips the link-preview PNGs (about half the dot runs),
    which only a published site needs; `mkdocs serve` does without them.
    """
    svg = (lambda dot: cache.render("svg", dot, dot_to_svg)) if cache else dot_to_svg
    png = (lambda dot: cache.render("png", dot, dot_to_png)) if cache else dot_to_png
    # 4. DOT for each diagram on each page, links relative to that page.
    placed = diagram_pages(model, lang)
    dots = [diagram_to_dot(model, diagram, lang=lang, root=page_root(page)) for page, diagram in placed]
    # 5. SVG from Graphviz, one `dot` process per diagram, in parallel; and a
    #    PNG preview of the diagram of every page that people share links to.
    shared = [(page, diagram, dot) for (page, diagram), dot in zip(placed, dots, strict=True) if previews and _shared(page)]
    with ThreadPoolExecutor() as pool:
        svgs = list(pool.map(svg, dots))
        pngs = list(pool.map(png, [preview_dot(dot, diagram.title) for _, diagram, dot in shared]))
    # The same SVG is inlined in its page and saved beside it (the page's
    # folder under directory URLs); its links work in both places.
    outputs, inline = {}, {}
    for (page, diagram), dot, svg in zip(placed, dots, svgs, strict=True):
        stem = _folder(page)
        base = f"{site_url}{page_url(page)}" if site_url else ""
        inline[(page, diagram.id)] = svg_for_inline(svg, diagram.title, diagram_links(model, diagram, lang), base)
        outputs[f"{stem / diagram.id}.dot"] = dot
        outputs[f"{stem / diagram.id}.svg"] = inline[(page, diagram.id)] + "\n"
    images = {}
    for (page, _, _), png in zip(shared, pngs, strict=True):
        images[page] = f"{_folder(page) / 'preview.png'}"
        outputs[images[page]] = png
    # 6. Markdown pages with the SVGs inlined, redirects for renamed ids, the stylesheet.
    outputs.update(render_pages(model, inline, lang, previews=images))
    outputs.update(redirect_pages(model, lang))
    outputs["reference.md"] = render_reference(lang)
    outputs[STYLESHEET] = style.stylesheet()
    return dict(sorted(outputs.items()))
