"""Generate a JSON Schema for each model file from the specs in schema.py.

Input: schema.COLLECTIONS, and the ids of the entities whose set is closed
enough to list (the layers of diagrams/layers.yaml). Output: {file name: JSON
Schema as a dict}, which editors use (through the `# yaml-language-server:
$schema=...` line at the top of each YAML file, or the globs in
.vscode/settings.json) to complete field names, kinds and layers and flag
wrong values while the contributor types. The checker stays the authority:
other references are plain strings here, and a schema sees a value, not
whether it was quoted (so an unquoted 2007-02 date passes it; `make check`
refuses it).
"""

import re

from . import schema

__all__ = ["SCHEMA_DIR", "json_schemas", "known_ids", "schema_file"]

SCHEMA_DIR = "diagrams/schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file(collection_file: str) -> str:
    """Return the schema's file name for a model file: components.yaml -> components.schema.json."""
    return collection_file.replace(".yaml", ".schema.json")


def json_schemas(known: dict[str, tuple[str, ...]] | None = None) -> dict[str, dict]:
    """Return the JSON Schema of every model file by schema file name; known lists ids by entity, {"layer": (...)}."""
    return {schema_file(name): collection_schema(name, c, known or {}) for name, c in schema.COLLECTIONS.items()}


def known_ids(documents: list) -> dict[str, tuple[str, ...]]:
    """Return the ids editors can list, by entity: {"layer": the ids in the loaded layers.yaml, in its order}."""
    layers = next((doc.data for doc in documents if doc.path.rsplit("/", 1)[-1] == "layers.yaml"), None)
    items = layers.get("layers") if isinstance(layers, dict) else None
    ids = [item.get("id") for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return {"layer": tuple(i for i in ids if isinstance(i, str) and re.fullmatch(schema.ID_PATTERN, i))}


def collection_schema(name: str, collection: schema.Collection, known: dict | None = None) -> dict:
    """Return the schema of one model file: a mapping with one key holding a list of entities."""
    return {
        "$schema": DIALECT,
        "title": f"virtstack {name}",
        "description": f"The {collection.key} of the virtstack model. Checked for real by `make check`.",
        "type": "object",
        "additionalProperties": False,
        "required": [collection.key],
        "properties": {collection.key: {"type": "array", "items": type_schema(collection.item, known or {})}},
    }


def type_schema(spec: object, known: dict | None = None) -> dict:
    """Return the JSON Schema of one type spec; a reference to an entity in known is one of its ids."""
    if isinstance(spec, schema.Obj):
        return {
            "type": "object", "additionalProperties": False,
            "required": [key for key, f in spec.fields.items() if f.required],
            "properties": {key: _with_doc(type_schema(f.type, known), f.doc) for key, f in spec.fields.items()},
        }
    if isinstance(spec, schema.ListOf):
        return {"type": "array", "items": type_schema(spec.item, known)} | ({"minItems": 1} if spec.non_empty else {})
    if isinstance(spec, schema.Ref) and (known or {}).get(spec.entity):
        return {"enum": list(known[spec.entity])}
    if isinstance(spec, schema.Text):
        return _per_language({"type": "string", "minLength": 1, "pattern": r"\S"})
    if isinstance(spec, schema.Words):
        return _per_language({"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}})
    if isinstance(spec, schema.Template):
        sentence = {"type": "string", "pattern": _sentence_pattern(spec.placeholders)}
        return _per_language(sentence, required=()) | {"minProperties": 1}
    if isinstance(spec, schema.Enum):
        return {"enum": list(spec.values)}
    return SCALARS[type(spec)]


SCALARS = {
    schema.Str: {"type": "string", "minLength": 1, "pattern": r"\S"},
    schema.Id: {"type": "string", "pattern": f"^{schema.ID_PATTERN}$"},
    schema.Ref: {"type": "string", "pattern": f"^{schema.ID_PATTERN}$"},
    schema.Url: {"type": "string", "pattern": r"^https?://[^\s/]+"},
    schema.Date: {"type": "string", "pattern": f"^{schema.DATE_PATTERN}$"},
    schema.Month: {"type": "string", "pattern": f"^{schema.MONTH_PATTERN}$"},
    schema.Bool: {"type": "boolean"},
}


def _per_language(value: dict, required: tuple[str, ...] = schema.REQUIRED_LANGUAGES) -> dict:
    """Return the schema of a per-language mapping whose values match value."""
    return {
        "type": "object", "additionalProperties": False,
        "required": list(required),
        "properties": {lang: value for lang in schema.LANGUAGES},
    }


def _sentence_pattern(placeholders: tuple[str, ...]) -> str:
    """Return the pattern of a sentence: each placeholder in it, and no other word in braces (the checker counts them)."""
    known = "|".join(placeholders)
    holds = "".join(rf"(?=[\s\S]*\{{{p}\}})" for p in placeholders)
    return rf"^{holds}(?![\s\S]*\{{(?!(?:{known})\}})[^{{}}]*\}})[\s\S]*\S"


def _with_doc(value: dict, doc: str) -> dict:
    """Return value with a description when the field has one."""
    return value | {"description": doc} if doc else value
