"""Place a scene on a canvas of a given width: pure geometry, tested without Graphviz.

Input: a Scene, a Frame (the variant's width and font sizes, from style.py)
and a function that says how wide a piece of text is (measure.py asks
Graphviz). Output: a Layout, every box, band, arrow and text with its
rectangle, in CSS pixels with y growing downwards. Boxes flow into rows
inside their band; arrows run straight between the facing sides of two
boxes; each label is put where no line and no other text passes, and a
gap between bands grows until every label fits. collisions() checks the
result the way the browser test does, so a layout that would overlap is
caught before a page is built.
"""

from dataclasses import dataclass, field
from typing import Callable

from .scene import Arrow, Band, Box, Scene
from .measure import words

__all__ = ["Frame", "Layout", "Rect", "collisions", "layout_scene", "texts_of", "wrap"]

Widths = Callable[[str, float, bool], float]

PAD = 10          # inside a band, around its rows
GAP_X = 14        # between boxes in a row
GAP_Y = 12        # between rows of a band
BAND_GAP = 10     # between bands without arrows
ARROW_ROOM = 24   # between bands with arrows, besides their labels
BOX_PAD_X = 10
BOX_PAD_Y = 6
LINE = 1.3        # line height, in font sizes
LABEL_OFFSET = 6  # between a line and its label
MAX_TRIES = 12


@dataclass(frozen=True)
class Frame:
    """One variant of a picture: its width, its font sizes by text kind, its widest box."""

    name: str
    width: float
    sizes: dict
    box_max: float
    title_column: float = 0.0

    def size(self, kind: str) -> float:
        """Return the font size of a kind of text."""
        return self.sizes[kind]


@dataclass(frozen=True)
class Rect:
    """A rectangle: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """Return the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Return the bottom edge."""
        return self.y + self.h

    @property
    def cx(self) -> float:
        """Return the horizontal centre."""
        return self.x + self.w / 2

    def grown(self, d: float) -> "Rect":
        """Return the rectangle grown by d on every side (shrunk for negative d)."""
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def meets(self, other: "Rect") -> bool:
        """Return whether two rectangles overlap."""
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def moved(self, dx: float, dy: float) -> "Rect":
        """Return the rectangle moved by (dx, dy)."""
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass
class TextBlock:
    """Lines of text of one kind, in a rectangle, aligned left, centre or right."""

    lines: list
    kind: str
    rect: Rect
    align: str = "c"


@dataclass
class PlacedBox:
    """A box with its rectangle and its text (name lines, then role lines)."""

    box: Box
    rect: Rect
    texts: list
    parent: str = ""


@dataclass
class PlacedBand:
    """A band's frame and its title."""

    band: Band
    rect: Rect
    title: TextBlock | None


@dataclass
class PlacedArrow:
    """An arrow's straight line and, when it has one, its label."""

    arrow: Arrow
    start: tuple
    end: tuple
    label: TextBlock | None = None


@dataclass
class Layout:
    """A placed scene: canvas size and everything on it."""

    scene: Scene
    frame: Frame
    width: float
    height: float
    bands: list = field(default_factory=list)
    boxes: dict = field(default_factory=dict)
    arrows: list = field(default_factory=list)
    texts: list = field(default_factory=list)

    def text_blocks(self) -> list[tuple[str, TextBlock]]:
        """Return every text block with the id of what it belongs to."""
        blocks = [(f"text:{i}", t) for i, t in enumerate(self.texts)]
        blocks += [(f"band:{b.band.id}", b.title) for b in self.bands if b.title]
        blocks += [(f"box:{p.box.id}", t) for p in self.boxes.values() for t in p.texts]
        blocks += [(f"arrow:{a.arrow.id}", a.label) for a in self.arrows if a.label]
        return blocks


# Text -----------------------------------------------------------------------

def wrap(text: str, size: float, bold: bool, width: float, widths: Widths) -> list[str]:
    """Return text broken into lines no wider than width (a longer word keeps a line of its own)."""
    lines, current = [], ""
    for word in words(text):
        candidate = f"{current} {word}" if current else word
        if current and widths(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def _block(lines: list[str], kind: str, size: float, widths: Widths, bold: bool, x: float, y: float,
           align: str = "c") -> TextBlock:
    """Return a text block whose rectangle starts at (x, y) and just holds its lines."""
    w = max((widths(line, size, bold) for line in lines), default=0)
    return TextBlock(lines, kind, Rect(x, y, w, len(lines) * size * LINE), align)


def texts_of(scene: Scene, frame: Frame) -> set[tuple[str, float, bool]]:
    """Return every text the layout of a scene will measure, with its font size and weight."""
    texts = {(scene.title, frame.size("title"), True)} if scene.title else set()
    texts |= {(band.title, frame.size("band"), False) for band in scene.bands if band.title}
    for box in scene.boxes():
        texts.add((box.name, frame.size(box.text_role), box.text_role == "name"))
        if box.role:
            texts.add((box.role, frame.size("role"), False))
    texts |= {(a.label, frame.size("edge"), False) for a in scene.arrows if a.label}
    texts |= {(_key_text(e), frame.size("key"), False) for e in scene.key}
    return texts


def _key_text(entry) -> str:
    """Return a key entry's text: a sample of its line style before a relation kind's words."""
    return f"{_SAMPLES[entry.line_style]} {entry.text}" if entry.line_style else entry.text


# Boxes ----------------------------------------------------------------------

def _box_texts(box: Box, frame: Frame, widths: Widths, limit: float) -> list[TextBlock]:
    """Return a box's name and role as text blocks at the origin, wrapped to the limit."""
    kind = box.text_role
    inner = limit - 2 * BOX_PAD_X
    name = _block(wrap(box.name, frame.size(kind), kind == "name", inner, widths), kind, frame.size(kind),
                  widths, kind == "name", 0, 0)
    if not box.role:
        return [name]
    role = _block(wrap(box.role, frame.size("role"), False, inner, widths), "role", frame.size("role"),
                  widths, False, 0, name.rect.h)
    return [name, role]


def _size_box(box: Box, frame: Frame, widths: Widths, limit: float, room: float) -> tuple[float, float, list, list]:
    """Return a box's width, height, text blocks (relative) and children (relative rects).

    A box is at most limit wide; one that holds children may take the room of the band.
    """
    texts = _box_texts(box, frame, widths, limit)
    text_w = max(t.rect.w for t in texts)
    text_h = sum(t.rect.h for t in texts)
    if not box.children:
        w = max(text_w + 2 * BOX_PAD_X, 56)
        h = text_h + 2 * BOX_PAD_Y
        for t in texts:
            t.rect = t.rect.moved((w - t.rect.w) / 2, BOX_PAD_Y)
        return w, h, texts, []
    kids = [_size_box(child, frame, widths, limit, limit) for child in box.children]
    rows = _rows([(k[0], k[1]) for k in kids], room - 2 * BOX_PAD_X)
    row_w = [sum(kids[i][0] for i in row) + GAP_X * (len(row) - 1) for row in rows]
    row_h = [max(kids[i][1] for i in row) for row in rows]
    kids_w, kids_h = max(row_w), sum(row_h) + GAP_Y * (len(rows) - 1)
    side = BOX_PAD_X + text_w + GAP_X + kids_w + BOX_PAD_X
    if len(rows) == 1 and side <= room:  # the name on the left, the children to its right
        w, h = side, max(text_h, kids_h) + 2 * BOX_PAD_Y
        for t in texts:
            t.rect = t.rect.moved(BOX_PAD_X, (h - text_h) / 2)
            t.align = "l"
        x0, y0 = BOX_PAD_X + text_w + GAP_X, (h - kids_h) / 2
    else:  # the name on top, the children in rows below it
        w, h = max(text_w, kids_w) + 2 * BOX_PAD_X, text_h + GAP_Y + kids_h + 2 * BOX_PAD_Y
        for t in texts:
            t.rect = t.rect.moved((w - t.rect.w) / 2, BOX_PAD_Y)
        x0, y0 = (w - kids_w) / 2, BOX_PAD_Y + text_h + GAP_Y
    placed = []
    for row, rw, rh in zip(rows, row_w, row_h):
        x = x0 + (kids_w - rw) / 2
        for i in row:
            cw, ch, ctexts, _ = kids[i]
            placed.append((box.children[i], Rect(x, y0 + (rh - ch) / 2, cw, ch), ctexts))
            x += cw + GAP_X
        y0 += rh + GAP_Y
    return w, h, texts, placed


def _rows(sizes: list[tuple[float, float]], width: float, bottom_heavy: bool = False) -> list[list[int]]:
    """Return the boxes' indexes broken into rows no wider than width; the last row fullest if bottom_heavy."""
    if bottom_heavy:
        flipped = _rows(sizes[::-1], width)
        last = len(sizes) - 1
        return [sorted(last - i for i in row) for row in reversed(flipped)]
    rows, current, used = [], [], 0.0
    for index, (w, _) in enumerate(sizes):
        needed = w if not current else used + GAP_X + w
        if current and needed > width:
            rows.append(current)
            current, used = [index], w
        else:
            current.append(index)
            used = needed
    return rows + [current] if current else rows


# Bands ----------------------------------------------------------------------

def _place_band(band: Band, frame: Frame, widths: Widths, top: float, layout: Layout, pairs: dict,
                edges: tuple[bool, bool] = (False, False), room: tuple[float, str] | None = None,
                down: frozenset = frozenset()) -> float:
    """Place one band's frame, title and boxes from y = top; return its bottom.

    edges says whether arrows cross the band's top and bottom edges. On a
    narrow frame the title takes a row of its own, at the bottom when only
    the top edge is crossed; rows fill from the bottom when arrows leave
    downwards, so that a line from an upper row passes between the boxes
    of a fuller row below it.
    """
    width, size = frame.width, frame.size("band")
    title_w = room[0] if room else (frame.title_column or width) - 2 * PAD
    title_lines = wrap(band.title, size, False, title_w, widths) if band.title else []
    column = frame.title_column if title_lines else 0.0
    title = _block(title_lines, "band", size, widths, False, PAD, top + PAD, "l") if title_lines else None
    if title and room and room[1] == "r":
        title.rect, title.align = title.rect.moved(width - 2 * PAD - title.rect.w, 0), "r"
    title_below = bool(title) and not column and edges[0] and not edges[1]
    inner_x = PAD + column
    inner_w = width - inner_x - PAD
    rows_top = top + PAD + (title.rect.h + 4 if title and not column and not title_below else 0)
    limit = min(frame.box_max, inner_w)
    if edges[1]:  # boxes with lines leaving downwards go last, into the bottom row
        band = Band(band.id, band.title, tuple(sorted(band.boxes, key=lambda b: b.id in down)), band.classes)
    sized = [_size_box(box, frame, widths, limit, inner_w) for box in band.boxes]
    gap = lambda i: pairs.get(frozenset((band.boxes[i - 1].id, band.boxes[i].id)), GAP_X) if i else 0  # noqa: E731
    ids = {b.id for b in band.boxes}
    # Rows joined by an arrow need room for its label between them.
    row_gap = GAP_Y + (frame.size("edge") * LINE + 16 if any(pair <= ids for pair in pairs) else 0)
    y = rows_top
    for row in _rows([(s[0] + gap(i) - GAP_X * bool(i), s[1]) for i, s in enumerate(sized)], inner_w, edges[1]):
        row_w = sum(sized[i][0] for i in row) + sum(gap(i) for i in row[1:])
        row_h = max(sized[i][1] for i in row)
        x = inner_x + (inner_w - row_w) / 2
        for i in row:
            x += gap(i) if i != row[0] else 0
            w, h, texts, kids = sized[i]
            _put_box(layout, band.boxes[i], Rect(x, y + (row_h - h) / 2, w, h), texts, kids)
            x += w
        y += row_h + row_gap
    bottom = max(y - row_gap, rows_top) + PAD
    if title_below:
        title.rect = title.rect.moved(0, bottom - PAD + 4 - title.rect.y)
        bottom = title.rect.bottom + PAD
    elif title:
        bottom = max(bottom, title.rect.bottom + PAD)
    layout.bands.append(PlacedBand(band, Rect(0, top, width, bottom - top), title))
    return bottom


def _put_box(layout: Layout, box: Box, rect: Rect, texts: list, kids: list, parent: str = "") -> None:
    """Record a box, its texts moved to its rectangle, and its children inside it."""
    for t in texts:
        t.rect = t.rect.moved(rect.x, rect.y)
    layout.boxes[box.id] = PlacedBox(box, rect, texts, parent)
    for child, child_rect, child_texts in kids:
        _put_box(layout, child, child_rect.moved(rect.x, rect.y), child_texts, [], box.id)


# Arrows ---------------------------------------------------------------------

def _attachments(layout: Layout) -> dict[str, tuple[tuple, tuple]]:
    """Return each arrow's start and end: facing sides of its boxes, spread where several meet."""
    boxes = layout.boxes
    sides: dict[tuple[str, str], list[Arrow]] = {}
    facing = {}
    for arrow in layout.scene.arrows:
        a, b = boxes[arrow.tail].rect, boxes[arrow.head].rect
        if a.bottom <= b.y:
            facing[arrow.id] = ("bottom", "top")
        elif b.bottom <= a.y:
            facing[arrow.id] = ("top", "bottom")
        else:
            facing[arrow.id] = ("right", "left") if a.cx < b.cx else ("left", "right")
        sides.setdefault((arrow.tail, facing[arrow.id][0]), []).append(arrow)
        sides.setdefault((arrow.head, facing[arrow.id][1]), []).append(arrow)
    spread = {}
    for (box_id, side), arrows in sides.items():
        if len(arrows) < 2:
            continue
        rect = boxes[box_id].rect
        other = lambda a: boxes[a.head if a.tail == box_id else a.tail].rect  # noqa: E731
        horizontal = side in ("top", "bottom")
        arrows = sorted(arrows, key=lambda a: (other(a).cx if horizontal else other(a).y, a.id))
        lo, span = (rect.x, rect.w) if horizontal else (rect.y, rect.h)
        for n, arrow in enumerate(arrows):
            spread[(arrow.id, box_id)] = lo + span * (0.2 + 0.6 * (n + 0.5) / len(arrows))
    ends = {arrow.id: _ends(arrow, facing[arrow.id], boxes, spread) for arrow in layout.scene.arrows}
    for _ in range(2):  # a second pass, now that every other line is known
        for arrow in layout.scene.arrows:
            if facing[arrow.id][0] in ("top", "bottom") and _blocked(layout, arrow, *ends[arrow.id]):
                ends[arrow.id] = _detour(layout, arrow, ends[arrow.id], ends)
    return ends


def _obstacles(layout: Layout, arrow: Arrow) -> list[Rect]:
    """Return what a line must not pass through: every box but its own ends and their wholes.

    Band titles are not obstacles: a title that a line passes through is
    moved to the free side afterwards (_make_room_for_titles).
    """
    own = {arrow.tail, arrow.head}
    own |= {layout.boxes[i].parent for i in own if layout.boxes[i].parent}
    return [p.rect.grown(-1) for i, p in layout.boxes.items() if i not in own]


def _blocked(layout: Layout, arrow: Arrow, start: tuple, end: tuple) -> bool:
    """Return whether a straight line from start to end passes through something it must not."""
    return any(_segment_meets(start, end, r) for r in _obstacles(layout, arrow))


def _detour(layout: Layout, arrow: Arrow, ends: tuple, placed: dict) -> tuple:
    """Return the ends moved along their boxes' edges until the line passes clear of boxes and lines placed."""
    (xa, ya), (xb, yb) = ends
    a, b = layout.boxes[arrow.tail].rect, layout.boxes[arrow.head].rect
    tails = [xa] + _along(a)
    heads = [xb] + _along(b)
    pairs = sorted(((x1, x2) for x1 in tails for x2 in heads), key=lambda p: (abs(p[0] - p[1]), abs(p[0] - xa)))
    others = [e for i, e in placed.items() if i != arrow.id]
    for x1, x2 in pairs:
        line = ((x1, ya), (x2, yb))
        if not _blocked(layout, arrow, *line) and not any(_segments_cross(*line, *o) for o in others):
            return line
    return ends


def _along(rect: Rect) -> list[float]:
    """Return points along a box's top or bottom edge, from its middle outwards."""
    steps = range(0, int(rect.w / 2) - 7, 4)
    return [x for d in steps for x in {rect.cx - d, rect.cx + d}]


def _ends(arrow: Arrow, facing: tuple[str, str], boxes: dict, spread: dict) -> tuple[tuple, tuple]:
    """Return the two points of one arrow, straight where the boxes' spans overlap."""
    a, b = boxes[arrow.tail].rect, boxes[arrow.head].rect
    ta, tb = spread.get((arrow.id, arrow.tail)), spread.get((arrow.id, arrow.head))
    if facing[0] in ("top", "bottom"):
        lo, hi = max(a.x, b.x) + 8, min(a.right, b.right) - 8
        mid = (lo + hi) / 2 if lo <= hi else None
        xa = ta if ta is not None else (_clamp(tb, a.x + 8, a.right - 8) if tb is not None else (mid or a.cx))
        xb = tb if tb is not None else (_clamp(ta, b.x + 8, b.right - 8) if ta is not None else (mid or b.cx))
        ya = a.bottom if facing[0] == "bottom" else a.y
        yb = b.y if facing[1] == "top" else b.bottom
        return (xa, ya), (xb, yb)
    lo, hi = max(a.y, b.y) + 4, min(a.bottom, b.bottom) - 4
    y = (lo + hi) / 2 if lo <= hi else (a.y + a.h / 2)
    ya = ta if ta is not None else y
    yb = tb if tb is not None else y
    xa = a.right if facing[0] == "right" else a.x
    xb = b.x if facing[1] == "left" else b.right
    return (xa, ya), (xb, yb)


def _clamp(value: float, lo: float, hi: float) -> float:
    """Return value kept between lo and hi."""
    return max(lo, min(hi, value))


def _x_at(start: tuple, end: tuple, y: float) -> float:
    """Return the x of a segment at height y."""
    (x1, y1), (x2, y2) = start, end
    return x1 if y2 == y1 else x1 + (x2 - x1) * (y - y1) / (y2 - y1)


def _segment_meets(start: tuple, end: tuple, rect: Rect) -> bool:
    """Return whether a segment passes through a rectangle (Liang-Barsky clipping)."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - rect.x), (dx, rect.right - x1), (-dy, y1 - rect.y), (dy, rect.bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _label_spots(start: tuple, end: tuple, w: float, h: float) -> list[Rect]:
    """Return where a label of size w x h may go beside its line, best first."""
    (x1, y1), (x2, y2) = start, end
    if abs(y2 - y1) < 1:  # a horizontal line: the label above it, then below
        cx = (x1 + x2) / 2
        return [Rect(cx - w / 2, y1 - LABEL_OFFSET - h, w, h), Rect(cx - w / 2, y1 + LABEL_OFFSET, w, h)]
    spots = []
    for t in (0.5, 0.35, 0.65, 0.2, 0.8):
        y = y1 + (y2 - y1) * t
        top, bottom = y - h / 2, y + h / 2
        xs = [_x_at(start, end, top), _x_at(start, end, bottom)]
        spots.append(Rect(max(xs) + LABEL_OFFSET, top, w, h))
        spots.append(Rect(min(xs) - LABEL_OFFSET - w, top, w, h))
    return spots


def _place_labels(layout: Layout, ends: dict, widths: Widths) -> str | None:
    """Place every arrow and its label; return the id of the first arrow whose label found no room.

    Arrows with the same label into the same box share one label, put
    beside whichever of their lines leaves it clear.
    """
    frame = layout.frame
    size = frame.size("edge")
    segments = [ends[a.id] for a in layout.scene.arrows]
    obstacles = [t.rect for _, t in layout.text_blocks()] + [p.rect for p in layout.boxes.values()]
    shared: dict[tuple[str, str], list[Arrow]] = {}
    for arrow in layout.scene.arrows:
        layout.arrows.append(PlacedArrow(arrow, *ends[arrow.id]))
        if arrow.label:
            shared.setdefault((arrow.label, arrow.head), []).append(arrow)
    placed_by_id = {p.arrow.id: p for p in layout.arrows}
    stuck = None
    for (label, _), group in shared.items():
        lines = wrap(label, size, False, frame.width / 2 - 20, widths)
        block = _block(lines, "edge", size, widths, False, 0, 0)
        inside = all(_band_of(layout, a.tail) is _band_of(layout, a.head) for a in group)
        bands = [] if inside else [b.rect for b in layout.bands]
        spots = [(a, spot) for a in _middle_first(group) for spot in _label_spots(*ends[a.id], block.rect.w, block.rect.h)]
        for arrow, spot in spots:
            clear = (spot.x >= 2 and spot.right <= frame.width - 2
                     and not any(spot.grown(2).meets(o) for o in obstacles + bands)
                     and not any(_segment_meets(s, e, spot.grown(3)) for s, e in segments))
            if clear:
                block.rect = spot
                placed_by_id[arrow.id].label = block
                obstacles.append(spot)
                break
        else:
            stuck = stuck or group[0].id
    return stuck


def _band_of(layout: Layout, box_id: str) -> PlacedBand | None:
    """Return the placed band whose frame holds a box."""
    rect = layout.boxes[box_id].rect
    return next((b for b in layout.bands if b.rect.y <= rect.y and rect.bottom <= b.rect.bottom), None)


def _middle_first(group: list[Arrow]) -> list[Arrow]:
    """Return a group of arrows with the middle one first, so a shared label sits near the centre."""
    middle = len(group) // 2
    return sorted(group, key=lambda a: abs(group.index(a) - middle))


# The whole scene ------------------------------------------------------------

def layout_scene(scene: Scene, frame: Frame, widths: Widths) -> Layout:
    """Return the scene placed on the frame's width, every label clear of lines and text where it can be."""
    extra = [0.0] * max(len(scene.bands) - 1, 0)
    room: dict[str, tuple[float, str]] = {}
    for attempt in range(MAX_TRIES):
        layout, band_of = _place(scene, frame, widths, extra, room)
        ends = _attachments(layout)
        if attempt < MAX_TRIES - 1 and _make_room_for_titles(layout, ends, room):
            continue
        stuck = _place_labels(layout, ends, widths)
        if stuck is None:
            break
        arrow = next(a for a in scene.arrows if a.id == stuck)
        first, last = sorted((band_of[arrow.tail], band_of[arrow.head]))
        if first == last:  # no room beside a line inside a band; collisions() reports it
            break
        for gap in range(first, last):
            extra[gap] += 14
    _align_band_titles(layout)
    return layout


def _make_room_for_titles(layout: Layout, ends: dict, room: dict) -> bool:
    """Note, for each band title a line passes through, the free side it must be wrapped into; return if any."""
    changed = False
    for band in layout.bands:
        title = band.title
        if title is None or layout.frame.title_column:
            continue
        if not any(_segment_meets(s, e, title.rect.grown(2)) for s, e in ends.values()):
            continue
        row = Rect(0, title.rect.y - 2, layout.width, title.rect.h + 4)
        crossing = [x for s, e in ends.values() if _segment_meets(s, e, row)
                    for x in (_x_at(s, e, row.y), _x_at(s, e, row.bottom))]
        left, right = min(crossing) - 8 - PAD, layout.width - PAD - max(crossing) - 8
        wanted = (left, "l") if left >= right else (right, "r")
        if room.get(band.band.id) != wanted:
            room[band.band.id] = wanted
            changed = True
    return changed


def _place(scene: Scene, frame: Frame, widths: Widths, extra: list[float],
           room: dict | None = None) -> tuple[Layout, dict]:
    """Return the scene's title, bands and key placed, with extra room in the gaps between bands."""
    layout = Layout(scene, frame, frame.width, 0)
    y = PAD
    if scene.title:
        title = _block(wrap(scene.title, frame.size("title"), True, frame.width - 2 * PAD, widths), "title",
                       frame.size("title"), widths, True, 0, y)
        title.rect = title.rect.moved((frame.width - title.rect.w) / 2, 0)
        layout.texts.append(title)
        y = title.rect.bottom + 8
    crossed = _crossed_gaps(scene)
    pairs = _pair_gaps(scene, frame, widths)
    down = _leaving_downwards(scene)
    band_of = {}
    for index, band in enumerate(scene.bands):
        before = set(layout.boxes)
        y = _place_band(band, frame, widths, y, layout, pairs, (index - 1 in crossed, index in crossed),
                        (room or {}).get(band.id), down)
        band_of.update({box_id: index for box_id in layout.boxes if box_id not in before})
        if index < len(extra):
            y += BAND_GAP + extra[index] + (ARROW_ROOM + frame.size("edge") * LINE if index in crossed else 0)
    y = _place_key(layout, y + PAD, widths)
    layout.height = y + PAD
    return layout, band_of


def _pair_gaps(scene: Scene, frame: Frame, widths: Widths) -> dict[frozenset, float]:
    """Return the room two boxes of one band need between them for the label of an arrow joining them."""
    band_of = {b.id: i for i, band in enumerate(scene.bands) for box in band.boxes for b in (box, *box.children)}
    size = frame.size("edge")
    return {frozenset((a.tail, a.head)): widths(a.label, size, False) + 2 * LABEL_OFFSET + 16
            for a in scene.arrows if a.label and band_of[a.tail] == band_of[a.head]}


def _leaving_downwards(scene: Scene) -> frozenset:
    """Return the boxes (or the wholes they are drawn in) that a line joins to a lower band."""
    band_of, top_of = {}, {}
    for i, band in enumerate(scene.bands):
        for box in band.boxes:
            for b in (box, *box.children):
                band_of[b.id], top_of[b.id] = i, box.id
    found = set()
    for a in scene.arrows:
        upper, lower = sorted((a.tail, a.head), key=lambda i: band_of[i])
        if band_of[upper] < band_of[lower]:
            found.add(top_of[upper])
    return frozenset(found)


def _crossed_gaps(scene: Scene) -> set[int]:
    """Return the indexes of the gaps between bands that an arrow crosses."""
    band_of = {b.id: i for i, band in enumerate(scene.bands) for box in band.boxes for b in (box, *box.children)}
    crossed = set()
    for arrow in scene.arrows:
        first, last = sorted((band_of[arrow.tail], band_of[arrow.head]))
        crossed.update(range(first, last))
    return crossed


def _place_key(layout: Layout, top: float, widths: Widths) -> float:
    """Place the key's entries in rows under the bands; return the bottom."""
    frame, size = layout.frame, layout.frame.size("key")
    entries = [_block([_key_text(e)], "key", size, widths, False, 0, 0, "l") for e in layout.scene.key]
    if not entries:
        return top - PAD
    swatch = size
    sizes = [(b.rect.w + (swatch + 6 if e.layer else 0), b.rect.h) for b, e in zip(entries, layout.scene.key)]
    y = top
    for row in _rows(sizes, frame.width - 2 * PAD):
        row_w = sum(sizes[i][0] for i in row) + GAP_X * (len(row) - 1)
        x = (frame.width - row_w) / 2
        for i in row:
            block, entry = entries[i], layout.scene.key[i]
            offset = swatch + 6 if entry.layer else 0
            block.rect = block.rect.moved(x + offset, y)
            block.kind = f"key:{entry.layer}" if entry.layer else "key"
            layout.texts.append(block)
            x += sizes[i][0] + GAP_X
        y += max(sizes[i][1] for i in row) + 4
    return y


# Line samples for the key, drawn with box-drawing characters.
_SAMPLES = {"solid": "───", "bold": "━━━", "dashed": "╌╌╌", "dotted": "┈┈┈"}


def _align_band_titles(layout: Layout) -> None:
    """Move a band's title to the right when an arrow passes through it on the left."""
    for band in layout.bands:
        title = band.title
        if title is None or layout.frame.title_column:
            continue
        if any(_segment_meets(a.start, a.end, title.rect.grown(2)) for a in layout.arrows):
            moved = Rect(layout.width - PAD - title.rect.w, title.rect.y, title.rect.w, title.rect.h)
            if not any(_segment_meets(a.start, a.end, moved.grown(2)) for a in layout.arrows):
                title.rect, title.align = moved, "r"


def collisions(layout: Layout) -> list[str]:
    """Return every overlap of two texts, every line through a text, and every crossing of two lines."""
    found = []
    blocks = layout.text_blocks()
    for i, (owner_a, a) in enumerate(blocks):
        for owner_b, b in blocks[i + 1:]:
            if owner_a != owner_b and a.rect.grown(-1).meets(b.rect.grown(-1)):
                found.append(f"text '{' '.join(a.lines)}' overlaps '{' '.join(b.lines)}'")
    for arrow in layout.arrows:
        own = {f"arrow:{arrow.arrow.id}", f"box:{arrow.arrow.tail}", f"box:{arrow.arrow.head}"}
        for owner, block in blocks:
            if owner not in own and _segment_meets(arrow.start, arrow.end, block.rect.grown(-1)):
                found.append(f"line {arrow.arrow.id} crosses '{' '.join(block.lines)}'")
    for i, a in enumerate(layout.arrows):
        for b in layout.arrows[i + 1:]:
            if _segments_cross(a.start, a.end, b.start, b.end):
                found.append(f"line {a.arrow.id} crosses line {b.arrow.id}")
    return found


def _segments_cross(p1: tuple, p2: tuple, p3: tuple, p4: tuple) -> bool:
    """Return whether two segments cross properly (touching ends do not count)."""
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2, d3, d4 = side(p3, p4, p1), side(p3, p4, p2), side(p1, p2, p3), side(p1, p2, p4)
    return d1 * d2 < 0 and d3 * d4 < 0
