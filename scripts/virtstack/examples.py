"""A small, complete example of every model file, for the model reference page.

Together the examples form a valid model (a test checks that), so every
snippet a contributor copies from the reference page is known to pass.
"""

__all__ = ["EXAMPLES"]

EXAMPLES = {
    "layers.yaml": """\
layers:                       # from the hardware up; the first is drawn at the bottom
  - id: hardware
    name: {en: CPU virtualization extensions}
    summary: {en: "Processor features that let a hypervisor run guest code directly."}
  - id: kernel
    name: {en: Kernel or hypervisor}
    summary: {en: "Code in the processor's most privileged mode."}
""",
    "components.yaml": """\
components:
  - id: kvm
    name: {en: KVM}
    also_known_as: [Kernel-based Virtual Machine]
    layer: kernel
    kind: kernel-module
    summary: {en: "The Linux kernel's virtualization module, used through `/dev/kvm`."}
    sources: [linux-kvm-api]
    description:
      - text: {en: "A new virtual machine has no virtual CPUs and no memory."}
        sources: [linux-kvm-api]
    misconceptions:
      - text: {en: "KVM alone is not a usable machine: a VMM such as QEMU supplies memory and devices."}
        sources: [linux-kvm-api]
    homepage: https://www.linux-kvm.org/
    licence: {spdx: GPL-2.0-only, sources: [linux-kvm-api]}
    first_release: {date: "2007-02", text: {en: "Linux 2.6.20."}, sources: [linux-kvm-api]}
    packages:
      debian: [qemu-system-x86]
      note: {en: "KVM itself is in the kernel; this package brings the VMM."}
      sources: [linux-kvm-api]
  - id: vt-x
    name: {en: Intel VT-x}
    layer: hardware
    kind: cpu-extension
    summary: {en: "Intel's hardware virtualization extension."}
    sources: [linux-kvm-api]
""",
    "relations.yaml": """\
relations:                    # each relation's id is <from>-<kind>-<to>: kvm-uses-vt-x
  - from: kvm
    to: vt-x
    kind: uses
    label: {en: "runs guest code with"}
    protocol: {en: "VMX instructions"}
    sources: [linux-kvm-api]
""",
    "sources.yaml": """\
sources:
  - id: linux-kvm-api
    title: "The Definitive KVM (Kernel-based Virtual Machine) API Documentation"
    url: https://docs.kernel.org/virt/kvm/api.html
    publisher: Linux kernel documentation
    date: "2026"
""",
    "views.yaml": """\
views:
  - id: stack
    home: true                # exactly one view is the home page
    title: {en: "How the stack fits together"}
    summary: {en: "KVM runs guest code with VT-x."}
    intro:
      - text: {en: "KVM is part of the Linux kernel."}
        sources: [linux-kvm-api]
  - id: start
    kind: path                # stack (default), path or compare
    title: {en: "Starting a guest"}
    summary: {en: "The steps, in order."}
    steps:
      - relation: kvm-uses-vt-x
        text: {en: "KVM enters guest mode."}
        sources: [linux-kvm-api]
  - id: side-by-side
    kind: compare
    title: {en: "Stacks side by side"}
    summary: {en: "One column per stack."}
    columns:
      - id: kvm
        title: {en: KVM}
        components: [vt-x, kvm]
""",
    "claims.yaml": """\
claims:                       # in the order the asker wrote them
  - id: c14
    section: kvm
    claim: {en: "KVM can create virtual machines without QEMU."}
    verdict: wrong
    correction:
      - text: {en: "A new VM has no virtual CPUs and no memory; a VMM must add them."}
        sources: [linux-kvm-api]
    about: [kvm]
""",
    "questions.yaml": """\
questions:                    # numbered in file order; the page is /questions/<id>/
  - id: qemu-kvm
    title: {en: "What is qemu-kvm?"}
    short_answer:
      - text: {en: "QEMU using KVM."}
        sources: [linux-kvm-api]
    claims: [c14]
    view: start
    sections:
      - id: packages
        title: {en: "Where it comes from"}
        body:
          - text: {en: "Distributions package it."}
            sources: [linux-kvm-api]
        table: packages
        components: [kvm]
""",
    "events.yaml": """\
events:
  - id: kvm-in-linux
    date: "2007-02"
    text: {en: "Linux 2.6.20 ships with KVM."}
    sources: [linux-kvm-api]
    components: [kvm]
""",
    "glossary.yaml": """\
terms:
  - id: vmm
    term: {en: VMM}
    matches: {en: [VMM, VMMs, virtual machine monitor]}
    definition:
      - text: {en: "The program that is the virtual machine."}
        sources: [linux-kvm-api]
    see_also: [kvm]
""",
}
