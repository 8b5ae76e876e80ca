"""Escape model text for each place it goes: DOT, Markdown and HTML.

Model texts are plain text in which a pair of backticks marks code. Nothing
else in them has meaning: `<script>`, `[links](...)`, `*stars*`, quotes,
braces and backslashes all come out as the characters they are. Every
renderer sends model strings through one of these functions.
"""

import html
import re

from graphviz import escape as _dot_literal
from graphviz.quoting import quote as _dot_quote

__all__ = ["dot_string", "html_text", "markdown_text", "plain_text"]

# Characters Python-Markdown treats as syntax; a backslash makes them literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
_CODE_SPAN = re.compile(r"`([^`]+)`")


def plain_text(text: str) -> str:
    """Return text without code marks and with runs of whitespace as one space."""
    return " ".join(_CODE_SPAN.sub(r"\1", text).split())


def dot_string(text: str) -> str:
    """Return a double-quoted DOT string that shows text literally."""
    quoted = _dot_quote(_dot_literal(plain_text(text)))
    return quoted if quoted.startswith('"') else f'"{quoted}"'


def html_text(text: str) -> str:
    """Return text escaped for HTML content or a quoted attribute."""
    return html.escape(text, quote=True)


def markdown_text(text: str) -> str:
    """Return Markdown that shows text literally, with `code` spans as <code>."""
    parts = []
    for index, part in enumerate(_CODE_SPAN.split(" ".join(text.split()))):
        if index % 2:
            parts.append(f"<code>{html_text(part)}</code>")
        else:
            parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(part, quote=False)).replace("|", "&#124;"))
    return "".join(parts)
