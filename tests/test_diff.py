"""Tests for diff.py and `cli.py diff`: what a reviewer sees of a model change."""

import subprocess
import sys
import xml.etree.ElementTree as ET

from virtstack import pipeline
from virtstack.diff import (LIST, TEXT, VALUE, Change, Edit, address_changes, changed_diagrams, diff_models, mark_svg,
                            picture_files, picture_marks, render_report)
from virtstack.model import Text

from conftest import FIXTURES, ROOT


def models(model_dir, **replace):
    """Return (before, after) models: the fixture, and the fixture with files replaced."""
    before_dir = model_dir()
    before = pipeline.check(before_dir, before_dir.parent)[0]
    after_dir = before_dir.parent / "after" / "diagrams"
    after_dir.mkdir(parents=True)
    for file in before_dir.iterdir():
        (after_dir / file.name).write_text(replace.get(file.name, file.read_text()))
    return before, pipeline.check(after_dir, after_dir.parent)[0]


COMPONENTS = """\
components:
  - {id: kernel-vm, aliases: [kvm], name: {en: KVM, ru: KVM}, layer: kernel, kind: kernel-module,
     summary: {en: "Runs guests through `/dev/kvm`.", ru: "Запускает гостевые системы через `/dev/kvm`."}, sources: [api]}
  - {id: qemu, name: {en: QEMU, ru: QEMU}, layer: tools, kind: vmm,
     summary: {en: A machine emulator and virtualizer., ru: Эмулятор и виртуализатор машины.}, sources: [readme]}
  - {id: lxc, name: {en: LXC, ru: LXC}, layer: kernel, kind: container-runtime, summary: {en: Containers., ru: Контейнеры.}, sources: [api]}
"""
RELATIONS = """\
relations:
  - {from: qemu, to: kernel-vm, kind: uses, label: {en: runs guests with, ru: запускает гостевые системы с помощью}, sources: [api]}
  - {from: lxc, to: kernel-vm, kind: uses, label: {en: sits beside, ru: работает рядом с}, sources: [api]}
"""


def test_diff_models_finds_added_removed_renamed_and_changed(model_dir):
    before, after = models(model_dir, **{"components.yaml": COMPONENTS, "relations.yaml": RELATIONS})
    assert diff_models(before, after) == [
        Change("component", "kernel-vm", "renamed", (Edit("aliases", LIST, (), ("kvm",)),), "kvm"),
        Change("component", "lxc", "added"),
        Change("component", "qemu", "changed", (
            Edit("summary", TEXT, Text("A machine emulator.", "Эмулятор машины."),
                 Text("A machine emulator and virtualizer.", "Эмулятор и виртуализатор машины.")),
            Edit("licence.spdx", VALUE, "GPL-2.0-only", None),
            Edit("licence.sources", LIST, ("readme",), ()),
            Edit("packages.debian", LIST, ("qemu-system-x86",), ()),
            Edit("packages.sources", LIST, ("readme",), ()),
        )),
        Change("component", "virsh", "removed"),
        Change("relation", "lxc-uses-kernel-vm", "added"),
        Change("relation", "qemu-uses-kernel-vm", "added"),
        Change("relation", "qemu-uses-kvm", "removed"),
        Change("relation", "virsh-controls-qemu", "removed"),
    ]


# The fixture's components, and an LXC in the kernel layer, which the stack view
# (it names no components: it shows every one of its layers') now shows too.
WITH_LXC = (FIXTURES / "valid" / "components.yaml").read_text() + """\
  - {id: lxc, name: {en: LXC, ru: LXC}, layer: kernel, kind: container-runtime, summary: {en: Containers., ru: Контейнеры.}, sources: [api]}
"""
LXC_RELATION = (FIXTURES / "valid" / "relations.yaml").read_text() + """\
  - {from: lxc, to: kvm, kind: uses, label: {en: sits beside, ru: работает рядом с}, sources: [api]}
"""


def test_diff_models_leaves_out_a_view_whose_file_did_not_change(model_dir):
    before, after = models(model_dir, **{"components.yaml": WITH_LXC, "relations.yaml": LXC_RELATION})
    assert diff_models(before, after) == [Change("component", "lxc", "added"), Change("relation", "lxc-uses-kvm", "added")]


def test_diff_models_names_the_view_components_an_edit_adds(model_dir):
    views = (FIXTURES / "valid" / "views.yaml").read_text().replace("    home: true\n", "    home: true\n    components: [qemu, kvm]\n")
    before, after = models(model_dir, **{"views.yaml": views})
    assert diff_models(before, after) == [Change("view", "stack", "changed", (Edit("components", LIST, (), ("kvm", "qemu")),))]


def test_render_report_shows_an_english_only_edit_with_the_russian_unchanged(model_dir):
    edited = (FIXTURES / "valid" / "components.yaml").read_text().replace(
        "{en: A machine emulator., ru:", "{en: A machine emulator and virtualizer., ru:")
    before, after = models(model_dir, **{"components.yaml": edited})
    assert render_report("origin/main", "HEAD", diff_models(before, after), [], []) == """\
# Model changes: `origin/main` → `HEAD`

| what | id | change |
| --- | --- | --- |
| component | `qemu` | changed: summary (en only) |

## Fields that changed

### component `qemu`

- `summary`
  - en: A machine emulator\\. → A machine emulator<ins> and virtualizer</ins>\\.
  - ru: unchanged
"""


def test_render_report_shows_the_items_a_list_field_gained_and_lost(model_dir):
    edited = (FIXTURES / "valid" / "components.yaml").read_text().replace(
        "debian: [qemu-system-x86]", "debian: [qemu-system-x86, qemu-utils]\n      fedora: [qemu-kvm]").replace(
        "spdx: GPL-2.0-only, sources: [readme]", "spdx: GPL-2.0-or-later, sources: [api]")
    before, after = models(model_dir, **{"components.yaml": edited})
    assert render_report("a", "b", diff_models(before, after), [], []) == """\
# Model changes: `a` → `b`

| what | id | change |
| --- | --- | --- |
| component | `qemu` | changed: licence, packages |

## Fields that changed

### component `qemu`

- `licence.spdx`: `GPL-2.0-only` → `GPL-2.0-or-later`
- `licence.sources`: added `api`; removed `readme`
- `packages.debian`: added `qemu-utils`
- `packages.fedora`: added `qemu-kvm`
"""


def test_render_report_of_an_added_component_lists_its_addresses_and_pictures(model_dir):
    before, after = models(model_dir, **{"components.yaml": WITH_LXC, "relations.yaml": LXC_RELATION})
    outputs = pipeline.render(before, lang="en"), pipeline.render(after, lang="en")
    diagrams = [d for d in changed_diagrams(*outputs) if "narrow" not in d[0]]
    addresses = address_changes(before, after, ["# the registry", "/components/lxc/"])
    assert render_report("main", "HEAD", diff_models(before, after), addresses, diagrams) == """\
# Model changes: `main` → `HEAD`

| what | id | change |
| --- | --- | --- |
| component | `lxc` | added |
| relation | `lxc-uses-kvm` | added |

## Public addresses

5 new, not yet in `diagrams/published.txt` (`make addresses` registers them):

- `/components/kvm/#lxc-uses-kvm`
- `/components/lxc/#lxc-uses-kvm`
- `/ru/components/kvm/#lxc-uses-kvm`
- `/ru/components/lxc/`
- `/ru/components/lxc/#lxc-uses-kvm`

1 new, registered:

- `/components/lxc/`

## Diagrams that changed (3)

Outlined in the pictures: a wide green band, added; red and dashed, removed (in the before picture); amber, changed (see the fields above).

### `components/kvm/near-kvm.svg`

| before | after |
| --- | --- |
| ![before](before/components/kvm/near-kvm.svg) | ![after](after/components/kvm/near-kvm.svg) |

### `components/lxc/near-lxc.svg`

| before | after |
| --- | --- |
| new diagram | ![after](after/components/lxc/near-lxc.svg) |

### `stack.svg`

| before | after |
| --- | --- |
| ![before](before/stack.svg) | ![after](after/stack.svg) |
"""


def test_picture_files_outline_what_was_added_in_the_after_picture(model_dir):
    before, after = models(model_dir, **{"components.yaml": WITH_LXC, "relations.yaml": LXC_RELATION})
    outputs = pipeline.render(before, lang="en"), pipeline.render(after, lang="en")
    marks = picture_marks(before, after, diff_models(before, after))
    files = picture_files([("stack.svg", "changed"), ("components/lxc/near-lxc.svg", "new")], *outputs, marks)
    assert sorted(files) == ["after/components/lxc/near-lxc.svg", "after/stack.svg", "before/stack.svg"]
    marked = [line for line in files["after/stack.svg"].splitlines() if "diff-" in line and line.startswith("<g ")]
    assert marked == [
        '<g id="stack&#45;&#45;lxc" class="node component n&#45;lxc layer&#45;kernel kind&#45;container&#45;runtime diff-added">',
        '<g id="stack&#45;&#45;lxc&#45;uses&#45;kvm" class="edge relation kind&#45;uses from&#45;lxc to&#45;kvm diff-added">',
    ]
    assert files["before/stack.svg"] == outputs[0]["stack.svg"]  # nothing there was removed or changed
    for svg in files.values():
        ET.fromstring(svg)  # still well-formed XML


def test_mark_svg_adds_a_class_and_the_outline_style():
    svg = """\
<svg viewBox="0 0 9 9" xmlns="http://www.w3.org/2000/svg">
<g id="s&#45;&#45;kvm" class="node component n&#45;kvm">
<path d="M0,0"/>
</g>
<g id="s&#45;&#45;qemu&#45;uses&#45;kvm" class="edge relation kind&#45;uses from&#45;qemu to&#45;kvm">
<path d="M0,0"/>
</g>
<g id="s&#45;&#45;kvm&#45;x" class="node component n&#45;kvm&#45;x">
</g>
</svg>
"""
    marks = {frozenset({"n-kvm"}): "removed", frozenset({"kind-uses", "from-qemu", "to-kvm"}): "changed"}
    assert mark_svg(svg, marks) == """\
<svg viewBox="0 0 9 9" xmlns="http://www.w3.org/2000/svg">
<style>
.node.diff-added path { stroke: #1a7f37; stroke-width: 10px; paint-order: stroke; }
.edge.diff-added path, .edge.diff-added polygon { stroke: #1a7f37; stroke-width: 4px; }
.node.diff-removed path { stroke: #cf222e; stroke-width: 10px; paint-order: stroke; stroke-dasharray: 12 6; }
.edge.diff-removed path, .edge.diff-removed polygon { stroke: #cf222e; stroke-width: 4px; stroke-dasharray: 12 6; }
.node.diff-changed path { stroke: #bf8700; stroke-width: 10px; paint-order: stroke; }
.edge.diff-changed path, .edge.diff-changed polygon { stroke: #bf8700; stroke-width: 4px; }
</style>
<g id="s&#45;&#45;kvm" class="node component n&#45;kvm diff-removed">
<path d="M0,0"/>
</g>
<g id="s&#45;&#45;qemu&#45;uses&#45;kvm" class="edge relation kind&#45;uses from&#45;qemu to&#45;kvm diff-changed">
<path d="M0,0"/>
</g>
<g id="s&#45;&#45;kvm&#45;x" class="node component n&#45;kvm&#45;x">
</g>
</svg>
"""
    assert mark_svg(svg, {frozenset({"n-lxc"}): "added"}) == svg


def test_render_report_of_a_rename_keeps_old_links_and_shows_what_else_changed():
    changes = [Change("component", "kernel-vm", "renamed", (Edit("aliases", LIST, (), ("kvm",)),), "kvm"),
               Change("relation", "qemu-uses-kvm", "changed", (Edit("protocol", TEXT, None, Text("ioctls", "вызовы ioctl")),))]
    addresses = [("/components/kvm/", "kept"), ("/components/virsh/", "gone")]
    diagrams = [("stack.svg", "changed"), ("views/old/old.svg", "removed"), ("views/new/new.svg", "new")]
    assert render_report("origin/main", "HEAD", changes, addresses, diagrams, pictures=False) == """\
# Model changes: `origin/main` → `HEAD`

| what | id | change |
| --- | --- | --- |
| component | `kernel-vm` | renamed from `kvm` (its alias keeps old links working); changed: aliases |
| relation | `qemu-uses-kvm` | changed: protocol |

## Fields that changed

### component `kernel-vm`

- `aliases`: added `kvm`

### relation `qemu-uses-kvm`

- `protocol`
  - en: *(none)* → ioctls
  - ru: *(none)* → вызовы ioctl

## Public addresses

1 retired, still working (a redirect, a former anchor kept, or a removal note):

- `/components/kvm/`

1 gone, with nothing in their place (old links to them stop working):

- `/components/virsh/`

## Diagrams that changed (3)

The before and after pictures are in the `model-diff` artifact (report.md, before/ and after/).

- `stack.svg`
- `views/old/old.svg`: removed diagram
- `views/new/new.svg`: new diagram
"""


def test_render_report_shows_model_text_literally(model_dir):
    edited = (FIXTURES / "valid" / "components.yaml").read_text().replace(
        "{en: A machine emulator., ru: Эмулятор машины.}",
        '{en: "A <script>alert(1)</script> | **bold** [link](https://e.org) `code`", ru: Эмулятор машины.}').replace(
        "debian: [qemu-system-x86]", 'debian: [qemu-system-x86, "a|b", "`x`"]')
    before, after = models(model_dir, **{"components.yaml": edited})
    assert render_report("a", "b", diff_models(before, after), [], []) == r"""# Model changes: `a` → `b`

| what | id | change |
| --- | --- | --- |
| component | `qemu` | changed: summary (en only), packages |

## Fields that changed

### component `qemu`

- `summary`
  - en: A <del>machine emulator\.</del> → A <ins>&lt;script&gt;alert\(1\)&lt;/script&gt; &#124; \*\*bold\*\* \[link\]\(https://e\.org\) \`code\`</ins>
  - ru: unchanged
- `packages.debian`: added <code>a&#124;b</code>, <code>\`x\`</code>
"""


def test_render_report_says_when_nothing_changed():
    assert render_report("a", "b", [], [], []) == "# Model changes: `a` → `b`\n\nNo change to the model, its addresses or its diagrams.\n"


def test_changed_diagrams_compares_dot_sources_only():
    before = {"a.dot": "1", "a.svg": "x", "b.dot": "2", "gone.dot": "3"}
    after = {"a.dot": "1", "a.svg": "y", "b.dot": "2!", "new.dot": "4"}
    assert changed_diagrams(before, after) == [("b.svg", "changed"), ("gone.svg", "removed"), ("new.svg", "new")]


def test_address_changes_tell_a_redirected_address_from_a_gone_one(model_dir):
    before, after = models(model_dir, **{"components.yaml": COMPONENTS, "relations.yaml": RELATIONS})
    found = address_changes(before, after, [])
    assert [pair for pair in found if not pair[0].startswith("/ru/") and pair[1] != "unregistered"] == [
        ("/components/kvm/", "kept"),
        ("/components/kvm/#qemu-uses-kvm", "kept"),
        ("/components/qemu/#qemu-uses-kvm", "kept"),
        ("/components/qemu/#virsh-controls-qemu", "gone"),
        ("/components/virsh/", "gone"),
        ("/components/virsh/#virsh-controls-qemu", "gone"),
    ]


def test_cli_diff_of_a_revision_that_does_not_exist_says_so(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/cli.py"), "diff", "no-such-rev", "--out", str(tmp_path / "d")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("error: git ls-tree --name-only no-such-rev:diagrams: fatal:")
    assert not (tmp_path / "d").exists()
