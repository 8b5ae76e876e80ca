"""The site's published addresses: list them, keep them working, redirect renamed ones.

Input: the Model (and the committed registry diagrams/published.txt, read by
load.py). Output: every address the site offers (page URLs and the anchors
that come from model ids), the redirect pages for renamed components, and
an Issue for every published address that would stop working. Pure.

A component renamed with `aliases: [old-id]` keeps its old address: a
redirect page at components/<old-id>/ forwards to the new page, hash
included, and the new page keeps the old relation anchors as extra ids.
"""

from . import urls
from .escape import html_text
from .issues import Issue
from .model import Model
from .schema import LANGUAGES
from .urls import (COMPONENTS, GLOSSARY, HOME, LAYERS, QUESTION, QUESTIONS, REFERENCE, SOURCES, TIMELINE, anchor,
                   component_page, edition_root, page_url, question_page, view_page)
from .words import LABELS

__all__ = ["REGISTRY", "alias_anchors", "anchor_aliases", "check_registry", "page_paths", "redirect_pages", "site_addresses"]

REGISTRY = "published.txt"


def site_addresses(model: Model) -> list[str]:
    """Return every page address and model-derived anchor of every edition of the site, sorted."""
    return sorted({edition_root(lang) + address for lang in LANGUAGES for address in _addresses(model)})


def _addresses(model: Model) -> list[str]:
    """Return the page addresses and anchors of one edition, relative to its root."""
    return [page_url(page) for page in page_paths(model)] + [anchor(page, fragment) for page, fragment in _anchors(model)]


def page_paths(model: Model) -> list[str]:
    """Return the source path of every page the model generates."""
    listed = {QUESTION: model.claims, QUESTIONS: model.questions, TIMELINE: model.events, GLOSSARY: model.terms}
    pages = [page for page in (HOME, QUESTION, QUESTIONS, LAYERS, COMPONENTS, TIMELINE, GLOSSARY, SOURCES, REFERENCE)
             if listed.get(page, True)]
    pages += [component_page(c.id) for c in model.components] + [question_page(q.id) for q in model.questions]
    return pages + [view_page(v.id) for v in model.views if not v.home]


def _anchors(model: Model) -> list[tuple[str, str]]:
    """Return (page, anchor) for every anchor that comes from a model id."""
    found = [(component_page(end), r.id) for r in model.relations for end in {r.from_, r.to}]
    found += [(question_page(q.id), s.id) for q in model.questions for s in q.sections]
    found += [(QUESTION, c.id) for c in model.claims] + [(GLOSSARY, t.id) for t in model.terms]
    return found + [(TIMELINE, e.id) for e in model.events] + [(LAYERS, layer.id) for layer in model.layers]


def _in_edition(address: str) -> str:
    """Return an address relative to its edition's root, with a leading slash: /ru/components/ -> /components/."""
    for lang in LANGUAGES[1:]:
        if address.startswith(edition_root(lang)):
            return address[len(edition_root(lang)) - 1:]
    return address


def alias_anchors(model: Model) -> dict[str, list[str]]:
    """Return {component id: former relation anchors its page keeps} for relations of renamed components."""
    kept: dict[str, set[str]] = {}
    for renamed in (c for c in model.components if c.aliases):
        for r in model.relations_of(renamed.id):
            for alias in renamed.aliases:
                ends = [alias if end == renamed.id else end for end in (r.from_, r.to)]
                for page in {r.from_, r.to}:
                    kept.setdefault(page, set()).add(f"{ends[0]}-{r.kind}-{ends[1]}")
    return {page: sorted(anchors) for page, anchors in sorted(kept.items())}


def redirect_pages(model: Model, lang: str = "en") -> dict[str, str]:
    """Return {path: HTML} of a redirect page for every component and question alias."""
    return {urls.redirect_file(old): _redirect_html(urls.relative_address(old, new), lang) for old, new in _moved(model)}


def _moved(model: Model) -> list[tuple[str, str]]:
    """Return (former page, current page) for every component and question alias."""
    moved = [(component_page(alias), component_page(c.id)) for c in model.components for alias in c.aliases]
    return moved + [(question_page(alias), question_page(q.id)) for q in model.questions for alias in q.aliases]


def anchor_aliases(model: Model) -> list[str]:
    """Return the former anchors that claims, terms and events keep on their pages."""
    kept = [(QUESTION, alias) for c in model.claims for alias in c.aliases]
    kept += [(GLOSSARY, alias) for t in model.terms for alias in t.aliases]
    kept += [(TIMELINE, alias) for e in model.events for alias in e.aliases]
    return sorted("/" + anchor(page, alias) for page, alias in kept)


def _redirect_html(target: str, lang: str) -> str:
    """Return a page that forwards to target, keeping the #anchor, with or without JavaScript."""
    url, words = html_text(target), LABELS[lang]
    return (
        f"<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{words['moved-title']}</title>\n"
        f"<link rel=\"canonical\" href=\"{url}\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n"
        f"<script>location.replace({target!r} + location.hash)</script>\n"
        f"</head>\n<body><p>{words['moved']} <a href=\"{url}\">{url}</a>.</p></body>\n</html>\n"
    )


def check_registry(lines: list[str], model: Model, shown: str) -> list[Issue]:
    """Return an error for every published address that neither exists nor redirects."""
    current = {"/" + address for address in _addresses(model)}
    moved = {"/" + page_url(old): "/" + page_url(new) for old, new in _moved(model)}
    kept = {"/" + anchor(component_page(c), a) for c, anchors in alias_anchors(model).items() for a in anchors}
    kept |= set(anchor_aliases(model))
    issues = []
    for number, address in enumerate(lines, 1):
        if not address or address.startswith("#"):
            continue
        page, _, fragment = _in_edition(address).partition("#")
        target = moved.get(page, page) + (f"#{fragment}" if fragment else "")
        if target not in current and target not in kept:
            issues.append(Issue(shown, number, 1, f"published address '{address}' no longer exists; give the entity "
                                "that replaced it the old id in 'aliases' so old links redirect", "gone-address"))
    return issues
