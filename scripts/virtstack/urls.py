"""Where everything is published: page paths, addresses, anchors and links, in one place.

Like MkDocs' structure/files.py, for the pages the model generates: a page's
source path ("components/kvm.md"), its address from the edition's root
("components/kvm/", directory URLs), the files kept beside it (its SVGs and
preview.png), the link from one page to another, and where each edition is
published. The renderers, the registry of published addresses, the hook and
the Zensical build all ask here. Pure.
"""

import posixpath
from functools import cache
from pathlib import PurePosixPath

from .languages import LANGUAGES

__all__ = ["ABOUT", "COMPONENTS", "GLOSSARY", "HOME", "LAYERS", "MODEL", "MODEL_SCHEMA", "PAGE_KINDS", "PAGE_LIST", "QUESTION",
           "QUESTIONS", "REFERENCE", "ROBOTS", "SOURCES", "STYLESHEET", "TIMELINE", "absolute", "anchor", "beside",
           "component_page", "edition_root", "edition_url", "editions_inside", "entity_at", "folder", "link", "page_root", "page_url", "preview", "preview_at",
           "issue_anchor", "question_page", "redirect_file", "relative_address", "view_page"]

# The pages every edition has (some only when the model holds what they list).
HOME = "index.md"
QUESTION = "question.md"  # the asker's claims, checked
QUESTIONS = "questions/index.md"  # the answers
LAYERS = "layers.md"
COMPONENTS = "components/index.md"
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
SOURCES = "sources.md"
REFERENCE = "reference.md"
ABOUT = "about.md"  # hand-written, in docs/ and docs/ru/
# Files that are not pages.
PAGE_LIST = "pages.json"  # every generated page's address and title, for the title cards
STYLESHEET = "assets/virtstack.css"
ROBOTS = "robots.txt"  # the site's root only
MODEL = "model.json"  # the validated model as data, at the site's root
MODEL_SCHEMA = "model.schema.json"


def component_page(component_id: str) -> str:
    """Return the page path of a component."""
    return f"components/{component_id}.md"


def question_page(question_id: str) -> str:
    """Return the page path of an answer."""
    return f"questions/{question_id}.md"


def view_page(view_id: str, home: bool = False) -> str:
    """Return the page path of a view: the home page for the home view."""
    return HOME if home else f"views/{view_id}.md"


# The entities that have a page of their own, and where it is.
PAGE_KINDS = {"component": component_page, "question": question_page, "view": view_page}


def entity_at(address: str) -> tuple[str, str] | None:
    """Return (kind, id) of the entity whose own page is at an address: components/kvm/ -> (component, kvm); else None."""
    for kind, page_of in PAGE_KINDS.items():
        folder_address = page_url(page_of("x"))[: -len("x/")]
        rest = address.removeprefix(folder_address)
        if rest != address and rest.endswith("/") and rest[:-1] and "/" not in rest[:-1]:
            return kind, rest[:-1]
    return None


def page_url(page: str) -> str:
    """Return a page's address from its edition's root: components/kvm.md -> components/kvm/."""
    stem = page[: -len(".md")]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def anchor(page: str, fragment: str) -> str:
    """Return the address of an anchor on a page: components/kvm/#qemu-uses-kvm."""
    return f"{page_url(page)}#{fragment}"


def issue_anchor(code: str) -> str:
    """Return the anchor of an issue code's row in the model reference: unknown-ref -> issue-unknown-ref."""
    return f"issue-{code}"


def folder(page: str) -> PurePosixPath:
    """Return the folder a page is published in, where its files go: components/kvm.md -> components/kvm."""
    return PurePosixPath(page_url(page) or ".")


def beside(page: str, name: str) -> str:
    """Return the path of a file published next to a page: (components/kvm.md, near-kvm.svg) -> components/kvm/near-kvm.svg."""
    return (folder(page) / name).as_posix()


def preview(page: str) -> str:
    """Return the path of a page's link-preview image."""
    return preview_at(page_url(page))


def preview_at(address: str) -> str:
    """Return the path of the link-preview image of the page at an address: components/ -> components/preview.png."""
    return f"{address}preview.png"


def redirect_file(page: str) -> str:
    """Return the HTML file that stands at a page's address when it only redirects."""
    return beside(page, "index.html")


def page_root(page: str) -> str:
    """Return the way from a page's address back to its edition's root: components/kvm.md -> ../../."""
    return "../" * len(folder(page).parts) if folder(page).name else ""


@cache  # pure, and asked for the same few hundred pairs over and over
def link(page: str, target: str) -> str:
    """Return the Markdown link from one page to another page's source path (MkDocs and Zensical resolve it)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def relative_address(page: str, target: str) -> str:
    """Return the address of one page from another's, as a browser resolves it: (components/a.md, components/b.md) -> ../b/."""
    return posixpath.relpath(page_url(target) or ".", page_url(page) or ".") + "/"


def absolute(edition_url: str, page: str) -> str:
    """Return a page's absolute address in an edition published at edition_url."""
    return f"{edition_url}{page_url(page)}"


def edition_root(lang: str) -> str:
    """Return where an edition is published: English at the root, every other language under /<lang>/."""
    return "/" if lang == LANGUAGES[0] else f"/{lang}/"


def editions_inside(lang: str) -> tuple[str, ...]:
    """Return the folders of the other editions that a built edition's site folder holds: ('ru',) in the root's."""
    return tuple(other for other in LANGUAGES[1:]) if lang == LANGUAGES[0] else ()


def edition_url(site_url: str, lang: str) -> str:
    """Return an edition's address from the site's: the site's for English, <site>ru/ for Russian."""
    return site_url + edition_root(lang).lstrip("/")
