"""Tests for addresses.py: published addresses keep working; renamed ids redirect."""

import functools
import re
import http.server
import subprocess
import sys
import threading

import pytest

import cli
from virtstack import pipeline
from virtstack.addresses import alias_anchors, page_paths, redirect_pages, retired_notes, retired_pages, site_addresses
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


def gone(line: int, address: str, why: str) -> str:
    """Return the whole gone-address line for a registry line."""
    return f"diagrams/published.txt:{line}:1: error: published address '{address}' no longer exists: {why} [gone-address]"


def keep(kind: str, old: str, hint: str = "") -> str:
    """Return what the gone-address message asks to write for an entity with nothing at its old address."""
    return (f"add 'aliases: [{old}]' to the {kind} that replaced it{hint}, or, if nothing did, "
            f"retire it in diagrams/retired.yaml with a reason (id: {old}, kind: {kind})")


def publish(folder) -> list[str]:
    """Register every address the model in folder has, with the real `addresses` command; return the registry's lines."""
    assert cli.main(["--model", str(folder), "addresses"]) == 0
    return (folder / "published.txt").read_text().splitlines()


def edit(path, old: str, new: str) -> None:
    """Replace the one occurrence of old in a model file."""
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def gone_lines(folder) -> list[str]:
    """Return the formatted issues of a model the check refuses."""
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    return [format_issue(i) for i in caught.value.issues]


def test_a_published_russian_address_is_checked_like_its_english_twin(model_dir):
    folder = model_dir({"published.txt": "/ru/components/kvm/\n/ru/components/kvm/#qemu-uses-kvm\n/ru/components/gone/\n"})
    assert gone_lines(folder) == [gone(3, "/ru/components/gone/", "no component 'gone'; " + keep("component", "gone"))]


def test_a_published_address_that_disappears_fails_the_check(model_dir):
    folder = model_dir({"published.txt": "# registry\n/components/kvm/\n/components/kvm/#qemu-uses-kvm\n/components/gone/\n"})
    assert gone_lines(folder) == [gone(4, "/components/gone/", "no component 'gone'; " + keep("component", "gone"))]


def test_each_kind_of_gone_address_says_what_keeps_it(answers_dir):
    lines = ["/questions/gone/", "/views/gone/", "/components/kvm/#qemu-controls-kvm", "/components/gone/#gone-uses-kvm",
             "/question/#c99", "/glossary/#gone", "/timeline/#gone", "/layers/#gone", "/questions/qemu-kvm/#gone",
             "/nowhere/", "/sources/#gone"]
    (answers_dir / "published.txt").write_text("\n".join(lines) + "\n")
    assert gone_lines(answers_dir) == [
        gone(1, "/questions/gone/", "no question 'gone'; " + keep("question", "gone")),
        gone(2, "/views/gone/", "no view 'gone'; " + keep("view", "gone")),
        gone(3, "/components/kvm/#qemu-controls-kvm", "no relation 'qemu-controls-kvm' on component 'kvm'; "
             + keep("relation", "qemu-controls-kvm", " (relation 'qemu-uses-kvm' has the same ends)")),
        gone(4, "/components/gone/#gone-uses-kvm",
             "its page '/components/gone/' is gone too; keep the page first (retiring it keeps its anchors)"),
        gone(5, "/question/#c99", "no claim 'c99'; " + keep("claim", "c99")),
        gone(6, "/glossary/#gone", "no term 'gone'; " + keep("term", "gone")),
        gone(7, "/timeline/#gone", "no event 'gone'; " + keep("event", "gone")),
        gone(8, "/layers/#gone", "no layer 'gone'; " + keep("layer", "gone")),
        gone(9, "/questions/qemu-kvm/#gone", "no section 'gone' in question 'qemu-kvm'; "
             "add 'aliases: [gone]' to the section of that question that covers it now"),
        gone(10, "/nowhere/", "the model makes no page there now"),
        gone(11, "/sources/#gone", "no anchor 'gone' on that page"),
    ]


def test_a_renamed_component_keeps_its_old_page_and_anchors(model_dir):
    folder = model_dir({"components.yaml": RENAMED, "relations.yaml": RELATIONS,
                        "published.txt": "/components/kvm/\n/components/kvm/#qemu-uses-kvm\n/components/qemu/#qemu-uses-kvm\n"
                                           "/ru/components/kvm/#qemu-uses-kvm\n"})
    model, issues = pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in issues] == [
        "diagrams/published.txt:1:1: warning: 28 address(es) of the site are not registered yet, such as '/'; "
        "run `make addresses` and commit diagrams/published.txt [unregistered-address]"]
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
    registered = subprocess.run([sys.executable, str(project / "scripts/cli.py"), "addresses"], capture_output=True, text=True)
    assert registered.returncode == 0, registered.stderr  # the new addresses; a strict build warns about any left out
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
    assert [i.code for i in issues] == ["unregistered-address"]
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


# Corrections and retirements: each keeps every address the site published -----

RETIRED = """\
retired:
  - id: virsh
    kind: component
    date: "2026-05-01"
    reason: {en: "The site no longer covers shells.", ru: "Сайт больше не рассказывает об оболочках."}
    see_also: [qemu]
  - id: virsh-controls-qemu
    kind: relation
    date: "2026-05-01"
    reason: {en: "It went with virsh.", ru: "Связь удалена вместе с virsh."}
    sources: [readme]
"""


def test_a_rekinded_relation_keeps_its_old_anchor_on_both_ends(model_dir):
    folder = model_dir()
    publish(folder)
    edit(folder / "relations.yaml", "    kind: controls\n", "    kind: uses\n")
    same = " (relation 'virsh-uses-qemu' has the same ends)"
    why = {page: f"no relation 'virsh-controls-qemu' on component '{page}'; " + keep("relation", "virsh-controls-qemu", same)
           for page in ("qemu", "virsh")}
    assert gone_lines(folder) == [
        gone(11, "/components/qemu/#virsh-controls-qemu", why["qemu"]),
        gone(13, "/components/virsh/#virsh-controls-qemu", why["virsh"]),
        gone(24, "/ru/components/qemu/#virsh-controls-qemu", why["qemu"]),
        gone(26, "/ru/components/virsh/#virsh-controls-qemu", why["virsh"]),
    ]
    edit(folder / "relations.yaml", "    kind: uses\n    label: {en: starts", "    kind: uses\n    aliases: [virsh-controls-qemu]\n"
                                                                              "    label: {en: starts")
    model, issues = pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in issues] == [
        "diagrams/published.txt:1:1: warning: 4 address(es) of the site are not registered yet, such as "
        "'/components/qemu/#virsh-uses-qemu'; run `make addresses` and commit diagrams/published.txt [unregistered-address]"]
    assert alias_anchors(model) == {"qemu": ["virsh-controls-qemu"], "virsh": ["virsh-controls-qemu"]}
    for lang in ("en", "ru"):
        pages = pipeline.render(model, lang=lang, previews=False)
        for page in ("components/qemu.md", "components/virsh.md"):
            assert ' {#relations}\n\n<span id="virsh-controls-qemu"></span>\n\n' in pages[page]
            assert "### virsh → QEMU {#virsh-uses-qemu}\n" in pages[page]
    publish(folder)
    assert pipeline.check(folder, folder.parent)[1] == []


def test_a_repointed_relation_keeps_its_old_anchor_on_its_old_end_too(model_dir):
    folder = model_dir()
    publish(folder)
    edit(folder / "relations.yaml", "    to: qemu\n    kind: controls\n", "    to: kvm\n    kind: controls\n    aliases: [virsh-controls-qemu]\n")
    model, issues = pipeline.check(folder, folder.parent)
    assert [i.code for i in issues] == ["unregistered-address"]
    assert alias_anchors(model) == {"kvm": ["virsh-controls-qemu"], "qemu": ["virsh-controls-qemu"], "virsh": ["virsh-controls-qemu"]}
    # QEMU's page has no relation with virsh now, and still holds the old anchor.
    qemu = pipeline.render(model, previews=False)["components/qemu.md"]
    assert "virsh-controls" not in qemu.replace('<span id="virsh-controls-qemu"></span>', "")


def test_a_retired_component_leaves_a_removal_page_and_its_relation_a_note(model_dir):
    folder = model_dir()
    publish(folder)
    components, relations = folder / "components.yaml", folder / "relations.yaml"
    components.write_text(components.read_text().split("  - id: virsh\n")[0])
    relations.write_text(relations.read_text().split("  - from: virsh\n")[0])
    page_gone = "its page '{}' is gone too; keep the page first (retiring it keeps its anchors)"
    on_qemu = "no relation 'virsh-controls-qemu' on component 'qemu'; " + keep("relation", "virsh-controls-qemu")
    assert gone_lines(folder) == [
        gone(11, "/components/qemu/#virsh-controls-qemu", on_qemu),
        gone(12, "/components/virsh/", "no component 'virsh'; " + keep("component", "virsh")),
        gone(13, "/components/virsh/#virsh-controls-qemu", page_gone.format("/components/virsh/")),
        gone(24, "/ru/components/qemu/#virsh-controls-qemu", on_qemu),
        gone(25, "/ru/components/virsh/", "no component 'virsh'; " + keep("component", "virsh")),
        gone(26, "/ru/components/virsh/#virsh-controls-qemu", page_gone.format("/ru/components/virsh/")),
    ]
    (folder / "retired.yaml").write_text(RETIRED)
    model, issues = pipeline.check(folder, folder.parent)
    assert issues == []
    assert list(retired_pages(model)) == ["components/virsh.md"]
    assert {page: [r.id for r in entries] for page, entries in retired_notes(model).items()} == {
        "components/qemu.md": ["virsh-controls-qemu"]}
    english, russian = pipeline.render(model, previews=False), pipeline.render(model, lang="ru", previews=False)
    assert english["components/virsh.md"] == """\
---
description: "The site no longer covers shells."
robots: "noindex"
search: {"exclude": true}
---

# Removed: virsh {#top}

This page was removed on 1 May 2026. Why:

The site no longer covers shells\\.

See also: [QEMU](qemu.md).
"""
    assert russian["components/virsh.md"].split("---\n\n", 1)[1] == """\
# Удалено: virsh {#top}

Эта страница удалена 1 мая 2026 г\\. Причина:

Сайт больше не рассказывает об оболочках\\.

См. также: [QEMU](qemu.md).
"""
    assert """
## Removed from this page {#removed}

- <span id="virsh-controls-qemu"></span><code>virsh\\-controls\\-qemu</code>: removed on 1 May 2026. It went with virsh\\. \
<sup>[\\[1\\]](#source-readme)</sup>

## Sources {#sources}
""" in english["components/qemu.md"]
    assert "## Удалено с этой страницы {#removed}\n\n- <span id=\"virsh-controls-qemu\"></span>" in russian["components/qemu.md"]


def test_a_component_merged_into_another_keeps_its_page_and_its_relations_anchors(model_dir):
    folder = model_dir()
    edit(folder / "components.yaml", "  - id: virsh\n", "  - {id: qemu-kvm, name: {en: qemu-kvm, ru: qemu-kvm}, layer: tools, "
         "kind: package, summary: {en: QEMU with KVM., ru: QEMU с KVM.}, sources: [readme]}\n  - id: virsh\n")
    (folder / "relations.yaml").write_text((folder / "relations.yaml").read_text() + """\
  - {from: qemu-kvm, to: kvm, kind: uses, label: {en: runs guests with, ru: запускает гостей с помощью}, sources: [api]}
  - {from: virsh, to: qemu-kvm, kind: controls, label: {en: starts, ru: запускает}, sources: [readme]}
""")
    published = publish(folder)
    assert "/components/kvm/#qemu-kvm-uses-kvm" in published and "/components/virsh/#virsh-controls-qemu-kvm" in published
    # The merge: qemu-kvm's page and relations go (QEMU has the same ones) ...
    components = (folder / "components.yaml").read_text()
    (folder / "components.yaml").write_text("".join(line for line in components.splitlines(True) if "id: qemu-kvm," not in line))
    relations = (folder / "relations.yaml").read_text()
    (folder / "relations.yaml").write_text(relations.split("  - {from: qemu-kvm")[0])
    page_gone = "its page '/components/qemu-kvm/' is gone too; keep the page first (retiring it keeps its anchors)"
    assert [line for line in gone_lines(folder) if "'/ru/" not in line] == [
        gone(published.index(address) + 1, address, why) for address, why in (
            ("/components/kvm/#qemu-kvm-uses-kvm", "no relation 'qemu-kvm-uses-kvm' on component 'kvm'; "
                                                   + keep("relation", "qemu-kvm-uses-kvm")),
            ("/components/qemu-kvm/", "no component 'qemu-kvm'; " + keep("component", "qemu-kvm")),
            ("/components/qemu-kvm/#qemu-kvm-uses-kvm", page_gone),
            ("/components/qemu-kvm/#virsh-controls-qemu-kvm", page_gone),
            ("/components/virsh/#virsh-controls-qemu-kvm", "no relation 'virsh-controls-qemu-kvm' on component 'virsh'; "
                                                           + keep("relation", "virsh-controls-qemu-kvm")))]
    # ... and QEMU lists its id: every address of qemu-kvm works again.
    edit(folder / "components.yaml", "  - id: qemu\n", "  - id: qemu\n    aliases: [qemu-kvm]\n")
    model, issues = pipeline.check(folder, folder.parent)
    assert issues == []
    assert alias_anchors(model) == {"kvm": ["qemu-kvm-uses-kvm"], "qemu": ["qemu-kvm-uses-kvm", "virsh-controls-qemu-kvm"],
                                    "virsh": ["virsh-controls-qemu-kvm"]}
    pages = pipeline.render(model, previews=False)
    assert "location.replace('../qemu/' + location.hash)" in pages["components/qemu-kvm/index.html"]
    assert '<span id="qemu-kvm-uses-kvm"></span><span id="virsh-controls-qemu-kvm"></span>' in pages["components/qemu.md"]
    assert '<span id="qemu-kvm-uses-kvm"></span>' in pages["components/kvm.md"]
    assert '<span id="virsh-controls-qemu-kvm"></span>' in pages["components/virsh.md"]


def test_renamed_views_layers_and_sections_keep_their_addresses(answers_dir):
    publish(answers_dir)
    edit(answers_dir / "views.more.yaml", "  - id: start\n", "  - id: starting\n    aliases: [start]\n")
    edit(answers_dir / "questions.yaml", "view: start", "view: starting")
    for name in ("layers.yaml", "components.yaml"):
        path = answers_dir / name
        path.write_text(path.read_text().replace("layer: tools", "layer: userland"))
    edit(answers_dir / "layers.yaml", "  - id: tools\n", "  - id: userland\n    aliases: [tools]\n")
    edit(answers_dir / "questions.yaml", "      - id: packages\n", "      - id: where-from\n        aliases: [packages]\n")
    model, issues = pipeline.check(answers_dir, answers_dir.parent)
    assert [i.code for i in issues] == ["unregistered-address"]
    pages = pipeline.render(model, previews=False)
    assert "location.replace('../starting/' + location.hash)" in pages["views/start/index.html"]
    assert "{#userland}\n\n<span id=\"tools\"></span>\n" in pages["layers.md"]
    assert "{#where-from}\n\n<span id=\"packages\"></span>\n" in pages["questions/qemu-kvm.md"]


def test_retired_claims_terms_events_and_answers_keep_their_addresses(answers_dir):
    (answers_dir / "questions.yaml").write_text((answers_dir / "questions.yaml").read_text() + """\
  - {id: second, title: {en: Second, ru: Второй}, short_answer: [{text: {en: Yes., ru: Да.}, sources: [api]}], sections: []}
""")
    (answers_dir / "glossary.yaml").write_text((answers_dir / "glossary.yaml").read_text() + """\
  - {id: hypervisor, term: {en: hypervisor, ru: гипервизор}, matches: {en: [hypervisor], ru: [гипервизор]},
     definition: [{text: {en: It runs guests., ru: Запускает гостей.}, sources: [api]}]}
""")
    published = publish(answers_dir)
    for name, key, kept in (("questions.yaml", "questions", "  - {id: second"), ("claims.yaml", "claims", "  - id: c1\n"),
                            ("glossary.yaml", "terms", "  - {id: hypervisor")):  # the first entry goes
        text = (answers_dir / name).read_text()
        (answers_dir / name).write_text(f"{key}:\n" + kept + text.split(kept)[1])
    events = answers_dir / "events.yaml"
    events.write_text(events.read_text().split("  - id: qemu-first\n")[0])
    english = [line for line in gone_lines(answers_dir) if "'/ru/" not in line]
    assert english == [gone(published.index(address) + 1, address, why) for address, why in (
        ("/glossary/#vmm", "no term 'vmm'; " + keep("term", "vmm")),
        ("/question/#c2", "no claim 'c2'; " + keep("claim", "c2")),
        ("/questions/qemu-kvm/", "no question 'qemu-kvm'; " + keep("question", "qemu-kvm")),
        ("/questions/qemu-kvm/#packages", "its page '/questions/qemu-kvm/' is gone too; "
                                          "keep the page first (retiring it keeps its anchors)"),
        ("/timeline/#qemu-first", "no event 'qemu-first'; " + keep("event", "qemu-first")),
    )]
    (answers_dir / "retired.yaml").write_text("retired:\n" + "".join(
        f"  - {{id: {i}, kind: {kind}, date: '2026-05', reason: {{en: Gone., ru: Удалено.}}}}\n"
        for i, kind in (("qemu-kvm", "question"), ("c2", "claim"), ("qemu-first", "event"), ("vmm", "term"))))
    model, issues = pipeline.check(answers_dir, answers_dir.parent)
    assert issues == []
    pages = pipeline.render(model, previews=False)
    assert pages["questions/qemu-kvm.md"].endswith("# Removed: qemu\\-kvm {#top}\n\nThis page was removed in May 2026. Why:\n\nGone\\.\n")
    for page, old in (("question.md", "c2"), ("timeline.md", "qemu-first"), ("glossary.md", "vmm")):
        assert (f"## Removed from this page {{#removed}}\n\n- <span id=\"{old}\"></span><code>{old.replace('-', chr(92) + '-')}"
                f"</code>: removed in May 2026. Gone\\.\n") in pages[page], page
