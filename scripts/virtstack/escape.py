"""Escape model text for each place it goes: DOT, Markdown and HTML.

Model texts are plain text in which a pair of backticks marks code. Nothing
else in them has meaning: `<script>`, `[links](...)`, `*stars*`, quotes,
braces and backslashes all come out as the characters they are. Every
renderer sends model strings through one of these functions.
"""

import html
import re
from functools import cache
from urllib.parse import quote

from graphviz import escape as _dot_literal

__all__ = ["dot_lines", "dot_string", "html_text", "markdown_code", "markdown_fragment", "markdown_text", "markdown_url",
           "plain_text", "split_code"]

# Characters Python-Markdown treats as syntax; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
_CODE_SPAN = re.compile(r"`([^`]+)`")


def plain_text(text: str) -> str:
    """Return text without code marks and with runs of whitespace as one space."""
    return " ".join(_CODE_SPAN.sub(r"\1", text).split())


@cache  # pure; ids, names and labels repeat across every diagram
def dot_string(text: str) -> str:
    """Return a double-quoted DOT string that shows text literally."""
    return dot_lines([text])


def dot_lines(lines: list[str]) -> str:
    """Return a double-quoted DOT string that shows each line literally, one per row."""
    return '"' + "\\n".join(_dot_quoted_body(plain_text(line)) for line in lines) + '"'


def _dot_quoted_body(text: str) -> str:
    """Escape text for the inside of a DOT quoted string: backslashes literal, quotes escaped."""
    # After graphviz.escape doubles every backslash, each quote follows an
    # even run of backslashes, so one more backslash makes it literal.
    # Graphviz also reads HTML entities in labels: "&amp;" would be drawn as "&".
    return _dot_literal(text).replace("&", "&amp;").replace('"', '\\"')


def html_text(text: str) -> str:
    """Return text escaped for HTML content or a quoted attribute."""
    return html.escape(text, quote=True)


def split_code(text: str) -> list[tuple[bool, str]]:
    """Return text with whitespace folded, as (is_code, piece) pairs in order."""
    pieces = _CODE_SPAN.split(" ".join(text.split()))
    return [(index % 2 == 1, piece) for index, piece in enumerate(pieces) if piece]


def markdown_fragment(piece: str) -> str:
    """Return Markdown that shows a piece of plain text literally, spaces kept."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(piece, quote=False)).replace("|", "&#124;")


def markdown_text(text: str) -> str:
    """Return Markdown that shows text literally, with `code` spans as <code>."""
    return "".join(markdown_code(p) if code else markdown_fragment(p) for code, p in split_code(text))


def markdown_url(url: str) -> str:
    """Return an http(s) URL safe inside a Markdown link's parentheses: brackets, quotes and spaces encoded."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._").replace("'", "%27")


def markdown_code(text: str) -> str:
    """Return Markdown for text shown as code: an inline <code>, whose content Markdown still parses, escaped."""
    return f"<code>{markdown_fragment(text)}</code>"
