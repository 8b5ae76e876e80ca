"""Tests for json_schema.py: the editor schemas are current and agree with the checker."""

import json

import jsonschema
import pytest
import yaml

from virtstack import schema
from virtstack.json_schema import SCHEMA_DIR, json_schemas, schema_file

from conftest import FIXTURES, ROOT

MODEL_FILES = sorted((ROOT / "diagrams").glob("*.yaml"))


def test_committed_schemas_are_the_generated_ones():
    committed = {p.name: json.loads(p.read_text()) for p in (ROOT / SCHEMA_DIR).glob("*.json")}
    assert committed == json_schemas(), "run `python scripts/cli.py schema` and commit diagrams/schema/"


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.name)
def test_every_model_file_names_its_schema_on_the_first_line(path):
    collection = path.name.partition(".")[0] + ".yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{schema_file(collection)}"


@pytest.mark.parametrize("path", MODEL_FILES + sorted((FIXTURES / "valid").glob("*.yaml")), ids=lambda p: p.name)
def test_files_the_checker_accepts_match_their_schema(path):
    collection = path.name.partition(".")[0] + ".yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    data = _as_json_types(data)
    jsonschema.validate(data, json_schemas()[schema_file(collection)])


@pytest.mark.parametrize(("text", "message"), [
    ("relations:\n  - {from: a, to: b, kind: usees, label: {en: x, ru: икс}, sources: [s]}\n", "'usees' is not one of"),
    ("relations:\n  - {from: a, to: b, kind: uses, lable: {en: x, ru: икс}, sources: [s]}\n", "'lable' was unexpected"),
    ("relations:\n  - {from: A, to: b, kind: uses, label: {en: x, ru: икс}, sources: [s]}\n", "'A' does not match"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {de: x, ru: икс}, sources: [s]}\n", "'de' was unexpected"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x}, sources: [s]}\n", "'ru' is a required property"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {ru: икс}, sources: [s]}\n", "'en' is a required property"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x, ru: икс}, sources: []}\n", "should be non-empty"),
])
def test_files_the_checker_refuses_fail_their_schema_too(text, message):
    data = _as_json_types(yaml.load(text, Loader=yaml.BaseLoader))
    with pytest.raises(jsonschema.ValidationError, match=message):
        jsonschema.validate(data, json_schemas()["relations.schema.json"])


def test_every_collection_has_a_schema():
    assert sorted(json_schemas()) == sorted(schema_file(name) for name in schema.COLLECTIONS)


def _as_json_types(value):
    """Turn YAML's plain strings 'true'/'false' into booleans, as an editor's YAML 1.2 parser would."""
    if isinstance(value, dict):
        return {k: _as_json_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_types(v) for v in value]
    return {"true": True, "false": False}.get(value, value)
