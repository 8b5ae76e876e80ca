"""The words pages and diagrams use around model text, in every language of the site.

One table per kind of word, keyed by language and then by a stable key. The
model holds the facts; this module holds the site's own phrases (headings,
table heads, button labels), so adding a language means adding a column here
and a `ru`-style value to every model text. Pure data.
"""

__all__ = ["GROUP_LABELS", "KIND_LABELS", "LABELS", "LINE_LABELS", "SECTION_LABELS", "VERDICT_LABELS"]

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
        "questions-intro": "The asker's four questions, each with a short answer you can quote and a full answer.",
        "short-answer": "Short answer", "full-answer": "The full answer", "settles": "Conclusions this answer settles",
        "diagram": "Diagram", "answer": "Read the full answer",
        "timeline-title": "Timeline", "timeline-intro": "The stack's history, from the first VMware product to today.",
        "glossary-title": "Glossary", "glossary-intro": "The words this site uses, defined with sources.",
        "see-also": "See also",
        "sources-title": "Sources", "sources-intro": "Every source the site cites, and the pages that cite it.",
        "cited-on": "Cited on",
        "and": "and", "zoom-in": "Zoom in", "zoom-out": "Zoom out", "zoom-reset": "Reset zoom",
        "full-screen": "Full screen", "other-stacks": "The same picture for another stack:",
        "this-stack": "KVM and QEMU", "more-controls": "Filter the diagram",
        "neighbourhood-title": "{name}: what it works with", "key-colour": "Colour: layer",
        "long-answer": "The answer in more detail", "about-title": "About virtstack",
        "preview-alt": "Diagram: {title}",
        "moved-title": "Moved", "moved": "This page has moved:",
        "removed-title": "Removed: {name}", "removed-page": "This page was removed on {date}. Why:",
        "removed-here": "Removed from this page", "removed-item": "removed on {date}.",
        "model-problems": "The model in diagrams/ has problems, so this is the last good build. "
                          "Fix them and save: the page reloads by itself.",
    },
    "ru": {
        "at-a-glance": "Коротко", "fact": "Свойство", "value": "Значение", "layer": "Уровень", "kind": "Тип",
        "also-known-as": "Другие названия", "licence": "Лицензия",
        "first-release": "Первый выпуск", "homepage": "Сайт",
        "repository": "Репозиторий", "project": "Разрабатывается в проекте", "details": "Что это такое",
        "relations": "Связи", "packages": "Пакеты", "misconceptions": "Частые заблуждения",
        "claims-about": "Выводы автора вопроса о нём",
        "distribution": "Дистрибутив", "sources": "Источники",
        "in-words": "Та же схема словами, от верхнего уровня к нижнему:",
        "relations-in-words": "Связи:", "via": "Как",
        "relations-below": "Его связи описаны ниже, в разделе [Связи](#relations).",
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
        "claims-link": "Все выводы автора вопроса, проверенные по одному: [Вопрос, проверенный по пунктам](question.md).",
        "question-title": "Вопрос, проверенный по пунктам",
        "question-intro": "Пользователь Super User спросил, как связаны KVM, QEMU, libvirt и virt-manager. Он изложил то, что "
                          "успел узнать, в виде списка выводов и задал четыре вопроса. Ниже каждый вывод пересказан "
                          "своими словами, с оценкой и исправлением со ссылками на источники.",
        "original": "Исходный вопрос", "tally": "Оценки",
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
        "questions-intro": "Четыре вопроса автора: у каждого есть короткий ответ, который можно процитировать, и полный ответ.",
        "short-answer": "Короткий ответ", "full-answer": "Полный ответ", "settles": "Выводы, которые проверяет этот ответ",
        "diagram": "Схема", "answer": "Читать полный ответ",
        "timeline-title": "Хронология", "timeline-intro": "История стека: от первого продукта VMware до наших дней.",
        "glossary-title": "Глоссарий", "glossary-intro": "Термины, которыми пользуется сайт, с определениями и источниками.",
        "see-also": "См. также",
        "sources-title": "Источники", "sources-intro": "Все источники, на которые ссылается сайт, и страницы, где они цитируются.",
        "cited-on": "Цитируется на страницах",
        "and": "и", "zoom-in": "Увеличить", "zoom-out": "Уменьшить", "zoom-reset": "Сбросить масштаб",
        "full-screen": "Во весь экран", "other-stacks": "Та же схема для другого стека:",
        "this-stack": "KVM и QEMU", "more-controls": "Фильтры схемы",
        "neighbourhood-title": "{name}: с чем связан", "key-colour": "Цвет — уровень",
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
        ("out", "uses"): "Что использует", ("in", "uses"): "Что его использует",
        ("out", "uses", "firmware"): "Какие прошивки загружает", ("out", "uses", "cpu-extension"): "Какие расширения процессора нужны",
        ("out", "uses", "kernel-module"): "Что выполняет код его гостей", ("out", "uses", "hypervisor"): "На каких гипервизорах работает",
        ("out", "uses", "protocol"): "По каким протоколам показывает консоли", ("out", "uses", "library"): "Через что управляет ВМ",
        ("in", "uses", "cli"): "Утилиты командной строки, которые его используют",
        ("in", "uses", "gui"): "Графические программы, которые его используют",
        ("in", "uses", "vmm"): "Какие VMM с ним работают",
        ("out", "controls"): "Что запускает и чем управляет", ("in", "controls"): "Кто запускает и управляет",
        ("out", "accelerates"): "Что ускоряет", ("in", "accelerates"): "Что его ускоряет",
        ("out", "part-of"): "Частью чего является", ("in", "part-of"): "Из чего состоит",
        ("out", "provides"): "Что предоставляет", ("in", "provides"): "Кто предоставляет",
        ("out", "provides", "protocol"): "Какие протоколы обслуживает",
        ("out", "forked-from"): "От чего ответвился", ("in", "forked-from"): "Ответвления от него",
        ("out", "merged-into"): "Во что влит", ("in", "merged-into"): "Что в него влито",
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
