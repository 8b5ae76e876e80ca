"""The site's published addresses: list them, and keep every one of them working.

Input: the Model (and the committed registry diagrams/published.txt, read by
load.py). Output: every address the site offers (page URLs and the anchors
that come from model ids), what keeps the former ones working, and an Issue
for every published address that would stop working. Pure.

A published address stays, whatever becomes of what it showed:

- renamed, or merged into another (`aliases: [old-id]` on the one that
  stays): a component, answer or view keeps a redirect page at its old
  address (the #anchor carried over); claims, terms, events, layers and
  sections keep their old anchors, and so do relations whose end was renamed;
- a relation corrected to another kind or end (`aliases: [old-id]` on the
  relation): the pages of its ends, old and new, keep the old anchor;
- removed with nothing in its place (diagrams/retired.yaml): its old page
  becomes a short removal page, its old anchor a note, saying when and why.
"""

import posixpath

from . import urls
from .escape import html_text
from .issues import Issue
from .model import Model, Retired
from .schema import LANGUAGES, QUESTION_GROUPS, relation_ends
from .urls import (COMPONENTS, GLOSSARY, HOME, LAYERS, PAGE_KINDS, QUESTION, QUESTIONS, REFERENCE, SOURCES, TIMELINE,
                   anchor, component_page, edition_root, entity_at, page_url, question_page, view_page)
from .words import LABELS

__all__ = ["REGISTRY", "RETIRED", "alias_anchors", "anchor_aliases", "check_registry", "page_paths", "redirect_pages",
           "retired_addresses", "retired_notes", "retired_pages", "site_addresses", "unregistered"]

REGISTRY = "published.txt"
RETIRED = "retired.yaml"  # the model file of what was removed with nothing in its place
# The pages that hold the anchors of claims, terms, events and layers; relations' are on their ends' pages.
ANCHOR_PAGES = {"claim": QUESTION, "term": GLOSSARY, "event": TIMELINE, "layer": LAYERS}


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
    return pages + [view_page(v.id) for v in model.views if not v.home] + list(retired_pages(model))


def _anchors(model: Model) -> list[tuple[str, str]]:
    """Return (page, anchor) for every anchor that comes from a model id."""
    found = [(component_page(end), r.id) for r in model.relations for end in {r.from_, r.to}]
    found += [(question_page(q.id), s.id) for q in model.questions for s in q.sections]
    found += [(QUESTIONS, group) for group in QUESTION_GROUPS if model.follow_ups(group)]
    found += [(QUESTION, c.id) for c in model.claims] + [(GLOSSARY, t.id) for t in model.terms]
    return found + [(TIMELINE, e.id) for e in model.events] + [(LAYERS, layer.id) for layer in model.layers]


def _in_edition(address: str) -> str:
    """Return an address relative to its edition's root, with a leading slash: /ru/components/ -> /components/."""
    for lang in LANGUAGES[1:]:
        if address.startswith(edition_root(lang)):
            return address[len(edition_root(lang)) - 1:]
    return address


def _owners(model: Model) -> dict[str, str]:
    """Return {component id or former id: the component whose page stands at that id's address now}."""
    return {alias: c.id for c in model.components for alias in c.aliases} | {c.id: c.id for c in model.components}


def alias_anchors(model: Model) -> dict[str, list[str]]:
    """Return {component id: former relation anchors its page keeps}, from renamed ends and relations' own aliases.

    A relation's former id is kept on the pages of its ends, and on those of
    the ends that id names (a relation moved from one component to another).
    """
    owner, kept = _owners(model), {}
    for r in model.relations:
        for former in _former_ids(model, r):
            for end in {r.from_, r.to, *(relation_ends(former, set(owner)) or ())} & set(owner):
                kept.setdefault(owner[end], set()).add(former)
    noted = {page: {entry.id for entry in entries} for page, entries in retired_notes(model).items()}
    shown = {c: {r.id for r in model.relations_of(c)} | noted.get(component_page(c), set()) for c in kept}
    return {c: sorted(anchors - shown[c]) for c, anchors in sorted(kept.items()) if anchors - shown[c]}


def _former_ids(model: Model, r) -> set[str]:
    """Return the ids a relation had: its aliases, and its id with either end under a former id of that component."""
    names = {end: (end, *getattr(model.component_by_id.get(end), "aliases", ())) for end in (r.from_, r.to)}
    renamed = {f"{a}-{r.kind}-{b}" for a in names[r.from_] for b in names[r.to]}
    return (renamed | set(r.aliases)) - {r.id}


def redirect_pages(model: Model, lang: str = "en") -> dict[str, str]:
    """Return {path: HTML} of a redirect page for every component, question and view alias."""
    return {urls.redirect_file(old): _redirect_html(urls.relative_address(old, new), lang) for old, new in _moved(model)}


def _moved(model: Model) -> list[tuple[str, str]]:
    """Return (former page, current page) for every component, question and view alias."""
    moved = [(component_page(alias), component_page(c.id)) for c in model.components for alias in c.aliases]
    moved += [(view_page(alias), view_page(v.id, v.home)) for v in model.views for alias in v.aliases]
    return moved + [(question_page(alias), question_page(q.id)) for q in model.questions for alias in q.aliases]


def anchor_aliases(model: Model) -> list[str]:
    """Return the former anchors that claims, terms, events, layers and answers' sections keep on their pages."""
    kept = [(QUESTION, alias) for c in model.claims for alias in c.aliases]
    kept += [(GLOSSARY, alias) for t in model.terms for alias in t.aliases]
    kept += [(TIMELINE, alias) for e in model.events for alias in e.aliases]
    kept += [(LAYERS, alias) for layer in model.layers for alias in layer.aliases]
    kept += [(question_page(q.id), alias) for q in model.questions for s in q.sections for alias in s.aliases]
    return sorted("/" + anchor(page, alias) for page, alias in kept)


def retired_pages(model: Model) -> dict[str, Retired]:
    """Return {page path: entry} for every retired component, answer and view: a removal page stands at its address."""
    return {PAGE_KINDS[r.kind](r.id): r for r in model.retired if r.kind in PAGE_KINDS}


def retired_notes(model: Model) -> dict[str, list[Retired]]:
    """Return {page path: entries} of the pages that keep a removed entity's anchor, with a note on when and why."""
    owner, notes, pages = _owners(model), {}, set(page_paths(model))
    for r in model.retired:
        ends = (relation_ends(r.id, _known_components(model)) or ()) if r.kind == "relation" else ()
        places = [component_page(owner[end]) for end in dict.fromkeys(ends) if end in owner] + [ANCHOR_PAGES.get(r.kind)]
        for page in (p for p in places if p in pages):
            notes.setdefault(page, []).append(r)
    return dict(sorted(notes.items()))


def retired_addresses(model: Model, entry: Retired) -> list[str]:
    """Return where a retired entity was, from an edition's root: its page, or its anchors (a relation's, on both ends)."""
    if entry.kind in PAGE_KINDS:
        return [page_url(PAGE_KINDS[entry.kind](entry.id))]
    if entry.kind != "relation":
        return [anchor(ANCHOR_PAGES[entry.kind], entry.id)]
    ends = relation_ends(entry.id, _known_components(model)) or ()
    return [anchor(component_page(end), entry.id) for end in sorted(set(ends))]


def _known_components(model: Model) -> set[str]:
    """Return every id a component has had an address under: current, former and retired."""
    return set(_owners(model)) | {r.id for r in model.retired if r.kind == "component"}


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
    """Return an error for every published address that neither exists, nor redirects, nor says it was removed."""
    working = _working(model)
    moved = {"/" + page_url(old): "/" + page_url(new) for old, new in _moved(model)}
    removed = {"/" + page_url(page) for page in retired_pages(model)}  # and with them every anchor they had
    retired_file = posixpath.join(posixpath.dirname(shown), RETIRED)
    issues = []
    for number, address in enumerate(lines, 1):
        if not address or address.startswith("#"):
            continue
        page, _, fragment = _in_edition(address).partition("#")
        page = moved.get(page, page)
        if page not in removed and page + (f"#{fragment}" if fragment else "") not in working:
            why = _gone(model, page, fragment, address, working, retired_file)
            issues.append(Issue(shown, number, 1, f"published address '{address}' no longer exists: {why}", "gone-address"))
    return issues


def _working(model: Model) -> set[str]:
    """Return every address of an edition, from its root with a leading slash, that a page or an element stands at."""
    working = {"/" + address for address in _addresses(model)} | set(anchor_aliases(model))
    working |= {"/" + anchor(component_page(c), a) for c, anchors in alias_anchors(model).items() for a in anchors}
    return working | {"/" + anchor(page, r.id) for page, entries in retired_notes(model).items() for r in entries}


def _gone(model: Model, page: str, fragment: str, address: str, working: set[str], retired_file: str) -> str:
    """Say what is missing at a gone address, and what to write to keep it working."""
    if not fragment:
        kind, entity_id = entity_at(page[1:]) or ("", "")
        return f"no {kind} '{entity_id}'; {_keep(kind, entity_id, retired_file)}" if kind else "the model makes no page there now"
    if page not in working:
        return f"its page '{address.partition('#')[0]}' is gone too; keep the page first (retiring it keeps its anchors)"
    return _gone_anchor(model, page, fragment, retired_file)


def _gone_anchor(model: Model, page: str, fragment: str, retired_file: str) -> str:
    """Say whose anchor is missing on a page that is still there, and what to write to keep it."""
    kind, entity_id = entity_at(page[1:]) or (_anchor_kind(page), "")
    if kind == "question":
        return (f"no section '{fragment}' in question '{entity_id}'; "
                f"add 'aliases: [{fragment}]' to the section of that question that covers it now")
    if kind == "component":  # a relation's anchor; name the relation that has the same ends, if one does
        ends = relation_ends(fragment, _known_components(model))
        same = [r.id for r in model.relations if ends and (r.from_, r.to) == ends]
        hint = f" (relation '{same[0]}' has the same ends)" if same else ""
        return f"no relation '{fragment}' on component '{entity_id}'; {_keep('relation', fragment, retired_file, hint)}"
    if kind in ANCHOR_PAGES:
        return f"no {kind} '{fragment}'; {_keep(kind, fragment, retired_file)}"
    return f"no anchor '{fragment}' on that page"


def _anchor_kind(page: str) -> str:
    """Return the kind of entity whose anchors a page holds (claim on the question page, ...), or ''."""
    return next((kind for kind, holder in ANCHOR_PAGES.items() if "/" + page_url(holder) == page), "")


def _keep(kind: str, entity_id: str, retired_file: str, hint: str = "") -> str:
    """Say how to keep an address: an alias on the successor, or a retirement with a reason."""
    return (f"add 'aliases: [{entity_id}]' to the {kind} that replaced it{hint}, or, if nothing did, "
            f"retire it in {retired_file} with a reason (id: {entity_id}, kind: {kind})")


def unregistered(lines: list[str], model: Model, shown: str) -> list[Issue]:
    """Return one warning when the site has addresses that the registry does not list yet."""
    new = sorted(set(site_addresses(model)) - set(lines))
    if not new:
        return []
    return [Issue(shown, 1, 1, f"{len(new)} address(es) of the site are not registered yet, such as '{new[0]}'; "
                  f"run `make addresses` and commit {shown}", "unregistered-address", severity="warning")]
