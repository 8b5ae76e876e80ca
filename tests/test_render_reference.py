"""Tests for render_reference.py and examples.py: the reference page matches the checker."""

import re

from virtstack import schema
from virtstack.examples import EXAMPLES
from virtstack.issues import ISSUE_CODES
from virtstack.load import load_documents
from virtstack.render_reference import render_reference
from virtstack.validate import validate_model

from conftest import ROOT


def test_the_examples_together_are_a_valid_model_without_warnings(tmp_path):
    folder = tmp_path / "diagrams"
    folder.mkdir()
    for name, text in EXAMPLES.items():
        (folder / name).write_text(text)
    documents, issues = load_documents(folder, tmp_path)
    model, found = validate_model(documents)
    assert issues + found == []
    assert model is not None


def test_every_model_file_has_an_example():
    assert list(EXAMPLES) == list(schema.COLLECTIONS)


def test_reference_documents_every_field_kind_and_issue_code():
    page = render_reference()
    for collection in schema.COLLECTIONS.values():
        for key in collection.item.fields:
            assert f"| `{key}` |" in page
    for kind in schema.COMPONENT_KINDS + schema.RELATION_KINDS + schema.VERDICTS:
        assert f"| `{kind}` |" in page
    for code in ISSUE_CODES:
        assert f"| `{code}` |" in page


def test_issue_codes_list_every_code_the_checker_can_emit():
    source = "".join((ROOT / "scripts/virtstack" / name).read_text() for name in ("load.py", "validate.py", "addresses.py"))
    emitted = set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"\)', source)) | set(re.findall(r'"([a-z]+-[a-z]+)", severity=', source))
    emitted |= {"yaml-syntax", "too-large", "duplicate-key", "bad-type", "missing-file", "unknown-file"}
    assert emitted <= set(ISSUE_CODES)
    assert set(ISSUE_CODES) <= emitted | set(re.findall(r'"([a-z]+(?:-[a-z]+)*)"', source))


def test_reference_page_starts_with_the_rules_and_the_first_file():
    assert render_reference().startswith("# Model reference\n\nThe site is generated from YAML files in `diagrams/`.")
    assert "| `sources` | list of source ids (at least one) | yes | ids of the sources that back it |" in render_reference()
