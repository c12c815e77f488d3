"""The canonical form of cv_ext's directives: which options, in which order, of which kind.

The order is the one the site's hand-written pages use (``docs/``): what and where
first, then dates, tags and the id; options a directive does not know keep their place
after the known ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cv_ext.reading.directives import placeholders
from cv_ext.reading.directives.achievement import AchievementDirective
from cv_ext.reading.directives.document import PaperDirective
from cv_ext.reading.directives.entry import TimelineDirective
from cv_ext.reading.directives.items import ITEM_KINDS
from cv_ext.reading.directives.labels import TagLabelsDirective
from cv_ext.reading.directives.letter import CoverLetterDirective
from cv_ext.reading.directives.project import ProjectDirective
from cv_ext.reading.directives.publication import PublicationDirective
from cv_ext.reading.directives.talk import TalkDirective

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive

#: options whose value is a list (``a, "b, c"``), lines (one thing a line) or JSON
LISTS = frozenset({"tags", "roles", "keywords", "projects", "with", "sections", "kinds", "aliases"})
LINES = frozenset({"profiles", "metric"})
JSON = frozenset({"extra"})
#: options an item directive has beside its fields
ITEM_TAIL = ("name", "untitled", "extra", "class")

CLASSES: dict[str, type[Directive]] = {
    "timeline": TimelineDirective,
    "achievement": AchievementDirective,
    "project": ProjectDirective,
    "talk": TalkDirective,
    "career-overview": placeholders.CareerOverviewDirective,
    "cv-index": placeholders.IndexDirective,
    "cv-warnings": placeholders.WarningsDirective,
    "cv-audience": placeholders.AudienceDirective,
    "cv-document": PaperDirective,
    "cv-tag-labels": TagLabelsDirective,
    "cover-letter": CoverLetterDirective,
    "publication": PublicationDirective,
}
#: directive -> its options in canonical order
ORDER: dict[str, tuple[str, ...]] = {
    "timeline": (
        "org",
        "study-type",
        "area",
        "start",
        "end",
        "period",
        "undated",
        "kind",
        "employer",
        "location",
        "url",
        "description",
        "score",
        "tags",
        "name",
        "untitled",
        "extra",
        "class",
    ),
    "achievement": (
        "date",
        "metric",
        "awarder",
        "entry",
        "tags",
        "url",
        "project",
        "name",
        "class",
    ),
    "project": (
        "date",
        "start",
        "end",
        "period",
        "roles",
        "url",
        "entity",
        "type",
        "entry",
        "tags",
        "summary",
        "name",
        "aliases",
        "untitled",
        "extra",
        "class",
    ),
    "talk": (
        "date",
        "end",
        "event",
        "event-url",
        "video",
        "slides",
        "projects",
        "with",
        "roles",
        "entry",
        "tags",
        "name",
        "aliases",
        "extra",
        "class",
    ),
    "publication": (
        "authors",
        "venue",
        "date",
        "doi",
        "url",
        "project",
        "tags",
        "name",
        "aliases",
        "extra",
        "class",
    ),
    "person": (
        "label",
        "image",
        "email",
        "phone",
        "url",
        "address",
        "postal-code",
        "city",
        "region",
        "country-code",
        "profiles",
        *ITEM_TAIL,
    ),
} | {name: (*kind.fields, *ITEM_TAIL) for name, kind in ITEM_KINDS.items() if name != "person"}
for _name, _class in CLASSES.items():
    ORDER.setdefault(_name, tuple(_class.option_spec or {}))
#: options without a value (read as text, so that a value given to one warns)
FLAG_OPTIONS = frozenset({"undated", "untitled"})
#: directive -> its flags
FLAGS: dict[str, frozenset[str]] = {name: FLAG_OPTIONS & set(ORDER[name]) for name in ORDER}


def kind_of(directive: str, option: str) -> str:
    """How *option* of *directive* is written: ``flag``, ``list``, ``lines``, ``json``, ``text``."""
    if option in FLAGS.get(directive, frozenset()):
        return "flag"
    if option in LISTS:
        return "list"
    if option in LINES:
        return "lines"
    return "json" if option in JSON else "text"


def ordered(directive: str, keys: list[str]) -> list[str]:
    """*keys* in the canonical order of *directive*; unknown ones after, as they came."""
    known = ORDER.get(directive, ())
    return [key for key in known if key in keys] + [key for key in keys if key not in known]
