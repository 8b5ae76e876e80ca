"""The compare view: several stacks side by side, one small stack picture per column.

Selects one diagram per column (its components and the relations among
them); each is drawn once, as a stack narrow enough for two side by side
in a desktop column and for a phone, and the page lays the pictures out in
a grid that wraps; the text twin lists every column by layer.
"""

from ..escape import markdown_text
from ..model import Model, View
from ..scene import Diagram, Link, Scene
from . import stack

__all__ = ["FIELDS", "KIND", "TWIN_INTRO", "VARIANTS", "links", "scene", "select", "twin"]

KIND = "compare"
VARIANTS = ("column",)
FIELDS = (("columns",), ("steps", "relations", "emphasis"))
TWIN_INTRO = "columns-in-words"


def select(model: Model, view: View, lang: str) -> list[Diagram]:
    """Return one diagram per column, with the relations among its components."""
    out = []
    for column in view.columns:
        members = set(column.components)
        relations = tuple(r.id for r in model.relations if r.from_ in members and r.to in members)
        out.append(Diagram(f"{view.id}-{column.id}", column.title.in_language(lang), KIND, column.components,
                           relations, view=view.id, column=column.id))
    return out


def scene(model: Model, diagram: Diagram, lang: str, root: str) -> Scene:
    """Return one column drawn as a stack, names only (the tooltips and the twin say what each does)."""
    return stack.scene(model, diagram, lang, root, roles=False)


def links(model: Model, diagram: Diagram, lang: str) -> dict[str, Link]:
    """Return the column's links, as a stack's."""
    return stack.links(model, diagram, lang)


def twin(page, diagrams: list[Diagram]) -> None:
    """Append every column in words, each from the top layer down."""
    site = page.site
    for diagram in diagrams:
        members = [site.model.component_by_id[i] for i in diagram.components]
        page.add(f"- {markdown_text(diagram.title)}: {page.by_layer(members, '; ')}")
    page.add("")
