"""cv_ext's own CSS and scripts (``cv_ext/static``) in web builds.

Each page loads one stylesheet, ``_static/cv_ext-<digest>.css``: the rules of
``cv_ext.css`` its own markup can match (``page_styles``), so that a project page does not
carry the skills index's or the timeline's rules, and a page without cv_ext's markup
loads none. Pages that need the same rules share the file, cached like any static file.
The file made for each set of classes is noted beside the doctrees, so that a rebuild
links it without parsing ``cv_ext.css`` again.
"""

from __future__ import annotations

import hashlib
import os
import re
import weakref
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cv_ext.outputs.page_styles import classes_in, needs_styles, trim
from cv_ext.outputs.records import read_record, write_record

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent.parent / "static"
STYLESHEET = STATIC_DIR / "cv_ext.css"
# no leading \b: a pattern that starts with a literal is searched for as one, which
# matters in search.html, whose inline search data can be megabytes long
_BUNDLE = re.compile(r"cv_ext-[0-9a-f]{12}\.css\b")
#: beside the doctrees: the stylesheets each written page links (``_drop_unused_bundles``)
LINKS_FILE = "cv_ext_styles.json"
#: beside the doctrees: the stylesheet made for each set of classes, by the digest of
#: cv_ext.css it was cut from, so that a rebuild need not parse cv_ext.css again
BUNDLES_FILE = "cv_ext_bundles.json"


@dataclass
class _Cuts:
    """The stylesheet cut for each set of classes (its names joined), from cv_ext.css of
    *digest*: what the last build left, with what this one adds."""

    digest: str
    bundles: dict[str, str]
    loaded: dict[str, str]  # as the last build left them: written again only if changed


#: per web build, from builder-inited on
_CUTS: weakref.WeakKeyDictionary[Sphinx, _Cuts] = weakref.WeakKeyDictionary()


def setup_assets(app: Sphinx) -> None:
    """Make ``cv_ext/static`` a static folder; give each web page the styles it uses."""
    app.connect("builder-inited", _add_static_path)
    app.connect("builder-inited", _load_cuts)
    # late: after every handler that adds cv_ext markup to the page (footer, languages)
    app.connect("html-page-context", _page_styles, priority=900)
    app.connect("build-finished", _drop_unused_bundles)
    app.connect("build-finished", _keep_cuts)


def _add_static_path(app: Sphinx) -> None:
    # app.add_static_dir() only exists from Sphinx 9.1; never mutate the user's own list
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR)]


def _load_cuts(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    digest = hashlib.sha256(STYLESHEET.read_bytes()).hexdigest()
    known = read_record(Path(app.doctreedir) / BUNDLES_FILE)
    bundles = known.get("bundles") if known.get("stylesheet") == digest else None
    loaded = dict(bundles) if isinstance(bundles, dict) else {}
    _CUTS[app] = _Cuts(digest, dict(loaded), loaded)


def _keep_cuts(app: Sphinx, exception: BaseException | None) -> None:
    """Note the bundles of this build (of its main process) for the next one."""
    cuts = _CUTS.get(app)
    if exception is None and cuts is not None and cuts.bundles != cuts.loaded:
        record = Path(app.doctreedir) / BUNDLES_FILE
        write_record(record, {"stylesheet": cuts.digest, "bundles": cuts.bundles})


def page_classes(context: dict[str, Any]) -> set[str]:
    """The class names of what a page shows: its body and the theme's footer icons."""
    icons = context.get("theme_footer_icons") or []
    extra = " ".join(str(icon.get("class", "")) for icon in icons if isinstance(icon, dict))
    return classes_in(str(context.get("body") or "")) | set(extra.split())


@cache
def _styles_for(classes: frozenset[str]) -> str:
    return trim(STYLESHEET.read_text(encoding="utf8"), classes)


def _page_styles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if app.builder.format != "html":
        return
    classes = page_classes(context)
    if not needs_styles(classes):
        return
    own = frozenset(name for name in classes if name.startswith("cv-"))
    static = Path(app.builder.outdir) / "_static"
    bundles = _CUTS[app].bundles
    key = " ".join(sorted(own))
    name = bundles.get(key, "")
    if not (_BUNDLE.fullmatch(name) and (static / name).is_file()):
        css = _styles_for(own)
        name = f"cv_ext-{hashlib.sha256(css.encode('utf8')).hexdigest()[:12]}.css"
        _write_once(static / name, css)
        bundles[key] = name
    # with the priority cv_ext.css had on every page: after the theme's, before the site's
    app.add_css_file(name, priority=500)


def _write_once(path: Path, text: str) -> None:
    """Write *path* unless it is there; whole, as parallel writers may race for it."""
    if path.is_file():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf8")
    partial.replace(path)


def _drop_unused_bundles(app: Sphinx, exception: BaseException | None) -> None:
    """Delete stylesheets of earlier builds no page links any more, as a clean build has none.

    Which stylesheets each page links is kept beside the doctrees, with the page's size and
    time: a page this build did not write is not read again.
    """
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.builder.outdir)
    record = Path(app.doctreedir) / LINKS_FILE
    known = _read_links(record)
    suffixes = {".html", ".xhtml", getattr(app.builder, "out_suffix", ".html")}  # epub: .xhtml
    links: dict[str, tuple[list[int], list[str]]] = {}
    for key, page in _pages(str(outdir), "", tuple(suffixes)):
        info = page.stat()
        stamp = [info.st_mtime_ns, info.st_size]
        if key in known and known[key][0] == stamp:
            links[key] = known[key]
        else:
            text = Path(page.path).read_text(encoding="utf8", errors="replace")
            links[key] = (stamp, sorted(set(_BUNDLE.findall(text))))
    if links != known:
        write_record(record, links)
    linked = {name for _stamp, names in links.values() for name in names}
    for path in (outdir / "_static").glob("cv_ext-*.css"):
        if path.name not in linked:
            path.unlink()


#: folders of Sphinx's own output that hold no pages
_NOT_PAGES = frozenset({"_static", "_sources", "_images", "_downloads"})


def _pages(
    folder: str, prefix: str, suffixes: tuple[str, ...]
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Each page file under *folder*, with its path there (``os.scandir``: one call per
    folder, where ``Path.rglob`` and ``stat`` make several per file)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not (prefix == "" and entry.name in _NOT_PAGES):
                    yield from _pages(entry.path, f"{prefix}{entry.name}/", suffixes)
            elif entry.name.endswith(suffixes) and entry.is_file():
                yield f"{prefix}{entry.name}", entry


def _read_links(record: Path) -> dict[str, tuple[list[int], list[str]]]:
    """The stylesheets each page linked when the last build ended; nothing if unreadable."""
    data = read_record(record)
    return {key: (value[0], value[1]) for key, value in data.items() if _is_link(value)}


def _is_link(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], list)
        and isinstance(value[1], list)
    )
