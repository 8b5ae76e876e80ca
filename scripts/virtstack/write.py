"""Write generated files into a folder, all or nothing.

Input: {path: text} from pipeline.build and a target folder. The files are
written into a fresh sibling folder first and swapped in at the end, so a
failure leaves the previous output untouched. Used by the CLI only; MkDocs
receives the same files in memory from the hook.
"""

import shutil
import tempfile
from pathlib import Path, PurePosixPath

__all__ = ["UnsafePath", "write_outputs"]


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
