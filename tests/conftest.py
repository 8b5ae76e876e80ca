"""Shared test helpers: tool checks, a throwaway model, a built site, a browser.

Nothing is mocked: tests run the real `dot`, a real `mkdocs build --strict`
and the real headless Chromium. A missing tool stops the whole run with a
message (Chromium only when a selected test drives it); it is never skipped.

Each test is classified at collection, so that no one has to remember a marker:
`browser` when it uses the `browser` or `page` fixture; `site` when it builds or
serves a whole site, that is when it uses `built_site`, `site_url` or `port`,
calls `mkdocs(...)`, runs mkdocs or Zensical in a subprocess, or uses a function
or fixture of its module that does; and `slow` when it is either. `make test-fast`
runs `pytest -m "not slow"` (see classify() below); `make test` runs everything.
"""

import ast
import functools
import http.server
import inspect
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
sys.path.insert(0, str(ROOT / "scripts"))

# The sources section of a fixture page that cites the README first, then the API.
SOURCES_README_API = """\
## Sources {#sources}

<ol class="vs-sources">
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, <time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>)</li>
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation (checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
"""


def chromium_path() -> str | None:
    """Return the browser: $CHROMIUM, else chromium, chromium-browser or google-chrome on PATH."""
    names = ("chromium", "chromium-browser", "google-chrome")
    return os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, names)), None)


def pytest_sessionstart(session):
    """Stop the run at once, loudly, when Graphviz, which every kind of test needs, is missing."""
    if not shutil.which("dot"):
        pytest.exit("missing: Graphviz 'dot' (apt-get install graphviz). `make test` installs it.", returncode=3)


# `make test-fast` uses this profile: a tenth of each property test's examples (see test_property.examples()).
settings.register_profile("fast", max_examples=10)


# Classification ---------------------------------------------------------------------

SITE_FIXTURES = {"built_site", "site_url", "port", "site_server"}  # the repository's site, built by `mkdocs build`
BROWSER_FIXTURES = {"browser", "page"}
SITE_TOOLS = ("mkdocs", "zensical")  # a subprocess whose command names one of these builds or serves a site
SUBPROCESS_CALLS = {"run", "Popen", "check_call", "check_output", "call"}


def _names_a_site_tool(part: ast.AST, texts: dict[str, str]) -> bool:
    """Return whether an expression is a string, or names a module-level string, that mentions mkdocs or Zensical."""
    text = part.value if isinstance(part, ast.Constant) else texts.get(part.id) if isinstance(part, ast.Name) else None
    return isinstance(text, str) and any(tool in text for tool in SITE_TOOLS)


def _builds_a_site_itself(function: ast.AST, texts: dict[str, str]) -> bool:
    """Return whether a function's own code calls mkdocs(...) or starts mkdocs or Zensical in a subprocess
    (its command naming them, or running a script of the module that does)."""
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "mkdocs":
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr in SUBPROCESS_CALLS and any(
                _names_a_site_tool(part, texts)
                for argument in [*node.args, *(k.value for k in node.keywords)] for part in ast.walk(argument)):
            return True
    return False


@functools.cache
def _site_functions(path: str) -> frozenset[str]:
    """Return the names of a test module's functions and fixtures that build or serve a site, directly or through
    another function of the module they name."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    names = {name: {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {a.arg for a in node.args.args}
             for name, node in functions.items()}
    texts = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
             and isinstance(node.value, ast.Constant) for target in node.targets if isinstance(target, ast.Name)}
    found = {name for name, node in functions.items() if _builds_a_site_itself(node, texts)}
    while grown := {name for name, used in names.items() if name not in found and used & found}:
        found |= grown
    return frozenset(found)


def classify(item: pytest.Item) -> None:
    """Mark a test `browser`, `site` and `slow` as what it uses makes it."""
    # A parameter of @pytest.mark.parametrize named like a fixture (test_urls' `page`) hides that fixture.
    callspec = getattr(item, "callspec", None)
    fixtures = set(getattr(item, "fixturenames", ())) - set(callspec.params if callspec else ())
    if fixtures & BROWSER_FIXTURES:
        item.add_marker(pytest.mark.browser)
    function = getattr(item, "function", None)
    module = inspect.getsourcefile(function) if function else None
    site_functions = _site_functions(module) if module else frozenset()
    if fixtures & SITE_FIXTURES or (fixtures | {function.__name__ if function else ""}) & site_functions:
        item.add_marker(pytest.mark.site)
    if item.get_closest_marker("browser") or item.get_closest_marker("site"):
        item.add_marker(pytest.mark.slow)


def pytest_collection_modifyitems(config, items):
    for item in items:
        classify(item)


def pytest_collection_finish(session):
    """Stop the run before any test when a selected test needs Chromium and there is none."""
    if not chromium_path() and any(item.get_closest_marker("browser") for item in session.items):
        pytest.exit("missing: Chromium (apt-get install chromium). `make test` installs it.", returncode=3)


_running: list[pytest.Item] = []  # the test being set up or run, for mkdocs() to check its marker


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _running[:] = [item]


@pytest.fixture
def model_dir(tmp_path: Path):
    """Return a factory: a copy of tests/fixtures/valid with some files replaced or removed."""
    def make(files: dict[str, str | None] | None = None) -> Path:
        folder = tmp_path / "diagrams"
        shutil.copytree(FIXTURES / "valid", folder)
        for name, text in (files or {}).items():
            if text is None:
                (folder / name).unlink()
            else:
                (folder / name).write_text(text, encoding="utf-8")
        return folder
    return make


@pytest.fixture
def answers_dir(model_dir):
    """Return a model folder: the valid fixture plus claims, questions, events, glossary and more views."""
    folder = model_dir()
    for file in (FIXTURES / "answers").iterdir():
        shutil.copy(file, folder / file.name)
    return folder


def mkdocs(*args: str, cwd: Path = ROOT, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess:
    """Run the real mkdocs of this venv and capture its output.

    A test that reaches this without being classified `site` (say, through a helper
    of another module) fails at once, naming the marker it needs.
    """
    if _running and not _running[0].get_closest_marker("site"):
        pytest.fail(f"{_running[0].nodeid} runs mkdocs: mark it @pytest.mark.site so that `make test-fast` leaves it out")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0",
           "SITE_URL": site_url, "SITE_URL_RU": f"{site_url}ru/"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now, for a server that binds it itself (`mkdocs serve`).

    Another process may take it before that server binds it: wherever the test
    starts the server in-process, bind it first instead (see site_server).
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """Bind the test server's socket first, on a port the OS picks, and keep it for the whole session.

    Yields the server and the (still empty) folder it serves: built_site builds
    the site into that folder for this server's address (site_url must name it
    for instant navigation), and site_url starts answering. No other process can
    take the port in between, however long the build takes.
    """
    folder = tmp_path_factory.mktemp("site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    yield server, folder
    server.server_close()


@pytest.fixture(scope="session")
def port(site_server) -> int:
    """Return the port the built site is served on: the one its server has bound."""
    return site_server[0].server_port


@pytest.fixture(scope="session")
def built_site(site_server, port) -> Path:
    """Build the repository's site once, as `make build` does: English, then the Russian edition in ru/."""
    site = site_server[1]
    for config, folder in (("mkdocs.yml", site), ("mkdocs.ru.yml", site / "ru")):
        result = mkdocs("build", "--strict", "-f", config, "--site-dir", str(folder), site_url=f"http://127.0.0.1:{port}/")
        assert result.returncode == 0, result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request, and the site's 404.html for a missing page."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        """Answer a missing page with the site's own 404 page, as a web host would."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site_url(site_server, built_site: Path, port: int):
    """Serve the built site on the port its server bound before the build; yield its base URL."""
    server = site_server[0]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Launch the system's headless Chromium through Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ])
        yield instance
        instance.close()


# Every page reports what its Content-Security-Policy blocked as a console error.
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample || ""}`))"""
# Browser contexts of the tests set aside the site's Content-Security-Policy
# (bypass_csp): Playwright's wait_for_function polls with eval(), and axe-core
# is injected as an inline script, both of which the policy refuses. The
# policy itself is tested, with every feature, in tests/test_csp.py and on the
# hostile site, in contexts that keep it.
TEST_CONTEXT = {"bypass_csp": True}


def csp_violations(console_errors: list[str]) -> list[str]:
    """Return the console errors that say the Content-Security-Policy blocked something."""
    return [e for e in console_errors if e.startswith("CSP violation") or "Content Security Policy" in e]


def search(page, query: str) -> None:
    """Type a query into Material's search box as a reader's keyboard does, ending with a key release.

    Material reads the box at a key release (keyup), or once when its index is
    ready. Playwright types text it has no key for, such as Cyrillic, without
    key events; a query typed that way after the index is ready would never be
    read. So the last key released here is End, as a real keyboard's would be.
    """
    box = page.locator(".md-search__input")
    box.click()
    page.keyboard.type(query)
    box.press("End")


@pytest.fixture
def page(browser):
    """Return a fresh page that records console errors and fails slow loads within 30 s."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **TEST_CONTEXT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()
