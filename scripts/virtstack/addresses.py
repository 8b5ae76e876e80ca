"""The site's published addresses: list them, keep them working, redirect renamed ones.

Input: the Model (and the committed registry diagrams/published.txt, read by
load.py). Output: every address the site offers (page URLs and the anchors
that come from model ids), the redirect pages for renamed components, and
an Issue for every published address that would stop working. Pure.

A component renamed with `aliases: [old-id]` keeps its old address: a
redirect page at components/<old-id>/ forwards to the new page, hash
included, and the new page keeps the old relation anchors as extra ids.
"""

from .escape import html_text
from .issues import Issue
from .model import Model
from .schema import LANGUAGES
from .words import LABELS

__all__ = ["REGISTRY", "alias_anchors", "edition_root", "anchor_aliases", "check_registry", "redirect_pages", "site_addresses"]

REGISTRY = "published.txt"
PAGES = ("", "question/", "questions/", "layers/", "components/", "timeline/", "glossary/", "sources/", "reference/")


def edition_root(lang: str) -> str:
    """Return where an edition is published: English at the root, every other language under /<lang>/."""
    return "/" if lang == LANGUAGES[0] else f"/{lang}/"


def site_addresses(model: Model) -> list[str]:
    """Return every page address and model-derived anchor of every edition of the site, sorted."""
    return sorted({edition_root(lang) + address for lang in LANGUAGES for address in _addresses(model)})


def _addresses(model: Model) -> list[str]:
    """Return the page addresses and anchors of one edition, relative to its root."""
    found = [p for p in PAGES if _has_page(model, p)]
    found += [f"components/{c.id}/" for c in model.components]
    found += [f"components/{end}/#{r.id}" for r in model.relations for end in {r.from_, r.to}]
    found += [f"questions/{q.id}/" for q in model.questions]
    found += [f"questions/{q.id}/#{s.id}" for q in model.questions for s in q.sections]
    found += [f"views/{v.id}/" for v in model.views if not v.home]
    found += [f"question/#{c.id}" for c in model.claims] + [f"glossary/#{t.id}" for t in model.terms]
    found += [f"timeline/#{e.id}" for e in model.events] + [f"layers/#{layer.id}" for layer in model.layers]
    return found


def _in_edition(address: str) -> str:
    """Return an address relative to its edition's root, with a leading slash: /ru/components/ -> /components/."""
    for lang in LANGUAGES[1:]:
        if address.startswith(edition_root(lang)):
            return address[len(edition_root(lang)) - 1:]
    return address


def _has_page(model: Model, page: str) -> bool:
    """Return whether an optional top-level page exists for this model."""
    needs = {"question/": model.claims, "questions/": model.questions, "timeline/": model.events, "glossary/": model.terms}
    return bool(needs.get(page, True))


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
    pages = {f"components/{alias}/index.html": _redirect_html(f"../{c.id}/", lang) for c in model.components for alias in c.aliases}
    pages |= {f"questions/{alias}/index.html": _redirect_html(f"../{q.id}/", lang) for q in model.questions for alias in q.aliases}
    return pages


def anchor_aliases(model: Model) -> list[str]:
    """Return the former anchors that claims, terms and events keep on their pages."""
    kept = [f"/question/#{alias}" for c in model.claims for alias in c.aliases]
    kept += [f"/glossary/#{alias}" for t in model.terms for alias in t.aliases]
    kept += [f"/timeline/#{alias}" for e in model.events for alias in e.aliases]
    return sorted(kept)


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
    moved = {f"/components/{a}/": f"/components/{c.id}/" for c in model.components for a in c.aliases}
    moved |= {f"/questions/{a}/": f"/questions/{q.id}/" for q in model.questions for a in q.aliases}
    kept = {f"/components/{c}/#{anchor}" for c, anchors in alias_anchors(model).items() for anchor in anchors}
    kept |= set(anchor_aliases(model))
    issues = []
    for number, address in enumerate(lines, 1):
        if not address or address.startswith("#"):
            continue
        page, _, anchor = _in_edition(address).partition("#")
        target = moved.get(page, page) + (f"#{anchor}" if anchor else "")
        if target not in current and target not in kept:
            issues.append(Issue(shown, number, 1, f"published address '{address}' no longer exists; give the entity "
                                "that replaced it the old id in 'aliases' so old links redirect", "gone-address"))
    return issues
