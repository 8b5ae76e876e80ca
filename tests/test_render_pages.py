"""Tests for render_pages.py: exact Markdown, links and anchors from ids."""

import json
import re

import pytest

from virtstack import pipeline
from virtstack.render_pages import diagram_pages, longest_of, render_pages

from conftest import FIXTURES, SOURCES_README_API

SVGS = {("index.md", "stack"): "<svg>stack</svg>", ("components/kvm.md", "near-kvm"): "<svg>kvm</svg>",
        ("components/qemu.md", "near-qemu"): "<svg>q</svg>", ("components/virsh.md", "near-virsh"): "<svg>v</svg>"}


@pytest.fixture(scope="module")
def pages():
    """Return the fixture model's pages, with stand-in SVGs."""
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    return render_pages(model, SVGS)


def test_render_pages_names_pages_by_id(pages):
    assert list(pages) == ["components/index.md", "components/kvm.md", "components/qemu.md",
                           "components/virsh.md", "index.md", "layers.md", "pages.json", "sources.md"]


def test_render_component_gives_the_whole_page(pages):
    assert pages["components/qemu.md"] == """\
---
description: "A machine emulator."
---

# QEMU {#top}

<div class="vs-copy" data-anchor="" data-title="QEMU" data-text="A machine emulator." data-copied="Copied" data-copy-failed="Could not copy" hidden>
<button type="button" data-copy="link">Copy link</button>
<button type="button" data-copy="markdown">Copy as Markdown</button>
</div>

A machine emulator\\. <sup>[\\[1\\]](#source-readme)</sup>

<p class="vs-skip" markdown>[Skip the diagram: read it as a list](#diagram-near-qemu-words)</p>

<div class="vs-diagram" id="diagram-near-qemu" data-zoom-in="Zoom in" data-zoom-out="Zoom out" data-zoom-reset="Reset zoom" data-full-screen="Full screen"><svg>q</svg></div>

<p id="diagram-near-qemu-words">The same diagram in words, from the top layer down:</p>

- Tools: **QEMU**, [virsh](virsh.md)
- Kernel: [KVM](kvm.md)

Its relations are explained under [Relations](#relations) below.

## At a glance {#at-a-glance}

| Fact | Value |
| --- | --- |
| Layer | [Tools](../layers.md#tools) |
| Kind | virtual machine monitor (VMM) |
| Licence | <code>GPL\\-2\\.0\\-only</code> <sup>[\\[1\\]](#source-readme)</sup> |

## Relations {#relations}

### QEMU → KVM {#qemu-uses-kvm}

**QEMU** runs guests with [KVM](kvm.md). How: ioctls on <code>/dev/kvm</code>. <sup>[\\[2\\]](#source-api)</sup>

### virsh → QEMU {#virsh-controls-qemu}

[virsh](virsh.md) starts **QEMU**. <sup>[\\[1\\]](#source-readme)</sup>

## Packages {#packages}

| Distribution | Packages |
| --- | --- |
| Debian, Ubuntu | <code>qemu\\-system\\-x86</code> |

<sup>[\\[1\\]](#source-readme)</sup>

""" + SOURCES_README_API


def test_render_home_gives_the_short_answer_diagram_and_text_twin(pages):
    assert pages["index.md"] == """\
---
description: "All of it."
---

# The stack {#top}

<p class="vs-lead" markdown>All of it\\. <sup>[\\[1\\]](#source-api)</sup></p>

<p class="vs-skip" markdown>[Skip the diagram: read it as a list](#diagram-stack-words)</p>

<div class="vs-diagram" id="diagram-stack" data-zoom-in="Zoom in" data-zoom-out="Zoom out" data-zoom-reset="Reset zoom" data-full-screen="Full screen"><svg>stack</svg></div>

<details class="vs-filters" data-diagram="diagram-stack" hidden>
<summary>Filter the diagram</summary>
<fieldset><legend>Show layers</legend>
<label><input type="checkbox" checked data-filter="layer-tools"> Tools</label>
<label><input type="checkbox" checked data-filter="layer-kernel"> Kernel</label>
</fieldset>
<fieldset><legend>Show kinds</legend>
<label><input type="checkbox" checked data-filter="kind-kernel-module"> kernel module</label>
<label><input type="checkbox" checked data-filter="kind-vmm"> virtual machine monitor (VMM)</label>
<label><input type="checkbox" checked data-filter="kind-cli"> command-line tool</label>
</fieldset>
</details>

<p id="diagram-stack-words">The same diagram in words, from the top layer down:</p>

- Tools: [QEMU](components/qemu.md), [virsh](components/virsh.md)
- Kernel: [KVM](components/kvm.md)

Relations:

- [QEMU](components/qemu.md) runs guests with [KVM](components/kvm.md). How: ioctls on <code>/dev/kvm</code>.
- [virsh](components/virsh.md) starts [QEMU](components/qemu.md).

## The answer in more detail {#answer}

QEMU uses KVM\\. <sup>[\\[1\\]](#source-api)[\\[2\\]](#source-readme)</sup>

Go further: [the layers](layers.md), [every component](components/index.md) and [every source](sources.md).

## Sources {#sources}

<ol class="vs-sources">
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation (checked <time datetime="2026-11">in November 2026</time>)</li>
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, <time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
"""


def test_render_layers_lists_each_layer_from_the_top(pages):
    assert pages["layers.md"] == """\
---
description: "The stack is drawn in bands, from the programs people use at the top down to the processor at the bottom. Each component sits in one band."
---

# Layers of the stack {#top}

The stack is drawn in bands, from the programs people use at the top down to the processor at the bottom. Each component sits in one band.

## Tools {#tools}

What people type\\.

- [QEMU](components/qemu.md): A machine emulator\\.
- [virsh](components/virsh.md): A shell\\.

## Kernel {#kernel}

Runs in the kernel\\.

- [KVM](components/kvm.md): Runs guests through <code>/dev/kvm</code>\\.
"""


def test_render_component_index_is_a_table_by_layer(pages):
    assert pages["components/index.md"] == """\
---
description: "Every component of the stack, by layer, from the top down."
---

# Components {#top}

Every component of the stack, by layer, from the top down.

| Component | Layer | What it is |
| --- | --- | --- |
| [QEMU](qemu.md) | [Tools](../layers.md#tools) | A machine emulator\\. |
| [virsh](virsh.md) | [Tools](../layers.md#tools) | A shell\\. |
| [KVM](kvm.md) | [Kernel](../layers.md#kernel) | Runs guests through <code>/dev/kvm</code>\\. |
"""


def test_render_pages_escapes_hostile_text(model_dir):
    folder = model_dir()
    text = (folder / "components.yaml").read_text().replace(
        "summary: {en: A shell., ru: Оболочка.}",
        "summary: {en: \"<script>alert(1)</script> [x](javascript:alert(1)) *b* | `<i>`\", "
        "ru: \"<script>alert(1)</script> [x](javascript:alert(1)) *б* | `<i>`\"}")
    (folder / "components.yaml").write_text(text)
    model = pipeline.check(folder, folder.parent)[0]
    for lang, bold in (("en", "b"), ("ru", "б")):
        page = render_pages(model, SVGS, lang)["components/virsh.md"]
        assert (f"&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:alert\\(1\\)\\) \\*{bold}\\* &#124; "
                "<code>&lt;i&gt;</code>") in page


def test_a_relation_reads_in_its_own_sentence_where_it_has_one_and_as_from_label_to_elsewhere(model_dir):
    folder = model_dir()
    text = (folder / "relations.yaml").read_text().replace(
        "    label: {en: starts, ru: запускает}\n",
        '    label: {en: starts, ru: запускает и держит под управлением}\n'
        '    sentence: {ru: "{from} запускает {to} и *управляет* им"}\n')
    (folder / "relations.yaml").write_text(text)
    model = pipeline.check(folder, folder.parent)[0]
    en, ru = (render_pages(model, SVGS, lang) for lang in ("en", "ru"))
    assert "[virsh](virsh.md) starts **QEMU**. <sup>[\\[1\\]](#source-readme)</sup>" in en["components/qemu.md"].split("\n")
    assert ("[virsh](virsh.md) запускает **QEMU** и \\*управляет\\* им. <sup>[\\[1\\]](#source-readme)</sup>"
            in ru["components/qemu.md"].split("\n"))
    assert ("**virsh** запускает [QEMU](qemu.md) и \\*управляет\\* им. <sup>[\\[1\\]](#source-readme)</sup>"
            in ru["components/virsh.md"].split("\n"))
    assert ("**QEMU** запускает гостевые системы с помощью [KVM](kvm.md). Механизм: вызовы ioctl на "
            "<code>/dev/kvm</code>. <sup>[\\[2\\]](#source-api)</sup>" in ru["components/qemu.md"].split("\n"))


def test_render_sources_lists_every_source_with_the_pages_citing_it(pages):
    assert pages["sources.md"] == """\
---
description: "Every source the site cites, and the pages that cite it."
---

# Sources {#top}

Every source the site cites, and the pages that cite it.

- <a id="readme"></a>[QEMU README](https://example.org/readme), QEMU project, <time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>). Cited on: [QEMU](components/qemu.md), [The stack](index.md), [virsh](components/virsh.md).
- <a id="api"></a>[The KVM API](https://docs.kernel.org/virt/kvm/api.html), Linux kernel documentation (checked <time datetime="2026-11">in November 2026</time>). Cited on: [KVM](components/kvm.md), [QEMU](components/qemu.md), [The stack](index.md).
"""


def test_diagram_pages_places_one_diagram_per_page():
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    assert [(page, d.id) for page, ds in diagram_pages(model).items() for d in ds] == [
        ("components/kvm.md", "near-kvm"), ("components/qemu.md", "near-qemu"),
        ("components/virsh.md", "near-virsh"), ("index.md", "stack")]


def test_pages_json_lists_every_page_with_its_title_for_the_404_page(pages):
    assert pages["pages.json"] == (
        '[{"url":"components/","title":"Components"},{"url":"components/kvm/","title":"KVM"},'
        '{"url":"components/qemu/","title":"QEMU"},{"url":"components/virsh/","title":"virsh"},'
        '{"url":"","title":"The stack"},{"url":"layers/","title":"Layers of the stack"},{"url":"sources/","title":"Sources"}]')


def test_render_component_in_russian_gives_the_whole_russian_page():
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    assert render_pages(model, SVGS, "ru")["components/qemu.md"] == """\
---
description: "Эмулятор машины."
---

# QEMU {#top}

<div class="vs-copy" data-anchor="" data-title="QEMU" data-text="Эмулятор машины." data-copied="Скопировано" data-copy-failed="Не удалось скопировать" hidden>
<button type="button" data-copy="link">Скопировать ссылку</button>
<button type="button" data-copy="markdown">Скопировать как Markdown</button>
</div>

Эмулятор машины\\. <sup>[\\[1\\]](#source-readme)</sup>

<p class="vs-skip" markdown>[Пропустить схему и прочитать её списком](#diagram-near-qemu-words)</p>

<div class="vs-diagram" id="diagram-near-qemu" data-zoom-in="Увеличить" data-zoom-out="Уменьшить" data-zoom-reset="Сбросить масштаб" data-full-screen="Во весь экран"><svg>q</svg></div>

<p id="diagram-near-qemu-words">Та же схема словами, от верхнего уровня к нижнему:</p>

- Инструменты: **QEMU**, [virsh](virsh.md)
- Ядро: [KVM](kvm.md)

Связи перечислены ниже, в разделе [Связи](#relations).

## Коротко {#at-a-glance}

| Свойство | Значение |
| --- | --- |
| Уровень | [Инструменты](../layers.md#tools) |
| Тип | монитор виртуальных машин (VMM) |
| Лицензия | <code>GPL\\-2\\.0\\-only</code> <sup>[\\[1\\]](#source-readme)</sup> |

## Связи {#relations}

### QEMU → KVM {#qemu-uses-kvm}

**QEMU** запускает гостевые системы с помощью [KVM](kvm.md). Механизм: вызовы ioctl на <code>/dev/kvm</code>. <sup>[\\[2\\]](#source-api)</sup>

### virsh → QEMU {#virsh-controls-qemu}

[virsh](virsh.md) запускает **QEMU**. <sup>[\\[1\\]](#source-readme)</sup>

## Пакеты {#packages}

| Дистрибутив | Пакеты |
| --- | --- |
| Debian, Ubuntu | <code>qemu\\-system\\-x86</code> |

<sup>[\\[1\\]](#source-readme)</sup>

""" + SOURCES_README_API.replace("## Sources {#sources}", "## Источники {#sources}").replace(">2026<", ">2026 г.<").replace(
    "(checked <time datetime=\"2026-11\">in November 2026</time>)", "(проверено <time datetime=\"2026-11\">в ноябре 2026 г.</time>)")


RETIRED = """\
retired:
  - id: kvmtool
    kind: component
    name: {en: kvmtool, ru: kvmtool}
    date: "2026-05-01"
    reason: {en: "The site covers one VMM per stack.", ru: "Сайт описывает по одному VMM на стек."}
    see_also: [qemu, kvm]
    sources: [readme]
  - {id: kvmtool-uses-kvm, kind: relation, date: "2026-05-01", reason: {en: "It went with kvmtool.", ru: "Удалена вместе с kvmtool."}}
"""


def test_render_removed_gives_the_whole_removal_page_with_its_sources(model_dir):
    folder = model_dir({"retired.yaml": RETIRED})
    model = pipeline.check(folder, folder.parent)[0]
    pages = render_pages(model, SVGS, cards=True)
    assert pages["components/kvmtool.md"] == """\
---
description: "The site covers one VMM per stack."
image: "components/kvmtool/preview.png"
image_alt: "Removed: kvmtool"
robots: "noindex"
search: {"exclude": true}
---

# Removed: kvmtool {#top}

This page was removed on 1 May 2026. Why:

The site covers one VMM per stack\\. <sup>[\\[1\\]](#source-readme)</sup>

See also: [QEMU](qemu.md), [KVM](kvm.md).

## Sources {#sources}

<ol class="vs-sources">
<li id="source-readme"><a href="https://example.org/readme">QEMU README</a>, QEMU project, <time datetime="2026">2026</time> (checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
"""
    assert pages["components/kvm.md"].endswith("""\
## Removed from this page {#removed}

- <span id="kvmtool-uses-kvm"></span><code>kvmtool\\-uses\\-kvm</code>: removed on 1 May 2026. It went with kvmtool\\.

## Sources {#sources}

<ol class="vs-sources">
<li id="source-api"><a href="https://docs.kernel.org/virt/kvm/api.html">The KVM API</a>, Linux kernel documentation (checked <time datetime="2026-11">in November 2026</time>)</li>
</ol>
""")
    assert {"url": "components/kvmtool/", "title": "Removed: kvmtool"} in json.loads(pages["pages.json"])


def test_longest_of_shares_beginnings_and_prefers_the_longer_word():
    assert longest_of(["vm", "vmm", "vmx", "kvm", "v.m"]) == r"(?:kvm|v(?:\.m|m(?:m|x|)))"


@pytest.mark.parametrize("text", ["a VMM, a VM and vmx.", "vmmx vm-vm v.m KVM", "гипервизора гипервизор гипер", ""])
def test_longest_of_matches_what_the_words_longest_first_do(text):
    words = ["vm", "vmm", "vmx", "kvm", "v.m", "гипервизор", "гипервизора", "гипер"]
    joined = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)", re.I)
    tree = re.compile(r"(?<!\w)" + longest_of(words) + r"(?!\w)", re.I)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in joined.finditer(text)]
