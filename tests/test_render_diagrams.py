"""Tests for render_diagrams.py and the views: what each kind selects, and SVG ready to inline."""

import re

import pytest

from virtstack import pipeline
from virtstack.render_diagrams import svg_for_inline
from virtstack.render_pages import diagram_pages
from virtstack.views import KINDS, neighbourhood

from conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def outputs():
    """Return every generated file of the fixture model."""
    return pipeline.build(FIXTURES / "valid", FIXTURES)


def test_every_view_kind_has_one_module_that_selects_draws_links_and_reads_in_words():
    assert sorted(KINDS) == ["compare", "neighbourhood", "path", "stack", "timeline"]
    for module in KINDS.values():
        assert all(callable(getattr(module, name)) for name in ("select", "scene", "links", "twin"))
        assert set(module.VARIANTS) <= {"wide", "narrow", "column"}


def test_the_inlined_svg_is_trimmed_drawn_at_its_own_width_and_marked_with_its_variant(outputs):
    wide, narrow = outputs["stack.svg"], outputs["stack-narrow.svg"]
    assert wide.startswith('<svg role="group" aria-label="The stack" data-variant="wide" style="max-width: 680px"\n'
                           ' viewBox="0.00 0.00 680.00 ')
    assert narrow.startswith('<svg role="group" aria-label="The stack" data-variant="narrow" style="max-width: 350px"\n')
    for trimmed in ("<?xml", "<!--", "DOCTYPE", "<title>", "xlink", "scale(1 1)"):
        assert trimmed not in wide
    assert not re.search(r"<svg[^>]*\swidth=", wide)
    assert '<g id="stack&#45;&#45;kvm" class="node component n&#45;kvm layer&#45;kernel kind&#45;kernel&#45;module">' in wide
    assert '<g id="stack&#45;narrow&#45;&#45;kvm" class="node component n&#45;kvm' in narrow


def test_links_are_named_with_their_tooltip_and_unlabelled_lines_stay_out_of_the_tab_order(outputs):
    assert re.findall(r'<g id="a_[^>]*><a [^>]*>', outputs["stack.svg"]) == [
        '<g id="a_stack&#45;&#45;virsh"><a href="components/virsh/" aria-label="virsh" data-tip="virsh: A shell.">',
        '<g id="a_stack&#45;&#45;qemu"><a href="components/qemu/" aria-label="QEMU" data-tip="QEMU: A machine emulator.">',
        '<g id="a_stack&#45;&#45;kvm"><a href="components/kvm/" aria-label="KVM" data-tip="KVM: Runs guests through /dev/kvm.">',
        '<g id="a_stack&#45;&#45;virsh&#45;controls&#45;qemu"><a href="components/virsh/#virsh-controls-qemu" '
        'tabindex="-1" aria-hidden="true" data-tip="virsh starts QEMU">',
        '<g id="a_stack&#45;&#45;qemu&#45;uses&#45;kvm"><a href="components/qemu/#qemu-uses-kvm" '
        'tabindex="-1" aria-hidden="true" data-tip="QEMU runs guests with KVM (ioctls on /dev/kvm)">']


def test_svg_for_inline_makes_links_absolute_from_the_pages_address(outputs):
    svg = svg_for_inline('<svg width="10pt" height="10pt"><g id="a_x"><a xlink:href="../kvm/" xlink:title="t">',
                         "X", {}, "https://example.org/components/qemu/", "narrow")
    assert svg == ('<svg role="group" aria-label="X" data-variant="narrow" style="max-width: 10px">'
                   '<g id="a_x"><a href="https://example.org/components/kvm/" data-tip="t">')


def test_a_neighbourhood_groups_its_neighbours_by_relation_those_pointing_at_it_first():
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    diagram = neighbourhood.select(model, model.component_by_id["qemu"], "en")[0]
    assert [(d, title, [c.id for c in members]) for d, title, members in neighbourhood.groups(model, diagram, "en")] == [
        ("in", "Started and controlled by", ["libvirt", "libvirtd", "proxmox-ve", "virtqemud"]),
        ("in", "Forks of it", ["qemu-kvm"]), ("in", "Its parts", ["tcg"]), ("in", "What uses it", ["xen"]),
        ("out", "Firmware it loads", ["ovmf", "seabios"]), ("out", "Protocols it serves", ["qmp", "spice", "virtio", "vnc"]),
        ("out", "What runs its guests' code", ["kvm"])]


def test_editing_a_summary_changes_no_dot(model_dir):
    folder = model_dir()
    before = pipeline.build(folder, folder.parent)
    text = (folder / "components.yaml").read_text()
    (folder / "components.yaml").write_text(text.replace("summary: {en: A shell., ru: Оболочка.}",
                                                         "summary: {en: A new shell., ru: Новая оболочка.}"))
    after = pipeline.build(folder, folder.parent)
    assert {k: v for k, v in before.items() if k.endswith(".dot")} == {k: v for k, v in after.items() if k.endswith(".dot")}


def test_the_same_model_gives_byte_identical_dot_and_svg(outputs):
    again = pipeline.build(FIXTURES / "valid", FIXTURES)
    assert {k: v for k, v in again.items() if k.endswith((".dot", ".svg"))} == {
        k: v for k, v in outputs.items() if k.endswith((".dot", ".svg"))}


def test_diagram_pages_decides_once_which_diagrams_each_page_shows():
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    placed = diagram_pages(model)
    assert [d.id for d in placed["index.md"]] == ["stack"]
    assert [d.id for d in placed["views/alternatives.md"]] == [
        "alternatives-kvm-qemu", "alternatives-xen", "alternatives-virtualbox", "alternatives-vmware-workstation",
        "alternatives-vmware-esxi", "alternatives-lxc", "alternatives-firecracker"]
