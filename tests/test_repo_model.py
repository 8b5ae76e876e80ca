"""The repository's own model in diagrams/: valid, fully sourced, fully connected."""

import dataclasses
import re

import pytest

from virtstack import pipeline

from conftest import ROOT


@pytest.fixture(scope="module")
def model():
    """Return the repository's model; fail with the issue lines if it has any."""
    model, issues = pipeline.check(ROOT / "diagrams", ROOT)
    assert issues == []
    return model


def cited_ids(value) -> set[str]:
    """Return the id of every source cited anywhere inside a model value."""
    if isinstance(value, tuple):
        return set().union(*(cited_ids(v) for v in value)) if value else set()
    if not dataclasses.is_dataclass(value):
        return set()
    found = set(getattr(value, "sources", ()) or ())
    for f in dataclasses.fields(value):
        if f.name != "sources":
            found |= cited_ids(getattr(value, f.name))
    return found


def test_every_system_the_seed_names_and_its_neighbours_are_there(model):
    expected = {
        "vmware-workstation", "vmware-esxi", "qemu", "kvm", "libvirt", "libvirtd", "virtqemud", "virsh",
        "virt-manager", "virt-install", "virt-clone", "virt-xml", "virtualbox", "xen", "lxc", "qemu-kvm",
        "vt-x", "amd-v", "linux", "tcg", "qmp", "virtio", "seabios", "ovmf", "spice", "vnc", "virt-viewer",
        "gnome-boxes", "cockpit", "kvmtool", "firecracker", "cloud-hypervisor", "crosvm", "hyper-v",
        "openstack-nova", "proxmox-ve"}
    assert expected <= set(model.component_by_id)


def test_all_28_claims_and_4_questions_are_there(model):
    assert [c.id for c in model.claims] == [
        "c1", "c20", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c21", "c11", "c12", "c13", "c14",
        "c15", "c16", "c17", "c22", "c28", "c18", "c19", "c23", "c24", "c25", "c26", "c27"]
    assert [q.id for q in model.questions if not q.group] == ["errors", "virt-manager-label", "virt-tools", "qemu-kvm"]


def test_every_question_has_a_short_heading_in_each_language(model):
    askers = [q for q in model.questions if not q.group]
    lengths = {(q.id, lang): len(q.heading.in_language(lang).split()) for q in askers if q.heading
               for lang in ("en", "ru")}
    assert len(lengths) == 2 * len(askers) and max(lengths.values()) <= 12


def test_layers_run_from_hardware_to_tools(model):
    assert [layer.id for layer in model.layers] == ["hardware", "kernel", "vmm", "management", "tools"]


def test_every_source_is_cited(model):
    collections = tuple(getattr(model, f.name) for f in dataclasses.fields(model) if f.name != "sources")
    assert {s.id for s in model.sources} == cited_ids(collections)


def test_every_component_has_a_relation(model):
    assert [c.id for c in model.components if not model.relations_of(c.id)] == []


def test_texts_have_balanced_code_marks(model):
    texts = [c.summary.en for c in model.components] + [st.text.en for c in model.components for st in c.description]
    texts += [r.label.en for r in model.relations] + [r.protocol.en for r in model.relations if r.protocol]
    assert [t for t in texts if t.count("`") % 2] == []


def test_ids_are_safe_for_paths_and_anchors(model):
    ids = [c.id for c in model.components] + [s.id for s in model.sources] + [layer.id for layer in model.layers]
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []
