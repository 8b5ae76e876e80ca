"""Turn the Model into Markdown pages, with diagrams inlined.

Input: the Model and the inline SVG of each diagram on each page (from
render_diagrams). Output: {page path: Markdown}, e.g. "components/kvm.md".
Pure: no I/O. Page paths and anchors come from model ids, never from heading
text. Every model string goes through escape.py; every statement is followed
by numbered citations that point to the page's own list of sources, and the
first use of a glossary term on a page links to the glossary.
"""

import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from . import urls
from .addresses import alias_anchors, retired_notes, retired_pages
from .dates import date_text, date_when
from .urls import (COMPONENTS, GLOSSARY, HOME, LAYERS, PAGE_LIST, QUESTION, QUESTIONS, SOURCES, TIMELINE,
                   component_page, link, page_url, question_page)
from .escape import html_text, markdown_code, markdown_fragment, markdown_text, markdown_url, plain_text, split_code
from .model import Claim, Component, Model, Question, Relation, Retired, Statement, Text, View
from .scene import Diagram
from .views import kind_of, neighbourhood, timeline
from .words import KIND_LABELS, LABELS, QUESTION_GROUPS, SECTION_LABELS, VERDICT_LABELS

__all__ = ["diagram_pages", "render_pages"]

DISTRIBUTIONS = ("debian", "fedora", "arch")
ORIGINAL_QUESTION = "superuser-1490188"


# Paths ----------------------------------------------------------------------

def view_path(model: Model, view_id: str) -> str:
    """Return the page path of a view: the home page for the home view."""
    return urls.view_page(view_id, model.view_by_id[view_id].home)


def diagram_pages(model: Model, lang: str = "en") -> dict[str, list[Diagram]]:
    """Return {page path: the diagrams it shows, in order}: decided here once, for every page."""
    pages = {view_path(model, v.id): _view_diagrams(model, v, lang) for v in model.views}
    pages |= {component_page(c.id): neighbourhood.select(model, c, lang) for c in model.components}
    pages |= {question_page(q.id): _view_diagrams(model, model.view_by_id[q.view], lang)
              for q in model.questions if q.view}
    if model.events:
        pages[TIMELINE] = timeline.select(model, lang)
    return dict(sorted(pages.items()))


def _view_diagrams(model: Model, view: View, lang: str) -> list[Diagram]:
    """Return the diagrams of a view, as its kind selects them."""
    return kind_of(view.kind).select(model, view, lang)


# One page -------------------------------------------------------------------

@dataclass
class Site:
    """What every page needs: the model, the language, the SVGs, and what pages cite."""

    model: Model
    lang: str
    svgs: dict[tuple[str, str], str]
    placed: dict[str, list[Diagram]] = field(default_factory=dict)
    previews: dict[str, str] = field(default_factory=dict)
    cards: bool = False
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> dict[str, str]:
        """Return the page words in the site's language."""
        return LABELS[self.lang]

    @cached_property
    def former_anchors(self) -> dict[str, list[str]]:
        """Return the relation anchors renamed components left behind, by the page that keeps them."""
        return alias_anchors(self.model)

    @cached_property
    def removed_notes(self) -> dict[str, list[Retired]]:
        """Return, by page, the removed entities whose old anchor the page keeps with a note."""
        return retired_notes(self.model)

    @cached_property
    def terms(self) -> tuple[re.Pattern | None, dict[str, str]]:
        """Return one regex matching every glossary word as a whole word, and word -> term id."""
        term_of = {w.lower(): t.id for t in self.model.terms for w in t.matches.in_language(self.lang)}
        if not term_of:
            return None, term_of
        # A whole word, and not part of a dotted name such as Hypervisor.framework.
        return re.compile(r"(?<![\w-])(?<!\w\.)" + longest_of(term_of) + r"(?![\w-]|\.\w)", re.I), term_of


def longest_of(words) -> str:
    """Return a regex matching the longest of words that fits, as a tree of shared beginnings.

    The same matches as the words joined by "|", longest first, but each
    character is tried once, not once per word: the Russian glossary has
    hundreds of word forms.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    """Return the regex of one node of longest_of's tree: every longer way on first, then its end."""
    longer = [re.escape(character) + _branches(child) for character, child in sorted(node.items()) if character]
    if len(longer) == 1 and "" not in node:
        return longer[0]
    return "(?:" + "|".join(longer) + ("|" if "" in node else "") + ")" if longer else ""


@dataclass
class Page:
    """Collects one page's Markdown, numbering its citations and linking glossary terms once."""

    site: Site
    path: str
    title: str
    link_terms: bool = True
    description: str = ""
    hidden: bool = False  # left out of the site's search: a removal page
    lines: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)

    def add(self, *lines: str) -> None:
        """Append lines of Markdown."""
        self.lines.extend(lines)

    def heading(self) -> str:
        """Return the page's title as its heading, with the same anchor (#top) in every language."""
        return f"# {markdown_text(self.title)} {{#top}}"

    def text(self, text: Text) -> str:
        """Return a model text as Markdown, linking the first use of each glossary term on the page."""
        pieces = []
        for is_code, piece in split_code(text.in_language(self.site.lang)):
            pieces.append(markdown_code(piece) if is_code else self._link_terms(piece))
        return "".join(pieces)

    def _link_terms(self, piece: str) -> str:
        """Return plain text as Markdown with first uses of glossary terms linked."""
        pattern, term_of = self.site.terms
        if not self.link_terms or pattern is None:
            return markdown_fragment(piece)
        out, last = [], 0
        for match in pattern.finditer(piece):
            term = term_of[match.group(0).lower()]
            if term in self.linked:
                continue
            self.linked.add(term)
            out.append(markdown_fragment(piece[last:match.start()]))
            out.append(f"[{markdown_fragment(match.group(0))}]({self.to(GLOSSARY)}#{term})")
            last = match.end()
        return "".join(out) + markdown_fragment(piece[last:])

    def cite(self, source_ids: tuple[str, ...]) -> str:
        """Return superscript links to the sources, numbering new ones."""
        marks = []
        for source_id in source_ids:
            if source_id not in self.cited:
                self.cited.append(source_id)
            marks.append(f"[\\[{self.cited.index(source_id) + 1}\\]](#source-{source_id})")
        return f"<sup>{''.join(marks)}</sup>"

    def statements(self, statements: tuple[Statement, ...]) -> None:
        """Append paragraphs, each followed by its citations."""
        for statement in statements:
            self.add(f"{self.text(statement.text)}{_as_of(statement.as_of, self.site.lang)} {self.cite(statement.sources)}", "")

    def to(self, target: str) -> str:
        """Return the link from this page to another page path."""
        return link(self.path, target)

    def component_link(self, c: Component, focus: str | None = None) -> str:
        """Return a Markdown link to a component's page, or its bare name on its own page."""
        name = markdown_text(c.name.in_language(self.site.lang))
        return f"**{name}**" if c.id == focus else f"[{name}]({self.to(component_page(c.id))})"

    def by_layer(self, components: list[Component], separator: str) -> str:
        """Return links to components grouped by layer, top layer first."""
        return _by_layer(self, components, None, separator)

    def relation_sentence(self, relation: Relation, focus: str | None = None) -> str:
        """Return a relation in words, its ends linked."""
        return _relation_sentence(self, relation, focus)

    def finish(self) -> str:
        """Append the numbered sources, record what the page cites, and return its Markdown."""
        self.site.titles[self.path] = self.title
        _removed_section(self)
        for source_id in self.cited:
            self.site.cited_by.setdefault(source_id, []).append(self.path)
        if self.cited:
            items = [_source_item(self.site.model.source_by_id[i], self.site.lang) for i in self.cited]
            self.add(f"## {self.site.words['sources']} {{#sources}}", "", '<ol class="vs-sources">', *items, "</ol>", "")
        return "\n".join(self._front_matter() + self.lines)

    def _front_matter(self) -> list[str]:
        """Return the page's metadata: its description and preview image; a removal page is kept out of indexes."""
        meta = {"description": plain_text(self.description)} if self.description else {}
        if self.path in self.site.previews:
            meta["image"] = self.site.previews[self.path]
            meta["image_alt"] = self.site.words["preview-alt"].format(title=plain_text(self.title))
        elif self.site.cards:  # a card with the page's title
            meta["image"] = urls.preview(self.path)
            meta["image_alt"] = plain_text(self.title)
        if self.hidden:  # a removal page: for readers of old links, not for search engines or the site's search
            meta["robots"] = "noindex"
            meta["search"] = {"exclude": True}
        # JSON strings are valid YAML scalars, escaped whatever the text holds.
        return ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---", ""] if meta else []


def _source_item(source, lang: str) -> str:
    """Return one source as an HTML list item with id source-<id>."""
    when = _time(source.date, lang) if source.date else ""
    details = ", ".join(x for x in (html_text(source.publisher or ""), when) if x)
    return (f'<li id="source-{source.id}"><a href="{html_text(source.url)}">'
            f"{html_text(source.title)}</a>, {details}{_checked(source, lang)}</li>")


def _checked(source, lang: str, escape=html_text) -> str:
    """Return ' (checked in November 2026)' after a source's details, its month in a <time>; '' without one."""
    if not source.checked:
        return ""
    when = f'<time datetime="{html_text(source.checked)}">{escape(date_when(source.checked, lang))}</time>'
    return " " + LABELS[lang]["source-checked"].format(date=when)


def _as_of(as_of: str | None, lang: str) -> str:
    """Return ' As of November 2026.' after a fact that can go stale, its month in a <time>; '' without one."""
    return " " + LABELS[lang]["as-of"].format(date=_time(as_of, lang, markdown_text)) if as_of else ""


def _time(date: str, lang: str, escape=html_text, start: bool = False) -> str:
    """Return a model date in words, escaped, in a <time> whose datetime keeps the ISO date."""
    return f'<time datetime="{html_text(date)}">{escape(date_text(date, lang, start))}</time>'


_FULL_STOP = re.compile(r"\.(?:</time>)?$")  # text ending in a full stop, perhaps a date's («2026 г.»)


def _fill(phrase: str, date: str) -> str:
    """Return a phrase with {date} as given, without the phrase's full stop after a date that has its own."""
    return (phrase.replace("{date}.", "{date}") if _FULL_STOP.search(date) else phrase).format(date=date)


def _full_stop(text: str) -> str:
    """Return text ending in one full stop, even after a date's own («2026 г.»)."""
    return text if _FULL_STOP.search(text) else text + "."


# Pages ----------------------------------------------------------------------

def render_pages(model: Model, svgs: dict[tuple[str, str], str], lang: str = "en",
                 previews: dict[str, str] | None = None, placed: dict[str, list[Diagram]] | None = None,
                 cards: bool = False) -> dict[str, str]:
    """Return every generated page; the sources page last, since it lists who cites what.

    svgs holds the inline markup of each (page, diagram id) of placed (the
    diagrams each page shows, from diagram_pages); previews maps a page to
    its preview image's site path, for link previews; with cards, every
    other page names a title card at <its address>preview.png, which the
    pipeline draws.
    """
    site = Site(model, lang, svgs, placed if placed is not None else diagram_pages(model, lang), previews or {}, cards)
    pages = {HOME: render_home(site), LAYERS: render_layers(site),
             COMPONENTS: render_component_index(site)}
    for view in (v for v in model.views if not v.home):
        pages[view_path(model, view.id)] = render_view(site, view)
    for component in model.components:
        pages[component_page(component.id)] = render_component(site, component)
    if model.claims:
        pages[QUESTION] = render_claims(site)
    if model.questions:
        pages[QUESTIONS] = render_question_index(site)
        for question in model.questions:
            pages[question_page(question.id)] = render_question(site, question)
    if model.events:
        pages[TIMELINE] = render_timeline(site)
    if model.terms:
        pages[GLOSSARY] = render_glossary(site)
    for path, entry in retired_pages(model).items():
        pages[path] = render_removed(site, path, entry)
    pages[SOURCES] = render_sources(site)
    pages[PAGE_LIST] = json.dumps([{"url": page_url(p), "title": t} for p, t in sorted(site.titles.items())],
                                  ensure_ascii=False, separators=(",", ":"))
    return dict(sorted(pages.items()))


def render_home(site: Site) -> str:
    """Return the home page: the answer in one or two sentences, the picture, then everything else."""
    view, words = site.model.home_view, site.words
    page = Page(site, HOME, view.title.in_language(site.lang), description=view.summary.in_language(site.lang))
    page.add(page.heading(), "")
    lead = tuple(dict.fromkeys(st.sources[0] for st in view.intro if st.sources))
    page.add(f'<p class="vs-lead" markdown>{page.text(view.summary)} {page.cite(lead)}</p>', "")
    _diagram_block(page)
    if view.intro:
        page.add(f"## {words['long-answer']} {{#answer}}", "")
        page.statements(view.intro)
    if site.model.asked:
        page.add(f"## {words['answers-title']} {{#answers}}", "", words["answers-intro"], "")
        page.add(*_question_list(page), "")
    if site.model.claims:
        page.add(words["claims-link"], "")
    if _groups(site):
        page.add(f"{words['follow-ups']} {_group_links(page)}.", "")
    page.add(_explore(page), "")
    return page.finish()


def _explore(page: Page) -> str:
    """Return the line of links to the reference pages the model has."""
    model, words = page.site.model, page.site.words
    targets = [("layers", LAYERS), ("components", COMPONENTS)]
    targets += [("timeline", TIMELINE)] if model.events else []
    targets += [("glossary", GLOSSARY)] if model.terms else []
    targets += [("sources", SOURCES)]
    links = [f"[{words['explore-' + name]}]({page.to(path)})" for name, path in targets]
    return f"{words['explore']} {', '.join(links[:-1])} {words['and']} {links[-1]}."


def render_view(site: Site, view: View) -> str:
    """Return a view's own page: its intro, its diagram and the diagram in words."""
    page = Page(site, view_path(site.model, view.id), view.title.in_language(site.lang),
                description=view.summary.in_language(site.lang))
    page.add(page.heading(), "")
    page.statements(view.intro)
    _diagram_block(page)
    return page.finish()


def render_layers(site: Site) -> str:
    """Return the layers overview: each layer, top first, with its components."""
    page = Page(site, LAYERS, site.words["layers-title"], description=site.words["layers-intro"])
    page.add(page.heading(), "", site.words["layers-intro"], "")
    for layer in reversed(site.model.layers):
        page.add(f"## {markdown_text(layer.name.in_language(site.lang))} {{#{layer.id}}}", "")
        page.add(*_former_anchors(layer.aliases))
        page.add(markdown_text(layer.summary.in_language(site.lang)), "")
        members = [c for c in site.model.components if c.layer == layer.id]
        page.add(*(f"- {page.component_link(c)}: {markdown_text(c.summary.in_language(site.lang))}" for c in members), "")
    return page.finish()


def render_component_index(site: Site) -> str:
    """Return the list of all components as a table, by layer from the top."""
    words = site.words
    page = Page(site, COMPONENTS, words["components-title"], description=words["components-intro"])
    page.add(page.heading(), "", words["components-intro"], "")
    page.add(f"| {words['component']} | {words['layer']} | {words['summary']} |", "| --- | --- | --- |")
    for layer in reversed(site.model.layers):
        for c in (c for c in site.model.components if c.layer == layer.id):
            page.add(f"| {page.component_link(c)} | {_layer_link(page, c.layer)} "
                     f"| {markdown_text(c.summary.in_language(site.lang))} |")
    page.add("")
    return page.finish()


def render_component(site: Site, component: Component) -> str:
    """Return a component's page: summary, neighbourhood, facts, relations, sources."""
    words, model = site.words, site.model
    page = Page(site, component_page(component.id), component.name.in_language(site.lang),
                description=component.summary.in_language(site.lang))
    page.add(page.heading(), "")
    page.add(*_copy_buttons(page, "", page.title, component.summary.in_language(site.lang)))
    page.statements((Statement(component.summary, component.sources),))
    _diagram_block(page)
    _glance(page, component)
    if component.description:
        page.add(f"## {words['details']} {{#details}}", "")
        page.statements(component.description)
    if component.misconceptions:
        page.add(f"## {words['misconceptions']} {{#misconceptions}}", "")
        page.statements(component.misconceptions)
    claims = [claim for claim in model.claims if component.id in claim.about]
    if claims:
        page.add(f"## {words['claims-about']} {{#claims}}", "")
        page.add(*(f"- {_claim_link(page, claim)}" for claim in claims), "")
    _relations_section(page, component)
    _packages_section(page, component)
    return page.finish()


def render_claims(site: Site) -> str:
    """Return the question page: the asker's conclusions, grouped as they wrote them, each with a verdict."""
    words, model = site.words, site.model
    page = Page(site, QUESTION, words["question-title"], description=words["question-intro"])
    page.add(page.heading(), "", words["question-intro"], "")
    if ORIGINAL_QUESTION in model.source_by_id:
        original = model.source_by_id[ORIGINAL_QUESTION]
        page.add(f"{words['original']}: [{markdown_text(original.title)}]({markdown_url(original.url)}) {page.cite((original.id,))}", "")
    tally = [(v, sum(c.verdict == v for c in model.claims)) for v in VERDICT_LABELS[site.lang]]
    page.add(f"{words['tally']}: " + ", ".join(f"{_badge(site, v)} {n}" for v, n in tally if n) + ".", "")
    if model.asked:
        page.add(words["four-questions"], "", *_question_list(page, quoted=True), "")
    page.add(*_verdicts_rubric(site))
    for section in SECTION_LABELS[site.lang]:
        claims = [c for c in model.claims if c.section == section]
        if claims:
            page.add(f"## {SECTION_LABELS[site.lang][section]} {{#{section}}}", "")
            for claim in claims:
                _claim_entry(page, claim)
    return page.finish()


def render_question_index(site: Site) -> str:
    """Return the list of answers with their short answers: the asker's first, then the follow-ups by group."""
    page = Page(site, QUESTIONS, site.words["questions-title"], description=site.words["questions-intro"])
    page.add(page.heading(), "", site.words["questions-intro"], "")
    if _groups(site):
        page.add(f"{site.words['follow-ups']} {_group_links(page)}.", "")
    for number, question in enumerate(site.model.asked, 1):
        title = markdown_text(question.headline.in_language(site.lang))
        page.add(f"## {number}. {title} {{#{question.id}}}", "")
        page.statements(question.short_answer)
        page.add(f"[{site.words['answer']}]({page.to(question_page(question.id))})", "")
    for group, name in _groups(site).items():
        page.add(f"## {markdown_text(name)} {{#{group}}}", "")
        for question in site.model.follow_ups(group):
            title = markdown_text(question.headline.in_language(site.lang))
            page.add(f"### [{title}]({page.to(question_page(question.id))}) {{#{question.id}}}", "")
            page.statements(question.short_answer)
    return page.finish()


def _groups(site: Site) -> dict[str, str]:
    """Return {group id: its name} of the groups that hold follow-up questions, in the index's order."""
    return {group: name for group, name in QUESTION_GROUPS[site.lang].items() if site.model.follow_ups(group)}


def _group_links(page: Page) -> str:
    """Return links to each group's section of the questions index, separated by commas (a bare anchor on the index)."""
    index = "" if page.path == QUESTIONS else page.to(QUESTIONS)
    return ", ".join(f"[{markdown_text(name)}]({index}#{group})" for group, name in _groups(page.site).items())


def render_question(site: Site, question: Question) -> str:
    """Return one answer: the short answer first, then its diagram and the full answer."""
    words, model = site.words, site.model
    number = f"{model.asked.index(question) + 1}. " if question.group is None else ""
    short = " ".join(st.text.in_language(site.lang) for st in question.short_answer)
    page = Page(site, question_page(question.id), f"{number}{question.headline.in_language(site.lang)}", description=short)
    page.add(page.heading(), "")
    if question.group is not None:
        group = markdown_text(QUESTION_GROUPS[site.lang][question.group])
        page.add(f"[{words['questions-title']}]({page.to(QUESTIONS)}) › [{group}]({page.to(QUESTIONS)}#{question.group})", "")
    if question.heading:
        page.add(*_asked(page, question), "")
    page.add(f"## {words['short-answer']} {{#short-answer}}", "")
    page.add('<div class="vs-short-answer" markdown>', "")
    page.statements(question.short_answer)
    page.add("</div>", "")
    page.add(*_copy_buttons(page, "", question.headline.in_language(site.lang), page.description))
    if question.view:
        view = model.view_by_id[question.view]
        page.add(f"## {markdown_text(view.title.in_language(site.lang))} {{#diagram}}", "")
        _diagram_block(page)
    for section in question.sections:
        page.add(f"## {markdown_text(section.title.in_language(site.lang))} {{#{section.id}}}", "")
        page.add(*_former_anchors(section.aliases))
        page.statements(section.body)
        if section.table == "packages":
            _package_table(page, section.components)
    if question.claims:
        page.add(f"## {words['settles']} {{#claims}}", "")
        page.add(*(f"- {_claim_link(page, model.claim_by_id[i])}" for i in question.claims), "")
    return page.finish()


def render_timeline(site: Site) -> str:
    """Return the timeline: its diagram and every event by year, each with an anchor."""
    page = Page(site, TIMELINE, site.words["timeline-title"], description=site.words["timeline-intro"])
    page.add(page.heading(), "", site.words["timeline-intro"], "")
    _diagram_block(page, twin=False)
    for year in sorted({e.date[:4] for e in site.model.events}):
        page.add(f"## {year} {{#y{year}}}", "")
        for event in (e for e in site.model.events if e.date[:4] == year):
            about = ", ".join(page.component_link(site.model.component_by_id[i]) for i in event.components)
            tail = f" ({about})" if about else ""
            former = "".join(f'<a id="{alias}"></a>' for alias in event.aliases)
            when = _time(event.date, site.lang, markdown_text, start=True)
            page.add(f'- <a id="{event.id}"></a>{former}**{when}**: {page.text(event.text)}{tail} {page.cite(event.sources)}')
        page.add("")
    return page.finish()


def render_glossary(site: Site) -> str:
    """Return the glossary: each term with its sourced definition."""
    page = Page(site, GLOSSARY, site.words["glossary-title"], link_terms=False, description=site.words["glossary-intro"])
    page.add(page.heading(), "", site.words["glossary-intro"], "")
    for term in sorted(site.model.terms, key=lambda t: t.term.in_language(site.lang).lower()):
        page.add(f"## {markdown_text(term.term.in_language(site.lang))} {{#{term.id}}}", "")
        page.add(*_former_anchors(term.aliases))
        page.statements(term.definition)
        if term.see_also:
            links = ", ".join(page.component_link(site.model.component_by_id[i]) for i in term.see_also)
            page.add(f"{site.words['see-also']}: {links}.", "")
    return page.finish()


def render_removed(site: Site, path: str, entry: Retired) -> str:
    """Return the short page left at a removed component's, answer's or view's address: when it went, and why."""
    words = site.words
    name = entry.name.in_language(site.lang) if entry.name else entry.id
    page = Page(site, path, words["removed-title"].format(name=name), description=entry.reason.in_language(site.lang),
                hidden=True)
    page.add(page.heading(), "", _fill(words["removed-page"], markdown_text(date_when(entry.date, site.lang))), "")
    page.add(page.text(entry.reason) + (f" {page.cite(entry.sources)}" if entry.sources else ""), "")
    if entry.see_also:
        links = ", ".join(page.component_link(site.model.component_by_id[i]) for i in entry.see_also)
        page.add(f"{words['see-also']}: {links}.", "")
    return page.finish()


def render_sources(site: Site) -> str:
    """Return every source with the pages that cite it (render it after every other page)."""
    page = Page(site, SOURCES, site.words["sources-title"], description=site.words["sources-intro"])
    page.add(page.heading(), "", site.words["sources-intro"], "")
    for source in sorted(site.model.sources, key=lambda s: (s.title.lower(), s.id)):
        when = _time(source.date, site.lang, markdown_text) if source.date else ""
        details = ", ".join(x for x in (markdown_text(source.publisher or ""), when) if x)
        pages = sorted(set(site.cited_by.get(source.id, ())), key=lambda p: (site.titles[p].lower(), p))
        cited = ", ".join(f"[{markdown_text(site.titles[p])}]({page.to(p)})" for p in pages)
        page.add(f'- <a id="{source.id}"></a>[{markdown_text(source.title)}]({markdown_url(source.url)}), '
                 f'{_full_stop(details + _checked(source, site.lang, markdown_text))} '
                 f"{site.words['cited-on']}: {cited}.")
    page.add("")
    return page.finish()


# Sections -------------------------------------------------------------------

def _diagram_block(page: Page, twin: bool = True) -> None:
    """Append the page's diagrams (several in a grid) and, under them, the same in words."""
    site, words = page.site, page.site.words
    diagrams = site.placed[page.path]
    first = diagrams[0]
    words_id = f"diagram-{first.id}-words"
    if twin:
        page.add(f'<p class="vs-skip" markdown>[{words["skip-to-words"]}](#{words_id})</p>', "")
    divs = [f"{_diagram_div(page, d.id)}{site.svgs[(page.path, d.id)]}</div>" for d in diagrams]
    page.add(*(['<div class="vs-grid">', *divs, "</div>"] if len(diagrams) > 1 else divs), "")
    if page.path == HOME:
        page.add(*_stack_choices(page), *_filters(page, first), "")
    if not twin:
        return
    page.add(f'<p id="{words_id}">{html_text(words[kind_of(first.kind).TWIN_INTRO])}</p>', "")
    kind_of(first.kind).twin(page, diagrams)


def _diagram_div(page: Page, diagram_id: str) -> str:
    """Return the opening tag of a diagram's container, with the zoom buttons' labels for the page script."""
    words = page.site.words
    labels = " ".join(f'data-{key}="{html_text(words[key])}"' for key in ("zoom-in", "zoom-out", "zoom-reset", "full-screen"))
    return f'<div class="vs-diagram" id="diagram-{diagram_id}" {labels}>'


def _removed_section(page: Page) -> None:
    """Append the notes on what was removed from the page, each at the removed entity's old anchor."""
    entries = page.site.removed_notes.get(page.path, [])
    if not entries:
        return
    page.add(f"## {page.site.words['removed-here']} {{#removed}}", "")
    for entry in entries:
        name = f"**{markdown_text(entry.name.in_language(page.site.lang))}**" if entry.name else markdown_code(entry.id)
        cite = f" {page.cite(entry.sources)}" if entry.sources else ""
        removed = _fill(page.site.words["removed-item"], markdown_text(date_when(entry.date, page.site.lang)))
        page.add(f'- <span id="{entry.id}"></span>{name}: {removed} {page.text(entry.reason)}{cite}')
    page.add("")


def _former_anchors(aliases: tuple[str, ...]) -> list[str]:
    """Return empty elements carrying an entity's former ids, so old #anchors still land here."""
    return ["".join(f'<span id="{alias}"></span>' for alias in aliases), ""] if aliases else []


def _copy_buttons(page: Page, anchor: str, title: str, text: str) -> list[str]:
    """Return the "copy link" and "copy as Markdown" buttons for one answer, claim or component.

    They start hidden; docs/javascripts/copy.js shows them and builds the
    absolute link from the page's address and the anchor.
    """
    words = page.site.words
    data = f'data-anchor="{html_text(anchor)}" data-title="{html_text(plain_text(title))}" data-text="{html_text(plain_text(text))}"'
    return [f'<div class="vs-copy" {data} data-copied="{words["copied"]}" data-copy-failed="{words["copy-failed"]}" hidden>',
            f'<button type="button" data-copy="link">{words["copy-link"]}</button>',
            f'<button type="button" data-copy="markdown">{words["copy-markdown"]}</button>',
            "</div>", ""]


def _filters(page: Page, diagram: Diagram) -> list[str]:
    """Return the folded controls that filter the home diagram by layer and kind.

    They start hidden; the page script shows them, since without it they would do nothing.
    """
    model, words, lang = page.site.model, page.site.words, page.site.lang
    shown = [model.component_by_id[i] for i in diagram.components]
    layers = [layer for layer in reversed(model.layers) if any(c.layer == layer.id for c in shown)]
    kinds = [kind for kind in KIND_LABELS[lang] if any(c.kind == kind for c in shown)]
    box = '<label><input type="checkbox" checked data-filter="{cls}"> {text}</label>'
    return [f'<details class="vs-filters" data-diagram="diagram-{diagram.id}" hidden>',
            f"<summary>{words['more-controls']}</summary>",
            f'<fieldset><legend>{words["filter-layers"]}</legend>',
            *(box.format(cls=f"layer-{layer.id}", text=html_text(layer.name.in_language(lang))) for layer in layers),
            "</fieldset>", f'<fieldset><legend>{words["filter-kinds"]}</legend>',
            *(box.format(cls=f"kind-{kind}", text=html_text(KIND_LABELS[lang][kind])) for kind in kinds), "</fieldset>",
            "</details>"]


def _stack_choices(page: Page) -> list[str]:
    """Return the buttons that swap the home picture for another stack's, drawn on the compare page.

    Each button names the picture's address and the components it shows (so
    that a #show= deep link to one of them can open it); the page script
    fetches the picture on the first click.
    """
    model, words, lang = page.site.model, page.site.words, page.site.lang
    views = [v for v in model.views if v.kind == "compare"]
    if not views:
        return []
    first = page.site.placed[HOME][0]
    lines = [f'<div class="vs-stacks" data-diagram="diagram-{first.id}" role="group" aria-label="{html_text(words["filter-stacks"])}" hidden>',
             f'<span>{words["other-stacks"]}</span>',
             f'<button type="button" data-src="" aria-pressed="true">{html_text(words["this-stack"])}</button>']
    for view in views:
        for diagram in kind_of(view.kind).select(model, view, lang):
            if set(diagram.components) <= set(first.components):  # the home picture shows it already
                continue
            src = page.to(urls.beside(view_path(model, view.id), f"{diagram.id}.svg"))
            lines.append(f'<button type="button" data-src="{html_text(src)}" data-members="{" ".join(diagram.components)}" '
                         f'aria-pressed="false">{html_text(diagram.title)}</button>')
    return lines + ["</div>"]


def _by_layer(page: Page, components: list[Component], focus: str | None, separator: str) -> str:
    """Return component links grouped by layer, top layer first."""
    groups = []
    for layer in reversed(page.site.model.layers):
        members = [c for c in components if c.layer == layer.id]
        if members:
            groups.append(", ".join(page.component_link(c, focus) for c in members))
    return separator.join(groups)


def _glance(page: Page, c: Component) -> None:
    """Append the at-a-glance table of a component."""
    words, rows = page.site.words, []
    rows.append((words["layer"], _layer_link(page, c.layer)))
    rows.append((words["kind"], KIND_LABELS[page.site.lang][c.kind]))
    if c.upstream:
        rows.append((words["project"], page.component_link(page.site.model.component_by_id[c.upstream])))
    if c.also_known_as:
        rows.append((words["also-known-as"], ", ".join(markdown_text(n) for n in c.also_known_as)))
    if c.licence:
        rows.append((words["licence"], f"{markdown_code(c.licence.spdx)} {page.cite(c.licence.sources)}"))
    if c.first_release:
        release = c.first_release
        when = _time(release.date, page.site.lang, markdown_text, start=True)
        rows.append((words["first-release"], f"{when}: {page.text(release.text)} {page.cite(release.sources)}"))
    for key in ("homepage", "repository"):
        if getattr(c, key):
            rows.append((words[key], f"<{html_text(getattr(c, key))}>"))
    page.add(f"## {words['at-a-glance']} {{#at-a-glance}}", "", f"| {words['fact']} | {words['value']} |", "| --- | --- |")
    page.add(*(f"| {name} | {value} |" for name, value in rows), "")


def _relations_section(page: Page, c: Component) -> None:
    """Append one subsection per relation, each anchored at the relation's id, and the former ids the page keeps."""
    model, lang = page.site.model, page.site.lang
    relations = model.relations_of(c.id)
    if relations:
        page.add(f"## {page.site.words['relations']} {{#relations}}", "")
    former = page.site.former_anchors.get(c.id, [])
    if former:  # relation anchors from before a rename or a correction, so that old links still land here
        page.add("".join(f'<span id="{anchor}"></span>' for anchor in former), "")
    for r in relations:
        title = f"{model.component_by_id[r.from_].name.in_language(lang)} → {model.component_by_id[r.to].name.in_language(lang)}"
        page.add(f"### {markdown_text(title)} {{#{r.id}}}", "")
        page.add(f"{_relation_sentence(page, r, c.id)} {page.cite(r.sources)}", "")


def _packages_section(page: Page, c: Component) -> None:
    """Append the table of package names per distribution, when the model has them."""
    if not c.packages:
        return
    words = page.site.words
    page.add(f"## {words['packages']} {{#packages}}", "", f"| {words['distribution']} | {words['packages']} |", "| --- | --- |")
    for distro in DISTRIBUTIONS:
        names = getattr(c.packages, distro)
        if names:
            page.add(f"| {words[distro]} | {_package_names(names)} |")
    note = page.text(c.packages.note) if c.packages.note else ""
    page.add("", f"{note}{_as_of(c.packages.as_of, page.site.lang)} {page.cite(c.packages.sources)}".lstrip(" "), "")


def _package_table(page: Page, component_ids: tuple[str, ...]) -> None:
    """Append a table of tools: upstream project and packages per distribution, with sources."""
    words, model = page.site.words, page.site.model
    heads = [words["tool"], words["upstream"], *(words[d] for d in DISTRIBUTIONS), words["sources"]]
    page.add("| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads))
    for c in (model.component_by_id[i] for i in component_ids):
        upstream = model.component_by_id[c.upstream or c.id]
        cells = [_package_names(getattr(c.packages, d)) if c.packages else "—" for d in DISTRIBUTIONS]
        cite = page.cite(c.packages.sources) if c.packages else ""
        page.add(f"| {page.component_link(c)} | {page.component_link(upstream)} | {' | '.join(cells)} | {cite} |")
    dates = [c.packages.as_of for c in (model.component_by_id[i] for i in component_ids) if c.packages and c.packages.as_of]
    if dates:  # one line under the table, with the oldest row's month
        page.add("", _as_of(min(dates), page.site.lang).lstrip(" "))
    page.add("")


def _package_names(names: tuple[str, ...]) -> str:
    """Return package names as code, or a dash when there are none."""
    return ", ".join(markdown_code(n) for n in names) or "—"


def _claim_entry(page: Page, claim: Claim) -> None:
    """Append one conclusion: number and verdict, the restated claim, the sourced correction."""
    site = page.site
    page.add(f"### {claim.id.upper()} {_badge(site, claim.verdict)} {{#{claim.id}}}", "")
    page.add(*_former_anchors(claim.aliases))
    verdict = VERDICT_LABELS[site.lang][claim.verdict]
    summary = f"{claim.claim.in_language(site.lang)} {verdict}: {claim.correction[0].text.in_language(site.lang)}"
    page.add(*_copy_buttons(page, claim.id, f"{claim.id.upper()}: {verdict}", summary))
    page.add(f"> {page.text(claim.claim)}", "")
    page.statements(claim.correction)
    if claim.about:
        links = ", ".join(page.component_link(site.model.component_by_id[i]) for i in claim.about)
        page.add(f"{site.words['see-also']}: {links}.", "")


def _verdicts_rubric(site: Site) -> list[str]:
    """Return the section that says what each verdict means, one table row per verdict."""
    words = site.words
    rows = [f"| {_badge(site, v)} | {words['rubric-' + v]} |" for v in VERDICT_LABELS[site.lang]]
    return [f"## {words['rubric-title']} {{#verdicts-rubric}}", "", words["rubric-intro"], "",
            f"| {words['rubric-verdict']} | {words['rubric-meaning']} |", "| --- | --- |", *rows, ""]


def _claim_link(page: Page, claim: Claim) -> str:
    """Return a link to a claim on the question page, with its verdict."""
    text = markdown_text(claim.claim.in_language(page.site.lang))
    return f"[{claim.id.upper()}]({page.to(QUESTION)}#{claim.id}) {_badge(page.site, claim.verdict)} {text}"


def _question_list(page: Page, quoted: bool = False) -> list[str]:
    """Return a numbered list of links to the answers; quoted, each with the asker's wording below its heading."""
    lines = []
    for n, q in enumerate(page.site.model.asked, 1):
        quote = [f"    {line}" for line in _asked(page, q)] if quoted else []
        lines += [*([""] if quoted and lines else []),
                  f"{n}. [{markdown_text(q.headline.in_language(page.site.lang))}]({page.to(question_page(q.id))})",
                  *(["", *quote] if quote else [])]
    return lines


def _asked(page: Page, question: Question) -> list[str]:
    """Return the asker's wording of a question as a one-line quote, when a short heading stands above it."""
    if question.heading is None:
        return []
    return [f"> {markdown_text(question.title.in_language(page.site.lang))}"]


def _badge(site: Site, verdict: str) -> str:
    """Return a verdict badge."""
    return f'<span class="vs-verdict vs-verdict-{verdict}">{VERDICT_LABELS[site.lang][verdict]}</span>'


def _layer_link(page: Page, layer_id: str) -> str:
    """Return a Markdown link to a layer's section of the layers page."""
    name = markdown_text(page.site.model.layer_by_id[layer_id].name.in_language(page.site.lang))
    return f"[{name}]({page.to(LAYERS)}#{layer_id})"


def _relation_sentence(page: Page, r: Relation, focus: str | None) -> str:
    """Return '[QEMU](…) runs guest vCPUs through [KVM](…). How: ioctls on /dev/kvm.'"""
    model = page.site.model
    ends = tuple(page.component_link(model.component_by_id[i], focus) for i in (r.from_, r.to))
    sentence = f"{r.words(page.site.lang, ends, markdown_text)}."
    if r.protocol:
        sentence += f" {page.site.words['via']}: {markdown_text(r.protocol.in_language(page.site.lang))}."
    return sentence
