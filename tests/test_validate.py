"""Tests for validate.py: one test per issue code, each asserting whole lines."""

import pytest

from virtstack import model as m
from virtstack.issues import format_issue
from virtstack.load import load_documents
from virtstack.validate import validate_model


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
        "(allowed: from, to, kind, label, protocol, interface, sources) [unknown-field]"]


def test_unknown_top_level_key(check):
    assert errors(check, {"relations.yaml": RELATION + "extra: 1\n"}) == [
        "diagrams/relations.yaml:7:1: error: unknown top-level key 'extra' (expected 'relations') [unknown-field]"]


def test_missing_field_names_the_entity(check):
    text = "sources:\n  - id: api\n    title: T\n    url: https://example.org/\n"
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


def test_bad_id_shows_the_pattern(check):
    text = "sources:\n  - {id: Api, title: T, url: 'https://e.org/', publisher: P}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/components.yaml:7:15: error: unknown source 'api' in 'sources' (did you mean 'Api'?) [unknown-ref]",
        "diagrams/relations.yaml:7:15: error: unknown source 'api' in 'sources' (did you mean 'Api'?) [unknown-ref]",
        "diagrams/sources.yaml:2:10: error: 'id' must be lowercase letters and digits joined by single "
        "hyphens (like 'virt-manager') but got 'Api' [bad-id]",
        "diagrams/views.yaml:8:19: error: unknown source 'api' in 'sources' (did you mean 'Api'?) [unknown-ref]",
    ]


def test_bad_url_accepts_only_http_and_https(check):
    text = "sources:\n  - {id: api, title: T, url: 'javascript:alert(1)', publisher: P}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/sources.yaml:2:30: error: 'url' must be an http:// or https:// URL but got 'javascript:alert(1)' [bad-url]"]


def test_bad_date_checks_the_calendar(check):
    text = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P, date: '2007-02-30'}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P}\n"
    assert errors(check, {"sources.yaml": text}) == [
        "diagrams/sources.yaml:2:68: error: 'date' must be a date as YYYY, YYYY-MM or YYYY-MM-DD but got '2007-02-30' [bad-date]"]


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
    text = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P}\n  - {id: api, title: U, url: 'https://e.org/', publisher: P}\n"
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


def test_words_must_be_lists_of_strings(check):
    terms = ("terms:\n  - {id: vmm, term: {en: VMM, ru: VMM}, matches: {en: VMM, ru: [VMM]}, "
             "definition: [{text: {en: D, ru: Определение}, sources: [api]}]}\n")
    assert errors(check, {"glossary.yaml": terms}) == [
        "diagrams/glossary.yaml:2:55: error: 'matches.en' must be a list but got 'VMM' [bad-type]"]


def test_warnings_for_a_source_cited_nowhere_and_a_component_without_relations(check):
    sources = "sources:\n  - {id: api, title: T, url: 'https://e.org/', publisher: P}\n  - {id: readme, title: T, url: 'https://e.org/', publisher: P}\n  - {id: spare, title: T, url: 'https://e.org/', publisher: P}\n"
    model, issues = check({"relations.yaml": RELATION, "sources.yaml": sources})
    assert model is not None
    assert issues == [
        "diagrams/components.yaml:18:9: warning: component 'virsh' has no relations; add one to relations.yaml [no-relations]",
        "diagrams/sources.yaml:4:10: warning: source 'spare' is cited nowhere; cite it or remove it [unused-source]",
    ]
