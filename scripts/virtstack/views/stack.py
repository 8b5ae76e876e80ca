"""The stack view: the chosen components in their layer bands, from the tools down to the CPU.

Selects a view's components and the relations among them (or the ones the
view names); draws the bands top layer first, a part drawn inside what it is
part of when both share a layer, and one arrow per relation labelled with
its interface; its text twin lists each layer's components and the
relations in words.
"""

from ..escape import markdown_text
from ..model import Model, View
from ..scene import Diagram, Link, Scene
from . import parts

__all__ = ["FIELDS", "KIND", "TWIN_INTRO", "VARIANTS", "links", "scene", "select", "twin"]

KIND = "stack"
VARIANTS = ("wide", "narrow")
# A view of this kind: the fields it must have, and those it must not.
FIELDS = ((), ("steps", "columns"))
TWIN_INTRO = "in-words"


def select(model: Model, view: View, lang: str) -> list[Diagram]:
    """Return the view's one diagram: its components and the relations drawn between them."""
    shown = set(view.components)
    relations = view.relations or tuple(r.id for r in model.relations if r.from_ in shown and r.to in shown)
    return [Diagram(view.id, view.title.in_language(lang), KIND, view.components, tuple(relations),
                    view=view.id, emphasis=view.emphasis)]


def scene(model: Model, diagram: Diagram, lang: str, root: str, roles: bool = True) -> Scene:
    """Return the bands, boxes (parts nested in their whole), arrows and key of a stack; roles under names if asked."""
    relations = [model.relation_by_id[i] for i in diagram.relations]
    shown = parts.order_in_bands(model, [model.component_by_id[i] for i in diagram.components], relations)
    nested = parts.nest(model, relations, shown)
    inside = {part for members in nested.values() for part in members}
    emphasis = frozenset(diagram.emphasis)
    boxes = {}
    for c in shown:
        children = tuple(parts.component_box(model.component_by_id[p], lang, root, emphasis=emphasis, role=roles)
                         for p in nested.get(c.id, ()))
        boxes[c.id] = parts.component_box(c, lang, root, emphasis=emphasis, children=children,
                                          focus=diagram.focus, role=roles)
    # A part drawn inside its whole needs no arrow to or from it.
    whole = {part: container for container, members in nested.items() for part in members}
    drawn = [r for r in relations if whole.get(r.from_) != r.to and whole.get(r.to) != r.from_]
    # One arrow between two boxes: "uses" says more than "is part of" where both hold.
    pairs: dict[frozenset, object] = {}
    for r in sorted(drawn, key=lambda r: r.kind == "part-of"):
        pairs.setdefault(frozenset((r.from_, r.to)), r)
    drawn = [r for r in drawn if pairs[frozenset((r.from_, r.to))] is r]
    tops = [c for c in shown if c.id not in inside]
    return Scene(diagram.id, diagram.title, parts.layer_bands(model, tops, boxes, lang),
                 tuple(parts.arrow(r, lang, root) for r in drawn), parts.line_key(drawn, lang))


def links(model: Model, diagram: Diagram, lang: str) -> dict[str, Link]:
    """Return {box or arrow id: Link}: a component's name and summary, a relation in words."""
    out = {i: Link(model.component_by_id[i].name.in_language(lang),
                   parts.component_tip(model.component_by_id[i], lang), False) for i in diagram.components}
    for i in diagram.relations:
        sentence = parts.relation_sentence(model, model.relation_by_id[i], lang)
        out[i] = Link(sentence, sentence, True)
    return out


def twin(page, diagrams: list[Diagram]) -> None:
    """Append the diagram in words: each layer's components, then the relations."""
    site, words = page.site, page.site.words
    diagram = diagrams[0]
    shown = [site.model.component_by_id[i] for i in diagram.components]
    for layer in reversed(site.model.layers):
        members = [c for c in shown if c.layer == layer.id]
        if members:
            names = ", ".join(page.component_link(c, diagram.focus) for c in members)
            page.add(f"- {markdown_text(layer.name.in_language(site.lang))}: {names}")
    relations = [site.model.relation_by_id[i] for i in diagram.relations]
    if relations and diagram.focus:
        page.add("", words["relations-below"])
    elif relations:
        page.add("", words["relations-in-words"], "")
        page.add(*(f"- {page.relation_sentence(r)}" for r in relations))
    page.add("")
