"""What an incremental build compares: each record's digest, taken anew only where needed."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from cv_ext.reading.domain import get_domain
from cv_ext.reading.rewrites import stale_pages

if TYPE_CHECKING:
    from pathlib import Path


def test_a_page_not_read_keeps_its_records_digests_but_not_an_id_another_page_took(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    app = make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    app.build()
    domain = get_domain(app.env)
    assert stale_pages(domain, read=set()) == []  # nothing read, nothing changed
    project = domain.projects["hole-punching"]
    # the page's record, changed while this build read the page, is digested anew
    domain.projects["hole-punching"] = dataclasses.replace(project, title="Another title")
    assert "results" in stale_pages(domain, read={project.docname})
    # the same id, declared by another page with another title, that this build did not
    # read: its digest is of another record, so the pages naming the project go stale
    domain.projects["hole-punching"] = dataclasses.replace(
        project, docname="talks", title="A third title"
    )
    assert "results" in stale_pages(domain, read=set())
    assert stale_pages(domain, read=set()) == []
