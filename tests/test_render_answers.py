"""Tests for the question, answer, view, timeline and glossary pages and their diagrams.

They use the valid fixture plus tests/fixtures/answers (claims, a question,
events, a glossary term, a path view and a compare view).
"""

import re

import markdown
import pytest

from virtstack import pipeline
from virtstack.render_pages import Site

from conftest import SOURCES_README_API


@pytest.fixture
def outputs(answers_dir):
    """Return every generated file of the fixture model with answers."""
    return pipeline.build(answers_dir, answers_dir.parent)


def without_svg(markdown: str) -> str:
    """Return Markdown with inline SVGs replaced by <SVG>."""
    return re.sub(r"<svg.*?</svg>", "<SVG>", markdown, flags=re.S)


def test_claims_page_groups_claims_by_the_askers_headings_with_verdicts(outputs):
    assert outputs["question.md"] == """\
---
description: "A Super User user asked how KVM, QEMU, libvirt and virt-manager relate. They summarised what they had learned as a list of conclusions and asked four questions. Each conclusion is restated below in our own words, with a verdict and a sourced correction."
image: "question/preview.png"
image_alt: "The question, checked"
---

# The question, checked {#top}

A Super User user asked how KVM, QEMU, libvirt and virt-manager relate. They summarised what they had learned as a list of conclusions and asked four questions. Each conclusion is restated below in our own words, with a verdict and a sourced correction.

Verdicts: <span class="vs-verdict vs-verdict-correct">Correct</span> 1, <span class="vs-verdict vs-verdict-wrong">Wrong</span> 1.

The asker's questions and their answers:

1. [What is qemu\\-kvm?](questions/qemu-kvm.md)

    > What is qemu\\-kvm, and why would I need it?

## What the verdicts mean {#verdicts-rubric}

A verdict judges the conclusion's main point first, then its details.

| Verdict | Meaning |
| --- | --- |
| <span class="vs-verdict vs-verdict-correct">Correct</span> | Everything it states holds. The correction adds context or tightens a loose word, and takes nothing back. |
| <span class="vs-verdict vs-verdict-partly-correct">Partly correct</span> | The main point holds, but a detail is wrong or too broad: a date, a name, an item in a list, a link in a chain. The correction says which. |
| <span class="vs-verdict vs-verdict-misleading">Misleading</span> | The main point can be defended word for word, but it leaves a wrong picture: it misreads a source, puts the wrong label on something, or leaves out what matters most. |
| <span class="vs-verdict vs-verdict-wrong">Wrong</span> | The main point is false. |

## QEMU {#qemu}

### C1 <span class="vs-verdict vs-verdict-correct">Correct</span> {#c1}

<div class="vs-copy" data-anchor="c1" data-title="C1: Correct" data-text="QEMU emulates hardware. Correct: It does." data-copied="Copied" data-copy-failed="Could not copy" hidden>
<button type="button" data-copy="link">Copy link</button>
<button type="button" data-copy="markdown">Copy as Markdown</button>
</div>

> QEMU emulates hardware\\.

It does\\. <sup>[\\[1\\]](#source-readme)</sup>

## KVM {#kvm}

### C2 <span class="vs-verdict vs-verdict-wrong">Wrong</span> {#c2}

<div class="vs-copy" data-anchor="c2" data-title="C2: Wrong" data-text="KVM runs VMs alone. Wrong: A new VM has no memory; a VMM must add it." data-copied="Copied" data-copy-failed="Could not copy" hidden>
<button type="button" data-copy="link">Copy link</button>
<button type="button" data-copy="markdown">Copy as Markdown</button>
</div>

> KVM runs VMs alone\\.

A new VM has no memory; a [VMM](glossary.md#vmm) must add it\\. <sup>[\\[2\\]](#source-api)</sup>

See also: [KVM](components/kvm.md).

""" + SOURCES_README_API


def test_answer_page_leads_with_the_short_answer_then_diagram_sections_table_and_claims(outputs):
    assert without_svg(outputs["questions/qemu-kvm.md"]) == """\
---
description: "QEMU using KVM, through /dev/kvm."
image: "questions/qemu-kvm/preview.png"
image_alt: "Diagram: 1. What is qemu-kvm?"
---

# 1\\. What is qemu\\-kvm? {#top}

> What is qemu\\-kvm, and why would I need it?

## Short answer {#short-answer}

<div class="vs-short-answer" markdown>

QEMU using KVM, through <code>/dev/kvm</code>\\. <sup>[\\[1\\]](#source-api)</sup>

</div>

<div class="vs-copy" data-anchor="" data-title="What is qemu-kvm?" data-text="QEMU using KVM, through /dev/kvm." data-copied="Copied" data-copy-failed="Could not copy" hidden>
<button type="button" data-copy="link">Copy link</button>
<button type="button" data-copy="markdown">Copy as Markdown</button>
</div>

## Starting a VM {#diagram}

<p class="vs-skip" markdown>[Skip the diagram: read it as a list](#diagram-start-words)</p>

<div class="vs-diagram" id="diagram-start" data-zoom-in="Zoom in" data-zoom-out="Zoom out" data-zoom-reset="Reset zoom" data-full-screen="Full screen"><SVG><SVG></div>

<p id="diagram-start-words">The same steps in words:</p>

1. [virsh](../components/virsh.md) → [QEMU](../components/qemu.md): virsh starts QEMU\\. <sup>[\\[2\\]](#source-readme)</sup>
2. [QEMU](../components/qemu.md) → [KVM](../components/kvm.md): QEMU asks KVM\\. <sup>[\\[1\\]](#source-api)</sup>

## Where the tools come from {#packages}

Every hypervisor needs a [VMM](../glossary.md#vmm)\\. <sup>[\\[2\\]](#source-readme)</sup>

| Tool | Upstream project | Debian, Ubuntu | Fedora, RHEL | Arch Linux | Sources |
| --- | --- | --- | --- | --- | --- |
| [QEMU](../components/qemu.md) | [QEMU](../components/qemu.md) | <code>qemu\\-system\\-x86</code> | — | — | <sup>[\\[2\\]](#source-readme)</sup> |
| [virsh](../components/virsh.md) | [virsh](../components/virsh.md) | — | — | — |  |

## Conclusions this answer settles {#claims}

- [C2](../question.md#c2) <span class="vs-verdict vs-verdict-wrong">Wrong</span> KVM runs VMs alone\\.

## Sources {#sources}

<ol class="vs-sources">
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation (checked <time datetime="2026-11">in November 2026</time>)</li>
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, <time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
"""


HOSTILE_WORDING = "Why <b>not</b> *KVM* alone? [x](javascript:alert(1)) `-accel kvm` | a"
QUOTED = ("<blockquote>\n<p>Why &lt;b&gt;not&lt;/b&gt; *KVM* alone? [x](javascript:alert(1)) <code>-accel kvm</code> &#124; a</p>\n"
          "</blockquote>")


@pytest.mark.parametrize(("lang", "heading"), [("en", "What is qemu-kvm?"), ("ru", "Что такое qemu-kvm?")])
def test_the_askers_wording_is_a_literal_blockquote_under_the_short_heading(answers_dir, lang, heading):
    path = answers_dir / "questions.yaml"
    path.write_text(re.sub(r'title: \{en: "What is qemu-kvm, and why would I need it\?", ru: "[^"]*"\}',
                           f"title: {{en: '{HOSTILE_WORDING}', ru: '{HOSTILE_WORDING}'}}", path.read_text()))
    outputs = pipeline.build(answers_dir, answers_dir.parent, lang=lang)
    html = {page: markdown.markdown(outputs[page].split("---\n", 2)[2], extensions=["attr_list", "md_in_html", "tables", "toc"])
            for page in ("questions/qemu-kvm.md", "question.md")}
    assert f'<h1 id="top">1. {heading}</h1>\n{QUOTED}\n<h2 id="short-answer">' in html["questions/qemu-kvm.md"]
    assert f'<li>\n<p><a href="questions/qemu-kvm.md">{heading}</a></p>\n{QUOTED}\n</li>' in html["question.md"]


def test_answers_page_heads_each_answer_with_its_short_heading(outputs):
    assert """\
# Answers {#top}

The asker's four questions, then the questions readers ask next; each has a short answer you can quote and a full answer.

## 1. What is qemu\\-kvm? {#qemu-kvm}

QEMU using KVM, through <code>/dev/kvm</code>\\. <sup>[\\[1\\]](#source-api)</sup>

[Read the full answer](qemu-kvm.md)
""" in outputs["questions/index.md"]


def test_home_page_reaches_every_answer_and_the_claims_in_one_click(outputs):
    assert """\
## The question, answered {#answers}

This site grew from one question on Super User. Each of the asker's four questions has its own answer:

1. [What is qemu\\-kvm?](questions/qemu-kvm.md)

Every conclusion the asker drew, checked one by one: [The question, checked](question.md).

Go further: [the layers](layers.md), [every component](components/index.md), [the timeline](timeline.md), [the glossary](glossary.md) and [every source](sources.md).
""" in outputs["index.md"]


def test_timeline_page_lists_events_by_year_with_anchors(outputs):
    assert without_svg(outputs["timeline.md"]) == """\
---
description: "The stack's history, from the first VMware product to today."
image: "timeline/preview.png"
image_alt: "Diagram: Timeline"
---

# Timeline {#top}

The stack's history, from the first VMware product to today.

<div class="vs-diagram" id="diagram-timeline" data-zoom-in="Zoom in" data-zoom-out="Zoom out" data-zoom-reset="Reset zoom" data-full-screen="Full screen"><SVG><SVG></div>

## 2003 {#y2003}

- <a id="qemu-first"></a>**<time datetime="2003">2003</time>**: QEMU's first release, a user\\-mode emulator\\. <sup>[\\[1\\]](#source-readme)</sup>

## 2007 {#y2007}

- <a id="kvm-ships"></a>**<time datetime="2007-02">February 2007</time>**: Linux ships KVM\\. ([KVM](components/kvm.md)) <sup>[\\[2\\]](#source-api)</sup>

""" + SOURCES_README_API


def test_glossary_page_does_not_link_terms_to_themselves(outputs):
    assert outputs["glossary.md"].startswith("""\
---
description: "The words this site uses, defined with sources."
image: "glossary/preview.png"
image_alt: "Glossary"
---

# Glossary {#top}

The words this site uses, defined with sources.

## VMM {#vmm}

The program that is the virtual machine\\. <sup>[\\[1\\]](#source-readme)</sup>

See also: [QEMU](components/qemu.md).
""")


def test_component_page_lists_the_claims_about_it(outputs):
    assert """\
## The asker's conclusions about it {#claims}

- [C2](../question.md#c2) <span class="vs-verdict vs-verdict-wrong">Wrong</span> KVM runs VMs alone\\.
""" in outputs["components/kvm.md"]


def test_path_view_numbers_its_steps_in_order(outputs):
    dot = outputs["views/start/start.dot"]
    edges = [line for line in dot.splitlines() if 'class="relation' in line]
    assert [re.search(r"label=<([^>]*)>", e).group(1) for e in edges] == ["1.", "2."]
    assert [re.search(r'id="([^"]*)"', e).group(1) for e in edges] == ["start--virsh-controls-qemu", "start--qemu-uses-kvm"]


def test_compare_view_draws_one_small_stack_per_column(outputs):
    full, bare = outputs["views/side-by-side/side-by-side-full.dot"], outputs["views/side-by-side/side-by-side-bare.dot"]
    assert 'id="side-by-side-bare--kvm" class="component n-kvm layer-kernel kind-kernel-module"' in bare
    assert 'id="side-by-side-full--qemu-uses-kvm"' in full
    assert "qemu-uses-kvm" not in bare
    # A column is drawn once, two fit side by side in a desktop column, and the page's grid lays them out.
    assert "views/side-by-side/side-by-side-bare-narrow.dot" not in outputs
    assert 'bb="0,0,330,' in bare


def test_timeline_diagram_puts_each_years_events_in_its_band(outputs):
    dot = outputs["timeline/timeline.dot"]
    assert '  "timeline--band-y2003" [id="timeline--band-y2003" class="frame band year"' in dot
    assert re.search(r'  "qemu-first" \[id="timeline--qemu-first" class="event" .*URL="#qemu-first"\]', dot)


def test_same_view_on_two_pages_gets_links_relative_to_each(outputs):
    assert 'URL="../../components/kvm/"' in outputs["questions/qemu-kvm/start.dot"]
    assert outputs["questions/qemu-kvm/start.svg"] == outputs["views/start/start.svg"]


def test_a_glossary_word_inside_a_dotted_name_is_not_linked(answers_dir):
    model, _ = pipeline.check(answers_dir, answers_dir.parent)
    pattern, _ = Site(model, "en", {}).terms
    assert [m.group() for m in pattern.finditer("A VMM, VMM.framework, apple.VMM and the VMMs.")] == ["VMM", "VMMs"]
