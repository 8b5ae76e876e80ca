"""Every visual decision about diagrams, in one table.

render_diagrams.py reads the DOT attributes from here and pipeline.py writes
the stylesheet that stylesheet() returns, so a colour is changed in one
place. Diagrams carry semantic classes (layer-kvm, kind-uses, focus); the
colours for the light and the dark scheme are CSS custom properties, so one
SVG reads well in both of Material's palettes.
"""

__all__ = ["ARROW", "BOX", "FRAME", "COLUMN", "LAYER_COLOURS", "NARROW", "PREVIEW", "RELATION_STYLE", "TEXT", "WIDE", "stylesheet"]

# The font Graphviz measures text with; the browser is asked for the same one.
FONT = "DejaVu Sans"

# The two variants of every picture, drawn at the size they are shown (CSS px):
# "wide" for the content column of a desktop screen (688 px at 1366 px), and
# "narrow" for a phone's (358 px at 390 px). Font sizes by kind of text; the
# browser test holds node labels to 14 / 13 px and arrow labels to 12 / 11.
WIDE = {"name": "wide", "width": 680, "box_max": 172, "title_column": 116,
        "sizes": {"name": 15, "role": 14, "event": 14, "band": 13, "edge": 13, "title": 16, "key": 13}}
NARROW = {"name": "narrow", "width": 350, "box_max": 165, "title_column": 0,
          "sizes": {"name": 14, "role": 13, "event": 13, "band": 12, "edge": 12, "title": 15, "key": 12}}
# A stack of a comparison: narrow enough for two side by side in a desktop column, and for a phone.
COLUMN = {**NARROW, "name": "column", "width": 330}
# A container query switches to the narrow variant below this width of the diagram's column.
NARROW_BELOW = 680

# How boxes, frames and arrows are drawn (DOT attributes; colours come from CSS classes).
BOX = {"shape": "box", "style": "rounded,filled", "fixedsize": "true", "penwidth": "1.2", "margin": "0"}
EMPHASIS_PENWIDTH = "2.6"
FRAME = {"shape": "box", "style": "rounded,filled", "fixedsize": "true", "penwidth": "1", "label": "",
         "fillcolor": "#f3f4f6", "color": "#c9ced6"}
TEXT = {"shape": "plaintext", "fixedsize": "true", "margin": "0"}
ARROW = {"arrowsize": "0.8", "penwidth": "1.3"}
ARROW_LENGTH = 8.0  # 10 points times arrowsize

# Link-preview images: exactly 1200 x 630 pixels (72 dpi, viewport in points),
# the picture (or a page's title card) scaled to fit, on white, as Open Graph expects.
PREVIEW = {"dpi": "72", "viewport": "1200,630", "size": "15.6,8.0!", "pad": "0.4", "bgcolor": "white"}

# Relation kind -> DOT edge style.
RELATION_STYLE = {
    "uses": "solid", "controls": "solid", "accelerates": "bold",
    "part-of": "dashed", "provides": "solid", "forked-from": "dotted",
    "merged-into": "dotted",
}

# Layer id -> (light fill, light stroke, dark fill, dark stroke). Text is
# always the page's foreground colour, so fills stay pale in light mode and
# deep in dark mode.
LAYER_COLOURS = {
    "hardware": ("#f3e4d7", "#9a5b2a", "#4a3020", "#d9a27a"),
    "kernel": ("#f6dede", "#a33b3b", "#4d2626", "#e09a9a"),
    "vmm": ("#dcecf8", "#2f6aa3", "#1f3a55", "#8fbde6"),
    "management": ("#e0f1e3", "#2f7a43", "#1f4029", "#8fd0a0"),
    "tools": ("#ece3f6", "#6a46a3", "#352650", "#c0a5e8"),
}
DEFAULT_COLOURS = ("#eceff1", "#546e7a", "#2e3a40", "#b0bec5")


def layer_colours(layer_id: str) -> tuple[str, str, str, str]:
    """Return the four colours of a layer."""
    return LAYER_COLOURS.get(layer_id, DEFAULT_COLOURS)


def stylesheet() -> str:
    """Return the CSS that colours diagrams in both of Material's schemes."""
    light = [f"  --vs-{layer}-fill: {c[0]};\n  --vs-{layer}-stroke: {c[1]};" for layer, c in sorted(LAYER_COLOURS.items())]
    dark = [f"  --vs-{layer}-fill: {c[2]};\n  --vs-{layer}-stroke: {c[3]};" for layer, c in sorted(LAYER_COLOURS.items())]
    layers = [
        f".vs-diagram .layer-{layer} > polygon, .vs-diagram .layer-{layer} > path,\n"
        f".vs-diagram .layer-{layer} a > polygon, .vs-diagram .layer-{layer} a > path "
        f"{{ fill: var(--vs-{layer}-fill); stroke: var(--vs-{layer}-stroke); }}"
        for layer in sorted(LAYER_COLOURS)
    ]
    return "\n".join([
        "/* Generated from scripts/virtstack/style.py; edit the table there. */",
        ":root, [data-md-color-scheme=\"default\"] {", *light, "}",
        "[data-md-color-scheme=\"slate\"] {", *dark, "}",
        *layers,
        BASE_CSS,
    ])


# Four corners: the full-screen button's icon, as a mask filled with the text colour.
FULL_SCREEN_MASK = ("url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
                    "%3Cpath d='M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4' fill='none' stroke='black' stroke-width='2'/%3E"
                    "%3C/svg%3E\")")

BASE_CSS = f"""\
.vs-diagram {{ position: relative; margin: 1em 0; container-type: inline-size; }}
.vs-stage {{ overflow: hidden; border-radius: 0.2rem; }}
.vs-diagram svg {{ display: block; max-width: 100%; height: auto; margin: 0 auto; }}
/* Each picture comes drawn for a desktop column and for a phone; the column's width picks one. */
.vs-diagram svg[data-variant="narrow"] {{ display: none; }}
@container (max-width: {NARROW_BELOW - 0.02}px) {{
  .vs-diagram svg[data-variant="wide"] {{ display: none; }}
  .vs-diagram svg[data-variant="narrow"] {{ display: block; }}
}}
.vs-grid {{ display: grid; grid-template-columns: repeat(auto-fill, minmax({COLUMN["width"]}px, 1fr)); gap: 0 1rem; }}
.vs-grid .vs-diagram {{ margin: 0.5em 0; }}
.vs-grid .vs-zoom {{ display: none; }}
.vs-diagram svg text {{ fill: var(--md-default-fg-color); font-family: "DejaVu Sans", Verdana, sans-serif; }}
.vs-diagram .frame.band > polygon, .vs-diagram .frame.band > path {{ fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter); }}
.vs-diagram .frame.focus-band > polygon, .vs-diagram .frame.focus-band > path {{ fill: none; stroke: none; }}
.vs-diagram .frame.band-title text {{ fill: var(--md-default-fg-color--light); }}
.vs-diagram .edge path {{ stroke: var(--md-default-fg-color--light); }}
.vs-diagram .edge polygon {{ fill: var(--md-default-fg-color--light); stroke: var(--md-default-fg-color--light); }}
.vs-diagram .event > polygon, .vs-diagram .event > path, .vs-diagram .event a > polygon, .vs-diagram .event a > path {{ fill: var(--md-default-bg-color); stroke: var(--md-default-fg-color--light); }}
.vs-diagram .node.focus > polygon, .vs-diagram .node.focus > path, .vs-diagram .node.focus a > path {{ stroke-width: 3px; }}
.vs-diagram .node.emphasis a > path, .vs-diagram .node.emphasis > path {{ stroke-width: 2.6px; }}
.vs-diagram a:focus-visible {{ outline: 3px solid var(--md-accent-fg-color); outline-offset: 2px; }}
.vs-diagram a:focus {{ outline: 3px solid var(--md-accent-fg-color); outline-offset: 2px; }}
.vs-diagram.vs-has-focus .node.component:not(.vs-hl), .vs-diagram.vs-has-focus .edge:not(.vs-hl) {{ opacity: 0.2; }}
.vs-diagram .node, .vs-diagram .edge {{ transition: opacity 0.15s; }}
.vs-diagram .edge.vs-hl path {{ stroke: var(--md-accent-fg-color); stroke-width: 2.2px; }}
.vs-diagram .edge.vs-hl polygon {{ fill: var(--md-accent-fg-color); stroke: var(--md-accent-fg-color); }}
.vs-diagram .node.vs-hl-main > polygon, .vs-diagram .node.vs-hl-main > path,
.vs-diagram .node.vs-hl-main a > polygon, .vs-diagram .node.vs-hl-main a > path {{ stroke-width: 3px; }}
.vs-diagram .vs-hidden {{ display: none; }}
.vs-diagram:fullscreen {{ overflow: auto; padding: 1rem; background: var(--md-default-bg-color); }}
.vs-tooltip {{ position: absolute; z-index: 3; max-width: 22rem; padding: 0.4rem 0.6rem; border-radius: 0.2rem;
  background: var(--md-default-fg-color); color: var(--md-default-bg-color); font-size: 0.7rem; line-height: 1.4;
  box-shadow: var(--md-shadow-z2); pointer-events: none; }}
.vs-zoom {{ display: flex; gap: 0.3rem; justify-content: flex-end; margin-bottom: 0.3rem; }}
.vs-zoom-button {{ min-width: 2.2rem; min-height: 2.2rem; border: 1px solid var(--md-default-fg-color--light);
  border-radius: 0.2rem; background: var(--md-default-bg-color); color: var(--md-default-fg-color); font-size: 0.9rem; cursor: pointer; }}
.vs-zoom-button:focus-visible, .vs-filters button:focus-visible, .vs-stacks button:focus-visible {{ outline: 3px solid var(--md-accent-fg-color); }}
.vs-icon-full {{ display: inline-block; width: 1rem; height: 1rem; vertical-align: middle; background: currentColor;
  -webkit-mask: {FULL_SCREEN_MASK} center / contain no-repeat; mask: {FULL_SCREEN_MASK} center / contain no-repeat; }}
.md-typeset .vs-lead {{ font-size: 1.05em; }}
.vs-stacks {{ display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin: 0.4rem 0; font-size: 0.7rem; }}
.vs-stacks button {{ padding: 0.2rem 0.6rem; min-height: 1.8rem; border: 1px solid var(--md-default-fg-color--light);
  border-radius: 0.2rem; background: var(--md-default-bg-color); color: var(--md-default-fg-color); cursor: pointer; }}
.vs-stacks button[aria-pressed="true"] {{ background: var(--md-primary-fg-color); color: var(--md-primary-bg-color); }}
.vs-filters {{ font-size: 0.7rem; margin: 0.4rem 0; }}
.vs-filters summary {{ cursor: pointer; }}
.vs-filters fieldset {{ display: inline-block; margin: 0.3rem 0.6rem 0.4rem 0; padding: 0.2rem 0.5rem;
  border: 1px solid var(--md-default-fg-color--lighter); border-radius: 0.2rem; }}
.vs-filters label {{ margin-right: 0.6rem; white-space: nowrap; }}
.md-typeset .vs-skip {{ margin: 0.2em 0; font-size: 0.7rem; }}
/* `mkdocs serve` with a broken model: the problems, above every page of the last good build. */
.vs-model-problems {{ position: sticky; top: 0; z-index: 10; max-height: 40vh; overflow: auto; padding: 0.6rem 1rem;
  background: #fdecea; color: #611a15; border-bottom: 2px solid #b71c1c; font-size: 0.75rem; }}
.vs-model-problems pre {{ margin: 0.4rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.7rem; }}
"""
