"""No payload in the model reaches the site as live HTML: a real `mkdocs build --strict` of a hostile model.

tests/fixtures/hostile is a valid model (the shape of tests/fixtures/valid
plus the answers fixtures, so every page in mkdocs.yml's nav exists) whose
every text (its `en` and its `ru`), name, title, publisher, label and protocol
carries HTML, Markdown and DOT payloads, also inside code spans; package names and the licence carry
some too, and URLs carry what an http(s) URL can. The site is built from
a throwaway copy of the project, in each edition (English, then Russian in
site/ru/, as `make build` does), then every built .html and .svg file and the
search index of each edition are searched for a payload that survived as markup,
and the payloads are looked for as escaped text.
"""

import functools
import html
import http.server
import json
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, REPORT_CSP_VIOLATIONS, ROOT, csp_violations, mkdocs
from virtstack import pipeline
from virtstack.escape import plain_text

HOSTILE = FIXTURES / "hostile"
# Each edition: its config file and its folder in the built site, in build order.
EDITIONS = {"en": ("mkdocs.yml", ""), "ru": ("mkdocs.ru.yml", "ru")}


def build_site(tmp_path: Path, model: Path, site_url: str = "http://127.0.0.1:8000/") -> tuple[Path, dict[str, object]]:
    """Copy the project's config, docs, templates and scripts, add model as diagrams/, and build each edition strictly."""
    project = tmp_path / "project"
    project.mkdir()
    for config, _ in EDITIONS.values():
        shutil.copy(ROOT / config, project)
    for folder in ("docs", "scripts", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(model, project / "diagrams")
    return project / "site", {lang: mkdocs("build", "--strict", "-f", config, cwd=project, site_url=site_url)
                              for lang, (config, _) in EDITIONS.items()}


@pytest.fixture(scope="module")
def hostile_server():
    """Bind a server for the hostile site once, on a port the OS picks, before the site is built for its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    yield server
    server.server_close()


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory, hostile_server) -> Path:
    """Build the hostile model's site in every edition once, for the server's address, and return the site folder."""
    site, results = build_site(tmp_path_factory.mktemp("hostile"), HOSTILE, f"http://127.0.0.1:{hostile_server.server_port}/")
    for lang, result in results.items():
        assert result.returncode == 0, (lang, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr, lang
    return site


@pytest.fixture(params=list(EDITIONS))
def edition(request) -> str:
    """Return the language of an edition; each test that takes it runs once per edition."""
    return request.param


@pytest.fixture
def hostile_site(hostile_sites, edition) -> Path:
    """Return the folder of one edition of the hostile model's site."""
    return hostile_sites / EDITIONS[edition][1]


class _Markup(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


SCRIPT_URL = re.compile(r"\s*(javascript|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "xlink:href", "src", "action", "formaction", "data", "content"}
# Payload markup; the last three would come from Markdown read inside <code> (code spans, package names, licences).
RAW = [re.compile(p, re.IGNORECASE) for p in (
    r"<script>alert", r"<img src=x", r"<svg onload", r"""href=["']?\s*javascript:""",
    r"<a [^>]*>\s*(code|package|licence)-click", r"<img [^>]*code-img", r"<em>code-em")]


def live_payloads(markup: str) -> list[str]:
    """Return what in markup would run: payload tags, event-handler attributes, javascript: URLs."""
    found = [pattern.pattern for pattern in RAW if pattern.search(markup)]
    parser = _Markup()
    parser.feed(markup)
    parser.close()
    for tag, attrs in parser.tags:
        for name, value in attrs:
            runs = name.startswith("on") or (name in URL_ATTRIBUTES and SCRIPT_URL.match(value or ""))
            if runs:
                found.append(f"<{tag} {name}={value!r}>")
    return found


def split_page(page: str) -> tuple[str, str]:
    """Return (head, body) of a built page."""
    head, _, body = page.partition("</head>")
    return head, body


def built_files(site: Path) -> list[Path]:
    """Return the pages and diagrams of the edition in site, not those of the editions in its subfolders."""
    others = {folder for _, folder in EDITIONS.values() if folder}
    return sorted(p for p in site.rglob("*")
                  if p.suffix in (".html", ".svg") and p.relative_to(site).parts[0] not in others)


def test_the_hostile_model_is_valid_and_carries_every_payload():
    model, issues = pipeline.check(HOSTILE, HOSTILE.parent)
    assert issues == []
    texts = [s.title for s in model.sources] + [s.publisher for s in model.sources]
    for lang in ("en", "ru"):  # each language carries the payloads, so both editions are put to the test
        texts += [c.name.in_language(lang) for c in model.components] + [r.label.in_language(lang) for r in model.relations]
        texts += [r.protocol.in_language(lang) for r in model.relations]
    for text in texts:
        for payload in ("</title>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
                        "javascript:alert(1)", "[click](javascript:alert(1))", "{#id}", "*emphasis*",
                        "`<script>alert(2)</script> [code-click](javascript:alert(6))", "\\", "{braces}", " | ", "-->",
                        '"double"', "'single'"):
            assert payload in text, (payload, text)


def test_the_site_has_every_kind_of_page(hostile_site):
    pages = {p.relative_to(hostile_site).as_posix() for p in built_files(hostile_site)}
    assert pages >= {
        "index.html", "stack.svg", "layers/index.html", "components/index.html", "components/kvm/index.html",
        "components/kvm/near-kvm.svg", "components/qemu/index.html", "views/start/index.html", "views/start/start.svg",
        "views/side-by-side/index.html", "views/side-by-side/side-by-side-full.svg", "question/index.html",
        "questions/index.html", "questions/qemu-kvm/index.html", "timeline/index.html", "timeline/timeline.svg",
        "glossary/index.html", "sources/index.html",
    }


def test_no_payload_is_live_in_any_page_or_diagram(hostile_site):
    found = {}
    for file in built_files(hostile_site):
        if live := live_payloads(file.read_text(encoding="utf-8")):
            found[file.relative_to(hostile_site).as_posix()] = live
    assert found == {}


def test_the_page_title_and_description_show_the_payloads_as_text(hostile_site, edition):
    model, _ = pipeline.check(HOSTILE, HOSTILE.parent)
    kvm = model.component_by_id["kvm"]
    head = split_page((hostile_site / "components/kvm/index.html").read_text(encoding="utf-8"))[0]
    title = re.search(r"<title>(.*?)</title>", head, re.DOTALL).group(1)
    assert html.unescape(title) == f"{plain_text(kvm.name.in_language(edition))} - virtstack"
    description = re.search(r'<meta name="description" content="([^"]*)">', head).group(1)
    assert html.unescape(description) == plain_text(kvm.summary.in_language(edition))


def test_the_search_index_holds_no_live_payload(hostile_site):
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    found = [(doc["location"], live) for doc in index["docs"] for field in ("title", "text")
             if (live := live_payloads(doc[field]))]
    assert found == []


ESCAPED = ["&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
           "&lt;svg onload=alert(1)&gt;", "[click](javascript:alert(1))", "{#id}", "*emphasis*",
           ("<code>&lt;script&gt;alert(2)&lt;/script&gt; [code-click](javascript:alert(6)) "
            "![code-img](https://evil.example/t.png) *code-em* &#124; code-pipe</code>"),
           "back\\slash \\\\ {braces}", "--&gt;"]


@pytest.mark.parametrize("page", ["index.html", "components/kvm/index.html", "components/index.html", "layers/index.html",
                                  "views/start/index.html", "views/side-by-side/index.html", "question/index.html",
                                  "questions/index.html", "questions/qemu-kvm/index.html", "timeline/index.html",
                                  "glossary/index.html", "sources/index.html"])
def test_every_page_shows_the_payloads_as_text(hostile_site, page):
    body = split_page((hostile_site / page).read_text(encoding="utf-8"))[1]
    for escaped in ESCAPED:
        assert escaped in body, (page, escaped)


@pytest.mark.parametrize("page", ["components/qemu/index.html", "questions/qemu-kvm/index.html"])
def test_package_names_and_licences_are_shown_as_code_text(hostile_site, page):
    body = split_page((hostile_site / page).read_text(encoding="utf-8"))[1]
    assert "<code>qemu-system-x86 &lt;img src=x onerror=alert(4)&gt; [package-click](javascript:alert(7)) a&#124;b</code>" in body
    if page.startswith("components/"):
        assert ("<code>&lt;script&gt;alert(4)&lt;/script&gt; \"&gt;&lt;svg onload=alert(4)&gt; "
                "[licence-click](javascript:alert(8)) GPL-2.0-only</code>") in body


def test_pipes_in_texts_split_no_table_row(hostile_site):
    for page in ("components/index.html", "components/qemu/index.html", "questions/qemu-kvm/index.html"):
        body = split_page((hostile_site / page).read_text(encoding="utf-8"))[1]
        tables = re.findall(r"<table>.*?</table>", body, re.DOTALL)
        assert tables, page
        for table in tables:
            widths = [len(re.findall(r"<t[hd]\b", row)) for row in re.findall(r"<tr>.*?</tr>", table, re.DOTALL)]
            assert len(set(widths)) == 1, (page, widths)


def test_the_component_page_shows_the_component_name_exactly(hostile_site, edition):
    body = split_page((hostile_site / "components/kvm/index.html").read_text(encoding="utf-8"))[1]
    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", body, re.DOTALL).group(1)
    heading = re.sub(r'<a class="headerlink".*?</a>', "", heading)
    model, _ = pipeline.check(HOSTILE, HOSTILE.parent)
    shown = re.sub(r"</?code>", "", heading)
    assert "<" not in shown
    assert html.unescape(shown).strip() == plain_text(model.component_by_id["kvm"].name.in_language(edition))


@pytest.mark.parametrize("diagram", ["stack.svg", "components/kvm/near-kvm.svg", "views/start/start.svg",
                                     "views/side-by-side/side-by-side-full.svg", "timeline/timeline.svg"])
def test_every_diagram_shows_the_payloads_as_text(hostile_site, diagram):
    svg = (hostile_site / diagram).read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "&lt;svg onload=alert(1)&gt;" in svg


@pytest.mark.browser
def test_every_hostile_page_runs_in_chromium_with_no_policy_violation_and_no_payload(hostile_sites, hostile_server, browser):
    """The payloads are text, so the Content-Security-Policy has nothing to block and nothing pops up."""
    hostile_server.RequestHandlerClass = functools.partial(_Quiet, directory=str(hostile_sites))
    threading.Thread(target=hostile_server.serve_forever, daemon=True).start()
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    errors, dialogs = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in (p for p in sorted(hostile_sites.rglob("*.html"))):
            page.goto(f"http://127.0.0.1:{hostile_server.server_port}/{path.relative_to(hostile_sites).as_posix()}",
                      wait_until="load")
    finally:
        context.close()
        hostile_server.shutdown()
    assert (csp_violations(errors), dialogs) == ([], [])


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, *args):
        pass
