"""The model's dates as readers write them, in every language of the site.

Input: a partial ISO date as the model holds it ("1998-02-10", "2003-03",
"1998") and a language. Output: plain text, "10 February 1998",
"March 2003", "1998" in English; «10 февраля 1998 г.», «март 2003 г.»,
«1998 г.» in Russian. The patterns and month names are site phrases, in
words.py (DATE_FORMATS, MONTH_NAMES). Pure; the renderers escape the text
and keep the ISO date where machines read it (`<time datetime>`).
"""

from .words import DATE_FORMATS, MONTH_NAMES

__all__ = ["date_text", "date_when"]

_PRECISION = ("year", "month", "day")  # by the number of parts: YYYY, YYYY-MM, YYYY-MM-DD


def date_text(date: str, lang: str, start: bool = False) -> str:
    """Return a date in words; capitalised when it starts an entry («Март 2003 г.: …»)."""
    text = _words(date, lang, "")
    return text[:1].upper() + text[1:] if start else text


def date_when(date: str, lang: str) -> str:
    """Return a date to follow a verb: "on 10 February 1998", "in March 2003"; «10 февраля 1998 г.», «в марте 2003 г.»."""
    return _words(date, lang, "when-")


def _words(date: str, lang: str, use: str) -> str:
    """Return the date through the pattern for its precision and use ("" or "when-")."""
    parts = date.split("-")
    key = use + _PRECISION[len(parts) - 1]
    month = MONTH_NAMES[lang][key][int(parts[1]) - 1] if len(parts) > 1 else ""
    day = str(int(parts[2])) if len(parts) > 2 else ""
    return DATE_FORMATS[lang][key].format(day=day, month=month, year=parts[0])
