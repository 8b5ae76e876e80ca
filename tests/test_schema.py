"""Tests for schema.py: the specs and the model dataclasses agree."""

import dataclasses
import typing

import pytest

from virtstack import schema


def objects():
    """Return every Obj spec reachable from the model files."""
    found, todo = {}, [c.item for c in schema.COLLECTIONS.values()]
    while todo:
        spec = todo.pop()
        found[spec.name] = spec
        for fld in spec.fields.values():
            inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
            if isinstance(inner, schema.Obj) and inner.name not in found:
                todo.append(inner)
    return sorted(found.values(), key=lambda s: s.name)


def built_class(spec: schema.Obj) -> type:
    """Return the dataclass a spec builds (through a factory function for relations)."""
    return spec.build if dataclasses.is_dataclass(spec.build) else typing.get_type_hints(spec.build)["return"]


@pytest.mark.parametrize("spec", objects(), ids=lambda s: s.name)
def test_every_field_maps_to_a_dataclass_attribute(spec):
    attrs = {f.name for f in dataclasses.fields(built_class(spec))}
    derived = {"id"} if spec.name == "relation" else set()
    assert {fld.attr or key for key, fld in spec.fields.items()} == attrs - derived


def test_collections_name_the_model_files():
    assert list(schema.COLLECTIONS) == ["layers.yaml", "components.yaml", "relations.yaml", "sources.yaml", "views.yaml",
                                        "claims.yaml", "questions.yaml", "events.yaml", "glossary.yaml", "retired.yaml"]
    assert [name for name, c in schema.COLLECTIONS.items() if not c.required] == [
        "claims.yaml", "questions.yaml", "events.yaml", "glossary.yaml", "retired.yaml"]
