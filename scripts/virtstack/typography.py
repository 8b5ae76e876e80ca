"""Russian typography for every page of a built edition: non-breaking spaces where Russian print puts them.

Pure: {path: HTML} in, {path: HTML} out, like csp.py; the MkDocs hook and
the Zensical build apply it to every page of the editions in LANGUAGES,
generated and hand-written alike. Only text is changed: tags, attributes,
comments and everything inside OPAQUE elements (code, scripts, SVG…) come
out byte for byte. The rules (after Мильчин, «Справочник издателя и автора»):

- a space after a short word (SHORT_WORDS: one- and two-letter prepositions,
  conjunctions and particles such as «в», «и», «на», «не») becomes U+00A0,
  so that the word starts the line with what follows it;
- so does a space before «же», «ли», «бы», which belong to the word before;
- and a space before an em dash: «KVM — модуль ядра»;
- a number keeps its unit or short word: «15 мая», «107 млн», «2007 г.»,
  «2.6.20 в»; «15%» becomes «15 %» (ГОСТ 8.417), and «№ 5» is kept whole;
- initials stay with the name: «Дэниел П. Берранже», «т. е.».

Inline elements (links, emphasis, <time>…) do not interrupt a rule; block
elements do. Applying it twice gives the same page as applying it once.
A small tokenizer (_TAG: comments, declarations, tags with quoted attribute
values) splits the page; it is several times quicker than html.parser on
SVG-heavy pages (the whole Russian edition in about 0.4 s), which matters
under serve.
"""

import re

from .words import MONTH_NAMES

__all__ = ["LANGUAGES", "typeset", "typeset_pages"]

LANGUAGES = ("ru",)  # the editions whose pages are typeset
NBSP = "\u00a0"
SHORT_WORDS = ("а", "в", "и", "к", "о", "с", "у", "я", "во", "да", "до", "за", "из", "ко", "на", "не", "ни", "но",
               "об", "от", "по", "со", "из-за", "из-под")
PARTICLES = ("же", "ли", "бы")  # these lean on the word before them
UNITS = ("г", "гг", "в", "вв", "тыс", "млн", "млрд", "трлн", "год", "года", "году", "годы", "годах", "лет", "раз", "раза",
         "%", "‰", "бит", "байт", "КБ", "МБ", "ГБ", "ТБ", "КиБ", "МиБ", "ГиБ", "ТиБ", "Кбайт", "Мбайт", "Гбайт",
         "Мбит", "Гбит", "кГц", "МГц", "ГГц", "нс", "мкс", "мс", "с", "мин", "ч", *MONTH_NAMES["ru"]["day"])
# Elements whose content is never typeset; those in BLOCK_OPAQUE also end a rule, the others count as a word.
OPAQUE = frozenset({"code", "kbd", "samp", "pre", "script", "style", "svg", "math", "textarea", "title", "template"})
BLOCK_OPAQUE = frozenset({"pre", "script", "style", "svg", "math", "textarea", "title", "template"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "i", "ins", "mark", "q", "s",
                    "small", "span", "strong", "sub", "sup", "time", "u", "var"})

# In the flattened text a tag is one character: TAG (inline, see-through), WORD (an opaque
# inline element, read as a word) or BREAK (anything else). Each rule turns one space into
# U+00A0, so the flattened text keeps its length and splits back into the page's pieces.
TAG, WORD, BREAK = "\ue000", "\ue001", "\ue002"
_SPACE = "[ \n]"  # one ordinary space or line break; a run of them is left alone
_BEFORE = "(?<![\\w&#-])"  # a word starts here: not inside a word, an entity or a number
_WORD_END = "(?![\\w-])"
_TEXT = f"[^\\s{BREAK}]"  # text, not a space or the end of a block


def _words(words) -> str:
    """Return a regular expression for any of the words, longest first, ending where a word ends."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" + _WORD_END


def _after(before: str, then: str, flags: int = 0) -> re.Pattern:
    """Return a rule: the space after `before` (group 1, with any inline tags after it), when `then` follows."""
    return re.compile(f"({before}{TAG}*){_SPACE}(?={TAG}*{then})", flags)


_RULES = (
    # a short word keeps the word after it: «в ядре», «и QEMU» (the look-ahead first, for speed)
    _after(f"(?=[{''.join(sorted({w[0] for w in SHORT_WORDS}))}]){_BEFORE}{_words(SHORT_WORDS)}", _TEXT, re.I),
    # «же», «ли», «бы» keep the word before them
    _after(_TEXT, _words(PARTICLES)),
    # a dash keeps the word before it: «KVM — модуль»
    _after(_TEXT, "(?:—|&mdash;|&#8212;|&#x2014;)"),
    # a number keeps its unit or a short word: «15 мая», «107 млн», «15 %», «2.6.20 в»
    _after("(?=\\d)(?<![\\w&#.,-])\\d+(?:[.,]\\d+)*", f"(?:{_words(UNITS)}|[а-яёa-z]{{1,2}}{_WORD_END})", re.I),
    _after("[№§]", "\\d"),  # «№ 5»
    # an initial keeps the name: «П. Берранже»; so do «т. е.», «т. д.», «т. п.», «т. к.»
    _after(f"(?=[A-ZА-ЯЁ]\\.){_BEFORE}[A-ZА-ЯЁ]\\.", "[A-ZА-ЯЁ]"),
    _after(f"(?=т\\.){_BEFORE}т\\.", "[едпк]\\."),
)
_PERCENT = re.compile(r"(?<![\w&#])(\d+(?:[.,]\d+)*)%")  # inside one piece of text: «15%» → «15 %»


def typeset_pages(pages: dict[str, str]) -> dict[str, str]:
    """Return every page of an edition typeset."""
    return {path: typeset(html) for path, html in pages.items()}


def typeset(html: str) -> str:
    """Return a page with non-breaking spaces where Russian typography wants them; only its text changes."""
    pieces = [(kind, _PERCENT.sub(f"\\1{NBSP}%", raw) if kind == "text" and "%" in raw else raw)
              for kind, raw in _pieces(html)]
    flat = "".join(raw if kind == "text" else kind for kind, raw in pieces)
    for rule in _RULES:
        flat = rule.sub(f"\\1{NBSP}", flat)
    out, at = [], 0
    for kind, raw in pieces:
        out.append(flat[at:at + len(raw)] if kind == "text" else raw)
        at += len(raw) if kind == "text" else 1
    return "".join(out)


def _pieces(html: str) -> list[tuple[str, str]]:
    """Return the page as (kind, source text) pieces in order: kind "text", or TAG, WORD or BREAK."""
    pieces, at = [], 0
    while tag := _TAG.search(html, at):
        if tag.start() > at:
            pieces.append(("text", html[at:tag.start()]))
        kind, at = _kind(html, tag)
        pieces.append((kind, html[tag.start():at]))
    if at < len(html):
        pieces.append(("text", html[at:]))
    return pieces


# A comment, a declaration, or a start or end tag (group 1: "/" for an end tag; group 2: the name),
# whose quoted attribute values may hold ">". A "<" that starts none of these is text.
_ATTRIBUTES = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_TAG = re.compile(rf"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>]){_ATTRIBUTES}>", re.S)
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})  # their content is text up to their end tag


def _kind(html: str, tag: re.Match) -> tuple[str, int]:
    """Return a tag's kind of piece and where its piece ends: after the tag, or after an opaque element's end tag."""
    if tag[2] is None:
        return (TAG if tag[0].startswith("<!--") else BREAK), tag.end()
    name = tag[2].lower()
    if tag[1] or name not in OPAQUE or tag[0].endswith("/>"):
        return (TAG if name in INLINE else BREAK), tag.end()
    return (BREAK if name in BLOCK_OPAQUE else WORD), _element_end(html, name, tag.end())


def _element_end(html: str, name: str, at: int) -> int:
    """Return where the element opened just before at ends: after its end tag, counting the same elements inside."""
    if name in RAW_TEXT:
        end = re.compile(rf"</{name}\s*>", re.I).search(html, at)
        return end.end() if end else len(html)
    depth = 1
    for tag in re.compile(rf"<(/?){name}(?=[\s/>]){_ATTRIBUTES}>", re.I).finditer(html, at):
        depth += -1 if tag[1] else 0 if tag[0].endswith("/>") else 1
        if depth == 0:
            return tag.end()
    return len(html)
