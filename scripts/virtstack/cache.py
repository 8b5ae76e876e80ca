"""A content-addressed cache of Graphviz output, kept outside docs/.

Input: DOT text and an output format. Output: what `dot` made of that exact
text the last time, or a fresh render that is then stored. The key is the
SHA-256 of the Graphviz version, the format and the DOT, so a diagram is
drawn again only when its DOT (or Graphviz) changes. Used by the MkDocs hook
and the CLI; the pipeline runs without it when none is given.
"""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable

from .graphviz_run import version as graphviz_version

__all__ = ["DotCache"]


class DotCache:
    """Graphviz results stored in a folder, one file per distinct input."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def render(self, fmt: str, dot: str, renderer: Callable[[str], str | bytes]) -> str | bytes:
        """Return renderer(dot), from the cache when this exact DOT was drawn before."""
        key = hashlib.sha256(f"{graphviz_version()}\0{fmt}\0{dot}".encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.{fmt}"
        if path.is_file():
            self.hits += 1
            data = path.read_bytes()
            return data if fmt.endswith("png") else data.decode("utf-8")
        self.misses += 1
        output = renderer(dot)
        self._store(path, output if isinstance(output, bytes) else output.encode("utf-8"))
        return output

    def _store(self, path: Path, data: bytes) -> None:
        """Write one entry atomically, so a parallel reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
