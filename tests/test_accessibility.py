"""Every page of the built site passes axe-core with no violations, in light and dark mode, on a desktop and a phone.

axe-core is the version pinned in package.json (installed by `npm ci`). It is
injected into each page of the real `mkdocs build --strict` output once the
page's scripts have run, and run on the whole document: no rule is disabled
and no element is excluded. The phone is a touch screen that cannot hover, as
real phones are (Material, for one, makes scrolling code blocks focusable only
where the reader can hover). A failure lists every violation as rule id,
impact, page and target selectors. Theme findings are fixed in overrides/ and
docs/stylesheets/theme-fixes.css.
"""

from pathlib import Path

import pytest

from conftest import ROOT, TEST_CONTEXT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 30_000  # bound on each page load, each wait and each axe run
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material palette scheme
DEVICES = {  # Playwright context options
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}
# Resolves once Material has emitted the page (its components and the site's scripts are
# set up then) and two frames have been drawn since (work they left for the next frame is done).
SCRIPTS_RUN = """() => new Promise((done) => {
    const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
    if (typeof document$ === "undefined") frames(); else document$.subscribe(frames);
})"""
RUN_AXE = """async (timeout) => {
    const run = axe.run(document, {resultTypes: ['violations']});
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('axe.run timed out')), timeout));
    return (await Promise.race([run, late])).violations;
}"""


def site_pages(site: Path) -> list[str]:
    """Return every page of the built site (each index.html, plus 404.html) as a URL path, sorted."""
    pages = {"404.html"} if (site / "404.html").is_file() else set()
    for index in site.rglob("index.html"):
        folder = index.parent.relative_to(site).as_posix()
        pages.add("" if folder == "." else folder + "/")
    return sorted(pages)


def describe(violation: dict, where: str) -> list[str]:
    """Return readable lines for one axe violation: rule, impact, where, then each target and why."""
    lines = [f"{violation['id']} ({violation['impact']}) on {where}: {violation['help']} <{violation['helpUrl']}>"]
    for node in violation["nodes"]:
        target = " >> ".join(" ".join(part) if isinstance(part, list) else part for part in node["target"])
        why = " ".join((node.get("failureSummary") or "").split()).removeprefix("Fix any of the following: ")
        lines.append(f"    {target}" + (f"  -- {why[:200]}" if why else ""))
    return lines


def axe_violations(page, where: str) -> list[str]:
    """Inject the pinned axe-core into the page as it is now, run it on the whole document, describe each violation."""
    page.add_script_tag(path=str(AXE))
    return [line for violation in page.evaluate(RUN_AXE, TIMEOUT_MS) for line in describe(violation, where)]


def new_page(browser, scheme: str, device: str = "desktop"):
    """Return a context for one device whose system colour scheme is `scheme`, and its one page."""
    context = browser.new_context(**TEST_CONTEXT, **DEVICES[device], color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def open_page(page, url: str):
    """Load url and wait until its scripts have run."""
    page.goto(url, timeout=TIMEOUT_MS, wait_until="load")
    page.evaluate(SCRIPTS_RUN)


def test_the_site_has_pages_to_audit(built_site):
    pages = site_pages(built_site)
    assert "" in pages and "404.html" in pages
    assert any(p.startswith("components/") and p != "components/" for p in pages)
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (or `make test`)"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("device", list(DEVICES))
def test_every_page_has_no_axe_violations(browser, built_site, site_url, device, scheme):
    pages = site_pages(built_site)
    context, page = new_page(browser, scheme, device)
    problems: list[str] = []
    try:
        for path in pages:
            open_page(page, site_url + path)
            assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
            problems += axe_violations(page, f"/{path} [{device}, {scheme}]")
    finally:
        context.close()
    assert not problems, (f"axe-core found violations on {len(pages)} pages ({device}, {scheme} mode):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("device", list(DEVICES))
def test_search_results_have_no_axe_violations(browser, site_url, device, scheme):
    """Search results, with their highlighted matches, only exist once a query is typed."""
    context, page = new_page(browser, scheme, device)
    try:
        open_page(page, site_url)
        if device == "phone":  # the search box opens from the header's search button
            page.locator("label.md-header__button[for='__search']").click()
        page.locator(".md-search__input").click()
        page.keyboard.type("qemu")
        page.locator(".md-search-result__item mark").first.wait_for()
        page.wait_for_function("getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'")
        problems = axe_violations(page, f"/ with search results for 'qemu' [{device}, {scheme}]")
    finally:
        context.close()
    assert not problems, (f"axe-core found violations in the search results ({device}, {scheme} mode):\n"
                          + "\n".join(problems))


# For each YAML line that wraps: does every later piece start right of where the line's own text starts?
WRAPPED_LINES_INDENTED = """() => [...document.querySelectorAll("pre.vs-yaml .vs-line")].flatMap((line) => {
    const range = document.createRange();
    range.selectNodeContents(line);
    const pieces = [...range.getClientRects()].filter((r) => r.width > 0);
    const rows = new Set(pieces.map((r) => Math.round(r.top)));
    if (rows.size < 2) return [];
    const text = line.firstChild, indent = text.data.length - text.data.trimStart().length;
    range.setStart(text, indent);
    range.setEnd(text, indent + 1);
    const start = range.getBoundingClientRect().left;
    const first = Math.min(...pieces.map((r) => r.top));
    return [pieces.filter((r) => r.top > first + 1).every((r) => r.left > start)];
})"""


def test_on_a_phone_the_reference_examples_wrap_and_its_wide_tables_scroll_from_the_keyboard(browser, site_url):
    context, page = new_page(browser, "light", "phone")
    try:
        open_page(page, site_url + "reference/")
        examples = page.locator("pre.vs-yaml > code")
        assert examples.count() > 5
        assert examples.evaluate_all("codes => codes.filter((c) => c.scrollWidth > c.clientWidth).length") == 0
        wrapped = page.evaluate(WRAPPED_LINES_INDENTED)
        assert len(wrapped) > 10 and all(wrapped)
        table = page.get_by_role("region", name="component: fields")
        assert table.evaluate("box => box.scrollWidth > box.clientWidth")
        table.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("box => box.scrollLeft > 0", arg=table.element_handle())
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "component: fields"
    finally:
        context.close()
