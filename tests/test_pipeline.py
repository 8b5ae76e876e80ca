"""Tests for pipeline.py: every output, determinism, and all issues at once."""

import pytest

from virtstack import pipeline
from virtstack.issues import ModelError, format_issue

from conftest import FIXTURES


def test_build_returns_pages_diagrams_and_stylesheet():
    outputs = pipeline.build(FIXTURES / "valid", FIXTURES)
    assert list(outputs) == [
        "about/preview.png", "assets/virtstack.css", "components/index.md", "components/kvm.md",
        "components/kvm/near-kvm-narrow.dot", "components/kvm/near-kvm-narrow.svg",
        "components/kvm/near-kvm.dot", "components/kvm/near-kvm.svg", "components/kvm/preview.png",
        "components/preview.png", "components/qemu.md", "components/qemu/near-qemu-narrow.dot",
        "components/qemu/near-qemu-narrow.svg", "components/qemu/near-qemu.dot", "components/qemu/near-qemu.svg",
        "components/qemu/preview.png", "components/virsh.md", "components/virsh/near-virsh-narrow.dot",
        "components/virsh/near-virsh-narrow.svg", "components/virsh/near-virsh.dot", "components/virsh/near-virsh.svg",
        "components/virsh/preview.png", "index.md", "layers.md", "layers/preview.png", "model.json", "model.schema.json",
        "pages.json", "preview.png",
        "reference.md", "reference/preview.png", "robots.txt", "sources.md", "sources/preview.png",
        "stack-narrow.dot", "stack-narrow.svg", "stack.dot", "stack.svg",
    ]
    # Both variants of the picture are inlined in the page, the wide one first.
    assert outputs["stack.svg"].rstrip("\n") + outputs["stack-narrow.svg"].rstrip("\n") in outputs["index.md"]


def test_robots_txt_is_at_the_root_and_names_every_editions_sitemap_when_the_address_is_known():
    model = pipeline.check(FIXTURES / "valid", FIXTURES)[0]
    assert pipeline.render(model, previews=False)["robots.txt"] == "User-agent: *\nAllow: /\n"
    assert pipeline.render(model, site_url="https://x.org/", previews=False)["robots.txt"] == (
        "User-agent: *\nAllow: /\nSitemap: https://x.org/sitemap.xml\nSitemap: https://x.org/ru/sitemap.xml\n")
    assert "robots.txt" not in pipeline.render(model, lang="ru", site_url="https://x.org/ru/", previews=False)


def test_build_is_byte_identical_across_runs():
    assert pipeline.build(FIXTURES / "valid", FIXTURES) == pipeline.build(FIXTURES / "valid", FIXTURES)


def test_build_raises_every_issue_at_once(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - {from: qemu, to: kvn, kind: uses, label: {en: x, ru: x}, sources: [api]}\n"
                                          "  - {from: virsh, to: qemu, kind: uses, label: {en: x, ru: x}, sources: []}\n"})
    with pytest.raises(ModelError) as caught:
        pipeline.build(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues] == [
        "diagrams/relations.yaml:2:22: error: unknown component 'kvn' in 'to' (did you mean 'kvm'?) [unknown-ref]",
        "diagrams/relations.yaml:3:73: error: 'sources' must not be empty [empty]",
    ]


def test_build_stops_after_a_syntax_error_with_just_that_issue(model_dir):
    folder = model_dir({"relations.yaml": "relations:\n  - from: [qemu\n"})
    with pytest.raises(ModelError) as caught:
        pipeline.build(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues] == [
        "diagrams/relations.yaml:3:1: error: YAML syntax: expected ',' or ']', but got '<stream end>' [yaml-syntax]"]
