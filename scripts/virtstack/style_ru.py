"""The Russian style sheet as data, and the check that finds its rejected variants.

Input: the model's Documents (each with its file's text), the site's own
phrases in words.py and the hand-written pages docs/ru/*.md.
Output: one Issue per rejected variant in a Russian text, located at the
variant itself. RULES and GENDERS are the one source: STYLE.ru.md, the style
sheet contributors read, carries their tables (rules_table(), genders_table();
tests/test_style_ru.py keeps them equal). Only `make check` runs the check
(pipeline.check(ru_style=True)): a build never fails on wording, CI does.

What is checked: every `ru` text of every model file, except the glossary's
`matches` (the forms a term is linked from, which list rejected spellings on
purpose); for the repository's own model, every Russian phrase in words.py
and the pages of docs/ru. Code spans, URLs and link targets are skipped: a
command or an address is quoted as it is.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .issues import Issue
from .load import Document

__all__ = ["GENDERS", "RULES", "Gender", "Rule", "check_all", "check_model", "check_pages", "check_phrases", "find",
           "genders_table", "rules_table"]

LANG = "ru"
SKIPPED_FIELDS = {"matches"}  # glossary: words a term is linked from, rejected spellings included
WORDS_FILE = Path(__file__).with_name("words.py")
WORDS_SHOWN = "scripts/virtstack/words.py"
PAGES = "docs/ru"  # the hand-written Russian pages, under the folder issue paths are shown from
# The tables of words.py whose phrases stand beside any component, and so cannot know its gender.
TEMPLATE_TABLES = ("LABELS", "GROUP_LABELS")


@dataclass(frozen=True)
class Rule:
    """One rejected variant: the pattern that finds it, what to write instead and why."""

    shown: str        # the rejected variant as the style sheet names it, quoted
    pattern: str      # a regular expression over the text (code spans and URLs blanked out)
    write: str        # the preferred rendering, quoted as the message and the style sheet show it
    why: str          # one line: the reason, in Russian
    templates_only: bool = False  # only for the phrases of TEMPLATE_TABLES, which stand beside any component
    ignore_case: bool = True


@dataclass(frozen=True)
class Gender:
    """The grammatical gender of a product name, and the word it takes it from."""

    name: str
    gender: str   # "м.", "ж." or "ср."
    word: str     # the generic word that decides it: утилита, прошивка, гипервизор, …


GENDERS = (
    Gender("Linux", "м.", "«Linux 2.6.20 вышел», но «ядро Linux вышло»"),
    Gender("KVM", "м.", "модуль ядра, гипервизор"),
    Gender("QEMU", "м.", "эмулятор, VMM"),
    Gender("qemu-kvm", "м.", "форк, пакет"),
    Gender("TCG", "м.", "генератор кода"),
    Gender("QMP", "м.", "протокол"),
    Gender("virtio", "м.", "стандарт"),
    Gender("Xen", "м.", "гипервизор"),
    Gender("VMware ESXi", "м.", "гипервизор"),
    Gender("Hyper-V", "м.", "гипервизор"),
    Gender("VMware Workstation", "м.", "гипервизор, продукт"),
    Gender("VirtualBox", "м.", "гипервизор, продукт"),
    Gender("kvmtool", "ж.", "утилита"),
    Gender("Firecracker", "м.", "монитор виртуальных машин (VMM)"),
    Gender("Cloud Hypervisor", "м.", "монитор виртуальных машин (VMM)"),
    Gender("crosvm", "м.", "монитор виртуальных машин (VMM)"),
    Gender("libvirt", "м.", "проект, набор инструментов"),
    Gender("libvirtd", "м.", "демон"),
    Gender("virtqemud", "м.", "демон"),
    Gender("virsh", "ж.", "утилита"),
    Gender("virt-manager", "м.", "менеджер, графическое приложение"),
    Gender("virt-install", "ж.", "утилита"),
    Gender("virt-clone", "ж.", "утилита"),
    Gender("virt-xml", "ж.", "утилита"),
    Gender("virt-viewer", "м.", "клиент"),
    Gender("GNOME Boxes", "ср.", "приложение"),
    Gender("Cockpit", "м.", "веб-интерфейс"),
    Gender("OVMF", "ж.", "прошивка"),
    Gender("SeaBIOS", "ж.", "прошивка"),
    Gender("SPICE", "м.", "протокол"),
    Gender("VNC", "м.", "протокол"),
    Gender("Intel VT-x", "ср.", "расширение процессора; с родовым словом: «расширение VT-x появилось»"),
    Gender("AMD-V", "ср.", "расширение процессора; с родовым словом: «расширение AMD-V появилось»"),
    Gender("LXC", "ж.", "среда выполнения контейнеров"),
    Gender("Proxmox VE", "ж.", "платформа"),
    Gender("OpenStack Nova", "м.", "сервис"),
)



def _names(gender: str) -> str:
    """Return a pattern matching any product name of one gender, whole, the longest first."""
    names = sorted((g.name for g in GENDERS if g.gender == gender), key=lambda n: (-len(n), n))
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


MASCULINE, FEMININE = _names("м."), _names("ж.")
NOT_VERBS = r"(?!(?:сначала|мала|дела|села|тела|числа|стола|пола|зла|мысла|смысла)\b)"  # nouns and adverbs in -ла
# A past-tense verb in the feminine (вышла, была, появилась) and in the masculine (вышел, был, появился).
FEMININE_PAST = NOT_VERBS + r"[а-яё]+л(?:а|ась)\b"
MASCULINE_PAST = r"(?!(?:пол|стол|мел|угол|ел|смысл|вал|зал)\b)[а-яё]+л(?:ся)?\b"
# Agreement is checked where the name is the subject for sure: first in its sentence (after
# «Впервые» and the like for a feminine name); «поддержка KVM появилась» agrees with «поддержка».
SENTENCE = r"(?:^|(?<=[.!?])\s+)"
OPENERS = r"(?:Впервые|Сначала|Позже|Затем|Теперь|Сегодня|Раньше|Изначально)"

RULES = (
    Rule("«контролирует»", r"\bконтролир[а-яё]*", "«управляет»",
         "ложный друг переводчика: «контролировать» — это «проверять, наблюдать»; «запускает QEMU и управляет им»"),
    Rule("«размещённый» (hosted)", r"\bразмещ[её]нн[а-яё]*",
         "«гипервизор второго типа», «хостовый гипервизор», «работает поверх ОС хоста»",
         "калька с hosted; тип 2 по-русски так не называют"),
    Rule("«гипервизор типа 1», «типа II», «1-го типа»", r"\b[Тт]ип[а-яё]*\s+[„«]?(?:1|2|I|II)\b|\b[12]-?го\s+типа\b",
         "«гипервизор первого типа», «второго типа»", "тип называют словами; «type 1» остаётся только в английском оригинале",
         ignore_case=False),
    Rule("«эмулированный»", r"\bэмулированн[а-яё]*", "«эмулируемый»",
         "один термин по всему сайту: «эмулируемое оборудование», «эмулируемые устройства»"),
    Rule("«VirtIO»", r"\b(?:VirtIO|Virtio|VIRTIO)\b", "«virtio»",
         "строчными, как в названии компонента и в ядре Linux", ignore_case=False),
    Rule("«микроВМ», «микро ВМ»", r"\bмикро\s*ВМ", "«микро-ВМ»", "одно написание: через дефис"),
    Rule("«107 миллионов»", r"\b\d+\s*миллион[а-яё]*", "«107 млн»", "после числа — сокращение «млн», без точки"),
    Rule("«млн.»", r"\bмлн\.(?=\s+[а-яё])", "«млн»", "«млн» пишется без точки", ignore_case=False),
    Rule("«API на C», «Си API», «C-API»", r"\bAPI\s+на\s+(?:C|Си)\b|\bСи[\s-]API\b|\bC-API\b", "«C API»",
         "один термин: «стабильный C API»", ignore_case=False),
    Rule("«исходники»", r"\bисходник[а-яё]*", "«исходный код»", "жаргон; в тексте сайта — «исходный код»"),
    Rule("«кодогенератор»", r"\bкодогенератор[а-яё]*", "«генератор кода»", "один термин, как в глоссарии"),
    Rule("«паравиртуальный»", r"\bпаравиртуальн[а-яё]*", "«паравиртуализированный»",
         "один термин, как в глоссарии: «паравиртуализированные устройства»"),
    Rule("«блочная подсистема»", r"\bблочн[а-яё]+\s+подсистем[а-яё]*", "«блочный уровень»",
         "один термин для block layer"),
    Rule("«код выхода» (KVM_EXIT_*)", r"\bкод[а-яё]*\s+выхода\b", "«причина выхода» (exit reason)",
         "«код выхода» путают с кодом завершения процесса; у процесса — «код завершения»"),
    Rule("«не имеет ни виртуальных процессоров»", r"\bне\s+имеет\s+ни\s+виртуальных\s+процессоров",
         "«нет ни виртуальных процессоров, ни памяти»", "цитата из документации API KVM везде переведена одинаково"),
    Rule("«полная эмуляция системы», «эмуляция целой системы»",
         r"\bполн[а-яё]+\s+эмуляци[а-яё]+\s+систем[а-яё]*|\bэмул[а-яё]+\s+целой\s+систем[а-яё]*",
         "«полносистемная эмуляция» (system mode — «режим эмуляции системы»)", "одно понятие — один термин"),
    Rule("Run (кнопка virt-manager)", r"(?<![(«„])\bRun\b(?![)»“])", "кнопка «Запустить» (Run)",
         "подписи интерфейса — как в русском переводе virt-manager (po/ru.po); оригинал можно дать в скобках",
         ignore_case=False),
    Rule("«сама по себе libvirt», «libvirt была», «вышла libvirt»",
         rf"\bсама(?:\s+по\s+себе)?\s+{MASCULINE}(?![\w-])|{SENTENCE}{MASCULINE}\s+{FEMININE_PAST}"
         rf"|{SENTENCE}{FEMININE_PAST}\s+{MASCULINE}(?![\w-])",
         "«сам по себе libvirt», «libvirt был», «вышел libvirt»",
         "libvirt, QEMU, KVM, Xen, virt-manager и другие названия мужского рода (таблица рода)"),
    Rule("«virsh был», «OVMF получил»", rf"{SENTENCE}(?:{OPENERS}\s+)?(?P<hit>{FEMININE}\s+{MASCULINE_PAST})",
         "«virsh была», «OVMF получила»",
         "virsh, virt-install (утилита), OVMF, SeaBIOS (прошивка) и другие названия женского рода (таблица рода)"),
    Rule("«его», «о нём», «с ним» в шаблоне", r"\b(?:его|него|ему|нему|ним|нём)\b",
         "фраза без местоимения: «Связи описаны ниже», «Что использует этот компонент»",
         "шаблон стоит рядом с любым компонентом и не знает его рода (virsh — она, QEMU — он)",
         templates_only=True),
    Rule("«{name}: с чем связан» в шаблоне", r"\{name\}[^{}]*?(?P<hit>\b[а-яё]+(?:ан|ян|ен|ён)\b)",
         "фраза без согласования: «{name}: связи с другими компонентами»",
         "краткое причастие после {name} требует рода, а его шаблон не знает (virsh — связана, QEMU — связан)",
         templates_only=True),
    Rule("«Как:» перед протоколом", r"^Как$", "фраза без подписи или «Механизм:»",
         "калька с How:; по-русски «Как:» перед существительным не ставят", templates_only=True, ignore_case=False),
    Rule("«еще», «ее», «дает» (без ё)", r"\b(?:еще|ее|нее|(?:со|пере|вы|за|от|по|про|раз|из|пре)?дает(?:ся)?|идет|ведет|"
         r"объем[а-яё]*|счет|расчет[а-яё]*|отсчет[а-яё]*|учет[а-яё]*|отчет[а-яё]*|трех|четырех|приведен(?:н(?:ый|ая|ое|ые|ого|ой|ом|ым|ыми|ых|ую))?)\b",
         "«ещё», «её», «неё», «даёт», «создаёт», «идёт», «объём», «счёт», «учёт», «трёх», «четырёх»", "«ё» пишется везде"),
    Rule('"прямые кавычки"', r'"', "«ёлочки», внутри — „лапки“", "кавычки в русском тексте — только « » и „ “"),
    Rule("«вложенные «ёлочки»»", r"«[^«»]*«", "«внешние „внутренние“»", "кавычки внутри кавычек — „лапки“"),
    Rule("дефис или короткое тире между словами", r"(?<=\s)(?:-|–|--)(?=\s)", "длинное тире с пробелами: « — »",
         "тире — длинное (—), с пробелами с обеих сторон"),
)


# Spans a rule never looks into: `code`, URLs and Markdown link targets.
VERBATIM = re.compile(r"`[^`]*`|https?://\S+|\]\([^)]*\)")
_COMPILED = {rule: re.compile(rule.pattern, re.IGNORECASE if rule.ignore_case else 0) for rule in RULES}


def find(text: str, templates: bool = False) -> list[tuple[int, str, Rule]]:
    """Return (offset, variant, rule) for every rejected variant in one Russian text, in text order."""
    blanked = VERBATIM.sub(lambda m: " " * len(m[0]), text)
    hits = []
    for rule in RULES:
        if rule.templates_only and not templates:
            continue
        for match in _COMPILED[rule].finditer(blanked):
            begin, end = match.span("hit") if match.re.groupindex.get("hit") and match["hit"] else match.span()
            start = begin + len(text[begin:end]) - len(text[begin:end].lstrip(" .!?:"))  # a sentence's start
            hits.append((start, text[start:end], rule))
    return sorted(hits, key=lambda hit: (hit[0], RULES.index(hit[2])))


def message(variant: str, rule: Rule) -> str:
    """Return the message for one hit: the variant found, what to write and why."""
    shown = variant if len(variant) <= 40 else variant[:39] + "…"
    return f"rejected Russian variant «{shown}»: write {rule.write} ({rule.why})"


# The model -----------------------------------------------------------------

def check_model(documents: list[Document]) -> list[Issue]:
    """Return an issue for every rejected variant in the `ru` texts of documents."""
    issues = []
    for doc in documents:
        for path, text in ru_texts(doc.data, ()):
            for offset, variant, rule in find(text):
                issues.append(Issue(doc.path, *_locate(doc, path, text, offset), message(variant, rule), "ru-style"))
    return issues


def ru_texts(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Yield (key path, text) for every Russian string under value: `ru: text` and each item of `ru: [words]`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == LANG and isinstance(item, str):
                yield path + (key,), item
            elif key == LANG and isinstance(item, list):
                yield from ((path + (key, i), word) for i, word in enumerate(item) if isinstance(word, str))
            elif key not in SKIPPED_FIELDS:
                yield from ru_texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from ru_texts(item, path + (index,))


def _locate(doc: Document, path: tuple, text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of text[offset:] in the file, or where the value starts."""
    line, col = doc.where(path)
    return _after(doc.text, line, col, text[:offset], r"\s+") if doc.text else (line, col)


# What may stand between where a YAML value starts and its text: a quote, or a block scalar's indicator line.
OPENING = r"(?:[|>][-+0-9]*[ \t]*\n\s*|[\"'])?"


def _after(raw: str, line: int, col: int, before: str, gap: str) -> tuple[int, int]:
    """Return the line and column just past `before` read from (line, col) of raw, gaps matching gap; else (line, col).

    The words before a hit are found again in the source, so that a line
    break, indentation or folding between them (gap) moves the column on.
    """
    start = sum(len(x) + 1 for x in raw.split("\n")[: line - 1]) + col - 1
    words = gap.join(re.escape(w) for w in before.split())
    found = re.compile(OPENING + (words + r"\s*" if words else "")).match(raw, start)
    if not found:
        return line, col
    at = found.end()
    return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1


# The site's own phrases ------------------------------------------------------

def check_phrases(file: Path = WORDS_FILE, shown: str = WORDS_SHOWN) -> list[Issue]:
    """Return an issue for every rejected variant in the Russian phrases of words.py (or a file laid out like it)."""
    source = file.read_text(encoding="utf-8")
    lines = source.split("\n")
    issues = []
    for table, node in russian_phrases(ast.parse(source)):
        col = len(lines[node.lineno - 1].encode("utf-8")[: node.col_offset].decode("utf-8")) + 1  # ast counts bytes
        for offset, variant, rule in find(node.value, templates=table in TEMPLATE_TABLES):
            # Between the words of a phrase: spaces, or the quotes and line break of implicit concatenation.
            where = _after(source, node.lineno, col, node.value[:offset], r'(?:\s|")+')
            issues.append(Issue(shown, *where, message(variant, rule), "ru-style"))
    return issues


def russian_phrases(tree: ast.Module) -> list[tuple[str, ast.Constant]]:
    """Return (table, string) for every string under a "ru" key of a module-level table (values only, never keys)."""
    found = []
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else [getattr(statement, "target", None)]
        table = next((t.id for t in targets if isinstance(t, ast.Name)), None)
        for node in ast.walk(statement) if table else ():
            if isinstance(node, ast.Dict):
                found += [(table, s) for key, value in zip(node.keys, node.values)
                          if isinstance(key, ast.Constant) and key.value == LANG for s in _strings(value)]
    return sorted(found, key=lambda pair: (pair[1].lineno, pair[1].col_offset))


def _strings(node: ast.AST) -> list[ast.Constant]:
    """Return the string constants in node that are values, skipping the keys of any dict inside it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.Dict):
        return [s for value in node.values for s in _strings(value)]
    return [s for child in ast.iter_child_nodes(node) for s in _strings(child)]


# Hand-written pages -----------------------------------------------------------

# What a page's rules never look into, besides VERBATIM: front matter, fenced code, HTML tags,
# {#anchors} and list markers (a "- " that starts a line is a bullet, not a dash).
PAGE_VERBATIM = re.compile(r"\A---\n.*?\n---\n|^```.*?^```|<[^>]*>|\{[#.][^}]*\}|^[ \t]*(?:[-*+]|\d+\.)[ \t]",
                           re.DOTALL | re.MULTILINE)


def check_pages(folder: Path, root: Path) -> list[Issue]:
    """Return an issue for every rejected variant in the hand-written Russian pages, folder/*.md, shown from root."""
    issues = []
    for page in sorted(folder.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        blanked = PAGE_VERBATIM.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
        for offset, variant, rule in find(blanked):
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            issues.append(Issue(page.relative_to(root).as_posix(), line, col, message(variant, rule), "ru-style"))
    return issues


def check_all(documents: list[Document], root: Path) -> list[Issue]:
    """Return the issues of the model's Russian texts; for the repository's own model, of words.py and docs/ru too.

    root is the folder issue paths are shown from: the repository for its own
    model, which is when the site's phrases and pages are checked with it (a
    fixture or corpus model elsewhere is checked on its own).
    """
    own = (root / WORDS_SHOWN).resolve() == WORDS_FILE.resolve()
    site = check_phrases() + check_pages(root / PAGES, root) if own else []
    return check_model(documents) + site


# The style sheet -------------------------------------------------------------

def rules_table() -> str:
    """Return the Markdown table of RULES that STYLE.ru.md carries."""
    rows = ["| Не пишем | Пишем | Почему | Где |", "| --- | --- | --- | --- |"]
    for rule in RULES:
        where = "шаблоны words.py" if rule.templates_only else "все тексты"
        rows.append(f"| {_cell(rule.shown)} | {_cell(rule.write)} | {_cell(rule.why)} | {where} |")
    return "\n".join(rows) + "\n"


def genders_table() -> str:
    """Return the Markdown table of GENDERS that STYLE.ru.md carries."""
    rows = ["| Название | Род | По какому слову |", "| --- | --- | --- |"]
    rows += [f"| {g.name} | {g.gender} | {_cell(g.word)} |" for g in GENDERS]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    """Return text safe in a Markdown table cell: pipes escaped."""
    return text.replace("|", "\\|")
