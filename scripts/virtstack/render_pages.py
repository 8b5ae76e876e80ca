"""Turn the Model into Markdown pages, with diagrams inlined.

Input: the Model and the inline SVG of each diagram (from render_diagrams).
Output: {page path: Markdown}, e.g. "components/kvm.md". Pure: no I/O.
Page paths and anchors come from model ids, never from heading text. Every
model string goes through escape.py; every statement is followed by numbered
citations that point to the page's own list of sources.
"""

import posixpath
from dataclasses import dataclass, field

from .escape import html_text, markdown_text
from .model import Component, Model, Relation, Statement, View
from .render_diagrams import Diagram, neighbourhood_diagram, view_diagram

__all__ = ["diagram_pages", "page_root", "render_pages"]

# Words the pages use around model text, per language.
LABELS = {
    "en": {
        "at-a-glance": "At a glance", "layer": "Layer", "kind": "Kind",
        "also-known-as": "Also known as", "licence": "Licence",
        "first-release": "First release", "homepage": "Homepage",
        "repository": "Repository", "details": "What it is",
        "relations": "Relations", "packages": "Packages",
        "distribution": "Distribution", "sources": "Sources",
        "in-words": "The same diagram in words, from the top layer down:",
        "relations-in-words": "Relations:", "via": "How",
        "relations-below": "Its relations are explained under [Relations](#relations) below.",
        "layers-title": "Layers of the stack",
        "layers-intro": "The stack is drawn in bands, from the programs people use at the top down to the processor at the bottom. Each component sits in one band.",
        "components-title": "Components",
        "components-intro": "Every component of the stack, by layer, from the top down.",
        "component": "Component", "summary": "What it is",
        "debian": "Debian, Ubuntu", "fedora": "Fedora, RHEL", "arch": "Arch Linux",
        "explore": "Go further: [every layer](layers.md) and [every component](components/index.md).",
    },
}
KIND_LABELS = {
    "en": {
        "cpu-extension": "CPU extension", "kernel": "operating-system kernel",
        "kernel-module": "kernel module", "hypervisor": "hypervisor",
        "vmm": "virtual machine monitor (VMM)", "subsystem": "subsystem",
        "library": "library and daemons", "daemon": "daemon",
        "cli": "command-line tool", "gui": "graphical application",
        "web-ui": "web interface", "protocol": "protocol", "firmware": "firmware",
        "package": "package name", "platform": "platform",
        "container-runtime": "container runtime",
    },
}
DISTRIBUTIONS = ("debian", "fedora", "arch")


# Paths ----------------------------------------------------------------------

def component_path(component_id: str) -> str:
    """Return the page path of a component."""
    return f"components/{component_id}.md"


def page_root(page: str) -> str:
    """Return the relative path from a page's URL to the site root (directory URLs)."""
    parts = page[: -len(".md")].split("/")
    depth = len(parts) - (1 if parts[-1] == "index" else 0)
    return "../" * depth


def link(page: str, target: str) -> str:
    """Return the Markdown link target from one page to another page path."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def diagram_pages(model: Model) -> list[tuple[str, Diagram]]:
    """Return every (page path, diagram shown on it), sorted by page path."""
    pages = [("index.md", view_diagram(model, model.home_view))]
    pages += [(component_path(c.id), neighbourhood_diagram(model, c)) for c in model.components]
    return sorted(pages)


# Citations ------------------------------------------------------------------

@dataclass
class Citations:
    """Numbers a page's sources in the order they are first cited."""

    model: Model
    order: list[str] = field(default_factory=list)

    def cite(self, source_ids: tuple[str, ...]) -> str:
        """Return superscript links to the sources, numbering new ones."""
        marks = []
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            marks.append(f"[\\[{number}\\]](#source-{source_id})")
        return f"<sup>{''.join(marks)}</sup>"

    def section(self, lang: str) -> list[str]:
        """Return the page's numbered list of sources, each with its anchor."""
        if not self.order:
            return []
        items = [_source_item(self.model.source_by_id[i]) for i in self.order]
        return [f"## {LABELS[lang]['sources']} {{#sources}}", "", '<ol class="vs-sources">', *items, "</ol>", ""]


def _source_item(source) -> str:
    """Return one source as an HTML list item with id source-<id>."""
    details = ", ".join(html_text(x) for x in (source.publisher, source.date) if x)
    return (f'<li id="source-{source.id}"><a href="{html_text(source.url)}">'
            f"{html_text(source.title)}</a>, {details}</li>")


# Pages ----------------------------------------------------------------------

def render_pages(model: Model, svgs: dict[str, str], lang: str = "en") -> dict[str, str]:
    """Return every generated page: the home page, layers, components."""
    pages = {"index.md": render_home(model, model.home_view, svgs, lang)}
    pages["layers.md"] = render_layers(model, lang)
    pages["components/index.md"] = render_component_index(model, lang)
    for component in model.components:
        pages[component_path(component.id)] = render_component(model, component, svgs, lang)
    return dict(sorted(pages.items()))


def render_home(model: Model, view: View, svgs: dict[str, str], lang: str) -> str:
    """Return the home page: the short answer, the stack diagram and its text twin."""
    page, cites = "index.md", Citations(model)
    lines = [f"# {markdown_text(view.title.in_language(lang))}", ""]
    lines += _statements(view.intro, cites, lang)
    lines += _diagram_block(model, page, view_diagram(model, view, lang), svgs, lang)
    lines += [LABELS[lang]["explore"], ""]
    lines += cites.section(lang)
    return "\n".join(lines)


def render_layers(model: Model, lang: str) -> str:
    """Return the layers overview: each layer, top first, with its components."""
    page, words = "layers.md", LABELS[lang]
    lines = [f"# {words['layers-title']}", "", words["layers-intro"], ""]
    for layer in reversed(model.layers):
        lines += [f"## {markdown_text(layer.name.in_language(lang))} {{#{layer.id}}}", ""]
        lines += [markdown_text(layer.summary.in_language(lang)), ""]
        members = [c for c in model.components if c.layer == layer.id]
        lines += [f"- {_component_link(page, c, lang)}: {markdown_text(c.summary.in_language(lang))}" for c in members]
        lines.append("")
    return "\n".join(lines)


def render_component_index(model: Model, lang: str) -> str:
    """Return the list of all components as a table, by layer from the top."""
    page, words = "components/index.md", LABELS[lang]
    lines = [f"# {words['components-title']}", "", words["components-intro"], ""]
    lines += [f"| {words['component']} | {words['layer']} | {words['summary']} |", "| --- | --- | --- |"]
    for layer in reversed(model.layers):
        for c in (c for c in model.components if c.layer == layer.id):
            lines.append(f"| {_component_link(page, c, lang)} | {_layer_link(page, model, c.layer, lang)} "
                         f"| {markdown_text(c.summary.in_language(lang))} |")
    return "\n".join(lines) + "\n"


def render_component(model: Model, component: Component, svgs: dict[str, str], lang: str) -> str:
    """Return a component's page: summary, neighbourhood, facts, relations, sources."""
    page, cites = component_path(component.id), Citations(model)
    summary = Statement(component.summary, component.sources)
    lines = [f"# {markdown_text(component.name.in_language(lang))}", ""]
    lines += _statements((summary,), cites, lang)
    lines += _diagram_block(model, page, neighbourhood_diagram(model, component, lang), svgs, lang, in_words=False)
    lines += _glance(model, page, component, cites, lang)
    if component.description:
        lines += [f"## {LABELS[lang]['details']} {{#details}}", ""]
        lines += _statements(component.description, cites, lang)
    lines += _relations_section(model, page, component, cites, lang)
    lines += _packages_section(component, cites, lang)
    lines += cites.section(lang)
    return "\n".join(lines)


# Sections -------------------------------------------------------------------

def _statements(statements: tuple[Statement, ...], cites: Citations, lang: str) -> list[str]:
    """Return paragraphs, each followed by its citations."""
    lines = []
    for statement in statements:
        lines += [f"{markdown_text(statement.text.in_language(lang))} {cites.cite(statement.sources)}", ""]
    return lines


def _diagram_block(model: Model, page: str, diagram: Diagram, svgs: dict[str, str], lang: str,
                   in_words: bool = True) -> list[str]:
    """Return the inline SVG in its <div> and, under it, the same diagram in words.

    A component page lists the relations in its own Relations section, so its
    diagram's text twin (in_words=False) names the layers and components only.
    """
    words = LABELS[lang]
    lines = [f'<div class="vs-diagram" id="diagram-{diagram.id}">', svgs[diagram.id], "</div>", "", words["in-words"], ""]
    shown = [model.component_by_id[i] for i in diagram.components]
    for layer in reversed(model.layers):
        members = [c for c in shown if c.layer == layer.id]
        if members:
            names = ", ".join(_component_link(page, c, lang, diagram.focus) for c in members)
            lines.append(f"- {markdown_text(layer.name.in_language(lang))}: {names}")
    relations = [r for r in model.relations if r.id in set(diagram.relations)]
    if relations and not in_words:
        lines += ["", words["relations-below"]]
    elif relations:
        lines += ["", words["relations-in-words"], ""]
        lines += [f"- {_relation_sentence(model, page, r, lang, diagram.focus)}" for r in relations]
    return lines + [""]


def _glance(model: Model, page: str, c: Component, cites: Citations, lang: str) -> list[str]:
    """Return the at-a-glance table of a component."""
    words, rows = LABELS[lang], []
    rows.append((words["layer"], _layer_link(page, model, c.layer, lang)))
    rows.append((words["kind"], KIND_LABELS[lang][c.kind]))
    if c.also_known_as:
        rows.append((words["also-known-as"], ", ".join(markdown_text(n) for n in c.also_known_as)))
    if c.licence:
        rows.append((words["licence"], f"<code>{html_text(c.licence.spdx)}</code> {cites.cite(c.licence.sources)}"))
    if c.first_release:
        release = c.first_release
        rows.append((words["first-release"], f"{release.date}: {markdown_text(release.text.in_language(lang))} {cites.cite(release.sources)}"))
    for key in ("homepage", "repository"):
        if getattr(c, key):
            rows.append((words[key], f"<{html_text(getattr(c, key))}>"))
    lines = [f"## {words['at-a-glance']} {{#at-a-glance}}", "", "| | |", "| --- | --- |"]
    return lines + [f"| {name} | {value} |" for name, value in rows] + [""]


def _relations_section(model: Model, page: str, c: Component, cites: Citations, lang: str) -> list[str]:
    """Return one subsection per relation, each anchored at the relation's id."""
    relations = model.relations_of(c.id)
    if not relations:
        return []
    lines = [f"## {LABELS[lang]['relations']} {{#relations}}", ""]
    for r in relations:
        title = f"{model.component_by_id[r.from_].name.in_language(lang)} → {model.component_by_id[r.to].name.in_language(lang)}"
        lines += [f"### {markdown_text(title)} {{#{r.id}}}", ""]
        sentence = _relation_sentence(model, page, r, lang, c.id)
        lines += [f"{sentence} {cites.cite(r.sources)}", ""]
    return lines


def _packages_section(c: Component, cites: Citations, lang: str) -> list[str]:
    """Return the table of package names per distribution, when the model has them."""
    if not c.packages:
        return []
    words = LABELS[lang]
    lines = [f"## {words['packages']} {{#packages}}", "", f"| {words['distribution']} | {words['packages']} |", "| --- | --- |"]
    for distro in DISTRIBUTIONS:
        names = getattr(c.packages, distro)
        if names:
            lines.append(f"| {words[distro]} | {', '.join(f'<code>{html_text(n)}</code>' for n in names)} |")
    lines.append("")
    note = f"{markdown_text(c.packages.note.in_language(lang))} " if c.packages.note else ""
    return lines + [f"{note}{cites.cite(c.packages.sources)}", ""]


# Links ----------------------------------------------------------------------

def _component_link(page: str, c: Component, lang: str, focus: str | None = None) -> str:
    """Return a Markdown link to a component's page, or its bare name on its own page."""
    name = markdown_text(c.name.in_language(lang))
    return f"**{name}**" if c.id == focus else f"[{name}]({link(page, component_path(c.id))})"


def _layer_link(page: str, model: Model, layer_id: str, lang: str) -> str:
    """Return a Markdown link to a layer's section of the layers page."""
    name = markdown_text(model.layer_by_id[layer_id].name.in_language(lang))
    return f"[{name}]({link(page, 'layers.md')}#{layer_id})"


def _relation_sentence(model: Model, page: str, r: Relation, lang: str, focus: str | None) -> str:
    """Return '[QEMU](…) runs guest vCPUs through [KVM](…). How: ioctls on /dev/kvm.'"""
    ends = [_component_link(page, model.component_by_id[i], lang, focus) for i in (r.from_, r.to)]
    sentence = f"{ends[0]} {markdown_text(r.label.in_language(lang))} {ends[1]}."
    if r.protocol:
        sentence += f" {LABELS[lang]['via']}: {markdown_text(r.protocol.in_language(lang))}."
    return sentence
