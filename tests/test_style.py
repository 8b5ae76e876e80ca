"""Tests for style.py: one table drives DOT colours and the stylesheet."""

from virtstack import pipeline, style

from conftest import ROOT


def test_every_layer_of_the_repository_model_has_colours():
    model, _ = pipeline.check(ROOT / "diagrams", ROOT)
    assert list(style.LAYER_COLOURS) == [layer.id for layer in model.layers]


def test_stylesheet_sets_light_and_dark_colours_for_each_layer():
    css = style.stylesheet()
    assert css.startswith("/* Generated from scripts/virtstack/style.py; edit the table there. */\n")
    assert ':root, [data-md-color-scheme="default"] {\n  --vs-hardware-fill: #f3e4d7;\n  --vs-hardware-stroke: #9a5b2a;\n' in css
    assert '[data-md-color-scheme="slate"] {\n  --vs-hardware-fill: #4a3020;\n  --vs-hardware-stroke: #d9a27a;\n' in css
    assert (".vs-diagram .layer-vmm > polygon, .vs-diagram .layer-vmm > path,\n"
            ".vs-diagram .layer-vmm a > polygon, .vs-diagram .layer-vmm a > path "
            "{ fill: var(--vs-vmm-fill); stroke: var(--vs-vmm-stroke); }") in css


def test_every_relation_kind_has_an_edge_style():
    from virtstack.schema import RELATION_KINDS
    assert sorted(style.RELATION_STYLE) == sorted(RELATION_KINDS)


def test_layer_colours_falls_back_for_an_unknown_layer():
    assert style.layer_colours("elsewhere") == style.DEFAULT_COLOURS
