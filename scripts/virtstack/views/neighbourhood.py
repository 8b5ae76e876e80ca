"""The neighbourhood of one component: it in the middle, its neighbours in groups named by relation.

Selects the component's relations and the components at their other ends;
draws the groups that point at it above it ("Started and controlled by"),
and those it points at below it ("Firmware it loads"), so no arrow needs a
label; each neighbour's tooltip says the relation in words. Its text twin
lists the components by layer and sends the reader to the relations below.
"""

from ..model import Component, Model, Relation
from ..scene import Band, Diagram, Link, Scene
from ..words import GROUP_LABELS, LABELS
from . import parts, stack

__all__ = ["FIELDS", "KIND", "TWIN_INTRO", "VARIANTS", "groups", "links", "scene", "select", "twin"]

KIND = "neighbourhood"
VARIANTS = ("wide", "narrow")
FIELDS = None  # drawn for every component, never named in views.yaml
TWIN_INTRO = "in-words"


def select(model: Model, component: Component, lang: str) -> list[Diagram]:
    """Return the component's diagram: it, its relations, and their other ends."""
    relations = model.relations_of(component.id)
    ids = {component.id} | {r.from_ for r in relations} | {r.to for r in relations}
    title = LABELS[lang]["neighbourhood-title"].format(name=component.name.in_language(lang))
    return [Diagram(f"near-{component.id}", title, KIND, tuple(sorted(ids)), tuple(r.id for r in relations),
                    component.id)]


def groups(model: Model, diagram: Diagram, lang: str) -> list[tuple[str, str, list[Component]]]:
    """Return (direction, title, neighbours) for each group, those pointing at the component first.

    A neighbour joins the group of its first relation with the component.
    """
    table, found, placed = GROUP_LABELS[lang], {}, set()
    for relation in (model.relation_by_id[i] for i in diagram.relations):
        direction, other = _direction(relation, diagram.focus)
        if other in placed:
            continue
        placed.add(other)
        neighbour = model.component_by_id[other]
        title = table.get((direction, relation.kind, neighbour.kind)) or table[(direction, relation.kind)]
        found.setdefault((direction, title), []).append(neighbour)
    rank = lambda c: model.layer_rank(c.layer)  # noqa: E731
    order = sorted(found.items(), key=lambda item: (item[0][0] == "out", -max(map(rank, item[1])), item[0][1]))
    return [(direction, title, members) for (direction, title), members in order]


def _direction(relation: Relation, focus: str) -> tuple[str, str]:
    """Return whether a relation leaves the component or comes to it, and the other end."""
    return ("out", relation.to) if relation.from_ == focus else ("in", relation.from_)


def scene(model: Model, diagram: Diagram, lang: str, root: str) -> Scene:
    """Return the groups above and below the component, and the key of layer colours."""
    focus = model.component_by_id[diagram.focus]
    bands, shown = [], [focus]
    found = groups(model, diagram, lang)
    for index, (direction, title, members) in enumerate(found):
        if direction == "out" and not any(b.id == "focus" for b in bands):
            bands.append(_focus_band(focus, lang, root))
        boxes = tuple(parts.component_box(c, lang, root) for c in members)
        bands.append(Band(f"group-{index}", title, boxes, f"band group group-{direction}"))
        shown += members
    if not any(b.id == "focus" for b in bands):
        bands.append(_focus_band(focus, lang, root))
    return Scene(diagram.id, diagram.title, tuple(bands), (), parts.layer_key(model, shown, lang))


def _focus_band(focus: Component, lang: str, root: str) -> Band:
    """Return the untitled band that holds the component itself."""
    return Band("focus", "", (parts.component_box(focus, lang, root, focus=focus.id),), "band focus-band")


def links(model: Model, diagram: Diagram, lang: str) -> dict[str, Link]:
    """Return {box id: Link}: the component's summary, and for each neighbour its relations in words."""
    focus = model.component_by_id[diagram.focus]
    out = {focus.id: Link(focus.name.in_language(lang), parts.component_tip(focus, lang), False)}
    for relation in (model.relation_by_id[i] for i in diagram.relations):
        other = _direction(relation, diagram.focus)[1]
        sentence = parts.relation_sentence(model, relation, lang)
        name = model.component_by_id[other].name.in_language(lang)
        tip = f"{out[other].tip}; {sentence}" if other in out else sentence
        out[other] = Link(name, tip, False)
    return out


def twin(page, diagrams: list[Diagram]) -> None:
    """Append the components by layer; the relations are explained further down the page."""
    stack.twin(page, diagrams)
