"""MkDocs hook: hand the generated pages to MkDocs, in memory.

It only translates: pipeline.build() does the work, in the language of the
edition being built (theme.language: mkdocs.yml is English, mkdocs.ru.yml
Russian); model problems become one PluginError listing every issue line, so
`mkdocs build` exits 1 with no traceback and `mkdocs serve` keeps the last
good site. The build runs in on_pre_build, before MkDocs cleans site_dir.
Nothing is written into docs/. MkDocs does not reload hooks: restart
`mkdocs serve` after editing scripts/.
"""

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from virtstack import pipeline
from virtstack.addresses import edition_root
from virtstack.cache import DotCache
from virtstack.issues import ModelError, format_issue
from virtstack.render_diagrams import DotNotFound
from virtstack.schema import LANGUAGES

log = logging.getLogger("mkdocs.hooks.virtstack")
CACHE = ".cache/virtstack"  # Graphviz output by content hash; safe to delete; $VIRTSTACK_CACHE moves it
# Every edition but the English one: its config, built into /<lang>/ of the site.
EDITIONS = {lang: f"mkdocs.{lang}.yml" for lang in LANGUAGES[1:]}
_generated: dict[str, str | bytes] = {}
_command: list[str] = []


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, which also builds the other editions."""
    _command[:] = [command]


def on_config(config):
    """Under `mkdocs serve`, point the language menu and hreflang links at the served address, whatever the port."""
    if _command == ["serve"]:
        lang = config.theme["language"]
        root = config.site_url.removesuffix(_edition_url("", lang))
        for alt in config.extra.get("alternate", []):
            alt["link"] = _edition_url(root, alt["lang"])
    return config


def _edition_url(root: str, lang: str) -> str:
    """Return the address of an edition from the site's root address: root for English, root + 'ru/' for Russian."""
    return root + edition_root(lang).lstrip("/")


def on_pre_build(config) -> None:
    """Build every generated file from diagrams/, or fail with the model's issues."""
    root = Path(config.config_file_path).parent
    lang = config.theme["language"]
    try:
        cache = DotCache(Path(os.environ.get("VIRTSTACK_CACHE", root / CACHE)))
        # Link-preview images are for the published site; `mkdocs serve` skips them.
        outputs, warnings = pipeline.build_with_warnings(root / "diagrams", root, cache, lang, config.site_url or "",
                                                         previews=_command != ["serve"])
    except ModelError as error:
        raise PluginError(f"the model in diagrams/ has problems:\n{error}") from None
    except DotNotFound as error:
        raise PluginError(str(error)) from None
    for warning in warnings:
        log.warning(format_issue(warning))  # fatal under --strict, like MkDocs' own warnings
    _generated.clear()
    _generated.update(outputs)
    if lang not in EDITIONS:  # the site root: one robots.txt, naming every edition's sitemap
        sitemaps = [alt["link"] for alt in config.extra.get("alternate", [])] or [config.site_url]
        _generated["robots.txt"] = "User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {url}sitemap.xml\n" for url in sitemaps)


def on_files(files: Files, config) -> Files:
    """Add the generated files; refuse one that a hand-written file already uses."""
    for path, content in _generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is hand-written, but the model also generates it; rename one")
        files.append(File.generated(config, path, content=content))
    return files


def on_post_build(config) -> None:
    """Under `mkdocs serve`, build the other editions into /<lang>/ of the served site, so the language menu works."""
    if _command != ["serve"] or config.theme["language"] in EDITIONS:
        return
    root = Path(config.config_file_path).parent
    for lang, config_file in EDITIONS.items():
        edition = load_config(str(root / config_file), site_dir=os.path.join(config.site_dir, lang),
                              site_url=_edition_url(config.site_url, lang))
        for hook in edition.hooks.values():  # loaded afresh with the edition's config: tell it this is serve
            if hasattr(hook, "on_startup"):
                hook.on_startup(command="serve", dirty=False)
        build(edition)
