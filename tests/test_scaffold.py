"""Tests for scaffold.py: the entry `make new` appends, the ids it refuses, and what the check then says."""

import pytest

from virtstack import schema
from virtstack.issues import format_issue
from virtstack.load import load_documents
from virtstack.scaffold import FIELDS, TARGETS, Refused, new_file_text, target_file
from virtstack.validate import validate_model

COMPONENT = """\

  - id: lxc
    name: {en: TODO, ru: TODO}
    layer: TODO
    kind: TODO
    role: {en: TODO, ru: TODO}
    summary:
      en: TODO
      ru: TODO
    sources: [TODO]
    description:
      - text:
          en: TODO
          ru: TODO
        sources: [TODO]
    homepage: TODO
    repository: TODO
    licence:
      spdx: TODO
      sources: [TODO]
    first_release:
      date: "TODO"
      text:
        en: TODO
        ru: TODO
      sources: [TODO]
    packages:
      debian: [TODO]
      fedora: [TODO]
      arch: [TODO]
      sources: [TODO]
      as_of: "TODO"
"""


def added(folder, what: str, item_id: str, part: str | None = None) -> tuple[str, str, int]:
    """Return (the file's old text, its new text, the entry's line) for a new entry in a model folder."""
    documents, _ = load_documents(folder, folder.parent)
    name = target_file(what, part)
    old = (folder / name).read_text() if (folder / name).exists() else None
    text, line = new_file_text(what, item_id, name, old, documents)
    return old, text, line


def test_a_component_gets_every_expected_field_in_the_order_the_model_writes_them(model_dir):
    old, text, line = added(model_dir(), "component", "lxc")
    assert text == old.rstrip("\n") + "\n" + COMPONENT
    assert line == 25


def test_a_relation_reads_its_ends_and_kind_off_its_id(model_dir):
    old, text, _ = added(model_dir(), "relation", "virsh-part-of-qemu")
    assert text[len(old.rstrip("\n")):] == (
        "\n\n  - from: virsh\n    to: qemu\n    kind: part-of\n    label: {en: TODO, ru: TODO}\n"
        "    protocol: {en: TODO, ru: TODO}\n    interface: {en: TODO, ru: TODO}\n    sources: [TODO]\n")


def test_a_new_part_file_starts_with_its_schema_line(model_dir):
    old, text, line = added(model_dir(), "question", "what-is-kvm", part="basics")
    assert old is None and line == 3
    assert text == """\
# yaml-language-server: $schema=schema/questions.schema.json
questions:
  - id: what-is-kvm
    heading: {en: TODO, ru: TODO}
    title: {en: TODO, ru: TODO}
    short_answer:
      - text:
          en: TODO
          ru: TODO
        sources: [TODO]
    view: TODO
    sections:
      - id: TODO
        title: {en: TODO, ru: TODO}
        body:
          - text:
              en: TODO
              ru: TODO
            sources: [TODO]
"""


def test_the_entry_follows_the_files_own_indentation(model_dir):
    folder = model_dir({"sources.yaml": "sources:\n- {id: api, title: T, url: 'https://e.org/', publisher: P}\n"})
    old, text, _ = added(folder, "source", "lxc-readme")
    assert text[len(old):] == ('\n- id: lxc-readme\n  title: TODO\n  url: TODO\n  publisher: TODO\n  date: "TODO"\n'
                               '  checked: "TODO"\n')


@pytest.mark.parametrize(("what", "item_id"), [("component", "lxc"), ("source", "lxc-readme"),
                                               ("relation", "virsh-uses-kvm"), ("question", "what-is-kvm")])
def test_an_entry_straight_from_new_fails_the_check_only_on_its_todos(model_dir, what, item_id):
    folder = model_dir()
    _, text, _ = added(folder, what, item_id)
    (folder / target_file(what, None)).write_text(text)
    documents, issues = load_documents(folder, folder.parent)
    model, found = validate_model(documents)
    lines = [format_issue(i) for i in issues + found]
    assert model is None and lines
    assert all(line.endswith("[todo]") for line in lines), lines


@pytest.mark.parametrize(("what", "item_id", "reason"), [
    ("component", "qemu", "component 'qemu' already exists (diagrams/components.yaml:8:9); choose another id"),
    ("component", "qemu-kvm", "component 'qemu-kvm' already exists (diagrams/components.yaml:25:15); choose another id"),
    ("relation", "qemu-uses-kvm", "relation 'qemu-uses-kvm' already exists (diagrams/relations.yaml:2:5); choose another id"),
    ("component", "LXC", "'LXC' is not an id: use lowercase letters and digits joined by single hyphens, like 'virt-manager'"),
    ("relation", "lxc-uses-kvm", "there is no component 'lxc' for relation 'lxc-uses-kvm'; add it first: make new WHAT=component ID=lxc"),
    ("relation", "virsh-kvm", "'virsh-kvm' is not a relation id: write from-kind-to, like 'virsh-uses-libvirt', "
                              "with a kind among uses, controls, accelerates, part-of, provides, forked-from, merged-into"),
])
def test_new_refuses_an_id_it_cannot_add_in_one_line(model_dir, what, item_id, reason):
    components = "  - id: kvm\n    aliases: [qemu-kvm]\n"
    folder = model_dir()
    (folder / "components.yaml").write_text((folder / "components.yaml").read_text() + components)
    with pytest.raises(Refused) as refused:
        added(folder, what, item_id)
    assert str(refused.value) == reason


def test_new_refuses_a_part_name_that_is_not_an_id():
    with pytest.raises(Refused, match=r"^'Tools' is not a part name: lowercase letters, digits and hyphens, like 'alternatives'$"):
        target_file("component", "Tools")


def test_new_refuses_a_file_whose_list_is_not_one_item_per_line(model_dir):
    folder = model_dir({"sources.yaml": "sources: [{id: api, title: T, url: 'https://e.org/', publisher: P}]\n"})
    with pytest.raises(Refused, match=r"^cannot append to sources.yaml: write its 'sources' list one '- ' item per line"):
        added(folder, "source", "lxc-readme")


def test_every_required_field_is_in_the_entry():
    specs = {c.item.name: c.item for c in schema.COLLECTIONS.values()} | {"packages": schema.PACKAGES}
    for name, fields in FIELDS.items():
        assert {key for key, f in specs[name].fields.items() if f.required} <= set(fields) <= set(specs[name].fields), name
    assert set(TARGETS) == {"component", "source", "relation", "question"}
