"""Tests for dates.py and the pages' dates: the model's ISO dates as English and Russian readers write them."""

import re

import pytest

from virtstack import pipeline
from virtstack.dates import date_text, date_when

from conftest import FIXTURES


@pytest.mark.parametrize(("date", "lang", "text"), [
    ("1998-02-10", "en", "10 February 1998"),
    ("2003-03", "en", "March 2003"),
    ("1998", "en", "1998"),
    ("2026-05-01", "en", "1 May 2026"),
    ("1998-02-10", "ru", "10 февраля 1998 г."),
    ("2003-03", "ru", "март 2003 г."),
    ("1998", "ru", "1998 г."),
    ("2019-09-03", "ru", "3 сентября 2019 г."),
])
def test_a_date_reads_as_words_in_each_language(date, lang, text):
    assert date_text(date, lang) == text


def test_a_date_that_starts_an_entry_is_capitalised():
    assert [date_text(d, lang, start=True) for d in ("2003-03", "2007-02-13") for lang in ("en", "ru")] == [
        "March 2003", "Март 2003 г.", "13 February 2007", "13 февраля 2007 г."]


def test_a_date_after_a_verb_takes_its_preposition_and_case():
    assert [date_when(d, lang) for lang in ("en", "ru") for d in ("2026-05-01", "2026-05", "2026")] == [
        "on 1 May 2026", "in May 2026", "in 2026", "1 мая 2026 г.", "в мае 2026 г.", "в 2026 г."]


def test_the_russian_timeline_writes_its_dates_in_words_and_keeps_years_as_headings(answers_dir):
    page = pipeline.build(answers_dir, answers_dir.parent, lang="ru")["timeline.md"]
    entries = [line for line in page.splitlines() if line.startswith(("## 2", "- <a id"))]
    assert entries == [
        "## 2003 {#y2003}",
        '- <a id="qemu-first"></a>**<time datetime="2003">2003 г\\.</time>**: Первый выпуск QEMU, эмулятор '
        "пользовательского режима\\. <sup>[\\[1\\]](#source-readme)</sup>",
        "## 2007 {#y2007}",
        '- <a id="kvm-ships"></a>**<time datetime="2007-02">Февраль 2007 г\\.</time>**: KVM входит в Linux\\. '
        "([KVM](components/kvm.md)) <sup>[\\[2\\]](#source-api)</sup>",
    ]


def test_the_timeline_diagram_labels_its_events_with_dates_in_words(answers_dir):
    page = pipeline.build(answers_dir, answers_dir.parent, lang="ru")["timeline.md"]
    assert "Февраль\u00a02007\u00a0г.: KVM входит в Linux." in page  # a date in a box never breaks
    assert not re.search(r">\s*2007-02", page)


def test_a_first_release_row_starts_with_its_date_in_words(model_dir):
    components = (FIXTURES / "valid" / "components.yaml").read_text(encoding="utf-8").replace(
        "    sources: [api]\n", '    sources: [api]\n    first_release:\n      date: "2007-02"\n'
        '      text: {en: "First shipped in Linux 2.6.20.", ru: "Впервые вышел в составе Linux 2.6.20."}\n'
        "      sources: [api]\n", 1)
    folder = model_dir({"components.yaml": components})
    rows = {lang: [line for line in pipeline.build(folder, folder.parent, lang=lang)["components/kvm.md"].splitlines()
                   if line.startswith(("| First", "| Первый"))] for lang in ("en", "ru")}
    assert rows == {
        "en": ['| First release | <time datetime="2007-02">February 2007</time>: First shipped in Linux 2\\.6\\.20\\. '
               "<sup>[\\[1\\]](#source-api)</sup> |"],
        "ru": ['| Первый выпуск | <time datetime="2007-02">Февраль 2007 г\\.</time>: Впервые вышел в составе Linux '
               "2\\.6\\.20\\. <sup>[\\[1\\]](#source-api)</sup> |"],
    }


def test_a_russian_removal_date_ends_its_sentence_with_one_full_stop(model_dir):
    retired = ('retired:\n  - {id: kvmtool, kind: component, date: "2026-05", reason: {en: Gone., ru: Удалено.}}\n'
               '  - {id: kvmtool-uses-kvm, kind: relation, date: "2026-05-01", reason: {en: Gone., ru: Удалена.}}\n')
    folder = model_dir({"retired.yaml": retired})
    pages = pipeline.build(folder, folder.parent, lang="ru")
    assert "Эта страница удалена в мае 2026 г\\. Причина:" in pages["components/kvmtool.md"]
    assert "</code>: удалено 1 мая 2026 г\\. Удалена\\." in pages["components/kvm.md"]
