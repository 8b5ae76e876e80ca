"""Tests for urls.py: every path, address and link the site publishes, from one module."""

import pytest

from virtstack import urls


def test_page_url_follows_directory_urls():
    assert [urls.page_url(p) for p in ("index.md", "question.md", "questions/index.md", "components/kvm.md")] == [
        "", "question/", "questions/", "components/kvm/"]


def test_entity_at_reads_an_entity_page_address_back():
    addresses = ["components/kvm/", "questions/qemu-kvm/", "views/xen/", "components/", "questions/", "question/",
                 "", "components/kvm/near-kvm.svg", "components/a/b/"]
    assert [urls.entity_at(a) for a in addresses] == [("component", "kvm"), ("question", "qemu-kvm"), ("view", "xen"),
                                                      None, None, None, None, None, None]


def test_entity_pages_and_anchors():
    assert [urls.component_page("kvm"), urls.question_page("qemu-kvm"), urls.view_page("xen"),
            urls.view_page("stack", home=True), urls.anchor(urls.component_page("kvm"), "qemu-uses-kvm"),
            urls.anchor(urls.GLOSSARY, "tcg")] == [
        "components/kvm.md", "questions/qemu-kvm.md", "views/xen.md", "index.md", "components/kvm/#qemu-uses-kvm",
        "glossary/#tcg"]


def test_files_beside_a_page_go_into_its_folder():
    assert [urls.beside("index.md", "stack.svg"), urls.beside("components/kvm.md", "near-kvm.svg"),
            urls.preview("components/index.md"), urls.preview("index.md"), urls.preview_at("about/"),
            urls.redirect_file("components/old.md")] == [
        "stack.svg", "components/kvm/near-kvm.svg", "components/preview.png", "preview.png", "about/preview.png",
        "components/old/index.html"]


@pytest.mark.parametrize(("page", "root"), [
    ("index.md", ""), ("layers.md", "../"), ("components/index.md", "../"), ("components/kvm.md", "../../")])
def test_page_root_matches_directory_urls(page, root):
    assert urls.page_root(page) == root


@pytest.mark.parametrize(("page", "target", "expected"), [
    ("index.md", "components/kvm.md", "components/kvm.md"),
    ("components/qemu.md", "components/kvm.md", "kvm.md"),
    ("components/qemu.md", "layers.md", "../layers.md")])
def test_link_is_relative_to_the_page_source(page, target, expected):
    assert urls.link(page, target) == expected


@pytest.mark.parametrize(("page", "target", "expected"), [
    ("components/old.md", "components/kvm.md", "../kvm/"), ("index.md", "layers.md", "layers/"),
    ("questions/a.md", "index.md", "../../"), ("index.md", "index.md", "./")])
def test_relative_address_is_what_a_browser_resolves_from_the_page(page, target, expected):
    assert urls.relative_address(page, target) == expected


def test_editions_and_absolute_addresses():
    assert [urls.edition_root("en"), urls.edition_root("ru"), urls.edition_url("https://x.org/", "en"),
            urls.edition_url("https://x.org/", "ru"), urls.absolute("https://x.org/ru/", "components/kvm.md")] == [
        "/", "/ru/", "https://x.org/", "https://x.org/ru/", "https://x.org/ru/components/kvm/"]


def test_an_issue_codes_row_in_the_model_reference():
    assert urls.anchor(urls.REFERENCE, urls.issue_anchor("unknown-ref")) == "reference/#issue-unknown-ref"
