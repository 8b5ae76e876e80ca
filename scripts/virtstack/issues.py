"""Located problems in the model, and the one exception that carries them.

Every step that checks input returns a list of Issue; the pipeline raises
ModelError with all of them at once, and the CLI and the MkDocs hook print
them with format_issue in the `path:line:col: severity: message [code]` shape.
"""

from dataclasses import dataclass

__all__ = ["ISSUE_CODES", "Issue", "ModelError", "format_github", "format_issue"]

# Every code an issue can carry, and what it means; the model reference lists them.
ISSUE_CODES = {
    "yaml-syntax": "the file is not valid YAML (or not UTF-8)",
    "too-large": "the file is over 1 MiB, nests deeper than 32 levels, or expands past 100,000 values",
    "duplicate-key": "a mapping names the same key twice",
    "missing-file": "a model file every model needs is missing",
    "unknown-file": "a YAML file in diagrams/ that is not a model file",
    "bad-type": "a value of the wrong type (a string where a list belongs, …)",
    "unknown-field": "a field the entity does not have (often a typo)",
    "missing-field": "a required field is missing",
    "todo": "a value still holds the TODO placeholder that `make new` wrote",
    "empty": "a blank string or an empty list where content is required",
    "bad-id": "an id that is not lowercase letters and digits joined by hyphens",
    "bad-url": "a URL that is not http:// or https://",
    "bad-date": "a date that is not quoted, not YYYY, YYYY-MM or YYYY-MM-DD, or not in the calendar",
    "bad-enum": "a value that is not one of the allowed ones",
    "unknown-ref": "an id that no entity defines",
    "unknown-language": "a text in a language the site does not have",
    "missing-translation": "a text without a language every text needs",
    "duplicate-id": "two entities with the same id (for relations: same from, kind and to)",
    "home-view": "not exactly one view has home: true",
    "bad-text": "a text holds a control character, or a lone surrogate, that no page or diagram can show",
    "bad-placeholder": "a relation's sentence lacks `{from}` or `{to}`, holds one twice, or holds an unknown `{placeholder}`",
    "too-long": "a string longer than 5,000 characters",
    "ru-style": "a Russian text uses a variant the Russian style sheet (STYLE.ru.md) rejects; the message says "
                "what to write (only `make check` looks)",
    "gone-address": "an address listed in diagrams/published.txt no longer exists: no alias keeps it, "
                    "and retired.yaml does not retire it",
    "retired-exists": "an id in retired.yaml that the model still has, as an id or among 'aliases'",
    "unused-source": "warning: a source nothing cites",
    "no-relations": "warning: a component no relation touches",
    "stale": "warning: a source's `checked`, or a fact's `as_of`, is more than 18 months old (only `make check` looks)",
    "unregistered-address": "warning: addresses the site has that diagrams/published.txt does not list yet "
                            "(run `make addresses`)",
}


@dataclass(frozen=True, order=True)
class Issue:
    """One problem, located at a 1-based line and column of a model file."""

    path: str
    line: int
    col: int
    message: str
    code: str
    severity: str = "error"


def format_issue(issue: Issue) -> str:
    """Return the issue as one `path:line:col: severity: message [code]` line.

    Messages quote values from files strangers write; a control character in
    one could colour the terminal or start a forged second line, so every
    unprintable character is shown escaped.
    """
    return (
        f"{printable(issue.path)}:{issue.line}:{issue.col}: "
        f"{issue.severity}: {printable(issue.message)} [{issue.code}]"
    )


def printable(text: str) -> str:
    """Return text with every unprintable character written as a Python escape."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def format_github(issue: Issue) -> str:
    """Return the issue as a GitHub Actions workflow command, shown on the pull request's diff."""
    message = f"{printable(issue.message)} [{issue.code}]".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = issue.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{issue.severity} file={path},line={issue.line},col={issue.col},title={issue.code}::{message}"


class ModelError(Exception):
    """Raised when the model has errors; carries every issue found."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(issues)
        super().__init__("\n".join(format_issue(i) for i in self.issues))
