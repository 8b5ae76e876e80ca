"""Check the loaded Documents against schema.py and build the Model.

Input: the Documents from load.py. Output: the Model (or None when there are
errors) and every Issue found, located and sorted. This is the only place
that constructs a Model. Checks never stop at the first problem: a model
author fixes a whole batch per run.
"""

import dataclasses
import datetime
import difflib
import re
from dataclasses import dataclass, field
from typing import Iterator
from urllib.parse import urlsplit

from . import model, schema
from .issues import Issue
from .languages import LANGUAGE_NAMES
from .load import Document
from .measure import words
from .views import KINDS, VIEW_KINDS

__all__ = ["partial_model", "validate_model"]

ID_RE = re.compile(schema.ID_PATTERN)
DATE_RE = re.compile(schema.DATE_PATTERN)
MONTH_RE = re.compile(schema.MONTH_PATTERN)
STALE_MONTHS = 18  # a source or an `as_of` older than this is due to be checked again
TODO_RE = re.compile(r"\bTODO\b")  # the placeholder `scripts/cli.py new` writes where the facts go


@dataclass
class _Seen:
    """Ids defined and ids referenced, gathered while the shapes are checked."""

    ids: dict = field(default_factory=dict)    # entity -> {id: (document, path)}
    refs: list = field(default_factory=list)   # (entity, id, document, path, field name)
    aliases: dict = field(default_factory=dict)  # entity -> {former id: id of the entity that lists it}


def validate_model(documents: list[Document], today: datetime.date | None = None) -> tuple[model.Model | None, list[Issue]]:
    """Return the Model built from documents, or None, and every issue found; with today, also what is due a check."""
    seen = _Seen()
    groups, issues = group_documents(documents)
    for name, collection in schema.COLLECTIONS.items():
        for doc in groups[name]:
            issues.extend(check_collection(doc, collection, seen))
    issues.extend(check_refs(seen))
    issues.extend(check_retired(seen))
    issues.extend(check_home_view(groups["views.yaml"]))
    issues.extend(check_view_kinds(groups["views.yaml"]))
    issues.extend(check_tables(groups["questions.yaml"]))
    issues.extend(check_grouped_questions(groups["questions.yaml"]))
    if any(i.severity == "error" for i in issues):
        return None, sorted(issues)
    # Warnings only once there are no errors: a typo in a relation would
    # otherwise also show up as a component without relations.
    issues.extend(check_unused(seen))
    if today is not None:  # only `make check` passes it: the site never depends on the day it is built
        issues.extend(check_stale(groups, today))
    return build_model(groups), sorted(issues)


# Files ----------------------------------------------------------------------

def collection_file(name: str) -> str | None:
    """Return the collection file a file name belongs to: components.x.yaml -> components.yaml."""
    if not name.endswith(".yaml"):
        return None
    base, _, part = name[: -len(".yaml")].partition(".")
    whole = f"{base}.yaml"
    if whole not in schema.COLLECTIONS or (part and (whole in schema.SINGLE_FILE or not ID_RE.fullmatch(part))):
        return None
    return whole


def _unknown_file_message(name: str) -> str:
    """Explain why a file name is not a model file."""
    whole = name.partition(".")[0] + ".yaml"
    if whole in schema.SINGLE_FILE:
        return f"unknown model file '{name}': {whole} cannot be split into parts"
    if whole in schema.COLLECTIONS:
        return f"unknown model file '{name}': a part name is lowercase letters, digits and hyphens, like {whole[:-5]}.tools.yaml"
    return f"unknown model file '{name}'{_did_you_mean(name, schema.COLLECTIONS)}"


def group_documents(documents: list[Document]) -> tuple[dict[str, list[Document]], list[Issue]]:
    """Sort documents into their collections; report missing and unknown files."""
    groups = {name: [] for name in schema.COLLECTIONS}
    issues = []
    for doc in documents:
        name = doc.path.rsplit("/", 1)[-1]
        whole = collection_file(name)
        if whole:
            groups[whole].append(doc)
        else:
            issues.append(Issue(doc.path, 1, 1, _unknown_file_message(name), "unknown-file"))
    folder = documents[0].path.rsplit("/", 1)[0] + "/" if documents and "/" in documents[0].path else ""
    for name, collection in schema.COLLECTIONS.items():
        if collection.required and not groups[name]:
            issues.append(Issue(folder + name, 1, 1, "file is missing; every model needs it", "missing-file"))
    return groups, issues


def check_collection(doc: Document, collection: schema.Collection, seen: _Seen) -> Iterator[Issue]:
    """Check one model file: a mapping whose one key holds a list of entities."""
    if not isinstance(doc.data, dict):
        yield _issue(doc, (), f"file must be a mapping with the key '{collection.key}' but got {_describe(doc.data)}", "bad-type")
        return
    for key in doc.data:
        if key != collection.key:
            yield _issue(doc, (key,), f"unknown top-level key '{key}' (expected '{collection.key}')", "unknown-field", key=True)
    items = doc.data.get(collection.key)
    if not isinstance(items, list):
        yield _issue(doc, (collection.key,), f"'{collection.key}' must be a list but got {_describe(items)}", "bad-type")
        return
    for index, item in enumerate(items):
        path = (collection.key, index)
        yield from check_value(collection.item, item, doc, path, collection.entity, seen)
        if isinstance(item, dict):
            yield from register_id(collection, item, doc, path, seen)


def register_id(collection: schema.Collection, item: dict, doc: Document, path: tuple, seen: _Seen) -> Iterator[Issue]:
    """Record an entity's id and report it if it was defined before."""
    if collection.has_id:
        item_id, id_path = item.get("id"), path + ("id",)
    else:
        ends = [item.get(k) for k in ("from", "kind", "to")]
        item_id, id_path = ("-".join(ends) if all(isinstance(e, str) for e in ends) else None), path
    if not isinstance(item_id, str):
        return
    entity = collection.entity
    if collection.per_kind:  # retired.yaml: a component and a term may both have retired the id 'kvm'
        if not isinstance(item.get("kind"), str):
            return
        entity = f"retired {item['kind']}"
    defined = seen.ids.setdefault(entity, {})
    if item_id in defined:
        first_doc, first_path = defined[item_id]
        line, col = first_doc.where(first_path)
        yield _issue(doc, id_path, f"duplicate {entity} '{item_id}' (first defined at {first_doc.path}:{line}:{col})", "duplicate-id")
    else:
        defined[item_id] = (doc, id_path)
    if isinstance(item.get("aliases"), list):
        seen.aliases.setdefault(entity, {}).update((a, item_id) for a in item["aliases"] if isinstance(a, str))


# Values ---------------------------------------------------------------------

def check_value(spec: object, value: object, doc: Document, path: tuple, name: str, seen: _Seen) -> Iterator[Issue]:
    """Check one value against its type spec."""
    checker = CHECKERS[type(spec)]
    yield from checker(spec, value, doc, path, name, seen)


def check_obj(spec: schema.Obj, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a mapping: unknown fields, missing required fields, each field's value."""
    if not isinstance(value, dict):
        yield _bad_type(doc, path, name, "a mapping", value)
        return
    label = _entity_label(spec, value)
    for key in value:
        if key not in spec.fields:
            hint = _did_you_mean(key, spec.fields) or f" (allowed: {', '.join(spec.fields)})"
            yield _issue(doc, path + (key,), f"unknown field '{key}' in {label}{hint}", "unknown-field", key=True)
    for key, fld in spec.fields.items():
        placeholders = _placeholders(fld.type, value.get(key), path + (key,))
        if placeholders:
            yield from (_todo(doc, at, path + (key,), key, fld, seen) for at in placeholders)
        elif key in value:
            yield from check_value(fld.type, value[key], doc, path + (key,), key, seen)
        elif fld.required:
            yield _issue(doc, path, f"{label} is missing the required field '{key}'", "missing-field")


def _placeholders(spec: object, value: object, path: tuple) -> list[tuple]:
    """Return where a field's value still holds the TODO placeholder, down to but not into nested objects."""
    if isinstance(value, str):
        return [path] if TODO_RE.search(value) else []
    inner = spec.item if isinstance(spec, schema.ListOf) else spec
    if isinstance(inner, schema.Obj) or not isinstance(value, (dict, list)):
        return []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    return [at for key, item in items for at in _placeholders(inner, item, path + (key,))]


def _todo(doc: Document, at: tuple, field_path: tuple, key: str, fld: schema.Field, seen: _Seen) -> Issue:
    """Return the error for a TODO placeholder: which field holds it and what to write instead."""
    per_language = isinstance(fld.type, (schema.Text, schema.Words, schema.Template)) and len(at) > len(field_path)
    lang = at[len(field_path)] if per_language else None
    name = f"{key}.{lang}" if lang else key
    optional = "" if fld.required else f", or remove '{key}' (it is optional)"
    wanted = _wanted(key, fld, lang, seen)
    return _issue(doc, at, f"'{name}' still holds a TODO placeholder; write the {wanted}{optional}", "todo")


def _wanted(key: str, fld: schema.Field, lang: str | None, seen: _Seen) -> str:
    """Say what a placeholder stands for: 'summary in English (one sentence: what it is)', 'kind: one of …'."""
    inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
    what = key.replace("_", " ") + (f" in {LANGUAGE_NAMES.get(lang, lang)}" if lang else "")
    if isinstance(inner, schema.Enum):
        return f"{what}: one of {', '.join(inner.values)}"
    if isinstance(inner, schema.Month):
        return f'{what} in quotes: "YYYY-MM"' + (f" ({fld.doc})" if fld.doc else "")
    if isinstance(inner, schema.Date):
        return f'{what} in quotes: "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
    if isinstance(inner, schema.Url):
        return f"{what}: an http:// or https:// URL"
    if isinstance(inner, schema.Ref) and not fld.doc:
        known = [i for i in seen.ids.get(inner.entity, {}) if ID_RE.fullmatch(i)]  # in the files' order: layers bottom up
        return f"{what} (the id of a {inner.entity}" + (f": {', '.join(known)})" if 0 < len(known) <= 8 else ")")
    return what + (f" ({fld.doc})" if fld.doc else "")


def check_list(spec: schema.ListOf, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a list and each of its items."""
    if not isinstance(value, list):
        yield _bad_type(doc, path, name, "a list", value)
        return
    if spec.non_empty and not value:
        yield _issue(doc, path, f"'{name}' must not be empty", "empty")
    for index, item in enumerate(value):
        yield from check_value(spec.item, item, doc, path + (index,), name, seen)


MAX_STRING = 5000
MAX_BYTES = 12000  # in UTF-8: dot reads at most 16 KiB in one string, escapes included
MAX_WORD = 100  # characters without a breaking space: a diagram wraps texts only there
UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_str(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a non-blank string that pages and diagrams can show."""
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "a string", value)
    elif not value.strip():
        yield _issue(doc, path, f"'{name}' must not be blank", "empty")
    elif UNSHOWABLE.search(value):
        bad = UNSHOWABLE.search(value).group(0)
        yield _issue(doc, path, f"'{name}' contains the control character {bad!r}; remove it", "bad-text")
    elif len(value) > MAX_STRING:
        yield _issue(doc, path, f"'{name}' is {len(value)} characters long; the limit is {MAX_STRING}", "too-long")
    elif (size := len(value.encode("utf-8"))) > MAX_BYTES:
        yield _issue(doc, path, f"'{name}' is {size} bytes long in UTF-8; the limit is {MAX_BYTES}", "too-long")
    elif word := _unwrappable_word(value):
        yield _issue(doc, path, f"'{name}' has a word of {len(word)} characters, {word[:20]!r}…; the limit is "
                     f"{MAX_WORD}, so that a diagram can wrap it: add spaces", "too-long")


def _unwrappable_word(value: str) -> str | None:
    """Return the first word no diagram could wrap: over MAX_WORD characters between spaces a line may break at."""
    return next((word for word in words(value) if len(word) > MAX_WORD and not _URL_LIKE.match(word)), None)


_URL_LIKE = re.compile(r"[(`<]*https?://", re.I)  # a link in Markdown text: pages wrap it, diagrams never draw it


def check_id(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check an id against the safe id pattern."""
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "a string", value)
    elif not ID_RE.fullmatch(value):
        yield _issue(doc, path, f"'{name}' must be lowercase letters and digits joined by single hyphens (like 'virt-manager') but got '{_show(value)}'", "bad-id")


def check_url(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check an absolute http(s) URL."""
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "a string", value)
        return
    try:
        parts = urlsplit(value)
    except ValueError:  # a malformed host such as an unclosed IPv6 bracket
        parts = urlsplit("invalid:")
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s\x00-\x1f\x7f]", value):
        yield _issue(doc, path, f"'{name}' must be an http:// or https:// URL but got '{_show(value)}'", "bad-url")


def check_date(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a quoted partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a month: "YYYY-MM") that exists in the calendar."""
    month = isinstance(spec, schema.Month)
    pattern, shape = (MONTH_RE, "a month as YYYY-MM") if month else (DATE_RE, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "a string", value)
    elif not pattern.fullmatch(value) or not _is_calendar_date(value):
        yield _issue(doc, path, f"'{name}' must be {shape} but got '{_show(value)}'"
                     f"{_padded_date(value, pattern)}", "bad-date")
    elif path not in doc.quoted:
        why = UNQUOTED_DATE[value.count("-")]
        yield _issue(doc, path, f"'{name}' must be quoted: write \"{value}\" ({why})", "bad-date")


# Why every date is quoted, by its number of hyphens: one rule, so that no YAML tool reads a date as anything but text.
UNQUOTED_DATE = {
    0: "unquoted, YAML reads a year as a number",
    1: "like every date, so that no YAML tool reads one as a number or a timestamp",
    2: "unquoted, YAML 1.1 tools read a full date as a timestamp",
}


def _padded_date(value: str, pattern: re.Pattern = DATE_RE) -> str:
    """Return ' (did you mean "2019-09-03"?)' for a date such as 2019-9-3 or 2019/09/03, or ''."""
    match = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\s*", value)
    padded = "-".join(part.zfill(2) for part in match.groups() if part) if match else value
    fits = padded != value and pattern.fullmatch(padded) and _is_calendar_date(padded)
    return f' (did you mean "{padded}"?)' if fits else ""


def check_bool(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check true or false."""
    if value not in ("true", "false"):
        yield _issue(doc, path, f"'{name}' must be true or false but got {_describe(value)}", "bad-type")


def check_text(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a text: known languages only, the required ones present, none blank."""
    yield from _per_language(value, doc, path, name, seen, "a text such as {en: ..., ru: ...}", "text", check_str, None)


def check_words(spec, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check words per language: like a text, but each value is a non-empty list of strings."""
    phrases = schema.ListOf(schema.Str(), non_empty=True)
    yield from _per_language(value, doc, path, name, seen, "words per language such as {en: [...], ru: [...]}", "words", check_list, phrases)
    for lang, listed in value.items() if isinstance(value, dict) else ():
        for index, phrase in enumerate(listed if isinstance(listed, list) else ()):
            if isinstance(phrase, str) and len(phrase) > MAX_WORD:
                yield _issue(doc, path + (lang, index), f"'{name}.{lang}[{index}]' is {len(phrase)} characters long; a word "
                             f"or phrase that links to a term is at most {MAX_WORD}", "too-long")


def check_template(spec: schema.Template, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check a sentence in some languages: each a string that holds each placeholder once, and nothing else in braces."""
    yield from _per_language(value, doc, path, name, seen, 'a sentence per language such as {ru: "{from} ... {to}"}',
                             "sentence", _check_sentence, spec, required=())
    if value == {}:
        yield _issue(doc, path, f"'{name}' has no language; write the sentence in one at least, or remove '{name}'", "empty")


def _check_sentence(spec: schema.Template, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check one language of a sentence: a showable string with each of the placeholders exactly once."""
    problems = list(check_str(spec, value, doc, path, name, seen))
    yield from problems
    if problems:
        return
    found = re.findall(r"\{([^{}]*)\}", value)
    wanted = " and ".join(f"{{{p}}}" for p in spec.placeholders)
    for unknown in dict.fromkeys(f for f in found if f not in spec.placeholders):
        yield _issue(doc, path, f"'{name}' has the unknown placeholder '{{{_show(unknown)}}}'"
                     f"{_did_you_mean(unknown, spec.placeholders)}; a sentence holds {wanted}, once each", "bad-placeholder")
    for placeholder in spec.placeholders:
        count = found.count(placeholder)
        if count != 1:
            held = f"holds {{{placeholder}}} {count} times" if count else f"does not hold {{{placeholder}}}"
            yield _issue(doc, path, f"'{name}' {held}; a sentence holds {wanted}, once each", "bad-placeholder")


def _per_language(value, doc, path, name, seen, expected: str, noun: str, check_one, spec,
                  required: tuple[str, ...] = schema.REQUIRED_LANGUAGES) -> Iterator[Issue]:
    """Check a mapping from language to values: known languages, each value checked, required ones present."""
    if not isinstance(value, dict):
        yield _bad_type(doc, path, name, expected, value)
        return
    for lang, item in value.items():
        if lang not in schema.LANGUAGES:
            hint = _did_you_mean(lang, schema.LANGUAGES) or f" (allowed: {', '.join(schema.LANGUAGES)})"
            yield _issue(doc, path + (lang,), f"unknown language '{lang}' in '{name}'{hint}", "unknown-language", key=True)
        else:
            yield from check_one(spec, item, doc, path + (lang,), f"{name}.{lang}", seen)
    for lang in required:
        if lang not in value:
            yield _issue(doc, path, f"'{name}' has no '{lang}' {noun}", "missing-translation")


def check_enum(spec: schema.Enum, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check one of a fixed set of strings."""
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "a string", value)
    elif value not in spec.values:
        hint = _did_you_mean(value, spec.values)
        yield _issue(doc, path, f"'{name}' must be one of: {', '.join(spec.values)} but got '{_show(value)}'{hint}", "bad-enum")


def check_ref(spec: schema.Ref, value, doc, path, name, seen) -> Iterator[Issue]:
    """Check the shape of a reference and remember it for check_refs."""
    if not isinstance(value, str):
        yield _bad_type(doc, path, name, "an id", value)
    else:
        seen.refs.append((spec.entity, value, doc, path, name))


CHECKERS = {
    schema.Obj: check_obj, schema.ListOf: check_list, schema.Str: check_str,
    schema.Id: check_id, schema.Url: check_url, schema.Date: check_date, schema.Month: check_date,
    schema.Bool: check_bool, schema.Text: check_text, schema.Enum: check_enum,
    schema.Ref: check_ref, schema.Words: check_words, schema.Template: check_template,
}


# Whole-model rules ----------------------------------------------------------

def check_refs(seen: _Seen) -> Iterator[Issue]:
    """Report references to ids that no entity defines."""
    for entity, value, doc, path, name in seen.refs:
        known = seen.ids.get(entity, {})
        if value not in known:
            valid = [i for i in known if ID_RE.fullmatch(i)]  # a broken id is never the one to write
            if entity == "relation":  # nor a relation whose end is itself an unknown component
                components = set(seen.ids.get("component", {}))
                valid = [i for i in valid if schema.relation_ends(i, components)]
            hint = _retired_at(seen, entity, value) or _renamed_to(seen, entity, value) or _did_you_mean(value, valid)
            if not hint and 0 < len(valid) <= 8:
                hint = f" (known: {', '.join(sorted(valid))})"
            yield _issue(doc, path, f"unknown {entity} '{_show(value)}' in '{name}'{hint}", "unknown-ref")


def _retired_at(seen: _Seen, entity: str, value: str) -> str:
    """Return ' (retired at <file:line:col>; remove the reference)' when the id was retired, or ''."""
    if value not in seen.ids.get(f"retired {entity}", {}):
        return ""
    doc, path = seen.ids[f"retired {entity}"][value]
    line, col = doc.where(path)
    return f" (retired at {doc.path}:{line}:{col}; remove the reference)"


def _renamed_to(seen: _Seen, entity: str, value: str) -> str:
    """Return " (now 'y', which lists it in 'aliases')" when the id is a former id, or ''."""
    now = seen.aliases.get(entity, {}).get(value)
    return f" (now '{now}', which lists it in 'aliases')" if now else ""


def check_retired(seen: _Seen) -> Iterator[Issue]:
    """Report a retired id that the model still has, and a retired relation whose id names no components."""
    components = set(seen.ids.get("component", {})) | set(seen.aliases.get("component", {}))
    components |= set(seen.ids.get("retired component", {}))
    for kind in schema.RETIRED_KINDS:
        current, former = seen.ids.get(kind, {}), seen.aliases.get(kind, {})
        for retired_id, (doc, path) in seen.ids.get(f"retired {kind}", {}).items():
            if retired_id in current:
                there, where = current[retired_id]
                line, col = there.where(where)
                yield _issue(doc, path, f"retired {kind} '{retired_id}' is still in the model ({there.path}:{line}:{col}); "
                             "remove it there, or take it out of retired.yaml", "retired-exists")
            elif retired_id in former:
                yield _issue(doc, path, f"retired {kind} '{retired_id}' is a former id of {kind} '{former[retired_id]}', "
                             "whose page it already leads to; take it out of retired.yaml or out of 'aliases'", "retired-exists")
            elif kind == "relation" and not schema.relation_ends(retired_id, components):
                yield _issue(doc, path, f"retired relation '{retired_id}' must read <from>-<kind>-<to>, with two components "
                             "the model has, had or retired", "unknown-ref")


def _items(docs: list[Document], key: str) -> list[tuple[Document, int, dict]]:
    """Return (document, index, item) for every mapping item under key in docs."""
    found = []
    for doc in docs:
        items = doc.data.get(key) if isinstance(doc.data, dict) else None
        if isinstance(items, list):
            found.extend((doc, i, item) for i, item in enumerate(items) if isinstance(item, dict))
    return found


def check_home_view(docs: list[Document]) -> Iterator[Issue]:
    """Report unless exactly one view has home: true."""
    if not docs:
        return
    homes = [item.get("id") for _, _, item in _items(docs, "views") if item.get("home") == "true"]
    if len(homes) != 1:
        found = ", ".join(f"'{h}'" for h in homes if isinstance(h, str)) or "none"
        yield _issue(docs[0], ("views",), f"exactly one view must have 'home: true' but found {found}", "home-view")


# Fields each kind of view must have, and those it must not.
VIEW_FIELDS = {kind: KINDS[kind].FIELDS for kind in VIEW_KINDS}


def check_view_kinds(docs: list[Document]) -> Iterator[Issue]:
    """Report a path view without steps, a compare view without columns, and fields of another kind."""
    for doc, index, view in _items(docs, "views"):
        kind = view.get("kind", "stack")
        if not isinstance(kind, str) or kind not in VIEW_FIELDS:  # a wrong type is reported by the field check
            continue
        needed, refused = VIEW_FIELDS[kind]
        label = _entity_label(schema.VIEW, view)
        for key in needed:
            if key not in view:
                yield _issue(doc, ("views", index), f"{label} of kind '{kind}' is missing the field '{key}'", "missing-field")
        for key in refused:
            if key in view:
                yield _issue(doc, ("views", index, key), f"'{key}' does not belong in {label} of kind '{kind}'", "unknown-field", key=True)


def check_unused(seen: _Seen) -> Iterator[Issue]:
    """Warn about a source that nothing cites and a component that no relation touches."""
    cited = {value for entity, value, *_ in seen.refs if entity == "source"}
    for source_id, (doc, path) in seen.ids.get("source", {}).items():
        if source_id not in cited:
            yield _issue(doc, path, f"source '{source_id}' is cited nowhere; cite it or remove it", "unused-source", severity="warning")
    connected = {value for entity, value, _, _, name in seen.refs if entity == "component" and name in ("from", "to")}
    for component_id, (doc, path) in seen.ids.get("component", {}).items():
        if component_id not in connected:
            yield _issue(doc, path, f"component '{component_id}' has no relations; add one to relations.yaml",
                         "no-relations", severity="warning")


def check_stale(groups: dict[str, list[Document]], today: datetime.date) -> Iterator[Issue]:
    """Warn about a source last checked, or an `as_of` fact last found true, more than STALE_MONTHS before today."""
    for name, collection in schema.COLLECTIONS.items():
        for doc in groups[name]:
            for index, item in enumerate(doc.data[collection.key]):
                label = _entity_label(collection.item, item)
                for path, value in _months(collection.item, item, (collection.key, index)):
                    age = (today.year * 12 + today.month) - (int(value[:4]) * 12 + int(value[5:7]))
                    if age > STALE_MONTHS:
                        yield _issue(doc, path, _stale_message(label, path, value), "stale", severity="warning")


def _months(spec: object, value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Yield (path, value) of every month field (checked, as_of) in a checked value."""
    if isinstance(spec, schema.Obj):
        for key, fld in spec.fields.items():
            if key in value:
                yield from ([(path + (key,), value[key])] if isinstance(fld.type, schema.Month)
                            else _months(fld.type, value[key], path + (key,)))
    elif isinstance(spec, schema.ListOf):
        for index, item in enumerate(value):
            yield from _months(spec.item, item, path + (index,))


def _stale_message(label: str, path: tuple, value: str) -> str:
    """Say what is due a check: a source by its id, a fact by the field that holds it and its entity."""
    ago = f"more than {STALE_MONTHS} months ago"
    if path[-1] == "checked":
        return f"{label} was last checked in {value}, {ago}: check it again and update 'checked'"
    holder = next(key for key in reversed(path[:-1]) if isinstance(key, str))
    return f"'{holder}' of {label} is as of {value}, {ago}: check it again and update 'as_of'"


def check_tables(docs: list[Document]) -> Iterator[Issue]:
    """Report an answer section that asks for a table but names no components."""
    for doc, index, question in _items(docs, "questions"):
        sections = question.get("sections")
        for number, section in enumerate(sections if isinstance(sections, list) else []):
            if isinstance(section, dict) and "table" in section and not section.get("components"):
                yield _issue(doc, ("questions", index, "sections", number, "table"),
                             "a section with a 'table' needs the 'components' to list", "missing-field")


def check_grouped_questions(docs: list[Document]) -> Iterator[Issue]:
    """Report a follow-up question (one with a 'group') that lists claims, and a question id that is a group's anchor."""
    for doc, index, question in _items(docs, "questions"):
        if question.get("id") in schema.QUESTION_GROUPS:
            yield _issue(doc, ("questions", index, "id"), f"question id '{question['id']}' is the anchor of a group on the "
                         "questions index; choose another id", "duplicate-id")
        if "group" in question and "claims" in question:
            yield _issue(doc, ("questions", index, "claims"),
                         f"{_entity_label(schema.QUESTION, question)} has a 'group', so it is a follow-up question and "
                         "takes no 'claims': only the asker's questions answer claims", "unknown-field", key=True)


# Building -------------------------------------------------------------------

def build_model(groups: dict[str, list[Document]]) -> model.Model:
    """Build the Model from documents that passed every check."""
    parts = {}
    for name, collection in schema.COLLECTIONS.items():
        raw = [item for doc in groups[name] for item in doc.data[collection.key]]
        items = [build_value(collection.item, item) for item in raw]
        if not collection.ordered:
            items.sort(key=lambda x: tuple(getattr(x, f) for f in collection.sort_by))
        parts[collection.key] = tuple(items)
    layer_ids = tuple(layer.id for layer in parts["layers"])
    parts["views"] = tuple(_with_defaults(view, layer_ids, parts["components"]) for view in parts["views"])
    return model.Model(**parts)


# The fields an entity's id comes from: without them it has no address at all.
ID_FIELDS = {"relation": ("from", "kind", "to"), "retirement": ("id", "kind")}
_DROPPED = object()


def partial_model(documents: list[Document]) -> model.Model | None:
    """Return a Model of every entity whose id checks out, with the fields that do; None if a file cannot be read.

    pipeline.check compares it with the registry of published addresses when
    the model has errors, so that the gone addresses show up in the same run
    as the errors that made them go. An entity keeps its addresses whatever
    else is wrong with it; one without a valid id (a relation: both ends
    defined, a known kind) has none. A model file that is missing or not a
    list gives None: every address in it would look gone.
    """
    groups, issues = group_documents(documents)
    seen = _Seen()
    for name, collection in schema.COLLECTIONS.items():
        for doc in groups[name]:
            if not isinstance(doc.data, dict) or not isinstance(doc.data.get(collection.key), list):
                return None
            issues.extend(check_collection(doc, collection, seen))
    if any(i.code in ("missing-file", "unknown-file") for i in issues):
        return None
    parts = {}
    for name, collection in schema.COLLECTIONS.items():
        built = (_checked_part(collection.item, item, doc, (collection.key, index), seen)
                 for doc in groups[name] for index, item in enumerate(doc.data[collection.key]))
        parts[collection.key] = tuple(item for item in built if item is not _DROPPED)
    return model.Model(**parts)


def _checked_part(spec: object, value: object, doc: Document, path: tuple, seen: _Seen) -> object:
    """Return the model value of the parts of a raw value that pass their checks, or _DROPPED."""
    if isinstance(spec, schema.Obj):
        if not isinstance(value, dict):
            return _DROPPED
        values = {}
        for key, fld in spec.fields.items():
            part = _checked_part(fld.type, value[key], doc, path + (key,), seen) if key in value else _DROPPED
            if part is _DROPPED and key in ID_FIELDS.get(spec.name, ("id",)):
                return _DROPPED
            values[fld.attr or key] = _default(fld.type) if part is _DROPPED else part
        return spec.build(**values)
    if isinstance(spec, schema.ListOf):
        items = value if isinstance(value, list) else []
        parts = [_checked_part(spec.item, item, doc, path + (i,), seen) for i, item in enumerate(items)]
        return tuple(part for part in parts if part is not _DROPPED)
    if isinstance(spec, schema.Ref):
        return value if isinstance(value, str) and value in seen.ids.get(spec.entity, {}) else _DROPPED
    return _DROPPED if any(True for _ in check_value(spec, value, doc, path, "", _Seen())) else build_value(spec, value)


def build_value(spec: object, value: object) -> object:
    """Convert a checked raw value into its model value."""
    if isinstance(spec, schema.Obj):
        values = {fld.attr or key: build_value(fld.type, value[key]) if key in value else _default(fld.type)
                  for key, fld in spec.fields.items()}
        return spec.build(**values)
    if isinstance(spec, schema.ListOf):
        return tuple(build_value(spec.item, item) for item in value)
    if isinstance(spec, schema.Text):
        return model.Text(**value)
    if isinstance(spec, schema.Words):
        return model.Words(**{lang: tuple(words) for lang, words in value.items()})
    if isinstance(spec, schema.Template):
        return model.Template(**value)
    if isinstance(spec, schema.Bool):
        return value == "true"
    return value


def _default(spec: object) -> object:
    """Return the value of a field that was left out."""
    if isinstance(spec, schema.ListOf):
        return ()
    if isinstance(spec, schema.Enum):
        return spec.values[0] if spec.values == VIEW_KINDS else None
    return False if isinstance(spec, schema.Bool) else None


def _with_defaults(view: model.View, layer_ids: tuple, components: tuple) -> model.View:
    """Fill in a view's layers and components when the view leaves them out."""
    layers = tuple(i for i in layer_ids if i in view.layers) if view.layers else layer_ids
    chosen = view.components or tuple(c.id for c in components if c.layer in layers)
    return dataclasses.replace(view, layers=layers, components=tuple(sorted(chosen)))


# Helpers --------------------------------------------------------------------

def _issue(doc: Document, path: tuple, message: str, code: str, *, key: bool = False, severity: str = "error") -> Issue:
    """Return an issue located at the value (or key) at path."""
    return Issue(doc.path, *doc.where(path, key=key), message, code, severity)


def _bad_type(doc: Document, path: tuple, name: str, expected: str, value: object) -> Issue:
    """Return a bad-type error naming what was expected and what was found."""
    return _issue(doc, path, f"'{name}' must be {expected} but got {_describe(value)}", "bad-type")


def _describe(value: object) -> str:
    """Name the kind of a raw value for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{_show(value)}'"
    return "a list" if isinstance(value, list) else "a mapping"


def _show(value: str, limit: int = 60) -> str:
    """Return value shortened and made printable on one line for a message."""
    shown = value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _did_you_mean(value: str, known) -> str:
    """Return ' (did you mean 'x'?)' for the closest known value, or ''."""
    by_lower = {k.lower(): k for k in sorted(known)}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean '{by_lower[close[0]]}'?)" if close else ""


def _entity_label(spec: schema.Obj, value: dict) -> str:
    """Name an object for a message: "component 'kvm'" when it has an id."""
    item_id = value.get("id")
    return f"{spec.name} '{_show(item_id)}'" if isinstance(item_id, str) else spec.name


def _is_calendar_date(value: str) -> bool:
    """Return whether a partial date names a real month and day."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(*parts[:3])
    except ValueError:
        return False
    return True
