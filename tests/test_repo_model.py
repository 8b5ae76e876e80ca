"""The repository's own model in diagrams/: valid, fully sourced, fully connected."""

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


def cited_ids(model) -> set[str]:
    """Return the id of every source cited anywhere in the model."""
    cited = set()
    for c in model.components:
        cited.update(c.sources)
        cited.update(s for st in c.description for s in st.sources)
        for part in (c.licence, c.first_release, c.packages):
            cited.update(part.sources if part else ())
    for r in model.relations:
        cited.update(r.sources)
    for v in model.views:
        cited.update(s for st in v.intro for s in st.sources)
    for layer in model.layers:
        cited.update(layer.sources)
    return cited


def test_the_first_slice_of_components_is_there(model):
    expected = {"amd-v", "kvm", "libvirt", "linux", "qemu", "virsh", "virt-install", "virt-manager", "vt-x"}
    assert expected <= set(model.component_by_id)


def test_layers_run_from_hardware_to_tools(model):
    assert [layer.id for layer in model.layers] == ["hardware", "kernel", "vmm", "management", "tools"]


def test_every_source_is_cited_and_uses_https(model):
    assert {s.id for s in model.sources} == cited_ids(model)
    assert [s.id for s in model.sources if not s.url.startswith("https://")] == []


def test_every_component_has_a_relation(model):
    assert [c.id for c in model.components if not model.relations_of(c.id)] == []


def test_texts_have_balanced_code_marks(model):
    texts = [c.summary.en for c in model.components] + [st.text.en for c in model.components for st in c.description]
    texts += [r.label.en for r in model.relations] + [r.protocol.en for r in model.relations if r.protocol]
    assert [t for t in texts if t.count("`") % 2] == []


def test_ids_are_safe_for_paths_and_anchors(model):
    ids = [c.id for c in model.components] + [s.id for s in model.sources] + [layer.id for layer in model.layers]
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []
