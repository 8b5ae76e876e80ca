"""Tests for the follow-up questions: a question with a `group`, its page, the questions index's groups.

They use the answers fixture (one asker's question, qemu-kvm) plus one
follow-up question in a part file, the worked example of the format.
"""

import json

import pytest

from virtstack import export, pipeline, schema, words
from virtstack.addresses import site_addresses
from virtstack.issues import format_issue
from virtstack.load import load_documents
from virtstack.validate import validate_model

# The worked example: a follow-up question in the group "managing", in its own part file.
FOLLOW_UP = """\
questions:
  - id: start-a-vm
    group: managing
    title: {en: "Do I need virsh to start a VM?", ru: "Нужна ли virsh, чтобы запустить ВМ?"}
    short_answer:
      - text: {en: "No: QEMU starts a VM on its own.", ru: "Нет: QEMU запускает ВМ и сам."}
        sources: [readme]
      - text: {en: "virsh asks for the same *through* libvirt.", ru: "virsh просит о том же *через* libvirt."}
        sources: [api]
    sections:
      - id: without-virsh
        title: {en: Without virsh, ru: Без virsh}
        body:
          - text: {en: "QEMU runs guests with KVM, through `/dev/kvm`.", ru: "QEMU запускает гостевые системы с KVM через `/dev/kvm`."}
            sources: [api]
"""


@pytest.fixture
def follow_ups_dir(answers_dir):
    """Return the answers fixture with the worked example added as questions.managing.yaml."""
    (answers_dir / "questions.managing.yaml").write_text(FOLLOW_UP, encoding="utf-8")
    return answers_dir


@pytest.fixture
def outputs(follow_ups_dir):
    """Return every generated page of the fixture model with a follow-up question."""
    return pipeline.build(follow_ups_dir, follow_ups_dir.parent)


def issues(folder) -> list[str]:
    """Return the issue lines of the model in folder."""
    documents, found = load_documents(folder, folder.parent)
    return [format_issue(i) for i in found + validate_model(documents)[1]]


def test_the_index_lists_the_askers_questions_first_then_each_group_with_its_short_answers(outputs):
    assert outputs["questions/index.md"] == """\
---
description: "The asker's four questions, then the questions readers ask next; each has a short answer you can quote and a full answer."
image: "questions/preview.png"
image_alt: "Answers"
---

# Answers {#top}

The asker's four questions, then the questions readers ask next; each has a short answer you can quote and a full answer.

The questions that come next, by topic: [Managing VMs](#managing).

## 1. What is qemu\\-kvm? {#qemu-kvm}

QEMU using KVM, through <code>/dev/kvm</code>\\. <sup>[\\[1\\]](#source-api)</sup>

[Read the full answer](qemu-kvm.md)

## Managing VMs {#managing}

### [Do I need virsh to start a VM?](start-a-vm.md) {#start-a-vm}

No: QEMU starts a VM on its own\\. <sup>[\\[2\\]](#source-readme)</sup>

virsh asks for the same \\*through\\* libvirt\\. <sup>[\\[1\\]](#source-api)</sup>

## Sources {#sources}

<ol class="vs-sources">
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation \
(checked <time datetime="2026-11">in November 2026</time>)</li>
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, <time datetime="2026">2026</time> \
(checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
"""


def test_the_index_heads_each_group_in_the_editions_language(follow_ups_dir):
    index = pipeline.build(follow_ups_dir, follow_ups_dir.parent, lang="ru")["questions/index.md"]
    assert "Вопросы, которые обычно задают следом, по темам: [Управление ВМ](#managing).\n" in index
    assert "## Управление ВМ {#managing}\n\n### [Нужна ли virsh, чтобы запустить ВМ?](start-a-vm.md) {#start-a-vm}\n" in index


def test_a_follow_ups_page_is_not_numbered_and_links_back_to_its_group(outputs):
    page = outputs["questions/start-a-vm.md"]
    assert page.startswith("""\
---
description: "No: QEMU starts a VM on its own. virsh asks for the same *through* libvirt."
image: "questions/start-a-vm/preview.png"
image_alt: "Do I need virsh to start a VM?"
---

# Do I need virsh to start a VM? {#top}

[Answers](index.md) › [Managing VMs](index.md#managing)

## Short answer {#short-answer}
""")
    assert "## Without virsh {#without-virsh}\n" in page and "{#claims}" not in page


def test_the_askers_questions_keep_their_numbers_beside_follow_ups(outputs):
    assert outputs["questions/qemu-kvm.md"].split("\n# ", 1)[1].startswith("1\\. What is qemu\\-kvm? {#top}\n")
    assert "1. [What is qemu\\-kvm?](questions/qemu-kvm.md)\n" in outputs["question.md"]
    assert "start-a-vm" not in outputs["question.md"]


def test_the_home_page_links_each_group_of_follow_ups(outputs):
    assert """\
Every conclusion the asker drew, checked one by one: [The question, checked](question.md).

The questions that come next, by topic: [Managing VMs](questions/index.md#managing).

Go further:""" in outputs["index.md"]


def test_a_follow_up_and_its_groups_anchor_are_published_addresses(follow_ups_dir):
    model = pipeline.check(follow_ups_dir, follow_ups_dir.parent)[0]
    addresses = site_addresses(model)
    assert {"/questions/start-a-vm/", "/questions/start-a-vm/#without-virsh", "/questions/#managing",
            "/ru/questions/#managing"} <= set(addresses)
    assert not any(a.startswith("/questions/#") and a != "/questions/#managing" for a in addresses)


def test_model_json_carries_the_group(follow_ups_dir):
    model = pipeline.check(follow_ups_dir, follow_ups_dir.parent)[0]
    questions = {q["id"]: q for q in json.loads(export.model_json(model))["questions"]}
    assert questions["start-a-vm"]["group"] == "managing" and "group" not in questions["qemu-kvm"]
    assert list(questions["start-a-vm"])[:3] == ["id", "title", "group"]
    assert questions["start-a-vm"]["addresses"] == {"en": ["/questions/start-a-vm/"], "ru": ["/ru/questions/start-a-vm/"]}


def test_a_follow_up_with_claims_is_an_error_at_its_claims(follow_ups_dir):
    part = follow_ups_dir / "questions.managing.yaml"
    part.write_text(FOLLOW_UP.replace("    sections:\n", "    claims: [c1]\n    sections:\n"), encoding="utf-8")
    assert issues(follow_ups_dir) == [
        "diagrams/questions.managing.yaml:10:5: error: question 'start-a-vm' has a 'group', so it is a follow-up question "
        "and takes no 'claims': only the asker's questions answer claims [unknown-field]"]


def test_a_question_id_cannot_be_a_groups_anchor(follow_ups_dir):
    part = follow_ups_dir / "questions.managing.yaml"
    part.write_text(FOLLOW_UP.replace("id: start-a-vm", "id: managing"), encoding="utf-8")
    assert issues(follow_ups_dir) == [
        "diagrams/questions.managing.yaml:2:9: error: question id 'managing' is the anchor of a group on the questions "
        "index; choose another id [duplicate-id]"]


def test_an_unknown_group_is_an_error_that_lists_the_groups(follow_ups_dir):
    part = follow_ups_dir / "questions.managing.yaml"
    part.write_text(FOLLOW_UP.replace("group: managing", "group: managin"), encoding="utf-8")
    assert issues(follow_ups_dir) == [
        "diagrams/questions.managing.yaml:3:12: error: 'group' must be one of: which-hypervisor, other-hypervisors, "
        "windows-macos, disks-networks, managing but got 'managin' (did you mean 'managing'?) [bad-enum]"]


@pytest.mark.parametrize("lang", schema.LANGUAGES)
def test_every_group_has_a_name_in_every_language_in_the_schemas_order(lang):
    assert tuple(words.QUESTION_GROUPS[lang]) == schema.QUESTION_GROUPS
