"""Tests for typography.py: non-breaking spaces in the text of Russian pages, and nothing else changed.

In the expected strings "~" stands for U+00A0, so that they can be read.
"""

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

import mkdocs_editions
import mkdocs_hooks
import zensical_build
from virtstack.typography import typeset, typeset_pages

from conftest import ROOT


def nb(text: str) -> str:
    """Return text with each "~" as a non-breaking space."""
    return text.replace("~", "\u00a0")


@pytest.mark.parametrize(("html", "expected"), [
    # the brief's example: short words, a number and its unit, the dash; code stays as it is
    ("<p>Вышел в 2007 г. — в составе Linux 2.6.20 и <code>в коде</code></p>",
     "<p>Вышел в~2007~г.~— в~составе Linux 2.6.20~и~<code>в коде</code></p>"),
    # one- and two-letter words, capitalised too, keep the word after them
    ("<p>В ядре и в QEMU, а не из-за него, по сути к KVM</p>",
     "<p>В~ядре и~в~QEMU, а~не~из-за~него, по~сути к~KVM</p>"),
    # «же», «ли», «бы» keep the word before them
    ("<p>Так ли это? Он же знал, что было бы лучше.</p>", "<p>Так~ли это? Он~же знал, что было~бы лучше.</p>"),
    # a number keeps its unit, a month, a short word; «%» gets its space
    ("<p>15 мая, 107 млн строк, 60% и 15 % коммитов, 2 ГБ, Linux 2.6.20 в составе</p>",
     "<p>15~мая, 107~млн строк, 60~% и~15~% коммитов, 2~ГБ, Linux 2.6.20~в~составе</p>"),
    # initials stay with the name; «т. е.» and «№ 5» stay whole
    ("<p>Дэниел П. Берранже, т. е. автор № 5</p>", "<p>Дэниел П.~Берранже, т.~е. автор №~5</p>"),
    # an inline element does not interrupt a rule; a dash after a link still gets its space
    ('<p>и <a href="#kvm">в</a> <em>ядре</em>, <a href="#x">KVM</a> — модуль</p>',
     '<p>и~<a href="#kvm">в</a>~<em>ядре</em>, <a href="#x">KVM</a>~— модуль</p>'),
    # entities count as text: an &mdash; gets its space, an &nbsp; is already one
    ("<p>KVM &mdash; модуль, в&nbsp;ядре, &laquo;и в&raquo;</p>", "<p>KVM~&mdash; модуль, в&nbsp;ядре, &laquo;и~в&raquo;</p>"),
    # a line break inside a paragraph is a space; a run of spaces is left alone
    ("<p>работает в\nядре, и  в</p>", "<p>работает в~ядре, и  в</p>"),
])
def test_typeset_puts_non_breaking_spaces_where_russian_print_does(html, expected):
    assert typeset(html) == nb(expected)


@pytest.mark.parametrize("html", [
    '<p title="и в ядре" data-text="15 %">KVM</p>',  # attributes
    "<p>KVM<!-- и в ядре --></p>",  # comments
    "<pre>и в ядре\nи — да</pre>", "<p><kbd>и в</kbd><samp>и в</samp><code>в 2007 г.</code></p>",  # code
    '<svg viewBox="0 0 10 10"><text>и в ядре</text><a href="#x"><text>KVM — модуль</text></a></svg>',  # diagrams
    '<script>var s = "и в ядре — 15%";</script><style>p::after { content: "и в"; }</style>',
    "<head><title>и в ядре — 15%</title></head>",
    "<ul>\n<li>и</li>\n<li>в</li>\n</ul>", "<p>и<br>\nв</p>", "<td>в</td> <td>ядре</td>",  # the end of a block
])
def test_typeset_leaves_code_attributes_comments_svg_scripts_and_block_ends_alone(html):
    assert typeset(html) == html


def test_typeset_changes_only_the_text_of_a_whole_page():
    page = ('<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><title>KVM — модуль ядра</title>'
            '<script>var a = "и в";</script></head>\n<body><h1 id="top">KVM и QEMU</h1>'
            '<div class="vs-diagram"><svg><text>и в ядре</text></svg></div>\n'
            '<p>Впервые вышел в <time datetime="2007-02">феврале 2007 г.</time> — в составе Linux 2.6.20.</p>\n'
            "</body></html>\n")
    assert typeset(page) == nb(
        '<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><title>KVM — модуль ядра</title>'
        '<script>var a = "и в";</script></head>\n<body><h1 id="top">KVM и~QEMU</h1>'
        '<div class="vs-diagram"><svg><text>и в ядре</text></svg></div>\n'
        '<p>Впервые вышел в~<time datetime="2007-02">феврале 2007~г.</time>~— в~составе Linux 2.6.20.</p>\n'
        "</body></html>\n")


@pytest.mark.parametrize("html", [
    "<p>Вышел в 2007 г. — в составе Linux 2.6.20 и <code>в коде</code></p>",
    "<p>и в — а к у о с 15% 15 % П. Б. т. е. № 5 ли же бы и <b>в</b> <i>KVM</i> — и\nв</p>",
    "<p>в в в в в 1 2 3 г. 4 %% 5%</p>",
])
def test_typeset_twice_is_typeset_once(html):
    once = typeset(html)
    assert typeset(once) == once


def test_typeset_pages_typesets_every_page():
    assert typeset_pages({"index.html": "<p>и в</p>", "ru/a.html": "<p>KVM — да</p>"}) == {
        "index.html": nb("<p>и~в</p>"), "ru/a.html": nb("<p>KVM~— да</p>")}


def test_the_mkdocs_hook_and_the_zensical_build_typeset_the_russian_edition_only(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>и в ядре</p></body></html>'
    typeset = page.replace("и в ядре", nb("и~в~ядре"))
    for lang in ("en", "ru"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "index.html").write_text(page, encoding="utf-8")
        zensical_build.typeset(lang, tmp_path / lang)
    config = {lang: SimpleNamespace(theme={"language": lang}) for lang in ("en", "ru")}
    assert [mkdocs_hooks.on_post_page(page, None, config[lang]) for lang in ("en", "ru")] == [page, typeset]
    assert [mkdocs_hooks.on_post_template(page, "404.html", config[lang]) for lang in ("en", "ru")] == [page, typeset]
    assert mkdocs_hooks.on_post_template("<p>и в</p>", "sitemap.xml", config["ru"]) == "<p>и в</p>"
    assert [(tmp_path / lang / "index.html").read_text(encoding="utf-8") for lang in ("en", "ru")] == [page, typeset]


def test_the_mkdocs_hook_typesets_a_russian_edition_s_generated_html_and_its_problems_banner(monkeypatch):
    """A redirect page is a generated HTML file, not a page; the serve banner is typeset with the page it tops."""
    config = load_config(str(ROOT / "mkdocs.ru.yml"))
    hook = next(iter(config.hooks.values()))  # the hook as MkDocs loaded it for this config
    monkeypatch.setattr(hook, "_generated", {"old/index.html": "<p>и в</p>", "old.svg": "<svg>и в</svg>"})
    files = config.plugins.on_files(Files([]), config=config)
    assert [files.get_file_from_path(path).content_string for path in ("old/index.html", "old.svg")] == [
        nb("<p>и~в</p>"), "<svg>и в</svg>"]
    monkeypatch.setattr(hook, "_problems", ["x.yaml:1:1: error: и в [bad-type]"])
    page = "<html><body><p>и в</p></body></html>"
    assert hook.on_post_page(page, None, config) == typeset(
        mkdocs_editions.with_problems(page, ["x.yaml:1:1: error: и в [bad-type]"], "ru"))
