"""How wide a piece of text is in the diagrams' font, as Graphviz measures it.

Input: every word the diagrams of an edition will draw, with its font size
and weight. Output: a TextWidths that gives the width of any line made of
those words. Graphviz is asked once for all of them (one `dot -Tjson` of
plaintext nodes), with the font it later draws with, so that a box is
exactly as wide as its label needs.
"""

import json
import re
from typing import Callable

from .escape import dot_string, html_text
from . import style

__all__ = ["TextWidths", "measure_words", "words", "words_of"]

# Each word is widened a little: pango's kerning and the browser's may differ.
SLACK = 1.04


_BREAKS = re.compile(r"[^\S\u00a0]+")  # any white space but the no-break space


def words(text: str) -> list[str]:
    """Return a text's words: what lies between the spaces a line may break at (not at a no-break space)."""
    return [word for word in _BREAKS.split(text) if word]


class TextWidths:
    """Widths of measured words; a line is its words plus the spaces between them."""

    def __init__(self, words: dict[tuple[str, float, bool], float], spaces: dict[tuple[float, bool], float]):
        self.words = words
        self.spaces = spaces

    def __call__(self, text: str, size: float, bold: bool) -> float:
        """Return the width of a line of text."""
        parts = words(text)
        if not parts:
            return 0.0
        gaps = self.spaces[(size, bold)] * (len(parts) - 1)
        return SLACK * (sum(self.words[(word, size, bold)] for word in parts) + gaps)


def words_of(texts: set[tuple[str, float, bool]]) -> set[tuple[str, float, bool]]:
    """Return the distinct words of some texts, each with its size and weight."""
    return {(word, size, bold) for text, size, bold in texts for word in words(text)}


def measurement_dot(words: list[tuple[str, float, bool]]) -> str:
    """Return DOT with one plaintext node per word, and per size a pair of x's to measure the space."""
    lines = ["digraph measure {", f"  node [shape=plaintext margin=0 fontname={dot_string(style.FONT)}]"]
    for index, (word, size, bold) in enumerate(words):
        label = f"<<B>{html_text(word)}</B>>" if bold else dot_string(word)
        lines.append(f"  w{index} [label={label} fontsize={size:g}]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def measure_words(texts: set[tuple[str, float, bool]], run: Callable[[str], str]) -> TextWidths:
    """Return the widths of every word of the texts, measured by one Graphviz run."""
    words = sorted(words_of(texts) | {(w, s, b) for _, s, b in texts for w in ("x", "x\u00a0x")})
    measured = _widths(run(measurement_dot(words)))
    table = dict(zip(words, measured, strict=True))
    spaces = {(s, b): table[("x\u00a0x", s, b)] - 2 * table[("x", s, b)] for _, s, b in texts}
    return TextWidths(table, spaces)


def _widths(output: str) -> list[float]:
    """Return the width of each node's text, in node order, from Graphviz's JSON."""
    objects = sorted(json.loads(output).get("objects", []), key=lambda o: int(o["name"][1:]))
    return [sum(op["width"] for op in o.get("_ldraw_", []) if op["op"] == "T") for o in objects]
