"""The path view: numbered steps a request takes, each step a relation, drawn in the layer bands.

Selects the ends of the view's steps; draws them in their bands with one
arrow per step, labelled with its number and interface; its text twin is
the numbered list of steps with what happens at each.
"""

from ..escape import plain_text
from ..model import Model, View
from ..scene import Diagram, Link, Scene
from . import parts

__all__ = ["FIELDS", "KIND", "TWIN_INTRO", "VARIANTS", "links", "scene", "select", "twin"]

KIND = "path"
VARIANTS = ("wide", "narrow")
FIELDS = (("steps",), ("columns", "relations"))
TWIN_INTRO = "steps-in-words"


def select(model: Model, view: View, lang: str) -> list[Diagram]:
    """Return the view's one diagram: the steps' relations in order, and their ends."""
    steps = tuple(step.relation for step in view.steps)
    ends = {end for i in steps for end in (model.relation_by_id[i].from_, model.relation_by_id[i].to)}
    return [Diagram(view.id, view.title.in_language(lang), KIND, tuple(sorted(ends)), steps, view=view.id,
                    emphasis=view.emphasis)]


def _step_label(model: Model, relation_id: str, number: int, lang: str) -> str:
    """Return a step's drawn label: '2. RPC' (its number, then its interface when it has one)."""
    relation = model.relation_by_id[relation_id]
    return f"{number}. {plain_text(relation.interface.in_language(lang))}" if relation.interface else f"{number}."


def scene(model: Model, diagram: Diagram, lang: str, root: str) -> Scene:
    """Return the bands and the numbered arrows of a path."""
    relations = [model.relation_by_id[i] for i in diagram.relations]
    shown = parts.order_in_bands(model, [model.component_by_id[i] for i in diagram.components], relations)
    boxes = {c.id: parts.component_box(c, lang, root, emphasis=frozenset(diagram.emphasis)) for c in shown}
    arrows = tuple(parts.arrow(r, lang, root, _step_label(model, r.id, n, lang)) for n, r in enumerate(relations, 1))
    return Scene(diagram.id, diagram.title, parts.layer_bands(model, shown, boxes, lang), arrows,
                 parts.line_key(relations, lang))


def links(model: Model, diagram: Diagram, lang: str) -> dict[str, Link]:
    """Return {box or arrow id: Link}; a step's name starts with what it shows, '1. …'."""
    out = {i: Link(model.component_by_id[i].name.in_language(lang),
                   parts.component_tip(model.component_by_id[i], lang), False) for i in diagram.components}
    for number, i in enumerate(diagram.relations, 1):
        sentence = parts.relation_sentence(model, model.relation_by_id[i], lang)
        out[i] = Link(f"{_step_label(model, i, number, lang)} {sentence}", sentence, True)
    return out


def twin(page, diagrams: list[Diagram]) -> None:
    """Append the numbered steps in words, each with its sources."""
    site = page.site
    view = site.model.view_by_id[diagrams[0].view]
    for number, step in enumerate(view.steps, 1):
        relation = site.model.relation_by_id[step.relation]
        ends = " → ".join(page.component_link(site.model.component_by_id[i]) for i in (relation.from_, relation.to))
        page.add(f"{number}. {ends}: {page.text(step.text)} {page.cite(step.sources)}")
    page.add("")
