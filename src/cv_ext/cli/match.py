"""``python -m cv_ext match JOBAD.txt``: the job-ad report of a site, as text, Markdown or JSON.

Only the reading of the site needs Sphinx (:func:`read_site`); the matching itself is
:mod:`cv_ext.core.matching`.
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cv_ext.core.matching import Covered, Report, match
from cv_ext.core.terms import stems

if TYPE_CHECKING:
    from cv_ext.core.audiences import Audience
    from cv_ext.core.dates import Date
    from cv_ext.core.records import Item, Records
    from cv_ext.core.views import Record


@dataclass
class Site:
    """What ``match`` needs of a site: its records, audiences, URLs and reference date."""

    records: Records
    audiences: list[Audience]
    today: Date
    base: str
    #: docname holding each audience's page
    audience_pages: dict[str, str]
    #: the site's own synonym groups (cv_match_synonyms)
    synonyms: list[tuple[str, ...]] = field(default_factory=list)

    def page_url(self, docname: str, anchor: str = "") -> str:
        """A page's URL as the ``dirhtml`` build (and Read the Docs) serves it."""
        if docname == "index":
            path = ""
        elif docname.endswith("/index"):
            path = docname[: -len("index")]
        else:
            path = docname + "/"
        if not self.base and not path:
            path = "./"  # the root, as a path from the root
        return self.base + path + (f"#{anchor}" if anchor else "")

    def url_of(self, record: Record | Item) -> str:
        """Where *record* is on the site."""
        return self.page_url(record.docname, record.anchor)

    def audience_url(self, name: str) -> str:
        """The page of audience *name*, or "" where the site has none."""
        page = self.audience_pages.get(name)
        return self.page_url(page) if page else ""


def read_site(source: Path, base: str | None = None) -> Site:
    """Read the Sphinx site in *source* (no output is written there) and return its CV.

    URLs start with *base*, else with the site's ``html_baseurl``; without either they
    are paths from the site's root.
    """
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    from cv_ext.reading.config import audiences, match_synonyms, today
    from cv_ext.reading.domain import get_domain

    # extensions may print on import (sphinxext-opengraph does): keep stdout for the report
    # docutils_namespace: the nodes, directives and roles Sphinx registers in docutils go
    # when this build ends, so that a second build in the same process starts clean
    with (
        tempfile.TemporaryDirectory(prefix="cv-match-") as scratch,
        redirect_stdout(io.StringIO()),
        docutils_namespace(),
    ):
        app = Sphinx(
            str(source),
            str(source),
            str(Path(scratch) / "out"),
            str(Path(scratch) / "doctrees"),
            "dummy",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.build()
        domain = get_domain(app.env)
        pages = {
            kind.partition(":")[2]: docname
            for docname, kinds in sorted(domain.aggregates.items())
            for kind in kinds
            if kind.startswith("audience:")
        }
        if base is None:
            base = str(app.config.html_baseurl or "")
        return Site(
            records=domain.views().declared,
            audiences=list(audiences(app.config).values()),
            today=today(app.config),
            base=base if not base or base.endswith("/") else base + "/",
            audience_pages=pages,
            synonyms=match_synonyms(app.config),
        )


# --- output --------------------------------------------------------------------------------------

#: backing objects shown per term in text and Markdown unless --evidence says otherwise
SHOWN = 3


def _said(covered: Covered, shown: int) -> str:
    """The words of the shown evidence for a term, where they differ from the ad's."""
    objects = covered.objects[:shown] if shown else covered.objects
    ads = {stems(spelling) for spelling in covered.term.split(" / ")}
    other = dict.fromkeys(o.words for o in objects if stems(o.words) not in ads)
    quoted = ", ".join(f'"{words}"' for words in other)
    return f"  (CV: {quoted})" if other else ""


def format_text(report: Report, shown: int = SHOWN) -> str:
    """The report for a terminal: *shown* objects per term, the strongest; 0 shows all."""
    lines = [f"Covered by the CV ({len(report.covered)} terms), strongest evidence first:"]
    for covered in report.covered:
        objects = covered.objects[:shown] if shown else covered.objects
        lines.append(f"  {covered.term}{_said(covered, shown)}")
        lines += [f"    - {b.section}: {b.title} <{b.url}>" for b in objects]
        if (more := len(covered.objects) - len(objects)) > 0:
            lines.append(f"    ... and {more} more")
    lines.append("")
    lines.append(f"Not in the CV ({len(report.not_in_cv)}): {', '.join(report.not_in_cv) or '-'}")
    lines.append("")
    lines += _suggestion(report)
    lines += [
        f"  {audience.name}: {len(audience.terms)} ({', '.join(audience.terms) or '-'})"
        for audience in report.audiences
    ]
    return "\n".join(lines) + "\n"


def format_markdown(report: Report, shown: int = SHOWN) -> str:
    """The report as Markdown, with links."""
    lines = [f"## Covered by the CV ({len(report.covered)} terms)", ""]
    for covered in report.covered:
        chosen = covered.objects[:shown] if shown else covered.objects
        objects = ", ".join(f"[{b.title}]({b.url})" for b in chosen)
        if (more := len(covered.objects) - len(chosen)) > 0:
            objects += f" and {more} more"
        lines.append(f"- **{covered.term}**{_said(covered, shown)}: {objects}")
    lines += ["", f"## Not in the CV ({len(report.not_in_cv)})", ""]
    lines += [f"- {term}" for term in report.not_in_cv] or ["- none"]
    lines += ["", "## Suggested audience", "", *_suggestion(report)]
    return "\n".join(lines) + "\n"


def _suggestion(report: Report) -> list[str]:
    """The suggested audience and why, in words."""
    best = report.suggested
    if best is None:
        return ["Suggested audience: none (no audience's CV shows evidence for a covered term)"]
    where = f" <{best.url}>" if best.url else ""
    others = ", ".join(f"{a.name}: {len(a.terms)}" for a in report.audiences if a is not best)
    return [
        f"Suggested audience: {best.name} ({best.title}){where}",
        f"  because its CV shows in full the evidence for {len(best.terms)} of the "
        f"{len(report.covered)} covered terms" + (f" ({others})." if others else "."),
    ]


def format_report(report: Report, fmt: str, shown: int = SHOWN) -> str:
    """The report as ``text``, ``md`` or ``json``."""
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
    return format_markdown(report, shown) if fmt == "md" else format_text(report, shown)


def run(ad_path: Path, site: Path, fmt: str, base: str | None = None, shown: int = SHOWN) -> str:
    """Read the ad and the site, and format the report."""
    ad = ad_path.read_text(encoding="utf8")
    cv = read_site(site, base)
    report = match(
        ad,
        cv.records,
        cv.audiences,
        today=cv.today,
        url_of=cv.url_of,
        audience_url=cv.audience_url,
        synonyms=cv.synonyms,
    )
    return format_report(report, fmt, shown)
