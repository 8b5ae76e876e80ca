"""The Russian edition, built and served like the English one: the same pages
and anchors, no English model text, a language menu that keeps the reader on
the same page, hreflang links, Russian search and the address registry."""

import dataclasses
import html
import re
from pathlib import Path

import pytest
from conftest import ROOT, search
from virtstack import pipeline
from virtstack.addresses import site_addresses
from virtstack.escape import plain_text
from virtstack.model import Text
from virtstack.words import KIND_LABELS, LABELS, SECTION_LABELS, VERDICT_LABELS


def editions(site: Path) -> dict[str, dict[str, str]]:
    """Return {lang: {page path relative to the edition's root: HTML}} for the English and Russian editions."""
    english = {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*.html")
               if not p.relative_to(site).as_posix().startswith("ru/")}
    russian = {p.relative_to(site / "ru").as_posix(): p.read_text() for p in (site / "ru").rglob("*.html")}
    return {"en": english, "ru": russian}


def ids(page: str) -> set[str]:
    """Return every id on a page."""
    return set(re.findall(r'\sid="([^"]+)"', page))


def visible(page: str) -> str:
    """Return what a page shows and says: its text and attribute values, unescaped, without scripts and code blocks."""
    page = re.sub(r"<(script|style|pre)\b.*?</\1>", " ", page, flags=re.S)
    attributes = " ".join(re.findall(r'(?:title|aria-label|alt|content|placeholder)="([^"]*)"', page))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes).split())


def model_texts(value) -> list[Text]:
    """Return every Text in a model, walking its dataclasses, tuples and dicts."""
    if isinstance(value, Text):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in model_texts(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in model_texts(item)]
    return []


def test_every_english_page_and_anchor_has_its_russian_twin(built_site):
    pages = editions(built_site)
    assert sorted(pages["ru"]) == sorted(pages["en"])
    assert len(pages["en"]) > 50
    different = {path: sorted(ids(pages["en"][path]) ^ ids(pages["ru"][path])) for path in pages["en"]}
    assert {path: d for path, d in different.items() if d} == {}


def test_russian_pages_show_no_english_model_text_and_no_english_words(built_site):
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    english = {plain_text(t.en) for t in model_texts(model) if t.en != t.ru}
    for table in (LABELS, KIND_LABELS, VERDICT_LABELS, SECTION_LABELS):
        english |= {plain_text(v) for key, v in table["en"].items() if v != table["ru"][key]}
    # Short names and single words ("Layer", "hypervisor") are checked through longer texts that hold them.
    # Sources keep their own titles, in the language the document is written in.
    titles = " ".join(source.title for source in model.sources)
    phrases = sorted(e[:60] for e in english if " " in e and len(e) >= 12 and e not in titles)
    shown = {path: visible(page) for path, page in editions(built_site)["ru"].items()}
    leaks = sorted({(path, p) for path, text in shown.items() for p in phrases if p in text})
    assert leaks == []
    assert len(phrases) > 500


def test_each_edition_declares_its_language_and_locale(built_site):
    pages = editions(built_site)
    locales = {"en": ("en_US", "ru_RU"), "ru": ("ru_RU", "en_US")}
    for lang in ("en", "ru"):
        own, other = locales[lang]
        for path, page in pages[lang].items():
            assert f'<html lang="{lang}"' in page, (lang, path)
            assert (f'<meta property="og:locale" content="{own}">\n'
                    f'  <meta property="og:locale:alternate" content="{other}">') in page, (lang, path)
    assert "<title>Глоссарий - virtstack</title>" in pages["ru"]["glossary/index.html"]


def test_every_page_links_its_twins_with_hreflang(built_site, site_url):
    for lang, root in (("en", site_url), ("ru", f"{site_url}ru/")):
        for path, page in editions(built_site)[lang].items():
            url = path.removesuffix("index.html")
            expected = (f'<link rel=" alternate" hreflang="en" data-root="{site_url}" href="{site_url}{url}">\n'
                        f'  <link rel=" alternate" hreflang="ru" data-root="{site_url}ru/" href="{site_url}ru/{url}">')
            if path == "404.html":  # not a page to index: no twins to name
                assert 'hreflang="en" data-root' not in page.split("</head>")[0]
                continue
            assert expected in page, (lang, path)
            assert f'<link rel="canonical" href="{root}{url}">' in page, (lang, path)


def test_the_registry_covers_both_editions_and_every_address_resolves(built_site):
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    addresses = site_addresses(model)
    registered = set((ROOT / "diagrams/published.txt").read_text().splitlines())
    assert set(addresses) <= registered
    english = [a for a in addresses if not a.startswith("/ru/")]
    assert sorted(a for a in addresses if a.startswith("/ru/")) == sorted("/ru" + a for a in english)
    for address in addresses:
        path, _, anchor = address.partition("#")
        page = built_site / path.lstrip("/") / "index.html"
        assert page.is_file(), address
        assert not anchor or anchor in ids(page.read_text()), address


def test_robots_txt_names_the_sitemap_of_each_edition(built_site, site_url):
    assert (built_site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\nSitemap: {site_url}ru/sitemap.xml\n")
    assert f"<loc>{site_url}ru/components/kvm/</loc>" in (built_site / "ru/sitemap.xml").read_text()
    assert not (built_site / "ru/robots.txt").exists()


@pytest.mark.browser
def test_the_language_menu_keeps_the_reader_on_the_same_page_and_anchor(page, site_url):
    page.goto(site_url + "components/kvm/")
    page.locator("nav.md-nav--primary a[href$='question/']").first.click()  # instant navigation
    page.wait_for_url(site_url + "question/")
    page.evaluate("location.hash = '#c14'")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang=ru]").click()
    page.wait_for_url(site_url + "ru/question/#c14")
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert page.title() == "Вопрос - virtstack"
    assert page.locator(".md-search__input").get_attribute("placeholder") == "Поиск"
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(site_url + "question/#c14")
    assert page.title() == "The question - virtstack"
    assert page.console_errors == []


@pytest.mark.browser
def test_russian_search_finds_an_inflected_word(page, site_url):
    page.goto(site_url + "ru/")
    search(page, "гипервизорами")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    assert all(href.startswith(site_url + "ru/") for href in (results.evaluate_all("els => els.map(e => e.href)")))
    assert page.locator(".md-search-result__meta").inner_text() != "Совпадений не найдено"
    assert page.console_errors == []


@pytest.mark.browser
def test_a_missing_russian_address_gets_the_russian_not_found_page(page, site_url):
    response = page.goto(site_url + "ru/components/kvmm/")
    assert response.status == 404
    suggestions = page.locator("#vs-suggestions a")
    suggestions.first.wait_for()
    assert page.locator("h1").inner_text() == "Страница не найдена"
    assert suggestions.first.get_attribute("href") == site_url + "ru/components/kvm/"
    assert suggestions.first.inner_text() == "KVM"
