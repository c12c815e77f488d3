"""What each web page says of itself in its head: a description, the JSON Resume, the day."""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import TYPE_CHECKING, Any

from sphinx.util.i18n import format_date

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.core.records import Item, Project, display_title
from cv_ext.reading.config import today
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


_CUT_ENTITY = re.compile(r'&(?:#[xX]?[0-9A-Fa-f]*|[A-Za-z][A-Za-z0-9]*)?(?=\.\.\.")')


def setup_head(app: Sphinx) -> None:
    """Describe each page in its head, after sphinxext-opengraph (500) described it first."""
    app.connect("html-page-context", head_links, priority=600)


def head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The JSON Resume export as an alternate of every page; "Last updated" from cv_today."""
    if context.get("last_updated"):
        # the CV shows its state as of cv_today: the footer says the same day
        day = today(app.config)
        when = dt.datetime(day.year, day.month or 1, day.day or 1, tzinfo=dt.UTC)
        context["last_updated"] = format_date(
            app.config.html_last_updated_fmt or "%b %d, %Y",
            date=when,
            language=app.config.language,
        )
    # sphinxext-opengraph cuts a description after escaping it, which can split an
    # entity ("Mozilla&#x27..."): an HTML error. Drop such a stub before the "...".
    metatags = _CUT_ENTITY.sub("", context.get("metatags", ""))
    context["metatags"] = metatags
    described = 'name="description"' in metatags or app.builder.format != "html"
    if not described and (description := page_description(app.env, pagename)):
        context["metatags"] = (
            metatags + f'\n<meta name="description" content="{escape(description)}">'
        )
    filename = app.config.cv_json_resume
    if app.builder.name in SITE_BUILDERS and filename and "pathto" in context:
        href = escape(context["pathto"](filename, 1))
        context["metatags"] = context.get("metatags", "") + (
            f'\n<link rel="alternate" type="application/json" title="JSON Resume" href="{href}">'
        )


def page_description(env: BuildEnvironment, docname: str, limit: int = 160) -> str:
    """What a search engine may quote for a page: a project's summary, the person's, or
    the page's title with the CV objects it shows."""
    declared = get_domain(env).views().by_page.get(docname, [])
    text = next(
        (
            record.summary
            for record in declared
            if (isinstance(record, Project) and not record.anchor)
            or (isinstance(record, Item) and record.kind == "person")
        ),
        "",
    )
    if not text:
        shown = [display_title(r) for r in declared if not isinstance(r, Item) and r.title]
        title = env.titles[docname].astext() if docname in env.titles else ""
        if not shown or not title:
            return ""
        text = f"{title}: {'; '.join(shown)}."
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
