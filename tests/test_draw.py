"""Tests for draw.py: a placed scene as DOT with every position pinned, drawn by the real neato."""

import re

from virtstack import graphviz_run
from virtstack.draw import layout_to_dot
from virtstack.layout import layout_scene
from virtstack.scene import Band, Box, Scene

from test_layout import FRAME, two_bands, widths

EXPECTED = """\
digraph "s" {
  graph [id="s" outputorder="nodesfirst" bb="0,0,300,197" pad="0" bgcolor="transparent" fontname="DejaVu Sans" class="vs-test"]
  node [fontname="DejaVu Sans"]
  edge [fontname="DejaVu Sans"]
  "s--canvas" [style="invis" shape="box" fixedsize="true" label="" pos="150,98.5" width="4.17" height="2.74"]
  "s--band-top" [id="s--band-top" class="frame band" shape="box" style="rounded,filled" fixedsize="true" penwidth="1" label="" fillcolor="#f3f4f6" color="#c9ced6" pos="150,164.5" width="4.17" height="0.62"]
  "s--band-bottom" [id="s--band-bottom" class="frame band" shape="box" style="rounded,filled" fixedsize="true" penwidth="1" label="" fillcolor="#f3f4f6" color="#c9ced6" pos="150,66" width="4.17" height="0.81"]
  "tool" [id="s--tool" class="component" shape="box" style="rounded,filled" fixedsize="true" penwidth="1.2" margin="0" fillcolor="#eceff1" color="#546e7a" label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="28" HEIGHT="13"><FONT POINT-SIZE="10"><B>tool</B></FONT></TD></TR></TABLE>> fontsize="10" pos="150,164.5" width="0.78" height="0.35"]
  "daemon" [id="s--daemon" class="component" shape="box" style="rounded,filled" fixedsize="true" penwidth="1.2" margin="0" fillcolor="#eceff1" color="#546e7a" label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="42" HEIGHT="13"><FONT POINT-SIZE="10"><B>daemon</B></FONT></TD></TR><TR><TD FIXEDSIZE="TRUE" WIDTH="54" HEIGHT="13"><FONT POINT-SIZE="10">does work</FONT></TD></TR></TABLE>> fontsize="10" pos="150,66" width="1.03" height="0.53"]
  "s--key-0" [id="s--key-0" class="frame key" shape="plaintext" fixedsize="true" margin="0" label=<─── uses> pos="150,20.5" width="0.67" height="0.18" fontsize="10"]
  "tool" -> "daemon" [id="s--a" class="relation" style="solid" arrowsize="0.8" penwidth="1.3" pos="e,150,85 150,152 150,132.33 150,112.67 150,93" label=<API> fontsize="10" lp="165,118.5"]
}
"""


def test_layout_to_dot_pins_every_node_edge_and_label():
    assert layout_to_dot(layout_scene(two_bands(), FRAME, widths)) == EXPECTED


def test_neato_draws_the_nodes_where_they_were_placed_frames_first():
    svg = graphviz_run.run(EXPECTED, "svg").decode()
    assert 'viewBox="0.00 0.00 300.00 197.00"' in svg
    order = re.findall(r'<g id="(s&#45;&#45;[^"]*)" class="(?:node|edge)', svg)
    assert order == ["s&#45;&#45;band&#45;top", "s&#45;&#45;band&#45;bottom", "s&#45;&#45;tool", "s&#45;&#45;daemon",
                     "s&#45;&#45;key&#45;0", "s&#45;&#45;a"]
    assert '<text text-anchor="start" x="157" y="-116" font-family="DejaVu Sans" font-size="10.00">API</text>' in svg


def test_layout_to_dot_escapes_model_text():
    box = Box("k", 'K"V\\M <b>&', classes="component")
    dot = layout_to_dot(layout_scene(Scene("s", "", (Band("b", "", (box,)),)), FRAME, widths))
    assert '<B>K&quot;V\\M &lt;b&gt;&amp;</B>' in dot
    svg = graphviz_run.run(dot, "svg").decode()
    assert "K&quot;V\\M &lt;b&gt;&amp;</text>" in svg
