"""`mkdocs serve` with every edition: what the hook does beyond handing files over.

MkDocs builds one config at a time; the Russian edition is its own build
(mkdocs.ru.yml) published under /ru/. `mkdocs build` runs each config
separately (make build). `mkdocs serve` serves one, so with each build of
the English edition the other editions are built, each by a process of its
own at the same time, and put into its site_dir before the browsers reload;
their language-menu links are pointed at the address actually served. When
the model breaks, serve keeps the last good pages and shows the problems at
the top of each, until the model is fixed. A one-field edit changes a few
pages, so serve converts only those from Markdown (the diagrams set aside),
indexes only those for search, lays out only the pictures whose scene
changed (_PICTURE_STEPS), renders only the pages whose template input
changed and typesets only the Russian pages whose HTML changed: the rest
reuse what the same step gave the build before (remember_conversions,
remember_search_entries, start_conversions, remember_pages,
typeset_once). Static and generated files are hard-linked into the site,
not written (link_static_files); templates are compiled once
(remember_templates) and the theme's files listed once
(remember_theme_files). Serve rebuilds on the system's file events, not at
its next poll (watch_file_events). Everything here assumes scripts/ does not
change while serve runs (restart it after editing them, as for the hook).
"""

import atexit
import contextlib
import copy
import hashlib
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
from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
from watchdog.observers import Observer

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import _HTMLHandler  # how MkDocs finds the anchors of raw HTML

from virtstack import pipeline, typography
from virtstack.measure import measure_words
from virtstack.render_diagrams import draw, svg_for_inline
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
    """At the start of a build under serve, begin the edition's new conversions and contents; draw unchanged pictures once."""
    _converting[config.theme["language"]] = {}
    _contents.next_build()
    for name, remembered in _PICTURE_STEPS.items():
        remembered.next_build()
        setattr(pipeline, name, remembered)


class _Remembered:
    """A pure step of the pipeline under serve: what the build before or this one gave for the same key, else computed."""

    def __init__(self, step, key):
        self.step, self.key = step, key
        self.before: dict = {}
        self.now: dict = {}

    def next_build(self) -> None:
        """Start a build: keep only what the build before used."""
        self.before, self.now = self.now, {}

    def __call__(self, *args):
        key = self.key(*args)
        done = self.now[key] if key in self.now else self.before[key] if key in self.before else self.step(*args)
        self.now[key] = done
        return done


def _widths_key(widths) -> tuple:
    """Return every measured width of a build, computed once for the same TextWidths."""
    return _once("widths", widths, lambda: (tuple(sorted(widths.words.items())), tuple(sorted(widths.spaces.items()))))


# The pipeline's picture steps, each the same for the same input: a layout, an SVG made ready for its page, the widths of texts.
_PICTURE_STEPS = {
    "draw": _Remembered(draw, lambda scene, frame, widths: (repr(scene), repr(frame), _widths_key(widths))),
    "svg_for_inline": _Remembered(svg_for_inline, lambda svg, label, links, base, shown: (svg, label, repr(links), base, shown)),
    "measure_words": _Remembered(measure_words, lambda texts, run: frozenset(texts)),
}


def finish_conversions(config) -> None:
    """After a build under serve, keep only the conversions that build used."""
    lang = config.theme["language"]
    _conversions[lang] = _converting.pop(lang, {})


def _conversion_key(page, config, files, markdown: str) -> tuple:
    """Return everything Page.render reads: the page, its Markdown, every file's address, the Markdown settings."""
    addresses = _once("addresses", files, lambda: tuple((f.src_uri, f.url, f.inclusion.name) for f in files))
    settings = _once("settings", config, lambda: repr((config["markdown_extensions"], config["mdx_configs"],
                                                       config.use_directory_urls, config.validation)))
    return page.file.src_uri, page.file.url, markdown, addresses, settings


_computed: dict[str, tuple[object, object]] = {}  # by name: the object last asked about, and what it gave


def _once(name: str, of: object, compute):
    """Return compute(), computed once for the same object `of` (one build's files, config or navigation)."""
    if name not in _computed or _computed[name][0] is not of:
        _computed[name] = (of, compute())
    return _computed[name][1]


def remember_conversions(page, config) -> None:
    """Under serve, make page.render reuse the HTML of the same conversion in the build before, else convert.

    A reused page gets the same content, table of contents, title, anchors
    and links to check as converting it again would give, and its conversion
    logs the same warnings again. The diagrams' SVG is set aside before
    converting (Markdown passes a raw HTML block through unchanged), so a
    page whose diagrams alone changed reuses the conversion of its text.
    """
    lang = config.theme["language"]
    convert = page.render

    def render(config, files):
        svgs: list[str] = []
        markdown = page.markdown
        text = _DIAGRAM_BLOCK.sub(lambda block: block[1] + _SVG.sub(lambda svg: _aside(svg[0], svgs), block[2]) + block[3],
                                  markdown)
        key = _conversion_key(page, config, files, text)
        done = _recall(lang, key)
        if done is None:
            records = _Records()
            logging.getLogger(_PAGE_LOG).addHandler(records)
            page.markdown = text
            try:
                convert(config, files)
            finally:
                page.markdown = markdown
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
        page.content = _ASIDE.sub(lambda placeholder: svgs[int(placeholder[1])], page.content)
        page.present_anchor_ids |= {anchor for svg in svgs for anchor in _svg_anchors(lang, svg)}

    page.render = render


# A diagram as render_pages writes it: a raw HTML block of one or more SVGs,
# which Markdown passes through unchanged; a placeholder stands in for each.
_SVG_TEXT = r"<svg\b[^<]*(?:<(?!/svg>|/div>)[^<]*)*</svg>"  # one SVG, no </div> inside
_DIAGRAM_BLOCK = re.compile(rf'^(<div class="vs-diagram"[^>\n]*>)((?:{_SVG_TEXT})+)(</div>)$', re.M)
_SVG = re.compile(_SVG_TEXT)
_ASIDE = re.compile(r'<svg data-virtstack-aside="(\d+)"></svg>')


def _aside(svg: str, svgs: list[str]) -> str:
    """Set an SVG aside in svgs; return its placeholder."""
    svgs.append(svg)
    return f'<svg data-virtstack-aside="{len(svgs) - 1}"></svg>'


def _svg_anchors(lang: str, svg: str) -> frozenset[str]:
    """Return the anchors an SVG gives its page, as MkDocs finds them in raw HTML; remembered by the SVG."""
    key = ("anchors", svg)
    anchors = _recall(lang, key)
    if anchors is None:
        parser = _HTMLHandler()
        parser.feed(svg)
        parser.close()
        anchors = frozenset(parser.present_anchor_ids)
    _converting[lang][key] = anchors
    return anchors


def remember_search_entries(config) -> None:
    """Under serve, make the search plugin reuse a page's index entries from the build before if nothing they read changed."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or not hasattr(index, "add_entry_from_context"):
        return
    lang, add = config.theme["language"], index.add_entry_from_context

    def add_entry(page):
        about = (page.url, str(page.title), _toc_key(page.toc), repr(page.meta))
        keys = [("search", page.content, *about)]
        done = _recall(lang, keys[0])
        if done is None:  # the page changed; perhaps only in what the index does not read
            keys.append(("search-read", _as_indexed(page.content), *about))
            done = _recall(lang, keys[1])
        if done is None:
            start = len(index.entries)
            add(page)
            done = _copied(index.entries[start:])
        else:
            index.entries.extend(_copied(done))
        for key in keys:
            _converting[lang][key] = done

    index.add_entry_from_context = add_entry


def _copied(entries: list[dict]) -> list[dict]:
    """Return copies of search index entries: their values are strings, numbers and lists of strings (tags)."""
    return [{key: list(value) if isinstance(value, list) else value for key, value in entry.items()} for entry in entries]


# An HTML start tag, quoted values whole; and one attribute in it.
_START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_INDEXED_ATTRIBUTES = {"id", "class", "data-search-exclude"}  # all the search plugin's parser reads of a tag


def _as_indexed(html: str) -> str:
    """Return the HTML with only the attributes the search index reads: two pages alike here index alike."""
    def tag(start):
        kept = [a[0] for a in _ATTRIBUTE.finditer(start[2]) if a[1].lower() in _INDEXED_ATTRIBUTES]
        rest = "".join(_ATTRIBUTE.sub("", start[2]).split())  # a closing "/" makes it a start and an end tag
        return f"<{start[1]} {' '.join(kept)}{rest}>"
    return _START_TAG.sub(tag, html)


def _recall(lang: str, key) -> object | None:
    """Return what the running build or the one before remembered under key, or None."""
    for remembered in (_converting.setdefault(lang, {}), _conversions.get(lang, {})):
        if key in remembered:
            return remembered[key]
    return None


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


def remember_pages(env, config):
    """Under serve, give a page the HTML its template gave it in the build before if nothing the template reads changed; return env.

    What the page template reads: the page (address, HTML, title, table of
    contents, metadata, neighbours), every title and address of the
    navigation, the config files and the templates in the theme's custom_dir
    (the installed theme's own are taken as they were when serve started).
    """
    lang = config.theme["language"]
    template = env.get_template("main.html")  # Jinja keeps it: each page's build gets this very object
    fill = template.render

    def render(context):
        page = context.get("page")
        if page is None:
            return fill(context)
        key = ("page", _page_key(page), _nav_key(context["nav"]), context["base_url"], _config_key(config))
        output = _recall(lang, key)
        if output is None:
            output = fill(context)
        _converting.setdefault(lang, {})[key] = output
        return output

    template.render = render
    return env


def _page_key(page) -> tuple:
    """Return everything a page template reads of its page."""
    neighbours = tuple((p.url, str(p.title)) if p else None for p in (page.previous_page, page.next_page))
    return (page.file.src_uri, page.url, page.canonical_url, page.edit_url, page.is_homepage, page.content,
            str(page.title), _toc_key(page.toc), repr(page.meta), neighbours)


def _nav_key(nav) -> tuple:
    """Return every section, page and link of the navigation: its kind, title and address, nested."""
    def items(entries):
        return tuple((type(e).__name__, str(e.title), getattr(e, "url", None), items(getattr(e, "children", None) or ()))
                     for e in entries)
    return _once("nav", nav, lambda: items(nav.items))


def _config_key(config) -> tuple:
    """Return what a page template reads beyond its page and the navigation: config files, custom templates, addresses."""
    def key():
        files, path = [], config.config_file_path
        while path and os.path.isfile(path):  # the config file, and each file it inherits from
            with open(path, encoding="utf-8") as file:
                files.append(file.read())
            parent = re.search(r"^INHERIT:\s*(\S+)", files[-1], re.M)
            path = parent and os.path.join(os.path.dirname(path), parent[1])
        custom = config.theme.custom_dir
        templates = sorted((os.path.join(folder, name), os.stat(os.path.join(folder, name)).st_mtime_ns)
                           for folder, _, names in os.walk(custom) for name in names) if custom else []
        return tuple(files), tuple(templates), config.site_url, repr(config.extra)
    return _once("config", config, key)


_theme_files: dict[tuple, list[str]] = {}  # under serve: the theme's static files, by theme folders and filter


def remember_theme_files(config):
    """Under serve, list the theme's files once, not at every build (Material has 14,000 icons); return config.

    Every Jinja environment of the theme also compiles each template once:
    the search plugin makes three of its own at every build.

    A file added to the theme's folders while serve runs is copied once
    serve restarts; a changed one, at the next build.
    """
    theme = config.theme
    new_env = theme.get_env

    def get_env():
        env = new_env()
        env.bytecode_cache = _templates.setdefault(config.theme["language"], _Templates())
        list_templates = env.list_templates

        def listed(extensions=None, filter_func=None):
            key = (tuple(theme.dirs), tuple(theme.static_templates), extensions, getattr(filter_func, "__code__", None))
            if filter_func is not None and key[-1] is None:  # a filter it cannot tell apart from another
                return list_templates(extensions, filter_func)
            return list(_theme_files.get(key) or _theme_files.setdefault(key, list_templates(extensions, filter_func)))

        env.list_templates = listed
        return env

    theme.get_env = get_env
    return config


def typeset_once(html: str, config) -> str:
    """Under serve, return typography.typeset(html), typesetting again only a page the build before did not give."""
    lang, key = config.theme["language"], ("typeset", html)
    done = _recall(lang, key)
    _converting[lang][key] = done = typography.typeset(html) if done is None else done
    return done


def link_static_files(files):
    """Under serve, hard-link each file copied or generated as it is into the site instead of writing it; return files.

    Creating a file costs about twenty times what a link does, and every
    rebuild writes the same few hundred diagrams again. A file with a source
    is linked to it; a generated one to its content, written once into a
    folder of contents (_Contents). A link is the file itself: nothing may
    write through it. So a file written to a taken place first removes what
    is there, and pages (HTML, JSON, XML) are never links. Where the system
    refuses a link (another file system), the file is written.
    """
    for file in files:
        file.copy_file = _linked_or_copied(file, file.copy_file)
    return files


def _linked_or_copied(file, copy_file):
    """Return copy_file(dirty) for file, linking a media file and removing what was at its place first."""
    def put(dirty: bool = False) -> None:
        if dirty and not file.is_modified():
            return
        output = file.abs_dest_path
        if os.path.lexists(output):
            os.remove(output)
        if file.is_media_file():
            os.makedirs(os.path.dirname(output), exist_ok=True)
            try:
                return os.link(file.abs_src_path or _contents.path_of(file.content_bytes), output)
            except OSError:
                pass
        copy_file(dirty)
    return put


class _Contents:
    """Under serve, one file per generated content, named by its hash, in a folder of its own: the build before's and this one's."""

    def __init__(self):
        self.folder: str | None = None
        self.used: list[set[str]] = [set(), set()]  # the names the build before used, and this one

    def path_of(self, content: bytes) -> str:
        """Return the path of a file holding content, written now if no build kept one."""
        if self.folder is None:
            self.folder = tempfile.mkdtemp(prefix="mkdocs_serve_contents_")
            atexit.register(shutil.rmtree, self.folder, True)
        name = hashlib.sha256(content).hexdigest()
        path = os.path.join(self.folder, name)
        if not os.path.exists(path):  # written whole under another name first: a failed write leaves no part behind
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as output:
                output.write(content)
            os.replace(output.name, path)
        self.used[1].add(name)
        return path

    def next_build(self) -> None:
        """Start a build: forget the contents that the build before did not use."""
        for name in self.used[0] - self.used[1]:
            with contextlib.suppress(FileNotFoundError):  # a cleaner of temporary files may have been first
                os.remove(os.path.join(self.folder, name))
        self.used = [self.used[1], set()]


_contents = _Contents()


BUILD_DELAY = 0.02  # seconds without another file event before a rebuild starts (MkDocs: 0.1); one save's events come together


class _FileChanges(Observer):
    """The system's file events (inotify on Linux), only those of files written, created, moved or deleted.

    Reading a file is an event to inotify too; the builds read the watched
    folders, and would otherwise start the next build themselves.
    """

    def schedule(self, event_handler, path, recursive=False, event_filter=None):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or _CHANGES)


_CHANGES = [FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent]


def watch_file_events(server):
    """Under serve, rebuild as soon as a watched file changes, not at the next poll (MkDocs polls every 0.5 s); return server.

    Called before serve starts its watcher; what it watches already moves
    to the new one (MkDocs 1.6's LiveReloadServer keeps it in _watched_paths).
    """
    watched = dict(server._watched_paths)
    for path in watched:
        server.observer.unschedule(server._watch_refs.pop(path))
    server._watched_paths.clear()
    server.observer = _FileChanges()
    server.build_delay = BUILD_DELAY
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return server
