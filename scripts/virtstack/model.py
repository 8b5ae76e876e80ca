"""The validated model of the stack: frozen dataclasses, no I/O.

Only validate.py constructs these; every renderer takes a Model and never
sees raw YAML. Ids are the stable keys that URLs, anchors and DOT ids come
from. Every fact carries the ids of the sources that back it.
"""

from dataclasses import dataclass
from functools import cached_property

__all__ = [
    "Component", "Layer", "Licence", "Model", "Packages", "Relation",
    "Release", "Source", "Statement", "Text", "View",
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
class Statement:
    """A paragraph of prose and the sources that back it."""

    text: Text
    sources: tuple[str, ...]


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


@dataclass(frozen=True)
class Source:
    """A document that facts cite by id."""

    id: str
    title: str
    url: str
    publisher: str
    date: str | None


@dataclass(frozen=True)
class Layer:
    """A horizontal band of the stack; the model lists them from the hardware up."""

    id: str
    name: Text
    summary: Text
    sources: tuple[str, ...]


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


@dataclass(frozen=True)
class View:
    """A diagram that selects layers and components from the model."""

    id: str
    home: bool
    title: Text
    summary: Text
    intro: tuple[Statement, ...]
    layers: tuple[str, ...]
    components: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Everything the site shows, each collection sorted by id (layers in stack order)."""

    layers: tuple[Layer, ...]
    components: tuple[Component, ...]
    relations: tuple[Relation, ...]
    sources: tuple[Source, ...]
    views: tuple[View, ...]

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
    def home_view(self) -> View:
        """Return the view shown on the home page."""
        return next(view for view in self.views if view.home)

    def layer_rank(self, layer_id: str) -> int:
        """Return the layer's position from the bottom (hardware is 0)."""
        return [layer.id for layer in self.layers].index(layer_id)

    def relations_of(self, component_id: str) -> tuple[Relation, ...]:
        """Return the relations that start or end at a component."""
        return tuple(r for r in self.relations if component_id in (r.from_, r.to))
