"""``cv.bib``: the CV's publications as BibTeX, written with pybtex, authors as published.

A publication with a venue is an ``@inproceedings`` whose ``booktitle`` is the venue;
one without is ``@misc``. Its key is the publication's id, so that a citation stays
the same from build to build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from cv_ext.core.records import Publication


def setup_bibtex(app: Sphinx) -> None:
    """Write ``cv_bibtex`` beside the site's root page after each web build."""
    app.connect("build-finished", _write_bibtex)


def to_bibtex(publications: list[Publication]) -> str:
    """The BibTeX of *publications*, in their order."""
    # imported here: most sites have no publications, and every rebuild would pay for it
    from pybtex.database import BibliographyData, Entry, Person

    data = BibliographyData()
    for publication in publications:
        fields = {"title": publication.title}
        if publication.venue:
            fields["booktitle"] = publication.venue
        if publication.date is not None:
            fields["year"] = str(publication.date.year)
            if publication.date.month:
                fields["month"] = str(publication.date.month)
        if publication.doi:
            fields["doi"] = publication.doi
        if publication.url:
            fields["url"] = publication.url
        persons = {"author": [Person(name) for name in publication.authors]}
        kind = "inproceedings" if publication.venue else "misc"
        data.add_entry(publication.id, Entry(kind, fields=fields, persons=persons))
    return str(data.to_string("bibtex")) if publications else ""


def _write_bibtex(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in SITE_BUILDERS or not app.config.cv_bibtex:
        return
    publications = get_domain(app.env).views().publications
    if publications:
        text = to_bibtex(publications)
        (app.builder.outdir / app.config.cv_bibtex).write_text(text, encoding="utf8")
