"""Tests for addresses.py: published addresses keep working; renamed ids redirect."""

import functools
import re
import http.server
import threading

import pytest

from virtstack import pipeline
from virtstack.addresses import alias_anchors, page_paths, redirect_pages, site_addresses
from virtstack.issues import ModelError, format_issue

from conftest import ROOT, mkdocs
from test_mkdocs_hooks import copy_project

RENAMED = """\
components:
  - {id: kernel-vm, aliases: [kvm], name: {en: KVM, ru: KVM}, layer: kernel, kind: kernel-module,
     summary: {en: "Runs guests.", ru: "Запускает гостей."}, sources: [api]}
  - {id: qemu, name: {en: QEMU, ru: QEMU}, layer: tools, kind: vmm, summary: {en: An emulator., ru: Эмулятор.}, sources: [readme]}
  - {id: virsh, name: {en: virsh, ru: virsh}, layer: tools, kind: cli, summary: {en: A shell., ru: Оболочка.}, sources: [readme]}
"""
RELATIONS = """\
relations:
  - {from: qemu, to: kernel-vm, kind: uses, label: {en: runs guests with, ru: запускает гостей с помощью}, sources: [api]}
  - {from: virsh, to: qemu, kind: controls, label: {en: starts, ru: запускает}, sources: [readme]}
"""


def test_site_addresses_lists_pages_and_model_anchors(model_dir):
    folder = model_dir()
    model = pipeline.check(folder, folder.parent)[0]
    english = ["/", "/components/", "/components/kvm/", "/components/kvm/#qemu-uses-kvm", "/components/qemu/",
               "/components/qemu/#qemu-uses-kvm", "/components/qemu/#virsh-controls-qemu", "/components/virsh/",
               "/components/virsh/#virsh-controls-qemu", "/layers/", "/layers/#kernel", "/layers/#tools", "/reference/",
               "/sources/"]
    assert site_addresses(model) == sorted(english + ["/ru" + address for address in english])


def test_a_published_russian_address_is_checked_like_its_english_twin(model_dir):
    folder = model_dir({"published.txt": "/ru/components/kvm/\n/ru/components/kvm/#qemu-uses-kvm\n/ru/components/gone/\n"})
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues] == [
        "diagrams/published.txt:3:1: error: published address '/ru/components/gone/' no longer exists; give the entity "
        "that replaced it the old id in 'aliases' so old links redirect [gone-address]"]


def test_a_published_address_that_disappears_fails_the_check(model_dir):
    folder = model_dir({"published.txt": "# registry\n/components/kvm/\n/components/kvm/#qemu-uses-kvm\n/components/gone/\n"})
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues] == [
        "diagrams/published.txt:4:1: error: published address '/components/gone/' no longer exists; give the entity "
        "that replaced it the old id in 'aliases' so old links redirect [gone-address]"]


def test_a_renamed_component_keeps_its_old_page_and_anchors(model_dir):
    folder = model_dir({"components.yaml": RENAMED, "relations.yaml": RELATIONS,
                        "published.txt": "/components/kvm/\n/components/kvm/#qemu-uses-kvm\n/components/qemu/#qemu-uses-kvm\n"
                                           "/ru/components/kvm/#qemu-uses-kvm\n"})
    model, issues = pipeline.check(folder, folder.parent)
    assert issues == []
    assert alias_anchors(model) == {"kernel-vm": ["qemu-uses-kvm"], "qemu": ["qemu-uses-kvm"]}
    assert list(redirect_pages(model)) == ["components/kvm/index.html"]
    outputs = pipeline.render(model)
    assert '<script>location.replace(\'../kernel-vm/\' + location.hash)</script>' in outputs["components/kvm/index.html"]
    moved = pipeline.render(model, lang="ru")["components/kvm/index.html"]
    assert '<html lang="ru">' in moved and "<p>Эта страница переехала: <a href=\"../kernel-vm/\">" in moved
    assert '<span id="qemu-uses-kvm"></span>' in outputs["components/kernel-vm.md"]


def test_the_repository_registers_every_address_it_publishes():
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    registered = set((ROOT / "diagrams/published.txt").read_text().splitlines())
    missing = sorted(set(site_addresses(model)) - registered)
    assert missing == [], "run `make addresses` and commit diagrams/published.txt"


@pytest.mark.browser
def test_an_old_link_is_followed_to_the_new_page_and_anchor(tmp_path, browser):
    project = copy_project(tmp_path)
    for path in project.joinpath("diagrams").glob("*.y*ml"):
        path.write_text(re.sub(r"(?<![\w-])kvmtool(?![\w-])", "lkvm", path.read_text()))
    components = project / "diagrams/components.alternatives.yaml"
    components.write_text(components.read_text().replace("  - id: lkvm\n", "  - id: lkvm\n    aliases: [kvmtool]\n", 1))
    published = (project / "diagrams/published.txt").read_text()
    assert "/components/kvmtool/#kvmtool-uses-kvm" in published
    result = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    page = browser.new_page()
    try:
        page.goto(base + "components/kvmtool/#kvmtool-uses-kvm")
        page.wait_for_url(base + "components/lkvm/#kvmtool-uses-kvm")
        assert page.locator("[id='kvmtool-uses-kvm']").count() == 1
        assert page.locator("[id='lkvm-uses-kvm']").count() == 1
    finally:
        page.close()
        server.shutdown()


def test_claims_terms_events_and_questions_keep_their_former_ids(answers_dir):
    for name, old, new in (("claims.yaml", "  - id: c2\n", "  - id: c2b\n    aliases: [c2]\n"),
                           ("glossary.yaml", "  - id: vmm\n", "  - id: monitor\n    aliases: [vmm]\n"),
                           ("events.yaml", "  - id: kvm-ships\n", "  - id: kvm-released\n    aliases: [kvm-ships]\n"),
                           ("questions.yaml", "  - id: qemu-kvm\n", "  - id: what-is-qemu-kvm\n    aliases: [qemu-kvm]\n")):
        path = answers_dir / name
        path.write_text(path.read_text().replace(old, new).replace("claims: [c2]", "claims: [c2b]"))
    (answers_dir / "published.txt").write_text(
        "/question/#c2\n/glossary/#vmm\n/timeline/#kvm-ships\n/questions/qemu-kvm/\n/questions/qemu-kvm/#packages\n")
    model, issues = pipeline.check(answers_dir, answers_dir.parent)
    assert issues == []
    outputs = pipeline.render(model)
    assert '<span id="c2"></span>' in outputs["question.md"]
    assert '<span id="vmm"></span>' in outputs["glossary.md"]
    assert '<a id="kvm-released"></a><a id="kvm-ships"></a>' in outputs["timeline.md"]
    assert "location.replace('../what-is-qemu-kvm/' + location.hash)" in outputs["questions/qemu-kvm/index.html"]


def test_the_registry_knows_exactly_the_pages_the_renderers_write():
    model = pipeline.check(ROOT / "diagrams", ROOT)[0]
    for lang in ("en", "ru"):
        rendered = {path for path in pipeline.render(model, lang=lang, previews=False) if path.endswith(".md")}
        assert rendered == set(page_paths(model)), lang
