"""Compose the steps: YAML model in, every generated file out, in memory.

build() is what the MkDocs hook and the CLI both call. It returns
{path: text} for the pages (Markdown), the diagrams (DOT and SVG) and the
diagram stylesheet, or raises ModelError with every issue found. It writes
nothing; write.py and the hook decide where the files go.
"""

import datetime
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from . import style, style_ru
from .issues import ModelError
from .cache import DotCache
from .addresses import REGISTRY, check_registry, redirect_pages, unregistered
from .load import load_documents, read_lines
from .model import Model
from . import graphviz_run
from .measure import TextWidths, measure_words
from .render_diagrams import (diagram_links, diagram_scenes, draw, frame_of, preview_dot, shown_as, svg_for_inline,
                              texts_of, title_card_dot)
from .render_pages import diagram_pages, render_pages
from . import urls
from .urls import MODEL, MODEL_SCHEMA, PAGE_LIST, REFERENCE, ROBOTS, STYLESHEET, edition_root, edition_url, page_root
from .export import model_json, model_schema
from .schema import LANGUAGES
from .words import LABELS
from .render_reference import render_reference
from .validate import partial_model, validate_model

__all__ = ["build", "build_with_warnings", "check", "measure", "picture_dots", "pictures", "render", "robots_txt"]

SITE_NAME = "virtstack"
# Issues after which a file has no data to check further.
FATAL_LOAD_CODES = {"yaml-syntax", "too-large"}


def check(model_dir: Path, display_root: Path, today: datetime.date | None = None,
          ru_style: bool = False) -> tuple[Model, list]:
    """Load and validate the model and check its published addresses; raise ModelError if it has errors.

    With today (only `make check` passes it), also warn about sources and facts due a check, so that
    what a build makes never depends on the day it runs. With ru_style (`make check` too), also refuse the
    Russian variants the style sheet rejects (style_ru.py), in the model, words.py and docs/ru pages.
    """
    # 1. Read every YAML file, keeping the line and column of each value.
    documents, issues = load_documents(model_dir, display_root)
    if any(i.code in FATAL_LOAD_CODES for i in issues):
        raise ModelError(issues)
    # 2. Check every rule at once and build the one Model.
    model, found = validate_model(documents, today)
    issues += found
    if ru_style:  # 2b. Russian wording: a build never fails on it, `make check` (and so CI) does
        issues += style_ru.check_all(documents, display_root)
    # 3. Every address the site has published must still work. With errors, the
    #    entities that did check out stand in for the model, so that a removed
    #    component's gone addresses come in the same run as the references to it.
    issues += _check_addresses(model_dir, display_root, issues, model, model or partial_model(documents))
    if any(i.severity == "error" for i in issues):
        raise ModelError(issues)
    return model, issues


def _check_addresses(model_dir: Path, display_root: Path, issues: list, model: Model | None, partial: Model | None) -> list:
    """Check the registry against the model (or what checked out of it); warn about addresses it does not list yet."""
    shown = (model_dir / REGISTRY).relative_to(display_root).as_posix()
    registry, found = read_lines(model_dir / REGISTRY, shown)
    if registry is None or partial is None:
        return found
    found += check_registry(registry, partial, shown)
    if model and not any(i.severity == "error" for i in issues + found):  # `make addresses` needs a model without errors
        found += unregistered(registry, model, shown)
    return found


def build(model_dir: Path, display_root: Path, lang: str = "en") -> dict[str, str]:
    """Return every generated file of one language's site as {path: text}, sorted by path."""
    return build_with_warnings(model_dir, display_root, lang=lang)[0]


def build_with_warnings(model_dir: Path, display_root: Path, cache: DotCache | None = None,
                        lang: str = "en", site_url: str = "", previews: bool = True) -> tuple[dict, list]:
    """Return every generated file of one language's site as {path: text}, and the model's warnings."""
    model, warnings = check(model_dir, display_root)
    return render(model, cache, lang, site_url, previews), warnings


def _runner(cache: DotCache | None, fmt: str, engine: str) -> Callable[[str], str | bytes]:
    """Return a function that draws DOT with Graphviz, through the cache when there is one."""
    def run(dot: str) -> str | bytes:
        output = graphviz_run.run(dot, fmt, engine)
        return output if fmt == "png" else output.decode("utf-8")
    return (lambda dot: cache.render(f"{engine}.{fmt}", dot, run)) if cache else run


def pictures(model: Model, placed: dict, lang: str) -> list[tuple]:
    """Return (page, diagram, variant, scene) for every picture of every page, in page order."""
    return [(page, diagram, variant, scene) for page, diagrams in placed.items() for diagram in diagrams
            for variant, scene in diagram_scenes(model, diagram, lang, page_root(page)).items()]


def measure(shown: list[tuple], cache: DotCache | None = None) -> TextWidths:
    """Return the widths of every text the pictures draw, from one Graphviz run."""
    texts = set().union(*(texts_of(scene, frame_of(variant)) for _, diagram, variant, scene in shown))
    return measure_words(texts, _runner(cache, "json", "dot"))


def picture_dots(shown: list[tuple], widths: TextWidths) -> list[str]:
    """Return the DOT of every picture, laid out on its frame (pure)."""
    return [draw(scene, frame_of(variant), widths)[1] for _, diagram, variant, scene in shown]


def _title_cards(pages: dict[str, str], drawn: set[str], lang: str, cache: DotCache | None) -> dict[str, bytes]:
    """Return the title-card preview of every page that has no diagram, and of the hand-written about page."""
    titles = [(entry["url"], entry["title"]) for entry in json.loads(pages[PAGE_LIST])]
    titles.append((urls.page_url(urls.ABOUT), LABELS[lang]["about-title"]))
    wanted = [(urls.preview_at(url), title) for url, title in titles if urls.preview_at(url) not in drawn]
    with ThreadPoolExecutor() as pool:
        pngs = pool.map(_runner(cache, "png", "dot"), [title_card_dot(title, SITE_NAME) for _, title in wanted])
    return dict(zip((path for path, _ in wanted), pngs, strict=True))


def render(model: Model, cache: DotCache | None = None, lang: str = "en", site_url: str = "",
           previews: bool = True) -> dict[str, str | bytes]:
    """Return every generated file of a checked model, in one language, as {path: text}, sorted by path.

    With a cache, only diagrams whose DOT changed are drawn again. With the
    edition's site_url, diagram links are absolute (see svg_for_inline).
    previews=False skips the link-preview PNGs (about half the Graphviz
    runs), which only a published site needs; `mkdocs serve` does without them.
    """
    # 4. Which diagrams each page shows (decided once), and each one's scene in each variant.
    placed = diagram_pages(model, lang)
    shown = pictures(model, placed, lang)
    # 5. The width of every text they draw, from one Graphviz run; then each
    #    picture placed and written as DOT with every position pinned.
    dots = picture_dots(shown, measure(shown, cache))
    # 6. SVG from Graphviz, one process per picture, in parallel; and a PNG
    #    preview of the first wide picture of every page people share links to.
    firsts = {}
    for (page, diagram, variant, _), dot in zip(shown, dots, strict=True):
        firsts.setdefault(page, (diagram, dot))
    shared = [(page, diagram, dot) for page, (diagram, dot) in firsts.items() if previews]
    with ThreadPoolExecutor() as pool:
        svgs = list(pool.map(_runner(cache, "svg", "neato"), dots))
        pngs = list(pool.map(_runner(cache, "png", "neato"), [preview_dot(dot) for _, _, dot in shared]))
    # Each picture is inlined in its page (the variants side by side, CSS
    # shows one) and saved beside it; its links work in both places.
    outputs, inline = {}, {}
    for (page, diagram, variant, scene), dot, svg in zip(shown, dots, svgs, strict=True):
        base = urls.absolute(site_url, page) if site_url else ""
        markup = svg_for_inline(svg, diagram.title, diagram_links(model, diagram, lang, scene), base,
                                shown_as(diagram, variant))
        inline[(page, diagram.id)] = inline.get((page, diagram.id), "") + markup
        outputs[urls.beside(page, f"{scene.id}.dot")] = dot
        outputs[urls.beside(page, f"{scene.id}.svg")] = markup + "\n"
    images = {}
    for (page, _, _), png in zip(shared, pngs, strict=True):
        images[page] = urls.preview(page)
        outputs[images[page]] = png
    # 7. Markdown pages with the SVGs inlined, redirects for renamed ids, the stylesheet;
    #    and a title card as the link preview of each page without a diagram.
    pages = render_pages(model, inline, lang, previews=images, placed=placed, cards=previews)
    outputs.update(pages)
    if previews:
        outputs.update(_title_cards(pages, set(images.values()), lang, cache))
    outputs.update(redirect_pages(model, lang))
    reference = render_reference(lang)
    if previews:  # the reference page's link preview is a title card too
        title = reference.split("\n", 1)[0].removeprefix("# ").removesuffix(" {#top}")
        outputs[urls.preview(REFERENCE)] = _runner(cache, "png", "dot")(title_card_dot(title, SITE_NAME))
        reference = f'---\nimage: "{urls.preview(REFERENCE)}"\n---\n\n{reference}'
    outputs[REFERENCE] = reference
    outputs[STYLESHEET] = style.stylesheet()
    # The model as data, in every edition (each is its own build; its reference page links it).
    outputs[MODEL] = model_json(model, site_url.removesuffix(edition_root(lang).lstrip("/")))
    outputs[MODEL_SCHEMA] = json.dumps(model_schema(), ensure_ascii=False, indent=2) + "\n"
    if lang == LANGUAGES[0]:  # the site's root: one robots.txt for every edition
        outputs[ROBOTS] = robots_txt(site_url)
    return dict(sorted(outputs.items()))


def robots_txt(site_url: str) -> str:
    """Return robots.txt for the site's root, naming each edition's sitemap when the site's address is known."""
    sitemaps = [f"{edition_url(site_url, lang)}sitemap.xml" for lang in LANGUAGES] if site_url else []
    return "User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {url}\n" for url in sitemaps)
