"""Start a new entity for a contributor: every expected field, TODO where the facts go.

Input: what to add (a component, source, relation or question), its id, an
optional part name, the loaded Documents and the text of the file it goes
into. Output: that file's new text, with the entry appended (or the whole
file, with its schema line, when the part is new), and the entry's line; or
Refused with a one-line reason. Pure: `scripts/cli.py new` reads and writes the files, and
validate.py refuses every TODO left in them (issue code `todo`), so
`make check` lists what is still to write.
"""

from . import schema
from .json_schema import schema_file
from .load import Document, parse_document
from .validate import ID_RE, collection_file

__all__ = ["Refused", "TARGETS", "new_file_text", "target_file"]

# What `new` can add, and the model file each goes into.
TARGETS = {c.entity: name for name, c in schema.COLLECTIONS.items() if c.entity in ("component", "source", "relation", "question")}

# The fields a new entry starts with, in the order the model's files write
# them: the required ones and the optional ones most entries have. Nested
# objects not listed here get their required fields.
FIELDS = {
    "component": ("id", "name", "layer", "kind", "role", "summary", "sources", "description", "homepage",
                  "repository", "licence", "first_release", "packages"),
    "relation": ("from", "to", "kind", "label", "protocol", "interface", "sources"),
    "source": ("id", "title", "url", "publisher", "date", "checked"),
    "question": ("id", "heading", "title", "short_answer", "view", "sections"),
    "packages": ("debian", "fedora", "arch", "sources", "as_of"),
}
BLOCK_TEXTS = ("summary", "text")  # long texts, one language per line
TODO = "TODO"


class Refused(Exception):
    """Raised with a one-line reason when an entry cannot be added."""


def target_file(what: str, part: str | None) -> str:
    """Return the model file an entry goes into: components.yaml, or components.<part>.yaml."""
    whole = TARGETS[what]
    if part is None:
        return whole
    name = f"{whole[: -len('.yaml')]}.{part}.yaml"
    if collection_file(name) != whole:
        raise Refused(f"'{part}' is not a part name: lowercase letters, digits and hyphens, like 'alternatives'")
    return name


def new_file_text(what: str, item_id: str, name: str, old_text: str | None, documents: list[Document]) -> tuple[str, int]:
    """Return model file name's text with a new entry appended, and the entry's line; raise Refused when it cannot be."""
    collection = schema.COLLECTIONS[TARGETS[what]]
    given = _given(what, item_id, documents)
    entry = entry_lines(collection.item, given)
    if old_text is None:
        head = f"# yaml-language-server: $schema=schema/{schema_file(TARGETS[what])}\n{collection.key}:\n"
        text = head + "\n".join(_indented(entry, 2)) + "\n"
    else:
        text = _appended(old_text, entry, _item_indent(old_text, name, collection.key))
    return text, _appended_at(text, name, collection, given)


def _given(what: str, item_id: str, documents: list[Document]) -> dict[str, str]:
    """Return the fields the id decides, after refusing an id that is malformed or taken."""
    taken = existing_ids(documents, what)
    if item_id in taken:
        raise Refused(f"{what} '{item_id}' already exists ({taken[item_id]}); choose another id")
    if what == "relation":
        return _relation_ends(item_id, existing_ids(documents, "component"))
    if not ID_RE.fullmatch(item_id):
        raise Refused(f"'{item_id}' is not an id: use lowercase letters and digits joined by single hyphens, like 'virt-manager'")
    return {"id": item_id}


def existing_ids(documents: list[Document], entity: str) -> dict[str, str]:
    """Return {id: "file:line:col"} of every id and former id (aliases) of an entity in documents."""
    found = {}
    for doc in documents:
        collection = schema.COLLECTIONS.get(collection_file(doc.path.rsplit("/", 1)[-1]) or "")
        if collection is None or collection.entity != entity or not isinstance(doc.data, dict):
            continue
        items = doc.data.get(collection.key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            for item_id, path in _ids_of(item, collection, (collection.key, index)):
                found.setdefault(item_id, "{}:{}:{}".format(doc.path, *doc.where(path)))
    return found


def _ids_of(item: object, collection: schema.Collection, path: tuple) -> list[tuple[str, tuple]]:
    """Return (id, path) of an item's id (a relation's from-kind-to) and of each of its aliases."""
    if not isinstance(item, dict):
        return []
    ends = [item.get(k) for k in ("from", "kind", "to")]
    if collection.has_id:
        ids = [(item.get("id"), path + ("id",))]
    else:
        ids = [("-".join(ends), path)] if all(isinstance(end, str) for end in ends) else []
    aliases = item.get("aliases")
    ids += [(alias, path + ("aliases", i)) for i, alias in enumerate(aliases if isinstance(aliases, list) else [])]
    return [(i, at) for i, at in ids if isinstance(i, str)]


def _relation_ends(relation_id: str, components: dict[str, str]) -> dict[str, str]:
    """Read from, kind and to off a relation id: virsh-uses-libvirt; both ends must be components the model has."""
    readings = [(relation_id[:at], kind, relation_id[at + len(kind) + 2:])
                for kind in schema.RELATION_KINDS for at in _find_all(relation_id, f"-{kind}-")]
    for start, kind, end in readings:
        if start in components and end in components:
            return {"from": start, "to": end, "kind": kind}
    if readings:
        start, _, end = readings[0]
        missing = start if start not in components else end
        raise Refused(f"there is no component '{missing}' for relation '{relation_id}'; add it first: "
                      f"make new WHAT=component ID={missing}")
    raise Refused(f"'{relation_id}' is not a relation id: write from-kind-to, like 'virsh-uses-libvirt', "
                  f"with a kind among {', '.join(schema.RELATION_KINDS)}")


def _find_all(text: str, marker: str) -> list[int]:
    """Return every index at which marker starts in text, past the first character."""
    found, at = [], text.find(marker, 1)
    while at > 0:
        found.append(at)
        at = text.find(marker, at + 1)
    return found


# The entry's text ---------------------------------------------------------------

def entry_lines(spec: schema.Obj, given: dict[str, str]) -> list[str]:
    """Return the lines of a new item, unindented: the given values, TODO in every other field."""
    lines = []
    for key in FIELDS.get(spec.name) or [k for k, f in spec.fields.items() if f.required]:
        lines += _field_lines(key, spec.fields[key].type, given.get(key))
    return lines


def _field_lines(key: str, spec: object, value: str | None) -> list[str]:
    """Return the lines of one field: its given value, or a TODO of the shape its type needs."""
    if value is not None:
        return [f"{key}: {value}"]
    if isinstance(spec, schema.Text) and key in BLOCK_TEXTS:
        return [f"{key}:"] + [f"  {lang}: {TODO}" for lang in schema.REQUIRED_LANGUAGES]
    if isinstance(spec, schema.Text):
        return [f"{key}: {{" + ", ".join(f"{lang}: {TODO}" for lang in schema.REQUIRED_LANGUAGES) + "}"]
    if isinstance(spec, schema.Obj):
        return [f"{key}:"] + _indented(entry_lines(spec, {}), 2, dash=False)
    if isinstance(spec, schema.ListOf) and isinstance(spec.item, schema.Obj):
        return [f"{key}:"] + _indented(entry_lines(spec.item, {}), 2)
    if isinstance(spec, schema.ListOf):
        return [f"{key}: [{TODO}]"]
    return [f'{key}: "{TODO}"' if isinstance(spec, schema.Date) else f"{key}: {TODO}"]


def _indented(lines: list[str], indent: int, dash: bool = True) -> list[str]:
    """Return an item's lines as a list item ("- " before the first) or as a mapping, indent spaces in."""
    pad = " " * indent
    first = f"{pad}- " if dash else pad
    rest = pad + ("  " if dash else "")
    return [first + lines[0]] + [rest + line for line in lines[1:]]


# Appending --------------------------------------------------------------------

def _item_indent(text: str, name: str, key: str) -> int:
    """Return how far the file indents its list items' dashes (2 when it has no items yet)."""
    document, _ = parse_document(text.encode("utf-8"), name)
    if document is None or not isinstance(document.data, dict) or not document.data.get(key):
        return 2
    return document.where((key, 0))[1] - 3


def _appended(text: str, entry: list[str], indent: int) -> str:
    """Return text with the entry's lines added at the end, after one blank line."""
    body = text.rstrip("\n")
    return body + "\n\n" + "\n".join(_indented(entry, indent)) + "\n"


def _appended_at(text: str, name: str, collection: schema.Collection, given: dict[str, str]) -> int:
    """Return the line of the new entry, the last item of the file's list; refuse the text if it is not there."""
    document, _ = parse_document(text.encode("utf-8"), name)
    items = document.data.get(collection.key) if document is not None and isinstance(document.data, dict) else None
    last = items[-1] if isinstance(items, list) and items else None
    if not isinstance(last, dict) or any(last.get(k) != v for k, v in given.items()):
        raise Refused(f"cannot append to {name}: write its '{collection.key}' list one '- ' item per line, "
                      "and fix its YAML first (make check)")
    return document.where((collection.key, len(items) - 1))[0]
