/*
 * Legibility of every displayed diagram on the current page (read by scripts/legibility.py).
 *
 * Takes nothing; evaluate it on a loaded page after the diagram scripts ran.
 * Returns one record per displayed <svg> in a `.vs-diagram` container: the
 * on-screen scale, rendered text sizes by kind (node label, edge label,
 * other text), overlapping texts, texts under an edge's line, edge crossings,
 * coincident edge pairs and the diagram's top on the page. Geometry is in
 * the SVG's viewBox units (its natural size); sizes are CSS pixels on screen.
 * The rules are those of /work/shared/reviews/diagrams.md.
 */
async () => {
  const OVERLAP = 2;        // texts overlap when they intersect by more than this in both axes
  const STEP = 2;           // path sampling step
  const SHRINK = 1;         // a text box is shrunk by this before testing lines through it
  const NEAR = 1.5;         // two paths closer than this run on top of each other there
  const COINCIDENT = 5;     // this many close sample points make a coincident pair
  const ENDPOINT = 4;       // radius around a shared endpoint where nothing counts

  /* Geometry ------------------------------------------------------------- */

  const round = (x) => Math.round(x * 100) / 100;

  function toRoot(svg, element) {
    return svg.getScreenCTM().inverse().multiply(element.getScreenCTM());
  }

  function apply(matrix, x, y) {
    return { x: matrix.a * x + matrix.c * y + matrix.e, y: matrix.b * x + matrix.d * y + matrix.f };
  }

  function rootBox(svg, element) {
    const box = element.getBBox();
    const matrix = toRoot(svg, element);
    const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height],
      [box.x + box.width, box.y + box.height]].map(([x, y]) => apply(matrix, x, y));
    return polylineBox(corners);
  }

  function expand(box, by) {
    return { left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by };
  }

  function boxesMeet(a, b) {
    return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
  }

  function polylineBox(points) {
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const { x, y } of points) {
      left = Math.min(left, x); top = Math.min(top, y); right = Math.max(right, x); bottom = Math.max(bottom, y);
    }
    return { left, top, right, bottom };
  }

  function distance(p, q) {
    return Math.hypot(p.x - q.x, p.y - q.y);
  }

  function distanceToSegment(p, a, b) {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length2 = dx * dx + dy * dy;
    const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
    return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
  }

  function orientation(a, b, c) {
    return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  }

  function segmentsCross(a, b, c, d) {
    const o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    const o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
  }

  function segmentHitsBox(p, q, box) {
    // Liang-Barsky clipping: does the segment p-q enter the box?
    let t0 = 0, t1 = 1;
    const dx = q.x - p.x, dy = q.y - p.y;
    const edges = [[-dx, p.x - box.left], [dx, box.right - p.x], [-dy, p.y - box.top], [dy, box.bottom - p.y]];
    for (const [denominator, numerator] of edges) {
      if (denominator === 0) {
        if (numerator < 0) return false;
      } else {
        const t = numerator / denominator;
        if (denominator < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
        if (t0 > t1) return false;
      }
    }
    return true;
  }

  /* Reading the diagram -------------------------------------------------- */

  function displayed(element) {
    return element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  }

  function textKind(text) {
    if (text.closest("g.edge")) return "edge";
    const node = text.closest("g.node");
    return node && !node.classList.contains("frame") ? "node" : "other";
  }

  function readTexts(svg, scale) {
    return Array.from(svg.querySelectorAll("text"))
      .filter((text) => text.textContent.trim() && displayed(text))
      .map((text) => {
        const matrix = toRoot(svg, text);
        const units = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
        return { text: text.textContent.trim(), kind: textKind(text), edge: text.closest("g.edge"),
          px: round(units * scale), box: rootBox(svg, text) };
      });
  }

  function cubicPoint(p0, p1, p2, p3, t) {
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
  }

  function pathCurves(d) {
    // Absolute cubic curves [p0, p1, p2, p3] of a path that uses only M L H V C Q Z; null for anything else.
    const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) || [];
    const curves = [];
    let command = null, at = { x: 0, y: 0 }, start = at, i = 0;
    const number = () => parseFloat(tokens[i++]);
    const point = (relative) => { const x = number(), y = number(); return relative ? { x: at.x + x, y: at.y + y } : { x, y }; };
    const line = (to) => { curves.push([at, at, to, to]); at = to; };
    while (i < tokens.length) {
      if (/[a-zA-Z]/.test(tokens[i])) command = tokens[i++];
      const relative = command === command.toLowerCase();
      switch (command.toUpperCase()) {
        case "M": at = start = point(relative); command = relative ? "l" : "L"; break;
        case "L": line(point(relative)); break;
        case "H": line({ x: number() + (relative ? at.x : 0), y: at.y }); break;
        case "V": line({ x: at.x, y: number() + (relative ? at.y : 0) }); break;
        case "C": { const c1 = point(relative), c2 = point(relative), to = point(relative);
          curves.push([at, c1, c2, to]); at = to; break; }
        case "Q": { const q = point(relative), to = point(relative);
          const c1 = { x: at.x + (2 / 3) * (q.x - at.x), y: at.y + (2 / 3) * (q.y - at.y) };
          const c2 = { x: to.x + (2 / 3) * (q.x - to.x), y: to.y + (2 / 3) * (q.y - to.y) };
          curves.push([at, c1, c2, to]); at = to; break; }
        case "Z": line(start); break;
        default: return null;
      }
    }
    return curves;
  }

  function sampleCurves(curves) {
    // Points about STEP apart along the curves (steps from the control polygon, an upper bound of the length).
    const points = curves.length ? [curves[0][0]] : [];
    for (const [p0, p1, p2, p3] of curves) {
      const steps = Math.max(1, Math.ceil((distance(p0, p1) + distance(p1, p2) + distance(p2, p3)) / STEP));
      for (let k = 1; k <= steps; k++) points.push(cubicPoint(p0, p1, p2, p3, k / steps));
    }
    return points;
  }

  function samplePath(svg, path) {
    // Sample one path in root (viewBox) units: analytically for M L H V C Q Z, else with getPointAtLength.
    const matrix = toRoot(svg, path);
    const curves = pathCurves(path.getAttribute("d") || "");
    let points;
    if (curves) {
      points = sampleCurves(curves);
    } else {
      const length = path.getTotalLength();
      const steps = Math.max(1, Math.ceil(length / STEP));
      points = Array.from({ length: steps + 1 }, (_, i) => path.getPointAtLength((length * i) / steps));
    }
    return points.map((point) => apply(matrix, point.x, point.y));
  }

  const CELL = 8;  // grid cell for finding nearby segments

  function cellsOf(p, q, by) {
    const keys = [];
    const [i0, i1] = [Math.floor((Math.min(p.x, q.x) - by) / CELL), Math.floor((Math.max(p.x, q.x) + by) / CELL)];
    const [j0, j1] = [Math.floor((Math.min(p.y, q.y) - by) / CELL), Math.floor((Math.max(p.y, q.y) + by) / CELL)];
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) keys.push(i * 1e6 + j);
    }
    return keys;
  }

  function segmentGrid(segments) {
    const grid = new Map();
    segments.forEach(([p, q], index) => {
      for (const key of cellsOf(p, q, 0)) {
        const cell = grid.get(key);
        if (cell) cell.push(index); else grid.set(key, [index]);
      }
    });
    return grid;
  }

  function readEdges(svg) {
    return Array.from(svg.querySelectorAll("g.edge")).filter(displayed).map((group) => {
      const lines = Array.from(group.querySelectorAll("path")).filter(displayed)
        .map((path) => samplePath(svg, path)).filter((points) => points.length > 1);
      const segments = lines.flatMap((points) => points.slice(1).map((q, i) => [points[i], q]));
      const ends = lines.flatMap((points) => [points[0], points[points.length - 1]]);
      const box = lines.length ? expand(polylineBox(lines.flat()), NEAR) : null;
      return { group, id: group.id, lines, segments, ends, box, grid: segmentGrid(segments) };
    }).filter((edge) => edge.lines.length);
  }

  /* Measurements --------------------------------------------------------- */

  function overlaps(texts) {
    const pairs = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      const width = round(Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left));
      const height = round(Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top));
      if (width > OVERLAP && height > OVERLAP) pairs.push([a.text, b.text]);
    }));
    return pairs;
  }

  function labelsUnderLines(edges, texts) {
    const hits = [];
    for (const edge of edges) {
      for (const text of texts) {
        if (text.edge === edge.group) continue;
        const box = expand(text.box, -SHRINK);
        if (box.left >= box.right || box.top >= box.bottom || !boxesMeet(edge.box, box)) continue;
        if (edge.segments.some(([p, q]) => segmentHitsBox(p, q, box))) hits.push([edge.id, text.text]);
      }
    }
    return hits;
  }

  function sharedEndpoints(a, b) {
    const shared = [];
    for (const p of a.ends) {
      for (const q of b.ends) {
        if (distance(p, q) <= ENDPOINT) shared.push(p, q);
      }
    }
    return shared;
  }

  function nearby(edge, p, q, far) {
    // The edge's segments, away from shared endpoints, in the grid cells around p-q (a few repeated).
    const found = [];
    for (const key of cellsOf(p, q, NEAR)) {
      for (const index of edge.grid.get(key) || []) {
        const segment = edge.segments[index];
        if (far(segment[0]) && far(segment[1])) found.push(segment);
      }
    }
    return found;
  }

  function awayFrom(shared) {
    return shared.length ? (p) => shared.every((s) => distance(p, s) > ENDPOINT) : () => true;
  }

  function neighbourhoods(one, other, far) {
    // [segment, the other edge's segments near it] for each of one's segments away from shared endpoints.
    return one.segments.filter(([p, q]) => far(p) && far(q)).map(([p, q]) => [[p, q], nearby(other, p, q, far)]);
  }

  function closePoints(neighbourhood) {
    return neighbourhood.filter(([[p], near]) => near.some(([r, s]) => distanceToSegment(p, r, s) <= NEAR)).length;
  }

  function relation(a, b) {
    // "coincident" when many points of one run within NEAR of the other, else "crossing" or "apart".
    if (!boxesMeet(a.box, b.box)) return "apart";
    const far = awayFrom(sharedEndpoints(a, b));
    const fromA = neighbourhoods(a, b, far);
    if (Math.max(closePoints(fromA), closePoints(neighbourhoods(b, a, far))) >= COINCIDENT) return "coincident";
    return fromA.some(([[p, q], near]) => near.some(([r, s]) => segmentsCross(p, q, r, s))) ? "crossing" : "apart";
  }

  function crossings(edges) {
    let crossing = 0, coincident = 0;
    edges.forEach((a, i) => edges.slice(i + 1).forEach((b) => {
      const kind = relation(a, b);
      if (kind !== "apart") crossing += 1;
      if (kind === "coincident") coincident += 1;
    }));
    return { crossing, coincident };
  }

  function svgScale(svg) {
    const viewBox = svg.viewBox.baseVal;
    const matrix = svg.getScreenCTM();
    if (matrix) return Math.hypot(matrix.a, matrix.b);
    return viewBox && viewBox.width ? svg.getBoundingClientRect().width / viewBox.width : 1;
  }

  function measureSvg(container, order, svg, index) {
    const rect = svg.getBoundingClientRect();
    const top = rect.top + window.scrollY;
    const scale = svgScale(svg);
    const texts = readTexts(svg, scale);
    const edges = readEdges(svg);
    const { crossing, coincident } = crossings(edges);
    const labels = (kind) => texts.filter((t) => t.kind === kind).map(({ text, px }) => ({ text, px }));
    return {
      page: window.location.pathname, diagram: container.id, order, variant: svg.dataset.variant ?? index,
      scale: round(scale), width: round(rect.width), top: round(top),
      node_labels: labels("node"), edge_labels: labels("edge"), other_texts: labels("other"),
      overlaps: overlaps(texts), labels_under_lines: labelsUnderLines(edges, texts),
      crossings: crossing, coincident_pairs: coincident,
    };
  }

  await document.fonts.ready;
  const records = [];
  document.querySelectorAll(".vs-diagram").forEach((container, order) => {
    // The pictures themselves: not an svg nested in another, nor an icon on a button.
    Array.from(container.querySelectorAll("svg")).filter((svg) => !svg.parentElement.closest("svg, button"))
      .forEach((svg, index) => {
        const rect = svg.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0) records.push(measureSvg(container, order, svg, index));
      });
  });
  return records;
}
