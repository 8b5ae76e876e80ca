"""Located problems in the model, and the one exception that carries them.

Every step that checks input returns a list of Issue; the pipeline raises
ModelError with all of them at once, and the CLI and the MkDocs hook print
them with format_issue in the `path:line:col: severity: message [code]` shape.
"""

from dataclasses import dataclass

from .words import REFERENCE_WORDS

__all__ = ["ISSUE_CODES", "Issue", "ModelError", "format_github", "format_issue"]

# Every code an issue can carry, and what it means; the phrase table holds the words, the model reference lists them.
ISSUE_CODES = REFERENCE_WORDS["en"]["issues"]


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
