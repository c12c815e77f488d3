"""One id declared on two pages: the earliest declaration wins, and an incremental or a
parallel build still equals a clean serial build when the page holding it is edited or
removed: the page whose declaration lost is read again and its object comes forward.
The same for one old id (and old page) that two objects claim in ``:aliases:``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import TESTS
from links_support import build_copy, cv_labels, inventory, soup, warnings_of

from cv_ext.outputs.redirects import MARKER
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

ROOT = TESTS / "roots" / "test-duplicates"


class Pair:
    """An id declared on a winning page and a losing one, in the root's two syntaxes."""

    def __init__(self, key: str, winner: str, loser: str, bare_winner: str) -> None:
        self.key, self.winner, self.loser = key, winner, loser
        #: the winning page without its declaration
        self.bare_winner = bare_winner


PAIRS = {
    # a MyST page wins over a reStructuredText page ...
    "myst-wins": Pair("mesh", "alpha.md", "beta.rst", "# Alpha\n\nAlpha's own words.\n"),
    # ... and a reStructuredText page over a MyST page
    "rst-wins": Pair(
        "relay", "charlie.rst", "delta.md", "Charlie\n=======\n\nCharlie's own words.\n"
    ),
}


def build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, name: str, **kwargs: Any
) -> SphinxTestApp:
    """Build the copy *name* of the root under *tmp_path* (copied from the root once)."""
    if not (tmp_path / name).exists():
        shutil.copytree(ROOT, tmp_path / name)
    app = build_copy(make_app, tmp_path, name, **kwargs)
    app.build()
    return app


def clean_build(make_app: Callable[..., SphinxTestApp], tmp_path: Path, name: str) -> Any:
    """What a clean serial build of the site's sources as they are now puts out."""
    shutil.copytree(tmp_path / "site", tmp_path / name)
    return outputs(build(make_app, tmp_path, name, freshenv=True))


def outputs(app: SphinxTestApp) -> dict[str, Any]:
    """What cv_ext decides in a build: each page's body and JSON-LD, the redirect pages,
    cv.json, objects.inv, the objects' labels, the records and old names the domain holds.

    Sphinx itself leaves the sidebars of pages it did not rewrite stale; the bodies must
    match exactly.
    """
    outdir = Path(app.outdir)
    found: dict[str, Any] = {}
    for path in sorted(outdir.rglob("*.html")):
        text = path.read_text(encoding="utf8")
        if MARKER in text:
            found[path.relative_to(outdir).as_posix()] = text
            continue
        page = soup(path)
        parts = [page.select_one("div.body"), *page.select('script[type="application/ld+json"]')]
        found[path.name] = "\n".join(str(part) for part in parts if part is not None)
    found["cv.json"] = json.loads((outdir / "cv.json").read_text(encoding="utf8"))
    found["objects.inv"] = inventory(outdir / "objects.inv")
    found["labels"] = cv_labels(app)
    domain = get_domain(app.env)
    found["records"] = domain.declared()
    found["old names"] = (domain.aliases, domain.moved)
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf8")


@pytest.mark.parametrize("parallel", [0, 2])
@pytest.mark.parametrize("pair", list(PAIRS.values()), ids=list(PAIRS))
def test_the_losing_declaration_comes_forward_when_the_winning_page_drops_it(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, pair: Pair, parallel: int
) -> None:
    app = build(make_app, tmp_path, "site", freshenv=True, parallel=parallel)
    loser_page = pair.loser.partition(".")[0]
    lines = [line for line in warnings_of(app) if pair.loser in line]
    assert len(lines) == 1, lines
    assert f"duplicate project id {pair.key!r}" in lines[0], lines
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-0")
    # the losing page is edited and read again: it still loses, and is remembered
    src = tmp_path / "site"
    edit(src / pair.loser, "tells it", "tells it now")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-1")
    # the winning page no longer declares the id: the losing page's object takes its place
    (src / pair.winner).write_text(pair.bare_winner, encoding="utf8")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert not [line for line in warnings_of(app) if "unknown" in line], warnings_of(app)
    assert get_domain(app.env).projects[pair.key].docname == loser_page
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-2")
    # and back: the winning page declares it again, and wins again
    shutil.copy(ROOT / pair.winner, src / pair.winner)
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert get_domain(app.env).projects[pair.key].docname == pair.winner.partition(".")[0]
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-3")


@pytest.mark.parametrize("parallel", [0, 2])
def test_the_losing_declaration_comes_forward_when_the_winning_page_is_removed(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, parallel: int
) -> None:
    build(make_app, tmp_path, "site", freshenv=True, parallel=parallel)
    src = tmp_path / "site"
    (src / "alpha.md").unlink()
    edit(src / "index.md", "alpha\n", "")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert not [line for line in warnings_of(app) if "unknown" in line], warnings_of(app)
    assert get_domain(app.env).projects["mesh"].docname == "beta"
    found = outputs(app)
    # Sphinx never deletes the output of a removed page
    assert found.pop("alpha.html")
    assert found == clean_build(make_app, tmp_path, "clean")


# echo.md's project keeps the old id ``hub`` and the old page ``old/hub``; foxtrot.rst's
# project claims both too, and loses


@pytest.mark.parametrize("parallel", [0, 2])
@pytest.mark.parametrize("change", ["edited", "removed"])
def test_the_losing_claim_of_an_old_id_comes_forward_when_the_winning_page_drops_it(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, change: str, parallel: int
) -> None:
    app = build(make_app, tmp_path, "site", freshenv=True, parallel=parallel)
    lines = [line for line in warnings_of(app) if "foxtrot.rst" in line]
    assert len(lines) == 2, lines
    assert "old project id 'hub' already names project 'echo-hub'" in lines[0], lines
    assert "old page 'old/hub' already names project 'echo-hub'" in lines[1], lines
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-0")
    src = tmp_path / "site"
    # a page that claims nothing changes: the losing page is not read again
    read = dict(app.env.all_docs)  # docname -> when it was read
    edit(src / "index.md", "by its old id", "by the old id it had")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert {doc for doc, when in app.env.all_docs.items() if read.get(doc) != when} == {"index"}
    if change == "edited":
        # the winning object keeps its id, but no longer its old names
        edit(src / "echo.md", ":aliases: hub, old/hub\n", "")
    else:
        (src / "echo.md").unlink()
        edit(src / "index.md", "echo\n", "")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert not [line for line in warnings_of(app) if "unknown" in line], warnings_of(app)
    domain = get_domain(app.env)
    assert domain.alias_of("project", "hub") == "foxtrot-hub"
    assert domain.moved["old/hub"].target == "foxtrot-hub"
    found = outputs(app)
    if change == "removed":
        assert found.pop("echo.html")  # Sphinx never deletes the output of a removed page
    assert found == clean_build(make_app, tmp_path, "clean-1")
    # and back: the winning page claims them again, and wins again
    shutil.copy(ROOT / "echo.md", src / "echo.md")
    shutil.copy(ROOT / "index.md", src / "index.md")
    app = build(make_app, tmp_path, "site", parallel=parallel)
    assert get_domain(app.env).alias_of("project", "hub") == "echo-hub"
    assert outputs(app) == clean_build(make_app, tmp_path, "clean-2")
