"""Generate a JSON Schema for each model file from the specs in schema.py.

Input: schema.COLLECTIONS. Output: {file name: JSON Schema as a dict}, which
editors use (through the `# yaml-language-server: $schema=...` line at the
top of each YAML file) to complete field names and flag wrong values while
the contributor types. The checker stays the authority: the schema cannot
know which ids exist, so references are plain strings here.
"""

from . import schema

__all__ = ["SCHEMA_DIR", "json_schemas", "schema_file"]

SCHEMA_DIR = "diagrams/schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file(collection_file: str) -> str:
    """Return the schema's file name for a model file: components.yaml -> components.schema.json."""
    return collection_file.replace(".yaml", ".schema.json")


def json_schemas() -> dict[str, dict]:
    """Return the JSON Schema of every model file, keyed by schema file name."""
    return {schema_file(name): collection_schema(name, c) for name, c in schema.COLLECTIONS.items()}


def collection_schema(name: str, collection: schema.Collection) -> dict:
    """Return the schema of one model file: a mapping with one key holding a list of entities."""
    return {
        "$schema": DIALECT,
        "title": f"virtstack {name}",
        "description": f"The {collection.key} of the virtstack model. Checked for real by `make check`.",
        "type": "object",
        "additionalProperties": False,
        "required": [collection.key],
        "properties": {collection.key: {"type": "array", "items": type_schema(collection.item)}},
    }


def type_schema(spec: object) -> dict:
    """Return the JSON Schema of one type spec."""
    if isinstance(spec, schema.Obj):
        return {
            "type": "object", "additionalProperties": False,
            "required": [key for key, f in spec.fields.items() if f.required],
            "properties": {key: _with_doc(type_schema(f.type), f.doc) for key, f in spec.fields.items()},
        }
    if isinstance(spec, schema.ListOf):
        return {"type": "array", "items": type_schema(spec.item)} | ({"minItems": 1} if spec.non_empty else {})
    if isinstance(spec, schema.Text):
        return _per_language({"type": "string", "minLength": 1, "pattern": r"\S"})
    if isinstance(spec, schema.Words):
        return _per_language({"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}})
    if isinstance(spec, schema.Enum):
        return {"enum": list(spec.values)}
    return SCALARS[type(spec)]


SCALARS = {
    schema.Str: {"type": "string", "minLength": 1, "pattern": r"\S"},
    schema.Id: {"type": "string", "pattern": f"^{schema.ID_PATTERN}$"},
    schema.Ref: {"type": "string", "pattern": f"^{schema.ID_PATTERN}$"},
    schema.Url: {"type": "string", "pattern": r"^https?://[^\s/]+"},
    schema.Date: {"type": "string", "pattern": f"^{schema.DATE_PATTERN}$"},
    schema.Bool: {"type": "boolean"},
}


def _per_language(value: dict) -> dict:
    """Return the schema of a per-language mapping whose values match value."""
    return {
        "type": "object", "additionalProperties": False,
        "required": list(schema.REQUIRED_LANGUAGES),
        "properties": {lang: value for lang in schema.LANGUAGES},
    }


def _with_doc(value: dict, doc: str) -> dict:
    """Return value with a description when the field has one."""
    return value | {"description": doc} if doc else value
