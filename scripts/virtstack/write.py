"""Write generated files into a folder, all or nothing.

Input: {path: text} from pipeline.build and a target folder. The files are
written into a fresh sibling folder first and swapped in at the end, so a
failure leaves the previous output untouched (used by the CLI; MkDocs
receives the same files in memory from the hook). It also reads and rewrites
the pages of a built site, for a step that follows any engine (csp.py).
"""

import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Callable

__all__ = ["UnsafePath", "edition_pages", "rewrite_pages", "transform_pages", "write_outputs"]


class UnsafePath(Exception):
    """Raised when an output path would leave the target folder."""


def write_outputs(outputs: dict[str, str | bytes], out_dir: Path) -> list[Path]:
    """Replace out_dir with exactly the given files; return the paths written."""
    out_dir = out_dir.resolve()
    for name in outputs:
        _check_relative(name)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        written = [_write_one(staging, name, text) for name, text in sorted(outputs.items())]
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / p.relative_to(staging) for p in written]


def _check_relative(name: str) -> None:
    """Refuse absolute paths and paths with '..' or empty parts."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or any(p in ("..", ".", "") for p in parts) or "\\" in name:
        raise UnsafePath(f"refusing to write outside the output folder: {name!r}")


def _write_one(folder: Path, name: str, content: str | bytes) -> Path:
    """Write one file (text as UTF-8, or bytes) under folder, creating its parent folders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _swap(staging: Path, out_dir: Path) -> None:
    """Put staging where out_dir is, removing the old out_dir last."""
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
        out_dir.rename(old / out_dir.name)
    staging.rename(out_dir)
    if old:
        shutil.rmtree(old)


def transform_pages(site_dir: Path, transform: Callable[[dict[str, str]], dict[str, str]],
                    other_editions: tuple[str, ...] = ()) -> int:
    """Pass every page of a built edition through transform and write back the changed ones; return the count."""
    pages = edition_pages(site_dir, other_editions)
    rewrite_pages(site_dir, transform(pages))
    return len(pages)


def edition_pages(site_dir: Path, other_editions: tuple[str, ...] = ()) -> dict[str, str]:
    """Return {path: HTML} of every page of a built edition, leaving out the folders of other editions in it."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        if name.split("/", 1)[0] not in other_editions:
            pages[name] = path.read_text(encoding="utf-8")
    return pages


def rewrite_pages(site_dir: Path, pages: dict[str, str]) -> None:
    """Write pages back into a built site, only those whose text changed."""
    for name, html in pages.items():
        _check_relative(name)
        path = site_dir / name
        if path.read_text(encoding="utf-8") != html:
            path.write_text(html, encoding="utf-8")
