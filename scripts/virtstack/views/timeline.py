"""The timeline: every dated event, one band per year.

Selects every event of the model; draws each year as a band of event boxes
that link to the event's entry on the page. The page's own list of events
by year is its text twin.
"""

from ..dates import date_text
from ..escape import plain_text
from ..model import Model
from ..scene import Band, Box, Diagram, Link, Scene
from ..words import LABELS

__all__ = ["FIELDS", "KIND", "TWIN_INTRO", "VARIANTS", "links", "scene", "select", "twin"]

KIND = "timeline"
VARIANTS = ("wide", "narrow")
FIELDS = None  # drawn from events.yaml, never named in views.yaml
TWIN_INTRO = ""


def select(model: Model, lang: str) -> list[Diagram]:
    """Return the timeline's one diagram."""
    return [Diagram("timeline", LABELS[lang]["timeline-title"], KIND)] if model.events else []


def scene(model: Model, diagram: Diagram, lang: str, root: str) -> Scene:
    """Return one band per year, each event a box that links to its entry below."""
    bands = []
    for year in sorted({e.date[:4] for e in model.events}):
        boxes = tuple(Box(e.id, _label(e, lang), classes="event",
                          url=f"#{e.id}", text_role="event")
                      for e in model.events if e.date[:4] == year)
        bands.append(Band(f"y{year}", year, boxes, "band year"))
    return Scene(diagram.id, "", tuple(bands))


def links(model: Model, diagram: Diagram, lang: str) -> dict[str, Link]:
    """Return {event id: Link}: the event's date and text."""
    return {e.id: Link(_label(e, lang), _label(e, lang), False) for e in model.events}


def _label(event, lang: str) -> str:
    """Return an event's date in words and its text: "10 February 1998: …", «Март 2003 г.: …»; a date never breaks."""
    date = date_text(event.date, lang, start=True).replace(" ", "\u00a0")
    return f"{date}: {plain_text(event.text.in_language(lang))}"


def twin(page, diagrams: list[Diagram]) -> None:
    """Add nothing: the timeline page lists every event under the picture."""
