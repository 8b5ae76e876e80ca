"""Full-page screenshots of the pages a reader looks at first, checked as they are taken.

For the home page, the question page and three component pages, in both
editions, on a desktop (1366×900) and a phone (390×844, touch), light and
dark: saves test-artifacts/<edition>-<page>-<viewport>-<scheme>.png and
checks that the page's first diagram is displayed (the question page has
none: its heading then), that the theme follows the reader's colour scheme
and that the console stays clean.
"""

import pytest

import legibility
from conftest import ARTIFACTS, TEST_CONTEXT

pytestmark = pytest.mark.browser

PAGES = {"home": "", "question": "question/", "components-kvm": "components/kvm/",
         "components-qemu": "components/qemu/", "components-libvirt": "components/libvirt/"}
WITHOUT_DIAGRAM = {"question"}
EDITIONS = {"en": "", "ru": "ru/"}
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright colour scheme: Material's data-md-color-scheme
SHOTS = [(edition, page, viewport, scheme) for edition in EDITIONS for page in PAGES
         for viewport in legibility.VIEWPORTS for scheme in SCHEMES]
FIRST_DIAGRAM_WIDTH_JS = """() => {
  const container = document.querySelector(".vs-diagram");
  if (!container) return null;
  const widths = Array.from(container.querySelectorAll("svg"))
    .filter((svg) => !svg.parentElement.closest("svg, button")).map((svg) => svg.getBoundingClientRect())
    .filter((box) => box.height > 0).map((box) => box.width);
  return widths.length ? Math.max(...widths) : 0;
}"""


def recording_page(context):
    """Return a new page of context that records console errors and fails slow loads within 30 s."""
    page = context.new_page()
    page.set_default_timeout(legibility.TIMEOUT_MS)
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


@pytest.mark.parametrize(("edition", "name", "viewport", "scheme"), SHOTS, ids=["-".join(shot) for shot in SHOTS])
def test_screenshot_shows_the_first_diagram_in_the_readers_scheme(browser, site_url, edition, name, viewport, scheme):
    context = browser.new_context(**TEST_CONTEXT, **legibility.VIEWPORTS[viewport].context_options(), color_scheme=scheme)
    try:
        page = recording_page(context)
        page.goto(site_url + EDITIONS[edition] + PAGES[name])
        page.wait_for_function(legibility.READY_JS, timeout=legibility.TIMEOUT_MS)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{edition}-{name}-{viewport}-{scheme}.png"), full_page=True)
        width = page.evaluate(FIRST_DIAGRAM_WIDTH_JS)
        if name in WITHOUT_DIAGRAM:
            assert width is None and page.locator("article h1").is_visible()
        else:
            assert width is not None, f"{page.url} has no .vs-diagram"
            assert width > 200, f"{page.url}: the first diagram's widest displayed svg is {width:.0f} px wide"
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        assert page.console_errors == []
    finally:
        context.close()
