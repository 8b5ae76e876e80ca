"""Tests for json_schema.py: the editor schemas are current and agree with the checker."""

import fnmatch
import json

import jsonschema
import pytest
import yaml

from virtstack import schema
from virtstack.json_schema import SCHEMA_DIR, json_schemas, known_ids, schema_file
from virtstack.load import load_documents
from virtstack.validate import collection_file, validate_model

from conftest import FIXTURES, ROOT

MODEL_FILES = sorted((ROOT / "diagrams").glob("*.yaml"))
REPO_LAYERS = ("hardware", "kernel", "vmm", "management", "tools")


def repo_schemas() -> dict[str, dict]:
    """Return the schemas `make schema` writes: with the layers of the repository's diagrams/layers.yaml."""
    documents, _ = load_documents(ROOT / "diagrams", ROOT)
    return json_schemas(known_ids(documents))


def test_committed_schemas_are_the_generated_ones():
    committed = {p.name: json.loads(p.read_text()) for p in (ROOT / SCHEMA_DIR).glob("*.json")}
    assert committed == repo_schemas(), "run `make schema` and commit diagrams/schema/"


def test_layer_ids_are_listed_where_a_layer_is_named():
    schemas = repo_schemas()
    component = schemas["components.schema.json"]["properties"]["components"]["items"]["properties"]
    view = schemas["views.schema.json"]["properties"]["views"]["items"]["properties"]
    assert component["layer"] == {"enum": list(REPO_LAYERS)}
    assert view["layers"]["items"] == {"enum": list(REPO_LAYERS)}
    assert schemas["layers.schema.json"]["properties"]["layers"]["items"]["properties"]["id"] == {
        "type": "string", "pattern": f"^{schema.ID_PATTERN}$"}


def test_known_ids_are_the_layers_in_their_files_order_and_only_well_formed_ones(model_dir):
    folder = model_dir({"layers.yaml": "layers:\n  - {id: tools}\n  - {id: Kernel}\n  - {id: kernel}\n  - x\n"})
    documents, _ = load_documents(folder, folder.parent)
    assert known_ids(documents) == {"layer": ("tools", "kernel")}


@pytest.mark.parametrize(("layer", "valid"), [("vmm", True), ("userland", False)])
def test_a_layer_the_model_does_not_have_fails_the_schema(layer, valid):
    text = (f"components:\n  - {{id: a, name: {{en: A, ru: А}}, layer: {layer}, kind: vmm, "
            "summary: {en: S, ru: С}, sources: [s]}\n")
    errors = list(jsonschema.Draft202012Validator(repo_schemas()["components.schema.json"]).iter_errors(_as_json_types(
        yaml.load(text, Loader=yaml.BaseLoader))))
    assert [e.message for e in errors] == ([] if valid else [f"'{layer}' is not one of {list(REPO_LAYERS)}"])


@pytest.mark.parametrize(("date", "checker_accepts"), [('"2007"', True), ("2007", False)])
def test_the_schema_and_the_checker_agree_on_a_quoted_and_an_unquoted_year(model_dir, date, checker_accepts):
    # An editor's YAML 1.2 parser reads an unquoted 2007 as a number, which the schema refuses like the checker.
    # (An unquoted 2007-02 stays a string there; the schema cannot see the missing quotes, `make check` does.)
    text = f"sources:\n  - {{id: api, title: T, url: 'https://e.org/', publisher: P, date: {date}, checked: '2026-11'}}\n"
    editor_value = yaml.safe_load(text)
    valid = jsonschema.Draft202012Validator(json_schemas()["sources.schema.json"]).is_valid(editor_value)
    folder = model_dir({"sources.yaml": text + "  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"})
    documents, _ = load_documents(folder, folder.parent)
    refused = [i for i in validate_model(documents)[1] if i.code == "bad-date"]
    assert (valid, not refused) == (checker_accepts, checker_accepts)


def test_editor_settings_give_every_model_file_and_part_file_its_schema():
    globs = json.loads((ROOT / ".vscode/settings.json").read_text())["yaml.schemas"]
    for schema_path in globs:
        assert (ROOT / schema_path).is_file(), schema_path
    owner = {pattern: schema_path for schema_path, patterns in globs.items() for pattern in patterns}
    for name in schema.COLLECTIONS:
        expected = f"{SCHEMA_DIR}/{schema_file(name)}"
        assert owner.get(f"diagrams/{name}") == expected
        if name not in schema.SINGLE_FILE:
            assert owner.get(f"diagrams/{name[:-len('.yaml')]}.*.yaml") == expected
    for path in MODEL_FILES:  # and the globs reach every file there is, each to the schema of its collection
        matched = [s for pattern, s in owner.items() if fnmatch.fnmatch(f"diagrams/{path.name}", pattern)]
        assert matched == [f"{SCHEMA_DIR}/{schema_file(collection_file(path.name))}"], path.name


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
    jsonschema.validate(data, repo_schemas()[schema_file(collection)])


@pytest.mark.parametrize(("text", "message"), [
    ("relations:\n  - {from: a, to: b, kind: usees, label: {en: x, ru: икс}, sources: [s]}\n", "'usees' is not one of"),
    ("relations:\n  - {from: a, to: b, kind: uses, lable: {en: x, ru: икс}, sources: [s]}\n", "'lable' was unexpected"),
    ("relations:\n  - {from: A, to: b, kind: uses, label: {en: x, ru: икс}, sources: [s]}\n", "'A' does not match"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {de: x, ru: икс}, sources: [s]}\n", "'de' was unexpected"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x}, sources: [s]}\n", "'ru' is a required property"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {ru: икс}, sources: [s]}\n", "'en' is a required property"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x, ru: икс}, sources: []}\n", "should be non-empty"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x, ru: икс}, sentence: {ru: '{from} икс'}, sources: [s]}\n",
     "'{from} икс' does not match"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x, ru: икс}, sentence: {ru: '{from} {x} {to}'}, sources: [s]}\n",
     "'{from} {x} {to}' does not match"),
    ("relations:\n  - {from: a, to: b, kind: uses, label: {en: x, ru: икс}, sentence: {}, sources: [s]}\n", "should be non-empty"),
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
