"""Forum-ready links: link-preview tags and images, copy buttons, robots.txt, sitemap, 404 suggestions."""

import re
import struct

import pytest

from virtstack.render_pages import page_url


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
    for address in [a for a in pages if a.startswith(("components/", "questions/")) and a.count("/") == 1] + [""]:
        image = meta(pages[address], "og:image")
        png = (built_site / image.removeprefix(site_url)).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", address
        assert struct.unpack(">II", png[16:24]) == (1200, 630), address


def test_robots_txt_points_at_the_sitemap_which_lists_the_pages(built_site, site_url):
    assert (built_site / "robots.txt").read_text().startswith(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")
    sitemap = (built_site / "sitemap.xml").read_text()
    assert f"<loc>{site_url}components/kvm/</loc>" in sitemap
    assert f"<loc>{site_url}questions/qemu-kvm/</loc>" in sitemap


def test_page_url_follows_directory_urls():
    assert [page_url(p) for p in ("index.md", "question.md", "questions/index.md", "components/kvm.md")] == [
        "", "question/", "questions/", "components/kvm/"]


@pytest.mark.browser
def test_copy_buttons_put_the_link_and_the_short_answer_on_the_clipboard(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "questions/qemu-kvm/")
    box = page.locator(".vs-copy").first
    box.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "questions/qemu-kvm/"
    box.get_by_role("button", name="Copy as Markdown").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("qemu-kvm is QEMU using KVM")
    assert copied.endswith(f"\n\n— [What is qemu-kvm, and why would I need it if I can use KVM on its own?]({site_url}questions/qemu-kvm/)")
    page.goto(site_url + "question/")
    page.locator("#c14 ~ .vs-copy").first.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "question/#c14"
    context.close()


@pytest.mark.browser
def test_not_found_page_suggests_the_nearest_pages(page, site_url):
    response = page.goto(site_url + "components/kvn/")
    assert response.status == 404
    first = page.locator("#vs-suggestions a").first
    first.wait_for()
    assert first.inner_text() == "KVM"
    assert first.get_attribute("href") == site_url + "components/kvm/"
