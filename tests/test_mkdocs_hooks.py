"""End-to-end tests of scripts/mkdocs_hooks.py through a real `mkdocs build --strict` and `mkdocs serve`."""

import html
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import ROOT, free_port, mkdocs


def copy_project(tmp_path: Path) -> Path:
    """Copy the site's sources (config, docs, model, scripts) into a throwaway project."""
    project = tmp_path / "project"
    project.mkdir()
    for config in ("mkdocs.yml", "mkdocs.ru.yml"):
        shutil.copy(ROOT / config, project)
    for folder in ("docs", "diagrams", "scripts", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def files_of(folder: Path) -> dict[str, bytes]:
    """Return every file under folder by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_publishes_the_generated_pages(built_site, port):
    for page in ("index.html", "layers/index.html", "components/index.html", "components/kvm/index.html",
                 "stack.svg", "components/kvm/near-kvm.svg", "assets/virtstack.css"):
        assert (built_site / page).is_file(), page
    home = (built_site / "index.html").read_text()
    assert ('<div class="vs-diagram" id="diagram-stack" data-zoom-in="Zoom in" data-zoom-out="Zoom out" '
            'data-zoom-reset="Reset zoom" data-full-screen="Full screen"><svg role="group"') in home
    assert f'<a href="http://127.0.0.1:{port}/components/kvm/" aria-label="KVM runs guest code on the CPU" data-tip="KVM: ' in home
    assert "xlink" not in home
    assert '<p><svg' not in home


def test_build_never_writes_into_docs(tmp_path):
    before = files_of(ROOT / "docs")
    result = mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert files_of(ROOT / "docs") == before


def test_build_fails_on_a_broken_model_with_the_issue_lines_and_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path)
    relations = project / "diagrams/relations.yaml"
    text = relations.read_text()
    assert "    to: libvirt\n" in text
    relations.write_text(text.replace("    to: libvirt\n", "    to: libvrt\n", 1))
    line = text[: text.index("    to: libvirt\n")].count("\n") + 1
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert (f"diagrams/relations.yaml:{line}:9: error: unknown component 'libvrt' in 'to' "
            "(did you mean 'libvirt'?) [unknown-ref]") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert files_of(site) == {"index.html": b"last good"}


def test_build_fails_on_a_broken_anchor(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs/about.md").write_text("# About\n\nSee [KVM](components/kvm.md#no-such-anchor).\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "contains a link 'components/kvm.md#no-such-anchor', but the doc 'components/kvm.md' does not contain an anchor" in result.stderr


def test_a_page_whose_front_matter_says_noindex_tells_search_engines_so_and_no_other_page_does(tmp_path):
    """Removal pages say `robots: "noindex"` (render_pages); the page template turns it into the meta tag."""
    project = copy_project(tmp_path)
    about = project / "docs/about.md"
    about.write_text('---\nrobots: "noindex"\n---\n\n' + about.read_text())
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    pages = {path: (project / "site" / path).read_text() for path in ("about/index.html", "index.html")}
    assert [page.count('<meta name="robots" content="noindex">') for page in pages.values()] == [1, 0]


def test_build_refuses_a_hand_written_page_that_the_model_also_generates(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs/layers.md").write_text("# Layers\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "docs/layers.md is hand-written, but the model also generates it; rename one" in result.stderr


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = mkdocs("build", "--strict", "--site-dir", str(site))
        assert result.returncode == 0, result.stderr
    assert files_of(first) == files_of(second)


def test_model_warnings_fail_a_strict_build(tmp_path):
    project = copy_project(tmp_path)
    with (project / "diagrams/sources.yaml").open("a") as sources:
        sources.write("\n  - id: spare\n    title: Spare\n    url: https://example.org/\n    publisher: Nobody\n    checked: \"2026-11\"\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "diagrams/sources.yaml:" in result.stderr
    assert "warning: source 'spare' is cited nowhere; cite it or remove it [unused-source]" in result.stderr


def test_serve_publishes_both_editions_on_any_port_without_preview_images(tmp_path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(tmp_path / "cache")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        page = _fetch_when_up(base + "ru/components/kvm/", server)
        assert f'<link rel=" alternate" hreflang="en" data-root="{base}" href="{base}components/kvm/">' in page
        assert f'hreflang="ru" data-root="{base}ru/" href="{base}ru/components/kvm/"' in page
        assert "og:image" not in page  # link previews are for the published site
        assert "<title>KVM - virtstack</title>" in urllib.request.urlopen(base + "components/kvm/", timeout=30).read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch_when_up(url: str, server: subprocess.Popen) -> str:
    """Return a page of `mkdocs serve` once it answers (both editions are built first), or fail with its output."""
    for _ in range(240):
        try:
            return urllib.request.urlopen(url, timeout=30).read().decode()
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                raise AssertionError(server.stdout.read()) from None
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer {url} in 2 minutes")


def test_serve_with_a_broken_model_answers_with_the_last_good_page_and_the_problems_until_it_is_fixed(tmp_path):
    project = copy_project(tmp_path)
    relations = project / "diagrams/relations.yaml"
    good = relations.read_text()
    line = good[: good.index("    to: libvirt\n")].count("\n") + 1
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(tmp_path / "cache"),
           "SITE_URL": f"http://127.0.0.1:{port}/", "SITE_URL_RU": f"http://127.0.0.1:{port}/ru/"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    problem = (f"diagrams/relations.yaml:{line}:9: error: unknown component 'libvrt' in 'to' "
               "(did you mean 'libvirt'?) [unknown-ref]")
    try:
        assert "vs-model-problems" not in _fetch_when_up(base + "components/kvm/", server)
        relations.write_text(good.replace("    to: libvirt\n", "    to: libvrt\n", 1))
        for url in (base + "components/kvm/", base + "ru/components/kvm/"):
            page = _fetch_until(url, server, lambda text: "vs-model-problems" in text)
            assert "<title>KVM - virtstack</title>" in page  # the last good page, not an error
            banner = page[page.index('<div class="vs-model-problems" role="alert"><p>'):]
            assert html.escape(problem) in banner[: banner.index("</pre></div>")].splitlines()
        relations.write_text(good)
        _fetch_until(base + "components/kvm/", server, lambda text: "vs-model-problems" not in text)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch_until(url: str, server: subprocess.Popen, done) -> str:
    """Return a page of `mkdocs serve` once done(its text) holds; every request must answer within 10 s."""
    for _ in range(240):
        text = urllib.request.urlopen(url, timeout=10).read().decode()
        if done(text):
            return text
        if server.poll() is not None:
            raise AssertionError(server.stdout.read())
        time.sleep(0.25)  # a poll interval, not a wait for a state: the loop waits for done()
    raise AssertionError(f"{url} never reached the expected state in 60 s")


# Builds the project in cwd as `mkdocs serve` does (the hook told it is serve),
# into argv[1]. With "edit", builds, then makes each edit of argv[3] and builds
# again after each, in one process (as serve remembers between builds); with
# "fresh", makes every edit and builds once.
SERVE_BUILDS = """
import re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

def replace(path, pattern, new):
    file = Path(path)
    text, count = re.subn(pattern, new, file.read_text(), count=1)
    assert count == 1, (path, pattern)
    file.write_text(text)

def kvm(field, lang):
    return rf'(  - id: kvm\\n(?:    .*\\n)*?    {field}:\\n(?:      .*\\n)*?      {lang}: ")'

EDITS = {
    "summary": lambda: [replace("diagrams/components.yaml", kvm("summary", lang), rf"\\1edited-{lang} ")
                        for lang in ("en", "ru")],
    "role": lambda: replace("diagrams/components.yaml", r'(  - id: kvm\\n(?:    .*\\n)*?    role: {en: ")',
                            r"\\1drawn-role "),
    "nav": lambda: replace("mkdocs.yml", r"  - timeline.md\\n  - glossary.md\\n", "  - glossary.md\\n  - timeline.md\\n"),
}

def serve_build():
    config = load_config("mkdocs.yml", site_dir=sys.argv[1])
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=config.site_url)

edits = sys.argv[3].split(",")
if sys.argv[2] == "edit":
    serve_build()
    for edit in edits:
        EDITS[edit]()
        serve_build()
else:
    for edit in edits:
        EDITS[edit]()
    serve_build()
"""


def serve_builds(tmp_path: Path, edits: str) -> dict[str, dict[str, bytes]]:
    """Return the site of each way to build the edited project as serve does: {"edit": files, "fresh": files}."""
    project = copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(tmp_path / "cache")}
    sites = {}
    for how in ("edit", "fresh"):
        for name in ("diagrams/components.yaml", "mkdocs.yml", "mkdocs.ru.yml"):
            shutil.copy(ROOT / name, project / name)
        site = tmp_path / how
        result = subprocess.run([sys.executable, "-c", SERVE_BUILDS, str(site), how, edits], cwd=project, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        sites[how] = files_of(site)
    return sites


def different(sites: dict[str, dict[str, bytes]]) -> list[str]:
    """Return the paths whose files differ between the two sites, or that only one has."""
    edit, fresh = sites["edit"], sites["fresh"]
    return sorted(path for path in edit.keys() | fresh.keys() if edit.get(path) != fresh.get(path))


def test_serve_rebuilds_after_an_edit_exactly_as_a_first_build_of_the_edited_model(tmp_path):
    sites = serve_builds(tmp_path, "summary")
    assert b"edited-en " in sites["edit"]["components/kvm/index.html"]
    assert "edited-ru ".encode() in sites["edit"]["ru/components/kvm/index.html"]
    assert different(sites) == []


def test_serve_rebuilds_every_page_that_draws_a_changed_diagram_and_every_nav_after_a_nav_change(tmp_path):
    """Serve reuses what did not change (conversions, search entries, whole pages): never what did."""
    sites = serve_builds(tmp_path, "role,nav,summary")
    pages = {path: page.decode() for path, page in sites["edit"].items() if path.endswith(".html")}
    drawn = sorted(path for path, page in pages.items() if 'aria-label="KVM drawn-role ' in page)
    assert "components/qemu/index.html" in drawn and "index.html" in drawn
    for prefix, first, then in (("", "Glossary", "Timeline"), ("ru/", "Глоссарий", "Хронология")):  # the nav's new order
        navs = {path: re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', page[page.index("md-nav--primary"):])
                for path, page in pages.items() if path.startswith(prefix) and (prefix or not path.startswith("ru/"))}
        assert len(navs) > 50
        assert [path for path, titles in navs.items() if titles.index(first) > titles.index(then)] == []
    assert different(sites) == []


def test_a_conversion_with_the_diagrams_set_aside_is_the_plain_conversion_of_every_page(tmp_path):
    """What serve converts without the SVGs, then puts them back, is what MkDocs converts with them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    import mkdocs_editions
    from virtstack import pipeline
    from virtstack.cache import DotCache

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    outputs = pipeline.build_with_warnings(ROOT / "diagrams", ROOT, DotCache(tmp_path / "cache"), "en",
                                           config.site_url, previews=False)[0]
    files = Files([File(path, None, config.site_dir, config.use_directory_urls) for path in outputs])
    for file in files:
        file.content_string = outputs[file.src_uri]
    mkdocs_editions.start_conversions(config)
    svgs = 0
    for file in files.documentation_pages():
        plain, aside = Page(None, file, config), Page(None, file, config)
        for page in (plain, aside):
            page.read_source(config)
        plain.render(config, files)
        mkdocs_editions.remember_conversions(aside, config)
        aside.render(config, files)
        assert (aside.content, aside.present_anchor_ids, aside.title) == (plain.content, plain.present_anchor_ids,
                                                                          plain.title), file.src_uri
        svgs += aside.content.count("<svg ")
    assert svgs > 80 and "data-virtstack-aside" in str(mkdocs_editions._converting["en"])  # converted without them


def test_the_search_index_reads_of_a_page_only_what_its_parser_does():
    from mkdocs_editions import _as_indexed

    page = ('<h2 id="a" data-x="1">T</h2><p title=\'q > "r"\' class=c>x <a href="/y" data-tip="KVM: id=\'z\'">KVM</a></p>'
            '<svg aria-label="L"><text x="1">Box</text></svg><!-- <b id="n" k="v"> --><br/>')
    assert _as_indexed(page) == ('<h2 id="a">T</h2><p class=c>x <a >KVM</a></p><svg >'
                                 '<text >Box</text></svg><!-- <b id="n"> --><br />')


def test_serve_rebuilds_on_a_written_file_not_on_a_file_read(tmp_path):
    """Serve's watcher takes the system's file events; the builds reading the model must not start another build."""
    from mkdocs.livereload import LiveReloadServer

    import mkdocs_editions

    watched = tmp_path / "diagrams"
    watched.mkdir()
    (watched / "a.yaml").write_text("a: 1\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(watched))
    assert mkdocs_editions.watch_file_events(server) is server
    assert (type(server.observer).__name__, server.build_delay, list(server._watched_paths)) == (
        "_FileChanges", 0.02, [str(watched)])
    server.observer.start()
    try:
        (watched / "a.yaml").read_text()
        time.sleep(0.3)  # long enough for an event to arrive: none must
        assert server._want_rebuild is False
        (watched / "a.yaml").write_text("a: 2\n")
        for _ in range(100):
            if server._want_rebuild:
                break
            time.sleep(0.01)
        assert server._want_rebuild is True
    finally:
        server.observer.stop()
        server.observer.join()


def test_serve_links_static_files_into_the_site_and_never_writes_through_a_link(tmp_path):
    """A theme file is linked; a docs file and a generated file at its place replace the link; a page is copied."""
    from mkdocs.structure.files import File, Files
    from mkdocs_editions import link_static_files

    theme, docs, site = tmp_path / "theme", tmp_path / "docs", tmp_path / "site"
    for folder in (theme, docs):
        (folder / "css").mkdir(parents=True)
        (folder / "css" / "a.css").write_text(folder.name)
    (docs / "p.html").write_text("<p>page</p>")
    from_theme, from_docs, page = (File(path, str(folder), str(site), True) for path, folder in
                                   (("css/a.css", theme), ("css/a.css", docs), ("p.html", docs)))
    made = File("css/a.css", None, str(site), True)
    made.content_string = "made"
    for file in (from_theme, from_docs, page, made):  # one source path each: MkDocs keeps the last of a path
        link_static_files(Files([file]))
    from_theme.copy_file()
    assert os.path.samefile(site / "css/a.css", theme / "css/a.css")
    from_docs.copy_file()
    assert os.path.samefile(site / "css/a.css", docs / "css/a.css")
    made.copy_file()
    page.copy_file()
    assert [(site / "css/a.css").read_text(), (theme / "css/a.css").read_text(), (docs / "css/a.css").read_text()] == [
        "made", "theme", "docs"]
    assert ((site / "p.html").read_text(), (site / "p.html").stat().st_nlink) == ("<p>page</p>", 1)


def test_serve_writes_each_generated_content_once_and_forgets_what_the_build_before_did_not_use():
    from mkdocs_editions import _Contents

    contents = _Contents()
    first = contents.path_of(b"<svg>a</svg>")
    assert contents.path_of(b"<svg>a</svg>") == first and open(first, "rb").read() == b"<svg>a</svg>"
    contents.next_build()
    assert contents.path_of(b"<svg>a</svg>") == first
    second = contents.path_of(b"<svg>b</svg>")
    contents.next_build()  # the build before used both
    assert (os.path.exists(first), os.path.exists(second)) == (True, True)
    contents.path_of(b"<svg>b</svg>")
    contents.next_build()  # the build before used only b
    assert (os.path.exists(first), os.path.exists(second)) == (False, True)
