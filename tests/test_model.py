"""Tests for model.py: the lookups the renderers rely on."""

import pytest

from virtstack import pipeline
from virtstack.model import Text

from conftest import FIXTURES


@pytest.fixture(scope="module")
def model():
    """Return the fixture model."""
    return pipeline.check(FIXTURES / "valid", FIXTURES)[0]


def test_lookups_by_id(model):
    assert model.component_by_id["kvm"].name == Text("KVM", "KVM")
    assert model.layer_by_id["tools"].name == Text("Tools", "Инструменты")
    assert model.source_by_id["api"].url == "https://docs.kernel.org/virt/kvm/api.html"
    assert model.home_view.id == "stack"


def test_layer_rank_counts_from_the_bottom(model):
    assert [model.layer_rank(i) for i in ("kernel", "tools")] == [0, 1]


def test_relations_of_returns_both_directions_in_id_order(model):
    assert [r.id for r in model.relations_of("qemu")] == ["qemu-uses-kvm", "virsh-controls-qemu"]
    assert [r.id for r in model.relations_of("kvm")] == ["qemu-uses-kvm"]


def test_text_in_language():
    assert Text("hello", "привет").in_language("ru") == "привет"
