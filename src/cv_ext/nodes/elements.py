"""The doctree nodes of cv_ext: objects, placeholders filled from the domain, paper parts.

Their visitors for every builder are in :mod:`cv_ext.nodes.visitors`.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes


class cv_entry(nodes.General, nodes.Element):  # noqa: N801
    """One timeline entry (job, degree, volunteer role), a marker on the visual line."""


class cv_achievement(nodes.General, nodes.Element):  # noqa: N801
    """One dated achievement."""


class cv_heading(nodes.paragraph):  # noqa: N801
    """The title line of an entry or achievement: a real heading in HTML."""


class cv_date(nodes.inline):  # noqa: N801
    """A date or period end, machine-readable in ``datetime``."""


class cv_metric(nodes.General, nodes.Element):  # noqa: N801
    """A before/after measurement; ``before`` and ``after`` are bar lengths (0-1)."""


class cv_timeline(nodes.General, nodes.Element):  # noqa: N801
    """An ordered, newest-first list of :class:`cv_item` (the career overview)."""


class cv_item(nodes.General, nodes.Element):  # noqa: N801
    """One compact line of a :class:`cv_timeline`."""


class cv_overview(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the career overview, filled in at ``doctree-resolved``."""


class cv_project(nodes.General, nodes.Element):  # noqa: N801
    """The header of a project page: summary, dates, role, links, talks."""


class cv_talk(nodes.General, nodes.Element):  # noqa: N801
    """One talk."""


class cv_publication(nodes.General, nodes.Element):  # noqa: N801
    """One publication."""


class cv_record(nodes.General, nodes.Element):  # noqa: N801
    """A simpler CV item: the person, a language, a skill, a publication, ..."""


class cv_photo(nodes.General, nodes.Element):  # noqa: N801
    """A person's photo at an https URL: ``<img>`` on the web, left out elsewhere."""


class cv_paper_header(nodes.General, nodes.Element):  # noqa: N801
    """The paper's name, label and contacts beside the photo (``cv_paper_photo``)."""


class cv_paper_photo(nodes.image):  # noqa: N801
    """The person's photo on the paper CV (``cv_paper_photo``): at the right of the name."""


class cv_export_link(nodes.Inline, nodes.Element):  # noqa: N801
    """Placeholder for a link to the JSON Resume export, on web builds only."""


class cv_backlinks(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for "Referenced from" of one object, filled in at ``doctree-resolved``."""


class cv_details(nodes.General, nodes.Element):  # noqa: N801
    """A block that opens on demand: ``<details>`` in HTML, a plain container elsewhere."""


class cv_summary(nodes.paragraph):  # noqa: N801
    """The always-visible line of :class:`cv_details`: ``<summary>`` in HTML."""


class cv_index(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a projects, talks or skills index, filled in at ``doctree-resolved``."""


class cv_messages(nodes.Element, addnodes.translatable):  # noqa: N801
    """The prose option values of one directive, for ``-b gettext``; renders nothing.

    Sphinx's gettext builder extracts messages from translatable nodes only; the
    directive translates the values itself (the records are built from them), so
    applying a translation here has nothing left to do.
    """

    def preserve_original_messages(self) -> None:
        """Nothing to preserve: the node shows nothing."""

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        """Nothing to apply: the directive has used the translation already."""

    def extract_original_messages(self) -> list[str]:
        """The option values, as written."""
        return list(self["messages"])


class cv_audience(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the CV tailored to an audience, filled in at ``doctree-resolved``."""


class cv_body(nodes.General, nodes.Element):  # noqa: N801
    """An object's own text, as its author wrote it; renders as its children alone.

    It marks what the paper CV copies from a page, and what the object itself links.
    """


class cv_paper(nodes.General, nodes.Element):  # noqa: N801
    """The paper CV: a placeholder until post-transforms fill it from the domain."""


class cv_paper_entry(nodes.General, nodes.Element):  # noqa: N801
    """One job, degree or role of the paper CV: a header line, then its text."""


class cv_paper_head(nodes.paragraph):  # noqa: N801
    """The header line of a paper entry: what and where on the left, when on the right."""


class cv_paper_when(nodes.inline):  # noqa: N801
    """The dates of a paper header line: right-aligned on paper, after a dot elsewhere."""


class cv_paper_name(nodes.paragraph):  # noqa: N801
    """The person's name at the top of the paper CV."""


class cv_letter(nodes.General, nodes.Element):  # noqa: N801
    """A cover letter: a placeholder until a post-transform adds the letterhead and addressee."""


class cv_letter_date(nodes.paragraph):  # noqa: N801
    """The date of a letter: at the right margin on paper."""


class cv_paper_at(nodes.inline):  # noqa: N801
    """An entry's organisation or place on its header line, after a thin rule on paper."""


class cv_paper_sep(nodes.inline):  # noqa: N801
    """The separator between two contacts: a wide gap on paper, so each is a run of its own."""
