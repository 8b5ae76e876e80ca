"""MkDocs hook: hand the pipeline's files to MkDocs, in memory; nothing more.

pipeline.build_with_warnings() does the work for the edition being built
(theme.language), robots.txt and absolute diagram links included, exactly as
`scripts/cli.py render` does for Zensical. Model errors become one
PluginError listing every issue line (no traceback); under `mkdocs serve`
they are logged and shown at the top of every page of the last good build
instead, so requests never wait for a fixed model. Model warnings are
logged, so `--strict` fails on them.
Every page of a Russian edition is typeset as it is written (typography.py,
under serve too; generated HTML files such as redirects as well, a hand-written
.html file in docs/ is copied as it is), and after the build every page gets the Content-Security-Policy (csp.py),
the steps scripts/zensical_build.py applies to a Zensical build. Restart `mkdocs serve`
after editing scripts/: MkDocs does not reload hooks.
"""

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import mkdocs_editions
from virtstack import csp, pipeline, theme_words, typography
from virtstack.cache import DotCache
from virtstack.issues import ModelError, format_issue
from virtstack.graphviz_run import GraphvizError
from virtstack.urls import editions_inside
from virtstack.write import transform_pages

log = logging.getLogger("mkdocs.hooks.virtstack")
CACHE = ".cache/virtstack"  # Graphviz output by content hash; safe to delete; $VIRTSTACK_CACHE moves it
_serving: list[bool] = [False]
_generated: dict[str, str | bytes] = {}  # the last good build's files
_problems: list[str] = []  # under serve, the model's issue lines while it is broken


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, which also serves the other editions."""
    _serving[0] = command == "serve"


@event_priority(50)  # before the search plugin's, which asks the theme for templates
def on_config(config):
    """Give the config its edition's phrases (theme_words.py); under `mkdocs serve`, also point the language
    menu at the served address, whatever the port, and list the theme's files once."""
    config = theme_words.with_words(config, config.theme["language"], config.mdx_configs["toc"])
    if not _serving[0]:
        return config
    return mkdocs_editions.remember_theme_files(mkdocs_editions.point_alternates_at(config))


def on_serve(server, config, builder):
    """Under `mkdocs serve --livereload`, rebuild on the system's file events instead of polling."""
    return mkdocs_editions.watch_file_events(server)


def on_pre_build(config) -> None:
    """Build every generated file from diagrams/, or fail with the model's issues."""
    if _serving[0]:
        mkdocs_editions.start_other_editions(config)
        mkdocs_editions.start_conversions(config)
    root = Path(config.config_file_path).parent
    cache = DotCache(Path(os.environ.get("VIRTSTACK_CACHE", root / CACHE)))
    try:  # link-preview images are for the published site; serve skips them
        outputs, warnings = pipeline.build_with_warnings(root / "diagrams", root, cache, config.theme["language"],
                                                         config.site_url or "", previews=not _serving[0])
    except (ModelError, GraphvizError) as error:
        problems = [format_issue(i) for i in error.issues] if isinstance(error, ModelError) else [str(error)]
        if not _serving[0]:
            raise PluginError("the model in diagrams/ has problems:\n" + "\n".join(problems)) from None
        log.error("the model in diagrams/ has problems; serving the last good build:\n" + "\n".join(problems))
        _problems[:] = problems  # serve never fails a build: it would hang every request until fixed
        return
    for warning in warnings:
        log.warning(format_issue(warning))
    _problems.clear()
    _generated.clear()
    _generated.update(outputs)


def on_files(files: Files, config) -> Files:
    """Add the generated files, HTML ones typeset as pages are; refuse one a hand-written file uses; under serve, link."""
    for path, content in _generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is hand-written, but the model also generates it; rename one")
        files.append(File.generated(config, path, content=_typeset(content, config) if path.endswith(".html") else content))
    return mkdocs_editions.link_static_files(files) if _serving[0] else files


def on_nav(nav, config, files):
    """Under serve, let the search plugin reuse the index entries of pages that did not change."""
    if _serving[0]:
        mkdocs_editions.remember_search_entries(config)
    return nav


def on_env(env, config, files):
    """Under serve, compile each template once, and render again only the pages whose template input changed."""
    return mkdocs_editions.remember_pages(mkdocs_editions.remember_templates(env, config), config) if _serving[0] else env


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Under serve, let the page reuse its conversion from the build before if nothing it reads changed."""
    if _serving[0]:
        mkdocs_editions.remember_conversions(page, config)
    return markdown


def on_post_page(output: str, page, config) -> str:
    """Typeset a Russian edition's page; under serve, while the model is broken, show its problems at the top."""
    output = mkdocs_editions.with_problems(output, _problems, config.theme["language"]) if _problems else output
    return _typeset(output, config)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Typeset a Russian edition's pages made from a template alone (404.html)."""
    return _typeset(output_content, config) if template_name.endswith(".html") else output_content


def _typeset(html: str, config) -> str:
    """Return a page of a Russian edition typeset (typography.py), else as it is; under serve, each page once."""
    if config.theme["language"] not in typography.LANGUAGES:
        return html
    return mkdocs_editions.typeset_once(html, config) if _serving[0] else typography.typeset(html)


def on_shutdown() -> None:
    """Serve is stopping: end the other editions' build processes."""
    mkdocs_editions.stop_other_editions()


def on_post_build(config) -> None:
    """Give every page its policy, or under serve add the other editions.

    `mkdocs serve` adds its live-reload script to each page as it sends it, a
    new inline script every time, which no policy written at build time can
    list: the policy is for the published site.
    """
    lang = config.theme["language"]
    if _serving[0]:
        mkdocs_editions.finish_conversions(config)
        mkdocs_editions.build_other_editions(config)
    else:
        transform_pages(Path(config.site_dir), csp.with_policy, editions_inside(lang))
