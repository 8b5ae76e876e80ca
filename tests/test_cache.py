"""Tests for cache.py: DotCache keeps what the real `dot` drew, by the exact DOT, format and Graphviz version."""

import hashlib

import pytest
from conftest import FIXTURES
from virtstack import graphviz_run, pipeline
from virtstack.cache import DotCache

DOT = 'digraph { a [label="Кириллица & <b>"]; a -> b }'


class Drawing:
    """The real `dot`, counting how often it was started."""

    def __init__(self, fmt: str):
        self.fmt, self.runs = fmt, 0

    def __call__(self, dot: str) -> str | bytes:
        self.runs += 1
        output = graphviz_run.run(dot, self.fmt, "dot")
        return output if self.fmt == "png" else output.decode("utf-8")


def test_the_same_dot_is_drawn_once_and_then_read_back_as_it_was_drawn(tmp_path):
    cache, dot = DotCache(tmp_path), Drawing("svg")
    first = cache.render("dot.svg", DOT, dot)
    assert first.startswith("<?xml") and "Кириллица &amp; &lt;b&gt;" in first
    assert cache.render("dot.svg", DOT, dot) == first
    assert (dot.runs, cache.misses, cache.hits) == (1, 1, 1)


def test_an_entry_is_one_file_named_by_the_hash_of_the_graphviz_version_the_format_and_the_dot(tmp_path):
    DotCache(tmp_path).render("dot.svg", DOT, Drawing("svg"))
    key = hashlib.sha256(f"{graphviz_run.version()}\0dot.svg\0{DOT}".encode()).hexdigest()
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()] == [f"{key[:2]}/{key}.dot.svg"]


def test_another_dot_or_another_format_is_drawn_again(tmp_path):
    cache, svg, png = DotCache(tmp_path), Drawing("svg"), Drawing("png")
    cache.render("dot.svg", DOT, svg)
    cache.render("dot.svg", DOT.replace("a -> b", "b -> a"), svg)
    picture = cache.render("dot.png", DOT, png)
    assert (svg.runs, png.runs, cache.misses, cache.hits) == (2, 1, 3, 0)
    assert len({p.name for p in tmp_path.rglob("*") if p.is_file()}) == 3
    assert cache.render("dot.png", DOT, png) == picture and picture.startswith(b"\x89PNG\r\n\x1a\n")  # bytes, not text
    assert png.runs == 1


def test_a_later_run_reads_what_an_earlier_one_stored(tmp_path):
    earlier, later = Drawing("svg"), Drawing("svg")
    drawn = DotCache(tmp_path).render("dot.svg", DOT, earlier)
    cache = DotCache(tmp_path)
    assert cache.render("dot.svg", DOT, later) == drawn
    assert (later.runs, cache.hits, cache.misses) == (0, 1, 0)


def test_a_failed_drawing_stores_nothing(tmp_path):
    cache = DotCache(tmp_path)

    def broken(dot: str) -> str:
        raise RuntimeError("dot failed")

    with pytest.raises(RuntimeError):
        cache.render("dot.svg", DOT, broken)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert cache.render("dot.svg", DOT, Drawing("svg")).startswith("<?xml")


def test_a_site_rendered_through_the_cache_is_the_site_rendered_without_it(tmp_path):
    """The second render reads every drawing back: no `dot` started, the same bytes."""
    model, _ = pipeline.check(FIXTURES / "valid", FIXTURES)
    plain = pipeline.render(model, previews=True)
    cold = DotCache(tmp_path)
    assert pipeline.render(model, cold, previews=True) == plain
    assert cold.misses > 0
    warm = DotCache(tmp_path)
    assert pipeline.render(model, warm, previews=True) == plain
    assert (warm.hits, warm.misses) == (cold.hits + cold.misses, 0)
