"""Read the model's YAML files into plain data that remembers where it came from.

Input: the folder of YAML files (diagrams/). Output: one Document per file,
holding plain dicts, lists and strings plus the 1-based line and column of
every key and value (and which values were written in quotes, and the file's text), and the Issues found on the way (syntax errors, duplicate
keys, oversized or too deeply nested files). Used by the pipeline and the CLI.

Parsing stops at PyYAML's composer (safe: no tags are constructed), and every
scalar stays a string; validate.py decides what each string must be.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .issues import Issue

__all__ = ["Document", "load_documents", "parse_document", "read_lines"]

# Limits that keep a hostile file from costing unbounded time or memory.
MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 32

Path_ = tuple  # a key path such as ("components", 3, "layer")

# libyaml's parser when PyYAML was built with it (its wheels are): several times
# faster than the pure-Python one, and just as safe, since only the composer
# runs. When a file does not parse, the pure-Python parser reads it again for
# its clearer message (it names the character or token it did not expect).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Document:
    """One YAML file: its data and where each value and key stands."""

    path: str
    data: object
    positions: dict = field(default_factory=dict)
    key_positions: dict = field(default_factory=dict)
    quoted: frozenset = frozenset()  # key paths of the scalars written in quotes, '...' or "..."
    text: str = field(default="", repr=False, compare=False)  # the file as written, to locate words inside a value

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Return (line, col) of the value at path, or of its key, or the nearest parent."""
        table = self.key_positions if key else self.positions
        while path not in table and path:
            path = path[:-1]
        return table.get(path, self.positions.get((), (1, 1)))


class _TooLarge(Exception):
    """Raised inside the walk when a file expands past the limits."""

    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.node = node


def load_documents(model_dir: Path, display_root: Path) -> tuple[list[Document], list[Issue]]:
    """Parse every *.yaml file in model_dir, in name order."""
    documents, issues = [], []
    for file in sorted(model_dir.glob("*.yml")):
        shown = file.relative_to(display_root).as_posix()
        issues.append(Issue(shown, 1, 1, f"model files end in .yaml; rename it to {file.stem}.yaml", "unknown-file"))
    for file in sorted(model_dir.glob("*.yaml")):
        shown = file.relative_to(display_root).as_posix()
        document, found = _parse_unchanged(file.read_bytes(), shown)
        issues.extend(found)
        if document is not None:
            documents.append(document)
    return documents, issues


@lru_cache(maxsize=64)
def _parse_unchanged(raw: bytes, shown: str) -> tuple[Document | None, list[Issue]]:
    """Return parse_document's result, reused while a file's bytes are unchanged (mkdocs serve rereads them all)."""
    return parse_document(raw, shown)


def read_lines(path: Path, shown: str) -> tuple[list[str] | None, list[Issue]]:
    """Return a text file's lines (None when it does not exist), or the issue that stops reading it."""
    if not path.is_file():
        return None, []
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Issue(shown, 1, 1, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}", "too-large")]
    try:
        return raw.decode("utf-8").splitlines(), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Issue(shown, line, 1, f"file is not UTF-8 (byte {raw[error.start]:#04x} on this line)", "yaml-syntax")]


def parse_document(raw: bytes, shown: str) -> tuple[Document | None, list[Issue]]:
    """Parse one file's bytes into a Document, or return the issues that stop it."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Issue(shown, 1, 1, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}", "too-large")]
    try:
        text = raw.decode("utf-8")
        too_deep = _too_deep(text)
        if too_deep:
            return None, [Issue(shown, too_deep[0], too_deep[1], f"nested deeper than {MAX_DEPTH} levels", "too-large")]
        root = _compose(text)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Issue(shown, line, 1, f"file is not UTF-8 (byte {raw[error.start]:#04x} on this line)", "yaml-syntax")]
    except yaml.reader.ReaderError as error:
        line, col = text.count("\n", 0, error.position) + 1, error.position - text.rfind("\n", 0, error.position)
        message = f"YAML syntax: control character {error.character!r} is not allowed in YAML"
        return None, [Issue(shown, line, col, message, "yaml-syntax")]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_issue(shown, error)]
    except yaml.YAMLError as error:
        return None, [Issue(shown, 1, 1, f"YAML syntax: {error}", "yaml-syntax")]
    except RecursionError:
        return None, [Issue(shown, 1, 1, f"nested deeper than {MAX_DEPTH} levels", "too-large")]
    walker = _Walker(shown)
    try:
        data = walker.walk(root, (), 0) if root is not None else None
    except _TooLarge as error:
        return None, [Issue(shown, *_mark(error.node), str(error), "too-large")]
    return Document(shown, data, walker.positions, walker.key_positions, frozenset(walker.quoted), text), walker.issues


def _too_deep(text: str) -> tuple[int, int] | None:
    """Return where the nesting first passes MAX_DEPTH, walking the event stream (which never recurses).

    libyaml's composer recurses in C without a limit, so a deeply nested
    file must be refused before it is composed.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the document's own top-level collection is level 0
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # _compose reports the syntax error, with the clearer message
    return None


def _compose(text: str) -> yaml.Node | None:
    """Compose the YAML node tree with libyaml, or raise the pure-Python parser's error."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_issue(shown: str, error: yaml.MarkedYAMLError) -> Issue:
    """Turn a PyYAML error into a located yaml-syntax issue that says how to fix it."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "cannot parse"
    if "end of stream" in problem and error.context_mark:
        # An unclosed quote or bracket: point at where it opened, not at the end of the file.
        mark, problem = error.context_mark, f"{error.context} that is never closed"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Issue(shown, line, col, f"YAML syntax: {_explain(problem, *_line_around(mark))}", "yaml-syntax")


TAB = "a tab character; YAML forbids tabs for indentation, so indent with spaces"
COLON = "': ' inside a value without quotes starts a new key; put the whole value in quotes"
NO_MAPPING_HERE = "mapping values are not allowed here"
LINE_BREAKS = "\n\r\x85\u2028\u2029"  # what PyYAML counts as the end of a line


def _explain(problem: str, before: str, after: str) -> str:
    """Return PyYAML's problem in the words that fix it: a tab, an unquoted ': ', the indentation."""
    if problem.startswith("found character '\\t'"):
        return TAB
    if _colon_in_value(problem, before):
        return COLON + (_quoted_line(before, after) if problem == NO_MAPPING_HERE else "")
    if "block" in problem or "indentation" in problem or problem == NO_MAPPING_HERE:
        return f"{problem} (check the indentation)"
    return problem


def _line_around(mark: yaml.Mark | None) -> tuple[str, str]:
    """Return the text of the mark's line before the mark, and from the mark to the line's end."""
    if mark is None or mark.buffer is None:
        return "", ""
    buffer, at = mark.buffer, mark.pointer
    start = max(buffer.rfind(c, 0, at) for c in LINE_BREAKS) + 1
    end = min(i for i in (buffer.find(c, at) for c in LINE_BREAKS + "\0") if i >= 0)
    return buffer[start:at].lstrip("\ufeff"), buffer[at:end]



def _colon_in_value(problem: str, before: str) -> bool:
    """Return whether the ':' PyYAML stopped at follows a key that already has a value: 'key: a: b', '{key: a: b}'."""
    if problem == NO_MAPPING_HERE:
        entry = before
    elif problem.startswith("expected ',' or ") and problem.endswith("but got ':'"):
        entry = re.split(r"[{\[,]", before)[-1]
    else:
        return False
    return re.search(r"[^\s:]:\s+\S", entry) is not None


def _quoted_line(before: str, after: str) -> str:
    """Return ': key: "a: b"', the line with its value quoted, or '' when the line is not a plain 'key: value'."""
    match = re.fullmatch(r"\s*(?:-\s+)*([^\s\-?:#'\"{}\[\],][^:#]*?):\s+([^\s'\"{}\[\]|>&*!%@`].*)", before)
    if not match:
        return ""
    value = re.sub(r"\s+#.*$", "", match[2] + after).rstrip()
    quoted = f'"{value}"' if '"' not in value and "\\" not in value else "'" + value.replace("'", "''") + "'"
    return f": {match[1]}: {quoted}"


def _mark(node: yaml.Node) -> tuple[int, int]:
    """Return the 1-based (line, col) where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, shown: str):
        self.shown = shown
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.quoted: set = set()
        self.issues: list[Issue] = []
        self.count = 0

    def walk(self, node: yaml.Node, path: Path_, depth: int) -> object:
        """Return the plain value of node, counting nodes to stay within the limits."""
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(f"more than {MAX_NODES} values (are aliases expanding?)", node)
        if depth > MAX_DEPTH:
            raise _TooLarge(f"nested deeper than {MAX_DEPTH} levels", node)
        self.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.style in ("'", '"'):
            self.quoted.add(path)
        return None if node.tag == "tag:yaml.org,2002:null" else node.value

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        """Return a dict for a mapping node; report non-string and duplicate keys."""
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.append(Issue(self.shown, *_mark(key_node), "a key must be a plain string", "bad-type"))
                continue
            key = key_node.value
            if key in result:
                first = self.key_positions[path + (key,)][0]
                self.issues.append(Issue(self.shown, *_mark(key_node), f"duplicate key '{key}' (first at line {first})", "duplicate-key"))
                continue
            self.key_positions[path + (key,)] = _mark(key_node)
            result[key] = self.walk(value_node, path + (key,), depth + 1)
        return result
