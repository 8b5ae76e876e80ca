"""Tests for layout.py: boxes in bands, arrows between facing sides, labels clear of every line and text."""

import pytest

from virtstack import graphviz_run, pipeline
from virtstack.layout import Frame, Rect, collisions, layout_scene, wrap
from virtstack.measure import measure_words
from virtstack.render_diagrams import diagram_scenes, frame_of, texts_of
from virtstack.render_pages import diagram_pages
from virtstack.urls import page_root
from virtstack.scene import Arrow, Band, Box, KeyEntry, Scene

from conftest import ROOT

FRAME = Frame("test", 300, {"name": 10, "role": 10, "event": 10, "band": 10, "edge": 10, "title": 10, "key": 10}, 120)


def widths(text: str, size: float, bold: bool) -> float:
    """Return a stand-in width: every character is six tenths of the font size (bold one more)."""
    return len(text) * size * (0.7 if bold else 0.6)


def two_bands(label: str = "API") -> Scene:
    """Return a scene of a tool over a daemon, one labelled arrow between them."""
    tool = Box("tool", "tool", classes="component")
    daemon = Box("daemon", "daemon", role="does work", classes="component")
    return Scene("s", "", (Band("top", "", (tool,)), Band("bottom", "", (daemon,))),
                 (Arrow("a", "tool", "daemon", label, "solid", "relation", ""),), (KeyEntry("uses", line_style="solid"),))


def test_wrap_breaks_lines_between_words_and_keeps_a_long_word_whole():
    assert wrap("runs guest code on the CPU", 10, False, 80, widths) == ["runs guest", "code on the", "CPU"]
    assert wrap("virtualization", 10, False, 30, widths) == ["virtualization"]


def test_wrap_never_breaks_at_a_no_break_space():
    assert wrap("10\u00a0мая\u00a01998\u00a0г.: VMware", 10, False, 40, widths) == ["10\u00a0мая\u00a01998\u00a0г.:", "VMware"]


def test_layout_centres_boxes_in_their_bands_and_puts_the_label_beside_the_line():
    layout = layout_scene(two_bands(), FRAME, widths)
    assert layout.boxes["tool"].rect == Rect(x=122.0, y=20, w=56, h=25.0)
    assert layout.boxes["daemon"].rect == Rect(x=113.0, y=112.0, w=74.0, h=38.0)
    arrow = layout.arrows[0]
    assert (arrow.start, arrow.end) == ((150.0, 45.0), (150.0, 112.0))
    assert arrow.label.lines == ["API"] and arrow.label.rect == Rect(x=156.0, y=72.0, w=18.0, h=13.0)
    assert [t.lines for t in layout.texts] == [["─── uses"]]
    assert collisions(layout) == []


def three_bands(title: str, middle: str = "daemon") -> Scene:
    """Return a tool over a titled middle band over a CPU, arrows from the tool and from the middle box down."""
    boxes = [Box(i, name, classes="component") for i, name in (("tool", "tool"), ("mid", middle), ("cpu", "cpu"))]
    bands = (Band("top", "", (boxes[0],)), Band("middle", title, (boxes[1],)), Band("bottom", "", (boxes[2],)))
    arrows = (Arrow("a", "tool", "cpu" if middle != "daemon" else "mid", "", "solid", "relation", ""),
              Arrow("b", "mid", "cpu", "", "solid", "relation", ""))
    return Scene("s", "", bands, arrows)


def test_a_band_title_that_a_line_would_pass_through_is_wrapped_into_the_free_side():
    narrow = Frame("test", 200, FRAME.sizes, 120)
    layout = layout_scene(three_bands("the daemons of the whole stack"), narrow, widths)
    title = layout.bands[1].title
    assert title.lines == ["the daemons", "of the whole", "stack"] and title.align == "l"
    assert title.rect.right < layout.arrows[0].start[0]
    assert collisions(layout) == []


def test_collisions_names_overlapping_texts_and_lines_through_text():
    layout = layout_scene(two_bands(), FRAME, widths)
    layout.arrows[0].label.rect = layout.boxes["daemon"].texts[0].rect
    assert collisions(layout) == ["text 'daemon' overlaps 'API'"]
    blocked = layout_scene(three_bands("", "a box far too wide to pass"), FRAME, widths)
    assert collisions(blocked) == ["line a crosses 'a box far too wide to pass'"]


@pytest.fixture(scope="module")
def model():
    """Return the repository's model."""
    return pipeline.check(ROOT / "diagrams", ROOT)[0]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_diagram_of_the_site_is_laid_out_with_every_arrow_and_label_and_no_collision(model, lang):
    pictures = [(page, d, variant, scene) for page, ds in diagram_pages(model, lang).items() for d in ds
                for variant, scene in diagram_scenes(model, d, lang, page_root(page)).items()]
    texts = set().union(*(texts_of(scene, frame_of(v)) for _, d, v, scene in pictures))
    measured = measure_words(texts, lambda dot: graphviz_run.run(dot, "json", "dot").decode())
    problems = []
    for page, diagram, variant, scene in pictures:
        layout = layout_scene(scene, frame_of(variant), measured)
        labelled = {(a.arrow.label, a.arrow.head) for a in layout.arrows if a.label}
        if len(layout.arrows) != len(scene.arrows) or labelled != {(a.label, a.head) for a in scene.arrows if a.label}:
            problems.append(f"{page} {scene.id}: an arrow or a label is missing")
        problems += [f"{page} {scene.id}: {c}" for c in collisions(layout)]
        if any(b.rect.right > layout.width + 0.01 or b.rect.x < -0.01 for b in layout.boxes.values()):
            problems.append(f"{page} {scene.id}: a box is wider than the picture")
    assert len(pictures) > 80
    assert problems == []
