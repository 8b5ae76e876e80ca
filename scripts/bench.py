"""Measure the build, side by side in one run: `make bench` (or python scripts/bench.py).

Prints a Markdown report: the full site build against a plain Material build
of the same hand-written pages; each generator step on the real model; a
one-field edit as `mkdocs serve` regenerates it; and synthetic models of
growing size. Times are wall-clock seconds, the median of --repeat runs; weights are KiB.
Nothing here asserts a time: the numbers are for people to read.
"""

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from virtstack import pipeline  # noqa: E402
from virtstack.cache import DotCache  # noqa: E402
from virtstack.load import load_documents  # noqa: E402
from virtstack.render_diagrams import diagram_to_dot, dot_to_svg  # noqa: E402
from virtstack.render_pages import diagram_pages, page_root, render_pages  # noqa: E402
from virtstack.validate import validate_model  # noqa: E402


def timed(function, repeat: int = 1) -> float:
    """Return the median wall-clock seconds of running function repeat times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mkdocs_build(config: Path, site: Path, cache: Path) -> None:
    """Run a real mkdocs build of a config into site, with the diagram cache at cache."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIRTSTACK_CACHE": str(cache)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, env=env, capture_output=True)


def plain_config(folder: Path) -> Path:
    """Write a Material config for the hand-written pages only: no hook, no generated pages."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV [SITE_URL,", "[").replace('"]', '"]'))
    for key in ("hooks", "nav", "not_in_nav", "watch", "validation", "extra_javascript"):
        config.pop(key, None)
    config["extra_css"] = [css for css in config["extra_css"] if not css.startswith("assets/")]
    config.update(docs_dir=str(ROOT / "docs"), site_url="http://127.0.0.1:8000/")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    path = folder / "plain.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def site_builds(scratch: Path, repeat: int) -> list[tuple[str, float]]:
    """Time the full site (cold and warm diagram cache) against plain Material."""
    cache = scratch / "cache"
    cold = timed(lambda: (shutil.rmtree(cache, ignore_errors=True), mkdocs_build(ROOT / "mkdocs.yml", scratch / "a", cache)), repeat)
    warm = timed(lambda: mkdocs_build(ROOT / "mkdocs.yml", scratch / "a", cache), repeat)
    plain = timed(lambda: mkdocs_build(plain_config(scratch), scratch / "b", cache), repeat)
    return [("plain Material, hand-written pages only", plain), ("full site, cold diagram cache", cold),
            ("full site, warm diagram cache", warm)]


def generator_steps(model_dir: Path, repeat: int) -> list[tuple[str, float]]:
    """Time each generator step on a model, without a cache."""
    documents = load_documents(model_dir, model_dir.parent)[0]
    model = validate_model(documents)[0]
    placed = diagram_pages(model)
    dots = [diagram_to_dot(model, d, root=page_root(p)) for p, d in placed]
    with ThreadPoolExecutor() as pool:
        svg_time = timed(lambda: list(pool.map(dot_to_svg, dots)), repeat)
    return [
        ("load (YAML with positions)", timed(lambda: load_documents(model_dir, model_dir.parent), repeat)),
        ("validate and build the model", timed(lambda: validate_model(documents), repeat)),
        (f"DOT for {len(dots)} diagrams", timed(lambda: [diagram_to_dot(model, d, root=page_root(p)) for p, d in placed], repeat)),
        (f"SVG from dot for {len(dots)} diagrams, in parallel", svg_time),
        ("Markdown pages", timed(lambda: render_pages(model, {(p, d.id): "<svg/>" for p, d in placed}), repeat)),
        ("whole generator, cold (SVG and PNG previews)", timed(lambda: pipeline.build(model_dir, model_dir.parent), repeat)),
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
        components.write_text(text.replace("summary: {en: \"", f"summary: {{en: \"{time.monotonic_ns()} ", 1))
        pipeline.build_with_warnings(model_dir, model_dir.parent, cache)
    return [("regenerate after a one-field edit (warm cache)", timed(edit_and_build, repeat))]


def synthetic_model(folder: Path, n: int) -> Path:
    """Write a model of n components in the real layers, about three relations each."""
    model_dir = folder / f"synthetic-{n}" / "diagrams"
    model_dir.mkdir(parents=True)
    shutil.copy(ROOT / "diagrams/layers.yaml", model_dir)
    layers = ["hardware", "kernel", "vmm", "management", "tools"]
    source = "sources:\n  - {id: s, title: T, url: 'https://example.org/', publisher: P}\n"
    (model_dir / "sources.yaml").write_text(source)
    components = ["components:"] + [
        f"  - {{id: c{i}, name: {{en: C{i}}}, layer: {layers[i % 5]}, kind: vmm, summary: {{en: Component {i}.}}, sources: [s]}}"
        for i in range(n)]
    relations = ["relations:"] + [
        f"  - {{from: c{i}, to: c{(i * 7 + k * 13 + 1) % n}, kind: {kind}, label: {{en: uses}}, sources: [s]}}"
        for i in range(n) for k, kind in enumerate(("uses", "controls", "provides")) if (i * 7 + k * 13 + 1) % n != i]
    _write_parts(model_dir, "components", components)
    _write_parts(model_dir, "relations", relations)
    home = ", ".join(f"c{i}" for i in range(min(n, 10)))
    (model_dir / "views.yaml").write_text(
        f"views:\n  - {{id: stack, home: true, title: {{en: T}}, summary: {{en: S}}, components: [{home}]}}\n")
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
        assets = re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)
        files = [html_path] + [(html_path.parent / a).resolve() for a in assets if not a.startswith("http")]
        total = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.is_file())
        rows.append((f"/{page} ({len(files)} files), KiB gzipped", total / 1024))
    return rows


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
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    generate = [int(n) for n in args.generate.split(",") if n]
    print(f"# virtstack benchmark\n\n{os.cpu_count()} CPUs; {subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}\n")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        print(report("Site build (mkdocs build)", site_builds(scratch, args.repeat)))
        print(report("Page weight on a first visit", page_weights(scratch, ["", "question/", "questions/qemu-kvm/", "components/kvm/"])))
        print(report("Generator on the real model", generator_steps(ROOT / "diagrams", args.repeat)))
        print(report("mkdocs serve after editing one field", one_field_edit(scratch, args.repeat)))
        print(report("Synthetic models", synthetic(scratch, sizes, generate)))


if __name__ == "__main__":
    main()
