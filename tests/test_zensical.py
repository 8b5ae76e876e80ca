"""The same site built with Zensical (scripts/zensical_build.py) as with MkDocs, and working in Chromium.

Parity: both engines build both editions for one address, and every page is
compared: the same pages and, inside the article, the same anchors, text and
links; the same head tags (title, canonical, hreflang, description, Open
Graph, Twitter, Content-Security-Policy); the same generated files byte for
byte (SVG, DOT, PNG, JSON, robots.txt, redirect pages); the same sitemap
addresses. This runs on
the real model and on a small fixture model with a renamed question, which
has redirect pages (the real model has none yet). Then Chromium checks the
Zensical site: search in both editions, the diagrams after instant
navigation, and the language menu. Nothing is skipped: a missing Zensical
fails the fixture with the command that installs it.

conftest's `built_site` is not reused: its MkDocs site is served on its port
for the whole session, and a site only works at the address it was built for
(instant navigation, absolute diagram links, the language menu). So the
Zensical site has its own server, bound once, and the parity builds the
MkDocs twin for that same address.
"""

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import FIXTURES, ROOT, _QuietHandler, mkdocs
from playwright.sync_api import expect
from test_interactive import wait_for_scale
from test_mkdocs_hooks import copy_project

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# What belongs to the engine, not to the site, and so legitimately differs:
# the theme's own scripts and styles (Material's and Zensical's bundles),
# the search index (search/search_index.json vs search.json, different
# engines), and the sitemaps (Zensical writes no sitemap.xml.gz and no
# <lastmod>; test_the_sitemaps_list_the_same_addresses compares their URLs).
ENGINE_FILES = re.compile(r"^(ru/)?(assets/(javascripts|stylesheets)/|search/|search\.json$|sitemap\.xml(\.gz)?$)")
# Every page's Content-Security-Policy lists the hashes of its edition's inline
# scripts, and each theme has its own: the policies are compared without them.
SCRIPT_HASHES = re.compile(r" 'sha256-[A-Za-z0-9+/=]+'")


# ---------------------------------------------------------------- builds


@pytest.fixture(scope="session")
def zensical_server(tmp_path_factory):
    """Bind a static server on 127.0.0.1 once, on a free port; yield its URL and the folder it will serve."""
    folder = tmp_path_factory.mktemp("zensical") / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", folder
    server.shutdown()
    server.server_close()


def run_zensical_build(project: Path, out: Path, work: Path, site_url: str) -> subprocess.CompletedProcess:
    """Run a project's scripts/zensical_build.py with this repository's Zensical and capture its output."""
    assert ZENSICAL.is_file(), f"{ZENSICAL} is missing: `make setup-test` (or `make zensical`) installs it"
    return subprocess.run([sys.executable, str(project / "scripts" / "zensical_build.py"), "--out", str(out),
                           "--work", str(work), "--site-url", site_url, "--zensical", str(ZENSICAL)],
                          cwd=project, capture_output=True, text=True, timeout=600)


def zensical_build(project: Path, out: Path, work: Path, site_url: str) -> None:
    """Build a project's site with Zensical; fail with the build's messages."""
    result = run_zensical_build(project, out, work, site_url)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def mkdocs_build(project: Path, site: Path, site_url: str) -> None:
    """Build both editions with MkDocs as `make build` does: English into site, Russian into site/ru."""
    for config, folder in (("mkdocs.yml", site), ("mkdocs.ru.yml", site / "ru")):
        result = mkdocs("build", "--strict", "-f", config, "--site-dir", str(folder), cwd=project, site_url=site_url)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def zensical_url(zensical_server) -> str:
    """Build the repository's site with Zensical for the server's address; return that address, now served."""
    url, folder = zensical_server
    zensical_build(ROOT, folder, folder.parent / "work", url)
    return url


def small_project(tmp: Path) -> Path:
    """Return a throwaway copy of the project whose model is the test fixture with a renamed question (a redirect)."""
    project = copy_project(tmp)
    shutil.rmtree(project / "diagrams")
    shutil.copytree(FIXTURES / "valid", project / "diagrams")
    for file in (FIXTURES / "answers").iterdir():
        shutil.copy(file, project / "diagrams" / file.name)
    questions = project / "diagrams" / "questions.yaml"
    renamed = "  - id: what-is-qemu-kvm\n    aliases: [qemu-kvm]\n"
    questions.write_text(questions.read_text().replace("  - id: qemu-kvm\n", renamed))
    return project


class Sites(NamedTuple):
    """One model's site built by each engine for the same address."""

    model: str
    mkdocs: Path
    zensical: Path


@pytest.fixture(scope="session", params=["real", "fixture"])
def both_sites(request, zensical_server, tmp_path_factory) -> Sites:
    """Return the MkDocs and Zensical sites of the real model, then of the small fixture with a redirect."""
    url, folder = zensical_server
    scratch = tmp_path_factory.mktemp(f"parity-{request.param}")
    if request.param == "real":
        request.getfixturevalue("zensical_url")  # the served Zensical site is the real model's
        mkdocs_build(ROOT, scratch / "mkdocs", url)
        return Sites(request.param, scratch / "mkdocs", folder)
    project = small_project(scratch)
    mkdocs_build(project, scratch / "mkdocs", url)
    zensical_build(project, scratch / "zensical", scratch / "work", url)
    return Sites(request.param, scratch / "mkdocs", scratch / "zensical")


# ---------------------------------------------------------------- reading pages


class Page(HTMLParser):
    """What a built page says: its head tags, and the ids, text and links inside its <article>.

    HTMLParser unescapes attribute values, as html.unescape would: Zensical's
    MiniJinja writes `/` as `&#x2f;` where Jinja writes `/`.
    """

    HIDDEN = ("script", "style")

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.head, self.ids, self.links, self.words = [], [], [], []
        self.title, self.in_title, self.article, self.hidden = "", False, 0, 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        """Note head tags, and ids and links inside the article."""
        attributes = dict(attrs)
        self._head(tag, attributes)
        self.article += tag == "article"
        if not self.article:
            return
        self.hidden += tag in self.HIDDEN
        if "id" in attributes and not attributes["id"].startswith("__"):  # __skip etc.: the theme's, not the page's
            self.ids.append(attributes["id"])
        self.links += [(tag, name, attributes[name]) for name in ("href", "xlink:href", "src") if name in attributes]

    def handle_startendtag(self, tag, attrs):
        """An empty element: a start tag with nothing inside."""
        self.handle_starttag(tag, attrs)
        self.hidden -= self.article > 0 and tag in self.HIDDEN

    def handle_endtag(self, tag):
        """Leave the title, a script or the article."""
        self.in_title = self.in_title and tag != "title"
        self.hidden -= self.article > 0 and tag in self.HIDDEN
        self.article -= tag == "article"

    def handle_data(self, data):
        """Keep the title and the article's visible text."""
        if self.in_title:
            self.title += data
        elif self.article and not self.hidden:
            self.words.append(data)

    def _head(self, tag: str, attributes: dict) -> None:
        """Keep the title, canonical and hreflang links, and the description, Open Graph and Twitter tags."""
        rel = (attributes.get("rel") or "").split()
        key = attributes.get("name") or attributes.get("property") or ""
        if tag == "title":
            self.in_title = True
        elif tag == "link" and ("canonical" in rel or "alternate" in rel):
            self.head.append(("link " + " ".join(rel), *(attributes.get(a) for a in ("hreflang", "data-root", "href"))))
        elif tag == "meta" and (key == "description" or key.startswith(("og:", "twitter:"))):
            self.head.append(("meta " + key, attributes.get("content")))
        elif tag == "meta" and attributes.get("http-equiv"):
            policy = SCRIPT_HASHES.sub("", attributes.get("content") or "")
            self.head.append(("meta http-equiv " + attributes["http-equiv"], policy))

    @property
    def text(self) -> str:
        """Return the article's text with whitespace normalised."""
        return " ".join(" ".join(self.words).split())


@functools.cache
def pages(site: Path) -> dict[str, Page]:
    """Return every built HTML page of a site that has an article, by path (ru/... for the Russian edition)."""
    found = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}
    return {path: Page(text) for path, text in found.items() if "<article" in text}


def files(site: Path) -> set[str]:
    """Return every file of a site that is the site's own, not the engine's (see ENGINE_FILES)."""
    found = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return {path for path in found if not ENGINE_FILES.match(path)}


def only_in_each(ours, theirs) -> dict[str, list]:
    """Return what only the MkDocs site and only the Zensical site has."""
    return {"only mkdocs": sorted(set(ours) - set(theirs)), "only zensical": sorted(set(theirs) - set(ours))}


NOTHING_ONLY_IN_ONE = {"only mkdocs": [], "only zensical": []}


def differing(sites: Sites, item) -> dict[str, dict]:
    """Return {page: {"mkdocs": ..., "zensical": ...}} for every page where item(page) differs, showing only what differs."""
    mkdocs_pages, zensical_pages = pages(sites.mkdocs), pages(sites.zensical)
    found = {}
    for path in sorted(set(mkdocs_pages) & set(zensical_pages)):
        ours, theirs = item(mkdocs_pages[path]), item(zensical_pages[path])
        if ours != theirs:
            found[path] = _only_differences(ours, theirs)
    return found


def _only_differences(ours, theirs) -> dict:
    """Return what differs between two values: the items only in each list, or where two texts part."""
    if isinstance(ours, list):
        return {"mkdocs": [x for x in ours if x not in theirs] or ours,
                "zensical": [x for x in theirs if x not in ours] or theirs}
    start = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
    return {"mkdocs": ours[max(0, start - 40):start + 80], "zensical": theirs[max(0, start - 40):start + 80]}


# ---------------------------------------------------------------- parity


def test_both_engines_build_the_same_pages_in_both_editions(both_sites):
    built = [{p.relative_to(site).as_posix() for p in site.rglob("*.html")} for site in (both_sites.mkdocs, both_sites.zensical)]
    assert only_in_each(*built) == NOTHING_ONLY_IN_ONE
    assert {"index.html", "404.html", "ru/index.html", "ru/404.html"} <= built[0]
    assert sum(p.startswith("ru/") for p in built[0]) * 2 == len(built[0]), "each edition has every page"


def test_every_article_has_the_same_anchors(both_sites):
    assert differing(both_sites, lambda page: sorted(page.ids)) == {}
    assert all(page.ids for path, page in pages(both_sites.zensical).items() if path.endswith("components/index.html"))


def test_every_article_says_the_same(both_sites):
    assert differing(both_sites, lambda page: page.text) == {}


def test_every_article_links_to_the_same_addresses(both_sites):
    assert differing(both_sites, lambda page: sorted(page.links)) == {}


def test_every_page_has_the_same_title_canonical_hreflang_and_preview_tags(both_sites):
    assert differing(both_sites, lambda page: [("title", page.title.strip())] + sorted(page.head)) == {}
    home = pages(both_sites.zensical)["index.html"]
    assert ("title", "virtstack") == ("title", home.title.strip())
    assert sum(tag[0] == "link alternate" for tag in home.head) == 2, "the home page names its twin"
    assert any(tag[0] == "meta http-equiv Content-Security-Policy" for tag in home.head)


def test_the_not_found_page_says_the_same_in_each_edition(both_sites):
    for path in ("404.html", "ru/404.html"):
        assert pages(both_sites.zensical)[path].text == pages(both_sites.mkdocs)[path].text, path
    assert "Страница не найдена" in pages(both_sites.zensical)["ru/404.html"].text


def test_generated_files_redirect_pages_and_robots_txt_are_byte_identical(both_sites):
    mkdocs_site, zensical_site = both_sites.mkdocs, both_sites.zensical
    ours, theirs = files(mkdocs_site), files(zensical_site)
    assert only_in_each(ours, theirs) == NOTHING_ONLY_IN_ONE
    plain = sorted(p for p in ours if not p.endswith(".html") or "<article" not in (mkdocs_site / p).read_text())
    assert [p for p in plain if comparable(mkdocs_site / p) != comparable(zensical_site / p)] == []
    assert "robots.txt" in plain and "ru/robots.txt" not in ours


def test_both_engines_publish_the_same_redirect_pages(both_sites):
    mkdocs_redirects, zensical_redirects = ({p for p in files(site) if 'http-equiv="refresh"' in _text(site / p)}
                                            for site in (both_sites.mkdocs, both_sites.zensical))
    assert only_in_each(mkdocs_redirects, zensical_redirects) == NOTHING_ONLY_IN_ONE
    if both_sites.model == "fixture":  # the real model renames nothing yet; byte equality is checked above
        assert sorted(mkdocs_redirects) == ["questions/qemu-kvm/index.html", "ru/questions/qemu-kvm/index.html"]


def comparable(path: Path) -> bytes:
    """Return a file's bytes; for an HTML page, without the script hashes in its policy (SCRIPT_HASHES)."""
    return SCRIPT_HASHES.sub("", path.read_text(encoding="utf-8")).encode() if path.suffix == ".html" else path.read_bytes()


def _text(path: Path) -> str:
    """Return an HTML file's text, or nothing for another kind of file."""
    return path.read_text(encoding="utf-8") if path.suffix == ".html" else ""


def test_the_sitemaps_list_the_same_addresses(both_sites):
    # Zensical writes no <lastmod> and no sitemap.xml.gz: only the addresses are compared.
    for edition in ("", "ru/"):
        mkdocs_urls, zensical_urls = (re.findall(r"<loc>([^<]+)</loc>", (site / edition / "sitemap.xml").read_text())
                                      for site in (both_sites.mkdocs, both_sites.zensical))
        assert only_in_each(mkdocs_urls, zensical_urls) == NOTHING_ONLY_IN_ONE, edition
        assert len(mkdocs_urls) > 10


# ---------------------------------------------------------------- failures


def test_a_hand_written_page_the_model_also_generates_stops_the_build_with_one_line(tmp_path):
    project = small_project(tmp_path)
    (project / "docs" / "layers.md").write_text("# Layers, by hand\n")
    result = run_zensical_build(project, tmp_path / "site", tmp_path / "work", "http://127.0.0.1:8000/")
    assert result.returncode == 1
    assert result.stderr == "error: docs/layers.md is hand-written, but the model also generates it; rename one\n"
    assert not (tmp_path / "site").exists()


def test_a_broken_link_fails_with_zensicals_message_and_no_traceback(tmp_path):
    project = small_project(tmp_path)
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\n[gone](no-such-page.md)\n")
    result = run_zensical_build(project, tmp_path / "site", tmp_path / "work", "http://127.0.0.1:8000/")
    assert result.returncode == 1
    assert "page does not exist" in result.stderr and "no-such-page.md" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: Zensical could not build the English edition")


# ---------------------------------------------------------------- Chromium


@pytest.mark.browser
def test_zensical_search_finds_pages_in_each_edition(page, zensical_url):
    russian = zensical_url + "ru/"
    for root, word, other in ((zensical_url, "hypervisor", russian), (russian, "гипервизор", None)):
        page.goto(root)
        page.locator(".md-search__button").click()
        page.get_by_role("combobox").fill(word)
        results = page.get_by_role("listbox").get_by_role("option")
        results.first.wait_for()
        hrefs = results.evaluate_all("links => links.map(link => link.href)")
        assert hrefs and all(h.startswith(root) and not (other and h.startswith(other)) for h in hrefs), (root, hrefs[:5])
        assert word in results.first.inner_text().lower()
    assert page.console_errors == []


@pytest.mark.browser
def test_zensical_diagrams_highlight_and_zoom_after_instant_navigation(page, zensical_url):
    page.goto(zensical_url)
    page.evaluate("window.vsMarker = 'still here'")
    page.get_by_role("link", name="Components").first.click()
    page.wait_for_url(zensical_url + "components/")
    page.locator("article").get_by_role("link", name="KVM", exact=True).first.click()
    page.wait_for_url(zensical_url + "components/kvm/")
    assert page.evaluate("window.vsMarker") == "still here", "the page was reloaded, not swapped"
    page.locator("[id='near-kvm--qemu'] a").hover()
    expect(page.locator("[id='near-kvm--qemu']")).to_have_class(re.compile(r"(^|\s)vs-hl-main(\s|$)"))
    expect(page.locator("#diagram-near-kvm")).to_have_class(re.compile(r"(^|\s)vs-has-focus(\s|$)"))
    page.mouse.move(1, 1)
    page.locator("[id='near-kvm--vt-x'] a").focus()
    expect(page.locator("[id='near-kvm--vt-x']")).to_have_class(re.compile(r"(^|\s)vs-hl-main(\s|$)"))
    canvas = "#diagram-near-kvm .vs-canvas"
    page.locator("#diagram-near-kvm").get_by_role("button", name="Zoom in").click()
    assert wait_for_scale(page, canvas, ">", 1.2) > 1.2
    page.locator("#diagram-near-kvm").get_by_role("button", name="Reset zoom").click()
    assert wait_for_scale(page, canvas, "==", 1) == 1
    assert page.console_errors == []


@pytest.mark.browser
def test_zensical_language_menu_keeps_the_page(page, zensical_url):
    page.goto(zensical_url + "components/kvm/")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang=ru]").click()
    page.wait_for_url(zensical_url + "ru/components/kvm/")
    assert page.evaluate("document.documentElement.lang") == "ru"
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(zensical_url + "components/kvm/")
    assert page.console_errors == []
