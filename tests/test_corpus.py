"""A corpus of broken and hostile models, each checked by the CLI the way a contributor runs it.

Every folder in tests/corpus/ is one case, named for what it tests:

- its model files (*.yaml, or any other name such as views.yml) replace or add to
  a copy of tests/fixtures/valid;
- an optional delete.txt names fixture files to remove first, one per line;
- a published.txt is the registry of published addresses, like diagrams/published.txt;
- expected.txt holds the exact issue lines `scripts/cli.py --model <folder> check`
  prints on stderr, without the lines after them: one "<code>: see <address>" per
  code, in the order the codes first appear (checked here), and the final
  "N error(s); nothing was written.".

Each case must exit 1, print no traceback and nothing on stdout, and print
exactly its expected lines. A few files that are awkward to store (larger than
the size limit, not UTF-8, with a NUL byte) are generated below instead.

The cases run scripts/cli.py's main() in this process, with its stdout and
stderr captured: what `python scripts/cli.py` runs, without starting Python
once per case. An exception escaping main() fails the case as the traceback
would. Two cases run the real command in a subprocess (test_the_real_command_*),
with a generous timeout only as a guard against a hang: one corpus case, and the
200,000 levels of nesting that once crashed the interpreter in C.
"""

import ast
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import cli
import pytest
from conftest import FIXTURES, ROOT
from virtstack.issues import ISSUE_CODES

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
NOT_MODEL_FILES = ("expected.txt", "delete.txt")


@pytest.fixture(autouse=True)
def _reference_on_the_default_address(monkeypatch):
    """Every case expects the Model reference on the `make serve` address, whatever SITE_URL the run has."""
    monkeypatch.delenv("SITE_URL", raising=False)


def check(folder: Path) -> subprocess.CompletedProcess:
    """Run `scripts/cli.py --model folder check` in this process: main(argv), its stdout and stderr captured."""
    argv = ["--model", str(folder), "check"]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = cli.main(argv)
        except SystemExit as stop:  # argparse refusing the arguments
            status = stop.code
    return subprocess.CompletedProcess(argv, status, stdout.getvalue(), stderr.getvalue())


def run_cli(folder: Path) -> subprocess.CompletedProcess:
    """Run `scripts/cli.py --model folder check` as a contributor does: this venv's Python, in a subprocess."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}  # the reference on the default address
    return subprocess.run([sys.executable, str(ROOT / "scripts/cli.py"), "--model", str(folder), "check"],
                          capture_output=True, text=True, timeout=120, check=False, env=env)


def model_with(tmp_path: Path, files: dict[str, bytes], delete: tuple[str, ...] = ()) -> Path:
    """Return tmp_path/diagrams: the valid fixture with files removed, then replaced or added."""
    folder = tmp_path / "diagrams"
    shutil.copytree(FIXTURES / "valid", folder)
    for name in delete:
        (folder / name).unlink()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def issue_lines(result: subprocess.CompletedProcess) -> list[str]:
    """Assert the run failed cleanly with a correct summary; return the issue lines before it."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert result.stdout == ""
    *lines, summary = result.stderr.splitlines()
    codes = list(dict.fromkeys(line.rsplit("[", 1)[-1].rstrip("]") for line in lines if not SEE.fullmatch(line)))
    lines, see = lines[: len(lines) - len(codes)], lines[len(lines) - len(codes):]
    assert see == [f"{code}: see http://127.0.0.1:8000/reference/#issue-{code}" for code in codes]
    errors = sum(": error: " in line for line in lines)
    assert summary == f"{errors} error(s); nothing was written."
    return lines


SEE = re.compile(r"[a-z-]+: see http://127\.0\.0\.1:8000/reference/#issue-[a-z-]+")


def corpus_model(case: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """Return the model folder of a corpus case and the issue lines it expects."""
    source = CORPUS / case
    delete = tuple((source / "delete.txt").read_text().split()) if (source / "delete.txt").exists() else ()
    files = {f.name: f.read_bytes() for f in sorted(source.iterdir()) if f.name not in NOT_MODEL_FILES}
    assert files or delete, f"{case} changes nothing"
    expected = (source / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}/expected.txt is empty"
    return model_with(tmp_path, files, delete), expected


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case, tmp_path):
    folder, expected = corpus_model(case, tmp_path)
    assert issue_lines(check(folder)) == expected


def test_the_real_command_prints_exactly_what_main_prints(tmp_path):
    """The path the corpus skips: `python scripts/cli.py` in a terminal, its exit status, streams and encoding."""
    folder, expected = corpus_model("every-problem-at-once", tmp_path)  # issues in three files, four codes
    result = run_cli(folder)
    assert issue_lines(result) == expected
    in_process = check(folder)
    assert (result.returncode, result.stdout, result.stderr) == (in_process.returncode, in_process.stdout, in_process.stderr)


# The corpus itself ---------------------------------------------------------------

def error_codes_in(path: Path) -> set[str]:
    """Return the codes of every error Issue built in a module: the last string argument of Issue(...) or _issue(...)."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Issue", "_issue")):
            continue
        if any(k.arg == "severity" for k in node.keywords):
            continue  # warnings never fail a check
        last = node.args[-1] if node.args else None
        if isinstance(last, ast.Constant) and isinstance(last.value, str):
            codes.add(last.value)
    return codes


def corpus_codes() -> set[str]:
    """Return every issue code the corpus' expected lines contain."""
    return {line.rsplit("[", 1)[1].rstrip("]") for case in CASES
            for line in (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()}


def test_corpus_covers_every_error_code():
    listed = {code for code, meaning in ISSUE_CODES.items() if not meaning.startswith("warning:")}
    emitted = set().union(*(error_codes_in(module) for module in sorted((ROOT / "scripts/virtstack").glob("*.py"))))
    assert emitted >= {
        "yaml-syntax", "duplicate-key", "too-large", "bad-type", "unknown-field", "missing-field", "empty",
        "bad-id", "bad-url", "bad-date", "bad-enum", "unknown-ref", "unknown-language", "missing-translation",
        "duplicate-id", "home-view", "missing-file", "unknown-file",
    }
    assert (listed | emitted) - corpus_codes() == set()
    assert len(CASES) >= 45


def test_corpus_files_keep_their_line_endings_and_byte_order_mark():
    """A checkout or an editor that rewrites these bytes would make the two cases test nothing."""
    crlf = (CORPUS / "crlf-line-endings-with-error/components.yaml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 20
    assert (CORPUS / "utf8-bom-with-error/layers.yaml").read_bytes().startswith(b"\xef\xbb\xbflayers:")
    assert (CORPUS / "file-empty/relations.yaml").read_bytes() == b""


# Files generated here -------------------------------------------------------------

LAYERS = (FIXTURES / "valid/layers.yaml").read_text()


def test_a_file_one_byte_over_one_mebibyte_is_refused_unread(tmp_path):
    text = LAYERS.encode()
    folder = model_with(tmp_path, {"layers.yaml": text + b"#" * (1024 * 1024 - len(text)) + b"\n"})
    assert (folder / "layers.yaml").stat().st_size == 1024 * 1024 + 1
    assert issue_lines(check(folder)) == [
        "diagrams/layers.yaml:1:1: error: file is 1048577 bytes; the limit is 1048576 [too-large]"]


def test_a_file_of_exactly_one_mebibyte_is_read(tmp_path):
    text = LAYERS.replace("{en: Kernel, ru: Ядро}", "{en: Kernel, de: Kern, ru: Ядро}").encode()
    folder = model_with(tmp_path, {"layers.yaml": text + b"#" * (1024 * 1024 - len(text) - 1) + b"\n"})
    assert (folder / "layers.yaml").stat().st_size == 1024 * 1024
    assert issue_lines(check(folder)) == [
        "diagrams/layers.yaml:3:24: error: unknown language 'de' in 'name' (allowed: en, ru) [unknown-language]"]


def test_a_file_saved_in_a_legacy_code_page_is_refused(tmp_path):
    # Windows-1251, the way an old editor saves Russian text: 'Я' of the first `ru` text is byte 0xdf.
    text = LAYERS.encode("cp1251")
    folder = model_with(tmp_path, {"layers.yaml": text})
    assert issue_lines(check(folder)) == [
        "diagrams/layers.yaml:3:1: error: file is not UTF-8 (byte 0xdf on this line) [yaml-syntax]"]


def test_a_file_with_invalid_utf8_bytes_is_refused(tmp_path):
    folder = model_with(tmp_path, {"relations.yaml": b"relations:\n  - from: \xff\xfe\n"})
    assert issue_lines(check(folder)) == [
        "diagrams/relations.yaml:2:1: error: file is not UTF-8 (byte 0xff on this line) [yaml-syntax]"]


def test_nesting_5000_levels_deep_is_refused_where_it_passes_the_limit(tmp_path):
    folder = model_with(tmp_path, {"relations.yaml": b"relations: " + b"[" * 5000 + b"]" * 5000 + b"\n"})
    assert issue_lines(check(folder)) == ["diagrams/relations.yaml:1:44: error: nested deeper than 32 levels [too-large]"]


@pytest.mark.parametrize("byte", [b"\x00", b"\x01", b"\x1b"])
def test_a_file_with_a_raw_control_byte_is_refused_at_the_byte(tmp_path, byte):
    folder = model_with(tmp_path, {"layers.yaml": LAYERS.replace("{en: Kernel,", "{en: Ker" + byte.decode() + "nel,").encode()})
    assert issue_lines(check(folder)) == [
        f"diagrams/layers.yaml:3:19: error: YAML syntax: control character {ord(byte)} is not allowed in YAML [yaml-syntax]"]


# Bugs found while building this corpus, now fixed ----------------------------------
# Each case below once crashed or mislocated its message; each must now give
# located, one-line issues and exit 1.

ISSUE_LINE = re.compile(r"diagrams/[^:\s]+:[1-9]\d*:[1-9]\d*: (error|warning): [^\x00-\x1f\x7f]+ \[[a-z-]+\]")
VALID = {name: (FIXTURES / "valid" / name).read_text() for name in ("components.yaml", "relations.yaml", "sources.yaml")}

FIXED_BUGS = {
    # urlsplit raised ValueError('Invalid IPv6 URL') inside check_url.
    "url-unclosed-ipv6-bracket": ({"sources.yaml": VALID["sources.yaml"].replace(
        "url: https://example.org/readme", "url: http://[::1/readme")}, "diagrams/sources.yaml:9:10:"),
    # read_lines() decoded published.txt without catching UnicodeDecodeError.
    "published-txt-not-utf8": ({"published.txt": "/components/\xff/\n".encode("latin-1")}, "diagrams/published.txt:1:"),
    # Keys were printed raw: an escape sequence reached the terminal, a newline forged a second issue line.
    "control-characters-in-a-key": ({"relations.yaml": VALID["relations.yaml"].replace(
        "    kind: controls\n", '    kind: controls\n    "colour\\e[31m\\ndiagrams/x.yaml:1:1: error: forged [x]": red\n')},
        "diagrams/relations.yaml:11:5:"),
    # Ids in duplicate-id messages and in the '(known: ...)' hint were printed raw.
    "newline-in-a-duplicate-id": ({"sources.yaml": VALID["sources.yaml"] + "".join(
        f'  - {{id: "new\\nline", title: T{n}, url: "https://e.org/", publisher: P, checked: "2026-11"}}\n' for n in (1, 2))},
        "diagrams/sources.yaml:13:10:"),
    # A NUL byte: ReaderError is not a MarkedYAMLError, so the issue sat at 1:1 and its message spanned two lines.
    "raw-nul-byte": ({"components.yaml": VALID["components.yaml"].replace("A shell.", "A sh\x00ell.").encode()},
                     "diagrams/components.yaml:22:"),
    # _syntax_issue kept only the problem mark: an unclosed quote was reported at the end of the file.
    # (The `ru` text's quote is the one left open: an open `en` quote would be closed by the `ru` text's.)
    "unclosed-quote-located-at-end-of-file": ({"components.yaml": VALID["components.yaml"].replace(
        '"Запускает гостевые системы через `/dev/kvm`."', '"Запускает гостевые системы через `/dev/kvm`.')},
        "diagrams/components.yaml:6:"),
}


def test_the_real_command_refuses_200000_levels_of_nesting_where_it_passes_the_limit(tmp_path):
    """libyaml's composer (CSafeLoader) recurses in C with no limit: from about 25,000 levels (a 50 KB file)
    the process died of a segmentation fault (exit -11) before MAX_DEPTH was checked. A subprocess, so that
    the crash, were it back, would fail this test rather than end the test run."""
    folder = model_with(tmp_path, {"relations.yaml": b"relations: " + b"[" * 200_000 + b"]" * 200_000 + b"\n"})
    assert issue_lines(run_cli(folder)) == ["diagrams/relations.yaml:1:44: error: nested deeper than 32 levels [too-large]"]


@pytest.mark.parametrize("case", sorted(FIXED_BUGS))
def test_fixed_bug(case, tmp_path):
    files, located = FIXED_BUGS[case]
    result = check(model_with(tmp_path, {n: t if isinstance(t, bytes) else t.encode() for n, t in files.items()}))
    lines = issue_lines(result)
    assert all(ISSUE_LINE.fullmatch(line) and ": error: " in line for line in lines), lines
    assert lines[0].startswith(located), lines
