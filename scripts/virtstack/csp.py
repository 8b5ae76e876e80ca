"""A Content-Security-Policy for every page of a built site, whatever engine built it.

GitHub Pages sends no headers, so the policy is a `<meta http-equiv>` tag,
the first thing in each page's head. Scripts come only from the site itself;
an inline script runs only if its SHA-256 is listed. The engine's own inline
scripts differ by page depth (Material's `__md_scope=new URL("../..")`), and
instant navigation keeps the first page's policy while it swaps in others,
so every page of an edition lists the hashes of every inline script in that
edition. No `eval`, no other origin. Styles may be inline: the diagrams and
the theme set style attributes. Pure: {path: HTML} in, {path: HTML} out;
`scripts/cli.py csp SITE` (and the MkDocs hook, after each build) applies it
to a built site.
"""

import base64
import hashlib
import re

__all__ = ["POLICY", "inline_scripts", "policy", "with_policy"]

# Everything but scripts' hashes; a source list per directive, in a fixed order.
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_DATA = re.compile(r"""\stype\s*=\s*["']?application/(?:ld\+)?json""", re.I)
_META = re.compile(r'\n?\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)
# After the charset (which must come within the first 1024 bytes), before any script.
_HEAD = re.compile(r"<head(?:\s[^>]*)?>(?:\s*<meta charset=[^>]*>)?", re.I)


def inline_scripts(html: str) -> list[str]:
    """Return the text of every inline script a browser would run (not src=, not JSON data)."""
    return [m["body"] for m in _SCRIPT.finditer(html) if not _SRC.search(m["attrs"]) and not _DATA.search(m["attrs"])]


def _hash(script: str) -> str:
    """Return a script's CSP hash source: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(pages: dict[str, str]) -> str:
    """Return the policy for an edition's pages: POLICY with the hashes of all their inline scripts, sorted."""
    hashes = sorted({_hash(script) for html in pages.values() for script in inline_scripts(html)})
    return "; ".join(f"{name} {' '.join([sources, *hashes]) if name == 'script-src' else sources}"
                     for name, sources in POLICY)


def with_policy(pages: dict[str, str]) -> dict[str, str]:
    """Return every page with the edition's policy as the first tag of its head, replacing an earlier one."""
    pages = {path: _META.sub("", html) for path, html in pages.items()}
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(pages)}">'
    return {path: _HEAD.sub(lambda head: f"{head[0]}\n  {tag}", html, count=1) for path, html in pages.items()}
