"""Tests for export.py: model.json holds the whole model and validates against its published schema."""

import json

import jsonschema

from virtstack import export, pipeline

from conftest import FIXTURES, ROOT


def fixture_data() -> dict:
    """Return model.json of the small valid model, built for https://example.org/."""
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    return json.loads(export.model_json(model, "https://example.org/"))


def test_a_relation_has_its_id_fields_both_languages_and_an_address_on_each_ends_page():
    assert fixture_data()["relations"][0] == {
        "id": "qemu-uses-kvm", "from": "qemu", "to": "kvm", "kind": "uses",
        "label": {"en": "runs guests with", "ru": "запускает гостевые системы с помощью"},
        "protocol": {"en": "ioctls on `/dev/kvm`", "ru": "вызовы ioctl на `/dev/kvm`"},
        "sources": ["api"],
        "addresses": {"en": ["/components/kvm/#qemu-uses-kvm", "/components/qemu/#qemu-uses-kvm"],
                      "ru": ["/ru/components/kvm/#qemu-uses-kvm", "/ru/components/qemu/#qemu-uses-kvm"]}}


def test_the_head_names_format_languages_site_and_every_collection():
    data = fixture_data()
    assert {key: data[key] for key in ("$schema", "version", "languages", "site_url")} == {
        "$schema": "model.schema.json", "version": 1, "languages": ["en", "ru"], "site_url": "https://example.org/"}
    assert list(data)[4:] == ["layers", "components", "relations", "sources", "views", "claims", "questions", "events",
                              "terms", "retired"]
    assert data["layers"][0] == {"id": "kernel", "name": {"en": "Kernel", "ru": "Ядро"},
                                 "summary": {"en": "Runs in the kernel.", "ru": "Работает в ядре."},
                                 "addresses": {"en": ["/layers/#kernel"], "ru": ["/ru/layers/#kernel"]}}


def test_the_repository_model_validates_against_the_schema_the_site_publishes():
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    outputs = pipeline.render(model, site_url="https://example.org/", previews=False)
    schema = json.loads(outputs["model.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(outputs["model.json"])
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    assert len(data["components"]) == len(model.components) and len(data["relations"]) == len(model.relations)


def test_every_address_in_model_json_is_a_registered_published_address():
    registered = set((ROOT / "diagrams/published.txt").read_text().splitlines())
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    data = json.loads(export.model_json(model))
    shown = {a for key in ("layers", "components", "relations", "views", "claims", "questions", "events", "terms")
             for entity in data[key] for where in entity["addresses"].values() for a in where}
    assert sorted(shown - registered) == []


def test_a_wrong_field_fails_the_schema():
    data = fixture_data()
    data["components"][0]["layer"] = 7
    del data["relations"][0]["addresses"]
    validator = jsonschema.Draft202012Validator(export.model_schema())
    assert sorted(e.message for e in validator.iter_errors(data)) == ["'addresses' is a required property",
                                                                       "7 is not of type 'string'"]


def test_model_json_is_byte_identical_across_runs_and_the_same_in_every_edition():
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    english = pipeline.render(model, site_url="https://example.org/", previews=False)
    russian = pipeline.render(model, lang="ru", site_url="https://example.org/ru/", previews=False)
    assert english["model.json"] == russian["model.json"] == export.model_json(model, "https://example.org/")
    assert english["model.schema.json"] == russian["model.schema.json"]


def test_a_retired_entity_carries_the_addresses_it_keeps(model_dir):
    folder = model_dir({"retired.yaml": "retired:\n  - {id: kvmtool, kind: component, date: '2026', reason: {en: Gone., ru: Удалено.}}\n"
                                        "  - {id: kvmtool-uses-kvm, kind: relation, date: '2026', reason: {en: Gone., ru: Удалено.}}\n"})
    data = json.loads(export.model_json(pipeline.check(folder, folder.parent)[0]))
    jsonschema.validate(data, export.model_schema())
    assert [(r["id"], r["addresses"]["en"]) for r in data["retired"]] == [
        ("kvmtool", ["/components/kvmtool/"]),
        ("kvmtool-uses-kvm", ["/components/kvm/#kvmtool-uses-kvm", "/components/kvmtool/#kvmtool-uses-kvm"])]


def test_a_question_carries_its_short_heading_and_the_askers_wording(answers_dir):
    data = json.loads(export.model_json(pipeline.check(answers_dir, answers_dir.parent)[0]))
    jsonschema.validate(data, export.model_schema())
    question = data["questions"][0]
    assert list(question)[:3] == ["id", "heading", "title"]
    assert (question["heading"], question["title"]) == (
        {"en": "What is qemu-kvm?", "ru": "Что такое qemu-kvm?"},
        {"en": "What is qemu-kvm, and why would I need it?", "ru": "Что такое qemu-kvm и зачем он мне нужен?"})


def test_a_relation_carries_its_sentence_in_the_languages_it_has_and_the_schema_checks_its_placeholders(model_dir):
    folder = model_dir()
    label = "    label: {en: starts, ru: запускает}\n"
    text = (folder / "relations.yaml").read_text().replace(label, label + '    sentence: {ru: "{from} запускает {to}"}\n')
    (folder / "relations.yaml").write_text(text)
    data = json.loads(export.model_json(pipeline.check(folder, folder.parent)[0]))
    assert [r.get("sentence") for r in data["relations"]] == [None, {"ru": "{from} запускает {to}"}]
    validator = jsonschema.Draft202012Validator(export.model_schema())
    assert list(validator.iter_errors(data)) == []
    data["relations"][1]["sentence"] = {"ru": "{from} запускает {ot}"}
    assert [(e.json_path, e.validator) for e in validator.iter_errors(data)] == [("$.relations[1].sentence.ru", "pattern")]


def test_model_json_carries_when_each_source_was_checked_and_facts_as_of_when():
    data = fixture_data()
    assert [(s["id"], s["checked"]) for s in data["sources"]] == [("api", "2026-11"), ("readme", "2026-11")]
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    qemu_kvm = next(c for c in json.loads(export.model_json(model))["components"] if c["id"] == "qemu-kvm")
    assert qemu_kvm["packages"]["as_of"] == "2026-12"
    assert "as_of" not in data["views"][0]["intro"][0]  # left out where the model has none
