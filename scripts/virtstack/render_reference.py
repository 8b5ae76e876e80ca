"""Write the model reference page from the checker's own specs.

Input: schema.COLLECTIONS, the page's words (words.REFERENCE_WORDS), the
kind labels and the examples. Output: the Markdown of reference.md in one
language, which documents every file, field, kind and relation type, so the
documentation cannot drift from what `make check` accepts (tests/test_words.py
holds the English words to schema.py and issues.py). Pure: no I/O.
"""

from . import schema
from .escape import html_text
from .examples import EXAMPLES
from .export import VERSION
from .issues import ISSUE_CODES
from .style import RELATION_STYLE
from .urls import issue_anchor
from .words import KIND_LABELS, REFERENCE_WORDS, VERDICT_LABELS

__all__ = ["REFERENCE_WORDS", "documented_fields", "render_reference"]


def render_reference(lang: str = "en") -> str:
    """Return the Markdown of the model reference page in one language."""
    lines = [REFERENCE_WORDS[lang]["intro"]]
    for name, collection in schema.COLLECTIONS.items():
        lines += _collection(name, collection, lang)
    return "\n".join(lines + _vocabulary(lang) + _issue_codes(lang) + _model_data(lang)) + "\n"


def _collection(name: str, collection: schema.Collection, lang: str) -> list[str]:
    """Return the section of one model file: its fields, nested objects and example."""
    words = REFERENCE_WORDS[lang]
    optional = "" if collection.required else words["optional"]
    lines = [f"## {name} {{#{collection.key}}}", "",
             words["collection"].format(key=collection.key, **_forms(collection.entity, lang)) + optional, ""]
    for obj in _objects(collection.item):
        heading = _forms(obj.name, lang)["heading"]
        lines += [f"### {heading} {{#{collection.key}-{obj.name.replace('_', '-')}}}", ""]
        lines += [_scroll_region(words["fields-region"].format(heading=heading)), ""]
        lines += [words["fields-head"], "| --- | --- | --- | --- |"]
        for key, fld in obj.fields.items():
            required = words["yes"] if fld.required else ""
            lines.append(f"| `{key}` | {_describe(fld.type, lang)} | {required} | {_meaning(obj, key, fld, lang)} |")
        lines += ["", "</div>", ""]
    return lines + [words["example"], "", _yaml_block(EXAMPLES[name]), ""]


def _scroll_region(name: str) -> str:
    """Open the box a fields table scrolls sideways in when it is wider than the screen.

    It is a named region in the tab order, so a keyboard can scroll it too (axe
    scrollable-region-focusable); theme-fixes.css makes it, not Material's own
    wrapper, the part that scrolls. Close it with "</div>" after the table.
    """
    return f'<div class="vs-scroll" role="region" tabindex="0" aria-label="{html_text(name)}" markdown>'


def _yaml_block(text: str) -> str:
    """Return a YAML example as a code block whose long lines wrap instead of scrolling sideways.

    Each line is a span that carries its own indentation, so theme-fixes.css can
    continue a wrapped line two characters deeper than it starts, as YAML itself
    continues a value. The block's text is the example's, character for character.
    """
    spans = (f'<span class="vs-line" style="--indent: {len(line) - len(line.lstrip(" "))}ch">{html_text(line)}</span>'
             for line in text.rstrip("\n").split("\n"))
    return '<pre class="vs-yaml"><code class="language-yaml">' + "\n".join(spans) + "</code></pre>"


def _objects(spec: schema.Obj) -> list[schema.Obj]:
    """Return an object spec and the object specs nested in it, each once."""
    found = [spec]
    for fld in spec.fields.values():
        inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
        if isinstance(inner, schema.Obj) and inner.name != "statement":
            found += [o for o in _objects(inner) if o not in found]
    return found


def documented_fields() -> dict[str, str]:
    """Return the English doc of every field the page shows with one, keyed "<object>.<field>"."""
    objects = [o for c in schema.COLLECTIONS.values() for o in _objects(c.item)]
    return {f"{o.name}.{key}": fld.doc for o in objects for key, fld in o.fields.items() if fld.doc}


def _meaning(obj: schema.Obj, key: str, fld: schema.Field, lang: str) -> str:
    """Return what a field means, in the language's words, for a field that has a doc."""
    return REFERENCE_WORDS[lang]["fields"][f"{obj.name}.{key}"] if fld.doc else ""


def _forms(name: str, lang: str) -> dict[str, str]:
    """Return an entity's name as the templates use it: one, of_one, of_many and as a heading."""
    one, of_one, of_many = REFERENCE_WORDS[lang]["entities"][name]
    return {"one": one, "of_one": of_one, "of_many": of_many, "heading": REFERENCE_WORDS[lang]["headings"][name]}


def _describe(spec: object, lang: str) -> str:
    """Name a value type for the reference tables."""
    words = REFERENCE_WORDS[lang]
    if isinstance(spec, schema.ListOf):
        return words["non-empty-list" if spec.non_empty else "list"].format(items=_describe_many(spec.item, lang))
    if isinstance(spec, schema.Enum):
        return words["one-of"].format(values=", ".join(f"`{v}`" for v in spec.values))
    if isinstance(spec, schema.Ref):
        return words["ref"].format(**_forms(spec.entity, lang))
    if isinstance(spec, schema.Obj):
        forms = _forms(spec.name, lang)
        return forms["one"] if spec.name == "statement" else words["below"].format(**forms)
    return words["types"][type(spec).__name__][0]


def _describe_many(spec: object, lang: str) -> str:
    """Name the items of a list, in the form the words "list of" take."""
    words = REFERENCE_WORDS[lang]
    if isinstance(spec, schema.Ref):
        return words["refs"].format(**_forms(spec.entity, lang))
    if isinstance(spec, schema.Obj):
        forms = _forms(spec.name, lang)
        return forms["of_many"] if spec.name == "statement" else words["below-many"].format(**forms)
    return words["types"][type(spec).__name__][1]


def _vocabulary(lang: str) -> list[str]:
    """Return the tables of component kinds, relation kinds and verdicts."""
    words = REFERENCE_WORDS[lang]
    lines = [f"## {words['kinds-heading']} {{#component-kinds}}", "", words["kinds-head"], "| --- | --- |"]
    lines += [f"| `{kind}` | {KIND_LABELS[lang][kind]} |" for kind in schema.COMPONENT_KINDS]
    lines += ["", f"## {words['relation-kinds-heading']} {{#relation-kinds}}", "",
              words["relation-kinds-intro"], "", words["relation-kinds-head"], "| --- | --- |"]
    lines += [f"| `{kind}` | {words['lines'][RELATION_STYLE[kind]]} |" for kind in schema.RELATION_KINDS]
    lines += ["", f"## {words['verdicts-heading']} {{#verdicts}}", "", words["verdicts-head"], "| --- | --- |"]
    lines += [f"| `{v}` | {VERDICT_LABELS[lang][v]} |" for v in schema.VERDICTS]
    return lines + [""]


def _model_data(lang: str) -> list[str]:
    """Return the section on model.json, the model published as data."""
    words = REFERENCE_WORDS[lang]
    return ["", f"## {words['data-heading']} {{#model-json}}", "", words["data"].format(version=VERSION).rstrip("\n")]


def _issue_codes(lang: str) -> list[str]:
    """Return the table of issue codes and what each means."""
    words = REFERENCE_WORDS[lang]
    lines = [f"## {words['issues-heading']} {{#issue-codes}}", "", words["issues-intro"], words["issues-head"], "| --- | --- |"]
    return lines + [f"| `{code}`{{#{issue_anchor(code)}}} | {words['issues'][code]} |" for code in ISSUE_CODES]
