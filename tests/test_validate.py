"""Tests for validate.py: one test per issue code, each asserting whole lines."""

import pytest

from virtstack import model as m, pipeline
from virtstack.issues import ModelError
from virtstack.issues import format_issue
from virtstack.load import load_documents
from virtstack.validate import partial_model, validate_model

from conftest import FIXTURES

FIXTURE_COMPONENTS = (FIXTURES / "valid/components.yaml").read_text()


@pytest.fixture
def check(model_dir):
    """Return a function: replace model files, validate, return (model, issue lines)."""
    def run(files=None):
        folder = model_dir(files)
        documents, issues = load_documents(folder, folder.parent)
        model, found = validate_model(documents)
        return model, [format_issue(i) for i in issues + found]
    return run


def errors(check, files):
    """Return the error lines (not the warnings) for a model with files replaced."""
    return [line for line in check(files)[1] if ": error: " in line]


RELATION = """\
relations:
  - from: qemu
    to: kvm
    kind: uses
    label: {en: runs guests with, ru: запускает гостевые системы с помощью}
    sources: [api]
"""


def test_validate_model_builds_the_fixture_model(check):
    model, issues = check()
    assert issues == []
    assert [layer.id for layer in model.layers] == ["kernel", "tools"]
    assert [c.id for c in model.components] == ["kvm", "qemu", "virsh"]
    assert [r.id for r in model.relations] == ["qemu-uses-kvm", "virsh-controls-qemu"]
    assert model.component_by_id["qemu"].licence == m.Licence("GPL-2.0-only", ("readme",))
    assert model.component_by_id["qemu"].packages == m.Packages(("qemu-system-x86",), (), (), None, ("readme",))
    assert model.component_by_id["kvm"].description == ()
    assert model.home_view == m.View(
        id="stack", home=True, kind="stack", title=m.Text("The stack", "Стек"), summary=m.Text("All of it.", "Всё целиком."),
        intro=(m.Statement(m.Text("QEMU uses KVM.", "QEMU использует KVM."), ("api", "readme")),),
        layers=("kernel", "tools"), components=("kvm", "qemu", "virsh"))


def test_unknown_ref_suggests_the_closest_id(check):
    assert errors(check, {"relations.yaml": RELATION.replace("to: kvm", "to: kvn")}) == [
        "diagrams/relations.yaml:3:9: error: unknown component 'kvn' in 'to' (did you mean 'kvm'?) [unknown-ref]"]


def test_unknown_ref_lists_the_known_ids_when_none_is_close(check):
    assert errors(check, {"relations.yaml": RELATION.replace("sources: [api]", "sources: [zzz]")}) == [
        "diagrams/relations.yaml:6:15: error: unknown source 'zzz' in 'sources' (known: api, readme) [unknown-ref]"]


def test_unknown_field_suggests_the_closest_field(check):
    assert errors(check, {"relations.yaml": RELATION.replace("label:", "lable:")}) == [
        "diagrams/relations.yaml:5:5: error: unknown field 'lable' in relation (did you mean 'label'?) [unknown-field]",
        "diagrams/relations.yaml:2:5: error: relation is missing the required field 'label' [missing-field]",
    ][::-1]


def test_unknown_field_lists_the_allowed_fields(check):
    assert errors(check, {"relations.yaml": RELATION.replace("    sources:", "    zzzz: 1\n    sources:")}) == [
        "diagrams/relations.yaml:6:5: error: unknown field 'zzzz' in relation "
        "(allowed: from, to, kind, label, sentence, protocol, interface, sources, aliases) [unknown-field]"]


def test_unknown_top_level_key(check):
    assert errors(check, {"relations.yaml": RELATION + "extra: 1\n"}) == [
        "diagrams/relations.yaml:7:1: error: unknown top-level key 'extra' (expected 'relations') [unknown-field]"]


def test_missing_field_names_the_entity(check):
    text = "sources:\n  - id: api\n    title: T\n    url: https://example.org/\n    checked: '2026-11'\n"
    assert errors(check, {"sources.yaml": text, "components.yaml": "components: []\n", "relations.yaml": "relations: []\n",
                          "views.yaml": "views:\n  - {id: v, home: true, title: {en: T, ru: Заголовок}, summary: {en: S, ru: Сводка}}\n"}) == [
        "diagrams/sources.yaml:2:5: error: source 'api' is missing the required field 'publisher' [missing-field]"]


def test_bad_type_names_what_was_expected_and_found(check):
    assert errors(check, {"relations.yaml": RELATION.replace("sources: [api]", "sources: api")}) == [
        "diagrams/relations.yaml:6:14: error: 'sources' must be a list but got 'api' [bad-type]"]


def test_bad_type_for_a_file_that_is_not_a_mapping(check):
    assert errors(check, {"relations.yaml": "- 1\n"}) == [
        "diagrams/relations.yaml:1:1: error: file must be a mapping with the key 'relations' but got a list [bad-type]"]


def test_bad_type_for_a_text_given_as_a_string(check):
    assert errors(check, {"relations.yaml": RELATION.replace("{en: runs guests with, ru: запускает гостевые системы с помощью}", "runs guests with")}) == [
        "diagrams/relations.yaml:5:12: error: 'label' must be a text such as {en: ..., ru: ...} but got 'runs guests with' [bad-type]"]


def test_bad_type_for_a_boolean(check):
    views = "views:\n  - {id: v, home: yes, title: {en: T, ru: Заголовок}, summary: {en: S, ru: Сводка}}\n"
    assert errors(check, {"views.yaml": views}) == [
        "diagrams/views.yaml:2:19: error: 'home' must be true or false but got 'yes' [bad-type]",
        "diagrams/views.yaml:2:3: error: exactly one view must have 'home: true' but found none [home-view]",
    ][::-1]


def test_bad_enum_suggests_the_closest_value(check):
    assert errors(check, {"relations.yaml": RELATION.replace("kind: uses", "kind: usees")}) == [
        "diagrams/relations.yaml:4:11: error: 'kind' must be one of: uses, controls, accelerates, part-of, provides, "
        "forked-from, merged-into but got 'usees' (did you mean 'uses'?) [bad-enum]"]


def test_bad_id_shows_the_pattern_and_is_never_suggested(check):
    text = "sources:\n  - {id: Api, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/components.yaml:7:15: error: unknown source 'api' in 'sources' (known: readme) [unknown-ref]",
        "diagrams/relations.yaml:7:15: error: unknown source 'api' in 'sources' (known: readme) [unknown-ref]",
        "diagrams/sources.yaml:2:10: error: 'id' must be lowercase letters and digits joined by single "
        "hyphens (like 'virt-manager') but got 'Api' [bad-id]",
        "diagrams/views.yaml:8:19: error: unknown source 'api' in 'sources' (known: readme) [unknown-ref]",
    ]


def test_unknown_ref_does_not_propose_the_broken_id_it_fails_to_find(check):
    # 'kvm ' fails its own check; proposing it for the references to 'kvm' would send the reader in a circle.
    components = (FIXTURES / "valid/components.yaml").read_text().replace("  - id: kvm\n", "  - id: 'kvm '\n")
    assert errors(check, {"components.yaml": components}) == [
        "diagrams/components.yaml:2:9: error: 'id' must be lowercase letters and digits joined by single "
        "hyphens (like 'virt-manager') but got 'kvm ' [bad-id]",
        "diagrams/relations.yaml:3:9: error: unknown component 'kvm' in 'to' (known: qemu, virsh) [unknown-ref]",
    ]


def test_bad_url_accepts_only_http_and_https(check):
    text = "sources:\n  - {id: api, title: T, url: 'javascript:alert(1)', publisher: P, checked: '2026-11'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/sources.yaml:2:30: error: 'url' must be an http:// or https:// URL but got 'javascript:alert(1)' [bad-url]"]


def test_bad_date_checks_the_calendar(check):
    text = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P, date: '2007-02-30', checked: '2026-11'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/sources.yaml:2:68: error: 'date' must be a date as YYYY, YYYY-MM or YYYY-MM-DD but got '2007-02-30' [bad-date]"]


@pytest.mark.parametrize(("date", "hint"), [
    ("2019-9-3", ' (did you mean "2019-09-03"?)'),
    ("'2019-9'", ' (did you mean "2019-09"?)'),
    ("2019/09/03", ' (did you mean "2019-09-03"?)'),
    ("2019-2-30", ""),  # not in the calendar, however it is written
    ("03.09.2019", ""),  # which of 03 and 09 is the month cannot be told
])
def test_bad_date_suggests_the_date_written_as_the_checker_wants_it(check, date, hint):
    text = f"sources:\n  - {{id: api, title: T, url: 'https://e.org/', publisher: P, date: {date}, checked: '2026-11'}}\n  - {{id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}}\n"
    shown = date.strip("'")
    assert errors(check, {"sources.yaml": text}) == [
        f"diagrams/sources.yaml:2:68: error: 'date' must be a date as YYYY, YYYY-MM or YYYY-MM-DD but got '{shown}'{hint} [bad-date]"]


@pytest.mark.parametrize(("date", "why"), [
    ("2007", "unquoted, YAML reads a year as a number"),
    ("2007-02", "like every date, so that no YAML tool reads one as a number or a timestamp"),
    ("2007-02-04", "unquoted, YAML 1.1 tools read a full date as a timestamp"),
])
def test_bad_date_refuses_a_date_without_quotes(check, date, why):
    text = f"sources:\n  - {{id: api, title: T, url: 'https://e.org/', publisher: P, date: {date}, checked: '2026-11'}}\n  - {{id: readme, title: T, url: 'https://e.org/', publisher: P, date: \"{date}\", checked: '2026-11'}}\n"
    assert errors(check, {"sources.yaml": text}) == [
        f"diagrams/sources.yaml:2:68: error: 'date' must be quoted: write \"{date}\" ({why}) [bad-date]"]


TODO_COMPONENT = """\
components:
  - id: lxc
    name: {en: LXC, ru: TODO}
    layer: TODO
    kind: TODO
    summary:
      en: "TODO: one sentence"
      ru: Контейнеры.
    sources: [api, TODO]
    homepage: TODO
    first_release: {date: "TODO", text: {en: First., ru: TODO}, sources: [TODO]}
"""


def test_todo_says_what_to_write_in_place_of_each_placeholder(check):
    assert errors(check, {"components.more.yaml": TODO_COMPONENT}) == [
        "diagrams/components.more.yaml:3:25: error: 'name.ru' still holds a TODO placeholder; write the name in Russian [todo]",
        "diagrams/components.more.yaml:4:12: error: 'layer' still holds a TODO placeholder; write the layer "
        "(the id of a layer: kernel, tools) [todo]",
        "diagrams/components.more.yaml:5:11: error: 'kind' still holds a TODO placeholder; write the kind: one of cpu-extension, "
        "kernel, kernel-module, hypervisor, vmm, subsystem, library, daemon, cli, gui, web-ui, protocol, firmware, package, "
        "platform, container-runtime [todo]",
        "diagrams/components.more.yaml:7:11: error: 'summary.en' still holds a TODO placeholder; write the summary in English "
        "(one sentence: what it is) [todo]",
        "diagrams/components.more.yaml:9:20: error: 'sources' still holds a TODO placeholder; write the sources "
        "(ids of the sources that back it) [todo]",
        "diagrams/components.more.yaml:10:15: error: 'homepage' still holds a TODO placeholder; write the homepage: "
        "an http:// or https:// URL, or remove 'homepage' (it is optional) [todo]",
        "diagrams/components.more.yaml:11:27: error: 'date' still holds a TODO placeholder; write the date in quotes: "
        '"YYYY", "YYYY-MM" or "YYYY-MM-DD" [todo]',
        "diagrams/components.more.yaml:11:58: error: 'text.ru' still holds a TODO placeholder; write the text in Russian "
        "(what was released) [todo]",
        "diagrams/components.more.yaml:11:75: error: 'sources' still holds a TODO placeholder; write the sources "
        "(ids of the sources that back it) [todo]",
    ]


def test_todo_is_matched_as_a_whole_word_only(check):
    text = TODO_COMPONENT.replace("TODO", "todo").replace("todo: one sentence", "A TODOS list.")
    assert [line for line in errors(check, {"components.more.yaml": text}) if "[todo]" in line] == []


def test_empty_list_and_blank_string(check):
    text = RELATION.replace("sources: [api]", "sources: []").replace("{en: runs guests with,", "{en: '  ',")
    assert errors(check, {"relations.yaml": text}) == [
        "diagrams/relations.yaml:5:17: error: 'label.en' must not be blank [empty]",
        "diagrams/relations.yaml:6:14: error: 'sources' must not be empty [empty]",
    ]


def test_unknown_language_and_missing_translation(check):
    assert errors(check, {"relations.yaml": RELATION.replace("{en: runs guests with, ru: запускает гостевые системы с помощью}", "{de: startet}")}) == [
        "diagrams/relations.yaml:5:12: error: 'label' has no 'en' text [missing-translation]",
        "diagrams/relations.yaml:5:12: error: 'label' has no 'ru' text [missing-translation]",
        "diagrams/relations.yaml:5:13: error: unknown language 'de' in 'label' (allowed: en, ru) [unknown-language]",
    ]


def test_duplicate_id_points_at_the_first_definition(check):
    text = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n  - {id: api, title: U, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/sources.yaml:4:10: error: duplicate source 'api' (first defined at diagrams/sources.yaml:2:10) [duplicate-id]"]


def test_duplicate_relation_is_found_by_its_derived_id(check):
    assert errors(check, {"relations.yaml": RELATION + RELATION.removeprefix("relations:\n")}) == [
        "diagrams/relations.yaml:7:5: error: duplicate relation 'qemu-uses-kvm' (first defined at diagrams/relations.yaml:2:5) [duplicate-id]"]


def test_home_view_must_be_unique(check):
    views = ("views:\n  - {id: a, home: true, title: {en: T, ru: Заголовок}, summary: {en: S, ru: Сводка}}\n"
             "  - {id: b, home: true, title: {en: T, ru: Заголовок}, summary: {en: S, ru: Сводка}}\n")
    assert errors(check, {"views.yaml": views}) == [
        "diagrams/views.yaml:2:3: error: exactly one view must have 'home: true' but found 'a', 'b' [home-view]"]


def test_missing_and_unknown_files(check):
    assert errors(check, {"views.yaml": None, "view.yaml": "views: []\n"}) == [
        "diagrams/view.yaml:1:1: error: unknown model file 'view.yaml' (did you mean 'views.yaml'?) [unknown-file]",
        "diagrams/views.yaml:1:1: error: file is missing; every model needs it [missing-file]",
    ]


def test_every_problem_is_reported_in_one_run(check):
    text = RELATION.replace("to: kvm", "to: kvn").replace("kind: uses", "kind: usees").replace("sources: [api]", "sources: [apu]")
    assert errors(check, {"relations.yaml": text}) == [
        "diagrams/relations.yaml:3:9: error: unknown component 'kvn' in 'to' (did you mean 'kvm'?) [unknown-ref]",
        "diagrams/relations.yaml:4:11: error: 'kind' must be one of: uses, controls, accelerates, part-of, provides, "
        "forked-from, merged-into but got 'usees' (did you mean 'uses'?) [bad-enum]",
        "diagrams/relations.yaml:6:15: error: unknown source 'apu' in 'sources' (did you mean 'api'?) [unknown-ref]",
    ]


def test_messages_show_control_characters_escaped(check):
    assert errors(check, {"relations.yaml": RELATION.replace("to: kvm", 'to: "kv\\u001bm"')}) == [
        "diagrams/relations.yaml:3:9: error: unknown component 'kv\\x1bm' in 'to' (did you mean 'kvm'?) [unknown-ref]"]


def test_a_collection_may_be_split_into_parts(check):
    extra = "components:\n  - {id: lxc, name: {en: LXC, ru: LXC}, layer: kernel, kind: container-runtime, summary: {en: S, ru: Сводка}, sources: [api]}\n"
    model, issues = check({"components.more.yaml": extra})
    assert issues == ["diagrams/components.more.yaml:2:10: warning: component 'lxc' has no relations; add one to relations.yaml [no-relations]"]
    assert [c.id for c in model.components] == ["kvm", "lxc", "qemu", "virsh"]


def test_layers_cannot_be_split_and_part_names_must_be_ids(check):
    assert errors(check, {"layers.more.yaml": "layers: []\n", "components.Big.yaml": "components: []\n"}) == [
        "diagrams/components.Big.yaml:1:1: error: unknown model file 'components.Big.yaml': a part name is "
        "lowercase letters, digits and hyphens, like components.tools.yaml [unknown-file]",
        "diagrams/layers.more.yaml:1:1: error: unknown model file 'layers.more.yaml': layers.yaml cannot be split into parts [unknown-file]",
    ]


PATH_VIEW = """\
views:
  - id: stack
    home: true
    title: {en: T, ru: Заголовок}
    summary: {en: S, ru: Сводка}
  - id: start
    kind: path
    title: {en: T, ru: Заголовок}
    summary: {en: S, ru: Сводка}
    columns:
      - {id: a, title: {en: A, ru: Столбец}, components: [kvm]}
"""


def test_view_kinds_need_their_own_fields_and_refuse_the_others(check):
    assert errors(check, {"views.yaml": PATH_VIEW}) == [
        "diagrams/views.yaml:6:5: error: view 'start' of kind 'path' is missing the field 'steps' [missing-field]",
        "diagrams/views.yaml:10:5: error: 'columns' does not belong in view 'start' of kind 'path' [unknown-field]",
    ]


def test_path_steps_refer_to_relations_by_their_derived_id(check):
    views = PATH_VIEW.replace("""    columns:
      - {id: a, title: {en: A, ru: Столбец}, components: [kvm]}
""", """    steps:
      - {relation: qemu-uses-kvm, text: {en: QEMU asks KVM., ru: QEMU обращается к KVM.}, sources: [api]}
      - {relation: virsh-uses-qemu, text: {en: virsh asks., ru: virsh обращается.}, sources: [api]}
""")
    assert errors(check, {"views.yaml": views}) == [
        "diagrams/views.yaml:12:20: error: unknown relation 'virsh-uses-qemu' in 'relation' "
        "(did you mean 'virsh-controls-qemu'?) [unknown-ref]"]


def test_claims_questions_events_and_terms_are_built(check):
    files = {
        "claims.yaml": "claims:\n  - {id: c2, section: kvm, claim: {en: C, ru: Утверждение}, verdict: wrong, "
                       "correction: [{text: {en: X, ru: Поправка}, sources: [api]}], about: [kvm]}\n"
                       "  - {id: c1, section: qemu, claim: {en: C, ru: Утверждение}, verdict: correct, "
                       "correction: [{text: {en: X, ru: Поправка}, sources: [api]}]}\n",
        "questions.yaml": "questions:\n  - id: qemu-kvm\n    title: {en: Q, ru: Вопрос}\n    short_answer: [{text: {en: A, ru: Ответ}, sources: [api]}]\n"
                          "    claims: [c2]\n    view: stack\n    sections:\n"
                          "      - {id: pkgs, title: {en: P, ru: Пакеты}, body: [], table: packages, components: [qemu]}\n",
        "events.yaml": "events:\n  - {id: b, date: '2007', text: {en: B, ru: Второе}, sources: [api]}\n"
                       "  - {id: a, date: '2006-12', text: {en: A, ru: Первое}, sources: [api]}\n",
        "glossary.yaml": "terms:\n  - {id: vmm, term: {en: VMM, ru: VMM}, matches: {en: [VMM, VMMs], ru: [VMM]}, "
                         "definition: [{text: {en: D, ru: Определение}, sources: [api]}]}\n",
    }
    model, issues = check(files)
    assert issues == []
    assert [c.id for c in model.claims] == ["c2", "c1"]
    assert model.questions[0].sections[0] == m.Section("pkgs", m.Text("P", "Пакеты"), (), "packages", ("qemu",))
    assert [e.id for e in model.events] == ["a", "b"]
    assert model.terms[0].matches == m.Words(("VMM", "VMMs"), ("VMM",))


def test_a_table_section_needs_components(check):
    questions = ("questions:\n  - id: q\n    title: {en: Q, ru: Вопрос}\n    short_answer: [{text: {en: A, ru: Ответ}, sources: [api]}]\n"
                 "    sections:\n      - {id: pkgs, title: {en: P, ru: Пакеты}, body: [], table: packages}\n")
    assert errors(check, {"questions.yaml": questions}) == [
        "diagrams/questions.yaml:6:65: error: a section with a 'table' needs the 'components' to list [missing-field]"]


def with_sentence(sentence: str) -> dict[str, str]:
    """Return the model files with RELATION given a sentence (a YAML flow mapping)."""
    return {"relations.yaml": RELATION.replace("    sources:", f"    sentence: {sentence}\n    sources:")}


def test_a_relation_sentence_is_built_in_the_languages_it_has(check):
    model, issues = check(with_sentence('{ru: "{from} запускает на {to} гостевые системы"}'))
    assert issues[0].endswith("[no-relations]") and len(issues) == 1  # virsh lost its relation
    assert model.relation_by_id["qemu-uses-kvm"].sentence == m.Template(ru="{from} запускает на {to} гостевые системы")


def test_bad_placeholder_in_a_relation_sentence(check):
    assert errors(check, with_sentence('{en: "{form} runs guests with {to}", ru: "{from} запускает {to} на {to}"}')) == [
        "diagrams/relations.yaml:6:20: error: 'sentence.en' does not hold {from}; a sentence holds {from} and {to}, "
        "once each [bad-placeholder]",
        "diagrams/relations.yaml:6:20: error: 'sentence.en' has the unknown placeholder '{form}' (did you mean 'from'?); "
        "a sentence holds {from} and {to}, once each [bad-placeholder]",
        "diagrams/relations.yaml:6:56: error: 'sentence.ru' holds {to} 2 times; a sentence holds {from} and {to}, "
        "once each [bad-placeholder]"]


@pytest.mark.parametrize("sentence, line", [
    ("{}", "diagrams/relations.yaml:6:15: error: 'sentence' has no language; write the sentence in one at least, "
           "or remove 'sentence' [empty]"),
    ('"{from} runs {to}"', "diagrams/relations.yaml:6:15: error: 'sentence' must be a sentence per language such as "
                           '{ru: "{from} ... {to}"} but got \'{from} runs {to}\' [bad-type]'),
    ('{de: "{from} startet {to}"}', "diagrams/relations.yaml:6:16: error: unknown language 'de' in 'sentence' "
                                    "(allowed: en, ru) [unknown-language]"),
])
def test_a_relation_sentence_is_a_mapping_of_known_languages(check, sentence, line):
    assert errors(check, with_sentence(sentence)) == [line]


def test_words_must_be_lists_of_strings(check):
    terms = ("terms:\n  - {id: vmm, term: {en: VMM, ru: VMM}, matches: {en: VMM, ru: [VMM]}, "
             "definition: [{text: {en: D, ru: Определение}, sources: [api]}]}\n")
    assert errors(check, {"glossary.yaml": terms}) == [
        "diagrams/glossary.yaml:2:55: error: 'matches.en' must be a list but got 'VMM' [bad-type]"]


def test_warnings_for_a_source_cited_nowhere_and_a_component_without_relations(check):
    sources = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n  - {id: spare, title: T, url: 'https://e.org/', publisher: P, checked: '2026-11'}\n"
    model, issues = check({"relations.yaml": RELATION, "sources.yaml": sources})
    assert model is not None
    assert issues == [
        "diagrams/components.yaml:18:9: warning: component 'virsh' has no relations; add one to relations.yaml [no-relations]",
        "diagrams/sources.yaml:4:10: warning: source 'spare' is cited nowhere; cite it or remove it [unused-source]",
    ]


# Retired ids and the partial model ---------------------------------------------

def retire(*entries: str) -> str:
    """Return a retired.yaml with one entry per 'id kind'."""
    return "retired:\n" + "".join(f"  - {{id: {entry.split()[0]}, kind: {entry.split()[1]}, date: '2026', "
                                  "reason: {en: Gone., ru: Удалено.}}\n" for entry in entries)


def test_retired_entries_build_the_model_sorted_by_kind_and_id(check):
    model, issues = check({"retired.yaml": retire("old-cli component", "old-cli term", "kvm-uses-old-cli relation")})
    assert issues == []
    assert [(r.kind, r.id) for r in model.retired] == [("component", "old-cli"), ("relation", "kvm-uses-old-cli"), ("term", "old-cli")]
    assert model.retired[0] == m.Retired("old-cli", "component", None, "2026", m.Text("Gone.", "Удалено."), (), ())


def test_a_retired_id_the_model_still_has_is_refused(check):
    components = (FIXTURE_COMPONENTS.replace("  - id: qemu\n", "  - id: qemu\n    aliases: [qemu-kvm]\n"))
    assert errors(check, {"components.yaml": components,
                          "retired.yaml": retire("kvm component", "qemu-kvm component", "qemu-uses-kvm relation", "kvm component")}) == [
        "diagrams/retired.yaml:2:10: error: retired component 'kvm' is still in the model (diagrams/components.yaml:2:9); "
        "remove it there, or take it out of retired.yaml [retired-exists]",
        "diagrams/retired.yaml:3:10: error: retired component 'qemu-kvm' is a former id of component 'qemu', whose page it "
        "already leads to; take it out of retired.yaml or out of 'aliases' [retired-exists]",
        "diagrams/retired.yaml:4:10: error: retired relation 'qemu-uses-kvm' is still in the model (diagrams/relations.yaml:2:5); "
        "remove it there, or take it out of retired.yaml [retired-exists]",
        "diagrams/retired.yaml:5:10: error: duplicate retired component 'kvm' (first defined at diagrams/retired.yaml:2:10) [duplicate-id]",
    ]


def test_a_retired_relation_must_name_its_two_components(check):
    assert errors(check, {"retired.yaml": retire("gone-uses-kvm relation", "old-cli component", "old-cli-controls-qemu relation")}) == [
        "diagrams/retired.yaml:2:10: error: retired relation 'gone-uses-kvm' must read <from>-<kind>-<to>, with two "
        "components the model has, had or retired [unknown-ref]"]


def test_a_reference_to_a_retired_or_renamed_id_says_so(check):
    relations = RELATION + "  - {from: virsh, to: old-cli, kind: uses, label: {en: x, ru: икс}, sources: [readme]}\n" \
                           "  - {from: virsh, to: emulator, kind: uses, label: {en: x, ru: икс}, sources: [readme]}\n"
    components = FIXTURE_COMPONENTS.replace("  - id: qemu\n", "  - id: qemu\n    aliases: [emulator]\n")
    assert errors(check, {"relations.yaml": relations, "components.yaml": components, "retired.yaml": retire("old-cli component")}) == [
        "diagrams/relations.yaml:7:23: error: unknown component 'old-cli' in 'to' (retired at diagrams/retired.yaml:2:10; "
        "remove the reference) [unknown-ref]",
        "diagrams/relations.yaml:8:23: error: unknown component 'emulator' in 'to' (now 'qemu', which lists it in 'aliases') [unknown-ref]",
    ]


def test_partial_model_keeps_every_entity_whose_id_checks_out(model_dir):
    components = FIXTURE_COMPONENTS.replace("    kind: kernel-module\n", "    kind: kernel-modul\n").replace(
        "  - id: virsh\n", "  - id: Virsh\n")
    relations = RELATION + "  - {from: qemu, to: gone, kind: uses, label: {en: x, ru: икс}, sources: [readme]}\n" \
                           "  - {from: qemu, to: kvm, kind: usez, label: {en: x}, sources: [nowhere]}\n"
    folder = model_dir({"components.yaml": components, "relations.yaml": relations})
    model = partial_model(load_documents(folder, folder.parent)[0])
    assert [c.id for c in model.components] == ["kvm", "qemu"]  # kvm's bad kind keeps its page; 'Virsh' is no id
    assert [r.id for r in model.relations] == ["qemu-uses-kvm"]  # one end gone, or a kind that is not one: no anchor
    assert model.components[0].kind is None and model.relations[0].sources == ("api",)


@pytest.mark.parametrize("files", [{"components.yaml": None}, {"components.yaml": "components: {id: kvm}\n"},
                                   {"relation.yaml": "relations: []\n"}], ids=["missing", "not-a-list", "misnamed"])
def test_partial_model_is_none_when_a_whole_file_is_missing_or_unreadable(model_dir, files):
    folder = model_dir(files)
    assert partial_model(load_documents(folder, folder.parent)[0]) is None


def test_no_did_you_mean_proposes_a_relation_whose_end_is_itself_the_typo(model_dir):
    folder = model_dir({
        "relations.yaml": "relations:\n  - {from: virsh, to: qemo, kind: controls, label: {en: starts, ru: запускает}, "
                          "sources: [readme]}\n",
        "views.yaml": "views:\n  - {id: stack, home: true, title: {en: S, ru: С}, summary: {en: S., ru: С.}, "
                      "relations: [virsh-controls-qemu]}\n"})
    with pytest.raises(ModelError) as caught:
        pipeline.check(folder, folder.parent)
    assert [format_issue(i) for i in caught.value.issues if i.code == "unknown-ref"] == [
        "diagrams/relations.yaml:2:23: error: unknown component 'qemo' in 'to' (did you mean 'qemu'?) [unknown-ref]",
        "diagrams/views.yaml:2:91: error: unknown relation 'virsh-controls-qemu' in 'relations' [unknown-ref]"]


@pytest.mark.parametrize(("summary", "word"), [
    ("https://example.org/" + "a" * 200 + " and " + "b" * 150, "b" * 150),  # a link is exempt, not what follows it
    ("a\u00a0" * 60 + "end", "a\u00a0" * 60 + "end"),  # a no-break space breaks no line, so it ends no word
])
def test_too_long_names_every_word_a_diagram_could_not_wrap(check, summary, word):
    components = FIXTURE_COMPONENTS.replace("{en: A shell.,", "{en: " + repr(summary).replace("'", '"') + ",")
    written = repr(summary)[1:31]  # as the YAML holds it, a no-break space as \\xa0
    line = components.splitlines().index(next(text for text in components.splitlines() if written in text)) + 1
    column = components.splitlines()[line - 1].index('"') + 1
    assert errors(check, {"components.yaml": components}) == [
        f"diagrams/components.yaml:{line}:{column}: error: 'summary.en' has a word of {len(word)} characters, {word[:20]!r}…; "
        "the limit is 100, so that a diagram can wrap it: add spaces [too-long]"]


def test_too_long_refuses_a_glossary_phrase_over_a_hundred_characters(answers_dir):
    glossary = answers_dir / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("matches: {en: [VMM, VMMs]", "matches: {en: [VMM, " + "vmm " * 25 + "x]"))
    documents, issues = load_documents(answers_dir, answers_dir.parent)
    lines = [format_issue(i) for i in issues + validate_model(documents)[1] if i.severity == "error"]
    assert lines == ["diagrams/glossary.yaml:4:25: error: 'matches.en[1]' is 101 characters long; a word or phrase that links to a "
                     "term is at most 100 [too-long]"]
