"""Tests for render_diagrams.py: exact DOT text, and SVG from the real `dot`."""

import re

import pytest

from virtstack import pipeline
from virtstack.render_diagrams import (diagram_links, diagram_to_dot, dot_to_svg, neighbourhood_diagram,
                                       svg_for_inline, view_diagram)
from virtstack.render_pages import diagram_pages

from conftest import FIXTURES


@pytest.fixture(scope="module")
def model():
    """Return the fixture model."""
    return pipeline.check(FIXTURES / "valid", FIXTURES)[0]


HEAD = """\
  graph [bgcolor="transparent" fontname="DejaVu Sans" fontsize="11" rankdir="TB" nodesep="0.35" ranksep="0.55" newrank="true"]
  node [shape="box" style="rounded,filled" fontname="DejaVu Sans" fontsize="12" margin="0.14,0.06" height="0.42" penwidth="1.2"]
  edge [fontname="DejaVu Sans" fontsize="10" arrowsize="0.7" penwidth="1.1"]
"""
CLUSTER = 'style="rounded" labeljust="l" fontsize="11" margin="10" penwidth="1" rank="same"'


def test_diagram_to_dot_draws_layers_as_bands_from_the_top(model):
    expected = f"""\
digraph "stack" {{
  id="stack"
{HEAD}  subgraph "cluster_tools" {{
    id="stack--layer-tools" class="layer layer-tools"
    label="Tools" {CLUSTER}
    "qemu" [id="stack--qemu" label="QEMU" fillcolor="#ece3f6" color="#6a46a3" class="component n-qemu layer-tools kind-vmm" URL="components/qemu/"]
    "virsh" [id="stack--virsh" label="virsh" fillcolor="#ece3f6" color="#6a46a3" class="component n-virsh layer-tools kind-cli" URL="components/virsh/"]
  }}
  subgraph "cluster_kernel" {{
    id="stack--layer-kernel" class="layer layer-kernel"
    label="Kernel" {CLUSTER}
    "kvm" [id="stack--kvm" label="KVM" fillcolor="#f6dede" color="#a33b3b" class="component n-kvm layer-kernel kind-kernel-module" URL="components/kvm/"]
  }}
  "qemu" -> "kvm" [style=invis]
  "qemu" -> "kvm" [id="stack--qemu-uses-kvm" class="relation kind-uses from-qemu to-kvm" label="runs guests with" style="solid" URL="components/qemu/#qemu-uses-kvm"]
  "virsh" -> "qemu" [id="stack--virsh-controls-qemu" class="relation kind-controls from-virsh to-qemu" label="starts" style="solid" URL="components/virsh/#virsh-controls-qemu" constraint="false"]
}}
"""
    assert diagram_to_dot(model, view_diagram(model, model.home_view)) == expected


def test_diagram_to_dot_of_a_neighbourhood_links_relative_to_the_component_page(model):
    expected = f"""\
digraph "near-kvm" {{
  id="near-kvm"
{HEAD}  subgraph "cluster_tools" {{
    id="near-kvm--layer-tools" class="layer layer-tools"
    label="Tools" {CLUSTER}
    "qemu" [id="near-kvm--qemu" label="QEMU" fillcolor="#ece3f6" color="#6a46a3" class="component n-qemu layer-tools kind-vmm" URL="../../components/qemu/"]
  }}
  subgraph "cluster_kernel" {{
    id="near-kvm--layer-kernel" class="layer layer-kernel"
    label="Kernel" {CLUSTER}
    "kvm" [id="near-kvm--kvm" label="KVM" fillcolor="#f6dede" color="#a33b3b" class="component n-kvm layer-kernel kind-kernel-module focus"]
  }}
  "qemu" -> "kvm" [style=invis]
  "qemu" -> "kvm" [id="near-kvm--qemu-uses-kvm" class="relation kind-uses from-qemu to-kvm" label="runs guests with" style="solid" URL="../../components/qemu/#qemu-uses-kvm"]
}}
"""
    diagram = neighbourhood_diagram(model, model.component_by_id["kvm"])
    assert diagram_to_dot(model, diagram, root="../../") == expected


def test_diagram_to_dot_draws_an_upward_relation_downwards_with_the_arrow_reversed(model_dir):
    relations = ("relations:\n  - {from: kvm, to: virsh, kind: provides, label: {en: serves, ru: обслуживает}, sources: [api]}\n")
    folder = model_dir({"relations.yaml": relations})
    model = pipeline.check(folder, folder.parent)[0]
    dot = diagram_to_dot(model, view_diagram(model, model.home_view))
    assert '  "virsh" -> "kvm" [id="stack--kvm-provides-virsh"' in dot
    assert dot.splitlines()[-2].endswith(' dir="back"]')


def test_diagram_to_dot_escapes_model_text(model_dir):
    hostile = 'name: {en: "K\\"V\\\\M <b>&", ru: "K\\"V\\\\M <b>&"}'
    folder = model_dir()
    text = (folder / "components.yaml").read_text().replace("name: {en: KVM, ru: KVM}", hostile)
    (folder / "components.yaml").write_text(text)
    model = pipeline.check(folder, folder.parent)[0]
    dot = diagram_to_dot(model, view_diagram(model, model.home_view))
    assert 'label="K\\"V\\\\M <b>&amp;"' in dot
    svg = dot_to_svg(dot)
    assert "<text" in svg and "K&quot;V\\M &lt;b&gt;&amp;</text>" in svg


def test_dot_to_svg_and_svg_for_inline_give_clean_linked_svg(model):
    svg = svg_for_inline(dot_to_svg(diagram_to_dot(model, view_diagram(model, model.home_view))), "The <stack>")
    assert svg.startswith('<svg role="group" aria-label="The &lt;stack&gt;" style="max-width: 238pt"\n'
                          ' viewBox="0.00 0.00 238.00 193.00" xmlns="http://www.w3.org/2000/svg">\n'
                          '<g id="stack" class="graph" transform="translate(4 189)">\n')
    for trimmed in ("<?xml", "<!--", "DOCTYPE", "<title>", "xlink", "scale(1 1)"):
        assert trimmed not in svg
    assert not re.search(r"<svg[^>]*\swidth=", svg)
    assert '<g id="stack&#45;&#45;kvm" class="node component n&#45;kvm layer&#45;kernel kind&#45;kernel&#45;module">' in svg
    assert '<g id="a_stack&#45;&#45;kvm"><a href="components/kvm/" data-tip="KVM">' in svg


def test_svg_for_inline_names_each_link_gives_its_tooltip_and_keeps_edge_lines_out_of_the_tab_order(model):
    diagram = view_diagram(model, model.home_view)
    svg = svg_for_inline(dot_to_svg(diagram_to_dot(model, diagram)), "The stack", diagram_links(model, diagram))
    assert re.findall(r'<g id="a_[^>]*><a [^>]*>', svg)[1:4] == [
        '<g id="a_stack&#45;&#45;kvm"><a href="components/kvm/" aria-label="KVM" data-tip="KVM: Runs guests through /dev/kvm.">',
        '<g id="a_stack&#45;&#45;qemu&#45;uses&#45;kvm"><a href="components/qemu/#qemu-uses-kvm" tabindex="-1" '
        'aria-hidden="true" data-tip="QEMU runs guests with KVM (ioctls on /dev/kvm)">',
        '<g id="a_stack&#45;&#45;qemu&#45;uses&#45;kvm&#45;label"><a href="components/qemu/#qemu-uses-kvm" '
        'aria-label="QEMU runs guests with KVM (ioctls on /dev/kvm)" data-tip="QEMU runs guests with KVM (ioctls on /dev/kvm)">']
    assert '<g id="stack" class="graph"' in svg
    assert 'fill="white"' not in svg


def test_editing_a_summary_changes_no_dot(model_dir):
    folder = model_dir()
    before = pipeline.check(folder, folder.parent)[0]
    text = (folder / "components.yaml").read_text()
    (folder / "components.yaml").write_text(text.replace("summary: {en: A shell., ru: Оболочка.}",
                                                         "summary: {en: A new shell., ru: Новая оболочка.}"))
    after = pipeline.check(folder, folder.parent)[0]
    assert [diagram_to_dot(before, d) for _, d in diagram_pages(before)] == [diagram_to_dot(after, d) for _, d in diagram_pages(after)]


def test_dot_to_svg_is_deterministic(model):
    dot = diagram_to_dot(model, view_diagram(model, model.home_view))
    assert dot_to_svg(dot) == dot_to_svg(dot)
