"""A link-preview image (``og:image``) of its own for each page a project heads.

Drawn with Pillow at build time, 1200×630 px: the project's title, its summary and the
person's name. sphinxext-opengraph reads the page's ``og:image`` and ``og:image:alt``
metadata; every other page keeps the site's card. Without Pillow (the ``docs`` extra
installs it) a build that asks for previews warns ``cv.config`` once and makes none.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.i18n import _
from cv_ext.common.warn import log_warning
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.records import Project

logger = logging.getLogger(__name__)

#: where the images go, under the site root
FOLDER = "_static/cv-previews"
#: the longest project id an image's file name holds as it is
LONGEST_ID = 80
WIDTH, HEIGHT = 1200, 630


def setup_previews(app: Sphinx) -> None:
    """Draw the preview images of the pages written (``cv_link_previews``)."""
    app.connect("builder-inited", _check_pillow)
    app.connect("env-updated", _note_images)
    app.connect("html-page-context", _draw)


def _enabled(app: Sphinx) -> bool:
    return bool(app.config.cv_link_previews) and importlib.util.find_spec("PIL") is not None


def _check_pillow(app: Sphinx) -> None:
    if app.config.cv_link_previews and importlib.util.find_spec("PIL") is None:
        log_warning(
            logger,
            "cv_link_previews: Pillow is not installed (pip install pillow); no preview images",
            "config",
            location=None,
        )


def person_name(env: BuildEnvironment) -> str:
    """Whose CV it is: the ``person`` item, else the project's author."""
    people = get_domain(env).views().declared.of_kind("person")
    return people[0].title if people else str(env.config.author or env.config.project)


def image_stem(project: Project) -> str:
    """The start of the image's file name: the project's id, shortened where it is long
    (a file name has at most 255 bytes), with a digest keeping it the project's own."""
    if len(project.id) <= LONGEST_ID:
        return project.id
    return f"{project.id[:LONGEST_ID]}-{hashlib.sha256(project.id.encode()).hexdigest()[:8]}"


def image_path(project: Project) -> str:
    """The image's path under the site root; named by content, so a change is a new URL."""
    digest = hashlib.sha256(repr((project.title, project.summary)).encode()).hexdigest()[:8]
    return f"{FOLDER}/{image_stem(project)}-{digest}.png"


def _note_images(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Point each project page's link preview at its image, with a text alternative."""
    if not _enabled(app):
        return []
    person = person_name(env)
    for project in get_domain(env).projects.values():
        if project.anchor or project.docname not in env.metadata:
            continue  # only a project heading its own page has the page's preview
        meta = env.metadata[project.docname]
        meta["og:image"] = image_path(project)
        meta["og:image:alt"] = _("%(title)s: a project of %(person)s") % {
            "title": project.title,
            "person": person,
        }
    return []


def _draw(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if not _enabled(app) or app.builder.name not in SITE_BUILDERS:
        return
    project = next(
        (p for p in get_domain(app.env).projects.values() if p.docname == pagename),
        None,
    )
    if project is None or project.anchor:
        return
    target = Path(app.outdir) / image_path(project)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # the project's previous image (another title) goes: as a clean build never had it
        stem = image_stem(project)
        own = re.compile(re.escape(stem) + r"-[0-9a-f]{8}\.png")
        for old in target.parent.glob(f"{stem}-*.png"):
            if own.fullmatch(old.name):
                old.unlink()
        target.write_bytes(card(project.title, project.summary, person_name(app.env)))


@functools.cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def card(title: str, summary: str, person: str) -> bytes:
    """The PNG of one preview: the title large, the summary, the person's name."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill="#2757c4")
    margin = 90
    y = 80
    heading = _font(64)
    for line in textwrap.wrap(title, width=28)[:3]:
        draw.text((margin, y), line, font=heading, fill="#111111")
        y += 80
    y += 20
    body = _font(34)
    for line in textwrap.wrap(summary, width=58)[:4]:
        draw.text((margin, y), line, font=body, fill="#444444")
        y += 46
    name = _font(40)
    draw.text((margin, HEIGHT - 110), person, font=name, fill="#2757c4")
    out = io.BytesIO()
    image.save(out, format="PNG")  # optimize=True would triple the time for 10 % less
    return out.getvalue()
