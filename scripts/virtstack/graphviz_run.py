"""The one place that starts Graphviz.

Input: DOT text, a layout engine and an output format. Output: what
Graphviz printed, as bytes. Used by measure.py (text widths), the pipeline
(SVG and PNG drawings) and cache.py (the version that keys its entries).
"""

import subprocess
from functools import cache

import graphviz

__all__ = ["DOT_MISSING", "DotNotFound", "GraphvizError", "run", "version"]

DOT_MISSING = "Graphviz's 'dot' was not found on PATH; install the graphviz package (make setup does)"


class GraphvizError(Exception):
    """Raised when Graphviz cannot draw: it is not installed, or it refused a diagram."""


class DotNotFound(GraphvizError):
    """Raised when Graphviz is not installed."""


def run(source: str, fmt: str, engine: str = "neato") -> bytes:
    """Run Graphviz on DOT text and return its output; neato keeps every given position (-n2)."""
    try:
        return graphviz.pipe(engine, fmt, source.encode("utf-8"), neato_no_op=2 if engine == "neato" else None)
    except graphviz.ExecutableNotFound as error:
        raise DotNotFound(DOT_MISSING) from error
    except (graphviz.CalledProcessError, UnicodeDecodeError) as error:  # the second: its message cut in a character
        raise GraphvizError(f"Graphviz's {engine} could not draw a diagram ({_first_error(error)}); "
                            "the model check passed, so please report it with the model that caused it") from error


def _first_error(error: Exception) -> str:
    """Return the line of Graphviz's output that says what failed: its first error, else its first line."""
    said = error.stderr.decode("utf-8", "replace").splitlines() if isinstance(error, graphviz.CalledProcessError) else []
    lines = [line.strip() for line in said if line.strip()]
    return next((line for line in lines if line.startswith("Error")), lines[0] if lines else str(error))


@cache
def version() -> str:
    """Return what `dot -V` says, which becomes part of every cache key."""
    try:
        result = subprocess.run(["dot", "-V"], capture_output=True, text=True)
    except FileNotFoundError as error:
        raise DotNotFound(DOT_MISSING) from error
    return (result.stderr or result.stdout).strip()
