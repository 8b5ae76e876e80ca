"""Tests for load.py: positions, duplicate keys, syntax errors and limits."""

import pytest

from virtstack.issues import format_issue
from virtstack.load import load_documents, parse_document


def parse(text: str):
    """Parse text as the file diagrams/x.yaml; return (document, issue lines)."""
    document, issues = parse_document(text.encode(), "diagrams/x.yaml")
    return document, [format_issue(i) for i in issues]


def test_parse_document_keeps_plain_strings_and_positions():
    document, issues = parse("items:\n  - id: kvm\n    home: true\n    date: 2007-02-04\n    none: ~\n")
    assert issues == []
    assert document.data == {"items": [{"id": "kvm", "home": "true", "date": "2007-02-04", "none": None}]}
    assert document.where(("items", 0, "id")) == (2, 9)
    assert document.where(("items", 0, "home"), key=True) == (3, 5)
    assert document.where(("items", 0)) == (2, 5)


def test_where_falls_back_to_the_nearest_parent():
    document, _ = parse("items:\n  - id: kvm\n")
    assert document.where(("items", 0, "missing")) == (2, 5)


def test_parse_document_reports_duplicate_keys_and_keeps_the_first():
    document, issues = parse("a: 1\nb: 2\na: 3\n")
    assert issues == ["diagrams/x.yaml:3:1: error: duplicate key 'a' (first at line 1) [duplicate-key]"]
    assert document.data == {"a": "1", "b": "2"}


def test_parse_document_reports_a_syntax_error_with_its_location():
    document, issues = parse("items:\n  - id: kvm\n   name: x\n")
    assert document is None
    assert issues == ["diagrams/x.yaml:3:4: error: YAML syntax: expected <block end>, but found '<block mapping start>' (check the indentation) [yaml-syntax]"]


def test_parse_document_says_yaml_forbids_tabs_and_points_at_the_tab():
    document, issues = parse("layers:\n  - id: kernel\n  \tname: x\n")
    assert document is None
    assert issues == ["diagrams/x.yaml:3:3: error: YAML syntax: a tab character; YAML forbids tabs for indentation, "
                      "so indent with spaces [yaml-syntax]"]


@pytest.mark.parametrize(("line", "quoted"), [
    ("    title: KVM: the kernel part", 'title: "KVM: the kernel part"'),
    ("  - text: KVM: the kernel part  # a comment", 'text: "KVM: the kernel part"'),
    ('    title: He said "no": twice', "title: 'He said \"no\": twice'"),
])
def test_parse_document_says_to_quote_a_value_that_holds_a_colon(line, quoted):
    _, issues = parse(f"items:\n  - id: kvm\n{line}\n")
    column = line.index(": ", line.index(": ") + 1) + 1
    assert issues == [f"diagrams/x.yaml:3:{column}: error: YAML syntax: ': ' inside a value without quotes starts a new key; "
                      f"put the whole value in quotes: {quoted} [yaml-syntax]"]


def test_parse_document_says_to_quote_a_value_with_a_colon_in_braces():
    _, issues = parse("items:\n  - {id: kvm, summary: {en: KVM: the kernel part, ru: x}}\n")
    assert issues == ["diagrams/x.yaml:2:32: error: YAML syntax: ': ' inside a value without quotes starts a new key; "
                      "put the whole value in quotes [yaml-syntax]"]


def test_parse_document_sends_a_key_indented_too_deep_to_the_indentation():
    _, issues = parse("items:\n  - id: kvm\n    name: x\n     layer: y\n")
    assert issues == ["diagrams/x.yaml:4:11: error: YAML syntax: mapping values are not allowed here "
                      "(check the indentation) [yaml-syntax]"]


def test_parse_document_remembers_which_values_were_quoted():
    document, _ = parse("items:\n  - a: 2007\n    b: '2007'\n    c: \"2007\"\n    d: |\n      2007\n")
    assert document.quoted == {("items", 0, "b"), ("items", 0, "c")}


def test_parse_document_refuses_a_non_string_key():
    _, issues = parse("[a]: 1\n")
    assert issues == ["diagrams/x.yaml:1:1: error: a key must be a plain string [bad-type]"]


def test_parse_document_stops_an_alias_bomb_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [{', '.join(['*' + chr(96 + n)] * 10)}]")
    document, issues = parse("\n".join(lines) + "\n")
    assert document is None
    assert issues == ["diagrams/x.yaml:1:35: error: more than 100000 values (are aliases expanding?) [too-large]"]


def test_parse_document_refuses_deep_nesting():
    document, issues = parse("a: " + "[" * 40 + "]" * 40 + "\n")
    assert document is None
    assert issues == ["diagrams/x.yaml:1:36: error: nested deeper than 32 levels [too-large]"]


def test_parse_document_refuses_an_oversized_file():
    document, issues = parse_document(b"#" * (1024 * 1024 + 1), "diagrams/x.yaml")
    assert document is None
    assert [format_issue(i) for i in issues] == [
        "diagrams/x.yaml:1:1: error: file is 1048577 bytes; the limit is 1048576 [too-large]"]


def test_parse_document_refuses_bytes_that_are_not_utf8():
    _, issues = parse_document(b"a: \xff\n", "diagrams/x.yaml")
    assert [format_issue(i) for i in issues] == [
        "diagrams/x.yaml:1:1: error: file is not UTF-8 (byte 0xff on this line) [yaml-syntax]"]


def test_parse_document_constructs_no_tags():
    document, issues = parse("a: !!python/object/apply:os.system [echo hi]\n")
    assert issues == []
    assert document.data == {"a": ["echo hi"]}


def test_load_documents_reads_yaml_files_in_name_order(tmp_path):
    (tmp_path / "b.yaml").write_text("b: 1\n")
    (tmp_path / "a.yaml").write_text("a: 1\n")
    (tmp_path / "notes.txt").write_text("ignored")
    documents, issues = load_documents(tmp_path, tmp_path.parent)
    assert [d.path for d in documents] == [f"{tmp_path.name}/a.yaml", f"{tmp_path.name}/b.yaml"]
    assert issues == []


def test_load_documents_reports_a_yml_file_instead_of_ignoring_it(tmp_path):
    (tmp_path / "views.yml").write_text("views: []\n")
    documents, issues = load_documents(tmp_path, tmp_path.parent)
    assert documents == []
    assert [format_issue(i) for i in issues] == [
        f"{tmp_path.name}/views.yml:1:1: error: model files end in .yaml; rename it to views.yaml [unknown-file]"]
