"""The validated model as data: model.json and its JSON Schema, published at the site's root.

Input: a checked Model. Output: the JSON text of model.json, which holds
every entity of every collection with its texts in every language, its
sources and the addresses of its page or anchor in each edition; and the
JSON Schema it follows, built from the same specs in schema.py that check
the YAML. Others can reuse the map without scraping pages. Pure and
deterministic: the Model is already sorted, keys keep the specs' order.

VERSION changes when a field is removed or changes meaning; new fields and
entities keep it.
"""

import json

from . import schema
from .addresses import retired_addresses
from .json_schema import DIALECT, type_schema
from .model import Model, Template, Text, Words
from .urls import (GLOSSARY, LAYERS, MODEL_SCHEMA, QUESTION, SOURCES, TIMELINE, anchor, component_page, edition_root,
                   page_url, question_page, view_page)

__all__ = ["VERSION", "model_json", "model_schema"]

VERSION = 1


def model_json(model: Model, site_url: str = "") -> str:
    """Return model.json: the format version, the languages, the site's address and every collection."""
    data = {"$schema": MODEL_SCHEMA, "version": VERSION, "languages": list(schema.LANGUAGES), "site_url": site_url}
    for collection in schema.COLLECTIONS.values():
        data[collection.key] = [_entity(model, collection, item) for item in getattr(model, collection.key)]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _entity(model: Model, collection: schema.Collection, item: object) -> dict:
    """Return one entity as JSON data: the relation's id first, then its fields, then its addresses."""
    data = {"id": item.id} if not collection.has_id else {}
    data |= _value(collection.item, item)
    return data | {"addresses": {lang: [edition_root(lang) + a for a in _addresses(model, collection.entity, item)]
                                 for lang in schema.LANGUAGES}}


def _addresses(model: Model, entity: str, item) -> list[str]:
    """Return where an entity is shown in an edition, from the edition's root: its page or its anchors."""
    if entity == "component":
        return [page_url(component_page(item.id))]
    if entity == "relation":
        return [anchor(component_page(end), item.id) for end in sorted({item.from_, item.to})]
    if entity == "question":
        return [page_url(question_page(item.id))]
    if entity == "view":
        return [page_url(view_page(item.id, item.home))]
    if entity == "retirement":  # where it was: its removal page, or the anchor its note keeps
        return retired_addresses(model, item)
    page = {"layer": LAYERS, "source": SOURCES, "claim": QUESTION, "event": TIMELINE, "term": GLOSSARY}[entity]
    return [anchor(page, item.id)]


def _value(spec: object, value: object):
    """Return a model value as JSON data, walking its spec; empty optional fields are left out."""
    if isinstance(spec, schema.Obj):
        fields = ((key, f, getattr(value, f.attr or key)) for key, f in spec.fields.items())
        return {key: _value(f.type, v) for key, f, v in fields if f.required or v not in (None, ())}
    if isinstance(spec, schema.ListOf):
        return [_value(spec.item, v) for v in value]
    if isinstance(value, (Template, Text, Words)):
        return {lang: list(t) if isinstance(t, tuple) else t
                for lang in schema.LANGUAGES if (t := value.in_language(lang)) is not None}
    return value


def model_schema() -> dict:
    """Return the JSON Schema of model.json, from the specs that check the YAML."""
    collections = {c.key: {"type": "array", "items": _entity_schema(c)} for c in schema.COLLECTIONS.values()}
    return {
        "$schema": DIALECT,
        "title": "virtstack model",
        "description": f"The validated virtstack model, format version {VERSION}: every entity with its texts, "
                       "sources and addresses in each edition of the site.",
        "type": "object", "additionalProperties": False,
        "required": ["version", "languages", "site_url", *collections],
        "properties": {
            "$schema": {"type": "string"},
            "version": {"const": VERSION},
            "languages": {"const": list(schema.LANGUAGES)},
            "site_url": {"type": "string", "description": "the site's address; empty when the build did not know it"},
            **collections,
        },
    }


def _entity_schema(collection: schema.Collection) -> dict:
    """Return the schema of one entity: its spec's, with its addresses (and a relation's id)."""
    entity = type_schema(collection.item)
    where = {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^/"},
             "description": "its page or anchors, from the site's root, as in diagrams/published.txt"}
    addresses = {"type": "object", "additionalProperties": False, "required": list(schema.LANGUAGES),
                 "properties": {lang: where for lang in schema.LANGUAGES}}
    extra = {"id": {"type": "string", "description": "from-kind-to"}} if not collection.has_id else {}
    return entity | {"required": [*extra, *entity["required"], "addresses"],
                     "properties": extra | entity["properties"] | {"addresses": addresses}}
