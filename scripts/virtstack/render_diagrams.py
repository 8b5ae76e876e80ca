"""Turn the diagrams a page shows into DOT, and Graphviz's SVG into markup a page can inline.

Input: the Model and a Diagram (what one picture selects). Output, in order:
the picture's scene in each variant (views/ says what it shows), the text
to measure, a placed layout (layout.py), DOT with every position pinned
(draw.py), and finally the SVG trimmed, named and linked (svg_for_inline).
Everything here is pure; graphviz_run.py starts Graphviz. Links are
relative to the page that shows the diagram, given as `root` (the path from
that page to the site root), and made absolute later when the site's
address is known.
"""

import dataclasses
import html
import re
import textwrap
from urllib.parse import urljoin

from . import style
from .draw import layout_to_dot
from .escape import html_text
from .layout import Frame, Layout, layout_scene, texts_of
from .model import Model
from .scene import Diagram, Link, Scene
from .views import kind_of

__all__ = ["FRAMES", "Link", "diagram_links", "diagram_scenes", "draw", "frame_of", "preview_dot",
           "shown_as", "svg_for_inline", "texts_of", "title_card_dot", "variant_id"]

FRAMES = {spec["name"]: Frame(**spec) for spec in (style.WIDE, style.NARROW, style.COLUMN)}


def variant_id(diagram: Diagram, variant: str) -> str:
    """Return the id a variant of a diagram has in the page: its kind's first variant keeps the diagram's id."""
    return diagram.id if variant == kind_of(diagram.kind).VARIANTS[0] else f"{diagram.id}-{variant}"


def diagram_scenes(model: Model, diagram: Diagram, lang: str, root: str) -> dict[str, Scene]:
    """Return the diagram's scene in each variant its kind comes in, with ids unique on the page."""
    kind = kind_of(diagram.kind)
    base = kind.scene(model, diagram, lang, root)
    return {v: dataclasses.replace(base, id=variant_id(diagram, v)) for v in kind.VARIANTS}


def frame_of(variant: str) -> Frame:
    """Return the frame a variant is drawn in."""
    return FRAMES[variant]


def shown_as(diagram: Diagram, variant: str) -> str:
    """Return how the page's CSS treats a variant: wide or narrow by the column's width, or the only one."""
    return variant if len(kind_of(diagram.kind).VARIANTS) > 1 else "only"


def draw(scene: Scene, frame: Frame, widths) -> tuple[Layout, str]:
    """Return a scene placed on its frame, and the DOT that draws it."""
    layout = layout_scene(scene, frame, widths)
    return layout, layout_to_dot(layout)


def diagram_links(model: Model, diagram: Diagram, lang: str, scene: Scene) -> dict[str, Link]:
    """Return {SVG element id: Link} for every link a variant of the diagram draws.

    Names and tooltips are added to the SVG after layout (svg_for_inline),
    not written into the DOT: editing a summary then changes no DOT and
    redraws no diagram. A name starts with the text the link shows (a box's
    name and role, an arrow's label), as a reader of the screen hears it.
    """
    links = kind_of(diagram.kind).links(model, diagram, lang)
    shown = {box.id: " ".join(filter(None, (box.name, box.role))) for box in scene.boxes()}
    shown |= {arrow.id: arrow.label for arrow in scene.arrows if arrow.label}
    out = {}
    for key, link in links.items():
        text = shown.get(key, "")
        name = link.name if not text or link.name.startswith(text) else f"{text}: {link.name}" if link.is_edge else text
        out[f"{scene.id}--{key}"] = link._replace(name=name)
    return out


def title_card_dot(title: str, site_name: str) -> str:
    """Return DOT for the link-preview image of a page without a diagram: its title on a card, and the site's name."""
    lines = textwrap.wrap(title, 30) or [site_name]
    rows = "".join(f'<TR><TD><FONT POINT-SIZE="44"><B>{html_text(line)}</B></FONT></TD></TR>' for line in lines)
    rows += f'<TR><TD HEIGHT="60" VALIGN="BOTTOM"><FONT POINT-SIZE="28" COLOR="#555555">{html_text(site_name)}</FONT></TD></TR>'
    attrs = " ".join(f'{key}="{value}"' for key, value in style.PREVIEW.items())
    return (f'digraph card {{\n  graph [{attrs}]\n  node [shape=plaintext fontname="{style.FONT}"]\n'
            f'  card [label=<<TABLE BORDER="0" CELLSPACING="6">{rows}</TABLE>>]\n}}\n')


def preview_dot(dot: str) -> str:
    """Return a diagram's DOT set up as a link-preview image (see style.PREVIEW); its scene has the title."""
    attrs = " ".join(f'{key}="{value}"' for key, value in style.PREVIEW.items())
    return dot.rstrip().removesuffix("}") + f"  graph [{attrs}]\n}}\n"


_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)
_SIZE = re.compile(r'(<svg\b[^>]*?)\swidth="([0-9.]+)pt"\sheight="[^"]*"')
_ANCHOR = re.compile(r'<g id="a_([^"]*)"><a ([^>]*)>')
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg_for_inline(svg: str, label: str, links: dict[str, Link] | None = None, base: str = "",
                   variant: str = "wide") -> str:
    """Return SVG ready to sit inside HTML: trimmed, named, linked with plain href, drawn at its own size.

    The prolog, comments and Graphviz's internal <title>s go, and so does the
    no-op part of the root transform. The fixed size goes too: the diagram
    was laid out for the width it is shown at, so its width in CSS pixels
    becomes its max-width (one drawing unit is one pixel) and a narrower
    column still shrinks it. Links use SVG 2's href, which crawlers follow,
    instead of xlink:href; with a base (the page's absolute URL) they are made
    absolute, because Material's instant navigation rewrites every relative
    href of a page it loads and fails on an SVG link's read-only href. Each
    link gets its accessible name (a component's name, a relation in words)
    and its tooltip in data-tip for the page script; an edge's line repeats
    its label's link, so only the label takes focus.
    """
    svg = _SIZE.sub(rf'\1 data-variant="{variant}" style="max-width: \2px"', _PROLOG.sub("", svg), count=1)
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

