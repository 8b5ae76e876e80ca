"""Every kind of diagram, in its own module, registered in one table.

Each module says what it selects from the model (select), how its picture
is made (scene, drawn in the VARIANTS it comes in), what its links say
(links) and how it reads in words (twin). Adding a kind of view means
adding a module here and a line to KINDS.
"""

from types import ModuleType

from . import compare, neighbourhood, path, stack, timeline

__all__ = ["KINDS", "kind_of"]

KINDS: dict[str, ModuleType] = {module.KIND: module for module in (stack, path, compare, neighbourhood, timeline)}


def kind_of(kind: str) -> ModuleType:
    """Return the module of a kind of diagram."""
    return KINDS[kind]
