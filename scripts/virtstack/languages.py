"""The languages of the site: each is an edition, the first is published at the root.

A leaf module, so that anything (schema, urls, the phrase tables) can ask it
without an import cycle; schema re-exports both names.
"""

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "REQUIRED_LANGUAGES"]

# Languages a text may have, and those every text must have.
LANGUAGES = ("en", "ru")
REQUIRED_LANGUAGES = ("en", "ru")
# What the checker's messages (which are in English) call each language.
LANGUAGE_NAMES = {"en": "English", "ru": "Russian"}
