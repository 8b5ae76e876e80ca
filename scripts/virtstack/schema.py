"""What a model file may contain: the vocabulary and one spec per entity.

The specs are data: validate.py walks them to check a Document and to build
the Model, and the JSON Schema for editors can be generated from them. To add
a field, add it here and to the dataclass in model.py; to add a kind of
component or relation, add it to the tuples below.
"""

from dataclasses import dataclass
from typing import Callable

from . import model
from .languages import LANGUAGES, REQUIRED_LANGUAGES
from .views import VIEW_KINDS

__all__ = [
    "COLLECTIONS", "COMPONENT_KINDS", "LANGUAGES", "QUESTION_GROUPS", "RELATION_KINDS", "RETIRED_KINDS",
    "REQUIRED_LANGUAGES", "Bool", "Collection", "Date", "Enum", "Field", "Id",
    "ListOf", "Month", "Obj", "Ref", "Str", "Template", "Text", "Url", "Words", "relation_ends",
]


COMPONENT_KINDS = (
    "cpu-extension", "kernel", "kernel-module", "hypervisor", "vmm",
    "subsystem", "library", "daemon", "cli", "gui", "web-ui", "protocol",
    "firmware", "package", "platform", "container-runtime",
)
VERDICTS = ("correct", "partly-correct", "misleading", "wrong")
CLAIM_SECTIONS = ("vmware", "qemu", "hardware", "kvm", "libvirt", "virt-manager", "questions")
# The follow-up questions' groups, in the order the questions index shows them;
# their names are in words.QUESTION_GROUPS.
QUESTION_GROUPS = ("which-hypervisor", "other-hypervisors", "windows-macos", "disks-networks", "managing")
TABLES = ("packages",)
RELATION_KINDS = (
    "uses", "controls", "accelerates", "part-of", "provides", "forked-from",
    "merged-into",
)
# What can be retired: everything that has a page or an anchor of its own.
RETIRED_KINDS = ("component", "relation", "question", "view", "claim", "term", "event", "layer")
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
DATE_PATTERN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
MONTH_PATTERN = r"\d{4}-\d{2}"


# Value types -----------------------------------------------------------------

@dataclass(frozen=True)
class Str:
    """A non-blank plain string."""


@dataclass(frozen=True)
class Id:
    """A stable id: lowercase letters and digits joined by single hyphens."""


@dataclass(frozen=True)
class Url:
    """An absolute http(s) URL."""


@dataclass(frozen=True)
class Date:
    """A partial date: YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True)
class Month(Date):
    """A month, YYYY-MM: when a source or a statement that can go stale was last checked."""


@dataclass(frozen=True)
class Bool:
    """true or false."""


@dataclass(frozen=True)
class Text:
    """A human-readable text: a mapping from language to string."""


@dataclass(frozen=True)
class Template:
    """A sentence in any of the languages, each holding each placeholder ({from}, {to}) once."""

    placeholders: tuple[str, ...]


@dataclass(frozen=True)
class Words:
    """Words or phrases per language: a mapping from language to a list of strings."""


@dataclass(frozen=True)
class Enum:
    """One of a fixed set of strings."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Ref:
    """The id of an entity defined elsewhere in the model."""

    entity: str


@dataclass(frozen=True)
class ListOf:
    """A list of values of one type."""

    item: object
    non_empty: bool = False


@dataclass(frozen=True)
class Field:
    """A field of an object: its type, whether it is required, its attribute name."""

    type: object
    required: bool = False
    attr: str = ""
    doc: str = ""


@dataclass(frozen=True)
class Obj:
    """A mapping with known fields, built into a model dataclass."""

    name: str
    fields: dict[str, Field]
    build: Callable[..., object]


@dataclass(frozen=True)
class Collection:
    """A model file: its top-level key and the entity its list holds."""

    key: str
    entity: str
    item: Obj
    has_id: bool = True
    required: bool = True
    ordered: bool = False   # keep the files' order instead of sorting
    sort_by: tuple[str, ...] = ("id",)
    per_kind: bool = False  # ids are unique per 'kind' of entity, not across the file


# Entities -------------------------------------------------------------------

SOURCES_FIELD = Field(ListOf(Ref("source"), non_empty=True), required=True, doc="ids of the sources that back it")
ALIASES_DOC = "former ids, kept so that old links work (a rename, or a merge: the survivor lists the other's id)"
ALIASES_FIELD = Field(ListOf(Id()), doc=ALIASES_DOC)
AS_OF_FIELD = Field(Month(), doc="for a fact that can go stale (package names, a default, the current release): the month "
                                 "it was last found true, shown on the page; `make check` warns 18 months later")

STATEMENT = Obj("statement", {
    "text": Field(Text(), required=True, doc="one paragraph"),
    "sources": SOURCES_FIELD,
    "as_of": AS_OF_FIELD,
}, model.Statement)

LICENCE = Obj("licence", {
    "spdx": Field(Str(), required=True, doc="an SPDX licence expression"),
    "sources": SOURCES_FIELD,
}, model.Licence)

RELEASE = Obj("first_release", {
    "date": Field(Date(), required=True),
    "text": Field(Text(), required=True, doc="what was released"),
    "sources": SOURCES_FIELD,
}, model.Release)

PACKAGES = Obj("packages", {
    "debian": Field(ListOf(Str()), doc="Debian and Ubuntu package names"),
    "fedora": Field(ListOf(Str()), doc="Fedora and RHEL package names"),
    "arch": Field(ListOf(Str()), doc="Arch Linux package names"),
    "note": Field(Text()),
    "sources": SOURCES_FIELD,
    "as_of": AS_OF_FIELD,
}, model.Packages)

LAYER = Obj("layer", {
    "id": Field(Id(), required=True),
    "name": Field(Text(), required=True),
    "summary": Field(Text(), required=True),
    "sources": Field(ListOf(Ref("source"))),
    "aliases": Field(ListOf(Id()), doc="former ids, kept as anchors on the layers page so that old links work"),
}, model.Layer)

COMPONENT = Obj("component", {
    "id": Field(Id(), required=True, doc="stable; URLs and anchors come from it"),
    "name": Field(Text(), required=True),
    "also_known_as": Field(ListOf(Str()), doc="other names people use"),
    "layer": Field(Ref("layer"), required=True),
    "kind": Field(Enum(COMPONENT_KINDS), required=True),
    "summary": Field(Text(), required=True, doc="one sentence: what it is"),
    "sources": SOURCES_FIELD,
    "description": Field(ListOf(STATEMENT), doc="paragraphs, each with its sources"),
    "homepage": Field(Url()),
    "repository": Field(Url()),
    "licence": Field(LICENCE),
    "first_release": Field(RELEASE),
    "packages": Field(PACKAGES),
    "aliases": ALIASES_FIELD,
    "upstream": Field(Ref("component"), doc="the component whose project develops this one"),
    "misconceptions": Field(ListOf(STATEMENT), doc="common misconceptions, each stated and corrected"),
    "role": Field(Text(), doc="a few words on what it does, drawn under its name in the diagrams"),
}, model.Component)


def _relation(**values) -> model.Relation:
    """Build a relation, deriving its id from its ends and kind."""
    return model.Relation(id=f"{values['from_']}-{values['kind']}-{values['to']}", **values)


def relation_ends(relation_id: str, components: set[str]) -> tuple[str, str] | None:
    """Read a relation id back into its two ends, both among components: qemu-uses-kvm -> (qemu, kvm); None if it cannot."""
    for kind in RELATION_KINDS:
        marker = f"-{kind}-"
        start = relation_id.find(marker)
        while start > 0:
            ends = relation_id[:start], relation_id[start + len(marker):]
            if set(ends) <= components:
                return ends
            start = relation_id.find(marker, start + 1)
    return None


RELATION = Obj("relation", {
    "from": Field(Ref("component"), required=True, attr="from_"),
    "to": Field(Ref("component"), required=True),
    "kind": Field(Enum(RELATION_KINDS), required=True),
    "label": Field(Text(), required=True, doc="a verb phrase: <from> <label> <to>"),
    "sentence": Field(Template(("from", "to")), doc="the whole sentence in a language where <from> <label> <to> reads "
                                                    "wrong, without its full stop: `{from}` and `{to}` mark the ends"),
    "protocol": Field(Text(), doc="how the two talk"),
    "interface": Field(Text(), doc="the interface's short name, drawn on the arrow (libvirt API, QMP)"),
    "sources": SOURCES_FIELD,
    "aliases": Field(ListOf(Id()), doc="former ids (from-kind-to), kept as anchors on the pages of its ends so that "
                                       "old links work after its kind or an end was corrected"),
}, _relation)

SOURCE = Obj("source", {
    "id": Field(Id(), required=True),
    "title": Field(Str(), required=True),
    "url": Field(Url(), required=True),
    "publisher": Field(Str(), required=True),
    "date": Field(Date()),
    "checked": Field(Month(), required=True, doc="the month someone last read it and found that it still backs what "
                                                 "cites it; `make check` warns 18 months later"),
}, model.Source)

STEP = Obj("step", {
    "relation": Field(Ref("relation"), required=True, doc="a relation id: from-kind-to"),
    "text": Field(Text(), required=True, doc="what happens at this step"),
    "sources": SOURCES_FIELD,
}, model.Step)

COLUMN = Obj("column", {
    "id": Field(Id(), required=True),
    "title": Field(Text(), required=True),
    "components": Field(ListOf(Ref("component"), non_empty=True), required=True),
}, model.Column)

VIEW = Obj("view", {
    "id": Field(Id(), required=True),
    "home": Field(Bool(), doc="true for the one view shown on the home page"),
    "kind": Field(Enum(VIEW_KINDS), doc="stack (default), path or compare"),
    "title": Field(Text(), required=True),
    "summary": Field(Text(), required=True),
    "intro": Field(ListOf(STATEMENT)),
    "layers": Field(ListOf(Ref("layer")), doc="layers shown; all when left out"),
    "components": Field(ListOf(Ref("component")), doc="components shown; all in those layers when left out"),
    "relations": Field(ListOf(Ref("relation")), doc="stack views: the arrows drawn; all among the components when left out"),
    "emphasis": Field(ListOf(Ref("component")), doc="components drawn with a heavier border: the names the reader asks about"),
    "steps": Field(ListOf(STEP, non_empty=True), doc="path views: the numbered steps"),
    "columns": Field(ListOf(COLUMN, non_empty=True), doc="compare views: one column per stack"),
    "aliases": Field(ListOf(Id()), doc="former ids: each keeps a page at views/<id>/ that redirects here"),
}, model.View)

CLAIM = Obj("claim", {
    "id": Field(Id(), required=True),
    "section": Field(Enum(CLAIM_SECTIONS), required=True, doc="the asker's heading it stands under"),
    "claim": Field(Text(), required=True, doc="the conclusion, restated"),
    "verdict": Field(Enum(VERDICTS), required=True),
    "correction": Field(ListOf(STATEMENT, non_empty=True), required=True),
    "about": Field(ListOf(Ref("component"))),
    "aliases": ALIASES_FIELD,
}, model.Claim)

SECTION = Obj("section", {
    "id": Field(Id(), required=True, doc="its anchor on the page"),
    "title": Field(Text(), required=True),
    "body": Field(ListOf(STATEMENT), required=True),
    "table": Field(Enum(TABLES), doc="a table generated from the components below"),
    "components": Field(ListOf(Ref("component"))),
    "aliases": Field(ListOf(Id()), doc="former ids, or the ids of sections merged into this one, kept as anchors"),
}, model.Section)

QUESTION = Obj("question", {
    "id": Field(Id(), required=True, doc="the page is questions/<id>/"),
    "heading": Field(Text(), doc="a short heading for the page (up to 12 words); the title is then quoted below it"),
    "title": Field(Text(), required=True, doc="the question in the asker's words; the heading when there is no `heading`"),
    "group": Field(Enum(QUESTION_GROUPS), doc="a follow-up question: the group the questions index lists it under "
                                              "(none: one of the asker's questions); a follow-up has no `claims`"),
    "short_answer": Field(ListOf(STATEMENT, non_empty=True), required=True, doc="2-3 quotable sentences"),
    "claims": Field(ListOf(Ref("claim"))),
    "view": Field(Ref("view"), doc="a diagram to show with the answer"),
    "sections": Field(ListOf(SECTION), required=True),
    "aliases": ALIASES_FIELD,
}, model.Question)

EVENT = Obj("event", {
    "id": Field(Id(), required=True),
    "date": Field(Date(), required=True),
    "text": Field(Text(), required=True),
    "sources": SOURCES_FIELD,
    "components": Field(ListOf(Ref("component"))),
    "aliases": ALIASES_FIELD,
}, model.Event)

TERM = Obj("term", {
    "id": Field(Id(), required=True),
    "term": Field(Text(), required=True),
    "matches": Field(Words(), required=True, doc="words in page text that link here"),
    "definition": Field(ListOf(STATEMENT, non_empty=True), required=True),
    "see_also": Field(ListOf(Ref("component"))),
    "aliases": ALIASES_FIELD,
}, model.Term)

RETIREMENT = Obj("retirement", {
    "id": Field(Id(), required=True, doc="the id it had: its old page, or its old anchor, stays and says it was removed"),
    "kind": Field(Enum(RETIRED_KINDS), required=True, doc="what it was"),
    "name": Field(Text(), doc="what it was called, for the removal page's title; its id when left out"),
    "date": Field(Date(), required=True, doc="when it was removed"),
    "reason": Field(Text(), required=True, doc="why it was removed, for readers who follow an old link; only for what "
                                              "nothing replaces (a rename or a merge is `aliases` on the successor)"),
    "see_also": Field(ListOf(Ref("component")), doc="components to read instead, linked from the removal page"),
    "sources": Field(ListOf(Ref("source")), doc="sources that back the reason"),
}, model.Retired)

# The model files, in the order they are checked. Each but layers.yaml may
# be split into parts: components.yaml plus components.<part>.yaml.
COLLECTIONS = {
    "layers.yaml": Collection("layers", "layer", LAYER, ordered=True),
    "components.yaml": Collection("components", "component", COMPONENT),
    "relations.yaml": Collection("relations", "relation", RELATION, has_id=False),
    "sources.yaml": Collection("sources", "source", SOURCE),
    "views.yaml": Collection("views", "view", VIEW),
    "claims.yaml": Collection("claims", "claim", CLAIM, required=False, ordered=True),
    "questions.yaml": Collection("questions", "question", QUESTION, required=False, ordered=True),
    "events.yaml": Collection("events", "event", EVENT, required=False, sort_by=("date", "id")),
    "glossary.yaml": Collection("terms", "term", TERM, required=False),
    "retired.yaml": Collection("retired", "retirement", RETIREMENT, required=False, sort_by=("kind", "id"), per_kind=True),
}
SINGLE_FILE = ("layers.yaml",)
