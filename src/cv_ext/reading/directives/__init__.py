"""The directives: thin translations of options into a domain record and a node.

One module per object type (:mod:`.entry` for ``timeline``, :mod:`.achievement`,
:mod:`.project`, :mod:`.talk`, :mod:`.publication`, :mod:`.items` for the person, languages and the other
JSON Resume items), a small shared base (:mod:`.options`, :mod:`.base`), the
placeholders that show other pages' data (:mod:`.placeholders`), the labels of tags
(:mod:`.labels`), the paper CV's page (:mod:`.document`) and cover letters (:mod:`.letter`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_directives(app: Sphinx) -> None:
    """Register every directive of cv_ext."""
    from cv_ext.reading.directives import placeholders
    from cv_ext.reading.directives.achievement import AchievementDirective
    from cv_ext.reading.directives.document import PaperDirective
    from cv_ext.reading.directives.entry import TimelineDirective
    from cv_ext.reading.directives.items import setup_items
    from cv_ext.reading.directives.labels import TagLabelsDirective
    from cv_ext.reading.directives.letter import CoverLetterDirective
    from cv_ext.reading.directives.project import ProjectDirective
    from cv_ext.reading.directives.publication import PublicationDirective
    from cv_ext.reading.directives.talk import TalkDirective

    app.add_directive("timeline", TimelineDirective)
    app.add_directive("achievement", AchievementDirective)
    app.add_directive("project", ProjectDirective)
    app.add_directive("talk", TalkDirective)
    app.add_directive("publication", PublicationDirective)
    app.add_directive("career-overview", placeholders.CareerOverviewDirective)
    app.add_directive("cv-index", placeholders.IndexDirective)
    app.add_directive("cv-warnings", placeholders.WarningsDirective)
    app.add_directive("cv-audience", placeholders.AudienceDirective)
    app.add_directive("cv-document", PaperDirective)
    app.add_directive("cv-tag-labels", TagLabelsDirective)
    app.add_directive("cover-letter", CoverLetterDirective)
    setup_items(app)
