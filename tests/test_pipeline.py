"""Tests for pipeline.py: every output, determinism, and all issues at once."""

import pytest

from virtstack import pipeline, schema
from virtstack.addresses import site_addresses
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


def registered(folder) -> list[str]:
    """Write the registry of every address the model in folder has now; return its lines."""
    lines = site_addresses(pipeline.check(folder, folder.parent)[0])
    (folder / "published.txt").write_text("\n".join(lines) + "\n")
    return lines


def test_check_reports_the_references_and_the_addresses_a_removed_component_leaves_in_one_run(model_dir):
    folder = model_dir()
    lines = registered(folder)
    components = folder / "components.yaml"
    components.write_text(components.read_text().split("  - id: virsh\n")[0])
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    keep = ("add 'aliases: [{0}]' to the {1} that replaced it, or, if nothing did, "
            "retire it in diagrams/retired.yaml with a reason (id: {0}, kind: {1})")
    why = {"/components/qemu/#virsh-controls-qemu": "no relation 'virsh-controls-qemu' on component 'qemu'; "
                                                     + keep.format("virsh-controls-qemu", "relation"),
           "/components/virsh/": "no component 'virsh'; " + keep.format("virsh", "component"),
           "/components/virsh/#virsh-controls-qemu": "its page '{}' is gone too; keep the page first (retiring it keeps its anchors)"}
    gone = [f"diagrams/published.txt:{lines.index(edition + address[1:]) + 1}:1: error: published address "
            f"'{edition + address[1:]}' no longer exists: {text.format(edition + 'components/virsh/')} [gone-address]"
            for edition in ("/", "/ru/") for address, text in why.items()]
    assert [format_issue(i) for i in caught.value.issues] == gone + [
        "diagrams/relations.yaml:8:11: error: unknown component 'virsh' in 'from' (known: kvm, qemu) [unknown-ref]"]


def test_an_entity_with_an_error_elsewhere_keeps_its_addresses(model_dir):
    folder = model_dir()
    registered(folder)
    components = folder / "components.yaml"
    components.write_text(components.read_text().replace("    kind: cli\n", "    kind: clu\n"))
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues] == [
        "diagrams/components.yaml:21:11: error: 'kind' must be one of: " + ", ".join(schema.COMPONENT_KINDS)
        + " but got 'clu' (did you mean 'cli'?) [bad-enum]"]


def test_a_missing_model_file_gives_no_gone_addresses(model_dir):
    folder = model_dir()
    registered(folder)
    (folder / "components.yaml").unlink()
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    assert {i.code for i in caught.value.issues} == {"missing-file", "unknown-ref"}


def test_check_warns_once_about_addresses_the_registry_does_not_list_yet(model_dir):
    folder = model_dir()
    lines = registered(folder)
    (folder / "published.txt").write_text("\n".join(line for line in lines if "virsh" not in line) + "\n")
    assert [format_issue(i) for i in pipeline.check(folder, folder.parent)[1]] == [
        "diagrams/published.txt:1:1: warning: 6 address(es) of the site are not registered yet, such as "
        "'/components/qemu/#virsh-controls-qemu'; run `make addresses` and commit diagrams/published.txt [unregistered-address]"]
