"""The validated model of the stack: frozen dataclasses, no I/O.

Only validate.py constructs these; every renderer takes a Model and never
sees raw YAML. Ids are the stable keys that URLs, anchors and DOT ids come
from. Every fact carries the ids of the sources that back it.
"""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

__all__ = [
    "Claim", "Column", "Component", "Event", "Layer", "Licence", "Model",
    "Packages", "Question", "Relation", "Release", "Retired", "Section", "Source",
    "Statement", "Step", "Template", "Term", "Text", "View", "Words",
]


@dataclass(frozen=True)
class Text:
    """A human-readable text in each language of the site."""

    en: str
    ru: str | None = None

    def in_language(self, lang: str) -> str:
        """Return the text in lang."""
        return getattr(self, lang)


@dataclass(frozen=True)
class Template:
    """A sentence with {from} and {to} placeholders, in some of the site's languages."""

    en: str | None = None
    ru: str | None = None

    def in_language(self, lang: str) -> str | None:
        """Return the sentence in lang, or None when it has none in lang."""
        return getattr(self, lang)


@dataclass(frozen=True)
class Words:
    """A list of words or phrases in each language of the site."""

    en: tuple[str, ...]
    ru: tuple[str, ...] | None = None

    def in_language(self, lang: str) -> tuple[str, ...]:
        """Return the words in lang."""
        return getattr(self, lang)


@dataclass(frozen=True)
class Statement:
    """A paragraph of prose and the sources that back it."""

    text: Text
    sources: tuple[str, ...]
    as_of: str | None = None  # YYYY-MM, for a fact that can go stale


@dataclass(frozen=True)
class Licence:
    """A licence as an SPDX expression, with its sources."""

    spdx: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Release:
    """The first release: a partial date (YYYY, YYYY-MM or YYYY-MM-DD) and what shipped."""

    date: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Packages:
    """Package names per distribution family."""

    debian: tuple[str, ...]
    fedora: tuple[str, ...]
    arch: tuple[str, ...]
    note: Text | None
    sources: tuple[str, ...]
    as_of: str | None = None  # YYYY-MM: when the names were last found true


@dataclass(frozen=True)
class Source:
    """A document that facts cite by id."""

    id: str
    title: str
    url: str
    publisher: str
    date: str | None
    checked: str | None = None  # YYYY-MM: when it was last read and found to back what cites it


@dataclass(frozen=True)
class Layer:
    """A horizontal band of the stack; the model lists them from the hardware up."""

    id: str
    name: Text
    summary: Text
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Component:
    """A program, module, feature or project that has a page and a node."""

    id: str
    name: Text
    also_known_as: tuple[str, ...]
    layer: str
    kind: str
    summary: Text
    sources: tuple[str, ...]
    description: tuple[Statement, ...]
    homepage: str | None
    repository: str | None
    licence: Licence | None
    first_release: Release | None
    packages: Packages | None
    aliases: tuple[str, ...]
    upstream: str | None = None
    misconceptions: tuple[Statement, ...] = ()
    role: Text | None = None


@dataclass(frozen=True)
class Relation:
    """A typed, labelled edge between two components; its id is from-kind-to."""

    id: str
    from_: str
    to: str
    kind: str
    label: Text
    protocol: Text | None
    sources: tuple[str, ...]
    interface: Text | None = None
    aliases: tuple[str, ...] = ()  # former ids, from before a change of kind or of an end
    sentence: Template | None = None  # its own word order, in the languages where <from> <label> <to> reads wrong

    def words(self, lang: str, ends: tuple[str, str], escape: Callable[[str], str]) -> str:
        """Return the relation in words in lang, without a full stop: its sentence or '<from> <label> <to>'.

        ends are the two ends as the caller shows them (names, links); every
        other piece of text goes through escape, one space kept at each edge.
        """
        own = self.sentence.in_language(lang) if self.sentence else None
        pieces = _PLACEHOLDER.split(own) if own else ["", "{from}", f" {self.label.in_language(lang)} ", "{to}", ""]
        shown = {"{from}": ends[0], "{to}": ends[1]}
        return "".join(shown[p] if i % 2 else _escaped(p, escape) for i, p in enumerate(pieces))


_PLACEHOLDER = re.compile(r"(\{from\}|\{to\})")


def _escaped(piece: str, escape: Callable[[str], str]) -> str:
    """Return a piece of a sentence escaped, with one space where it starts or ends with whitespace."""
    if not piece.strip():
        return " " if piece else ""
    return (" " if piece[0].isspace() else "") + escape(piece.strip()) + (" " if piece[-1].isspace() else "")


@dataclass(frozen=True)
class Step:
    """One numbered step of a path view: a relation and what happens there."""

    relation: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One stack of a compare view, drawn in the shared layer frame."""

    id: str
    title: Text
    components: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """A diagram that selects from the model: a stack, a path of steps, or stacks side by side."""

    id: str
    home: bool
    kind: str
    title: Text
    summary: Text
    intro: tuple[Statement, ...]
    layers: tuple[str, ...]
    components: tuple[str, ...]
    steps: tuple[Step, ...] = ()
    relations: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    emphasis: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One of the asker's conclusions, restated, with its verdict and correction."""

    id: str
    section: str
    claim: Text
    verdict: str
    correction: tuple[Statement, ...]
    about: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part of an answer; it may show a package table of some components."""

    id: str
    title: Text
    body: tuple[Statement, ...]
    table: str | None
    components: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A question (the asker's, or a follow-up in a group), with a short answer and the full one."""

    id: str
    title: Text
    short_answer: tuple[Statement, ...]
    claims: tuple[str, ...]
    view: str | None
    sections: tuple[Section, ...]
    heading: Text | None = None  # short; the title is then quoted below it
    group: str | None = None  # a follow-up question's group; None for the asker's
    aliases: tuple[str, ...] = ()

    @property
    def headline(self) -> Text:
        """Return what the question's page is headed with: its short heading, or its title when it has none."""
        return self.heading or self.title


@dataclass(frozen=True)
class Event:
    """A dated event on the timeline."""

    id: str
    date: str
    text: Text
    sources: tuple[str, ...]
    components: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A glossary term, the words that link to it, and its definition."""

    id: str
    term: Text
    matches: Words
    definition: tuple[Statement, ...]
    see_also: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retired:
    """Something the site published and removed with nothing to replace it: its old address says when and why."""

    id: str
    kind: str  # component, relation, question, view, claim, term, event or layer
    name: Text | None
    date: str
    reason: Text
    see_also: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Everything the site shows, each collection sorted by id (layers in stack order)."""

    layers: tuple[Layer, ...]
    components: tuple[Component, ...]
    relations: tuple[Relation, ...]
    sources: tuple[Source, ...]
    views: tuple[View, ...]
    claims: tuple[Claim, ...] = ()
    questions: tuple[Question, ...] = ()
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()
    retired: tuple[Retired, ...] = ()

    @cached_property
    def layer_by_id(self) -> dict[str, Layer]:
        """Map layer ids to layers."""
        return {layer.id: layer for layer in self.layers}

    @cached_property
    def component_by_id(self) -> dict[str, Component]:
        """Map component ids to components."""
        return {component.id: component for component in self.components}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        """Map source ids to sources."""
        return {source.id: source for source in self.sources}

    @cached_property
    def view_by_id(self) -> dict[str, View]:
        """Map view ids to views."""
        return {view.id: view for view in self.views}

    @cached_property
    def relation_by_id(self) -> dict[str, Relation]:
        """Map relation ids to relations."""
        return {relation.id: relation for relation in self.relations}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        """Map claim ids to claims."""
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def asked(self) -> tuple[Question, ...]:
        """Return the asker's questions (those in no group), numbered in this order."""
        return tuple(q for q in self.questions if q.group is None)

    def follow_ups(self, group: str) -> tuple[Question, ...]:
        """Return the follow-up questions in a group, in file order."""
        return tuple(q for q in self.questions if q.group == group)

    @cached_property
    def home_view(self) -> View:
        """Return the view shown on the home page."""
        return next(view for view in self.views if view.home)

    def layer_rank(self, layer_id: str) -> int:
        """Return the layer's position from the bottom (hardware is 0)."""
        return [layer.id for layer in self.layers].index(layer_id)

    @cached_property
    def _relations_by_component(self) -> dict[str, tuple[Relation, ...]]:
        """Map each component id to the relations that start or end at it, in id order."""
        found: dict[str, list[Relation]] = {}
        for r in self.relations:
            for end in dict.fromkeys((r.from_, r.to)):
                found.setdefault(end, []).append(r)
        return {component: tuple(relations) for component, relations in found.items()}

    def relations_of(self, component_id: str) -> tuple[Relation, ...]:
        """Return the relations that start or end at a component."""
        return self._relations_by_component.get(component_id, ())
