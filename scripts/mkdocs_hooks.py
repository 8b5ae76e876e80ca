"""MkDocs hook: hand the generated pages to MkDocs, in memory.

It only translates: pipeline.build() does the work; model problems become
one PluginError listing every issue line, so `mkdocs build` exits 1 with no
traceback and `mkdocs serve` keeps the last good site. The build runs in
on_pre_build, before MkDocs cleans site_dir. Nothing is written into docs/.
MkDocs does not reload hooks: restart `mkdocs serve` after editing scripts/.
"""

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from virtstack import pipeline
from virtstack.cache import DotCache
from virtstack.issues import ModelError, format_issue
from virtstack.render_diagrams import DotNotFound

log = logging.getLogger("mkdocs.hooks.virtstack")
CACHE = ".cache/virtstack"  # Graphviz output by content hash; safe to delete; $VIRTSTACK_CACHE moves it
_generated: dict[str, str | bytes] = {}


def on_pre_build(config) -> None:
    """Build every generated file from diagrams/, or fail with the model's issues."""
    root = Path(config.config_file_path).parent
    try:
        cache = DotCache(Path(os.environ.get("VIRTSTACK_CACHE", root / CACHE)))
        outputs, warnings = pipeline.build_with_warnings(root / "diagrams", root, cache)
    except ModelError as error:
        raise PluginError(f"the model in diagrams/ has problems:\n{error}") from None
    except DotNotFound as error:
        raise PluginError(str(error)) from None
    for warning in warnings:
        log.warning(format_issue(warning))  # fatal under --strict, like MkDocs' own warnings
    _generated.clear()
    _generated.update(outputs)
    # Where the sitemap is depends on where the site is published: only MkDocs knows.
    _generated["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {config.site_url}sitemap.xml\n"


def on_files(files: Files, config) -> Files:
    """Add the generated files; refuse one that a hand-written file already uses."""
    for path, content in _generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is hand-written, but the model also generates it; rename one")
        files.append(File.generated(config, path, content=content))
    return files
