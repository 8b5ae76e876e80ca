"""Pieces every kind of view builds its scene from: component boxes, relation arrows, layer bands, keys.

Input: the Model, a language and `root` (the way from the page that shows
the diagram to the site root, for links). Output: scene.Box, Band, Arrow and
KeyEntry values. Pure.
"""

from .. import style, urls
from ..escape import plain_text
from ..model import Component, Model, Relation
from ..scene import Arrow, Band, Box, KeyEntry
from ..words import LINE_LABELS

__all__ = ["arrow", "component_box", "component_tip", "layer_bands", "layer_key", "line_key", "nest", "order_in_bands",
           "relation_classes", "relation_sentence"]


def component_box(component: Component, lang: str, root: str, *, focus: str | None = None,
                  emphasis: frozenset = frozenset(), children: tuple[Box, ...] = (), role: bool = True) -> Box:
    """Return a component's box: name, role, layer colour, classes the page script reads, and its link."""
    classes = f"component n-{component.id} layer-{component.layer} kind-{component.kind}"
    if component.id == focus:
        classes += " focus"
    if component.id in emphasis:
        classes += " emphasis"
    text = plain_text(component.role.in_language(lang)) if role and component.role else ""
    url = "" if component.id == focus else root + urls.page_url(urls.component_page(component.id))
    return Box(component.id, component.name.in_language(lang), text, classes, url, component.layer, children,
               component.id in emphasis or component.id == focus)


def relation_classes(relation: Relation) -> str:
    """Return an arrow's classes: its kind and both ends, which the page script reads."""
    return f"relation kind-{relation.kind} from-{relation.from_} to-{relation.to}"


def arrow(relation: Relation, lang: str, root: str, label: str | None = None, arrow_id: str = "") -> Arrow:
    """Return a relation's arrow, labelled with its interface unless a label is given."""
    if label is None:
        label = plain_text(relation.interface.in_language(lang)) if relation.interface else ""
    return Arrow(arrow_id or relation.id, relation.from_, relation.to, label, style.RELATION_STYLE[relation.kind],
                 relation_classes(relation), root + urls.anchor(urls.component_page(relation.from_), relation.id))


def layer_bands(model: Model, components: list[Component], boxes: dict[str, Box], lang: str,
                titled: bool = True) -> tuple[Band, ...]:
    """Return one band per layer that has boxes, top layer first, each band's boxes in the given order."""
    bands = []
    for layer in reversed(model.layers):
        members = tuple(boxes[c.id] for c in components if c.layer == layer.id and c.id in boxes)
        if members:
            title = layer.name.in_language(lang) if titled else ""
            bands.append(Band(f"layer-{layer.id}", title, members, f"band layer-band-{layer.id}"))
    return tuple(bands)


def nest(model: Model, relations: list[Relation], shown: list[Component]) -> dict[str, tuple[str, ...]]:
    """Return {container id: its parts} for part-of relations whose two ends share a layer."""
    layer = {c.id: c.layer for c in shown}
    parts: dict[str, list[str]] = {}
    for r in relations:
        if r.kind == "part-of" and r.from_ in layer and r.to in layer and layer[r.from_] == layer[r.to]:
            parts.setdefault(r.to, []).append(r.from_)
    return {k: tuple(v) for k, v in parts.items()}


def line_key(relations: list[Relation], lang: str) -> tuple[KeyEntry, ...]:
    """Return the key's line styles, one per style the drawn relations use."""
    used = {style.RELATION_STYLE[r.kind] for r in relations}
    return tuple(KeyEntry(LINE_LABELS[lang][s], line_style=s) for s in LINE_LABELS[lang] if s in used)


def layer_key(model: Model, components: list[Component], lang: str) -> tuple[KeyEntry, ...]:
    """Return the key's colours, one per layer of the drawn components, top layer first."""
    used = {c.layer for c in components}
    return tuple(KeyEntry(layer.name.in_language(lang), layer=layer.id) for layer in reversed(model.layers)
                 if layer.id in used)


def relation_sentence(model: Model, relation: Relation, lang: str) -> str:
    """Return 'QEMU runs guest vCPUs through KVM (ioctls on /dev/kvm)'."""
    ends = tuple(model.component_by_id[i].name.in_language(lang) for i in (relation.from_, relation.to))
    sentence = relation.words(lang, ends, plain_text)
    if relation.protocol:
        sentence += f" ({plain_text(relation.protocol.in_language(lang))})"
    return sentence


def component_tip(component: Component, lang: str) -> str:
    """Return a box's tooltip: 'KVM: The Linux kernel's virtualization module ...'."""
    return f"{component.name.in_language(lang)}: {plain_text(component.summary.in_language(lang))}"


def order_in_bands(model: Model, components: list[Component], relations: list[Relation]) -> list[Component]:
    """Return the components ordered within each layer by where their neighbours are, so arrows cross less."""
    by_layer: dict[str, list[Component]] = {}
    for c in sorted(components, key=lambda c: c.id):
        by_layer.setdefault(c.layer, []).append(c)
    layers = [layer.id for layer in reversed(model.layers) if layer.id in by_layer]
    neighbours: dict[str, set[str]] = {}
    for r in relations:
        neighbours.setdefault(r.from_, set()).add(r.to)
        neighbours.setdefault(r.to, set()).add(r.from_)
    position: dict[str, float] = {}
    for sweep in (layers, list(reversed(layers)), layers):
        for layer in sweep:
            members = by_layer[layer]
            own = {m.id for m in members}
            centres = {}
            for index, c in enumerate(members):
                known = [position[n] for n in neighbours.get(c.id, ()) if n in position and n not in own]
                centres[c.id] = sum(known) / len(known) if known else position.get(c.id, index - (len(members) - 1) / 2)
            members.sort(key=lambda c: (centres[c.id], c.id))
            for index, c in enumerate(members):
                position[c.id] = index - (len(members) - 1) / 2
    return [c for layer in layers for c in by_layer[layer]]
