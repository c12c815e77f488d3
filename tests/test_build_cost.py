"""What keeps a build's cost in proportion to the site: the heap kept from the cycle
collector while pages are read and written, and given back when the build ends
(reading/heap.py); work asked for by every reference done once per build."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

import pytest

from cv_ext.reading import heap

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    """Each test starts and ends with nothing frozen, whatever it did."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def frozen_counts(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, **overrides: Any
) -> dict[str, int]:
    """How many objects were frozen while a page was read, while one was written, and after."""
    app = make_app(
        "html",
        srcdir=rootdir / "test-basic",
        builddir=tmp_path / "_build",
        confoverrides=overrides,
    )
    seen: dict[str, int] = {}

    def read(app: Sphinx, doctree: object) -> None:
        seen.setdefault("reading", gc.get_freeze_count())

    def written(app: Sphinx, doctree: object, docname: str) -> None:
        seen.setdefault("writing", gc.get_freeze_count())

    app.connect("doctree-read", read)
    app.connect("doctree-resolved", written)
    app.build()
    seen["after"] = gc.get_freeze_count()
    return seen


def test_the_heap_is_frozen_while_reading_and_writing_and_thawed_after(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    seen = frozen_counts(make_app, rootdir, tmp_path)
    assert seen["reading"] > 0
    assert seen["writing"] > seen["reading"]  # frozen again: what reading made is in too
    assert seen["after"] == 0


def test_the_setting_turns_it_off(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    seen = frozen_counts(make_app, rootdir, tmp_path, cv_freeze_heap=False)
    assert seen == {"reading": 0, "writing": 0, "after": 0}


def test_what_the_process_froze_itself_stays_frozen(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    gc.freeze()
    before = gc.get_freeze_count()
    seen = frozen_counts(make_app, rootdir, tmp_path)
    # cv_ext froze nothing more (the count only falls, as frozen objects are freed) ...
    assert seen["reading"] <= before
    # ... and thawed nothing
    assert 0 < seen["after"] <= before


def test_the_skills_page_is_looked_for_once_per_build_not_per_tag(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every tag on every page links to the skills page; finding it scans every page that
    shows an index, so a scan per tag grew with the square of the site."""
    from cv_ext.reading.store import RecordStore

    scans: list[str] = []
    found = RecordStore.skill_page.fget
    assert found is not None

    def counted(store: RecordStore) -> str | None:
        scans.append("scan")
        return found(store)

    monkeypatch.setattr(RecordStore, "skill_page", property(counted))
    app = make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    app.build()
    links = sum(
        page.read_text(encoding="utf-8").count("skills.html#")
        for page in app.outdir.glob("**/*.html")
    )
    assert links > 10  # many tags link to it ...
    assert len(scans) == 1  # ... found in one scan


def test_the_heap_is_frozen_while_the_environment_loads_and_thawed_once_the_builder_is_ready(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build").build()
    seen: list[tuple[bool, int]] = []
    thaw = heap._thaw

    def watched(app: Sphinx) -> None:
        # the builder is ready: the environment of the first build has loaded by now
        seen.append((bool(app.env.all_docs), gc.get_freeze_count()))
        thaw(app)
        seen.append((bool(app.env.all_docs), gc.get_freeze_count()))

    monkeypatch.setattr(heap, "_thaw", watched)
    make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    (loaded, while_loading), (_, ready) = seen
    assert loaded
    assert while_loading > 0
    # ... and an application made and never built leaves nothing frozen
    assert ready == 0
    assert gc.get_freeze_count() == 0
