"""What a diagram shows, before anything is placed: boxes in bands, arrows, a title and a key.

Input: nothing but plain values; the view modules in views/ build scenes
from the Model. Output: frozen dataclasses that layout.py places and
draw.py turns into DOT. Every text is already in the page's language; style.FRAMES
gives each kind of text (a name, a role, a band's title, an arrow's label)
its font size in each variant of the picture.
"""

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Arrow", "Band", "Box", "Diagram", "KeyEntry", "Link", "Scene"]


@dataclass(frozen=True)
class Box:
    """A component (or an event) drawn as a rounded box; children are drawn inside it."""

    id: str
    name: str
    role: str = ""
    classes: str = ""
    url: str = ""
    layer: str = ""
    children: tuple["Box", ...] = ()
    emphasis: bool = False
    text_role: str = "name"


@dataclass(frozen=True)
class Band:
    """A titled row of boxes: a layer of the stack, a group of neighbours, a year."""

    id: str
    title: str
    boxes: tuple[Box, ...]
    classes: str = "band"


@dataclass(frozen=True)
class Arrow:
    """A relation drawn from one box to another, with an optional short label."""

    id: str
    tail: str
    head: str
    label: str
    style: str
    classes: str
    url: str


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the key: a line style (a relation kind) or a colour (a layer)."""

    text: str
    line_style: str = ""
    layer: str = ""


@dataclass(frozen=True)
class Scene:
    """Everything one picture shows: a title, bands from top to bottom, arrows and a key."""

    id: str
    title: str
    bands: tuple[Band, ...]
    arrows: tuple[Arrow, ...] = ()
    key: tuple[KeyEntry, ...] = ()

    def boxes(self) -> list[Box]:
        """Return every box, children included, in drawing order."""
        return [b for band in self.bands for box in band.boxes for b in (box, *box.children)]


@dataclass(frozen=True)
class Diagram:
    """What one diagram selects from the model: its kind, components, relations and focus."""

    id: str
    title: str
    kind: str
    components: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    focus: str | None = None
    view: str | None = None
    column: str | None = None
    emphasis: tuple[str, ...] = ()


class Link(NamedTuple):
    """What a diagram's link says: its accessible name, its tooltip, and whether it belongs to an arrow."""

    name: str
    tip: str
    is_edge: bool
