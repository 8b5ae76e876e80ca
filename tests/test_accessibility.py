"""Every page of the built site passes axe-core with no violations, in light and dark mode.

axe-core is the version pinned in package.json (installed by `npm ci`). It is
injected into each page of the real `mkdocs build --strict` output and run on
the whole document: no rule is disabled and no element is excluded. A failure
lists every violation as rule id, impact, page and target selectors. Theme
findings are fixed in overrides/ and docs/stylesheets/theme-fixes.css.
"""

from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 30_000  # bound on each page load, each wait and each axe run
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material palette scheme
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


def new_page(browser, scheme: str):
    """Return a context whose system colour scheme is `scheme`, and its one page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def test_the_site_has_pages_to_audit(built_site):
    pages = site_pages(built_site)
    assert "" in pages and "404.html" in pages
    assert any(p.startswith("components/") and p != "components/" for p in pages)
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (or `make test`)"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_page_has_no_axe_violations(browser, built_site, site_url, scheme):
    pages = site_pages(built_site)
    context, page = new_page(browser, scheme)
    problems: list[str] = []
    try:
        for path in pages:
            page.goto(site_url + path, timeout=TIMEOUT_MS, wait_until="load")
            assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
            problems += axe_violations(page, f"/{path} [{scheme}]")
    finally:
        context.close()
    assert not problems, f"axe-core found violations on {len(pages)} pages ({scheme} mode):\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_search_results_have_no_axe_violations(browser, site_url, scheme):
    """Search results, with their highlighted matches, only exist once a query is typed."""
    context, page = new_page(browser, scheme)
    try:
        page.goto(site_url, timeout=TIMEOUT_MS, wait_until="load")
        page.locator(".md-search__input").click()
        page.keyboard.type("qemu")
        page.locator(".md-search-result__item mark").first.wait_for()
        page.wait_for_function("getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'")
        problems = axe_violations(page, f"/ with search results for 'qemu' [{scheme}]")
    finally:
        context.close()
    assert not problems, f"axe-core found violations in the search results ({scheme} mode):\n" + "\n".join(problems)
