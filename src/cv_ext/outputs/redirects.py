"""Redirect pages: a moved page's old URL leads to where its content is now.

What moved comes from two places: ``cv_redirects`` in ``conf.py`` (old page -> page) and
the old pages in objects' ``:aliases:`` (a project named after its page has its old ids'
pages too). The ``html`` and ``dirhtml`` builds write one small page at each old URL:
a canonical link, an instant ``meta refresh``, a script that keeps the old URL's
``#fragment`` (old anchors of a moved section page land on the same anchors), and a
plain link for readers without either. Those pages are files, not documents: Sphinx's
search index and sphinx-sitemap never see them.

A redirect taken out of the sources takes its page with it at the next build: which pages
each output folder holds is kept beside the doctrees, so an incremental build leaves the
files a clean build writes. (Pages of builds before that record are left alone.)

Read the Docs serves them as any file; its own redirects are set in its dashboard, not
in the repository, and apply only where a file is missing, so the pages are the way
that travels with the site.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from cv_ext.common.builders import PAGE_BUILDERS
from cv_ext.common.i18n import _, language
from cv_ext.common.warn import log_warning
from cv_ext.core.errors import ParseError
from cv_ext.core.records import display_title
from cv_ext.core.redirects import Problem, Redirect, Wanted, page_path, page_target, plan
from cv_ext.outputs.records import read_record, write_record
from cv_ext.reading.domain import get_domain
from cv_ext.reading.labels import label_types

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: marks a page as one of ours: a later build may replace it, never another page
MARKER = '<meta name="generator" content="cv_ext redirect">'

#: the redirect pages each output folder holds, beside the doctrees (shared by builders)
WRITTEN_FILE = "cv_ext_redirects.json"


def setup_redirects(app: Sphinx) -> None:
    """Check the redirects once pages are read; write them once every page is written."""
    app.connect("env-check-consistency", check_redirects)
    # at the very end: a file the build wrote (search.html, a 404 page) is never replaced
    app.connect("build-finished", write_redirects)


def wanted_redirects(env: BuildEnvironment) -> tuple[list[Wanted], list[Problem]]:
    """Every redirect asked for, ``cv_redirects`` first, then ``:aliases:`` in page order."""
    wanted: list[Wanted] = []
    problems: list[Problem] = []
    for old, new in dict(env.config.cv_redirects).items():
        try:
            if not isinstance(old, str) or not isinstance(new, str):
                raise ParseError(f"expected text -> text, not {old!r} -> {new!r}")
            docname, anchor = page_target(new)
            wanted.append(Wanted(Redirect(page_path(old), docname, anchor)))
        except ParseError as error:
            problems.append(Problem(f"cv_redirects: {error}", None))
    domain = get_domain(env)
    for alias in sorted(domain.moved.values(), key=lambda a: (a.docname, a.lineno)):
        record = domain.table(alias.objtype).get(alias.target)
        if record is not None:
            redirect = Redirect(alias.old, record.docname, record.anchor)
            wanted.append(Wanted(redirect, (alias.docname, alias.lineno)))
    return wanted, problems


def planned_redirects(env: BuildEnvironment) -> tuple[list[Redirect], list[Problem]]:
    """The redirects to write, and why the others are not written."""
    wanted, problems = wanted_redirects(env)
    redirects, refused = plan(wanted, env.all_docs.keys())
    return redirects, problems + refused


def check_redirects(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn once per read about each redirect that cannot be written."""
    for problem in planned_redirects(env)[1]:
        log_warning(logger, problem.message, "redirect", location=problem.where)


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """Write a page at each old URL (``html`` and ``dirhtml`` only); Sphinx renders none."""
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    outdir = Path(builder.outdir)
    written: list[str] = []
    for redirect in planned_redirects(app.env)[0]:
        path = Path(builder.get_outfilename(redirect.old))
        if path.exists() and not _is_redirect(path):
            log_warning(
                logger,
                f"redirect from {redirect.old!r} would replace {path.name!r}, which the build "
                "wrote; not written",
                "redirect",
                location=None,
            )
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(app, builder, redirect), encoding="utf8")
        written.append(path.relative_to(outdir).as_posix())
    _remove_stale(Path(app.doctreedir) / WRITTEN_FILE, outdir, written)


def _is_redirect(path: Path) -> bool:
    """Whether the file at *path* is a redirect page cv_ext wrote."""
    return MARKER in path.read_text(encoding="utf8", errors="replace")


def _remove_stale(record: Path, outdir: Path, written: list[str]) -> None:
    """Delete the redirect pages of *outdir* that this build no longer wrote; remember
    *written* for the next build."""
    known = read_record(record)
    key = str(outdir.resolve())
    before = known.get(key, [])
    for name in sorted(set(before if isinstance(before, list) else []) - set(written)):
        path = outdir / str(name)
        if not path.resolve().is_relative_to(outdir.resolve()):
            continue  # a record edited by hand: nothing outside the output folder
        # only a redirect page: a page the build wrote there since stays
        if path.is_file() and _is_redirect(path):
            path.unlink()
            _remove_empty_folders(path.parent, outdir)
    known[key] = sorted(written)
    write_record(record, known)


def _remove_empty_folders(folder: Path, outdir: Path) -> None:
    """Remove *folder* and its parents below *outdir* while they are empty (dirhtml's
    ``old/index.html``, an old page in a folder of its own)."""
    while folder != outdir and folder.is_relative_to(outdir) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def redirect_page(app: Sphinx, builder: StandaloneHTMLBuilder, redirect: Redirect) -> str:
    """The HTML of the page at *redirect*'s old URL."""
    fragment = f"#{redirect.anchor}" if redirect.anchor else ""
    target = builder.get_relative_uri(redirect.old, redirect.docname) + fragment
    if not target:
        target = "./"  # dirhtml's root from a page beside it
    base = app.config.html_baseurl
    canonical = (
        base.rstrip("/") + "/" + builder.get_target_uri(redirect.docname) if base else target
    )
    title = _target_title(app.env, redirect)
    # an old anchor of a moved page is the same anchor on the new one; a script keeps it
    keep = "" if fragment else " + location.hash"
    script = f"location.replace({_js(target)}{keep});"
    link = f'<a href="{escape(target)}">{escape(title)}</a>'
    moved = escape(_("This page has moved to %(link)s.")).replace("%(link)s", link)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language().replace("_", "-"))}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{MARKER}\n"
        f"<title>{escape(title)}</title>\n"
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f"<script>{script}</script>\n"
        f"</head>\n<body>\n<p>{moved}</p>\n</body>\n</html>\n"
    )


def _target_title(env: BuildEnvironment, redirect: Redirect) -> str:
    """The object's title where the redirect leads to one, else the page's."""
    domain = get_domain(env)
    for objtype in label_types():
        for record in domain.table(objtype).values():
            if (record.docname, record.anchor) == (redirect.docname, redirect.anchor):
                return display_title(record)
    title = env.titles.get(redirect.docname)
    return title.astext() if title is not None else redirect.docname


def _js(text: str) -> str:
    """*text* as a JavaScript string that cannot end its ``<script>``."""
    return json.dumps(text).replace("<", "\\u003c")
