"""Write the model reference page from the checker's own specs.

Input: schema.COLLECTIONS, the kind labels and the examples. Output: the
Markdown of reference.md in one language, which documents every file, field,
kind and relation type, so the documentation cannot drift from what
`make check` accepts. Pure: no I/O.
"""

from . import schema
from .escape import html_text
from .examples import EXAMPLES
from .export import VERSION
from .issues import ISSUE_CODES
from .style import RELATION_STYLE
from .urls import issue_anchor
from .words import KIND_LABELS, VERDICT_LABELS

__all__ = ["REFERENCE_WORDS", "documented_fields", "render_reference"]

# The page's own words, per language. English field meanings, issue meanings
# and line styles are not repeated here: they are read from the rules they
# document (schema.py `doc=`, issues.ISSUE_CODES, style.RELATION_STYLE). Every
# other language gives them in "fields" (keyed "<object>.<field>", for the
# fields that have a doc), "issues" (keyed by code) and "lines" (keyed by
# style), and gives its entity names in "entities" as (nominative, genitive,
# genitive plural). Templates take {one}, {of_one}, {of_many} of an entity.
REFERENCE_WORDS = {
    "en": {
        "intro": """\
# Model reference {#top}

The site is generated from YAML files in `diagrams/`. This page lists every
file, every field and every allowed value; it is written from the same rules
`make check` applies. Each example below passes the check as it stands.

Every text is a mapping of language to string, and needs both languages:
`{en: "...", ru: "..."}`. In texts a pair of backticks marks code; nothing
else is markup. A *statement* is
`{text: {en: "...", ru: "..."}, sources: [source ids]}`. Ids are lowercase
letters and digits joined by single hyphens. Any file but `layers.yaml` may
be split into parts: `components.yaml` plus `components.tools.yaml`, and so on.
Dates are written in quotes, `"2007-02-04"`: unquoted, other YAML tools read
them as numbers or timestamps, so `make check` refuses them.
""",
        "collection": "A list of {of_many} under the key `{key}`.",
        "optional": " It is optional.",
        "fields-head": "| field | value | required | meaning |",
        "fields-region": "{heading}: fields",
        "yes": "yes",
        "example": "Example:",
        "list": "list of {items}",
        "non-empty-list": "list of {items} (at least one)",
        "one-of": "one of {values}",
        "ref": "{one} id",
        "refs": "{one} ids",
        "below": "{one} (below)",
        "below-many": "{one} (below)s",
        "types": {   # value type: (one, many)
            schema.Str: ("string", "strings"), schema.Id: ("id", "ids"),
            schema.Url: ("http(s) URL", "http(s) URLs"),
            schema.Date: ('`"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`', 'dates `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`'),
            schema.Bool: ("`true` or `false`", "`true` or `false` values"),
            schema.Text: ("text `{en: ..., ru: ...}`", "texts `{en: ..., ru: ...}`"),
            schema.Words: ("words `{en: [...], ru: [...]}`", "word lists `{en: [...], ru: [...]}`"),
        },
        "kinds-heading": "Component kinds",
        "kinds-head": "| kind | shown as |",
        "relation-kinds-heading": "Relation kinds",
        "relation-kinds-intro": "A relation reads as a sentence: *from* *label* *to*. Its kind sets the line it is drawn with.",
        "relation-kinds-head": "| kind | line |",
        "verdicts-heading": "Verdicts",
        "verdicts-head": "| verdict | shown as |",
        "issues-heading": "Issue codes",
        "issues-intro": """\
`make check` prints each problem on one line, `path:line:col: error: message [code]`,
and after them, for each code, the address of its row in this table. A value
that still holds `TODO` is a placeholder that `make new` wrote: write the
real value, or remove the field if it is optional.
""",
        "issues-head": "| code | what it means |",
        "data-heading": "The model as data",
        "data": """\
Every build publishes the checked model as [`model.json`](model.json),
with its JSON Schema, [`model.schema.json`](model.schema.json), so the map
can be reused without reading pages. Each edition has the same two files at
its root. It holds each list of this reference under its key
(`layers`, `components`, `relations`, …), every entity with the fields
described above, texts in both languages; optional fields that are empty
are left out, and a relation also carries its `id` (*from*-*kind*-*to*).

Each entity has `addresses`: for each language, where the site shows it
(its page, or its anchors) as paths from the site's root, the same form as
in `diagrams/published.txt`. `site_url` is the site's address the build
was made for. `version` is the format's version, now {version}: a new field keeps it,
a field removed or changed in meaning raises it. The same model always
gives the same file, byte for byte.
""",
    },
    "ru": {
        "intro": """\
# Справочник по модели {#top}

Сайт генерируется из YAML-файлов в каталоге `diagrams/`. На этой странице
перечислены все файлы, все поля и все допустимые значения. Она создаётся из тех
же правил, которые применяет `make check`, и каждый пример ниже проходит
проверку в том виде, в каком он приведён.

Каждый текст — это словарь «язык → строка», и в нём должны быть оба языка:
`{en: "...", ru: "..."}`. Пара обратных кавычек в тексте обозначает код,
другой разметки нет. *Утверждение* (statement) записывается как
`{text: {en: "...", ru: "..."}, sources: [id источников]}`. Идентификатор (id)
состоит из строчных латинских букв и цифр, соединённых одиночными дефисами.
Любой файл, кроме `layers.yaml`, можно разбить на части, например
`components.yaml` и `components.tools.yaml`. Даты пишутся в кавычках,
`"2007-02-04"`: без кавычек другие инструменты для YAML читают их как числа
или метки времени, поэтому `make check` такие даты не принимает.
""",
        "collection": "Список {of_many} под ключом `{key}`.",
        "optional": " Этот файл необязателен.",
        "fields-head": "| поле | значение | обязательное | назначение |",
        "fields-region": "{heading}: поля",
        "yes": "да",
        "example": "Пример:",
        "list": "список {items}",
        "non-empty-list": "непустой список {items}",
        "one-of": "одно из значений: {values}",
        "ref": "идентификатор {of_one}",
        "refs": "идентификаторов {of_many}",
        "below": "{one} (см. ниже)",
        "below-many": "{of_many} (см. ниже)",
        "types": {   # value type: (one, after «список»)
            schema.Str: ("строка", "строк"), schema.Id: ("идентификатор", "идентификаторов"),
            schema.Url: ("URL (http или https)", "URL (http или https)"),
            schema.Date: ('`"YYYY"`, `"YYYY-MM"` или `"YYYY-MM-DD"`', 'дат `"YYYY"`, `"YYYY-MM"` или `"YYYY-MM-DD"`'),
            schema.Bool: ("`true` или `false`", "значений `true` или `false`"),
            schema.Text: ("текст `{en: ..., ru: ...}`", "текстов `{en: ..., ru: ...}`"),
            schema.Words: ("слова `{en: [...], ru: [...]}`", "списков слов `{en: [...], ru: [...]}`"),
        },
        "kinds-heading": "Типы компонентов",
        "kinds-head": "| тип | подпись на сайте |",
        "relation-kinds-heading": "Типы связей",
        "relation-kinds-intro": "Связь читается как предложение: *from* *label* *to*. "
                                "От её типа зависит, какой линией она нарисована на схеме.",
        "relation-kinds-head": "| тип | линия |",
        "verdicts-heading": "Оценки",
        "verdicts-head": "| оценка | подпись на сайте |",
        "issues-heading": "Коды ошибок и предупреждений",
        "issues-intro": """\
`make check` выводит каждую проблему одной строкой,
`path:line:col: error: message [code]`, а после них — для каждого кода адрес
его строки в этой таблице. Значение `TODO` — это заготовка, которую оставила
команда `make new`: впишите вместо неё настоящее значение или удалите поле,
если оно необязательное.
""",
        "issues-head": "| код | что означает |",
        "entities": {
            "layer": ("уровень", "уровня", "уровней"),
            "component": ("компонент", "компонента", "компонентов"),
            "licence": ("лицензия", "лицензии", "лицензий"),
            "first_release": ("первый выпуск", "первого выпуска", "первых выпусков"),
            "packages": ("пакеты", "пакетов", "пакетов"),
            "relation": ("связь", "связи", "связей"),
            "source": ("источник", "источника", "источников"),
            "view": ("схема", "схемы", "схем"),
            "step": ("шаг", "шага", "шагов"),
            "column": ("колонка", "колонки", "колонок"),
            "claim": ("вывод", "вывода", "выводов"),
            "question": ("вопрос", "вопроса", "вопросов"),
            "section": ("раздел", "раздела", "разделов"),
            "event": ("событие", "события", "событий"),
            "term": ("термин", "термина", "терминов"),
            "statement": ("утверждение", "утверждения", "утверждений"),
            "retirement": ("удаление", "удаления", "удалений"),
        },
        "fields": {
            "component.id": "постоянный: из него строятся URL и якоря",
            "component.also_known_as": "другие названия, под которыми его знают",
            "component.summary": "одно предложение о том, что это такое",
            "component.sources": "источники, на которых основаны эти сведения",
            "component.description": "абзацы, у каждого свои источники",
            "layer.aliases": "прежние идентификаторы: остаются якорями на странице уровней, чтобы старые ссылки работали",
            "component.aliases": "прежние идентификаторы: по ним продолжают работать старые ссылки (после переименования или слияния: та сущность, что осталась, перечисляет идентификатор другой)",
            "component.upstream": "компонент, в проекте которого разрабатывается этот",
            "component.misconceptions": "распространённые заблуждения: каждое изложено и опровергнуто",
            "component.role": "несколько слов о том, что он делает; на схемах пишется под названием",
            "licence.spdx": "лицензия в виде выражения SPDX",
            "licence.sources": "источники, на которых основаны эти сведения",
            "first_release.text": "что именно вышло",
            "first_release.sources": "источники, на которых основаны эти сведения",
            "packages.debian": "имена пакетов в Debian и Ubuntu",
            "packages.fedora": "имена пакетов в Fedora и RHEL",
            "packages.arch": "имена пакетов в Arch Linux",
            "packages.sources": "источники, на которых основаны эти сведения",
            "relation.label": "глагольный оборот: <from> <label> <to>",
            "relation.protocol": "как два компонента общаются между собой",
            "relation.interface": "короткое название интерфейса, которое пишется на стрелке (например, `API libvirt` или `QMP`)",
            "relation.sources": "источники, на которых основаны эти сведения",
            "relation.aliases": "прежние идентификаторы (from-kind-to): остаются якорями на страницах её концов, "
                                "чтобы старые ссылки работали после исправления типа связи или одного из концов",
            "view.home": "true у единственной схемы, которая показана на главной странице",
            "view.kind": "stack (по умолчанию), path или compare",
            "view.layers": "какие уровни показать; если поле не задано — все",
            "view.components": "какие компоненты показать; если поле не задано — все компоненты этих уровней",
            "view.relations": "схемы-стеки: какие связи нарисовать стрелками; если поле не задано — все связи между показанными компонентами",
            "view.emphasis": "компоненты, обведённые жирнее: названия, о которых спрашивает читатель",
            "view.steps": "для схем path: пронумерованные шаги",
            "view.columns": "для схем compare: по колонке на каждый стек",
            "view.aliases": "прежние идентификаторы: по адресу views/<id>/ каждого из них остаётся страница, которая ведёт сюда",
            "step.relation": "идентификатор связи вида from-kind-to",
            "step.text": "что происходит на этом шаге",
            "step.sources": "источники, на которых основаны эти сведения",
            "claim.section": "заголовок автора вопроса, под которым стоит вывод",
            "claim.claim": "вывод, пересказанный своими словами",
            "claim.aliases": "прежние идентификаторы: по ним продолжают работать старые ссылки (после переименования или слияния: та сущность, что осталась, перечисляет идентификатор другой)",
            "section.id": "якорь раздела на странице",
            "section.table": "таблица, которая строится по перечисленным ниже компонентам",
            "section.aliases": "прежние идентификаторы или идентификаторы разделов, слитых с этим; остаются якорями",
            "question.id": "адрес страницы — questions/<id>/",
            "question.short_answer": "2–3 предложения, которые можно цитировать",
            "question.view": "схема, которую показывают вместе с ответом",
            "question.aliases": "прежние идентификаторы: по ним продолжают работать старые ссылки (после переименования или слияния: та сущность, что осталась, перечисляет идентификатор другой)",
            "event.sources": "источники, на которых основаны эти сведения",
            "event.aliases": "прежние идентификаторы: по ним продолжают работать старые ссылки (после переименования или слияния: та сущность, что осталась, перечисляет идентификатор другой)",
            "term.matches": "слова в тексте страниц, которые становятся ссылками на термин",
            "term.aliases": "прежние идентификаторы: по ним продолжают работать старые ссылки (после переименования или слияния: та сущность, что осталась, перечисляет идентификатор другой)",
            "retirement.id": "идентификатор, который был у удалённого: прежняя страница или прежний якорь остаётся "
                             "и сообщает, что его удалили",
            "retirement.kind": "чем это было",
            "retirement.name": "как это называлось, для заголовка страницы об удалении; если поле не задано — идентификатор",
            "retirement.date": "когда удалено",
            "retirement.reason": "почему удалено — для читателя, пришедшего по старой ссылке; только для того, чему нет "
                                 "замены (при переименовании или слиянии пишут `aliases` у преемника)",
            "retirement.see_also": "компоненты, о которых стоит прочитать вместо удалённого; на них ссылается страница об удалении",
            "retirement.sources": "источники, на которых основана причина",
        },
        "issues": {
            "yaml-syntax": "файл не разбирается как YAML (или записан не в UTF-8)",
            "too-large": "файл больше 1 МиБ, его вложенность глубже 32 уровней или после раскрытия "
                         "алиасов YAML в нём больше 100 000 значений",
            "duplicate-key": "в одном словаре дважды встречается один и тот же ключ",
            "missing-file": "нет обязательного файла модели",
            "unknown-file": "YAML-файл в diagrams/, который не относится к модели",
            "bad-type": "значение не того типа (например, строка там, где нужен список)",
            "unknown-field": "поле, которого у этой сущности нет (часто это опечатка)",
            "missing-field": "нет обязательного поля",
            "todo": "в значении осталась заготовка `TODO`, которую вписала команда `make new`",
            "empty": "пустая строка или пустой список там, где нужно содержимое",
            "bad-id": "идентификатор записан не строчными латинскими буквами и цифрами через дефис",
            "bad-url": "URL начинается не с http:// и не с https://",
            "bad-date": "дата не в кавычках, не в формате YYYY, YYYY-MM или YYYY-MM-DD либо такой даты нет в календаре",
            "bad-enum": "значение не входит в число допустимых",
            "unknown-ref": "ссылка на идентификатор, которого нет в модели",
            "unknown-language": "текст на языке, которого на сайте нет",
            "missing-translation": "в тексте нет одного из языков, обязательных для всех текстов",
            "duplicate-id": "у двух сущностей одинаковый идентификатор (у связей — одинаковые from, kind и to)",
            "home-view": "home: true стоит не у одной схемы, а у нескольких или ни у одной",
            "bad-text": "в тексте есть управляющий символ или одиночный суррогат, который не показать "
                        "ни на странице, ни на схеме",
            "too-long": "строка длиннее 5000 символов",
            "gone-address": "адреса из diagrams/published.txt больше нет: его не сохраняет ни один прежний "
                            "идентификатор (aliases), и retired.yaml не объявляет его удалённым",
            "retired-exists": "идентификатор из retired.yaml всё ещё есть в модели: как идентификатор или среди `aliases`",
            "unused-source": "предупреждение: источник, на который ничто не ссылается",
            "no-relations": "предупреждение: компонент, у которого нет ни одной связи",
            "unregistered-address": "предупреждение: у сайта есть адреса, которых ещё нет в diagrams/published.txt "
                                    "(запустите `make addresses`)",
        },
        "lines": {"solid": "сплошная", "bold": "жирная", "dashed": "штриховая", "dotted": "точечная"},
        "data-heading": "Модель в виде данных",
        "data": """\
Каждая сборка публикует проверенную модель: файл
[`model.json`](model.json) и его JSON Schema,
[`model.schema.json`](model.schema.json). Так схему стека можно использовать
в других проектах, не разбирая страницы. В корне каждой языковой версии
сайта лежат одни и те же два файла. Каждый список из этого справочника
лежит в файле под своим ключом (`layers`, `components`, `relations`, …);
у каждой сущности — поля, описанные выше, тексты на обоих языках. Пустые
необязательные поля опущены, а у связи есть ещё `id` (*from*-*kind*-*to*).

В поле `addresses` у каждой сущности для каждого языка указано, где сайт
её показывает (страница или якоря), — пути от корня сайта в том же виде,
что и в `diagrams/published.txt`. В `site_url` — адрес, для которого
собран сайт. `version` — версия формата, сейчас {version}: новое поле её
не меняет, а удалённое или изменившее смысл поле её повышает. Одна и та же
модель всегда даёт один и тот же файл, байт в байт.
""",
    },
}


def render_reference(lang: str = "en") -> str:
    """Return the Markdown of the model reference page in one language."""
    lines = [REFERENCE_WORDS[lang]["intro"]]
    for name, collection in schema.COLLECTIONS.items():
        lines += _collection(name, collection, lang)
    return "\n".join(lines + _vocabulary(lang) + _issue_codes(lang) + _model_data(lang)) + "\n"


def _collection(name: str, collection: schema.Collection, lang: str) -> list[str]:
    """Return the section of one model file: its fields, nested objects and example."""
    words = REFERENCE_WORDS[lang]
    optional = "" if collection.required else words["optional"]
    lines = [f"## {name} {{#{collection.key}}}", "",
             words["collection"].format(key=collection.key, **_forms(collection.entity, lang)) + optional, ""]
    for obj in _objects(collection.item):
        heading = _forms(obj.name, lang)["heading"]
        lines += [f"### {heading} {{#{collection.key}-{obj.name.replace('_', '-')}}}", ""]
        lines += [_scroll_region(words["fields-region"].format(heading=heading)), ""]
        lines += [words["fields-head"], "| --- | --- | --- | --- |"]
        for key, fld in obj.fields.items():
            required = words["yes"] if fld.required else ""
            lines.append(f"| `{key}` | {_describe(fld.type, lang)} | {required} | {_meaning(obj, key, fld, lang)} |")
        lines += ["", "</div>", ""]
    return lines + [words["example"], "", _yaml_block(EXAMPLES[name]), ""]


def _scroll_region(name: str) -> str:
    """Open the box a fields table scrolls sideways in when it is wider than the screen.

    It is a named region in the tab order, so a keyboard can scroll it too (axe
    scrollable-region-focusable); theme-fixes.css makes it, not Material's own
    wrapper, the part that scrolls. Close it with "</div>" after the table.
    """
    return f'<div class="vs-scroll" role="region" tabindex="0" aria-label="{html_text(name)}" markdown>'


def _yaml_block(text: str) -> str:
    """Return a YAML example as a code block whose long lines wrap instead of scrolling sideways.

    Each line is a span that carries its own indentation, so theme-fixes.css can
    continue a wrapped line two characters deeper than it starts, as YAML itself
    continues a value. The block's text is the example's, character for character.
    """
    spans = (f'<span class="vs-line" style="--indent: {len(line) - len(line.lstrip(" "))}ch">{html_text(line)}</span>'
             for line in text.rstrip("\n").split("\n"))
    return '<pre class="vs-yaml"><code class="language-yaml">' + "\n".join(spans) + "</code></pre>"


def _objects(spec: schema.Obj) -> list[schema.Obj]:
    """Return an object spec and the object specs nested in it, each once."""
    found = [spec]
    for fld in spec.fields.values():
        inner = fld.type.item if isinstance(fld.type, schema.ListOf) else fld.type
        if isinstance(inner, schema.Obj) and inner.name != "statement":
            found += [o for o in _objects(inner) if o not in found]
    return found


def documented_fields() -> dict[str, str]:
    """Return the English doc of every field the page shows with one, keyed "<object>.<field>"."""
    objects = [o for c in schema.COLLECTIONS.values() for o in _objects(c.item)]
    return {f"{o.name}.{key}": fld.doc for o in objects for key, fld in o.fields.items() if fld.doc}


def _meaning(obj: schema.Obj, key: str, fld: schema.Field, lang: str) -> str:
    """Return what a field means: its doc in English, its table entry in another language."""
    return _translated(lang, "fields", f"{obj.name}.{key}", fld.doc) if fld.doc else ""


def _translated(lang: str, table: str, key: str, english: str) -> str:
    """Return english for "en", else the entry for key in the language's table."""
    return english if lang == "en" else REFERENCE_WORDS[lang][table][key]


def _forms(name: str, lang: str) -> dict[str, str]:
    """Return an entity's name as the templates use it: one, of_one, of_many and as a heading."""
    if lang == "en":
        return {"one": name, "of_one": name, "of_many": f"{name}s", "heading": name}
    one, of_one, of_many = REFERENCE_WORDS[lang]["entities"][name]
    return {"one": one, "of_one": of_one, "of_many": of_many, "heading": one[:1].upper() + one[1:]}


def _describe(spec: object, lang: str) -> str:
    """Name a value type for the reference tables."""
    words = REFERENCE_WORDS[lang]
    if isinstance(spec, schema.ListOf):
        return words["non-empty-list" if spec.non_empty else "list"].format(items=_describe_many(spec.item, lang))
    if isinstance(spec, schema.Enum):
        return words["one-of"].format(values=", ".join(f"`{v}`" for v in spec.values))
    if isinstance(spec, schema.Ref):
        return words["ref"].format(**_forms(spec.entity, lang))
    if isinstance(spec, schema.Obj):
        forms = _forms(spec.name, lang)
        return forms["one"] if spec.name == "statement" else words["below"].format(**forms)
    return words["types"][type(spec)][0]


def _describe_many(spec: object, lang: str) -> str:
    """Name the items of a list, in the form the words "list of" take."""
    words = REFERENCE_WORDS[lang]
    if isinstance(spec, schema.Ref):
        return words["refs"].format(**_forms(spec.entity, lang))
    if isinstance(spec, schema.Obj):
        forms = _forms(spec.name, lang)
        return forms["of_many"] if spec.name == "statement" else words["below-many"].format(**forms)
    return words["types"][type(spec)][1]


def _vocabulary(lang: str) -> list[str]:
    """Return the tables of component kinds, relation kinds and verdicts."""
    words = REFERENCE_WORDS[lang]
    lines = [f"## {words['kinds-heading']} {{#component-kinds}}", "", words["kinds-head"], "| --- | --- |"]
    lines += [f"| `{kind}` | {KIND_LABELS[lang][kind]} |" for kind in schema.COMPONENT_KINDS]
    lines += ["", f"## {words['relation-kinds-heading']} {{#relation-kinds}}", "",
              words["relation-kinds-intro"], "", words["relation-kinds-head"], "| --- | --- |"]
    lines += [f"| `{kind}` | {_translated(lang, 'lines', RELATION_STYLE[kind], RELATION_STYLE[kind])} |"
              for kind in schema.RELATION_KINDS]
    lines += ["", f"## {words['verdicts-heading']} {{#verdicts}}", "", words["verdicts-head"], "| --- | --- |"]
    lines += [f"| `{v}` | {VERDICT_LABELS[lang][v]} |" for v in schema.VERDICTS]
    return lines + [""]


def _model_data(lang: str) -> list[str]:
    """Return the section on model.json, the model published as data."""
    words = REFERENCE_WORDS[lang]
    return ["", f"## {words['data-heading']} {{#model-json}}", "", words["data"].format(version=VERSION).rstrip("\n")]


def _issue_codes(lang: str) -> list[str]:
    """Return the table of issue codes and what each means."""
    words = REFERENCE_WORDS[lang]
    lines = [f"## {words['issues-heading']} {{#issue-codes}}", "", words["issues-intro"], words["issues-head"], "| --- | --- |"]
    return lines + [f"| `{code}`{{#{issue_anchor(code)}}} | {_translated(lang, 'issues', code, meaning)} |"
                    for code, meaning in ISSUE_CODES.items()]
