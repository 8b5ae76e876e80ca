"""The words pages and diagrams use around model text, in every language of the site.

One table per kind of word, keyed by language and then by a stable key. The
model holds the facts; this module holds the site's own phrases (headings,
table heads, button labels, the model reference page, the templates' words,
nav titles), and no other file does (tests/test_words.py), so adding a
language means adding a column here and a `ru`-style value to every model
text. Pure data.
"""

__all__ = ["DATE_FORMATS", "GROUP_LABELS", "KIND_LABELS", "LABELS", "LINE_LABELS", "MONTH_NAMES", "NAV_LABELS",
           "QUESTION_GROUPS", "REFERENCE_WORDS", "SECTION_LABELS", "THEME_WORDS", "VERDICT_LABELS"]

# Phrases around model text: headings, table heads, buttons, intros.
LABELS = {
    "en": {
        "at-a-glance": "At a glance", "fact": "Fact", "value": "Value", "layer": "Layer", "kind": "Kind",
        "also-known-as": "Also known as", "licence": "Licence",
        "first-release": "First release", "homepage": "Homepage",
        "repository": "Repository", "project": "Developed by", "details": "What it is",
        "relations": "Relations", "packages": "Packages", "misconceptions": "Common misconceptions",
        "claims-about": "The asker's conclusions about it",
        "distribution": "Distribution", "sources": "Sources",
        "in-words": "The same diagram in words, from the top layer down:",
        "relations-in-words": "Relations:", "via": "How",
        "relations-below": "Its relations are explained under [Relations](#relations) below.",
        "steps-in-words": "The same steps in words:",
        "skip-to-words": "Skip the diagram: read it as a list",
        "filter-layers": "Show layers", "filter-kinds": "Show kinds", "filter-stacks": "Show one stack",
        "filter-all": "Everything",
        "copy-link": "Copy link", "copy-markdown": "Copy as Markdown", "copied": "Copied",
        "copy-failed": "Could not copy",
        "columns-in-words": "The same stacks in words, each from the top layer down:",
        "layers-title": "Layers of the stack",
        "layers-intro": "The stack is drawn in bands, from the programs people use at the top down to the processor at the bottom. Each component sits in one band.",
        "components-title": "Components",
        "components-intro": "Every component of the stack, by layer, from the top down.",
        "component": "Component", "summary": "What it is",
        "debian": "Debian, Ubuntu", "fedora": "Fedora, RHEL", "arch": "Arch Linux",
        "tool": "Tool", "upstream": "Upstream project",
        "explore": "Go further:", "explore-layers": "the layers", "explore-components": "every component",
        "explore-timeline": "the timeline", "explore-glossary": "the glossary", "explore-sources": "every source",
        "answers-title": "The question, answered",
        "answers-intro": "This site grew from one question on Super User. Each of the asker's four questions has its own answer:",
        "claims-link": "Every conclusion the asker drew, checked one by one: [The question, checked](question.md).",
        "question-title": "The question, checked",
        "question-intro": "A Super User user asked how KVM, QEMU, libvirt and virt-manager relate. They summarised what they had "
                          "learned as a list of conclusions and asked four questions. Each conclusion is restated below in our "
                          "own words, with a verdict and a sourced correction.",
        "original": "The original question", "tally": "Verdicts",
        "four-questions": "The asker's questions and their answers:",
        "rubric-title": "What the verdicts mean",
        "rubric-intro": "A verdict judges the conclusion's main point first, then its details.",
        "rubric-verdict": "Verdict", "rubric-meaning": "Meaning",
        "rubric-correct": "Everything it states holds. The correction adds context or tightens a loose word, "
                          "and takes nothing back.",
        "rubric-partly-correct": "The main point holds, but a detail is wrong or too broad: a date, a name, an item "
                                 "in a list, a link in a chain. The correction says which.",
        "rubric-misleading": "The main point can be defended word for word, but it leaves a wrong picture: it "
                             "misreads a source, puts the wrong label on something, or leaves out what matters most.",
        "rubric-wrong": "The main point is false.",
        "questions-title": "Answers",
        "questions-intro": "The asker's four questions, then the questions readers ask next; each has a short answer you can quote and a full answer.",
        "short-answer": "Short answer", "full-answer": "The full answer", "settles": "Conclusions this answer settles",
        "diagram": "Diagram", "answer": "Read the full answer",
        "follow-ups": "The questions that come next, by topic:",
        "timeline-title": "Timeline", "timeline-intro": "The stack's history, from the first VMware product to today.",
        "glossary-title": "Glossary", "glossary-intro": "The words this site uses, defined with sources.",
        "see-also": "See also",
        "sources-title": "Sources", "sources-intro": "Every source the site cites, and the pages that cite it.",
        "cited-on": "Cited on",
        "source-checked": "(checked {date})", "as-of": "As of {date}.",
        "and": "and", "zoom-in": "Zoom in", "zoom-out": "Zoom out", "zoom-reset": "Reset zoom",
        "full-screen": "Full screen", "other-stacks": "The same picture for another stack:",
        "this-stack": "KVM and QEMU", "more-controls": "Filter the diagram",
        "neighbourhood-title": "{name}: what it works with", "key-colour": "Colour: layer",
        "long-answer": "The answer in more detail", "about-title": "About virtstack",
        "preview-alt": "Diagram: {title}",
        "moved-title": "Moved", "moved": "This page has moved:",
        "removed-title": "Removed: {name}", "removed-page": "This page was removed {date}. Why:",
        "removed-here": "Removed from this page", "removed-item": "removed {date}.",
        "model-problems": "The model in diagrams/ has problems, so this is the last good build. "
                          "Fix them and save: the page reloads by itself.",
    },
    "ru": {
        "at-a-glance": "Коротко", "fact": "Свойство", "value": "Значение", "layer": "Уровень", "kind": "Тип",
        "also-known-as": "Другие названия", "licence": "Лицензия",
        "first-release": "Первый выпуск", "homepage": "Сайт",
        "repository": "Репозиторий", "project": "Разрабатывается в проекте", "details": "Что это такое",
        "relations": "Связи", "packages": "Пакеты", "misconceptions": "Частые заблуждения",
        "claims-about": "Выводы автора вопроса об этом компоненте",
        "distribution": "Дистрибутив", "sources": "Источники",
        "in-words": "Та же схема словами, от верхнего уровня к нижнему:",
        "relations-in-words": "Связи:", "via": "Механизм",
        "relations-below": "Связи перечислены ниже, в разделе [Связи](#relations).",
        "steps-in-words": "Те же шаги словами:",
        "skip-to-words": "Пропустить схему и прочитать её списком",
        "filter-layers": "Показать уровни", "filter-kinds": "Показать типы", "filter-stacks": "Показать один стек",
        "filter-all": "Всё",
        "copy-link": "Скопировать ссылку", "copy-markdown": "Скопировать как Markdown", "copied": "Скопировано",
        "copy-failed": "Не удалось скопировать",
        "columns-in-words": "Те же стеки словами, каждый от верхнего уровня к нижнему:",
        "layers-title": "Уровни стека",
        "layers-intro": "Стек нарисован полосами: сверху — программы, с которыми работают люди, внизу — процессор. "
                        "Каждый компонент находится на одном уровне.",
        "components-title": "Компоненты",
        "components-intro": "Все компоненты стека по уровням, сверху вниз.",
        "component": "Компонент", "summary": "Что это",
        "debian": "Debian, Ubuntu", "fedora": "Fedora, RHEL", "arch": "Arch Linux",
        "tool": "Утилита", "upstream": "Исходный проект",
        "explore": "Что ещё посмотреть:", "explore-layers": "уровни", "explore-components": "все компоненты",
        "explore-timeline": "хронологию", "explore-glossary": "глоссарий", "explore-sources": "все источники",
        "answers-title": "Ответы на вопрос",
        "answers-intro": "Этот сайт вырос из одного вопроса на Super User. На каждый из четырёх вопросов автора есть отдельный ответ:",
        "claims-link": "Все выводы автора и проверка каждого из них — в разделе [«Разбор вопроса по пунктам»](question.md).",
        "question-title": "Разбор вопроса по пунктам",
        "question-intro": "Пользователь Super User спросил, как связаны KVM, QEMU, libvirt и virt-manager. Он изложил то, что "
                          "успел узнать, в виде списка выводов и задал четыре вопроса. Ниже каждый вывод пересказан "
                          "нашими словами, с оценкой и исправлением со ссылками на источники.",
        "original": "Исходный вопрос («В чём разница и какова связь между KVM, virt-manager, QEMU и libvirt?»)", "tally": "Оценки",
        "four-questions": "Вопросы автора и ответы на них:",
        "rubric-title": "Что означают оценки",
        "rubric-intro": "Сначала оценивается главное в выводе, затем — детали.",
        "rubric-verdict": "Оценка", "rubric-meaning": "Что она означает",
        "rubric-correct": "Всё сказанное верно. Поправка лишь добавляет контекст или уточняет неточное слово "
                          "и ничего не опровергает.",
        "rubric-partly-correct": "Главное верно, но какая-то деталь ошибочна или сказана слишком широко: дата, "
                                 "название, пункт перечня, звено цепочки. Какая именно — сказано в поправке.",
        "rubric-misleading": "Главное формально можно отстоять, но складывается неверная картина: источник понят "
                             "неправильно, чему-то дано не то название или упущено самое важное.",
        "rubric-wrong": "Главное неверно.",
        "questions-title": "Ответы",
        "questions-intro": "Четыре вопроса автора и вопросы, которые задают следом. У каждого есть короткий ответ, который можно процитировать, и полный ответ.",
        "short-answer": "Короткий ответ", "full-answer": "Полный ответ", "settles": "Выводы, которые разбирает этот ответ",
        "diagram": "Схема", "answer": "Читать полный ответ",
        "follow-ups": "Вопросы, которые обычно задают следом, по темам:",
        "timeline-title": "Хронология", "timeline-intro": "История стека: от первого продукта VMware до наших дней.",
        "glossary-title": "Глоссарий", "glossary-intro": "Термины, которыми пользуется сайт, с определениями и источниками.",
        "see-also": "См. также",
        "sources-title": "Источники", "sources-intro": "Все источники, на которые ссылается сайт, и страницы, где они цитируются.",
        "cited-on": "Цитируется на страницах",
        "source-checked": "(проверено {date})",
        "as-of": "По состоянию на {date}",  # the date ends in «г.», whose full stop ends the sentence too
        "and": "и", "zoom-in": "Увеличить", "zoom-out": "Уменьшить", "zoom-reset": "Сбросить масштаб",
        "full-screen": "Во весь экран", "other-stacks": "Та же схема для другого стека:",
        "this-stack": "KVM и QEMU", "more-controls": "Фильтры схемы",
        "neighbourhood-title": "{name}: связи с другими компонентами", "key-colour": "Цвет — уровень",
        "long-answer": "Ответ подробнее", "about-title": "О сайте",
        "preview-alt": "Схема: {title}",
        "moved-title": "Страница переехала", "moved": "Эта страница переехала:",
        "removed-title": "Удалено: {name}", "removed-page": "Эта страница удалена {date}. Причина:",
        "removed-here": "Удалено с этой страницы", "removed-item": "удалено {date}.",
        "model-problems": "В модели в diagrams/ есть ошибки, поэтому показана последняя удачная сборка. "
                          "Исправьте их и сохраните файл — страница обновится сама.",
    },
}
KIND_LABELS = {
    "en": {
        "cpu-extension": "CPU extension", "kernel": "operating-system kernel",
        "kernel-module": "kernel module", "hypervisor": "hypervisor",
        "vmm": "virtual machine monitor (VMM)", "subsystem": "subsystem",
        "library": "library and daemons", "daemon": "daemon",
        "cli": "command-line tool", "gui": "graphical application",
        "web-ui": "web interface", "protocol": "protocol", "firmware": "firmware",
        "package": "package name", "platform": "platform",
        "container-runtime": "container runtime",
    },
    "ru": {
        "cpu-extension": "расширение процессора", "kernel": "ядро операционной системы",
        "kernel-module": "модуль ядра", "hypervisor": "гипервизор",
        "vmm": "монитор виртуальных машин (VMM)", "subsystem": "подсистема",
        "library": "библиотека и демоны", "daemon": "демон",
        "cli": "утилита командной строки", "gui": "графическое приложение",
        "web-ui": "веб-интерфейс", "protocol": "протокол", "firmware": "прошивка",
        "package": "имя пакета", "platform": "платформа",
        "container-runtime": "среда выполнения контейнеров",
    },
}
# The key of a diagram: what each line style stands for (see style.RELATION_STYLE).
LINE_LABELS = {
    "en": {"solid": "uses, controls or provides", "bold": "accelerates", "dashed": "is part of",
           "dotted": "was forked from or merged into"},
    "ru": {"solid": "использует, управляет, предоставляет", "bold": "ускоряет", "dashed": "входит в",
           "dotted": "ответвление или слияние"},
}
# A component's neighbours, grouped by how they relate to it: (direction, relation
# kind) and, where a sharper title fits, (direction, relation kind, neighbour kind).
# "out" is a relation from the component, "in" one towards it.
GROUP_LABELS = {
    "en": {
        ("out", "uses"): "What it uses", ("in", "uses"): "What uses it",
        ("out", "uses", "firmware"): "Firmware it loads", ("out", "uses", "cpu-extension"): "CPU extensions it needs",
        ("out", "uses", "kernel-module"): "What runs its guests' code", ("out", "uses", "hypervisor"): "Hypervisors it runs on",
        ("out", "uses", "protocol"): "Protocols it shows consoles over", ("out", "uses", "library"): "What it manages VMs through",
        ("in", "uses", "cli"): "Command-line tools that use it", ("in", "uses", "gui"): "Graphical tools that use it",
        ("in", "uses", "vmm"): "VMMs that drive it",
        ("out", "controls"): "What it starts and controls", ("in", "controls"): "Started and controlled by",
        ("out", "accelerates"): "What it accelerates", ("in", "accelerates"): "Accelerated by",
        ("out", "part-of"): "Part of", ("in", "part-of"): "Its parts",
        ("out", "provides"): "What it provides", ("in", "provides"): "Provided by",
        ("out", "provides", "protocol"): "Protocols it serves",
        ("out", "forked-from"): "Forked from", ("in", "forked-from"): "Forks of it",
        ("out", "merged-into"): "Merged into", ("in", "merged-into"): "Merged into it",
    },
    "ru": {
        ("out", "uses"): "Что использует", ("in", "uses"): "Кто использует",
        ("out", "uses", "firmware"): "Какие прошивки загружает", ("out", "uses", "cpu-extension"): "Какие расширения процессора нужны",
        ("out", "uses", "kernel-module"): "Что выполняет код гостей", ("out", "uses", "hypervisor"): "На каких гипервизорах работает",
        ("out", "uses", "protocol"): "По каким протоколам показывает консоли", ("out", "uses", "library"): "Через что управляет ВМ",
        ("in", "uses", "cli"): "Кто использует: утилиты командной строки",
        ("in", "uses", "gui"): "Кто использует: графические программы",
        ("in", "uses", "vmm"): "Кто использует: VMM",
        ("out", "controls"): "Что запускает и чем управляет", ("in", "controls"): "Кто запускает и управляет",
        ("out", "accelerates"): "Что ускоряет", ("in", "accelerates"): "Чем ускоряется",
        ("out", "part-of"): "Частью чего является", ("in", "part-of"): "Из чего состоит",
        ("out", "provides"): "Что предоставляет", ("in", "provides"): "Кто предоставляет",
        ("out", "provides", "protocol"): "Какие протоколы обслуживает",
        ("out", "forked-from"): "Ответвление от", ("in", "forked-from"): "Ответвления",
        ("out", "merged-into"): "Во что влили", ("in", "merged-into"): "Что влили",
    },
}
VERDICT_LABELS = {
    "en": {"correct": "Correct", "partly-correct": "Partly correct", "misleading": "Misleading", "wrong": "Wrong"},
    "ru": {"correct": "Верно", "partly-correct": "Отчасти верно", "misleading": "Вводит в заблуждение", "wrong": "Неверно"},
}
SECTION_LABELS = {
    "en": {"vmware": "VMware", "qemu": "QEMU", "hardware": "Hardware virtualization", "kvm": "KVM",
           "libvirt": "libvirt", "virt-manager": "virt-manager", "questions": "Premises of the questions"},
    "ru": {"vmware": "VMware", "qemu": "QEMU", "hardware": "Аппаратная виртуализация", "kvm": "KVM",
           "libvirt": "libvirt", "virt-manager": "virt-manager", "questions": "Предпосылки вопросов"},
}
# The follow-up questions' groups (schema.QUESTION_GROUPS): the questions index's
# section headings, and the group a follow-up's page says it is in.
QUESTION_GROUPS = {
    "en": {"which-hypervisor": "Which hypervisor is running my VM?", "other-hypervisors": "KVM beside other hypervisors",
           "windows-macos": "KVM on Windows and macOS", "disks-networks": "Disks and networks",
           "managing": "Managing VMs"},
    "ru": {"which-hypervisor": "Какой гипервизор запускает мою ВМ?", "other-hypervisors": "KVM и другие гипервизоры",
           "windows-macos": "KVM в Windows и macOS", "disks-networks": "Диски и сети",
           "managing": "Управление ВМ"},
}
# A model date in words (dates.py), by its precision: "day" (YYYY-MM-DD), "month" (YYYY-MM),
# "year" (YYYY); "when-…" is the same date after a verb ("removed on 1 May 2026", «удалено в мае 2026 г.»).
DATE_FORMATS = {
    "en": {"day": "{day} {month} {year}", "month": "{month} {year}", "year": "{year}",
           "when-day": "on {day} {month} {year}", "when-month": "in {month} {year}", "when-year": "in {year}"},
    "ru": {"day": "{day} {month} {year} г.", "month": "{month} {year} г.", "year": "{year} г.",
           "when-day": "{day} {month} {year} г.", "when-month": "в {month} {year} г.", "when-year": "в {year} г."},
}
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
# Month names, January first, in the form each DATE_FORMATS pattern needs (Russian declines them:
# «10 февраля», «март 2003 г.», «в марте 2003 г.»).
MONTH_NAMES = {
    "en": {"day": _EN_MONTHS, "month": _EN_MONTHS, "when-day": _EN_MONTHS, "when-month": _EN_MONTHS},
    "ru": {
        "day": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря"),
        "month": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                  "ноябрь", "декабрь"),
        "when-day": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                     "ноября", "декабря"),
        "when-month": ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                       "ноябре", "декабре"),
    },
}


# The model reference page (render_reference.py), per language: the page's
# prose and table heads, the meaning of each field ("fields", keyed
# "<object>.<field>"; English as schema.py's doc=), of each issue code
# ("issues"; English as issues.ISSUE_CODES), of each line style ("lines"),
# the value types' names ("types", keyed by the schema class's name: one,
# and the form after "list of"), and every entity's name as (nominative,
# genitive, genitive plural) with its heading. Templates take {one},
# {of_one}, {of_many} of an entity. tests/test_words.py holds the English
# entries to the rules they document.
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
`{text: {en: "...", ru: "..."}, sources: [source ids]}`, with
`as_of: "YYYY-MM"` when what it says can go stale: the month it was last
found true, shown on the page (`make check` warns 18 months later). Ids are lowercase
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
            "Str": ("string", "strings"), "Id": ("id", "ids"),
            "Url": ("http(s) URL", "http(s) URLs"),
            "Date": ('`"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`', 'dates `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`'),
            "Bool": ("`true` or `false`", "`true` or `false` values"),
            "Text": ("text `{en: ..., ru: ...}`", "texts `{en: ..., ru: ...}`"),
            "Words": ("words `{en: [...], ru: [...]}`", "word lists `{en: [...], ru: [...]}`"),
            "Template": ('sentence `{ru: "{from} ... {to}"}`', 'sentences `{ru: "{from} ... {to}"}`'),
            "Month": ('`"YYYY-MM"`', 'months `"YYYY-MM"`'),
        },
        "kinds-heading": "Component kinds",
        "kinds-head": "| kind | shown as |",
        "relation-kinds-heading": "Relation kinds",
        "relation-kinds-intro": "A relation reads as a sentence: *from* *label* *to*, or its own `sentence` where a "
                                "language's word order needs one. Its kind sets the line it is drawn with.",
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
        "entities": {   # (one, of_one, of_many)
            "layer": ("layer", "layer", "layers"),
            "component": ("component", "component", "components"),
            "licence": ("licence", "licence", "licences"),
            "first_release": ("first_release", "first_release", "first_releases"),
            "packages": ("packages", "packages", "packages"),
            "relation": ("relation", "relation", "relations"),
            "source": ("source", "source", "sources"),
            "view": ("view", "view", "views"),
            "step": ("step", "step", "steps"),
            "column": ("column", "column", "columns"),
            "claim": ("claim", "claim", "claims"),
            "question": ("question", "question", "questions"),
            "section": ("section", "section", "sections"),
            "event": ("event", "event", "events"),
            "term": ("term", "term", "terms"),
            "statement": ("statement", "statement", "statements"),
            "retirement": ("retirement", "retirement", "retirements"),
        },
        "headings": {   # an object's heading, for its fields table
            "layer": "layer", "component": "component", "licence": "licence", "first_release": "first_release",
            "packages": "packages", "relation": "relation", "source": "source", "view": "view", "step": "step",
            "column": "column", "claim": "claim", "question": "question", "section": "section", "event": "event",
            "term": "term", "statement": "statement", "retirement": "retirement",
        },
        "fields": {   # the meaning of each field that has one, as schema.py's doc= says it
            "layer.aliases": "former ids, kept as anchors on the layers page so that old links work",
            "component.id": "stable; URLs and anchors come from it",
            "component.also_known_as": "other names people use",
            "component.summary": "one sentence: what it is",
            "component.sources": "ids of the sources that back it",
            "component.description": "paragraphs, each with its sources",
            "component.aliases": "former ids, kept so that old links work (a rename, or a merge: the survivor lists "
                                 "the other's id)",
            "component.upstream": "the component whose project develops this one",
            "component.misconceptions": "common misconceptions, each stated and corrected",
            "component.role": "a few words on what it does, drawn under its name in the diagrams",
            "licence.spdx": "an SPDX licence expression",
            "licence.sources": "ids of the sources that back it",
            "first_release.text": "what was released",
            "first_release.sources": "ids of the sources that back it",
            "packages.debian": "Debian and Ubuntu package names",
            "packages.fedora": "Fedora and RHEL package names",
            "packages.arch": "Arch Linux package names",
            "packages.sources": "ids of the sources that back it",
            "packages.as_of": "for a fact that can go stale (package names, a default, the current release): the "
                              "month it was last found true, shown on the page; `make check` warns 18 months later",
            "relation.label": "a verb phrase: <from> <label> <to>",
            "relation.sentence": "the whole sentence in a language where <from> <label> <to> reads wrong, without "
                                 "its full stop: `{from}` and `{to}` mark the ends",
            "relation.protocol": "how the two talk",
            "relation.interface": "the interface's short name, drawn on the arrow (libvirt API, QMP)",
            "relation.sources": "ids of the sources that back it",
            "relation.aliases": "former ids (from-kind-to), kept as anchors on the pages of its ends so that old "
                                "links work after its kind or an end was corrected",
            "source.checked": "the month someone last read it and found that it still backs what cites it; "
                              "`make check` warns 18 months later",
            "view.home": "true for the one view shown on the home page",
            "view.kind": "stack (default), path or compare",
            "view.layers": "layers shown; all when left out",
            "view.components": "components shown; all in those layers when left out",
            "view.relations": "stack views: the arrows drawn; all among the components when left out",
            "view.emphasis": "components drawn with a heavier border: the names the reader asks about",
            "view.steps": "path views: the numbered steps",
            "view.columns": "compare views: one column per stack",
            "view.aliases": "former ids: each keeps a page at views/<id>/ that redirects here",
            "step.relation": "a relation id: from-kind-to",
            "step.text": "what happens at this step",
            "step.sources": "ids of the sources that back it",
            "claim.section": "the asker's heading it stands under",
            "claim.claim": "the conclusion, restated",
            "claim.aliases": "former ids, kept so that old links work (a rename, or a merge: the survivor lists the "
                             "other's id)",
            "question.id": "the page is questions/<id>/",
            "question.heading": "a short heading for the page (up to 12 words); the title is then quoted below it",
            "question.title": "the question in the asker's words; the heading when there is no `heading`",
            "question.group": "a follow-up question: the group the questions index lists it under (none: one of the "
                              "asker's questions); a follow-up has no `claims`",
            "question.short_answer": "2-3 quotable sentences",
            "question.view": "a diagram to show with the answer",
            "question.aliases": "former ids, kept so that old links work (a rename, or a merge: the survivor lists "
                                "the other's id)",
            "section.id": "its anchor on the page",
            "section.table": "a table generated from the components below",
            "section.aliases": "former ids, or the ids of sections merged into this one, kept as anchors",
            "event.sources": "ids of the sources that back it",
            "event.aliases": "former ids, kept so that old links work (a rename, or a merge: the survivor lists the "
                             "other's id)",
            "term.matches": "words in page text that link here",
            "term.aliases": "former ids, kept so that old links work (a rename, or a merge: the survivor lists the "
                            "other's id)",
            "retirement.id": "the id it had: its old page, or its old anchor, stays and says it was removed",
            "retirement.kind": "what it was",
            "retirement.name": "what it was called, for the removal page's title; its id when left out",
            "retirement.date": "when it was removed",
            "retirement.reason": "why it was removed, for readers who follow an old link; only for what nothing "
                                 "replaces (a rename or a merge is `aliases` on the successor)",
            "retirement.see_also": "components to read instead, linked from the removal page",
            "retirement.sources": "sources that back the reason",
        },
        "issues": {   # every code an issue can carry (issues.ISSUE_CODES is this table)
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
            "bad-placeholder": "a relation's sentence lacks `{from}` or `{to}`, holds one twice, or holds an "
                               "unknown `{placeholder}`",
            "too-long": "a string longer than 5,000 characters or 12,000 bytes in UTF-8, or with a word over 100 characters",
            "ru-style": "a Russian text uses a variant the Russian style sheet (STYLE.ru.md) rejects; the message says "
                        "what to write (only `make check` looks)",
            "gone-address": "an address listed in diagrams/published.txt no longer exists: no alias keeps it, and "
                            "retired.yaml does not retire it",
            "retired-exists": "an id in retired.yaml that the model still has, as an id or among 'aliases'",
            "unused-source": "warning: a source nothing cites",
            "no-relations": "warning: a component no relation touches",
            "stale": "warning: a source's `checked`, or a fact's `as_of`, is more than 18 months old "
                     "(only `make check` looks)",
            "unregistered-address": "warning: addresses the site has that diagrams/published.txt does not list yet "
                                    "(run `make addresses`)",
        },
        "lines": {"solid": "solid", "bold": "bold", "dashed": "dashed", "dotted": "dotted"},
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
`{text: {en: "...", ru: "..."}, sources: [id источников]}`, а если сказанное
в нём может устареть, то и `as_of: "YYYY-MM"` — месяц, когда оно в последний
раз подтвердилось; он показывается на странице (через 18 месяцев `make check`
предупредит). Идентификатор (id)
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
            "Str": ("строка", "строк"), "Id": ("идентификатор", "идентификаторов"),
            "Url": ("URL (http или https)", "URL (http или https)"),
            "Date": ('`"YYYY"`, `"YYYY-MM"` или `"YYYY-MM-DD"`', 'дат `"YYYY"`, `"YYYY-MM"` или `"YYYY-MM-DD"`'),
            "Bool": ("`true` или `false`", "значений `true` или `false`"),
            "Text": ("текст `{en: ..., ru: ...}`", "текстов `{en: ..., ru: ...}`"),
            "Words": ("слова `{en: [...], ru: [...]}`", "списков слов `{en: [...], ru: [...]}`"),
            "Template": ('предложение `{ru: "{from} ... {to}"}`', 'предложений `{ru: "{from} ... {to}"}`'),
            "Month": ('`"YYYY-MM"`', 'месяцев `"YYYY-MM"`'),
        },
        "kinds-heading": "Типы компонентов",
        "kinds-head": "| тип | подпись на сайте |",
        "relation-kinds-heading": "Типы связей",
        "relation-kinds-intro": "Связь читается как предложение: *from* *label* *to* — или как её собственное "
                                "предложение `sentence`, если этого требует порядок слов в языке. "
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
        "headings": {
            "layer": "Уровень", "component": "Компонент", "licence": "Лицензия", "first_release": "Первый выпуск",
            "packages": "Пакеты", "relation": "Связь", "source": "Источник", "view": "Схема", "step": "Шаг",
            "column": "Колонка", "claim": "Вывод", "question": "Вопрос", "section": "Раздел", "event": "Событие",
            "term": "Термин", "statement": "Утверждение", "retirement": "Удаление",
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
            "packages.as_of": "для сведений, которые могут устареть (имена пакетов, поведение по умолчанию, текущий "
                              "выпуск): месяц, когда они в последний раз подтвердились; показывается на странице, "
                              "а через 18 месяцев `make check` предупреждает",
            "relation.label": "глагольный оборот: <from> <label> <to>",
            "relation.sentence": "предложение целиком, без точки в конце, для языка, в котором <from> <label> <to> "
                                 "звучит неправильно: `{from}` и `{to}` отмечают концы связи",
            "relation.protocol": "как два компонента общаются между собой",
            "relation.interface": "короткое название интерфейса, которое пишется на стрелке (например, `API libvirt` или `QMP`)",
            "relation.sources": "источники, на которых основаны эти сведения",
            "relation.aliases": "прежние идентификаторы (from-kind-to): остаются якорями на страницах её концов, "
                                "чтобы старые ссылки работали после исправления типа связи или одного из концов",
            "source.checked": "месяц, когда источник в последний раз прочитали и убедились, что он по-прежнему "
                              "подтверждает то, что на него ссылается; через 18 месяцев `make check` предупреждает",
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
            "question.heading": "короткий заголовок страницы (до 12 слов); под ним цитатой приводится `title`",
            "question.title": "вопрос словами автора; если поля `heading` нет, он же служит заголовком",
            "question.group": "у вопроса, который возникает следом: группа, под которой его показывает указатель вопросов "
                              "(нет поля — вопрос автора); у такого вопроса нет `claims`",
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
            "bad-placeholder": "в предложении связи нет подстановки `{from}` или `{to}`, одна из них встречается "
                               "дважды или в фигурных скобках стоит неизвестная подстановка",
            "too-long": "строка длиннее 5000 символов или 12 000 байт в UTF-8 либо со словом длиннее 100 символов",
            "ru-style": "в русском тексте стоит вариант, который руководство по стилю (`STYLE.ru.md`) отвергает; "
                        "в сообщении сказано, что писать вместо него (это проверяет только `make check`)",
            "gone-address": "адреса из diagrams/published.txt больше нет: его не сохраняет ни один прежний "
                            "идентификатор (aliases), и retired.yaml не объявляет его удалённым",
            "retired-exists": "идентификатор из retired.yaml всё ещё есть в модели: как идентификатор или среди `aliases`",
            "unused-source": "предупреждение: источник, на который ничто не ссылается",
            "no-relations": "предупреждение: компонент, у которого нет ни одной связи",
            "stale": "предупреждение: `checked` источника или `as_of` факта старше 18 месяцев "
                     "(это проверяет только `make check`)",
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

# The theme's and the engine config's phrases, per edition: theme_words.py
# puts them into each edition's MkDocs or Zensical config (nav titles, palette
# toggles, the heading links' title, the description, each edition's name in
# the language menu), and hands the templates "locale" (og:locale) and the
# not-found page's words as config.extra.words (overrides/main.html, 404.html).
THEME_WORDS = {
    "en": {
        "locale": "en_US", "edition-name": "English",
        "site-description": "How KVM, QEMU, libvirt and virt-manager fit together, explained with sources.",
        "switch-to-dark": "Switch to dark mode", "switch-to-light": "Switch to light mode",
        "permalink-title": "Link to this section",
        "not-found-title": "Page not found",
        "not-found-intro": "There is no page at this address. Perhaps you meant one of these:",
        "not-found-start": "Or start from", "not-found-home": "the home page",
    },
    "ru": {
        "locale": "ru_RU", "edition-name": "Русский",
        "site-description": "Как связаны KVM, QEMU, libvirt и virt-manager — объяснение с источниками.",
        "switch-to-dark": "Включить тёмную тему", "switch-to-light": "Включить светлую тему",
        "permalink-title": "Ссылка на этот раздел",
        "not-found-title": "Страница не найдена",
        "not-found-intro": "По этому адресу страницы нет. Возможно, вы искали одну из этих:",
        "not-found-start": "Или начните с", "not-found-home": "главной страницы",
    },
}
# The title of each page in the navigation, by its path in the edition's docs
# (mkdocs.yml lists the pages and their order; theme_words.py titles them).
NAV_LABELS = {
    "en": {
        "index.md": "Home", "question.md": "The question", "questions/index.md": "Answers", "layers.md": "Layers",
        "components/index.md": "Components", "timeline.md": "Timeline", "glossary.md": "Glossary",
        "sources.md": "Sources", "about.md": "About", "reference.md": "Model reference",
    },
    "ru": {
        "index.md": "Главная", "question.md": "Вопрос", "questions/index.md": "Ответы", "layers.md": "Уровни",
        "components/index.md": "Компоненты", "timeline.md": "Хронология", "glossary.md": "Глоссарий",
        "sources.md": "Источники", "about.md": "О сайте", "reference.md": "Справочник по модели",
    },
}
