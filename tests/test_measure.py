"""Tests for measure.py: text widths from one run of the real Graphviz."""

from virtstack import graphviz_run
from virtstack.measure import SLACK, measure_words, measurement_dot


def run(dot: str) -> str:
    """Return Graphviz's JSON for a measurement graph."""
    return graphviz_run.run(dot, "json", "dot").decode()


def test_measurement_dot_has_one_plaintext_node_per_word():
    assert measurement_dot([("KVM", 14, True), ("a<b", 12, False)]) == (
        'digraph measure {\n  node [shape=plaintext margin=0 fontname="DejaVu Sans"]\n'
        '  w0 [label=<<B>KVM</B>> fontsize=14]\n  w1 [label="a<b" fontsize=12]\n}\n')


def test_a_line_is_as_wide_as_its_words_and_the_spaces_between_them():
    widths = measure_words({("virt-manager runs", 14, True), ("virt-manager", 14, False)}, run)
    word, runs, space = widths.words[("virt-manager", 14, True)], widths.words[("runs", 14, True)], widths.spaces[(14, True)]
    assert 90 < word < 120 and space > 2
    assert widths("virt-manager runs", 14, True) == SLACK * (word + space + runs)
    assert widths("virt-manager", 14, True) > widths("virt-manager", 14, False)
