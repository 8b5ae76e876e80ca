"""Tests for issues.py: the one-line format and the sorted ModelError."""

from virtstack.issues import Issue, ModelError, format_github, format_issue


def test_format_issue_is_path_line_col_severity_message_code():
    issue = Issue("diagrams/relations.yaml", 14, 9, "unknown component 'libvrt' in 'to' (did you mean 'libvirt'?)", "unknown-ref")
    assert format_issue(issue) == (
        "diagrams/relations.yaml:14:9: error: unknown component 'libvrt' in 'to' (did you mean 'libvirt'?) [unknown-ref]")


def test_model_error_sorts_issues_by_file_then_position():
    late = Issue("b.yaml", 1, 1, "m", "c")
    second = Issue("a.yaml", 10, 2, "m", "c")
    first = Issue("a.yaml", 2, 30, "m", "c")
    error = ModelError([late, second, first])
    assert error.issues == [first, second, late]
    assert str(error) == "a.yaml:2:30: error: m [c]\na.yaml:10:2: error: m [c]\nb.yaml:1:1: error: m [c]"


def test_format_github_is_a_workflow_annotation_with_escaped_message():
    issue = Issue("diagrams/a,b.yaml", 3, 9, "bad 100% value\nhere", "bad-enum", "warning")
    assert format_github(issue) == (
        "::warning file=diagrams/a%2Cb.yaml,line=3,col=9,title=bad-enum::bad 100%25 value\\nhere [bad-enum]")


def test_format_issue_escapes_characters_that_could_forge_lines_or_colour_the_terminal():
    issue = Issue("diagrams/x.yaml", 1, 1, "unknown field 'a\x1b[31m\ndiagrams/y.yaml:1:1: error: forged [x]'", "unknown-field")
    assert format_issue(issue) == ("diagrams/x.yaml:1:1: error: unknown field 'a\\x1b[31m\\ndiagrams/y.yaml:1:1: "
                                   "error: forged [x]' [unknown-field]")
