"""Write the model reference page from the checker's own specs.

Input: schema.COLLECTIONS, the kind labels and the examples. Output: the
Markdown of reference.md, which documents every file, field, kind and
relation type, so the documentation cannot drift from what `make check`
accepts. Pure: no I/O.
"""

from . import schema
from .examples import EXAMPLES
from .issues import ISSUE_CODES
from .render_pages import KIND_LABELS, VERDICT_LABELS
from .style import RELATION_STYLE

__all__ = ["render_reference"]

INTRO = """\
# Model reference

The site is generated from YAML files in `diagrams/`. This page lists every
file, every field and every allowed value; it is written from the same rules
`make check` applies. Each example below passes the check as it stands.

Every text is a mapping of language to string: `{en: "..."}`. In texts a pair
of backticks marks code; nothing else is markup. A *statement* is
`{text: {en: "..."}, sources: [source ids]}`. Ids are lowercase letters and
digits joined by single hyphens. Any file but `layers.yaml` may be split into
parts: `components.yaml` plus `components.tools.yaml`, and so on.
"""


def render_reference(lang: str = "en") -> str:
    """Return the Markdown of the model reference page."""
    lines = [INTRO]
    for name, collection in schema.COLLECTIONS.items():
        lines += _collection(name, collection)
    lines += _vocabulary(lang)
    lines += ["## Issue codes {#issue-codes}", "", "| code | what it means |", "| --- | --- |"]
    lines += [f"| `{code}` | {meaning} |" for code, meaning in ISSUE_CODES.items()]
    return "\n".join(lines) + "\n"


def _collection(name: str, collection: schema.Collection) -> list[str]:
    """Return the section of one model file: its fields, nested objects and example."""
    optional = "" if collection.required else " It is optional."
    lines = [f"## {name} {{#{collection.key}}}", "",
             f"A list of {collection.entity}s under the key `{collection.key}`.{optional}", ""]
    for obj in _objects(collection.item):
        lines += [f"### {obj.name} {{#{collection.key}-{obj.name.replace('_', '-')}}}", ""]
        lines += ["| field | value | required | meaning |", "| --- | --- | --- | --- |"]
        for key, fld in obj.fields.items():
            lines.append(f"| `{key}` | {_describe(fld.type)} | {'yes' if fld.required else ''} | {fld.doc} |")
        lines.append("")
    return lines + ["Example:", "", "```yaml", EXAMPLES[name].rstrip("\n"), "```", ""]


def _objects(spec: schema.Obj) -> list[schema.Obj]:
    """Return an object spec and the object specs nested in it, each once."""
    found = [spec]
    for fld in spec.fields.values():
        inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
        if isinstance(inner, schema.Obj) and inner.name != "statement":
            found += [o for o in _objects(inner) if o not in found]
    return found


def _describe(spec: object) -> str:
    """Name a value type for the reference tables."""
    if isinstance(spec, schema.ListOf):
        item = f"{spec.item.entity} ids" if isinstance(spec.item, schema.Ref) else f"{_describe(spec.item)}s"
        return f"list of {item}" + (" (at least one)" if spec.non_empty else "")
    if isinstance(spec, schema.Enum):
        return "one of " + ", ".join(f"`{v}`" for v in spec.values)
    if isinstance(spec, schema.Ref):
        return f"{spec.entity} id"
    if isinstance(spec, schema.Obj):
        return "statement" if spec.name == "statement" else f"{spec.name} (below)"
    return TYPE_NAMES[type(spec)]


TYPE_NAMES = {
    schema.Str: "string", schema.Id: "id", schema.Url: "http(s) URL",
    schema.Date: '`"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`', schema.Bool: "`true` or `false`",
    schema.Text: "text `{en: ...}`", schema.Words: "words `{en: [...]}`",
}


def _vocabulary(lang: str) -> list[str]:
    """Return the tables of component kinds, relation kinds and verdicts."""
    lines = ["## Component kinds {#component-kinds}", "", "| kind | shown as |", "| --- | --- |"]
    lines += [f"| `{kind}` | {KIND_LABELS[lang][kind]} |" for kind in schema.COMPONENT_KINDS]
    lines += ["", "## Relation kinds {#relation-kinds}", "",
              "A relation reads as a sentence: *from* *label* *to*. Its kind sets the line it is drawn with.", "",
              "| kind | line |", "| --- | --- |"]
    lines += [f"| `{kind}` | {RELATION_STYLE[kind]} |" for kind in schema.RELATION_KINDS]
    lines += ["", "## Verdicts {#verdicts}", "", "| verdict | shown as |", "| --- | --- |"]
    lines += [f"| `{v}` | {VERDICT_LABELS[lang][v]} |" for v in schema.VERDICTS]
    return lines + [""]
