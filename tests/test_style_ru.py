"""Tests for style_ru.py: the Russian style sheet's rejected variants, found and located, and STYLE.ru.md in step."""

import re

import pytest

from virtstack import pipeline, style_ru
from virtstack.issues import ModelError, format_issue
from virtstack.load import load_documents

from conftest import FIXTURES, ROOT

FIXTURE_COMPONENTS = (FIXTURES / "valid/components.yaml").read_text(encoding="utf-8")
STYLE_SHEET = ROOT / "STYLE.ru.md"

# One text per rule that the rule must find, and what it finds there.
REJECTED = {
    "«контролирует»": ("libvirt запускает и контролирует QEMU.", "контролирует"),
    "«размещённый» (hosted)": ("VirtualBox — размещённый (hosted) гипервизор.", "размещённый"),
    "«гипервизор типа 1», «типа II», «1-го типа»": ("его назвали гипервизором „типа II“", "типа II"),
    "«эмулированный»": ("QEMU предоставляет эмулированное оборудование.", "эмулированное"),
    "«VirtIO»": ("устройства VirtIO", "VirtIO"),
    "«микроВМ», «микро ВМ»": ("Каждая микроВМ — один процесс.", "микроВМ"),
    "«107 миллионов»": ("за 107 миллионов долларов США", "107 миллионов"),
    "«млн.»": ("за 107 млн. долларов США", "млн."),
    "«API на C», «Си API», «C-API»": ("переносимый API на C", "API на C"),
    "«исходники»": ("собирает его из исходников libvirt", "исходников"),
    "«кодогенератор»": ("TCG — новый кодогенератор", "кодогенератор"),
    "«паравиртуальный»": ("Стандарт паравиртуальных устройств", "паравиртуальных"),
    "«блочная подсистема»": ("блочную подсистему со снимками", "блочную подсистему"),
    "«код выхода» (KVM_EXIT_*)": ("возвращает управление с кодом выхода вроде `KVM_EXIT_IO`", "кодом выхода"),
    "«не имеет ни виртуальных процессоров»": ("ВМ «не имеет ни виртуальных процессоров, ни памяти»",
                                              "не имеет ни виртуальных процессоров"),
    "«полная эмуляция системы», «эмуляция целой системы»": ("Эмуляция целой системы появилась в 0.4.",
                                                           "Эмуляция целой системы"),
    "Run (кнопка virt-manager)": ("Вы нажимаете Run.", "Run"),
    "«сама по себе libvirt», «libvirt была», «вышла libvirt»": ("Вышла libvirt 0.0.1.", "Вышла libvirt"),
    "«virsh был», «OVMF получил»": ("Впервые virt-xml появился в virt-manager 1.0.0.", "virt-xml появился"),
    "«его», «о нём», «с ним» в шаблоне": ("Его связи описаны ниже.", "Его"),
    "«{name}: с чем связан» в шаблоне": ("{name}: с чем связан", "связан"),
    "«Как:» перед протоколом": ("Как", "Как"),
    "«еще», «ее», «дает» (без ё)": ("KVM дает гостю процессор, а QEMU еще и устройства.", "дает"),
    '"прямые кавычки"': ('сообщение "Initial commit"', '"'),
    "«вложенные «ёлочки»»": ("«гипервизор «на голом железе»»", "«гипервизор «"),
    "дефис или короткое тире между словами": ("KVM - модуль ядра", "-"),
}

# The renderings the style sheet prefers, and text near the rejected variants that is fine.
PREFERRED = [
    "libvirt запускает QEMU и управляет им; контроллер прерываний и контрольные группы (cgroups).",
    "гипервизор второго типа, хостовый гипервизор, работает поверх ОС хоста; Nova размещает ВМ на хостах.",
    "гипервизор первого типа, гипервизор «на голом железе» (type 1 hypervisor); тип процессора x86.",
    "эмулируемое оборудование, эмулируемые устройства; полносистемная эмуляция; режим эмуляции системы.",
    "устройства virtio, virtio-устройства, `VirtIO` в коде; микро-ВМ (microVM).",
    "примерно за 107 млн долларов США; миллионы пользователей; стабильный C API.",
    "таблица приведена ниже, примеры приведены в документации; приведённый пример.",
    "исходный код; генератор кода; паравиртуализированные устройства; блочный уровень.",
    "причина выхода (exit reason) вроде `KVM_EXIT_IO`; код завершения процесса.",
    "у новой ВМ «нет ни виртуальных процессоров, ни памяти».",
    "кнопка «Запустить» (Run); «Вид → Подробности».",
    "Сам по себе libvirt не создаёт ВМ. libvirt был написан в Red Hat. Вышел libvirt 0.0.1. "
    "Поддержка KVM появилась в libvirt 0.3.0. QEMU сначала был эмулятором.",
    "virsh была написана давно. Прошивка OVMF получила поддержку. Впервые virt-xml появилась в virt-manager.",
    "его код перенесли; о нём; с ним — в связном тексте модели местоимения уместны.",
    "ещё, её, неё, даёт, создаёт, передаётся, идёт, ведёт, объём, за счёт, учёт, трёх, четырёх; падает, совпадает.",
    "«ёлочки» и „лапки“: «гипервизор „на голом железе“»; тире — с пробелами; virt-manager, 2.6.20-rc1, x86-64.",
    "см. `qemu-system-x86_64 -enable-kvm` и https://example.org/a-b — дефис в адресе и в коде не тире",
]


def hits(text: str, templates: bool = False) -> list[tuple[str, str]]:
    """Return (variant, rule) for every hit in text."""
    return [(variant, rule.shown) for _, variant, rule in style_ru.find(text, templates)]


def test_every_rule_has_an_example_it_finds():
    assert set(REJECTED) == {rule.shown for rule in style_ru.RULES}
    for rule in style_ru.RULES:
        text, variant = REJECTED[rule.shown]
        assert (variant, rule.shown) in hits(text, templates=True), rule.shown


@pytest.mark.parametrize("text", PREFERRED)
def test_no_rule_finds_the_preferred_renderings(text):
    assert hits(text) == []


def test_template_rules_only_apply_to_template_phrases():
    assert hits("Его связи описаны ниже.") == []
    assert hits("Его связи описаны ниже.", templates=True) == [("Его", "«его», «о нём», «с ним» в шаблоне")]


def test_a_planted_variant_is_an_error_at_its_line_and_column(model_dir):
    folder = model_dir({"components.yaml": FIXTURE_COMPONENTS.replace(
        "ru: Эмулятор машины.}", "ru: Эмулятор машины с устройствами VirtIO.}").replace(
        'ru: "Запускает гостевые системы через `/dev/kvm`."}',
        'ru: "Запускает и контролирует гостевые системы через `/dev/kvm`."}')})
    with pytest.raises(ModelError) as error:
        pipeline.check(folder, folder.parent, ru_style=True)
    assert [format_issue(i) for i in error.value.issues] == [
        "diagrams/components.yaml:6:71: error: rejected Russian variant «контролирует»: write «управляет» "
        "(ложный друг переводчика: «контролировать» — это «проверять, наблюдать»; «запускает QEMU и управляет им») "
        "[ru-style]",
        "diagrams/components.yaml:12:75: error: rejected Russian variant «VirtIO»: write «virtio» "
        "(строчными, как в названии компонента и в ядре Linux) [ru-style]",
    ]


def test_a_variant_in_a_folded_text_is_located_on_its_own_line(model_dir):
    folder = model_dir({"components.yaml": FIXTURE_COMPONENTS.replace(
        "summary: {en: A machine emulator., ru: Эмулятор машины.}",
        "summary:\n      en: A machine emulator.\n      ru: >\n        Эмулятор машины,\n"
        "          который предоставляет эмулированное оборудование.")})
    documents, _ = load_documents(folder, folder.parent)
    assert [format_issue(i) for i in style_ru.check_model(documents)] == [
        "diagrams/components.yaml:16:33: error: rejected Russian variant «эмулированное»: write «эмулируемый» "
        "(один термин по всему сайту: «эмулируемое оборудование», «эмулируемые устройства») [ru-style]"]


def test_glossary_matches_and_code_spans_are_not_checked(model_dir):
    folder = model_dir({"glossary.yaml": """\
terms:
  - id: hosted
    term: {en: type 2 hypervisor, ru: гипервизор второго типа}
    matches: {en: [hosted hypervisor], ru: [размещённый гипервизор, гипервизор типа 2]}
    definition:
      - text: {en: "Runs on an OS: `VirtIO`.", ru: "Работает поверх ОС хоста: `VirtIO`."}
        sources: [api]
"""})
    documents, _ = load_documents(folder, folder.parent)
    assert style_ru.check_model(documents) == []


def test_a_build_never_fails_on_wording(model_dir):
    folder = model_dir({"components.yaml": FIXTURE_COMPONENTS.replace("ru: Эмулятор машины.}", "ru: Эмулятор VirtIO.}")})
    model, issues = pipeline.check(folder, folder.parent)
    assert model is not None and issues == []


def test_phrases_are_checked_in_every_table_and_template_rules_in_the_template_tables(tmp_path):
    words = tmp_path / "words.py"
    words.write_text('''\
LABELS = {
    "en": {"relations-below": "Its relations are below."},
    "ru": {"relations-below": "Его связи описаны ниже.", "via": "Как",
           "intro": "Стек нарисован полосами "
                    "и контролирует всё."},
}
REFERENCE_WORDS = {"ru": {"fields": {"component.id": "из него строятся URL"}, "note": "Строка с VirtIO"}}
''', encoding="utf-8")
    assert [format_issue(i) for i in style_ru.check_phrases(words, "words.py")] == [
        "words.py:3:32: error: rejected Russian variant «Его»: write фраза без местоимения: «Связи описаны ниже», "
        "«Что использует этот компонент» (шаблон стоит рядом с любым компонентом и не знает его рода "
        "(virsh — она, QEMU — он)) [ru-style]",
        "words.py:3:66: error: rejected Russian variant «Как»: write фраза без подписи или «Механизм:» "
        "(калька с How:; по-русски «Как:» перед существительным не ставят) [ru-style]",
        "words.py:5:24: error: rejected Russian variant «контролирует»: write «управляет» "
        "(ложный друг переводчика: «контролировать» — это «проверять, наблюдать»; «запускает QEMU и управляет им») "
        "[ru-style]",
        "words.py:7:97: error: rejected Russian variant «VirtIO»: write «virtio» "
        "(строчными, как в названии компонента и в ядре Linux) [ru-style]",
    ]


def test_the_template_tables_are_in_words_py():
    source = style_ru.WORDS_FILE.read_text(encoding="utf-8")
    assert [t for t in style_ru.TEMPLATE_TABLES if not re.search(rf"^{t} = ", source, re.MULTILINE)] == []


def test_hand_written_pages_skip_front_matter_code_anchors_and_list_markers(tmp_path):
    pages = tmp_path / "docs/ru"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text(
        '---\ntitle: "VirtIO"\n---\n\n# О сайте {#top}\n\n```\nVirtIO "x"\n```\n\n- пункт — списка\n\nСайт контролирует `VirtIO`.\n',
        encoding="utf-8")
    assert [format_issue(i) for i in style_ru.check_pages(pages, tmp_path)] == [
        "docs/ru/about.md:13:6: error: rejected Russian variant «контролирует»: write «управляет» "
        "(ложный друг переводчика: «контролировать» — это «проверять, наблюдать»; «запускает QEMU и управляет им») "
        "[ru-style]"]


def generated_block(name: str) -> str:
    """Return the text STYLE.ru.md holds between its <!-- name: … --> and <!-- /name --> lines."""
    match = re.search(rf"^<!-- {name}: [^\n]*-->\n(.*?)^<!-- /{name} -->$", STYLE_SHEET.read_text(encoding="utf-8"),
                      re.DOTALL | re.MULTILINE)
    assert match, f"STYLE.ru.md has no <!-- {name}: … --> block"
    return match[1]


@pytest.mark.parametrize("name, table", [("rules", style_ru.rules_table), ("genders", style_ru.genders_table)])
def test_style_sheet_carries_the_generated_tables(name, table):
    assert generated_block(name) == table(), f"paste this table into STYLE.ru.md's {name} block:\n" + table()


def test_every_product_name_in_the_model_has_its_gender():
    documents, _ = load_documents(ROOT / "diagrams", ROOT)
    names = {item["name"]["ru"] for doc in documents if isinstance(doc.data, dict)
             for item in doc.data.get("components") or [] if isinstance(item.get("name"), dict)}
    assert sorted(names - {g.name for g in style_ru.GENDERS}) == []


def test_contributing_links_the_style_sheet():
    assert "[STYLE.ru.md](STYLE.ru.md)" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_repository_has_no_rejected_variant():
    """Fails while a Russian text of the model, words.py or docs/ru still uses one: the lines say where."""
    documents, _ = load_documents(ROOT / "diagrams", ROOT)
    assert [format_issue(i) for i in style_ru.check_all(documents, ROOT)] == []
