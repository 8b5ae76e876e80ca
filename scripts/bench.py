"""Measure the build, side by side in one run: `make bench` (or python scripts/bench.py).

Prints a Markdown report: the full site build (both editions) against a
plain Material build of the same hand-written pages; with --engines, both
editions built by each engine (MkDocs with the hook, against the CLI render
plus Zensical, scripts/zensical_build.py); each generator step on
the real model; a one-field edit as `mkdocs serve` regenerates it; synthetic
models of growing size; page weights; with --lighthouse, Lighthouse's
mobile scores of four pages served gzipped, as a web host would; and, with
--legibility, how legible every diagram is on a desktop and a phone in both
editions (scripts/legibility.py). Times are wall-clock seconds, the median
of --repeat runs; weights are KiB; text sizes are CSS px.
Nothing here asserts a time: the numbers are for people to read.
"""

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import legibility  # noqa: E402
import zensical_build  # noqa: E402
from virtstack import pipeline  # noqa: E402
from virtstack.cache import DotCache  # noqa: E402
from virtstack.load import load_documents  # noqa: E402
from virtstack import graphviz_run  # noqa: E402
from virtstack.render_pages import diagram_pages, render_pages  # noqa: E402
from virtstack.urls import page_root  # noqa: E402
from virtstack.validate import validate_model  # noqa: E402


def timed(function, repeat: int = 1) -> float:
    """Return the median wall-clock seconds of running function repeat times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


SITE_URL = "http://127.0.0.1:8765/"  # where --lighthouse serves the built site


def mkdocs_build(config: Path, site: Path, cache: Path, site_url: str = SITE_URL) -> None:
    """Run a real mkdocs build of a config into site, with the diagram cache at cache, for site_url."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(cache),
           "SITE_URL": site_url, "SITE_URL_RU": f"{site_url}ru/"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, env=env, capture_output=True)


def plain_config(folder: Path) -> Path:
    """Write a Material config for the hand-written pages only: no hook, no generated pages."""
    config = yaml.safe_load(re.sub(r'!ENV \[\w+, ("[^"]*")\]', r"\1", (ROOT / "mkdocs.yml").read_text()))
    for key in ("hooks", "nav", "not_in_nav", "watch", "validation", "extra_javascript"):
        config.pop(key, None)
    config["extra_css"] = [css for css in config["extra_css"] if not css.startswith("assets/")]
    config.update(docs_dir=str(ROOT / "docs"), site_url="http://127.0.0.1:8000/")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    path = folder / "plain.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def site_builds(scratch: Path, repeat: int) -> list[tuple[str, float]]:
    """Time the full site (cold and warm diagram cache, one edition and both) against plain Material."""
    cache = scratch / "cache"
    english = lambda: mkdocs_build(ROOT / "mkdocs.yml", scratch / "a", cache)  # noqa: E731
    both = lambda: (english(), mkdocs_build(ROOT / "mkdocs.ru.yml", scratch / "a" / "ru", cache))  # noqa: E731
    cold = timed(lambda: (shutil.rmtree(cache, ignore_errors=True), english()), repeat)
    warm = timed(english, repeat)
    cold_both = timed(lambda: (shutil.rmtree(cache, ignore_errors=True), both()), repeat)
    warm_both = timed(both, repeat)
    plain = timed(lambda: mkdocs_build(plain_config(scratch), scratch / "b", cache), repeat)
    return [("plain Material, hand-written pages only", plain), ("English edition, cold diagram cache", cold),
            ("English edition, warm diagram cache", warm), ("both editions, cold diagram cache", cold_both),
            ("both editions, warm diagram cache", warm_both)]


def engine_builds(scratch: Path, repeat: int) -> list[tuple[str, float]]:
    """Time both editions built by each engine, side by side, warm diagram caches: MkDocs, then the CLI plus Zensical."""
    zensical = zensical_build.ZENSICAL
    if not zensical.is_file():
        sys.exit(f"error: {zensical} is missing; `make setup-test` installs it")
    os.environ.update(SITE_URL=SITE_URL, SITE_URL_RU=SITE_URL + "ru/")  # the address each edition is built for
    site, work = scratch / "engines-mkdocs", scratch / "engines-work"
    editions = {lang: zensical_build.edition_config(ROOT / config)["site_url"]
                for lang, (config, _, _) in zensical_build.EDITIONS.items()}
    command = [sys.executable, str(ROOT / "scripts/zensical_build.py"), "--out", str(scratch / "engines-zensical"),
               "--work", str(work), "--site-url", SITE_URL]

    def with_mkdocs():
        mkdocs_build(ROOT / "mkdocs.yml", site, scratch / "cache")
        mkdocs_build(ROOT / "mkdocs.ru.yml", site / "ru", scratch / "cache")

    def with_zensical():
        subprocess.run(command, check=True, capture_output=True)

    def render_only():
        for lang, url in editions.items():
            zensical_build.render(lang, url, scratch / "engines-render" / lang)

    def zensical_only():
        for lang in editions:
            zensical_build.run_zensical(zensical, work / lang / "mkdocs.yml", lang)

    with_mkdocs(), with_zensical()  # fill both diagram caches (the hook's here, the CLI's in .cache/) and work/
    return [("MkDocs + Material, both editions (the hook generates in memory)", timed(with_mkdocs, repeat)),
            ("Zensical, both editions: CLI render, merge with docs/, zensical build", timed(with_zensical, repeat)),
            ("  of which the CLI render of both editions", timed(render_only, repeat)),
            ("  of which zensical build of both editions", timed(zensical_only, repeat))]


def generator_steps(model_dir: Path, repeat: int) -> list[tuple[str, float]]:
    """Time each generator step on a model, without a cache."""
    documents = load_documents(model_dir, model_dir.parent)[0]
    model = validate_model(documents)[0]
    placed = diagram_pages(model)
    shown = pipeline.pictures(model, placed, "en")
    widths = pipeline.measure(shown)
    dots = pipeline.picture_dots(shown, widths)
    with ThreadPoolExecutor() as pool:
        svg_time = timed(lambda: list(pool.map(lambda dot: graphviz_run.run(dot, "svg"), dots)), repeat)
    return [
        ("load (YAML with positions)", timed(lambda: load_documents(model_dir, model_dir.parent), repeat)),
        ("validate and build the model", timed(lambda: validate_model(documents), repeat)),
        (f"scenes of {len(dots)} pictures (every diagram, wide and narrow)",
         timed(lambda: pipeline.pictures(model, placed, "en"), repeat)),
        ("text widths, one Graphviz run", timed(lambda: pipeline.measure(shown), repeat)),
        (f"layout and DOT of {len(dots)} pictures", timed(lambda: pipeline.picture_dots(shown, widths), repeat)),
        (f"SVG from neato for {len(dots)} pictures, in parallel", svg_time),
        ("Markdown pages", timed(lambda: render_pages(model, {(p, d.id): "<svg/>" for p, ds in placed.items() for d in ds},
                                                      placed=placed), repeat)),
        ("whole generator, cold (SVG and PNG previews), one edition",
         timed(lambda: pipeline.build(model_dir, model_dir.parent), repeat)),
        ("whole generator, cold, link-preview PNGs skipped (as in mkdocs serve)",
         timed(lambda: pipeline.render(model, lang="en", previews=False), repeat)),
    ]


def one_field_edit(scratch: Path, repeat: int) -> list[tuple[str, float]]:
    """Time regeneration after changing one component's summary, as mkdocs serve does."""
    model_dir = scratch / "edit" / "diagrams"
    shutil.copytree(ROOT / "diagrams", model_dir)
    cache = DotCache(scratch / "edit-cache")
    pipeline.build_with_warnings(model_dir, model_dir.parent, cache)
    components = model_dir / "components.yaml"
    text = components.read_text()

    def edit_and_build():
        components.write_text(re.sub(r'(summary:\s+en: ")', lambda m: f"{m.group(1)}{time.monotonic_ns()} ", text, count=1))
        pipeline.build_with_warnings(model_dir, model_dir.parent, cache)
    return [("regenerate after a one-field edit (warm cache)", timed(edit_and_build, repeat))]


SERVE_PAGES = {"en": "components/kvm/", "ru": "ru/components/kvm/"}  # the page each --serve-loop edit is watched on
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


def _free_port() -> int:
    """Return a port free right now on 127.0.0.1, for `mkdocs serve` to bind itself."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_project(folder: Path, scripts_rev: str | None = None) -> Path:
    """Copy the site's sources (configs, docs, model, scripts, overrides) into folder, for a serve of its own.

    With scripts_rev, scripts/ is that git revision's instead (a baseline to compare with).
    """
    folder.mkdir(parents=True)
    for config in ("mkdocs.yml", "mkdocs.ru.yml"):
        shutil.copy(ROOT / config, folder)
    for name in ("docs", "diagrams", "scripts", "overrides"):
        if name != "scripts" or scripts_rev is None:
            shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    if scripts_rev is not None:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", scripts_rev, "scripts"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


class _Serve:
    """One `mkdocs serve --livereload` of a throwaway copy of the project, on a free port."""

    def __init__(self, scratch: Path, scripts_rev: str | None):
        self.name = f"serve-loop-{scripts_rev or 'tree'}"
        self.label = f", scripts/ of {scripts_rev}" if scripts_rev else ""
        project = _serve_project(scratch / self.name, scripts_rev)
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(scratch / f"{self.name}-cache"),
               "SITE_URL": self.base, "SITE_URL_RU": self.base + "ru/"}
        self.log_path = scratch / f"{self.name}.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                         "--livereload"], cwd=project, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.components = project / "diagrams/components.yaml"
        self.text = self.components.read_text()

    def wait_until_up(self, page) -> None:
        """Return once the Russian edition answers (the first build of both editions is done)."""
        for _ in range(480):
            if self.process.poll() is not None:
                sys.exit("error: mkdocs serve stopped:\n" + self.log_path.read_text())
            try:
                if page.goto(self.base + SERVE_PAGES["ru"], timeout=60_000).ok:
                    return
            except Exception:  # not listening yet
                pass
            time.sleep(0.25)
        sys.exit(f"error: mkdocs serve did not answer in 2 minutes:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


SUMMARY = {lang: re.compile(rf'(  - id: kvm\n(?:    .*\n)*?    summary:\n(?:      .*\n)*?      {lang}: ")') for lang in SERVE_PAGES}


def _one_edit(serve: _Serve, page, lang: str) -> tuple[float, float]:
    """Change both of KVM's summaries; return the seconds until lang's page shows its text, and until both editions do."""
    page.goto(serve.base + SERVE_PAGES[lang])
    time.sleep(1)  # the live-reload script is polling; the watcher has seen the last edit
    markers = {edition: f"vsbench{edition}x{time.monotonic_ns()}" for edition in SERVE_PAGES}
    for edition, marker in markers.items():
        serve.text = SUMMARY[edition].sub(lambda m: m[1] + marker + " ", serve.text, count=1)
    start = time.perf_counter()
    serve.components.write_text(serve.text)
    page.wait_for_function(f"() => document.body && document.body.innerText.includes({markers[lang]!r})",
                           polling=10, timeout=120_000)
    shown = time.perf_counter() - start
    for edition, path in SERVE_PAGES.items():  # then the other edition has its new text too
        while markers[edition] not in urllib.request.urlopen(serve.base + path, timeout=60).read().decode():
            time.sleep(0.01)
    return shown, time.perf_counter() - start


def serve_loop(scratch: Path, repeat: int, baseline: str | None = None) -> list[tuple[str, float]]:
    """Time save-to-reload under a real `mkdocs serve --livereload`, for an English and a Russian page.

    Each edit writes new markers into KVM's summaries (both editions) in
    diagrams/components.yaml; the time runs from that write until the open
    page, reloaded by MkDocs' live-reload script, shows its edition's marker;
    the second row of each runs on until the other edition serves its marker
    too. With baseline (a git revision), a second serve with that revision's
    scripts/ runs beside, its edits taking turns with the tree's, so both see
    the same load. Medians of repeat edits.
    """
    from playwright.sync_api import sync_playwright
    serves = [_Serve(scratch, rev) for rev in ([baseline] if baseline else []) + [None]]
    rows = [("machine load before (1-minute load average; other work on the cores slows every row)", os.getloadavg()[0])]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=CHROMIUM_FLAGS)
            try:
                page = browser.new_page()
                for serve in serves:
                    serve.wait_until_up(page)
                for lang, path in SERVE_PAGES.items():
                    times = {serve.name: [] for serve in serves}
                    for _ in range(repeat):
                        for serve in serves:
                            times[serve.name].append(_one_edit(serve, page, lang))
                    for serve in serves:
                        shown, both = zip(*times[serve.name])
                        name = f"{'English' if lang == 'en' else 'Russian'} page /{path}{serve.label}"
                        rows.append((f"save to reload, {name} (each: {', '.join(f'{t:.2f}' for t in shown)})",
                                     statistics.median(shown)))
                        rows.append((f"save to both editions served, watching {name}", statistics.median(both)))
            finally:
                browser.close()
    finally:
        for serve in serves:
            serve.stop()
    return rows + [("machine load after", os.getloadavg()[0])]


def synthetic_model(folder: Path, n: int) -> Path:
    """Write a model of n components in the real layers, about three relations each."""
    model_dir = folder / f"synthetic-{n}" / "diagrams"
    model_dir.mkdir(parents=True)
    shutil.copy(ROOT / "diagrams/layers.yaml", model_dir)
    layers = ["hardware", "kernel", "vmm", "management", "tools"]
    source = "sources:\n  - {id: s, title: T, url: 'https://example.org/', publisher: P, checked: '2026-11'}\n"
    (model_dir / "sources.yaml").write_text(source)
    components = ["components:"] + [
        f"  - {{id: c{i}, name: {{en: C{i}, ru: C{i}}}, layer: {layers[i % 5]}, kind: vmm, "
        f"summary: {{en: Component {i}., ru: Компонент {i}.}}, sources: [s]}}"
        for i in range(n)]
    relations = ["relations:"] + [
        f"  - {{from: c{i}, to: c{(i * 7 + k * 13 + 1) % n}, kind: {kind}, label: {{en: uses, ru: использует}}, sources: [s]}}"
        for i in range(n) for k, kind in enumerate(("uses", "controls", "provides")) if (i * 7 + k * 13 + 1) % n != i]
    _write_parts(model_dir, "components", components)
    _write_parts(model_dir, "relations", relations)
    home = ", ".join(f"c{i}" for i in range(min(n, 10)))
    (model_dir / "views.yaml").write_text(
        f"views:\n  - {{id: stack, home: true, title: {{en: T, ru: T}}, summary: {{en: S, ru: S}}, components: [{home}]}}\n")
    return model_dir


def _write_parts(model_dir: Path, key: str, lines: list[str], per_file: int = 2000) -> None:
    """Write a collection as key.yaml plus part files, each well under the 1 MiB file limit."""
    header, items = lines[0], lines[1:]
    for start in range(0, max(len(items), 1), per_file):
        name = f"{key}.yaml" if start == 0 else f"{key}.part{start // per_file}.yaml"
        (model_dir / name).write_text("\n".join([header, *items[start:start + per_file]]) + "\n")


def synthetic(scratch: Path, sizes: list[int], generate: list[int]) -> list[tuple[str, float]]:
    """Time checking every size and fully generating the sizes in generate."""
    rows = []
    for n in sizes:
        model_dir = synthetic_model(scratch, n)
        rows.append((f"{n} components: check", timed(lambda: pipeline.check(model_dir, model_dir.parent))))
        if n in generate:
            rows.append((f"{n} components: full generation, cold", timed(lambda: pipeline.build(model_dir, model_dir.parent))))
    return rows


def page_weights(scratch: Path, pages: list[str]) -> list[tuple[str, float]]:
    """Return the gzipped bytes a first visit transfers for each page: HTML, CSS, JS (the SVGs are inline)."""
    site = scratch / "a"
    rows = []
    for page in pages:
        html_path = site / page / "index.html"
        html = html_path.read_text()
        assets = re.findall(r'<(?:link rel="stylesheet" href|script (?:defer )?src)="([^"]+)"', html)
        files = [html_path] + [(html_path.parent / a).resolve() for a in assets if not a.startswith("http")]
        total = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.is_file())
        rows.append((f"/{page} ({len(files)} files), KiB gzipped", total / 1024))
    return rows


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site gzipped, as a web host does; Lighthouse on an uncompressed server misleads."""

    def log_message(self, *args):
        pass

    def send_head(self):
        """Send a file gzipped when the browser accepts it."""
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded server that does not print a traceback each time the browser drops a connection."""

    def handle_error(self, request, client_address):
        """Report errors other than a connection the client closed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


LIGHTHOUSE_PAGES = ["", "question/", "questions/qemu-kvm/", "components/kvm/", "ru/", "ru/components/kvm/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(scratch: Path, repeat: int) -> str:
    """Return a table of Lighthouse's mobile scores (median of repeat runs) for LIGHTHOUSE_PAGES."""
    site = scratch / "a"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 8765), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    lines = ["### Lighthouse, mobile (median of runs)", "", "| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT |",
             "| --- |" + " ---: |" * (len(CATEGORIES) + 3)]
    try:
        for page in LIGHTHOUSE_PAGES:
            runs = []
            for _ in range(repeat):
                result = subprocess.run([str(ROOT / "node_modules/.bin/lighthouse"), SITE_URL + page, "--quiet",
                                         "--output=json", "--output-path=stdout", f"--chrome-flags={flags}",
                                         "--only-categories=" + ",".join(CATEGORIES)],
                                        capture_output=True, text=True, check=True, env={**os.environ, "CHROME_PATH": chromium})
                runs.append(json.loads(result.stdout))
            scores = [statistics.median(round(r["categories"][c]["score"] * 100) for r in runs) for c in CATEGORIES]
            times = [statistics.median(r["audits"][a]["numericValue"] for r in runs)
                     for a in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")]
            lines.append(f"| /{page} | " + " | ".join(f"{x:.0f}" for x in scores) + " | "
                         + " | ".join(f"{t / 1000:.2f} s" if i < 2 else f"{t:.0f} ms" for i, t in enumerate(times)) + " |")
    finally:
        server.shutdown()
    return "\n".join(lines) + "\n"


def legibility_rows(url: str, paths: list[str]) -> tuple[list[tuple[str, dict]], list[str]]:
    """Measure paths at every viewport; return one summary row per viewport and edition, and pages not measured."""
    rows, failures = [], []
    with legibility.chromium() as browser:
        for viewport in legibility.VIEWPORTS.values():
            records, failed = legibility.measure_site(browser, url, paths, viewport)
            failures += failed
            for edition in ("en", "ru"):
                mine = [record for record in records if legibility.edition(record["page"]) == edition]
                rows.append((f"{viewport.name} {viewport.width}, {edition}", legibility.summary(mine)))
    return rows, failures


def legibility_report(scratch: Path) -> str:
    """Build both editions for a port bound once, serve them from it, and return the diagram legibility table."""
    site = scratch / "legibility"
    site.mkdir()
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        mkdocs_build(ROOT / "mkdocs.yml", site, scratch / "cache", site_url=url)
        mkdocs_build(ROOT / "mkdocs.ru.yml", site / "ru", scratch / "cache", site_url=url)
        rows, failures = legibility_rows(url, legibility.diagram_pages(site))
    finally:
        server.shutdown()
        server.server_close()
    notes = "".join(f"\n- not measured: {failure}" for failure in failures)
    return "### Diagram legibility (rendered px at the default zoom)\n\n" + legibility.table(rows) + notes


def report(title: str, rows: list[tuple[str, float]]) -> str:
    """Return one Markdown table."""
    lines = [f"### {title}", "", "| what | value |", "| --- | ---: |"]
    return "\n".join(lines + [f"| {name} | {seconds:.3f} |" for name, seconds in rows]) + "\n"


def main() -> None:
    """Run every measurement and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--sizes", default="100,1000,5000", help="synthetic model sizes to check")
    parser.add_argument("--generate", default="100,1000", help="synthetic sizes to generate fully (slow)")
    parser.add_argument("--lighthouse", action="store_true", help="also score pages with Lighthouse (mobile, slow)")
    parser.add_argument("--legibility", action="store_true", help="also measure every diagram's legibility in Chromium")
    parser.add_argument("--engines", action="store_true", help="also build both editions with each engine, MkDocs and Zensical")
    parser.add_argument("--serve-loop", action="store_true",
                        help="also time save-to-reload under mkdocs serve, in headless Chromium (both editions)")
    parser.add_argument("--serve-baseline", metavar="REV",
                        help="with --serve-loop, also serve with scripts/ of git revision REV, edits taking turns, to compare")
    parser.add_argument("--only-serve-loop", action="store_true", help="time the serve loop alone (implies --serve-loop)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    generate = [int(n) for n in args.generate.split(",") if n]
    print(f"# virtstack benchmark\n\n{os.cpu_count()} CPUs; {subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}\n")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        if args.serve_loop or args.only_serve_loop:
            print(report("mkdocs serve: from saving components.yaml to the page reloaded with the new text",
                         serve_loop(scratch, max(args.repeat, 5), args.serve_baseline)))
        if args.only_serve_loop:
            return
        print(report("Site build (mkdocs build)", site_builds(scratch, args.repeat)))
        if args.engines:
            print(report("Both editions by each engine (warm diagram caches)", engine_builds(scratch, args.repeat)))
        print(report("Page weight on a first visit", page_weights(scratch, ["", "question/", "questions/qemu-kvm/", "components/kvm/"])))
        print(report("Generator on the real model", generator_steps(ROOT / "diagrams", args.repeat)))
        print(report("mkdocs serve after editing one field", one_field_edit(scratch, args.repeat)))
        if args.lighthouse:
            print(lighthouse(scratch, args.repeat))
        if args.legibility:
            print(legibility_report(scratch))
        print(report("Synthetic models", synthetic(scratch, sizes, generate)))


if __name__ == "__main__":
    main()
