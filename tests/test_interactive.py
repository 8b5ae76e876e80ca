"""The diagrams' behaviour in the real headless Chromium: docs/javascripts/diagrams.js.

Highlight on hover and focus, tooltips, navigation, deep links, filters,
pan and zoom, touch, dark mode, instant navigation and a clean console.
"""

import re

import pytest
from playwright.sync_api import expect

from conftest import TEST_CONTEXT

pytestmark = pytest.mark.browser


def node(page, diagram: str, component: str):
    """Return the node group of a component in a diagram."""
    return page.locator(f"[id='{diagram}--{component}']")


def scale(locator) -> float:
    """Return the scale of an element's CSS transform (1 when it has none)."""
    match = re.search(r"scale\(([0-9.]+)\)", locator.get_attribute("style") or "")
    return float(match.group(1)) if match else 1.0


SCALE_IS = """([selector, op, value]) => {
    const match = /scale\\(([0-9.]+)\\)/.exec(document.querySelector(selector).style.transform);
    const scale = match ? Number(match[1]) : 1;
    return op === ">" ? scale > value : scale === value;
}"""


def wait_for_scale(page, selector: str, op: str, value: float) -> float:
    """Wait (within the page's default timeout) until the element's CSS scale is > or == value; return it.

    Panzoom applies each zoom in the next animation frame, not at the click.
    """
    page.wait_for_function(SCALE_IS, arg=[selector, op, value])
    return scale(page.locator(selector))


def next_frames(page):
    """Wait until the page has drawn two more frames, so work queued for the next frame has run."""
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def classes(locator) -> set[str]:
    """Return the class tokens of an element."""
    return set((locator.get_attribute("class") or "").split())


def has_class(name: str) -> re.Pattern:
    """Return a pattern for expect(...).to_have_class() that matches when the element has this class token."""
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")


def test_hover_highlights_a_node_its_neighbours_and_relations_and_shows_its_tooltip(page, site_url):
    page.goto(site_url)
    node(page, "stack", "qemu").locator("a").hover()
    assert "vs-hl-main" in classes(node(page, "stack", "qemu"))
    assert "vs-hl" in classes(node(page, "stack", "kvm"))
    assert "vs-hl" in classes(node(page, "stack", "libvirt"))
    assert "vs-hl" not in classes(node(page, "stack", "virsh"))
    assert "vs-hl" in classes(page.locator("[id='stack--qemu-uses-kvm']"))
    assert "vs-has-focus" in classes(page.locator("#diagram-stack"))
    tooltip = page.locator("#diagram-stack .vs-tooltip")
    assert tooltip.is_visible() and tooltip.inner_text().startswith("QEMU: ")
    page.mouse.move(1, 1)
    assert "vs-has-focus" not in classes(page.locator("#diagram-stack"))
    assert not tooltip.is_visible()
    assert page.console_errors == []


def test_keyboard_focus_highlights_and_enter_opens_the_page(page, site_url):
    page.goto(site_url)
    link = node(page, "stack", "kvm").locator("a")
    link.focus()
    assert "vs-hl-main" in classes(node(page, "stack", "kvm"))
    assert link.get_attribute("aria-label") == "KVM runs guest code on the CPU"  # what the box shows
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert page.locator("#diagram-stack .vs-tooltip").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "components/kvm/")


def test_relations_show_their_sentence_and_protocol_in_the_tooltip(page, site_url):
    page.goto(site_url)
    page.locator("[id='stack--qemu-uses-kvm'] text").hover()
    assert page.locator("#diagram-stack .vs-tooltip").inner_text() == (
        "QEMU runs guest vCPUs through KVM (ioctls on /dev/kvm, such as KVM_RUN)")
    # On a component's page a neighbour's tooltip says how it relates to the component.
    page.goto(site_url + "components/qemu/")
    node(page, "near-qemu", "kvm").locator("a").hover()
    assert page.locator("#diagram-near-qemu .vs-tooltip").inner_text() == (
        "QEMU runs guest vCPUs through KVM (ioctls on /dev/kvm, such as KVM_RUN)")


def test_deep_link_highlights_the_node_and_scrolls_it_into_view(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(site_url + "#show=kvm")
    target = node(page, "stack", "kvm")
    assert "vs-hl-main" in classes(target)
    box = target.bounding_box()
    assert 0 <= box["y"] <= 500
    assert page.locator("#diagram-stack .vs-tooltip").inner_text().startswith("KVM: ")


def test_deep_link_to_a_component_of_another_stack_opens_that_stacks_picture(page, site_url):
    page.goto(site_url + "#show=virtualbox")
    target = node(page, "alternatives-virtualbox", "virtualbox")
    page.wait_for_function("document.querySelector(\"[id='alternatives-virtualbox--virtualbox']\") !== null")
    assert "vs-hl-main" in classes(target)
    assert page.get_by_role("button", name="VirtualBox", exact=True).get_attribute("aria-pressed") == "true"


def test_filters_hide_layers_and_show_one_stack(page, site_url):
    page.goto(site_url)
    page.locator(".vs-filters summary").click()
    page.get_by_label("Kernel or hypervisor").uncheck()
    assert not node(page, "stack", "kvm").is_visible()
    assert not page.locator("[id='stack--qemu-uses-kvm']").is_visible()
    assert node(page, "stack", "qemu").is_visible()
    page.get_by_label("Kernel or hypervisor").check()
    # The other stacks: each button swaps in that stack's picture from the compare page.
    page.get_by_role("button", name="Xen", exact=True).click()
    node(page, "alternatives-xen", "xen").wait_for()
    visible = {c for c in ("xen", "qemu", "libvirt", "kvm", "virtualbox") if node(page, "alternatives-xen", c).is_visible()}
    assert visible == {"xen", "qemu", "libvirt"}
    assert not node(page, "stack", "kvm").is_visible()
    node(page, "alternatives-xen", "xen").locator("a").hover()
    assert "vs-hl-main" in classes(node(page, "alternatives-xen", "xen"))
    page.get_by_role("button", name="KVM and QEMU").click()
    assert node(page, "stack", "kvm").is_visible()
    assert page.console_errors == []


def test_zoom_buttons_and_ctrl_wheel_zoom_inside_the_diagram_only(page, site_url):
    page.goto(site_url)
    selector = "#diagram-stack .vs-canvas"
    svg = page.locator(selector)
    page.get_by_role("button", name="Zoom in").first.click()
    assert wait_for_scale(page, selector, ">", 1.2) > 1.2
    page.get_by_role("button", name="Reset zoom").first.click()
    assert wait_for_scale(page, selector, "==", 1) == 1
    svg.hover()
    before = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 300)
    page.wait_for_function(f"window.scrollY > {before}")
    next_frames(page)  # a zoom by this wheel would have been applied by now
    assert scale(svg) == 1
    svg.hover()
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    assert wait_for_scale(page, selector, ">", 1) > 1


def test_touch_first_tap_shows_the_node_second_tap_opens_it(browser, site_url):
    context = browser.new_context(**TEST_CONTEXT, viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url)
    assert not node(page, "stack", "kvm").is_visible(), "a phone shows the narrow picture"
    link = node(page, "stack-narrow", "kvm").locator("a")
    link.scroll_into_view_if_needed()
    link.tap()
    # The browser makes a click of the touch after tap() returns: wait for what the click does.
    expect(node(page, "stack-narrow", "kvm")).to_have_class(has_class("vs-hl-main"))
    expect(page.locator("#diagram-stack .vs-tooltip")).to_be_visible()
    assert page.url == site_url
    link.tap()
    page.wait_for_url(site_url + "components/kvm/")
    context.close()


def contrast(page, selector: str) -> float:
    """Return the WCAG contrast ratio of a node's label against its fill."""
    return page.evaluate("""(selector) => {
        const group = document.querySelector(selector);
        const rgb = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        const text = lum(rgb(getComputedStyle(group.querySelector('text')).fill));
        const fill = lum(rgb(getComputedStyle(group.querySelector('path, polygon')).fill));
        return (Math.max(text, fill) + 0.05) / (Math.min(text, fill) + 0.05);
    }""", selector)


def test_dark_mode_recolours_the_same_svg_and_keeps_labels_readable(browser, site_url):
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(**TEST_CONTEXT, color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url)
        for component in ("kvm", "qemu", "libvirt", "virsh", "vt-x"):
            assert contrast(page, f"[id='stack--{component}']") >= 4.5, (scheme, component)
        fills[scheme] = page.evaluate("getComputedStyle(document.querySelector(`[id='stack--kvm'] path`)).fill")
        context.close()
    assert fills["light"] != fills["dark"]


def test_diagrams_keep_working_after_instant_navigation(page, site_url):
    page.goto(site_url)
    page.evaluate("window.vsMarker = 'still here'")
    page.get_by_role("link", name="Components").first.click()
    page.wait_for_url(site_url + "components/")
    page.locator("article").get_by_role("link", name="QEMU", exact=True).first.click()
    page.wait_for_url(site_url + "components/qemu/")
    assert page.evaluate("window.vsMarker") == "still here", "the page was reloaded, not swapped"
    page.locator("#diagram-near-qemu[data-ready]").wait_for()  # diagrams.js has set the swapped-in diagram up
    node(page, "near-qemu", "kvm").locator("a").hover()
    assert "vs-hl-main" in classes(node(page, "near-qemu", "kvm"))
    assert page.console_errors == []


def test_no_console_errors_on_any_page(page, site_url, built_site):
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        page.goto(site_url + ("" if path == "." else path + "/"))
    assert page.console_errors == []


def test_timeline_events_show_their_tooltip_on_hover(page, site_url):
    page.goto(site_url + "timeline/")
    page.locator("[id='timeline--kvm-in-linux-2-6-20'], #diagram-timeline g.node.event").first.hover()
    tooltip = page.locator("#diagram-timeline .vs-tooltip").inner_text()
    assert re.match(r"(\d{1,2}\s)?([A-Z][a-z]+\s)?\d{4}:", tooltip), tooltip  # '10 February 1998: …'
