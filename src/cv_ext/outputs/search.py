"""Search that finds CV objects by their title, tags and text, with human labels.

Sphinx's own object search matches object names only, so a job tagged
``kubernetes`` would never come up for "kubernetes". The search page therefore
gets every CV object, with its tags, text and a one-line summary, as JSON, and
``cv_search.js`` adds them to Sphinx's results: ranked with its scores, each with
its label ("Job", "Project", ...) and summary, and a project merged with its page.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cv_ext.common.i18n import _, date_text, items_text, months_text
from cv_ext.core.ids import search_anchor, skill_anchor
from cv_ext.core.records import Entry, Project, Publication, Talk
from cv_ext.core.tags import tag_key
from cv_ext.core.views import one_per_object
from cv_ext.nodes import render
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from cv_ext.core.views import Record

#: how long a summary shown under a search result may be
SUMMARY = 160

#: ranking weight of each kind of object: a job outranks a talk that mentions the term
WEIGHTS = {"entry": 8, "project": 6, "publication": 5, "skill": 4, "achievement": 4, "talk": 3}


def setup_search(app: Sphinx) -> None:
    """Give the search page the CV's objects and the script that finds them."""
    app.connect("html-page-context", _search_page)
    app.connect("html-collect-pages", _drop_stale_search_terms)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY else text[: SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def _summary(record: Record) -> str:
    if isinstance(record, Talk):
        parts = [date_text(record.date) if record.date else "", record.event]
        return render.SEPARATOR.join(part for part in parts if part)
    if isinstance(record, Publication):
        parts = [record.venue, date_text(record.date) if record.date else ""]
        return render.SEPARATOR.join(part for part in parts if part)
    text = record.summary
    if isinstance(record, Entry) and record.highlights:
        text = " ".join(record.highlights)  # its bullet points say what the job was
    return _short(text)


def search_objects(app: Sphinx) -> list[dict[str, Any]]:
    """Every CV object as the search page's script reads it."""
    domain = get_domain(app.env)
    views = domain.views()
    result = []
    # an achievement that records a project under its name is found as the project
    kept = {id(r) for r in one_per_object([*views.projects, *views.achievements])}
    records: list[tuple[str, Record]] = [
        *(("entry", r) for r in views.entries),
        *(("project", r) for r in views.projects),
        *(("achievement", r) for r in views.achievements if id(r) in kept),
        *(("talk", r) for r in views.talks),
        *(("publication", r) for r in views.publications),
    ]
    for objtype, record in records:
        text = " ".join(
            [
                record.summary,
                *getattr(record, "highlights", ()),
                getattr(record, "event", ""),
                getattr(record, "org", ""),
                getattr(record, "venue", ""),
                " ".join(getattr(record, "authors", ())),
            ]
        )
        # a project heading its page is the page: one result, at the page's URL
        anchor = record.anchor and search_anchor(objtype, record.id)
        result.append(
            {
                "docname": record.docname,
                "anchor": anchor,
                "title": _title(record),
                "label": render.record_label(record),
                "summary": _summary(record),
                # as written and as labelled: "hole-punching" is found as "hole punching"
                "tags": sorted(
                    {tag.lower() for tag in record.tags}
                    | {views.skill_names[tag_key(tag)].lower() for tag in record.tags}
                ),
                "text": " ".join(text.lower().split()),
                "weight": WEIGHTS[objtype],
                "page": isinstance(record, Project) and not record.anchor,
            }
        )
    if (page := domain.skill_page) is not None:
        for tag, carriers in views.skills.items():
            months = months_text(views.skill_months.get(tag, 0))
            count = items_text(len(carriers))
            result.append(
                {
                    "docname": page,
                    "anchor": skill_anchor(tag),
                    "title": views.skill_names[tag],
                    "label": _("Skill"),
                    "summary": render.SEPARATOR.join(p for p in (count, months) if p),
                    "tags": [],
                    "text": "",
                    "weight": WEIGHTS["skill"],
                    "page": False,
                }
            )
    return result


def _title(record: Record) -> str:
    from cv_ext.core.records import display_title

    # Sphinx's results escape titles once more: the typographic apostrophe reads the same
    return display_title(record).replace("'", "\u2019")


def _search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if templatename != "search.html" or app.builder.format != "html":
        return
    data = json.dumps(search_objects(app), ensure_ascii=False, sort_keys=True)
    # inside <script>, "</" would end the element early
    app.add_js_file(
        None, body=data.replace("</", "<\\/"), type="application/json", id="cv-search-data"
    )
    app.add_js_file("cv_search.js", loading_method="defer")


def _drop_stale_search_terms(app: Sphinx) -> list[tuple[str, dict[str, object], str]]:
    """Forget search terms no page has any more, as a clean build never knew them.

    Sphinx keeps a word of a re-read or removed page in its search index with no page
    left (``"decentr": []``), so the index of an incremental build differs from a
    clean one. This runs before the index is written.
    """
    indexer = getattr(app.builder, "indexer", None)
    docs = app.env.all_docs
    for name in ("_mapping", "_title_mapping"):
        mapping = getattr(indexer, name, None)
        if isinstance(mapping, dict):
            for word, pages in list(mapping.items()):
                # what Sphinx prunes later; not intersection_update(docs), which walks
                # every page of the site for every word
                if gone := [page for page in pages if page not in docs]:
                    pages.difference_update(gone)
                if not pages:
                    del mapping[word]
    return []
