"""Tests for render_reference.py and examples.py: the reference page matches the checker."""

import ast
import html
import re

import pytest
from conftest import ROOT
from virtstack import schema
from virtstack.examples import EXAMPLES
from virtstack.issues import ISSUE_CODES
from virtstack.load import load_documents
from virtstack.render_reference import REFERENCE_WORDS, documented_fields, render_reference
from virtstack.style import RELATION_STYLE
from virtstack.urls import issue_anchor
from virtstack.validate import validate_model

# Latin words the Russian page may use outside code: names, formats, and the
# model's own keys and values (collected from the schema below).
LATIN_NAMES = {"Arch", "Debian", "Fedora", "Linux", "RHEL", "SPDX", "URL", "UTF", "Ubuntu", "VMM", "YAML",
               "YYYY", "MM", "DD", "http", "https", "diagrams", "published", "txt", "yaml", "statement", "true",
               "JSON", "Schema"}


@pytest.mark.parametrize("required", [("en",), ("en", "ru")])
def test_the_examples_together_are_a_valid_model_without_warnings(tmp_path, monkeypatch, required):
    monkeypatch.setattr(schema, "REQUIRED_LANGUAGES", required)
    folder = tmp_path / "diagrams"
    folder.mkdir()
    for name, text in EXAMPLES.items():
        (folder / name).write_text(text)
    documents, issues = load_documents(folder, tmp_path)
    model, found = validate_model(documents)
    assert issues + found == []
    assert model is not None


def test_every_model_file_has_an_example():
    assert list(EXAMPLES) == list(schema.COLLECTIONS)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_reference_documents_every_field_kind_and_issue_code(lang):
    page = render_reference(lang)
    for collection in schema.COLLECTIONS.values():
        for key in collection.item.fields:
            assert f"| `{key}` |" in page
    for kind in schema.COMPONENT_KINDS + schema.RELATION_KINDS + schema.VERDICTS:
        assert f"| `{kind}` |" in page
    for code in ISSUE_CODES:
        assert f"| `{code}`{{#issue-{code}}} |" in page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_issue_code_has_the_anchor_the_check_links_to(lang):
    # `cli.py check` prints <site>reference/#issue-<code> after the issue lines (tests/test_cli.py).
    anchors = re.findall(r"\{#(issue-[a-z-]+)\}", render_reference(lang))
    assert anchors == ["issue-codes"] + [issue_anchor(code) for code in ISSUE_CODES]


CODE_ARGUMENT = {"Issue": 4, "_issue": 3}  # the position of `code` in Issue(path, line, col, message, code) and
                                          # validate._issue(doc, path, message, code)


def issue_codes_in(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Return the codes written out in a module's Issue(...) and _issue(...) calls, and the names of the
    functions whose calls pass a code that is not written out."""
    codes, passed_on = set(), set()
    for function in (f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for call in ast.walk(function):
            position = CODE_ARGUMENT.get(getattr(call, "func", None) and getattr(call.func, "id", None))
            if not isinstance(call, ast.Call) or position is None:
                continue
            arguments = call.args
            if any(isinstance(a, ast.Starred) for a in arguments):  # Issue(shown, *_mark(node), message, code[, severity])
                last = arguments[-1]
                is_severity = (isinstance(last, ast.Constant) and last.value in ("error", "warning")
                               or isinstance(last, ast.Name) and last.id == "severity")
                arguments = [None] * position + [arguments[-2] if is_severity else last]
            positional = arguments[position] if len(arguments) > position else None
            code = next((k.value for k in call.keywords if k.arg == "code"), positional)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                codes.add(code.value)
            else:
                passed_on.add(function.name)
    return codes, passed_on


def test_issue_codes_list_every_code_the_checker_can_emit():
    emitted, passed_on = set(), set()
    for module in sorted((ROOT / "scripts/virtstack").rglob("*.py")):
        codes, functions = issue_codes_in(ast.parse(module.read_text(encoding="utf-8")))
        emitted |= codes
        passed_on |= {f"{module.name}:{name}" for name in functions}
    # Only validate._issue hands on a code it was given; every other call names its code, so none is missed here.
    assert passed_on == {"validate.py:_issue"}
    assert sorted(emitted - set(ISSUE_CODES)) == [], "emitted but not listed in issues.ISSUE_CODES"
    assert sorted(set(ISSUE_CODES) - emitted) == [], "listed in issues.ISSUE_CODES but never emitted"


def test_reference_page_starts_with_the_rules_and_the_first_file():
    page = render_reference()
    assert page.startswith("# Model reference {#top}\n\nThe site is generated from YAML files in `diagrams/`.")
    assert ("Every text is a mapping of language to string, and needs both languages:\n"
            '`{en: "...", ru: "..."}`.') in page
    assert "| `sources` | list of source ids (at least one) | yes | ids of the sources that back it |" in page


def test_russian_page_opens_with_the_rules_in_russian():
    assert render_reference("ru").startswith("""\
# Справочник по модели {#top}

Сайт генерируется из YAML-файлов в каталоге `diagrams/`. На этой странице
перечислены все файлы, все поля и все допустимые значения. Она создаётся из тех
же правил, которые применяет `make check`, и каждый пример ниже проходит
проверку в том виде, в каком он приведён.

Каждый текст — это словарь «язык → строка», и в нём должны быть оба языка:
`{en: "...", ru: "..."}`. Пара обратных кавычек в тексте обозначает код,
другой разметки нет. *Утверждение* (statement) записывается как
`{text: {en: "...", ru: "..."}, sources: [id источников]}`, а если сказанное
в нём может устареть, то и `as_of: "YYYY-MM"` — месяц, когда оно в последний
раз подтвердилось; он показывается на странице (через 18 месяцев `make check`
предупредит). Идентификатор (id)
состоит из строчных латинских букв и цифр, соединённых одиночными дефисами.
Любой файл, кроме `layers.yaml`, можно разбить на части, например
`components.yaml` и `components.tools.yaml`. Даты пишутся в кавычках,
`"2007-02-04"`: без кавычек другие инструменты для YAML читают их как числа
или метки времени, поэтому `make check` такие даты не принимает.

## layers.yaml {#layers}

Список уровней под ключом `layers`.

### Уровень {#layers-layer}

<div class="vs-scroll" role="region" tabindex="0" aria-label="Уровень: поля" markdown>

| поле | значение | обязательное | назначение |
""")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_example_is_a_code_block_of_lines_that_know_their_indentation(lang):
    blocks = re.findall(r'<pre class="vs-yaml"><code class="language-yaml">(.*?)</code></pre>', render_reference(lang), re.DOTALL)
    assert len(blocks) == len(EXAMPLES)
    for block, example in zip(blocks, EXAMPLES.values(), strict=True):
        lines = re.findall(r'<span class="vs-line" style="--indent: (\d+)ch">(.*?)</span>', block)
        assert "\n".join(f'<span class="vs-line" style="--indent: {n}ch">{t}</span>' for n, t in lines) == block
        texts = [html.unescape(text) for _, text in lines]
        assert "\n".join(texts) == example.rstrip("\n")
        assert [int(n) for n, _ in lines] == [len(t) - len(t.lstrip(" ")) for t in texts]


def test_each_fields_table_sits_in_a_named_region_in_the_tab_order():
    page = render_reference()
    region = '<div class="vs-scroll" role="region" tabindex="0" aria-label="{}" markdown>'
    opened = re.findall(r"\n### (\w+) \{#[a-z-]+\}\n\n" + re.escape(region).replace(r"\{\}", r"(\w+): fields")
                        + r"\n\n\| field \| value \| required \| meaning \|\n", page)
    assert len(opened) == page.count("| field | value | required | meaning |") == page.count("\n</div>\n") > 10
    assert all(heading == label for heading, label in opened)
    assert "\n\n" + region.format("Уровень: поля") + "\n\n| поле | значение |" in render_reference("ru")


def test_russian_rows_say_in_russian_what_each_field_is():
    page = render_reference("ru")
    assert "| `sources` | непустой список идентификаторов источников | да | источники, на которых основаны эти сведения |" in page
    assert "| `steps` | непустой список шагов (см. ниже) |  | для схем path: пронумерованные шаги |" in page
    assert "Список выводов под ключом `claims`. Этот файл необязателен." in page
    assert ("| `missing-translation`{#issue-missing-translation} | "
            "в тексте нет одного из языков, обязательных для всех текстов |") in page


def test_both_pages_have_the_same_anchors_in_the_same_order():
    anchors = {lang: re.findall(r"\{#([a-z0-9-]+)\}", render_reference(lang)) for lang in ("en", "ru")}
    assert anchors["ru"] == anchors["en"]
    assert len(set(anchors["en"])) == len(anchors["en"])


def test_russian_table_has_exactly_one_entry_for_every_english_one():
    ru, en = REFERENCE_WORDS["ru"], REFERENCE_WORDS["en"]
    assert set(ru["fields"]) == set(documented_fields())
    assert list(ru["issues"]) == list(ISSUE_CODES)
    assert set(ru["lines"]) == set(RELATION_STYLE.values())
    objects = {o.name for c in schema.COLLECTIONS.values() for o in _objects_of(c.item)}
    refs = {c.entity for c in schema.COLLECTIONS.values()} | {"statement"}
    assert set(ru["entities"]) == objects | refs
    assert set(ru) == set(en)
    assert set(ru["types"]) == set(en["types"])
    assert all(value.strip() for value in [*ru["fields"].values(), *ru["issues"].values()])


def test_russian_page_has_no_english_prose():
    outside_examples = re.sub(r"<pre class=\"vs-yaml\">.*?</pre>", "", render_reference("ru"), flags=re.DOTALL)
    # A tag's only prose is the name it gives a region.
    outside_examples = re.sub(r"<[^>]*>", lambda tag: " ".join(re.findall(r'aria-label="([^"]*)"', tag[0])), outside_examples)
    english = [*documented_fields().values(), *ISSUE_CODES.values()]
    english += [v for v in REFERENCE_WORDS["en"].values() if isinstance(v, str) and "{" not in v]
    for text in english:
        assert text not in outside_examples
    prose = re.sub(r"`[^`]*`|\{#[^}]*\}|\]\([^)]*\)", "", outside_examples)
    allowed = LATIN_NAMES | _schema_words()
    assert {w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", prose) if w not in allowed} == set()


def test_english_page_keeps_its_english_words():
    page = render_reference("en")
    for doc in documented_fields().values():
        assert f"| {doc} |" in page
    assert "| `accelerates` | bold |" in page
    assert "Справочник" not in page


def _objects_of(spec: schema.Obj) -> list[schema.Obj]:
    """Return an object spec and every object spec nested in it but statements."""
    found = [spec]
    for fld in spec.fields.values():
        inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
        if isinstance(inner, schema.Obj) and inner.name != "statement":
            found += _objects_of(inner)
    return found


def _schema_words() -> set[str]:
    """Return every key, value and file name the schema defines, split into words."""
    names = set()
    for name, collection in schema.COLLECTIONS.items():
        names |= {name, collection.key}
        for obj in _objects_of(collection.item):
            names |= set(obj.fields)
            names |= {v for f in obj.fields.values() if isinstance(f.type, schema.Enum) for v in f.type.values}
    return {w for name in names for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", name)}
