"""Tests for csp.py: every page carries a Content-Security-Policy that lets its own scripts run and nothing else."""

import re

import pytest
from playwright.sync_api import expect

from conftest import REPORT_CSP_VIOLATIONS, csp_violations, search
from virtstack import csp
from virtstack.csp import inline_scripts, policy, with_policy

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script>var a=1</script>
    <script defer src="assets/x.js"></script>
    <script id="__config" type="application/json">{"b": 2}</script>
  </head>
  <body><script>go()</script></body>
</html>
"""
# sha256 of "var a=1" and of "go()", base64 (printf '%s' 'var a=1' | openssl dgst -sha256 -binary | base64).
HASHES = "'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw=' 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"
REST = ("style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'")


def test_inline_scripts_are_those_a_browser_runs():
    assert inline_scripts(PAGE) == ["var a=1", "go()"]


def test_the_policy_lists_every_inline_script_hash_sorted_and_nothing_else_may_run():
    hashes = " ".join(sorted(HASHES.split(" ")))
    assert policy({"index.html": PAGE}) == f"default-src 'self'; script-src 'self' {hashes}; {REST}"


def test_the_policy_comes_right_after_the_charset_and_replaces_an_earlier_one():
    once = with_policy({"index.html": PAGE, "about/index.html": "<html><head><title>x</title></head></html>"})
    expected = f'<meta http-equiv="Content-Security-Policy" content="{policy({"index.html": PAGE})}">'
    assert once["index.html"].startswith(f'<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n  {expected}\n')
    assert once["about/index.html"] == f"<html><head>\n  {expected}<title>x</title></head></html>"
    assert with_policy(once) == once


def built_pages(site):
    """Return {path: HTML} of every page of both editions of a built site."""
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*.html"))}


def test_every_built_page_has_one_policy_before_its_first_script_that_admits_its_inline_scripts(built_site):
    pages = built_pages(built_site)
    assert {"index.html", "404.html", "ru/index.html", "ru/404.html", "components/kvm/index.html"} <= set(pages)
    for path, html in pages.items():
        tags = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(tags) == 1, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        allowed = set(re.search(r"script-src ([^;]*)", tags[0])[1].split())
        assert {csp._hash(script) for script in inline_scripts(html)} <= allowed, path
        assert "'unsafe-eval'" not in tags[0] and "'unsafe-inline'" not in tags[0].split("script-src")[1].split(";")[0]


@pytest.mark.browser
def test_every_feature_runs_under_the_policy(browser, site_url):
    """Search, instant navigation, palette, diagrams, copy buttons and the language menu, with the policy in force.

    Only locator waits here: Playwright's wait_for_function polls with eval(),
    which the policy rightly refuses.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(site_url)
        search(page, "libvirt")
        page.locator(".md-search-result__item").first.wait_for()
        page.keyboard.press("Escape")
        page.get_by_role("link", name="Components").first.click()  # instant navigation, to a page one level down
        page.wait_for_url(site_url + "components/")
        page.locator("article").get_by_role("link", name="QEMU", exact=True).first.click()
        page.wait_for_url(site_url + "components/qemu/")
        page.get_by_role("button", name="Zoom in").first.click()
        expect(page.locator(".vs-canvas").first).to_have_attribute("style", re.compile(r"scale\((?!1\))"))
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
        page.goto(site_url + "questions/qemu-kvm/")
        button = page.locator(".vs-copy button[data-copy=link]").first
        label = button.inner_text()
        button.click()
        expect(button).not_to_have_text(label)  # it says the link was copied
        page.locator(".md-select").hover()
        page.locator(".md-select__link[hreflang=ru]").click()
        page.wait_for_url(site_url + "ru/questions/qemu-kvm/")
        search(page, "гипервизор")
        page.locator(".md-search-result__item").first.wait_for()
    finally:
        context.close()
    assert (csp_violations(errors), errors) == ([], [])
