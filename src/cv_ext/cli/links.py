"""``python -m cv_ext links``: each object's URL, intersphinx label and a Markdown link.

The table is read from the site's ``objects.inv``, built with ``dirhtml`` as Read the
Docs builds it, so that it shows exactly what another Sphinx project links through
intersphinx: an object of the ``cv`` domain is listed when its ``std:label``
(``cv-<type>-<id>``) is there too.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from contextlib import redirect_stdout
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cv_ext.core.ids import object_label

if TYPE_CHECKING:
    import argparse


@dataclass(frozen=True)
class Link:
    """One object as a sharer sees it: what it is, where it is, and how to link it."""

    type: str
    id: str
    title: str
    url: str
    label: str

    @property
    def markdown(self) -> str:
        """A Markdown link to paste: ``[Title](URL)``."""
        title = self.title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        return f"[{title}]({self.url.replace(' ', '%20').replace(')', '%29')})"


def read_inventory(path: Path, base: str = "") -> list[Link]:
    """The objects of the inventory *path* that have a label, URLs starting with *base*."""
    from sphinx.util.inventory import InventoryFile

    with path.open("rb") as stream:
        loaded = InventoryFile.load(stream, base, lambda root, uri: root + uri)
    data = loaded.data if hasattr(loaded, "data") else loaded  # Sphinx 9 / 8.2
    labels = data.get("std:label", {})
    links = []
    for key in sorted(data):
        if not key.startswith("cv:"):
            continue
        objtype = key.removeprefix("cv:")
        for object_id in sorted(data[key]):
            label = object_label(objtype, object_id)
            if (item := labels.get(label)) is None:
                continue  # skills have their index, not labels
            title = object_id if item.display_name == "-" else item.display_name
            links.append(Link(objtype, object_id, title, item.uri, label))
    return links


def build_inventory(site: Path, scratch: Path) -> tuple[Path, str]:
    """Build *site* with ``dirhtml`` into *scratch*: its ``objects.inv`` and ``html_baseurl``."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    # extensions may print on import (sphinxext-opengraph does): keep stdout for the table
    # docutils_namespace: the nodes, directives and roles Sphinx registers in docutils go
    # when this build ends, so that a second build in the same process starts clean
    with redirect_stdout(io.StringIO()), docutils_namespace():
        app = Sphinx(
            str(site),
            str(site),
            str(scratch / "dirhtml"),
            str(scratch / "doctrees"),
            "dirhtml",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.build()
    return scratch / "dirhtml" / "objects.inv", str(app.config.html_baseurl or "")


def format_text(links: list[Link]) -> str:
    """The table for a terminal: a block per object."""
    lines = []
    for link in links:
        lines += [
            f"{link.title} ({link.type})",
            f"  URL       {link.url}",
            f"  label     {link.label}",
            f"  Markdown  {link.markdown}",
            "",
        ]
    return "\n".join(lines)


def format_json(links: list[Link]) -> str:
    """The table as a JSON list of objects."""
    rows = [asdict(link) | {"markdown": link.markdown} for link in links]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def run(site: Path, fmt: str, base: str | None = None, inventory: Path | None = None) -> str:
    """Build *site* (or read *inventory*) and format its links.

    URLs start with *base*, else with the site's ``html_baseurl`` (when it is built here);
    without either they are paths from the site's root.
    """
    with tempfile.TemporaryDirectory(prefix="cv-links-") as scratch:
        if inventory is None:
            inventory, site_base = build_inventory(site, Path(scratch))
        else:
            site_base = ""
        root = base if base is not None else site_base
        links = read_inventory(inventory, root if not root or root.endswith("/") else root + "/")
    return format_json(links) if fmt == "json" else format_text(links)


def add_links_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``links`` subcommand, for :func:`cv_ext.cli.commands.parser`."""
    links = commands.add_parser(
        "links", help="each object's URL, intersphinx label and Markdown link, from objects.inv"
    )
    links.add_argument("--site", type=Path, default=Path("docs"), help="the site (default: docs)")
    links.add_argument("--format", choices=("text", "json"), default="text")
    links.add_argument(
        "--base",
        help="the site's public address (default: html_baseurl; without it, paths from the root)",
    )
    links.add_argument(
        "--inventory", type=Path, help="a built objects.inv to read instead of building the site"
    )
    links.set_defaults(run=run_links)


def run_links(args: argparse.Namespace) -> int:
    """``links``: the table on standard output; 2 without a site or an inventory."""
    if args.inventory is None and not (args.site / "conf.py").is_file():
        print(f"error: no Sphinx site (conf.py) in {args.site}", file=sys.stderr)  # noqa: T201
        return 2
    if args.inventory is not None and not args.inventory.is_file():
        print(f"error: no inventory at {args.inventory}", file=sys.stderr)  # noqa: T201
        return 2
    sys.stdout.write(run(args.site, args.format, args.base, args.inventory))
    return 0
