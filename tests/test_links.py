"""Forum-ready links: link-preview tags and images, copy buttons, robots.txt, sitemap, 404 suggestions."""

import re
import struct

import pytest

from conftest import TEST_CONTEXT



def pages_of(site):
    """Return every built page's address and HTML."""
    return {p.parent.relative_to(site).as_posix().removeprefix("."): p.read_text()
            for p in sorted(site.rglob("index.html")) if "http-equiv=\"refresh\"" not in p.read_text()[:600]}


def meta(html: str, key: str) -> str | None:
    """Return the content of a meta tag by property or name."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_every_page_has_a_title_description_canonical_url_and_preview_tags(built_site, site_url):
    pages = pages_of(built_site)
    assert len(pages) > 40
    for address, html in pages.items():
        url = site_url + (address + "/" if address else "")
        assert f'<link rel="canonical" href="{url}">' in html, address
        assert meta(html, "og:url") == url, address
        assert meta(html, "og:title") and meta(html, "twitter:title"), address
        assert meta(html, "description") and meta(html, "og:description") == meta(html, "description"), address


def test_components_and_answers_share_their_own_summary_and_picture(built_site, site_url):
    pages = pages_of(built_site)
    kvm = pages["components/kvm"]
    assert meta(kvm, "og:title") == "KVM - virtstack"
    assert meta(kvm, "og:description").startswith("The Linux kernel&#39;s virtualization module")
    assert meta(kvm, "og:image") == site_url + "components/kvm/preview.png"
    assert meta(pages["questions/qemu-kvm"], "og:description").startswith("qemu-kvm is QEMU using KVM")
    assert meta(pages[""], "twitter:card") == "summary_large_image"
    # Every page of both editions has a preview image of its own: its diagram, or a card with its title.
    images = {address: meta(html, "og:image") for address, html in pages.items() if address != "404.html"}
    assert None not in images.values(), [a for a, image in images.items() if image is None]
    assert len(set(images.values())) == len(images)
    for address, image in images.items():
        png = (built_site / image.removeprefix(site_url)).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", address
        assert struct.unpack(">II", png[16:24]) == (1200, 630), address
    assert meta(pages["glossary"], "og:image") == site_url + "glossary/preview.png"
    assert meta(pages["ru/about"], "og:image") == site_url + "ru/about/preview.png"


def test_robots_txt_points_at_the_sitemap_which_lists_the_pages(built_site, site_url):
    assert (built_site / "robots.txt").read_text().startswith(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")
    sitemap = (built_site / "sitemap.xml").read_text()
    assert f"<loc>{site_url}components/kvm/</loc>" in sitemap
    assert f"<loc>{site_url}questions/qemu-kvm/</loc>" in sitemap


COPY_WAIT_MS = 10_000  # bound on waiting for a copy button's text; its own timers run 2 s and 5 s


def wait_for_text(button, text: str):
    """Wait, at most COPY_WAIT_MS, until the button says exactly `text`."""
    button.page.wait_for_function("([b, t]) => b.textContent === t", arg=[button.element_handle(), text],
                                  timeout=COPY_WAIT_MS)


@pytest.mark.browser
def test_copy_buttons_put_the_link_and_the_short_answer_on_the_clipboard(browser, site_url):
    context = browser.new_context(**TEST_CONTEXT, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "questions/qemu-kvm/")
    box = page.locator(".vs-copy").first
    link, markdown = box.locator("button[data-copy=link]"), box.locator("button[data-copy=markdown]")
    assert link.inner_text() == "Copy link" and markdown.inner_text() == "Copy as Markdown"
    link.click()
    wait_for_text(link, "Copied")  # the write has settled
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "questions/qemu-kvm/"
    markdown.click()
    wait_for_text(markdown, "Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("qemu-kvm is QEMU using KVM")
    assert copied.endswith(f"\n\n— [What is qemu-kvm, and why not use KVM alone?]({site_url}questions/qemu-kvm/)")
    page.goto(site_url + "question/")
    link = page.locator("#c14 ~ .vs-copy").first.locator("button[data-copy=link]")
    link.click()
    wait_for_text(link, "Copied")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "question/#c14"
    context.close()


# Counts the clipboard writes that have settled, so a test knows a click's handler has run to its end.
COUNT_WRITES = """
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    window.vsWrites = 0;
    navigator.clipboard.writeText = (text) => write(text).then(() => { window.vsWrites += 1; });
"""


@pytest.mark.browser
def test_a_second_click_while_it_says_copied_restarts_its_timer_and_ends_on_the_label(browser, site_url):
    context = browser.new_context(**TEST_CONTEXT, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(COUNT_WRITES)
    page = context.new_page()
    page.clock.install()
    page.goto(site_url + "questions/qemu-kvm/")
    page.clock.pause_at(page.evaluate("Date.now()") + 10)  # from here on only run_for moves the page's time
    link = page.locator(".vs-copy").first.locator("button[data-copy=link]")
    link.click()
    page.wait_for_function("window.vsWrites === 1", timeout=COPY_WAIT_MS)
    assert link.inner_text() == "Copied"
    page.clock.run_for(1000)
    link.click()
    page.wait_for_function("window.vsWrites === 2", timeout=COPY_WAIT_MS)
    page.clock.run_for(1500)  # 2.5 s after the first click, 1.5 s after the second
    assert link.inner_text() == "Copied"
    page.clock.run_for(5000)  # every timer the clicks started has run
    assert link.inner_text() == "Copy link"
    assert page.locator(".vs-copy").first.get_attribute("aria-live") == "polite"
    context.close()


# Counts the clipboard writes the page refused, so a test knows a click's handler has run to its end.
REFUSE_WRITES = """
    window.vsRefused = 0;
    navigator.clipboard.writeText = () => {
      window.vsRefused += 1;
      return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    };
"""


@pytest.mark.browser
@pytest.mark.parametrize(("edition", "label", "failed"), [("", "Copy link", "Could not copy"),
                                                          ("ru/", "Скопировать ссылку", "Не удалось скопировать")])
def test_a_refused_clipboard_says_so_on_the_button_in_the_pages_language_then_its_label_returns(
        browser, site_url, edition, label, failed):
    context = browser.new_context(**TEST_CONTEXT)
    context.add_init_script(REFUSE_WRITES)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install()
    page.goto(site_url + edition + "questions/qemu-kvm/")
    page.clock.pause_at(page.evaluate("Date.now()") + 10)  # from here on only run_for moves the page's time
    box = page.locator(".vs-copy").first
    link = box.locator("button[data-copy=link]")
    assert link.inner_text() == label
    link.click()
    page.wait_for_function("window.vsRefused === 1", timeout=COPY_WAIT_MS)
    wait_for_text(link, failed)  # the rejection settles a microtask after the write
    assert link.is_visible() and box.get_attribute("aria-live") == "polite"
    page.clock.run_for(4900)
    assert link.inner_text() == failed
    page.clock.run_for(200)  # 5 s: back to its label
    assert link.inner_text() == label
    assert errors == []
    context.close()


@pytest.mark.browser
def test_not_found_page_suggests_the_nearest_pages(page, site_url):
    response = page.goto(site_url + "components/kvn/")
    assert response.status == 404
    first = page.locator("#vs-suggestions a").first
    first.wait_for()
    assert first.inner_text() == "KVM"
    assert first.get_attribute("href") == site_url + "components/kvm/"
