"""A small, complete example of every model file, for the model reference page.

Together the examples form a valid model (a test checks that), so every
snippet a contributor copies from the reference page is known to pass. Every
text has both languages, `en` and `ru`, as every text in the model must.
"""

__all__ = ["EXAMPLES"]

EXAMPLES = {
    "layers.yaml": """\
layers:                       # from the hardware up; the first is drawn at the bottom
  - id: hardware
    name: {en: CPU virtualization extensions, ru: "Расширения виртуализации процессора"}
    summary:
      en: "Processor features that let a hypervisor run guest code directly."
      ru: "Возможности процессора, позволяющие гипервизору выполнять гостевой код напрямую."
  - id: kernel
    name: {en: Kernel or hypervisor, ru: "Ядро или гипервизор"}
    summary:
      en: "Code in the processor's most privileged mode."
      ru: "Код, выполняемый в самом привилегированном режиме процессора."
""",
    "components.yaml": """\
components:
  - id: kvm
    name: {en: KVM, ru: "KVM"}
    also_known_as: [Kernel-based Virtual Machine]
    layer: kernel
    kind: kernel-module
    summary:
      en: "The Linux kernel's virtualization module, used through `/dev/kvm`."
      ru: "Модуль виртуализации в ядре Linux; с ним работают через `/dev/kvm`."
    sources: [linux-kvm-api]
    description:
      - text:
          en: "A new virtual machine has no virtual CPUs and no memory."
          ru: "У новой виртуальной машины нет ни виртуальных процессоров, ни памяти."
        sources: [linux-kvm-api]
    misconceptions:
      - text:
          en: "KVM alone is not a usable machine: a VMM such as QEMU supplies memory and devices."
          ru: "Один KVM — ещё не готовая машина: память и устройства ей даёт VMM, например QEMU."
        sources: [linux-kvm-api]
    homepage: https://www.linux-kvm.org/
    licence: {spdx: GPL-2.0-only, sources: [linux-kvm-api]}
    first_release:
      date: "2007-02"
      text: {en: "Linux 2.6.20.", ru: "Linux 2.6.20."}
      sources: [linux-kvm-api]
    packages:
      debian: [qemu-system-x86]
      note:
        en: "KVM itself is in the kernel; this package brings the VMM."
        ru: "Сам KVM входит в ядро, а этот пакет устанавливает VMM."
      sources: [linux-kvm-api]
      as_of: "2026-11"        # package names can go stale: the month they were last found true
  - id: vt-x
    name: {en: Intel VT-x, ru: "Intel VT-x"}
    layer: hardware
    kind: cpu-extension
    summary:
      en: "Intel's hardware virtualization extension."
      ru: "Расширение процессоров Intel для аппаратной виртуализации."
    sources: [linux-kvm-api]
""",
    "relations.yaml": """\
relations:                    # each relation's id is <from>-<kind>-<to>: kvm-uses-vt-x
  - from: kvm
    to: vt-x
    kind: uses
    label: {en: "runs guest code with", ru: "выполняет гостевой код с помощью"}
    protocol: {en: "VMX instructions", ru: "инструкции VMX"}
    sources: [linux-kvm-api]
""",
    "sources.yaml": """\
sources:
  - id: linux-kvm-api
    title: "The Definitive KVM (Kernel-based Virtual Machine) API Documentation"
    url: https://docs.kernel.org/virt/kvm/api.html
    publisher: Linux kernel documentation
    date: "2026"
    checked: "2026-11"        # the month someone last read it; `make check` warns 18 months later
""",
    "views.yaml": """\
views:
  - id: stack
    home: true                # exactly one view is the home page
    title: {en: "How the stack fits together", ru: "Как устроен стек"}
    summary:
      en: "KVM runs guest code with VT-x."
      ru: "KVM выполняет гостевой код с помощью VT-x."
    intro:
      - text: {en: "KVM is part of the Linux kernel.", ru: "KVM входит в ядро Linux."}
        sources: [linux-kvm-api]
  - id: start
    kind: path                # stack (default), path or compare
    title: {en: "Starting a guest", ru: "Запуск гостевой системы"}
    summary: {en: "The steps, in order.", ru: "Шаги по порядку."}
    steps:
      - relation: kvm-uses-vt-x
        text: {en: "KVM enters guest mode.", ru: "KVM переводит процессор в гостевой режим."}
        sources: [linux-kvm-api]
  - id: side-by-side
    kind: compare
    title: {en: "Stacks side by side", ru: "Стеки бок о бок"}
    summary: {en: "One column per stack.", ru: "По колонке на каждый стек."}
    columns:
      - id: kvm
        title: {en: KVM, ru: "KVM"}
        components: [vt-x, kvm]
""",
    "claims.yaml": """\
claims:                       # in the order the asker wrote them
  - id: c14
    section: kvm
    claim:
      en: "KVM can create virtual machines without QEMU."
      ru: "KVM может создавать виртуальные машины без QEMU."
    verdict: wrong
    correction:
      - text:
          en: "A new VM has no virtual CPUs and no memory; a VMM must add them."
          ru: "У новой ВМ нет ни виртуальных процессоров, ни памяти: их должен добавить VMM."
        sources: [linux-kvm-api]
    about: [kvm]
""",
    "questions.yaml": """\
questions:                    # the page is /questions/<id>/; numbered in file order unless in a `group`
  - id: qemu-kvm
    title: {en: "What is qemu-kvm?", ru: "Что такое qemu-kvm?"}
    short_answer:
      - text: {en: "QEMU using KVM.", ru: "QEMU, работающий через KVM."}
        sources: [linux-kvm-api]
    claims: [c14]
    view: start
    sections:
      - id: packages
        title: {en: "Where it comes from", ru: "Откуда он берётся"}
        body:
          - text: {en: "Distributions package it.", ru: "Его поставляют дистрибутивы."}
            sources: [linux-kvm-api]
        table: packages
        components: [kvm]
""",
    "events.yaml": """\
events:
  - id: kvm-in-linux
    date: "2007-02"
    text:
      en: "Linux 2.6.20 ships with KVM."
      ru: "Выходит Linux 2.6.20, в состав которого входит KVM."
    sources: [linux-kvm-api]
    components: [kvm]
""",
    "glossary.yaml": """\
terms:
  - id: vmm
    term: {en: VMM, ru: "VMM"}
    matches:
      en: [VMM, VMMs, virtual machine monitor]
      ru: [VMM, монитор виртуальных машин, монитора виртуальных машин, монитором виртуальных машин]
    definition:
      - text:
          en: "The program that is the virtual machine."
          ru: "Программа, которая и есть виртуальная машина."
        sources: [linux-kvm-api]
    see_also: [kvm]
""",
    "retired.yaml": """\
retired:                      # removed, with nothing in its place (a rename or a merge is `aliases` instead)
  - id: bhyve
    kind: component           # its page /components/bhyve/ stays, saying when and why it went
    name: {en: bhyve, ru: "bhyve"}
    date: "2026-05-01"
    reason:
      en: "The site now covers only the virtualization stack of Linux."
      ru: "Теперь сайт рассказывает только о стеке виртуализации в Linux."
    see_also: [kvm]
""",
}
