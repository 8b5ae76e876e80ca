"""Property-based tests: mutated real models never crash the check, and escaping is literal.

1. The repository's own model (diagrams/*.yaml, with diagrams/published.txt)
   is mutated structurally by Hypothesis: a key deleted, a value replaced by
   another YAML value (text, number, null, list, mapping, a very long string,
   control characters), a list item duplicated or dropped, an id renamed to a
   near miss; each mutated file is written with yaml.safe_dump. pipeline.check
   must then return a model with warnings only, or raise ModelError whose
   issues all point into the model folder at a line and column inside the
   file; never anything else. The same runs on the small test fixtures, where
   many more examples fit in the time.
2. escape.markdown_text, rendered by Python-Markdown with the site's
   extensions, shows exactly the text and makes no element but <p> and <code>;
   escape.dot_string, read by the real `dot`, draws exactly the text.

Every test is derandomized (the same examples on every run, no example
database) and bounded: a deadline per example catches a hang, max_examples
keeps each test within about 30 seconds (`make test-fast` runs a tenth of
them: see examples()). A test marked xfail(strict=True) pins a known bug (one
today: names as long as the check allows, in four-byte characters, are too long
for `dot`); it turns into a failure the day its bug is fixed, so the marker can go.
"""

import copy
import html
import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st
from virtstack import pipeline
from virtstack.escape import dot_string, markdown_text, plain_text
from virtstack.issues import ModelError
from virtstack.validate import MAX_BYTES, MAX_STRING, MAX_WORD

def examples(full: int) -> int:
    """Return how many examples a property test tries: full under Hypothesis' default profile (100 examples),
    a tenth under `make test-fast`'s `fast` profile (10; tests/conftest.py registers it)."""
    return max(1, full * settings.default.max_examples // 100)


SETTINGS = {"derandomize": True, "database": None,
            "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


# 1. Mutated models ------------------------------------------------------------------

def load_model(folder: Path) -> dict[str, object]:
    """Return {file name: data} for every model file in folder."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def dump(data: object) -> str:
    """Return data as YAML text the way a contributor's tool might write it, keeping the quotes every date needs."""
    return yaml.dump(data, Dumper=_QuotingDates, allow_unicode=True, sort_keys=False, width=100)


class _QuotingDates(yaml.SafeDumper):
    """yaml.safe_dump, but a string that looks like a date stays quoted (PyYAML would leave 2007-02 bare)."""


_QuotingDates.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else None))


@dataclass(frozen=True)
class Base:
    """A model to mutate: its data per file, the same dumped once, and other files copied as they are."""

    data: dict[str, object]
    dumped: dict[str, str]
    verbatim: dict[str, str]


def base(*folders: Path) -> Base:
    """Return the model made of every model file in folders (later folders add files)."""
    data = {name: value for folder in folders for name, value in load_model(folder).items()}
    verbatim = {p.name: p.read_text(encoding="utf-8") for folder in folders for p in folder.glob("published.txt")}
    return Base(data, {name: dump(value) for name, value in data.items()}, verbatim)


REPOSITORY = base(ROOT / "diagrams")
SMALL = base(FIXTURES / "valid", FIXTURES / "answers")


def nodes(value: object, path: tuple = ()):
    """Yield (path, value) for value and everything inside it."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, path + (index,))


def parent_of(root: object, path: tuple) -> object:
    """Return the container that holds the value at path."""
    for step in path[:-1]:
        root = root[step]
    return root


CONTROL = st.characters(min_codepoint=0, max_codepoint=0x9F, exclude_categories=["Cs"])
SCALARS = st.one_of(
    st.text(max_size=12),
    st.text(CONTROL, min_size=1, max_size=8),
    st.sampled_from(["", " ", "~", "true", "yes", "0x1F", "2007-02-30", "javascript:alert(1)", "../etc", "<script>",
                     "*", "&a", "[x]", "{a: b}", "http://[::1]/", "`code`", "# no"]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.booleans(),
    st.none(),
    st.integers(min_value=1_000, max_value=60_000).map(lambda n: "long " * (n // 5)),
)


def lists_and_mappings_of(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3))


VALUES = st.recursive(SCALARS, lists_and_mappings_of, max_leaves=8)

LOOKALIKE = str.maketrans("aeopcx", "аеорсх")  # Latin to Cyrillic look-alikes


def near_miss(data, value: str, others: list[str]) -> str:
    """Return an id close to value: a letter dropped, doubled or swapped, case, a suffix, a look-alike, or another id."""
    how = data.draw(st.sampled_from(["drop", "double", "swap", "upper", "suffix", "underscore", "lookalike", "other"]))
    at = data.draw(st.integers(0, max(len(value) - 1, 0)))
    if how == "drop":
        return value[:at] + value[at + 1:]
    if how == "double":
        return value[:at] + value[at:at + 1] * 2 + value[at + 1:]
    if how == "swap" and len(value) > 1:
        at = min(at, len(value) - 2)
        return value[:at] + value[at + 1] + value[at] + value[at + 2:]
    if how == "upper":
        return value[:at] + value[at:at + 1].upper() + value[at + 1:]
    if how == "underscore":
        return value.replace("-", "_", 1)
    if how == "lookalike":
        return value.translate(LOOKALIKE)
    if how == "other" and others:
        return data.draw(st.sampled_from(others))
    return value + "s"


def mutate(data, files: dict[str, object]) -> list[str]:
    """Apply one structural mutation to a random file of files, in place; return what was done."""
    name = data.draw(st.sampled_from(sorted(files)))
    root = files[name]
    everything = list(nodes(root))
    how = data.draw(st.sampled_from(["delete-key", "replace", "duplicate-item", "drop-item", "rename-id"]))
    if how == "delete-key":
        mappings = [p for p, v in everything if isinstance(v, dict) and v]
        if mappings:
            path = data.draw(st.sampled_from(mappings))
            mapping = dict(everything)[path]
            key = data.draw(st.sampled_from(sorted(mapping)))
            del mapping[key]
            return [name, how, *map(str, path), key]
    if how in ("duplicate-item", "drop-item"):
        items = [p for p, _ in everything if p and isinstance(p[-1], int)]
        if items:
            path = data.draw(st.sampled_from(items))
            container = parent_of(root, path)
            if how == "drop-item":
                del container[path[-1]]
            else:
                container.insert(path[-1], copy.deepcopy(container[path[-1]]))
            return [name, how, *map(str, path)]
    if how == "rename-id":
        ids = [p for p, v in everything if p and p[-1] == "id" and isinstance(v, str)]
        if ids:
            path = data.draw(st.sampled_from(ids))
            others = sorted({v for p, v in everything if p and p[-1] == "id" and isinstance(v, str)})
            container = parent_of(root, path)
            container["id"] = near_miss(data, container["id"], others)
            return [name, how, *map(str, path), container["id"]]
    paths = [p for p, _ in everything if p]
    if not paths:
        files[name] = data.draw(VALUES)
        return [name, "replace-file"]
    path = data.draw(st.sampled_from(paths))
    parent_of(root, path)[path[-1]] = data.draw(VALUES)
    return [name, "replace", *map(str, path)]


def assert_check_fails_only_with_located_issues(data, original: Base) -> None:
    """Mutate a copy of original 1-3 times, write it, and check it in-process."""
    files = copy.deepcopy(original.data)
    changed = set()
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        done = mutate(data, files)
        changed.add(done[0])
        note(done)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "diagrams"
        folder.mkdir()
        for name, value in files.items():
            text = dump(value) if name in changed else original.dumped[name]
            (folder / name).write_text(text, encoding="utf-8")
        for name, text in original.verbatim.items():
            (folder / name).write_text(text, encoding="utf-8")
        try:
            model, issues = pipeline.check(folder, folder.parent)
        except ModelError as error:
            issues = error.issues
            assert any(i.severity == "error" for i in issues)
            event("refused: " + " ".join(sorted({i.code for i in issues})))
        else:
            event("accepted")
            assert model is not None
            assert all(i.severity == "warning" for i in issues)
        for issue in issues:
            file = folder.parent / issue.path
            assert file.parent == folder, issue
            assert issue.line >= 1 and issue.col >= 1, issue
            if file.exists():
                lines = file.read_text(encoding="utf-8").split("\n")
                assert issue.line <= len(lines), issue
                assert issue.col <= len(lines[issue.line - 1]) + 1, issue


def test_the_dumped_repository_model_is_still_valid():
    """The mutations start from the repository model as yaml.safe_dump writes it; it must pass unchanged."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "diagrams"
        folder.mkdir()
        for name, text in {**REPOSITORY.dumped, **REPOSITORY.verbatim}.items():
            (folder / name).write_text(text, encoding="utf-8")
        model, issues = pipeline.check(folder, folder.parent)
    assert [i for i in issues if i.severity == "error"] == []
    assert "published.txt" in REPOSITORY.verbatim
    assert len(model.components) == sum(len(data["components"]) for name, data in REPOSITORY.data.items()
                                        if name.startswith("components"))


@settings(max_examples=examples(100), deadline=5000, **SETTINGS)
@given(st.data())
def test_a_mutated_repository_model_fails_only_with_located_issues(data):
    assert_check_fails_only_with_located_issues(data, REPOSITORY)


@settings(max_examples=examples(400), deadline=5000, **SETTINGS)
@given(st.data())
def test_a_mutated_small_model_fails_only_with_located_issues(data):
    """The same property on the test fixtures (every file kind, ten times smaller), so many more examples fit."""
    assert_check_fails_only_with_located_issues(data, SMALL)


# 2. Escaping ------------------------------------------------------------------------

EXTENSIONS = ["attr_list", "tables", "toc", "md_in_html", "admonition"]
# Pieces of Markdown, HTML and DOT syntax, so that the texts hit the escaping often.
SYNTAX = ["\\", "*", "_", "**", "__", "[", "]", "(", ")", "](", "!", "![", "#", "## ", "1. ", "- ", "+ ", "> ", "!!! note",
          "|", "---", "===", "{#id}", "{: .c}", "{: onclick=alert(1)}", "<", ">", "&", "&amp;", "&#65;", "&lt;b&gt;",
          "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "<div markdown>",
          "</p>", "<!--", "-->", "javascript:alert(1)", "[click](javascript:alert(1))", "<http://x.org>", "http://x.org",
          "'", '"', "\\n", "\\l", "\\N", "{", "}", ";", "->", "--", "graph", "    ", "\t", "\n", "\n\n", "\r\n", "\xa0",
          "\u2028", "é", "漢", "😀", "\u200b", "\ufeff"]
PLAIN = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=6)), max_size=10).map("".join)
def no_backticks(text: str) -> str:
    return text.replace("`", "")


class _Elements(HTMLParser):
    """Collects the tags, attributes and unescaped text of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def rendered(text: str) -> tuple[set[tuple], str]:
    """Return the elements (tag, attributes) and the whitespace-folded text content of markdown_text(text) as HTML."""
    parser = _Elements()
    parser.feed(markdown.markdown(markdown_text(text), extensions=EXTENSIONS))
    parser.close()
    return {(tag, tuple(attrs)) for tag, attrs in parser.tags}, " ".join("".join(parser.text).split())


def without_stx_etx(text: str) -> str:
    # Python-Markdown deletes \x02 and \x03 (its own placeholder marks) from any
    # source; the validator accepts them in texts (reported), escaping cannot.
    return text.replace("\x02", "").replace("\x03", "")


# A text: plain pieces and `code` spans, both with any characters and syntax.
CODE = PLAIN.map(no_backticks).filter(str.strip)
TEXTS = st.lists(st.one_of(PLAIN.map(no_backticks), CODE.map(lambda c: f"`{c}`")), max_size=6).map("".join).map(without_stx_etx)


@settings(max_examples=examples(600), deadline=2000, **SETTINGS)
@given(TEXTS)
@example("<script>alert(1)</script> [click](javascript:alert(1)) *emphasis* {#id} a | b --> \"quotes\" 'single' \\ {}")
@example("run `virsh <list> & \"x\"` now, or `{#id}`")
@example("!!! danger \"pwned\"")
@example("<div markdown>**bold**</div>")
@example("    indented code? no")
@example("1. not a list\n\n- nor this\n\n# nor a heading")
@example("a `lone backtick, and `` two")
def test_markdown_text_shows_exactly_the_text_as_p_and_code(text):
    elements, shown = rendered(text)
    assert {tag for tag, _ in elements} <= {"p", "code"}
    assert all(attrs == () for _, attrs in elements)
    assert shown == plain_text(text)


@pytest.mark.parametrize("text", [
    "see `[click](javascript:alert(1))`",   # a live javascript: link
    "see `![x](https://evil.example/t.png)`",  # an image from anywhere
    "a `*b*` c",                             # emphasis inside code
    "path `C:\\*` here",                     # the backslash escape is eaten
    "`a | b` in a table cell",                # a pipe that would split a table row
])
def test_markdown_inside_code_spans_stays_literal(text):
    elements, shown = rendered(text)
    assert {tag for tag, _ in elements} <= {"p", "code"}
    assert shown == plain_text(text)


def dot_shows(label: str) -> str:
    """Return the text the real `dot` draws for a node labelled with the DOT string label."""
    result = subprocess.run(["dot", "-Tsvg"], input=f"digraph {{ n [label={label}] }}".encode(),
                            capture_output=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    svg = result.stdout.decode("utf-8")
    node = svg[svg.index('class="node"'):]
    return html.unescape("".join(re.findall(r"<text\b[^>]*>(.*?)</text>", node, re.DOTALL)))


# Texts dot_string handles today: no '&' (Graphviz reads entities in labels),
# no NUL and shorter than dot's 16 KiB string limit (the check refuses NUL and texts over MAX_STRING
# characters, but not every text over 16 KiB: see test_the_longest_name_the_check_allows_can_be_drawn).
DOT_TEXTS = PLAIN.map(lambda t: t.replace("&", "").replace("\x00", ""))


@settings(max_examples=examples(300), deadline=5000, **SETTINGS)
@given(DOT_TEXTS)
@example('say "hi" \\ back\\slash \\n \\N \\G \\l \\"')
@example("<b>not html</b> <<>> {} [] ; -> -- graph node edge")
@example("`code` and `/dev/kvm`")
@example("\\")
def test_dot_string_is_drawn_as_exactly_the_text(text):
    assert dot_shows(dot_string(text)) == plain_text(text)


@pytest.mark.parametrize("text", ["AT&amp;T", "&lt;script&gt;", "&#65;&#x42;"])
def test_dot_string_shows_entities_literally(text):
    assert dot_shows(dot_string(text)) == plain_text(text)


def with_virsh_summary(model_dir, summary: str) -> Path:
    """Return a copy of the valid fixture whose English summary of virsh is summary (a YAML double-quoted string)."""
    components = (FIXTURES / "valid/components.yaml").read_text()
    assert components.count("{en: A shell.,") == 1
    quoted = json.dumps(summary, ensure_ascii=False)  # JSON's string syntax is YAML's double-quoted one
    return model_dir({"components.yaml": components.replace("{en: A shell.,", "{en: " + quoted + ",")})


# Texts at the edge of what the check accepts: the longest summary it allows, and one made of
# what DOT, XML, HTML and Markdown each treat specially.
ACCEPTED_SUMMARIES = {
    "longest-allowed": "word " * (MAX_STRING // 5 - 1) + "word",
    "special-characters": 'say "hi" \\ back\\slash \\n <b>&amp;</b> &#65; {#id} [a](b) -> --> ]]> `<code>` 😀 漢字 é\u00a0end',
}


@pytest.mark.parametrize("summary", ACCEPTED_SUMMARIES.values(), ids=ACCEPTED_SUMMARIES.keys())
def test_a_model_that_check_accepts_can_be_rendered(summary, model_dir):
    folder = with_virsh_summary(model_dir, summary)
    assert len(summary) <= MAX_STRING
    model, issues = pipeline.check(folder, folder.parent)
    assert issues == [], "the check must accept this text, or the test renders nothing"
    svgs = {path: ElementTree.fromstring(svg) for path, svg in pipeline.build(folder, folder.parent).items()
            if path.endswith(".svg")}
    for path in ("stack.svg", "stack-narrow.svg"):  # the home page's pictures; a node's tooltip is its summary
        tips = [a.get("data-tip") for a in svgs[path].iter("{http://www.w3.org/2000/svg}a")
                if a.get("href") == "components/virsh/"]
        assert tips == ["virsh: " + plain_text(summary)], path


# The longest names the check allows, in the widest characters and the longest words: `dot` reads at most
# 16 KiB in one string and fails on a node wider than 65,535 points, and each of these is drawn.
LONGEST_NAMES = {"four-byte-characters": " ".join(["😀" * MAX_WORD] * (MAX_BYTES // (4 * MAX_WORD + 1))),
                 "one-long-word": "w" * MAX_WORD,
                 "long-cyrillic-words": " ".join(["ж" * MAX_WORD] * (MAX_STRING // (MAX_WORD + 1)))}


@pytest.mark.parametrize("name", LONGEST_NAMES.values(), ids=LONGEST_NAMES.keys())
def test_the_longest_names_the_check_allows_can_be_drawn(name, model_dir):
    quoted = json.dumps(name, ensure_ascii=False)
    components = (FIXTURES / "valid/components.yaml").read_text().replace("name: {en: virsh,", f"name: {{en: {quoted},")
    folder = model_dir({"components.yaml": components})
    assert pipeline.check(folder, folder.parent)[1] == []
    assert "stack.svg" in pipeline.build(folder, folder.parent)


# Texts `dot` could not draw, or not in one piece: the check refuses each, at the text, so render never sees them.
REFUSED_SUMMARIES = {"nul": ("NUL \x00 inside", "bad-text"), "escape-character": ("escape \x1b[31m inside", "bad-text"),
                     "one-character-too-long": ("w " * (MAX_STRING // 2) + "w", "too-long"),
                     "one-byte-too-long": ("😀" * (MAX_BYTES // 4) + "w", "too-long"),
                     "a-word-too-long": ("w" * (MAX_WORD + 1), "too-long")}


@pytest.mark.parametrize(("summary", "code"), REFUSED_SUMMARIES.values(), ids=REFUSED_SUMMARIES.keys())
def test_a_text_dot_cannot_draw_is_refused_where_it_is_written(summary, code, model_dir):
    folder = with_virsh_summary(model_dir, summary)
    line = next(n for n, text in enumerate((folder / "components.yaml").read_text().splitlines(), 1) if "- id: virsh" in text) + 4
    with pytest.raises(ModelError) as refused:
        pipeline.check(folder, folder.parent)
    assert [(i.path, i.line, i.code) for i in refused.value.issues] == [("diagrams/components.yaml", line, code)]
