"""What a reader sees and clicks, in the real headless Chromium."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_shows_the_stack_diagram_with_a_node_per_component(page, site_url):
    page.goto(site_url)
    diagram = page.locator("#diagram-stack svg[data-variant='wide']")
    assert diagram.is_visible()
    box = diagram.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    twin = page.locator("#diagram-stack-words + ul a").count()
    assert twin == 9 and diagram.locator("g.node.component").count() == twin
    assert page.console_errors == []


def test_clicking_a_node_opens_its_component_page(page, site_url):
    page.goto(site_url)
    page.locator("[id='stack--kvm'] a").click()
    page.wait_for_url(site_url + "components/kvm/")
    assert page.title() == "KVM - virtstack"
    assert page.locator("#diagram-near-kvm svg[data-variant='wide']").is_visible()
    assert page.console_errors == []


def test_component_page_diagram_links_to_neighbours_and_relations(page, site_url):
    page.goto(site_url + "components/kvm/")
    page.locator("[id='near-kvm--qemu'] a").click()
    page.wait_for_url(site_url + "components/qemu/")
    assert page.locator("#diagram-near-qemu svg[data-variant='wide'] .band-title text").first.text_content() == (
        "Started and")
    page.goto(site_url)
    page.locator("[id='stack--qemu-uses-kvm'] text").click()
    page.wait_for_url(site_url + "components/qemu/#qemu-uses-kvm")
    assert page.locator("#qemu-uses-kvm").is_visible()


def test_every_node_link_on_every_component_page_resolves(page, site_url):
    page.goto(site_url + "components/")
    pages = page.locator("article table a[href$='/']").evaluate_all("els => els.map(e => e.href)")
    component_pages = sorted({p for p in pages if "/components/" in p})
    assert len(component_pages) >= 9
    for url in component_pages:
        response = page.goto(url)
        assert response.status == 200
        hrefs = page.locator(".vs-diagram a").evaluate_all(
            "els => els.map(e => new URL(e.getAttribute('href') || e.getAttribute('xlink:href'), location.href).href)")
        for href in hrefs:
            assert page.request.get(href.split("#")[0]).status == 200, (url, href)
    assert page.console_errors == []
