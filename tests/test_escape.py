"""Tests for escape.py: model text reaches DOT, Markdown and HTML as literal text."""

import markdown
import pytest

from virtstack.escape import dot_string, html_text, markdown_text, plain_text


@pytest.mark.parametrize(("text", "expected"), [
    ("ioctls on `/dev/kvm`", "ioctls on /dev/kvm"),
    ("two\n  lines", "two lines"),
])
def test_plain_text(text, expected):
    assert plain_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("QEMU", '"QEMU"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash \\n", '"back\\\\slash \\\\n"'),
    ("<b>html</b>", '"<b>html</b>"'),
    ("graph", '"graph"'),
    ("AT&amp;T", '"AT&amp;amp;T"'),
])
def test_dot_string(text, expected):
    assert dot_string(text) == expected


def test_html_text():
    assert html_text("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"


@pytest.mark.parametrize(("text", "html"), [
    ("plain words", "<p>plain words</p>"),
    ("*b* _i_ [x](javascript:alert(1)) ![i](y)", "<p>*b* _i_ [x](javascript:alert(1)) ![i](y)</p>"),
    ("<script>alert(1)</script> & more", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"),
    ("1. not a list", "<p>1. not a list</p>"),
    ("# not a heading", "<p># not a heading</p>"),
    ("- not a bullet", "<p>- not a bullet</p>"),
    ("a | b {#id}", "<p>a &#124; b {#id}</p>"),  # the entity shows as |
    ("back\\slash \\*", "<p>back\\slash \\*</p>"),
    ("run `virsh <list>` now", "<p>run <code>virsh &lt;list&gt;</code> now</p>"),
])
def test_markdown_text_renders_as_the_literal_text(text, html):
    rendered = markdown.markdown(markdown_text(text), extensions=["attr_list", "tables", "toc"])
    assert rendered == html
