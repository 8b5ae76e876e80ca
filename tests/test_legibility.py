"""Every diagram is legible at the default zoom, on a desktop and on a phone, in both editions.

Loads each built page that holds a `.vs-diagram` (English at /, Russian
under /ru/) in the real headless Chromium, measures it with
scripts/legibility.py and fails with every problem found, all at once:
text smaller than the viewport's minimum, overlapping texts, texts under an
edge's line, and a home diagram that starts below the first screen or has
more than two crossings.
"""

import pytest

import legibility

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def diagram_paths(built_site) -> list[str]:
    """Return the URL paths of every built page, both editions, that holds a diagram."""
    return legibility.diagram_pages(built_site)


def test_both_editions_have_diagram_pages(diagram_paths):
    assert set(legibility.HOME_PAGES) <= set(diagram_paths)
    assert any(path.startswith("/ru/") for path in diagram_paths[1:])


@pytest.mark.parametrize("viewport", legibility.VIEWPORTS.values(), ids=legibility.VIEWPORTS.keys())
def test_every_diagram_is_legible(browser, site_url, diagram_paths, viewport):
    records, found = legibility.measure_site(browser, site_url, diagram_paths, viewport)
    found += [problem for record in records for problem in legibility.problems(record, viewport)]
    found += [f"{home}: home diagram not measured" for home in legibility.HOME_PAGES
              if not any(legibility.is_home(record) and record["page"] == home for record in records)]
    numbers = legibility.table([(viewport.name, legibility.summary(records))])
    assert not found, f"{len(found)} legibility problems at {viewport.name} {viewport.width}×{viewport.height}:\n" \
                      + numbers + "\n".join(found)
