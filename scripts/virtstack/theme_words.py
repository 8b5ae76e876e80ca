"""Put the site's phrases into an edition's engine config, from words.py.

Input: an engine config (MkDocs' own, or the mapping scripts/zensical_build.py
writes for Zensical; both read the same keys) and the edition's language.
Output: the same config with the nav titled, the palette toggles and heading
links named, the description and each edition's menu name set, all in words
from words.THEME_WORDS and words.NAV_LABELS; and config.extra.words, the
words every edition's templates read (overrides/main.html, 404.html). The
config files hold no phrases, so a language is one column in words.py.
"""

from .languages import LANGUAGES
from .words import NAV_LABELS, THEME_WORDS

__all__ = ["TEMPLATE_WORDS", "template_words", "titled_nav", "with_words"]

# The words the templates look up, in every language: the 404 page picks its edition from the address.
TEMPLATE_WORDS = ("locale", "not-found-title", "not-found-intro", "not-found-start", "not-found-home")
# Material's palette scheme -> the words of its toggle, which switches to the other scheme.
TOGGLES = {"default": "switch-to-dark", "slate": "switch-to-light"}


def with_words(config, lang: str, toc: dict):
    """Return config with the edition's phrases in place; toc is its toc extension's settings."""
    words = THEME_WORDS[lang]
    config["site_description"] = words["site-description"]
    config["nav"] = titled_nav(config["nav"], lang)
    for palette in config["theme"]["palette"]:
        palette["toggle"]["name"] = words[TOGGLES[palette["scheme"]]]
    config["extra"]["alternate"] = [{"name": THEME_WORDS[edition["lang"]]["edition-name"], **edition}
                                    for edition in config["extra"]["alternate"]]
    config["extra"]["words"] = template_words()
    toc["permalink_title"] = words["permalink-title"]
    return config


def titled_nav(nav: list, lang: str) -> list:
    """Return the nav, each page (a path, or a titled path) under its title in lang."""
    pages = [next(iter(entry.values())) if isinstance(entry, dict) else entry for entry in nav]
    return [{NAV_LABELS[lang][page]: page} for page in pages]


def template_words() -> dict[str, dict[str, str]]:
    """Return the words the templates read, by language."""
    return {lang: {key: THEME_WORDS[lang][key] for key in TEMPLATE_WORDS} for lang in LANGUAGES}
