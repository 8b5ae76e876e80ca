"""Turn a placed scene into DOT that Graphviz draws exactly where layout.py put everything.

Input: a Layout. Output: DOT text for `neato -n2` (pure): every node has
its position and fixed size, every edge its points and its label's
position, so Graphviz only draws. Bands and texts that are not part of a
box are nodes of class `frame`; boxes keep their model classes
(`component n-kvm layer-kernel …`) and links, which the page script and
svg_for_inline read.
"""

from . import style
from .escape import dot_string, html_text
from .layout import LINE, Layout, PlacedArrow, PlacedBox, Rect, TextBlock

__all__ = ["layout_to_dot"]

POINTS = 72.0  # Graphviz sizes nodes in inches


def layout_to_dot(layout: Layout) -> str:
    """Return the DOT source of a placed scene."""
    scene, height = layout.scene, layout.height
    graph = {"id": scene.id, "outputorder": "nodesfirst", "bb": f"0,0,{_n(layout.width)},{_n(height)}", "pad": "0", "bgcolor": "transparent",
             "fontname": style.FONT, "class": f"vs-{layout.frame.name}"}
    lines = [f"digraph {dot_string(scene.id)} {{", f"  graph [{_attrs(graph)}]",
             f"  node [fontname={dot_string(style.FONT)}]", f"  edge [fontname={dot_string(style.FONT)}]"]
    # An invisible node the size of the picture, so that Graphviz keeps the whole canvas.
    canvas = {"style": "invis", "shape": "box", "fixedsize": "true", "label": "",
              **_placed(Rect(0, 0, layout.width, height), height)}
    lines.append(f"  {dot_string(scene.id + '--canvas')} [{_attrs(canvas)}]")
    for band in layout.bands:
        classes = f"frame {band.band.classes}"
        lines.append(_frame(f"{scene.id}--band-{band.band.id}", band.rect, classes, height))
        if band.title:
            lines.append(_text(f"{scene.id}--band-{band.band.id}-title", band.title, "frame band-title", height,
                               layout.frame.size("band")))
    for placed in layout.boxes.values():
        lines.append(_box(scene.id, placed, layout, height))
    for index, block in enumerate(layout.texts):
        lines.extend(_loose_text(scene.id, index, block, layout, height))
    lines.extend(_arrow(scene.id, placed, layout, height) for placed in layout.arrows)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _n(value: float) -> str:
    """Return a coordinate with two decimals at most."""
    return f"{round(value, 2):g}"


def _pos(x: float, y: float, height: float) -> str:
    """Return a Graphviz point (y grows upwards there)."""
    return f"{_n(x)},{_n(height - y)}"


def _attrs(attrs: dict[str, str]) -> str:
    """Return DOT attributes as key="value" pairs in the given order."""
    return " ".join(f"{key}={value if value.startswith('<') else dot_string(value)}" for key, value in attrs.items())


def _placed(rect: Rect, height: float) -> dict[str, str]:
    """Return the position and fixed size of a node filling rect."""
    return {"pos": _pos(rect.cx, rect.y + rect.h / 2, height), "width": _n(rect.w / POINTS), "height": _n(rect.h / POINTS)}


def _frame(node_id: str, rect: Rect, classes: str, height: float) -> str:
    """Return a band's frame: an empty box behind its boxes."""
    attrs = {"id": node_id, "class": classes, **style.FRAME, **_placed(rect, height)}
    return f"  {dot_string(node_id)} [{_attrs(attrs)}]"


def _text(node_id: str, block: TextBlock, classes: str, height: float, size: float | None = None,
          bold: bool = False) -> str:
    """Return a text that stands alone: a plaintext node exactly the size of its lines."""
    label = _html_lines(block.lines, bold, size, block.align)
    attrs = {"id": node_id, "class": classes, **style.TEXT, "label": label, **_placed(block.rect, height)}
    if size:
        attrs["fontsize"] = _n(size)
    return f"  {dot_string(node_id)} [{_attrs(attrs)}]"


def _html_lines(lines: list[str], bold: bool, size: float | None = None, align: str = "c") -> str:
    """Return lines as an HTML-like label, each escaped, bold when asked; several as rows of the layout's height."""
    cells = [f"<B>{html_text(line)}</B>" if bold else html_text(line) for line in lines]
    if len(cells) == 1 or size is None:
        return "<" + "<BR/>".join(cells) + ">"
    side = {"l": ' ALIGN="LEFT"', "r": ' ALIGN="RIGHT"'}.get(align, "")
    rows = "".join(f'<TR><TD HEIGHT="{_n(size * LINE)}"{side}>{cell}</TD></TR>' for cell in cells)
    return '<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">' + rows + "</TABLE>>"


def _loose_text(scene_id: str, index: int, block: TextBlock, layout: Layout, height: float) -> list[str]:
    """Return the title or a key entry, with its colour swatch for a layer's entry."""
    size = layout.frame.size("title" if block.kind == "title" else "key")
    node_id = f"{scene_id}--{'title' if block.kind == 'title' else f'key-{index}'}"
    lines = [_text(node_id, block, f"frame {block.kind.split(':')[0]}", height, size, block.kind == "title")]
    if block.kind.startswith("key:"):
        layer = block.kind.split(":", 1)[1]
        side = size
        swatch = Rect(block.rect.x - side - 6, block.rect.y + (block.rect.h - side) / 2, side, side)
        fill, stroke, _, _ = style.layer_colours(layer)
        attrs = {"id": f"{node_id}-swatch", "class": f"frame swatch layer-{layer}", **style.FRAME,
                 "fillcolor": fill, "color": stroke, **_placed(swatch, height)}
        lines.append(f"  {dot_string(node_id + '-swatch')} [{_attrs(attrs)}]")
    return lines


def _box(scene_id: str, placed: PlacedBox, layout: Layout, height: float) -> str:
    """Return a box: its fill by layer, its name and role as one label, its link."""
    box = placed.box
    fill, stroke, _, _ = style.layer_colours(box.layer)
    attrs = {"id": f"{scene_id}--{box.id}", "class": box.classes, **style.BOX, "fillcolor": fill, "color": stroke,
             "label": _box_label(placed, layout), "fontsize": _n(layout.frame.size(box.text_role)),
             **_placed(placed.rect, height)}
    if box.emphasis:
        attrs["penwidth"] = style.EMPHASIS_PENWIDTH
    if box.url:
        attrs["URL"] = box.url
    return f"  {dot_string(box.id)} [{_attrs(attrs)}]"


def _box_label(placed: PlacedBox, layout: Layout) -> str:
    """Return a box's label: the name (bold for a component) and the role, placed as layout.py placed them."""
    frame = layout.frame
    rows = []
    for block in placed.texts:  # a row per line, as high as layout.py made it
        size = frame.size(block.kind)
        for line in block.lines:
            text = f"<B>{html_text(line)}</B>" if block.kind == "name" else html_text(line)
            rows.append(f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{_n(block.rect.w)}" HEIGHT="{_n(size * LINE)}">'
                        f'<FONT POINT-SIZE="{_n(size)}">{text}</FONT></TD></TR>')
    if not placed.box.children:
        return f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">{"".join(rows)}</TABLE>>'
    # A container: its name at the left (or top) and room for its children, as laid out.
    rect, first = placed.rect, placed.texts[0].rect
    name = f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">{"".join(rows)}</TABLE>'
    inner_w, inner_h = rect.w - 2, rect.h - 2
    left, top = first.x - rect.x - 1, first.y - rect.y - 1
    text_w = max(t.rect.w for t in placed.texts)
    text_h = sum(t.rect.h for t in placed.texts)
    cells = (f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{_n(left)}" HEIGHT="{_n(inner_h)}"></TD>'
             f'<TD FIXEDSIZE="TRUE" WIDTH="{_n(text_w)}" HEIGHT="{_n(inner_h)}" VALIGN="{"MIDDLE" if left > 2 else "TOP"}">{name}</TD>'
             f'<TD FIXEDSIZE="TRUE" WIDTH="{_n(inner_w - left - text_w)}" HEIGHT="{_n(inner_h)}"></TD></TR>')
    if placed.texts[0].align != "l":  # the name on top, centred
        cells = (f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{_n(inner_w)}" HEIGHT="{_n(top + text_h)}" VALIGN="BOTTOM">{name}</TD></TR>'
                 f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{_n(inner_w)}" HEIGHT="{_n(inner_h - top - text_h)}"></TD></TR>')
    return f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">{cells}</TABLE>>'


def _arrow(scene_id: str, placed: PlacedArrow, layout: Layout, height: float) -> str:
    """Return an arrow: a straight spline from its start to its arrowhead, and its label where layout put it."""
    arrow = placed.arrow
    (x1, y1), (x2, y2) = placed.start, placed.end
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1.0)
    bx = x2 - (x2 - x1) * style.ARROW_LENGTH / length
    by = y2 - (y2 - y1) * style.ARROW_LENGTH / length
    points = [(x1 + (bx - x1) * t, y1 + (by - y1) * t) for t in (0, 1 / 3, 2 / 3, 1)]
    spline = f"e,{_pos(x2, y2, height)} " + " ".join(_pos(x, y, height) for x, y in points)
    attrs = {"id": f"{scene_id}--{arrow.id}", "class": arrow.classes, "style": arrow.style, **style.ARROW,
             "pos": spline}
    if placed.label:
        block = placed.label
        attrs.update({"label": _html_lines(block.lines, False), "fontsize": _n(layout.frame.size("edge")),
                      "lp": _pos(block.rect.cx, block.rect.y + block.rect.h / 2, height)})
    if arrow.url:
        attrs["URL"] = arrow.url
    return f"  {dot_string(arrow.tail)} -> {dot_string(arrow.head)} [{_attrs(attrs)}]"
