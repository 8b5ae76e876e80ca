"""Tests for scripts/cli.py, run as a real process the way a contributor runs it."""

import os
import subprocess
import sys

from conftest import ROOT


REFERENCE = "http://127.0.0.1:8000/reference/"  # where the issue codes are explained when $SITE_URL is not set


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run scripts/cli.py with this venv's Python (and without the caller's $SITE_URL, unless env sets one)."""
    env = env or {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run([sys.executable, str(ROOT / "scripts/cli.py"), *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_check_passes_on_the_repository_model():
    result = cli("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 5 layers, ")
    assert result.stderr == ""


def test_check_reports_a_typo_with_location_and_hint_and_exits_1(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - from: virsh\n    to: qemo\n    kind: uses\n"
                                          "    label: {en: starts, ru: запускает}\n    sources: [readme]\n"})
    result = cli("--model", str(folder), "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "diagrams/relations.yaml:3:9: error: unknown component 'qemo' in 'to' (did you mean 'qemu'?) [unknown-ref]\n"
        f"unknown-ref: see {REFERENCE}#issue-unknown-ref\n"
        "1 error(s); nothing was written.\n")


def test_check_names_each_code_once_with_its_reference_on_the_site_url(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - from: virsh\n    to: qemo\n    kind: usees\n"
                                          "    label: {en: starts, ru: запускает}\n    sources: [readm]\n"})
    result = cli("--model", str(folder), "check", env={**os.environ, "SITE_URL": "https://example.org/virtstack"})
    assert result.returncode == 1
    assert result.stderr.splitlines()[3:] == [
        "unknown-ref: see https://example.org/virtstack/reference/#issue-unknown-ref",
        "bad-enum: see https://example.org/virtstack/reference/#issue-bad-enum",
        "3 error(s); nothing was written.",
    ]


def test_render_writes_the_generated_files_and_keeps_them_when_the_model_breaks(model_dir, tmp_path):
    out = tmp_path / "out"
    folder = model_dir()
    assert cli("--model", str(folder), "render", "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert out / "components/kvm.md" in before and out / "stack.svg" in before
    (folder / "components.yaml").write_text("components: [\n")
    result = cli("--model", str(folder), "render", "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_render_refuses_to_write_into_docs():
    result = cli("render", "--out", str(ROOT / "docs/generated"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: refusing to write into ")
    assert not (ROOT / "docs/generated").exists()


def test_render_says_clearly_when_dot_is_missing(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}
    result = cli("render", "--out", str(tmp_path / "out"), env=env)
    assert result.returncode == 1
    assert result.stderr == "error: Graphviz's 'dot' was not found on PATH; install the graphviz package (make setup does)\n"


def test_check_prints_github_annotations_on_request(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - from: virsh\n    to: qemo\n    kind: uses\n"
                                          "    label: {en: starts, ru: запускает}\n    sources: [readme]\n"})
    result = cli("--model", str(folder), "check", "--format", "github")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "::error file=diagrams/relations.yaml,line=3,col=9,title=unknown-ref::"
        "unknown component 'qemo' in 'to' (did you mean 'qemu'?) [unknown-ref]")


def test_check_prints_warnings_and_still_passes(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - {from: qemu, to: kvm, kind: uses, label: {en: x, ru: икс}, sources: [api, readme]}\n"})
    result = cli("--model", str(folder), "check")
    assert result.returncode == 0
    assert result.stderr == ("diagrams/components.yaml:18:9: warning: component 'virsh' has no relations; "
                             "add one to relations.yaml [no-relations]\n"
                             f"no-relations: see {REFERENCE}#issue-no-relations\n")


def test_render_with_the_site_url_links_absolutely_and_names_the_sitemaps(model_dir, tmp_path):
    out = tmp_path / "out"
    result = cli("--model", str(model_dir()), "render", "--out", str(out), "--site-url", "https://example.org/docs")
    assert result.returncode == 0, result.stderr
    assert (out / "robots.txt").read_text() == ("User-agent: *\nAllow: /\nSitemap: https://example.org/docs/sitemap.xml\n"
                                                "Sitemap: https://example.org/docs/ru/sitemap.xml\n")
    assert '<a href="https://example.org/docs/components/kvm/"' in (out / "index.md").read_text()


def test_render_refuses_a_site_url_that_is_not_http(model_dir, tmp_path):
    result = cli("--model", str(model_dir()), "render", "--out", str(tmp_path / "out"), "--site-url", "javascript:alert(1)")
    assert result.returncode == 2
    assert result.stderr.endswith("cli.py render: error: argument --site-url: 'javascript:alert(1)' is not an http(s) address\n")
    assert not (tmp_path / "out").exists()


def test_render_strict_fails_on_a_warning_and_writes_nothing(model_dir, tmp_path):
    folder = model_dir()
    sources = folder / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: unused\n    title: Nobody cites this\n    url: https://example.org/x\n"
                       "    publisher: Nobody\n    checked: \"2026-11\"\n")
    result = cli("--model", str(folder), "render", "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1
    assert result.stderr == ("diagrams/sources.yaml:13:9: warning: source 'unused' is cited nowhere; cite it or remove it "
                             f"[unused-source]\nunused-source: see {REFERENCE}#issue-unused-source\n"
                             "1 warning(s), fatal with --strict; nothing was written.\n")
    assert not (tmp_path / "out").exists()


def test_csp_gives_every_page_of_an_edition_its_policy_and_leaves_the_other_editions_alone(tmp_path):
    site = tmp_path / "site"
    (site / "ru").mkdir(parents=True)
    (site / "index.html").write_text("<html><head><script>a()</script></head></html>")
    (site / "ru/index.html").write_text("<html><head></head></html>")
    result = cli("csp", str(site))
    assert (result.returncode, result.stdout) == (0, f"Content-Security-Policy on 1 page(s) in {site}\n")
    assert "'sha256-" in (site / "index.html").read_text()
    assert (site / "ru/index.html").read_text() == "<html><head></head></html>"


def test_new_appends_a_component_whose_todos_the_check_refuses_until_written(model_dir):
    folder = model_dir()
    before = (folder / "components.yaml").read_text()
    result = cli("--model", str(folder), "new", "component", "lxc")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "added component 'lxc' to diagrams/components.yaml, line 25: replace each TODO; `make check` lists those left\n"
        "it shows on its own page and the components and layers pages; to draw it in a view, add its id to that "
        "view's components in diagrams/views.yaml (CONTRIBUTING.md)\n")
    text = (folder / "components.yaml").read_text()
    assert text.startswith(before.rstrip("\n") + "\n\n  - id: lxc\n    name: {en: TODO, ru: TODO}\n")
    check = cli("--model", str(folder), "check")
    assert check.returncode == 1
    assert check.stderr.splitlines()[0] == (
        "diagrams/components.yaml:26:16: error: 'name.en' still holds a TODO placeholder; write the name in English [todo]")
    assert check.stderr.splitlines()[-2:] == [f"todo: see {REFERENCE}#issue-todo", "25 error(s); nothing was written."]


def test_new_creates_a_part_file_with_its_schema_line(model_dir):
    folder = model_dir()
    result = cli("--model", str(folder), "new", "source", "lxc-readme", "--part", "containers")
    assert result.returncode == 0, result.stderr
    assert (folder / "sources.containers.yaml").read_text() == (
        "# yaml-language-server: $schema=schema/sources.schema.json\nsources:\n  - id: lxc-readme\n    title: TODO\n"
        '    url: TODO\n    publisher: TODO\n    date: "TODO"\n    checked: "TODO"\n')


def test_new_refuses_an_id_the_model_already_has_in_one_line(model_dir):
    folder = model_dir()
    before = {p.name: p.read_text() for p in folder.iterdir()}
    result = cli("--model", str(folder), "new", "relation", "qemu-uses-kvm")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "error: relation 'qemu-uses-kvm' already exists (diagrams/relations.yaml:2:5); choose another id\n"
    assert {p.name: p.read_text() for p in folder.iterdir()} == before


def test_check_warns_about_unregistered_addresses_until_addresses_registers_them(model_dir):
    folder = model_dir({"published.txt": "/components/kvm/\n"})
    before = cli("--model", str(folder), "check")
    assert before.returncode == 0
    assert before.stderr.splitlines()[0] == (
        "diagrams/published.txt:1:1: warning: 27 address(es) of the site are not registered yet, such as '/'; "
        "run `make addresses` and commit diagrams/published.txt [unregistered-address]")
    result = cli("--model", str(folder), "addresses")
    assert result.stdout == f"27 new address(es) registered, 28 in all, in {folder / 'published.txt'}; commit it\n"
    assert (folder / "published.txt").read_text().splitlines()[:5] == [
        "# Every address the site has published, both editions. Written by `make addresses`; do not edit it by hand.",
        "# No line is ever removed: `make check` fails when an address stops working, and says what keeps it:",
        "# 'aliases: [old-id]' on what replaced it (renamed, merged, a relation re-kinded or re-pointed),",
        "# or an entry in retired.yaml when nothing did (its old page or anchor then says when and why).",
        "/"]
    after = cli("--model", str(folder), "check")
    assert (after.returncode, after.stderr) == (0, "")
