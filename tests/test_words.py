"""Tests for words.py and theme_words.py: one table holds the site's phrases, a column per language."""

import ast
import re

import pytest
from conftest import ROOT
from test_render_reference import _objects_of
from virtstack import schema, theme_words, words
from virtstack.issues import ISSUE_CODES
from virtstack.languages import LANGUAGES
from virtstack.render_reference import documented_fields, render_reference
from virtstack.style import RELATION_STYLE
from zensical_build import edition_config

TABLES = {name: getattr(words, name) for name in words.__all__}
# Files outside diagrams/ and docs/ru/ that may hold Cyrillic, and why: none of them is a table of the site's phrases.
CYRILLIC_ALLOWED = {
    "scripts/virtstack/words.py": "the site's phrases",
    "scripts/virtstack/examples.py": "the example model the reference page shows, texts in both languages",
    "scripts/bench.py": "a generated model to time builds with",
    "scripts/virtstack/typography.py": "the Russian typesetting rules (short words that keep their neighbour)",
    "scripts/virtstack/style_ru.py": "the Russian style sheet's rejected variants",
}
CYRILLIC_SEARCHED = ["scripts", "overrides", "docs/javascripts", "docs/stylesheets", "mkdocs.yml", "mkdocs.ru.yml"]


def shape(value):
    """Return the keys of a table, nested tables and the lengths of tuples, without the words themselves."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(shape(item) for item in value)
    return type(value).__name__


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_language_has_every_key_of_every_table(name):
    table = TABLES[name]
    assert list(table) == list(LANGUAGES)
    first = shape(table[LANGUAGES[0]])
    assert {lang: shape(table[lang]) for lang in LANGUAGES[1:]} == {lang: first for lang in LANGUAGES[1:]}


def test_every_phrase_is_written_out():
    def strings(value):
        return [s for item in value.values() for s in strings(item)] if isinstance(value, dict) else \
            [s for item in value for s in strings(item)] if isinstance(value, tuple) else [value]
    assert [(name, s) for name, table in TABLES.items() for s in strings(table) if not s.strip()] == []


def test_english_reference_words_say_what_the_rules_they_document_say():
    # A field doc in schema.py, or an issue code in issues.py, needs its entry here, in every language.
    english = words.REFERENCE_WORDS["en"]
    assert english["fields"] == documented_fields()
    assert english["issues"] is ISSUE_CODES  # one home: the checker reads its codes from the phrase table
    assert set(english["lines"]) == set(RELATION_STYLE.values())
    assert [style for style, name in english["lines"].items() if style != name] == []
    objects = {o.name for c in schema.COLLECTIONS.values() for o in _objects_of(c.item)}
    assert set(english["entities"]) == set(english["headings"]) == objects | {c.entity for c in schema.COLLECTIONS.values()} | {"statement"}
    assert {name: forms[:2] for name, forms in english["entities"].items()} == {name: (name, name) for name in english["entities"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_type_the_schema_uses_has_a_name(lang):
    used = {type(f.type.item if isinstance(f.type, schema.ListOf) else f.type).__name__
            for c in schema.COLLECTIONS.values() for o in _objects_of(c.item) for f in o.fields.values()}
    assert used - {"Obj", "Ref", "Enum"} <= set(words.REFERENCE_WORDS[lang]["types"])
    assert render_reference(lang).startswith(words.REFERENCE_WORDS[lang]["intro"])


def test_the_nav_titles_every_page_the_config_lists():
    for config in ("mkdocs.yml", "mkdocs.ru.yml"):
        assert edition_config(ROOT / config)["nav"] == list(words.NAV_LABELS["en"])


def test_the_config_files_hold_no_phrases():
    # Phrases come from words.py, through theme_words.with_words; a language is one column there.
    for name in ("mkdocs.yml", "mkdocs.ru.yml"):
        config = edition_config(ROOT / name)
        assert "site_description" not in config
        assert all(isinstance(page, str) for page in config["nav"])
        assert [set(p["toggle"]) for p in config["theme"]["palette"]] == [{"icon"}, {"icon"}]
        assert [set(edition) for edition in config["extra"]["alternate"]] == [{"link", "lang"}] * len(LANGUAGES)
        assert [e for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e] == [{"toc": {"permalink": True}}]


def test_with_words_puts_the_editions_phrases_into_a_config():
    config = {
        "nav": ["index.md", {"Old title": "about.md"}],
        "theme": {"language": "ru", "palette": [{"scheme": "default", "toggle": {"icon": "night"}},
                                                {"scheme": "slate", "toggle": {"icon": "sunny"}}]},
        "extra": {"alternate": [{"link": "/", "lang": "en"}, {"link": "/ru/", "lang": "ru"}]},
    }
    toc = {"permalink": True}
    assert theme_words.with_words(config, "ru", toc) == {
        "nav": [{"Главная": "index.md"}, {"О сайте": "about.md"}],
        "theme": {"language": "ru", "palette": [{"scheme": "default", "toggle": {"icon": "night", "name": "Включить тёмную тему"}},
                                                {"scheme": "slate", "toggle": {"icon": "sunny", "name": "Включить светлую тему"}}]},
        "extra": {
            "alternate": [{"name": "English", "link": "/", "lang": "en"}, {"name": "Русский", "link": "/ru/", "lang": "ru"}],
            "words": {
                "en": {"locale": "en_US", "not-found-title": "Page not found",
                       "not-found-intro": "There is no page at this address. Perhaps you meant one of these:",
                       "not-found-start": "Or start from", "not-found-home": "the home page"},
                "ru": {"locale": "ru_RU", "not-found-title": "Страница не найдена",
                       "not-found-intro": "По этому адресу страницы нет. Возможно, вы искали одну из этих:",
                       "not-found-start": "Или начните с", "not-found-home": "главной страницы"},
            },
        },
        "site_description": "Как связаны KVM, QEMU, libvirt и virt-manager — объяснение с источниками.",
    }
    assert toc == {"permalink": True, "permalink_title": "Ссылка на этот раздел"}


def test_templates_look_up_only_words_they_are_given():
    used = set()
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        used |= set(re.findall(r'\bw\["([a-z-]+)"\]', template.read_text(encoding="utf-8")))
    assert used and used <= set(theme_words.TEMPLATE_WORDS)


def test_no_cyrillic_outside_the_phrase_table_the_model_and_the_russian_pages():
    found = []
    for top in CYRILLIC_SEARCHED:
        paths = [ROOT / top] if (ROOT / top).is_file() else sorted((ROOT / top).rglob("*"))
        for path in paths:
            name = path.relative_to(ROOT).as_posix()
            if not path.is_file() or name in CYRILLIC_ALLOWED or "/vendor/" in name or "__pycache__" in name:
                continue
            found += [f"{name}:{number}: {text[:60]}" for number, text in _texts(path) if re.search("[А-Яа-яЁё]", text)]
    assert found == []


def _texts(path):
    """Yield (line, text) of a file's lines; of a Python file, its string literals but docstrings (comments are not code)."""
    source = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        yield from enumerate(source.splitlines(), 1)
        return
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    yield from ((node.lineno, node.value) for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)

