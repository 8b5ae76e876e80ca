"""Compare two versions of the model for a reviewer: what changed, in words and pictures.

Input: the Model and generated files of a base and a head version (from
pipeline.build). Output: a list of Changes and a Markdown report that names
every entity added, removed or renamed and every field changed, and links a
before and an after SVG of each diagram whose DOT changed. Pure: the CLI
reads the two versions from git and writes the report.
"""

import dataclasses
from dataclasses import dataclass

from . import schema
from .escape import markdown_text
from .model import Model

__all__ = ["Change", "changed_diagrams", "diff_models", "render_report"]


@dataclass(frozen=True, order=True)
class Change:
    """One difference: an entity added, removed, renamed or changed (with the fields that changed)."""

    entity: str
    id: str
    kind: str
    detail: tuple[str, ...] = ()


def diff_models(before: Model, after: Model) -> list[Change]:
    """Return every entity-level change from before to after, sorted."""
    changes = []
    for collection in schema.COLLECTIONS.values():
        old = {item.id: item for item in getattr(before, collection.key)}
        new = {item.id: item for item in getattr(after, collection.key)}
        changes += _compare(collection.entity, old, new)
    return sorted(changes)


def _compare(entity: str, old: dict, new: dict) -> list[Change]:
    """Return the changes between two {id: item} maps of one entity."""
    renamed = {alias: item.id for item in new.values() for alias in getattr(item, "aliases", ())
               if alias in old and alias not in new}
    changes = [Change(entity, new_id, "renamed", (old_id,)) for old_id, new_id in renamed.items()]
    changes += [Change(entity, i, "added") for i in new if i not in old and i not in renamed.values()]
    changes += [Change(entity, i, "removed") for i in old if i not in new and i not in renamed]
    for i in sorted(set(old) & set(new)):
        fields = tuple(f.name for f in dataclasses.fields(old[i]) if getattr(old[i], f.name) != getattr(new[i], f.name))
        if fields:
            changes.append(Change(entity, i, "changed", fields))
    return changes


def changed_diagrams(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Return the DOT paths whose content differs between two builds' outputs, sorted."""
    dots = {p for p in (*before, *after) if p.endswith(".dot")}
    return sorted(p for p in dots if before.get(p) != after.get(p))


def render_report(base: str, head: str, changes: list[Change], diagrams: list[str]) -> str:
    """Return the Markdown report: a table of changes, then before/after pictures."""
    lines = [f"# Model changes: `{base}` → `{head}`", ""]
    if not changes and not diagrams:
        return "\n".join(lines + ["No change to the model or its diagrams.", ""])
    lines += ["| what | id | change |", "| --- | --- | --- |"]
    lines += [f"| {c.entity} | `{c.id}` | {_describe(c)} |" for c in changes]
    lines += ["", f"## Diagrams that changed ({len(diagrams)})", ""]
    for dot in diagrams:
        svg = dot[: -len(".dot")] + ".svg"
        lines += [f"### `{svg}`", "", "| before | after |", "| --- | --- |",
                  f"| ![before](before/{svg}) | ![after](after/{svg}) |", ""]
    return "\n".join(lines)


def _describe(change: Change) -> str:
    """Return a change in words for the report's table."""
    if change.kind == "renamed":
        return f"renamed from `{change.detail[0]}` (old links redirect through its alias)"
    if change.kind == "changed":
        return "changed: " + ", ".join(markdown_text(f.rstrip("_")) for f in change.detail)
    return change.kind
