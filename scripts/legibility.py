"""How legible the site's diagrams are in a real browser: one measurement for the tests and the bench.

Takes a loaded Playwright page (or a browser, a served site and its built
folder) and returns, per displayed diagram SVG, plain dicts: on-screen scale,
rendered label sizes in CSS px by kind, overlapping texts, texts under an
edge's line, edge crossings, coincident edge pairs and the diagram's top.
`problems` turns one record into the failures a reader would notice,
`summary` and `table` condense many records. The rules are those of
/work/shared/reviews/diagrams.md; the measurement itself is legibility.js.
"""

import os
import re
import shutil
import statistics
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MEASURE_JS = (Path(__file__).resolve().parent / "legibility.js").read_text(encoding="utf-8")
READY_JS = "() => Array.from(document.querySelectorAll('.vs-diagram')).every(c => c.dataset.ready === 'true')"
TIMEOUT_MS = 30_000
HOME_PAGES = ("/", "/ru/")  # the home diagram is the first .vs-diagram on these
HOME_CROSSINGS_MAX = 2
KINDS = (("node_labels", "node label"), ("edge_labels", "edge label"), ("other_texts", "other text"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@dataclass(frozen=True)
class Viewport:
    """A screen a reader uses, and the smallest text sizes (CSS px) and home-diagram top it must get."""

    name: str
    width: int
    height: int
    mobile: bool
    node_px: float
    edge_px: float
    other_px: float
    home_top_px: float

    def context_options(self) -> dict:
        """Return Playwright new_context keyword arguments for this screen."""
        return {"viewport": {"width": self.width, "height": self.height}, "device_scale_factor": 1,
                "is_mobile": self.mobile, "has_touch": self.mobile}

    def min_px(self, key: str) -> float:
        """Return the smallest allowed size for a record's label list key."""
        return {"node_labels": self.node_px, "edge_labels": self.edge_px, "other_texts": self.other_px}[key]


DESKTOP = Viewport("desktop", 1366, 900, False, node_px=14, edge_px=12, other_px=12, home_top_px=600)
PHONE = Viewport("phone", 390, 844, True, node_px=13, edge_px=11, other_px=11, home_top_px=844)
VIEWPORTS = {viewport.name: viewport for viewport in (DESKTOP, PHONE)}


def diagram_pages(site: Path) -> list[str]:
    """Return the URL paths ("/", "/ru/components/kvm/") of built pages that hold a .vs-diagram."""
    holds_diagram = re.compile(r'class="(?:[^"]* )?vs-diagram[ "]')
    paths = [page.parent.relative_to(site).as_posix() for page in site.rglob("index.html")
             if holds_diagram.search(page.read_text(encoding="utf-8"))]
    return sorted("/" if path == "." else f"/{path}/" for path in paths)


def measure_page(page) -> list[dict]:
    """Return one record per displayed diagram SVG on a loaded page, once its diagram scripts have run."""
    page.wait_for_function(READY_JS, timeout=TIMEOUT_MS)
    return page.evaluate(MEASURE_JS)


def measure_site(browser, base_url: str, paths: list[str], viewport: Viewport) -> tuple[list[dict], list[str]]:
    """Load each path in one fresh context at viewport; return the records and the pages that failed to load."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(**viewport.context_options())
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    records, failures = [], []
    try:
        for path in paths:
            try:
                response = page.goto(base_url.rstrip("/") + path)
                found = measure_page(page)
            except PlaywrightError as error:
                failures.append(f"{path}: not measured: {str(error).splitlines()[0]}")
                continue
            if response is None or response.status != 200:
                failures.append(f"{path}: HTTP {response.status if response else 'no response'}")
            if not found:
                failures.append(f"{path}: no diagram is displayed")
            records += found
    finally:
        context.close()
    return records, failures


def is_home(record: dict) -> bool:
    """Tell whether a record is the home diagram: the first .vs-diagram on / or /ru/."""
    return record["page"] in HOME_PAGES and record["order"] == 0


def where(record: dict) -> str:
    """Return "page diagram-id", plus the variant when the container holds more than one SVG."""
    variant = record["variant"]
    suffix = f" ({variant})" if isinstance(variant, str) else (f" (svg {variant})" if variant else "")
    return f"{record['page']} {record['diagram']}{suffix}"


def problems(record: dict, viewport: Viewport | str) -> list[str]:
    """Return what a reader would trip over in one record at viewport, one line each."""
    viewport = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
    at = where(record)
    found = [f"{at}: {name} {label['px']:.1f} px < {viewport.min_px(key):g} px ({label['text']!r})"
             for key, name in KINDS for label in record[key] if label["px"] < viewport.min_px(key)]
    found += [f"{at}: texts overlap ({a!r} on {b!r})" for a, b in record["overlaps"]]
    found += [f"{at}: text {text!r} under the line of edge {edge}" for edge, text in record["labels_under_lines"]]
    if is_home(record) and record["top"] > viewport.home_top_px:
        found.append(f"{at}: home diagram starts at {record['top']:.0f} px, below the first screen "
                     f"(≤ {viewport.home_top_px:g} px)")
    if is_home(record) and record["crossings"] > HOME_CROSSINGS_MAX:
        found.append(f"{at}: home diagram has {record['crossings']} edge crossings (≤ {HOME_CROSSINGS_MAX})")
    return found


def _sizes(records: list[dict], key: str) -> list[float]:
    """Return every rendered size of one label kind across records."""
    return [label["px"] for record in records for label in record[key]]


def _smallest_and_median(sizes: list[float]) -> tuple[float | None, float | None]:
    """Return the smallest and the median of sizes, or None twice when there are none."""
    return (min(sizes), statistics.median(sizes)) if sizes else (None, None)


def summary(records: list[dict]) -> dict:
    """Condense records: label sizes (all texts of a kind), totals, and the home diagram (worst of / and /ru/)."""
    node_min, node_median = _smallest_and_median(_sizes(records, "node_labels"))
    edge_min, edge_median = _smallest_and_median(_sizes(records, "edge_labels"))
    homes = [record for record in records if is_home(record)]
    home_nodes, home_edges = _sizes(homes, "node_labels"), _sizes(homes, "edge_labels")
    return {
        "pages": len({record["page"] for record in records}),
        "diagrams": len({(record["page"], record["diagram"]) for record in records}),
        "node_min": node_min, "node_median": node_median, "edge_min": edge_min, "edge_median": edge_median,
        "overlaps": sum(len(record["overlaps"]) for record in records),
        "labels_under_lines": sum(len(record["labels_under_lines"]) for record in records),
        "crossings": sum(record["crossings"] for record in records),
        "coincident_pairs": sum(record["coincident_pairs"] for record in records),
        "diagrams_with_overlap": len({(record["page"], record["diagram"]) for record in records if record["overlaps"]}),
        "home_top": max((home["top"] for home in homes), default=None),
        "home_scale": min((home["scale"] for home in homes), default=None),
        "home_node_min": min(home_nodes, default=None), "home_edge_min": min(home_edges, default=None),
        "home_crossings": max((home["crossings"] for home in homes), default=None),
    }


TABLE_COLUMNS = (("pages measured", "pages", "{}"), ("diagrams", "diagrams", "{}"),
                 ("node px, smallest", "node_min", "{:.1f}"), ("node px, median", "node_median", "{:.1f}"),
                 ("edge px, smallest", "edge_min", "{:.1f}"), ("edge px, median", "edge_median", "{:.1f}"),
                 ("overlaps", "overlaps", "{}"), ("labels under lines", "labels_under_lines", "{}"),
                 ("crossings", "crossings", "{}"), ("coincident pairs", "coincident_pairs", "{}"),
                 ("home top px", "home_top", "{:.0f}"), ("home scale", "home_scale", "{:.2f}"))


def table(rows: list[tuple[str, dict]]) -> str:
    """Return a Markdown table of summaries, one row per (row name, summary)."""
    cell = lambda value, form: "–" if value is None else form.format(value)  # noqa: E731
    lines = ["| viewport, edition | " + " | ".join(title for title, _, _ in TABLE_COLUMNS) + " |",
             "| --- |" + " ---: |" * len(TABLE_COLUMNS)]
    lines += [f"| {name} | " + " | ".join(cell(result[key], form) for _, key, form in TABLE_COLUMNS) + " |"
              for name, result in rows]
    return "\n".join(lines) + "\n"


def edition(path: str) -> str:
    """Return the edition a URL path belongs to: "ru" under /ru/, else "en"."""
    return "ru" if path.startswith("/ru/") else "en"


@contextmanager
def chromium():
    """Yield the system's headless Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    names = ("chromium", "chromium-browser", "google-chrome")
    executable = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, names)), None)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
