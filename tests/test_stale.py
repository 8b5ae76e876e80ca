"""Facts that keep their date: `checked` on sources, `as_of` on facts that can go stale, and the [stale] warning.

`make check` warns, with the location, about a source last checked or a fact
last found true more than 18 months (counted in whole months) before today;
today comes from $VIRTSTACK_TODAY in tests. A build never looks at the date,
so the site does not depend on the day it is made. The pages show both dates.
"""

import contextlib
import datetime
import io

import cli
import pytest

from virtstack import pipeline
from virtstack.load import load_documents
from virtstack.issues import format_issue
from virtstack.render_pages import render_pages
from virtstack.validate import validate_model

from conftest import FIXTURES, ROOT

SOURCES = (FIXTURES / "valid/sources.yaml").read_text()
COMPONENTS = (FIXTURES / "valid/components.yaml").read_text()
VIEWS = (FIXTURES / "valid/views.yaml").read_text()
SVGS = {("index.md", "stack"): "<svg>stack</svg>", ("components/kvm.md", "near-kvm"): "<svg>kvm</svg>",
        ("components/qemu.md", "near-qemu"): "<svg>q</svg>", ("components/virsh.md", "near-virsh"): "<svg>v</svg>"}
# The fixture with an old source check, old package names and an old statement.
PLANTED = {
    "sources.yaml": SOURCES.replace('checked: "2026-11"', 'checked: "2024-03"', 1),
    "components.yaml": COMPONENTS.replace("      debian: [qemu-system-x86]\n      sources: [readme]\n",
                                          '      debian: [qemu-system-x86]\n      sources: [readme]\n      as_of: "2024-02"\n'),
    "views.yaml": VIEWS.replace("        sources: [api, readme]\n", '        sources: [api, readme]\n        as_of: "2024-03"\n'),
}
STALE = [
    "diagrams/components.yaml:18:14: warning: 'packages' of component 'qemu' is as of 2024-02, more than 18 months ago: "
    "check it again and update 'as_of' [stale]",
    "diagrams/sources.yaml:6:14: warning: source 'api' was last checked in 2024-03, more than 18 months ago: "
    "check it again and update 'checked' [stale]",
    "diagrams/views.yaml:9:16: warning: 'intro' of view 'stack' is as of 2024-03, more than 18 months ago: "
    "check it again and update 'as_of' [stale]",
]


def issue_lines(folder, today: datetime.date | None) -> list[str]:
    """Return every issue line of a model folder, checked as of today (or, with None, as a build checks it)."""
    documents, issues = load_documents(folder, folder.parent)
    return [format_issue(i) for i in issues + validate_model(documents, today)[1]]


def test_a_source_and_facts_older_than_18_months_are_warned_about_where_their_month_is(model_dir):
    assert issue_lines(model_dir(PLANTED), datetime.date(2025, 10, 1)) == STALE


def test_18_months_exactly_is_not_stale_yet(model_dir):
    """2024-03 to 2025-09 is 18 months: the warning starts in the 19th month, whatever the day."""
    folder = model_dir(PLANTED)
    assert issue_lines(folder, datetime.date(2025, 9, 30)) == STALE[:1]
    assert issue_lines(folder, datetime.date(2025, 8, 31)) == []


def test_a_build_never_looks_at_the_date(model_dir):
    folder = model_dir(PLANTED)
    assert issue_lines(folder, None) == []
    assert pipeline.check(folder, folder.parent)[1] == []


def test_make_check_prints_the_warning_and_passes(model_dir, monkeypatch):
    monkeypatch.setenv("VIRTSTACK_TODAY", "2025-10-01")
    monkeypatch.delenv("SITE_URL", raising=False)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = cli.main(["--model", str(model_dir(PLANTED)), "check"])
    assert status == 0
    assert stderr.getvalue() == "\n".join(STALE) + "\nstale: see http://127.0.0.1:8000/reference/#issue-stale\n"
    assert stdout.getvalue().startswith("ok: ")


def test_the_repository_model_has_nothing_stale_today():
    issues = pipeline.check(ROOT / "diagrams", ROOT, datetime.date.today())[1]
    assert [format_issue(i) for i in issues if i.code == "stale"] == []


@pytest.mark.parametrize(("month", "message"), [
    ("2026-9", "'checked' must be a month as YYYY-MM but got '2026-9' (did you mean \"2026-09\"?) [bad-date]"),
    ("2026-09-03", "'checked' must be a month as YYYY-MM but got '2026-09-03' [bad-date]"),
    ("2026", "'checked' must be a month as YYYY-MM but got '2026' [bad-date]"),
    ("2026-13", "'checked' must be a month as YYYY-MM but got '2026-13' [bad-date]"),
])
def test_checked_is_a_quoted_month(model_dir, month, message):
    folder = model_dir({"sources.yaml": SOURCES.replace('checked: "2026-11"', f'checked: "{month}"', 1)})
    assert issue_lines(folder, None) == [f"diagrams/sources.yaml:6:14: error: {message}"]


def test_checked_is_required_and_unquoted_months_are_refused(model_dir):
    folder = model_dir({"sources.yaml": SOURCES.replace('    checked: "2026-11"\n', "", 1).replace('"2026-11"', "2026-11")})
    assert issue_lines(folder, None) == [
        "diagrams/sources.yaml:2:5: error: source 'api' is missing the required field 'checked' [missing-field]",
        "diagrams/sources.yaml:11:14: error: 'checked' must be quoted: write \"2026-11\" (like every date, so that no "
        "YAML tool reads one as a number or a timestamp) [bad-date]",
    ]


@pytest.fixture(scope="module")
def planted_pages(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Return the planted model's pages in each language, with stand-in SVGs."""
    folder = tmp_path_factory.mktemp("planted") / "diagrams"
    folder.mkdir()
    for file in (FIXTURES / "valid").iterdir():
        (folder / file.name).write_text(PLANTED.get(file.name, file.read_text()))
    model = pipeline.check(folder, folder.parent)[0]
    return {lang: render_pages(model, SVGS, lang) for lang in ("en", "ru")}


def test_a_source_item_says_when_it_was_last_checked_in_each_language(planted_pages):
    assert planted_pages["en"]["index.md"].endswith(
        '<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel '
        'documentation (checked <time datetime="2024-03">in March 2024</time>)</li>\n'
        '<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, '
        '<time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>)</li>\n</ol>\n')
    assert planted_pages["ru"]["index.md"].endswith(
        '<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel '
        'documentation (проверено <time datetime="2024-03">в марте 2024 г.</time>)</li>\n'
        '<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, '
        '<time datetime="2026">2026 г.</time> (проверено <time datetime="2026-11">в ноябре 2026 г.</time>)</li>\n</ol>\n')


def test_the_sources_page_says_when_each_source_was_last_checked(planted_pages):
    assert ("- <a id=\"api\"></a>[The KVM API](https://docs.kernel.org/virt/kvm/api.html), Linux kernel documentation "
            "(checked <time datetime=\"2024-03\">in March 2024</time>). Cited on: ") in planted_pages["en"]["sources.md"]


def test_a_statement_and_package_names_say_as_of_when_in_each_language(planted_pages):
    intro = "QEMU uses KVM\\. As of <time datetime=\"2024-03\">March 2024</time>. <sup>"
    intro_ru = "QEMU использует KVM\\. По состоянию на <time datetime=\"2024-03\">март 2024 г\\.</time> <sup>"
    assert intro in planted_pages["en"]["index.md"] and intro_ru in planted_pages["ru"]["index.md"]
    packages = ("| Debian, Ubuntu | <code>qemu\\-system\\-x86</code> |\n\n"
                "As of <time datetime=\"2024-02\">February 2024</time>. <sup>[\\[1\\]](#source-readme)</sup>\n")
    assert packages in planted_pages["en"]["components/qemu.md"]
    assert ("По состоянию на <time datetime=\"2024-02\">февраль 2024 г\\.</time> <sup>[\\[1\\]](#source-readme)</sup>\n"
            in planted_pages["ru"]["components/qemu.md"])
