"""Compare two versions of the model for a reviewer: what changed, in words and pictures.

Input: the Model and generated files of a base and a head version (from
pipeline.render), and the head's registry of published addresses. Output:
every entity added, removed, renamed or changed, each changed field with its
old and new value (texts per language); the public addresses added and
retired; the diagrams whose DOT changed, their SVGs with what was added,
removed or changed outlined; and a Markdown report of it all, with the
pictures for a folder or artifact and without them for a CI job summary.
Pure: the CLI reads the two versions from git and writes the files.
"""

import dataclasses
import html
import itertools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from . import schema
from .addresses import check_registry, site_addresses
from .escape import markdown_code, markdown_fragment
from .model import Model, View

__all__ = ["Change", "Edit", "address_changes", "changed_diagrams", "diff_models", "mark_svg", "picture_files",
           "picture_marks", "render_report"]

# How an Edit's values are shown: a text or words per language, a list's
# items added and removed, or one value replaced by another.
TEXT, WORDS, LIST, VALUE = "text", "words", "list", "value"
# What a picture's outline means, its colour and its dash, in the order the legend names them.
# A box gets a wide band around it (its own thin border has a layer's colour), an arrow a thick line.
MARKS = {"added": ("#1a7f37", ""), "removed": ("#cf222e", "12 6"), "changed": ("#bf8700", "")}
LEGEND = ("Outlined in the pictures: a wide green band, added; red and dashed, removed (in the before picture); "
          "amber, changed (see the fields above).")
# What the report calls an address, by its status, in the order it lists them.
ADDRESS_KINDS = {
    "unregistered": "{n} new, not yet in `diagrams/published.txt` (`make addresses` registers them):",
    "added": "{n} new, registered:",
    "kept": "{n} retired, still working (a redirect, a former anchor kept, or a removal note):",
    "gone": "{n} gone, with nothing in their place (old links to them stop working):",
}
# A text longer than this shows its old and new wording on a line each.
LONG_TEXT = 100
# A text is compared word by word, punctuation and spaces apart.
_WORD = re.compile(r"\w+|\s+|[^\w\s]")
_SVG_GROUP = re.compile(r'(<g\b[^>]*?\bclass=")([^"]*)(")')


@dataclass(frozen=True)
class Edit:
    """One field that changed: where (summary, packages.debian, columns[xen].title), how to show it, both values."""

    field: str
    kind: str
    before: object
    after: object


@dataclass(frozen=True)
class Change:
    """One difference: an entity added, removed, renamed (from old_id) or changed, with its edits."""

    entity: str
    id: str
    kind: str
    edits: tuple[Edit, ...] = ()
    old_id: str = ""


# The model ---------------------------------------------------------------

def diff_models(before: Model, after: Model) -> list[Change]:
    """Return every entity-level change from before to after: collections in file order, each sorted by id."""
    changes = []
    for collection in schema.COLLECTIONS.values():
        old = {_key(collection, item): _as_written(item, before) for item in getattr(before, collection.key)}
        new = {_key(collection, item): _as_written(item, after) for item in getattr(after, collection.key)}
        changes += sorted(_compare(collection, old, new), key=lambda c: (c.id, c.kind))
    return changes


def _key(collection: schema.Collection, item: object) -> str:
    """Return what tells an item from the others of its collection: its id, or kind/id where ids are unique per kind."""
    return f"{item.kind}/{item.id}" if getattr(collection, "per_kind", False) else item.id


def _as_written(item: object, model: Model) -> object:
    """Return an item as its file has it: a view's layers and components left out again where validate filled them in."""
    if not isinstance(item, View):
        return item
    every_layer = tuple(layer.id for layer in model.layers)
    in_layers = tuple(sorted(c.id for c in model.components if c.layer in item.layers))
    return dataclasses.replace(item, layers=() if item.layers == every_layer else item.layers,
                               components=() if item.components == in_layers else item.components)


def _compare(collection: schema.Collection, old: dict, new: dict) -> list[Change]:
    """Return the changes between two {id: item} maps of one collection."""
    entity = collection.entity
    renamed = {alias: item.id for item in new.values() for alias in getattr(item, "aliases", ())
               if alias in old and alias not in new}
    changes = [Change(entity, new_id, "renamed", _edits(collection.item, "", old[old_id], new[new_id]), old_id)
               for old_id, new_id in renamed.items()]
    changes += [Change(entity, i, "added") for i in new if i not in old and i not in renamed.values()]
    changes += [Change(entity, i, "removed") for i in old if i not in new and i not in renamed]
    edited = {i: _edits(collection.item, "", old[i], new[i]) for i in set(old) & set(new)}
    return changes + [Change(entity, i, "changed", edits) for i, edits in edited.items() if edits]


def _edits(spec: object, path: str, old: object, new: object) -> tuple[Edit, ...]:
    """Return the edits that turn old into new, two values of the schema type spec found at path."""
    if old == new:
        return ()
    if isinstance(spec, schema.Obj):
        return tuple(edit for key, fld in spec.fields.items() if key != "id"
                     for edit in _edits(fld.type, _join(path, key), _field(old, fld, key), _field(new, fld, key)))
    if isinstance(spec, schema.ListOf) and isinstance(spec.item, schema.Obj):
        return _item_edits(spec.item, path, old, new)
    kinds = {schema.Text: TEXT, schema.Template: TEXT, schema.Words: WORDS, schema.ListOf: LIST}
    return (Edit(path, kinds.get(type(spec), VALUE), old, new),)


def _join(path: str, key: str) -> str:
    """Return the path of a field inside the value at path: (licence, spdx) -> licence.spdx."""
    return f"{path}.{key}" if path else key


def _field(item: object, fld: schema.Field, key: str) -> object:
    """Return a field of an item, or the field's empty value when there is no item."""
    if item is not None:
        return getattr(item, fld.attr or key)
    return () if isinstance(fld.type, schema.ListOf) else None


def _item_edits(spec: schema.Obj, path: str, old: tuple, new: tuple) -> tuple[Edit, ...]:
    """Return the edits of a list of objects: matched by id when they have one, else by position after a sequence match."""
    if "id" in spec.fields:
        olds, news = {i.id: i for i in old}, {i.id: i for i in new}
        edits = [e for key in [*news, *(k for k in olds if k not in news)]
                 for e in _edits(spec, f"{path}[{key}]", olds.get(key), news.get(key))]
        kept = ([i for i in olds if i in news], [i for i in news if i in olds])
        return tuple(edits) + ((Edit(path, LIST, tuple(kept[0]), tuple(kept[1])),) if kept[0] != kept[1] else ())
    pairs = [pair for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
             if tag != "equal" for pair in itertools.zip_longest(range(i1, i2), range(j1, j2))]
    return tuple(e for i, j in pairs for e in _edits(spec, f"{path}[{1 + (i if j is None else j)}]",
                                                      None if i is None else old[i], None if j is None else new[j]))


# Addresses ---------------------------------------------------------------

def address_changes(before: Model, after: Model, registry: list[str]) -> list[tuple[str, str]]:
    """Return (address, kind) for every public address added or retired, grouped by ADDRESS_KINDS, sorted."""
    old, new = set(site_addresses(before)), set(site_addresses(after))
    registered = {line.strip() for line in registry}
    retired = sorted(old - new)
    broken = {retired[issue.line - 1] for issue in check_registry(retired, after, "")}
    found = [(a, "added" if a in registered else "unregistered") for a in new - old]
    found += [(a, "gone" if a in broken else "kept") for a in retired]
    return sorted(found, key=lambda pair: (list(ADDRESS_KINDS).index(pair[1]), pair[0]))


# Pictures ----------------------------------------------------------------

def changed_diagrams(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str]]:
    """Return (SVG path, new|removed|changed) for every diagram whose DOT differs between two builds, sorted."""
    dots = sorted(p for p in {*before, *after} if p.endswith(".dot") and before.get(p) != after.get(p))
    states = [("new" if p not in before else "removed" if p not in after else "changed") for p in dots]
    return [(p[: -len(".dot")] + ".svg", state) for p, state in zip(dots, states, strict=True)]


def picture_marks(before: Model, after: Model, changes: list[Change]) -> tuple[dict, dict]:
    """Return the marks of the before and the after pictures: {the class names a marked group has: mark}."""
    marks: tuple[dict, dict] = ({}, {})
    for change in (c for c in changes if c.entity in ("component", "relation")):
        if change.kind != "added":
            old = _classes(before, change.entity, change.old_id or change.id)
            marks[0][old] = "removed" if change.kind == "removed" else "changed"
        if change.kind != "removed":
            marks[1][_classes(after, change.entity, change.id)] = "added" if change.kind == "added" else "changed"
    return marks


def _classes(model: Model, entity: str, item_id: str) -> frozenset[str]:
    """Return the class names of an entity's group in the SVG: n-<id> for a box, kind, from and to for an arrow."""
    if entity == "component":
        return frozenset({f"n-{item_id}"})
    relation = next(r for r in model.relations if r.id == item_id)
    return frozenset({f"kind-{relation.kind}", f"from-{relation.from_}", f"to-{relation.to}"})


def mark_svg(svg: str, marks: dict[frozenset, str]) -> str:
    """Return svg with a diff-<mark> class on every group a mark names, and the style that outlines them."""
    def mark(match: re.Match) -> str:
        names = set(html.unescape(match[2]).split())
        found = sorted(m for classes, m in marks.items() if classes <= names)
        return match[0] if not found else f"{match[1]}{match[2]} diff-{found[0]}{match[3]}"
    marked = _SVG_GROUP.sub(mark, svg)
    if marked == svg:
        return svg
    start = marked.index(">", marked.index("<svg")) + 1
    return marked[:start] + "\n" + _mark_style() + marked[start:]


def _mark_style() -> str:
    """Return the <style> element that draws each mark: a wide band behind a box's border, a thick arrow."""
    rules = []
    for name, (colour, dash) in MARKS.items():
        dashed = f" stroke-dasharray: {dash};" if dash else ""
        rules += [f".node.diff-{name} path {{ stroke: {colour}; stroke-width: 10px; paint-order: stroke;{dashed} }}",
                  f".edge.diff-{name} path, .edge.diff-{name} polygon {{ stroke: {colour}; stroke-width: 4px;{dashed} }}"]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def picture_files(diagrams: list[tuple[str, str]], before: dict, after: dict, marks: tuple[dict, dict]) -> dict[str, str]:
    """Return {before/<svg> or after/<svg>: marked SVG} for every changed diagram, on each side it exists."""
    files = {}
    for svg, _ in diagrams:
        for side, outputs, side_marks in (("before", before, marks[0]), ("after", after, marks[1])):
            if svg in outputs:
                files[f"{side}/{svg}"] = mark_svg(outputs[svg], side_marks)
    return files


# The report --------------------------------------------------------------

def render_report(base: str, head: str, changes: list[Change], addresses: list[tuple[str, str]],
                  diagrams: list[tuple[str, str]], pictures: bool = True) -> str:
    """Return the Markdown report: the changes, their fields, the addresses, then the diagrams (with pictures or not)."""
    lines = [f"# Model changes: {_code(base)} → {_code(head)}", ""]
    if not changes and not addresses and not diagrams:
        return "\n".join(lines + ["No change to the model, its addresses or its diagrams.", ""])
    if changes:
        lines += ["| what | id | change |", "| --- | --- | --- |"]
        lines += [f"| {c.entity} | {_code(c.id)} | {_describe(c)} |" for c in changes] + [""]
    edited = [c for c in changes if c.edits]
    if edited:
        lines += ["## Fields that changed", ""] + [line for c in edited for line in _change_fields(c)]
    if addresses:
        lines += _address_lines(addresses)
    if diagrams:
        lines += _diagram_lines(diagrams, pictures)
    return "\n".join(lines)


def _describe(change: Change) -> str:
    """Return a change in words for the report's table."""
    if change.kind == "renamed":
        said = f"renamed from {_code(change.old_id)} (its alias keeps old links working)"
        return said + (f"; changed: {_field_names(change.edits)}" if change.edits else "")
    if change.kind == "changed":
        return "changed: " + _field_names(change.edits)
    return change.kind


def _field_names(edits: tuple[Edit, ...]) -> str:
    """Return the top-level fields the edits touch, each marked when only some of its languages changed."""
    names = dict.fromkeys(_top(e.field) for e in edits)
    return ", ".join(name + _only(e for e in edits if _top(e.field) == name) for name in names)


def _top(field: str) -> str:
    """Return the top-level field of a path: packages.debian -> packages, intro[2].text -> intro."""
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def _only(edits) -> str:
    """Return ' (en only)' when the texts among edits changed in some languages only, else ''."""
    changed = {lang for e in edits if e.kind in (TEXT, WORDS) for lang in _changed_languages(e)}
    if not changed or len(changed) == len(schema.LANGUAGES):
        return ""
    return f" ({', '.join(lang for lang in schema.LANGUAGES if lang in changed)} only)"


def _changed_languages(edit: Edit) -> list[str]:
    """Return the languages in which a text or words edit changed."""
    return [lang for lang in schema.LANGUAGES if _in(edit.before, lang) != _in(edit.after, lang)]


def _in(value: object, lang: str) -> object:
    """Return a text's or words' value in lang, or None when there is no value."""
    return None if value is None else getattr(value, lang)


def _change_fields(change: Change) -> list[str]:
    """Return the report's list of one changed entity's fields, old and new."""
    return [f"### {change.entity} {_code(change.id)}", ""] + [
        line for edit in change.edits for line in _edit_lines(edit)] + [""]


def _edit_lines(edit: Edit) -> list[str]:
    """Return the list item of one edit: a line per language for texts and words, one line otherwise."""
    name = _code(edit.field)
    if edit.kind == TEXT:
        return [f"- {name}"] + [line for lang in schema.LANGUAGES
                                for line in _text_lines(lang, _in(edit.before, lang), _in(edit.after, lang))]
    if edit.kind == WORDS:
        return [f"- {name}"] + [f"  - {lang}: {_list_change(_in(edit.before, lang) or (), _in(edit.after, lang) or ())}"
                                for lang in schema.LANGUAGES]
    if edit.kind == LIST:
        return [f"- {name}: {_list_change(edit.before or (), edit.after or ())}"]
    return [f"- {name}: {_value(edit.before)} → {_value(edit.after)}"]


def _text_lines(lang: str, old: str | None, new: str | None) -> list[str]:
    """Return one language of a text change: unchanged, or old → new with the words that differ marked (long ones on two lines)."""
    if old == new:
        return [f"  - {lang}: unchanged"]
    if old is None or new is None:
        shown = (_text_or_none(old), _text_or_none(new))
    elif old.split() == new.split():
        return [f"  - {lang}: only whitespace changed"]
    else:
        shown = _marked_words(" ".join(old.split()), " ".join(new.split()))
    if max(len(old or ""), len(new or "")) <= LONG_TEXT:
        return [f"  - {lang}: {shown[0]} → {shown[1]}"]
    return [f"  - {lang}, before: {shown[0]}", f"  - {lang}, after: {shown[1]}"]


def _text_or_none(text: str | None) -> str:
    """Return a text as Markdown that shows it literally, or *(none)*."""
    return "*(none)*" if text is None else markdown_fragment(" ".join(text.split()))


def _marked_words(old: str, new: str) -> tuple[str, str]:
    """Return two texts as Markdown, what only old has struck out (<del>) and what only new has underlined (<ins>)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    sides: tuple[list, list] = ([], [])
    for tag, i1, i2, j1, j2 in _word_opcodes(a, b):
        for side, piece, mark in ((0, "".join(a[i1:i2]), "del"), (1, "".join(b[j1:j2]), "ins")):
            text = markdown_fragment(piece)
            if piece:
                sides[side].append(text if tag == "equal" or piece.isspace() else f"<{mark}>{text}</{mark}>")
    return "".join(sides[0]), "".join(sides[1])


def _word_opcodes(a: list[str], b: list[str]) -> list[tuple]:
    """Return the opcodes that turn words a into b, with spaces and punctuation between two changes counted as changed."""
    codes = SequenceMatcher(str.isspace, a, b, autojunk=False).get_opcodes()
    merged: list[list] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        filler = tag == "equal" and 0 < index < len(codes) - 1 and not re.search(r"\w", "".join(a[i1:i2]))
        if (tag != "equal" or filler) and merged and merged[-1][0] == "replace":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append(["replace" if tag != "equal" or filler else "equal", i1, i2, j1, j2])
    return [tuple(code) for code in merged]


def _list_change(old: tuple, new: tuple) -> str:
    """Return a list's change: the items added and removed, or its new order when only the order changed."""
    if old == new:
        return "unchanged"
    added, removed = [i for i in new if i not in old], [i for i in old if i not in new]
    if not added and not removed:
        return f"order {_items(old)} → {_items(new)}"
    return "; ".join(f"{word} {_items(items)}" for word, items in (("added", added), ("removed", removed)) if items)


def _items(items) -> str:
    """Return list items as Markdown code, comma-separated."""
    return ", ".join(_code(str(i)) for i in items)


def _value(value: object) -> str:
    """Return a single value as Markdown: code, true/false, or *(none)*."""
    if value is None:
        return "*(none)*"
    return _code("true" if value is True else "false" if value is False else str(value))


def _code(text: str) -> str:
    """Return text as inline code: a plain code span when nothing in it could end one or a table cell, else escaped <code>."""
    plain = text and text == text.strip() and not re.search(r"[`|\x00-\x1f\x7f]", text)
    return f"`{text}`" if plain else markdown_code(text)


def _address_lines(addresses: list[tuple[str, str]]) -> list[str]:
    """Return the report's section on the public addresses added and retired, grouped by kind."""
    lines = ["## Public addresses", ""]
    for kind, title in ADDRESS_KINDS.items():
        found = [address for address, k in addresses if k == kind]
        if found:
            lines += [title.format(n=len(found)), ""] + [f"- {_code(a)}" for a in found] + [""]
    return lines


def _diagram_lines(diagrams: list[tuple[str, str]], pictures: bool) -> list[str]:
    """Return the report's section on the diagrams that changed: before and after pictures, or a list of them."""
    lines = [f"## Diagrams that changed ({len(diagrams)})", ""]
    if not pictures:
        lines += ["The before and after pictures are in the `model-diff` artifact (report.md, before/ and after/).", ""]
        return lines + [f"- {_code(svg)}" + ("" if state == "changed" else f": {state} diagram")
                        for svg, state in diagrams] + [""]
    lines += [LEGEND, ""]
    for svg, state in diagrams:
        lines += [f"### {_code(svg)}", ""] + _picture_table(svg, state) + [""]
    return lines


def _picture_table(svg: str, state: str) -> list[str]:
    """Return the before | after table of one diagram; a new or removed diagram has one picture and says so."""
    before, after = f"![before](before/{svg})", f"![after](after/{svg})"
    cells = {"new": ("new diagram", after), "removed": (before, "removed diagram")}.get(state, (before, after))
    return ["| before | after |", "| --- | --- |", f"| {cells[0]} | {cells[1]} |"]
