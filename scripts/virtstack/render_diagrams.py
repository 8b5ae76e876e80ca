"""Turn a selection of the model into DOT text, and DOT into SVG.

Input: the Model and a Diagram (which components and relations to draw).
Output: DOT text from pure functions (sorted, escaped, with ids derived from
model ids), then SVG from the real `dot` in dot_to_svg, the only place a
process is started. Node and edge links are relative to the page that shows
the diagram, given as `root` (the path from that page to the site root).
"""

import html
import re
import textwrap
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urljoin

import graphviz

from . import style
from .escape import dot_lines, dot_string, html_text, plain_text
from .model import Column, Component, Model, Relation, View

__all__ = [
    "Diagram", "DotNotFound", "diagram_to_dot", "dot_to_svg",
    "Link", "diagram_links", "dot_to_png", "neighbourhood_diagram", "preview_dot", "svg_for_inline",
    "timeline_diagram", "view_diagram",
]


class DotNotFound(Exception):
    """Raised when Graphviz's `dot` is not installed."""


DOT_MISSING = "Graphviz's 'dot' was not found on PATH; install the graphviz package (make setup does)"


@dataclass(frozen=True)
class Diagram:
    """What one diagram draws: its id (unique on the site), nodes, edges and focus."""

    id: str
    title: str
    components: tuple[str, ...]
    relations: tuple[str, ...]
    focus: str | None = None
    kind: str = "stack"
    columns: tuple[Column, ...] = ()


def view_diagram(model: Model, view: View, lang: str = "en") -> Diagram:
    """Return the diagram of a view: a stack, the numbered steps of a path, or columns."""
    title = view.title.in_language(lang)
    if view.kind == "path":
        steps = tuple(step.relation for step in view.steps)
        ends = {end for i in steps for end in (model.relation_by_id[i].from_, model.relation_by_id[i].to)}
        return Diagram(view.id, title, tuple(sorted(ends)), steps, kind="path")
    if view.kind == "compare":
        shown = tuple(sorted({c for column in view.columns for c in column.components}))
        return Diagram(view.id, title, shown, (), kind="compare", columns=view.columns)
    shown = set(view.components)
    relations = tuple(r.id for r in model.relations if r.from_ in shown and r.to in shown)
    return Diagram(view.id, title, view.components, relations)


def timeline_diagram(title: str) -> Diagram:
    """Return the diagram of the timeline: every event, by year."""
    return Diagram("timeline", title, (), (), kind="timeline")


def neighbourhood_diagram(model: Model, component: Component, lang: str = "en") -> Diagram:
    """Return the diagram of a component, its relations and the components at their other ends."""
    relations = model.relations_of(component.id)
    ids = {component.id} | {r.from_ for r in relations} | {r.to for r in relations}
    title = component.name.in_language(lang)
    return Diagram(f"near-{component.id}", title, tuple(sorted(ids)), tuple(r.id for r in relations), component.id)


def diagram_to_dot(model: Model, diagram: Diagram, *, lang: str = "en", root: str = "") -> str:
    """Return the DOT source of a diagram of any kind."""
    if diagram.kind == "compare":
        return _compare_to_dot(model, diagram, lang, root)
    if diagram.kind == "timeline":
        return _timeline_to_dot(model, diagram, lang)
    return _stack_to_dot(model, diagram, lang, root)


def _head(diagram: Diagram) -> list[str]:
    """Return the opening lines every diagram shares: its id and the default styles."""
    return [
        f"digraph {dot_string(diagram.id)} {{", f"  id={dot_string(diagram.id)}",
        f"  graph [{_attrs(style.GRAPH)}]", f"  node [{_attrs(style.NODE)}]", f"  edge [{_attrs(style.EDGE)}]",
    ]


def _stack_to_dot(model: Model, diagram: Diagram, lang: str, root: str) -> str:
    """Return DOT with layers as bands from tools (top) to hardware; path steps are numbered."""
    components = [model.component_by_id[i] for i in diagram.components]
    lines = _head(diagram)
    bands = _bands(model, components)
    for layer_id, members in bands:
        lines.extend(_cluster(model, diagram, layer_id, members, lang, root))
    lines.extend(_ordering_edges(bands))
    if diagram.kind == "path":
        relations = [model.relation_by_id[i] for i in diagram.relations]
    else:
        relations = [r for r in model.relations if r.id in set(diagram.relations)]
    lines.extend(_edge(model, diagram, r, lang, root) for r in relations)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _compare_to_dot(model: Model, diagram: Diagram, lang: str, root: str) -> str:
    """Return DOT with one column per stack and one row per layer, labelled on the left."""
    lines = _head(diagram)
    ranks = {}
    for column in diagram.columns:
        lines.extend(_column(model, diagram, column, lang, root, ranks))
    layers = [layer for layer in reversed(model.layers) if layer.id in ranks]
    for layer in layers:
        label_node = f"layer:{layer.id}"
        attrs = {"id": f"{diagram.id}--layer-{layer.id}", "class": f"row-label layer-{layer.id}", "shape": "plaintext",
                 "style": "", "label": layer.name.in_language(lang)}
        lines.append(f"  {dot_string(label_node)} [{_attrs(attrs)}]")
        lines.append(f"  {{ rank=same; {' '.join(dot_string(n) for n in [label_node, *ranks[layer.id]])} }}")
    chain = [f"layer:{layer.id}" for layer in layers]
    lines.extend(f"  {dot_string(a)} -> {dot_string(b)} [style=invis]" for a, b in zip(chain, chain[1:]))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _column(model: Model, diagram: Diagram, column: Column, lang: str, root: str, ranks: dict) -> list[str]:
    """Return one stack's cluster, its nodes and the relations among them; note each node's layer row."""
    lines = [
        f"  subgraph {dot_string('cluster_' + column.id)} {{",
        f"    id={dot_string(f'{diagram.id}--{column.id}')} class={dot_string('column')}",
        f"    label={dot_string(column.title.in_language(lang))} {_attrs({k: v for k, v in style.CLUSTER.items() if k != 'rank'})}",
    ]
    members = set(column.components)
    for component in sorted((model.component_by_id[i] for i in members), key=lambda c: c.id):
        node = f"{column.id}/{component.id}"
        ranks.setdefault(component.layer, []).append(node)
        attrs = _node_attrs(diagram, component, lang, root) | {"id": f"{diagram.id}--{column.id}--{component.id}"}
        lines.append(f"    {dot_string(node)} [{_attrs(attrs)}]")
    lines.append("  }")
    for r in (r for r in model.relations if r.from_ in members and r.to in members):
        attrs = {"id": f"{diagram.id}--{column.id}--{r.id}", "class": _relation_classes(r),
                 "style": style.RELATION_STYLE[r.kind], "URL": f"{root}components/{r.from_}/#{r.id}"}
        lines.append(f"  {dot_string(f'{column.id}/{r.from_}')} -> {dot_string(f'{column.id}/{r.to}')} [{_attrs(attrs)}]")
    return lines


def _timeline_to_dot(model: Model, diagram: Diagram, lang: str) -> str:
    """Return DOT with a column of years and each year's events in its row."""
    lines = _head(diagram)
    years = sorted({event.date[:4] for event in model.events})
    for year in years:
        attrs = {"id": f"{diagram.id}--y{year}", "class": "year", "shape": "plaintext", "style": "", "label": year}
        lines.append(f"  {dot_string('y' + year)} [{_attrs(attrs)}]")
        events = [e for e in model.events if e.date[:4] == year]
        for event in events:
            wrapped = textwrap.wrap(plain_text(event.text.in_language(lang)), style.TIMELINE_WRAP, break_on_hyphens=False)
            attrs = {"id": f"{diagram.id}--{event.id}", "class": "event", "URL": f"#{event.id}",
                     "tooltip": f"{event.date}: {plain_text(event.text.in_language(lang))}"}
            lines.append(f"  {dot_string('e:' + event.id)} [label={dot_lines([event.date, *wrapped])} {_attrs(attrs)}]")
        lines.append(f"  {{ rank=same; {' '.join(dot_string(n) for n in ['y' + year, *('e:' + e.id for e in events)])} }}")
    lines.extend(f"  {dot_string('y' + a)} -> {dot_string('y' + b)} [class=\"years\"]" for a, b in zip(years, years[1:]))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _bands(model: Model, components: list[Component]) -> list[tuple[str, list[Component]]]:
    """Group components by layer, top layer first, each group sorted by id."""
    bands = []
    for layer in reversed(model.layers):
        members = sorted((c for c in components if c.layer == layer.id), key=lambda c: c.id)
        if members:
            bands.append((layer.id, members))
    return bands


def _cluster(model: Model, diagram: Diagram, layer_id: str, members: list, lang: str, root: str) -> list[str]:
    """Return the DOT lines of one layer band and its components."""
    layer = model.layer_by_id[layer_id]
    lines = [
        f"  subgraph {dot_string('cluster_' + layer_id)} {{",
        f"    id={dot_string(f'{diagram.id}--layer-{layer_id}')} class={dot_string(f'layer layer-{layer_id}')}",
        f"    label={dot_string(layer.name.in_language(lang))} {_attrs(style.CLUSTER)}",
    ]
    lines.extend(f"    {_node(diagram, c, lang, root)}" for c in members)
    lines.append("  }")
    return lines


def _node(diagram: Diagram, component: Component, lang: str, root: str) -> str:
    """Return the DOT line of one component node."""
    return f"{dot_string(component.id)} [{_attrs(_node_attrs(diagram, component, lang, root))}]"


def _node_attrs(diagram: Diagram, component: Component, lang: str, root: str) -> dict[str, str]:
    """Return the attributes of a component's node: id, label, colours, class and link (tooltips come later)."""
    classes = f"component n-{component.id} layer-{component.layer} kind-{component.kind}"
    fill, stroke, _, _ = style.layer_colours(component.layer)
    attrs = {
        "id": f"{diagram.id}--{component.id}", "label": component.name.in_language(lang),
        "fillcolor": fill, "color": stroke,
    }
    if component.id == diagram.focus:
        attrs["class"] = classes + " focus"
    else:
        attrs.update({
            "class": classes,
            "URL": f"{root}components/{component.id}/",
        })
    return attrs


def _ordering_edges(bands: list) -> list[str]:
    """Return invisible edges that keep the layer bands in stack order."""
    firsts = [members[0].id for _, members in bands]
    return [f"  {dot_string(a)} -> {dot_string(b)} [style=invis]" for a, b in zip(firsts, firsts[1:])]


def _edge(model: Model, diagram: Diagram, relation: Relation, lang: str, root: str) -> str:
    """Return the DOT line of one relation, drawn downwards whenever the layers allow."""
    rank_from = model.layer_rank(model.component_by_id[relation.from_].layer)
    rank_to = model.layer_rank(model.component_by_id[relation.to].layer)
    tail, head, extra = relation.from_, relation.to, {}
    if rank_from < rank_to:
        tail, head, extra = relation.to, relation.from_, {"dir": "back"}
    elif rank_from == rank_to:
        extra = {"constraint": "false"}
    label = relation.label.in_language(lang)
    if diagram.kind == "path":
        label = f"{diagram.relations.index(relation.id) + 1}. {label}"
    attrs = {
        "id": f"{diagram.id}--{relation.id}", "class": _relation_classes(relation),
        "label": label, "style": style.RELATION_STYLE[relation.kind],
        "URL": f"{root}components/{relation.from_}/#{relation.id}",
        **extra,
    }
    return f"  {dot_string(tail)} -> {dot_string(head)} [{_attrs(attrs)}]"


def _relation_classes(relation: Relation) -> str:
    """Return an edge's classes: its kind and both ends, which the page script reads."""
    return f"relation kind-{relation.kind} from-{relation.from_} to-{relation.to}"


class Link(NamedTuple):
    """What a diagram's link says: its accessible name, its tooltip, and whether it belongs to an edge."""

    name: str
    tip: str
    is_edge: bool


def diagram_links(model: Model, diagram: Diagram, lang: str = "en") -> dict[str, Link]:
    """Return {SVG element id: Link} for every link a diagram draws.

    Names and tooltips are added to the SVG after layout (svg_for_inline),
    not written into the DOT: editing a summary then changes no DOT and
    redraws no diagram.
    """
    columns = [f"{column.id}--" for column in diagram.columns] or [""]
    components = [model.component_by_id[i] for i in diagram.components]
    links = {f"{diagram.id}--{prefix}{c.id}": Link(c.name.in_language(lang), _component_tip(c, lang), False)
             for prefix in columns for c in components}
    if diagram.kind == "compare":
        edges = [(f"{column.id}--", r) for column in diagram.columns for r in model.relations
                 if r.from_ in column.components and r.to in column.components]
    else:
        edges = [("", model.relation_by_id[i]) for i in diagram.relations]
    for prefix, r in edges:
        sentence = _relation_sentence(model, r, lang)
        # A step's link shows "1. <label>"; its name must contain what it shows.
        name = f"{diagram.relations.index(r.id) + 1}. {r.label.in_language(lang)}: {sentence}" if diagram.kind == "path" else sentence
        links[f"{diagram.id}--{prefix}{r.id}"] = Link(name, sentence, True)
    return links


def _component_tip(component: Component, lang: str) -> str:
    """Return a node's tooltip: 'KVM: The Linux kernel's virtualization module ...'."""
    return f"{component.name.in_language(lang)}: {plain_text(component.summary.in_language(lang))}"


def _relation_sentence(model: Model, relation: Relation, lang: str) -> str:
    """Return 'QEMU runs guest vCPUs through KVM (ioctls on /dev/kvm)'."""
    name = lambda i: model.component_by_id[i].name.in_language(lang)  # noqa: E731
    sentence = f"{name(relation.from_)} {relation.label.in_language(lang)} {name(relation.to)}"
    if relation.protocol:
        sentence += f" ({plain_text(relation.protocol.in_language(lang))})"
    return sentence


def _attrs(attrs: dict[str, str]) -> str:
    """Return DOT attributes as `key="value"` pairs in the given order."""
    return " ".join(f"{key}={dot_string(value)}" for key, value in attrs.items())


def preview_dot(dot: str, title: str) -> str:
    """Return a diagram's DOT set up as a titled link-preview image (see style.PREVIEW)."""
    attrs = _attrs(style.PREVIEW | {"label": title})
    return dot.rstrip().removesuffix("}") + f"  graph [{attrs}]\n}}\n"


def dot_to_png(dot: str) -> bytes:
    """Run Graphviz's `dot` on DOT text and return a PNG image."""
    try:
        return graphviz.pipe("dot", "png", dot.encode("utf-8"))
    except graphviz.ExecutableNotFound as error:
        raise DotNotFound(DOT_MISSING) from error


def dot_to_svg(dot: str) -> str:
    """Run Graphviz's `dot` on DOT text and return the SVG."""
    try:
        return graphviz.pipe_string("dot", "svg", dot, encoding="utf-8")
    except graphviz.ExecutableNotFound as error:
        raise DotNotFound(DOT_MISSING) from error


_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)
_SIZE = re.compile(r'(<svg\b[^>]*?)\swidth="([0-9.]+)pt"\sheight="[^"]*"')
_ANCHOR = re.compile(r'<g id="a_([^"]*)"><a ([^>]*)>')
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg_for_inline(svg: str, label: str, links: dict[str, Link] | None = None, base: str = "") -> str:
    """Return SVG ready to sit inside HTML: trimmed, named, linked with plain href, never wider than drawn.

    The prolog, comments and Graphviz's internal <title>s go, and so does the
    no-op part of the root transform. The fixed size goes too; the width
    becomes a CSS max-width, so a small diagram keeps its size and a large one
    shrinks to fit the page. Links use SVG 2's href, which crawlers follow,
    instead of xlink:href; with a base (the page's absolute URL) they are made
    absolute, because Material's instant navigation rewrites every relative
    href of a page it loads and fails on an SVG link's read-only href. Each
    link gets its accessible name (a component's name, a relation in words)
    and its tooltip in data-tip for the page script; an edge's line repeats
    its label's link, so only the label takes focus.
    """
    svg = _SIZE.sub(r'\1 style="max-width: \2pt"', _PROLOG.sub("", svg), count=1)
    svg = _TITLE.sub("", svg).replace(' transform="scale(1 1) rotate(0) ', ' transform="', 1)
    svg = _ANCHOR.sub(lambda m: _link_tags(m, links or {}, base), svg)
    if "xlink:" not in svg.replace(_XLINK, ""):
        svg = svg.replace(_XLINK, "", 1)
    return svg.replace("<svg", f'<svg role="group" aria-label="{html_text(label)}"', 1).strip()


def _link_tags(match: re.Match, links: dict[str, Link], base: str) -> str:
    """Return one link's opening tags: href, then its name and tooltip, or out of the tab order."""
    element_id = match.group(1).replace("&#45;", "-")
    graphviz = dict(_ATTRIBUTE.findall(match.group(2)))
    href = graphviz.get("xlink:href")
    attributes = [f'href="{html_text(urljoin(base, html.unescape(href)))}"'] if href else []
    link = links.get(element_id.removesuffix("-label"))
    if link is None:
        attributes += [f'data-tip="{graphviz["xlink:title"]}"'] if "xlink:title" in graphviz else []
    elif link.is_edge and not element_id.endswith("-label"):
        attributes += ['tabindex="-1"', 'aria-hidden="true"', f'data-tip="{html_text(link.tip)}"']
    else:
        attributes += [f'aria-label="{html_text(link.name)}"', f'data-tip="{html_text(link.tip)}"']
    return f'<g id="a_{match.group(1)}"><a {" ".join(attributes)}>'
