"""Tests for model.py: the lookups the renderers rely on."""

from dataclasses import replace

import pytest

from virtstack import pipeline
from virtstack.model import Template, Text
from virtstack.views import parts

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


def test_relation_words_put_the_ends_into_its_sentence_or_between_label_parts(model):
    shout = lambda text: f"<{text}>"  # noqa: E731  an escape that shows what it was given
    plain = model.relation_by_id["qemu-uses-kvm"]
    assert plain.words("ru", ("QEMU", "KVM"), shout) == "QEMU <запускает гостевые системы с помощью> KVM"
    own = replace(plain, sentence=Template(ru="{to}: {from} запускает гостей  на нём"))
    assert own.words("ru", ("QEMU", "KVM"), shout) == "KVM<:> QEMU <запускает гостей  на нём>"
    assert own.words("en", ("QEMU", "KVM"), shout) == "QEMU <runs guests with> KVM"


def test_relation_sentence_in_a_diagram_uses_the_relations_own_word_order(model):
    relation = replace(model.relation_by_id["virsh-controls-qemu"], sentence=Template(ru="{from} запускает {to} и управляет им"))
    assert parts.relation_sentence(model, relation, "ru") == "virsh запускает QEMU и управляет им"
    assert parts.relation_sentence(model, relation, "en") == "virsh starts QEMU"
