"""`mkdocs serve` with every edition: what the hook does beyond handing files over.

MkDocs builds one config at a time; the Russian edition is its own build
(mkdocs.ru.yml) published under /ru/. `mkdocs build` runs each config
separately (make build). `mkdocs serve` serves one, so with each build of
the English edition the other editions are built, each by a process of its
own at the same time, and put into its site_dir before the browsers reload;
their language-menu links are pointed at the address actually served. When
the model breaks, serve keeps the last good pages and shows the problems at
the top of each, until the model is fixed. A one-field edit changes a few
pages, so serve converts only those from Markdown and indexes only those
for search: the rest reuse what the same step gave the build before
(remember_conversions, remember_search_entries); templates are compiled
once (remember_templates).
"""

import copy
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from html import escape

from jinja2 import BytecodeCache

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from virtstack.urls import edition_url
from virtstack.words import LABELS
from virtstack.schema import LANGUAGES

# Every edition but the English one: its config, built into /<lang>/ of the site.
EDITIONS = {lang: f"mkdocs.{lang}.yml" for lang in LANGUAGES[1:]}


def point_alternates_at(config):
    """Point the language menu and hreflang links at the served address, whatever the port; return config."""
    root = config.site_url.removesuffix(edition_url("", config.theme["language"]))
    for alternate in config.extra.get("alternate", []):
        alternate["link"] = edition_url(root, alternate["lang"])
    return config


def build_one_edition(config_file: str, site_dir: str, site_url: str) -> None:
    """Build an edition as serve does: its hooks, loaded afresh with its config, told this is serve."""
    edition = load_config(config_file, site_dir=site_dir, site_url=site_url)
    for hook in edition.hooks.values():
        if hasattr(hook, "on_startup"):
            hook.on_startup(command="serve", dirty=False)
    build(edition)


class _Edition:
    """Another edition, built by a Python process of its own while the English edition builds (serve only).

    Its build goes into a folder of its own, moved into /<lang>/ of the site
    when both builds are done: the English build cleans its site_dir first.
    The process lives as long as serve, so what it remembers between builds
    (conversions, templates) stays.
    """

    def __init__(self, config_file: str):
        self.config_file = config_file
        self.process: subprocess.Popen | None = None
        self.staging: str | None = None  # the folder of the build under way

    def start(self, site_url: str) -> None:
        """Start building the edition for site_url."""
        if self.staging is not None:  # the English build before failed: drop what it started
            self._reply()
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen([sys.executable, "-c", _WORKER.format(scripts=os.path.dirname(__file__))],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.staging = tempfile.mkdtemp(prefix="mkdocs_edition_")
        self.process.stdin.write(json.dumps({"config": self.config_file, "site_dir": self.staging,
                                             "site_url": site_url}) + "\n")
        self.process.stdin.flush()

    def finish(self, site_dir: str) -> None:
        """Wait for the build started last, then move it to site_dir; raise if it failed."""
        staging = self.staging
        error = self._reply()
        if error:
            raise PluginError(f"building {os.path.basename(self.config_file)} failed:\n{error}")
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(staging, site_dir)

    def _reply(self) -> str | None:
        """Return the error of the build under way, None once it is done; a stopped process is an error."""
        line = self.process.stdout.readline()
        staging, self.staging = self.staging, None
        if not line:
            self.process = None
            shutil.rmtree(staging, ignore_errors=True)
            return "the edition's build process stopped"
        error = json.loads(line)["error"]
        if error:
            shutil.rmtree(staging, ignore_errors=True)
        return error

    def stop(self) -> None:
        """End the process: it ends when its input does."""
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)


# The edition process: reads one build request a line, answers one JSON line on
# its own copy of stdout; the build's log goes to stderr, as serve's does.
_WORKER = """import sys; sys.path.insert(0, {scripts!r}); import mkdocs_editions; mkdocs_editions.edition_worker()"""
_editions: dict[str, _Edition] = {}


def edition_worker() -> None:
    """Build every edition asked for on stdin, answer each on stdout (the process _Edition starts)."""
    from mkdocs.__main__ import ColorFormatter

    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything printed goes with the log, not into the answers
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler()
    stream.setFormatter(ColorFormatter())
    logger.addHandler(stream)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            build_one_edition(request["config"], request["site_dir"], request["site_url"])
            error = None
        except (Exception, SystemExit):
            error = traceback.format_exc()
        answers.write(json.dumps({"error": error}) + "\n")


def start_other_editions(config) -> None:
    """As the English edition starts building, start building every other edition beside it."""
    if config.theme["language"] in EDITIONS:
        return
    folder = os.path.dirname(config.config_file_path)
    for lang, config_file in EDITIONS.items():
        path = os.path.join(folder, config_file)
        _editions.setdefault(path, _Edition(path)).start(edition_url(config.site_url, lang))


def build_other_editions(config) -> None:
    """After the English edition is built, put every other edition into /<lang>/ of its site_dir, once built."""
    if config.theme["language"] in EDITIONS:
        return
    folder = os.path.dirname(config.config_file_path)
    for lang, config_file in EDITIONS.items():
        edition = _editions.get(os.path.join(folder, config_file))
        if edition is None or edition.staging is None:  # not started beside this build: build it now
            build_one_edition(os.path.join(folder, config_file), os.path.join(config.site_dir, lang),
                              edition_url(config.site_url, lang))
        else:
            edition.finish(os.path.join(config.site_dir, lang))


def stop_other_editions() -> None:
    """End every edition's process (serve is shutting down)."""
    for edition in _editions.values():
        edition.stop()
    _editions.clear()


def with_problems(html: str, problems: list[str], lang: str) -> str:
    """Return a served page with the model's problems, one issue line each, at the top of its body."""
    lines = "\n".join(escape(line) for line in problems)
    banner = (f'<div class="vs-model-problems" role="alert"><p>{escape(LABELS[lang]["model-problems"])}</p>'
              f"<pre>{lines}</pre></div>")
    return re.sub(r"<body[^>]*>", lambda body: body[0] + banner, html, count=1)


# Under serve, per edition: what Page.render gave each page, by everything the
# conversion reads; the last finished build's, and the running build's.
_conversions: dict[str, dict] = {}
_converting: dict[str, dict] = {}
_PAGE_LOG = "mkdocs.structure.pages"  # where a page's conversion reports its links and anchors


class _Records(logging.Handler):
    """Keep every record a page's conversion logs, to log again when the conversion is reused."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def start_conversions(config) -> None:
    """At the start of a build under serve, begin the edition's new set of conversions."""
    _converting[config.theme["language"]] = {}


def finish_conversions(config) -> None:
    """After a build under serve, keep only the conversions that build used."""
    lang = config.theme["language"]
    _conversions[lang] = _converting.pop(lang, {})


def _conversion_key(page, config, files) -> tuple:
    """Return everything Page.render reads: the page, its Markdown, every file's address, the Markdown settings."""
    addresses = tuple((f.src_uri, f.url, f.inclusion.name) for f in files)
    settings = repr((config["markdown_extensions"], config["mdx_configs"], config.use_directory_urls, config.validation))
    return page.file.src_uri, page.file.url, page.markdown, addresses, settings


def remember_conversions(page, config) -> None:
    """Under serve, make page.render reuse the HTML of the same conversion in the build before, else convert.

    A reused page gets the same content, table of contents, title, anchors
    and links to check as converting it again would give, and its conversion
    logs the same warnings again.
    """
    lang = config.theme["language"]
    convert = page.render

    def render(config, files):
        key = _conversion_key(page, config, files)
        done = _converting.setdefault(lang, {}).get(key) or _conversions.get(lang, {}).get(key)
        if done is None:
            records = _Records()
            logging.getLogger(_PAGE_LOG).addHandler(records)
            try:
                convert(config, files)
            finally:
                logging.getLogger(_PAGE_LOG).removeHandler(records)
            links = {to.src_uri: dict(anchors) for to, anchors in (page.links_to_anchors or {}).items()}
            done = (page.content, copy.deepcopy(page.toc), page._title_from_render, set(page.present_anchor_ids),
                    links if page.links_to_anchors is not None else None, records.records)
        else:
            page.content, toc, page._title_from_render, anchors, links, records = done
            page.toc, page.present_anchor_ids = copy.deepcopy(toc), set(anchors)
            if links is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): dict(a) for uri, a in links.items()}
            for record in records:
                logging.getLogger(record.name).handle(record)
        _converting.setdefault(lang, {})[key] = done

    page.render = render


def remember_search_entries(config) -> None:
    """Under serve, make the search plugin reuse a page's index entries from the build before if nothing they read changed."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or not hasattr(index, "add_entry_from_context"):
        return
    lang, add = config.theme["language"], index.add_entry_from_context

    def add_entry(page):
        key = ("search", page.url, page.content, str(page.title), _toc_key(page.toc), repr(page.meta))
        done = _converting.setdefault(lang, {}).get(key) or _conversions.get(lang, {}).get(key)
        if done is None:
            start = len(index.entries)
            add(page)
            done = copy.deepcopy(index.entries[start:])
        else:
            index.entries.extend(copy.deepcopy(done))
        _converting[lang][key] = done

    index.add_entry_from_context = add_entry


def _toc_key(toc) -> tuple:
    """Return every heading of a table of contents: its id, address, title and level, nested."""
    return tuple((item.id, item.url, item.title, item.level, _toc_key(item.children)) for item in toc)


class _Templates(BytecodeCache):
    """Compiled templates in memory, each checked against its source by Jinja before use."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_templates: dict[str, _Templates] = {}  # under serve, per edition


def remember_templates(env, config):
    """Under serve, compile each theme template once per edition, not once per build; return env."""
    env.bytecode_cache = _templates.setdefault(config.theme["language"], _Templates())
    return env
