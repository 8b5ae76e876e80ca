"""Shared test helpers: tool checks, a throwaway model, a built site, a browser.

Nothing is mocked: tests run the real `dot`, a real `mkdocs build --strict`
and the real headless Chromium. A missing tool stops the whole run with a
message; it is never skipped.
"""

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
sys.path.insert(0, str(ROOT / "scripts"))

# The sources section of a fixture page that cites the README first, then the API.
SOURCES_README_API = """\
## Sources {#sources}

<ol class="vs-sources">
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, 2026</li>
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation</li>
</ol>
"""


def chromium_path() -> str | None:
    """Return the browser: $CHROMIUM, else chromium, chromium-browser or google-chrome on PATH."""
    names = ("chromium", "chromium-browser", "google-chrome")
    return os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, names)), None)


def pytest_sessionstart(session):
    """Stop the run at once, loudly, when a tool the tests need is missing."""
    missing = []
    if not shutil.which("dot"):
        missing.append("Graphviz 'dot' (apt-get install graphviz)")
    if not chromium_path():
        missing.append("Chromium (apt-get install chromium)")
    if missing:
        pytest.exit("missing: " + "; ".join(missing) + ". `make test` installs them.", returncode=3)


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
    """Run the real mkdocs of this venv and capture its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0",
           "SITE_URL": site_url, "SITE_URL_RU": f"{site_url}ru/"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def port() -> int:
    """Return the port the built site is served on (site_url must name it for instant navigation)."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, port) -> Path:
    """Build the repository's site once, as `make build` does: English, then the Russian edition in ru/."""
    site = tmp_path_factory.mktemp("site")
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
def site_url(built_site: Path, port: int):
    """Serve the built site on its port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
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
