"""Tests for diff.py and `cli.py diff`: what a reviewer sees of a model change."""

import subprocess
import sys

from virtstack import pipeline
from virtstack.diff import Change, changed_diagrams, diff_models, render_report

from conftest import ROOT


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
        Change("component", "kernel-vm", "renamed", ("kvm",)),
        Change("component", "lxc", "added"),
        Change("component", "qemu", "changed", ("summary", "licence", "packages")),
        Change("component", "virsh", "removed"),
        Change("relation", "lxc-uses-kernel-vm", "added"),
        Change("relation", "qemu-uses-kernel-vm", "added"),
        Change("relation", "qemu-uses-kvm", "removed"),
        Change("relation", "virsh-controls-qemu", "removed"),
        Change("view", "stack", "changed", ("components",)),
    ]


def test_render_report_lists_changes_and_pictures():
    changes = [Change("component", "kernel-vm", "renamed", ("kvm",)), Change("component", "qemu", "changed", ("summary", "from_"))]
    assert render_report("origin/main", "HEAD", changes, ["components/qemu/near-qemu.dot"]) == """\
# Model changes: `origin/main` → `HEAD`

| what | id | change |
| --- | --- | --- |
| component | `kernel-vm` | renamed from `kvm` (old links redirect through its alias) |
| component | `qemu` | changed: summary, from |

## Diagrams that changed (1)

### `components/qemu/near-qemu.svg`

| before | after |
| --- | --- |
| ![before](before/components/qemu/near-qemu.svg) | ![after](after/components/qemu/near-qemu.svg) |
"""


def test_render_report_says_when_nothing_changed():
    assert render_report("a", "b", [], []) == "# Model changes: `a` → `b`\n\nNo change to the model or its diagrams.\n"


def test_changed_diagrams_compares_dot_sources_only():
    before = {"a.dot": "1", "a.svg": "x", "b.dot": "2", "gone.dot": "3"}
    after = {"a.dot": "1", "a.svg": "y", "b.dot": "2!", "new.dot": "4"}
    assert changed_diagrams(before, after) == ["b.dot", "gone.dot", "new.dot"]


def test_cli_diff_of_a_revision_that_does_not_exist_says_so(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/cli.py"), "diff", "no-such-rev", "--out", str(tmp_path / "d")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("error: git ls-tree --name-only no-such-rev:diagrams: fatal:")
    assert not (tmp_path / "d").exists()
