"""Every kind of diagram, in its own module, registered in one table.

Each module says what it selects from the model (select), how its picture
is made (scene, drawn in the VARIANTS it comes in), what its links say
(links), how it reads in words (twin, after TWIN_INTRO) and, for a kind a
view may have, which fields such a view must and must not have (FIELDS). Adding a kind of view means
adding a module here and a line to KINDS.
"""

from types import ModuleType

from . import compare, neighbourhood, path, stack, timeline

__all__ = ["KINDS", "VIEW_KINDS", "kind_of"]

KINDS: dict[str, ModuleType] = {module.KIND: module for module in (stack, path, compare, neighbourhood, timeline)}
# The kinds a view in views.yaml may have (the first is the default); the others are drawn for every component or event.
VIEW_KINDS = tuple(kind for kind, module in KINDS.items() if module.FIELDS is not None)


def kind_of(kind: str) -> ModuleType:
    """Return the module of a kind of diagram."""
    return KINDS[kind]
