"""Tests for graphviz_run.py: the real `dot`, its output, and a diagram it refuses as one clear error."""

import pytest

from virtstack import graphviz_run


def test_run_returns_what_graphviz_prints():
    assert graphviz_run.run('digraph { a [pos="0,0!"] }', "plain", "neato").startswith(b"graph 1 ")


def test_a_diagram_graphviz_refuses_is_one_error_that_says_so_not_a_traceback():
    with pytest.raises(graphviz_run.GraphvizError) as refused:
        graphviz_run.run("digraph { a -> }", "svg", "dot")
    assert str(refused.value) == (
        "Graphviz's dot could not draw a diagram (Error: <stdin>: syntax error in line 1 near '}'); "
        "the model check passed, so please report it with the model that caused it")


def test_graphviz_missing_is_a_graphviz_error_too():
    assert issubclass(graphviz_run.DotNotFound, graphviz_run.GraphvizError)


def test_the_error_is_named_even_when_graphviz_warns_first():
    with pytest.raises(graphviz_run.GraphvizError) as refused:
        graphviz_run.run("digraph { a [shape=nosuchshape]; a -> b; b [label=<<B>x</I>>] }", "svg", "dot")
    assert "could not draw a diagram (Error: mismatched tag in line 1);" in str(refused.value)
