"""MyST sources of a synthetic CV: conf.py, what every page shares, and the benchmark's edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import synth_bodies

if TYPE_CHECKING:
    from pathlib import Path

    from synth_model import Obj, Site

# conf.py of both variants: they differ in extensions only
CONF = """\
project = "Synthetic CV ({variant}, N={n})"
author = copyright = "benchmark"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence", "fieldlist"]
cv_today = "2024-09-23"
exclude_patterns = ["_build"]
html_theme = {theme!r}
"""
# the home page lists every page; "projects" and "talks" list their folder
TOCTREE_HOME = """\
```{toctree}
:hidden:
:glob:

experience/*
achievements/*
projects
talks
skills
```"""
TOCTREE_GLOB = """\
```{{toctree}}
:hidden:
:glob:

{folder}/*
```"""


class Writer:
    """Writes a :class:`Site` as MyST source files; a subclass says how each part reads."""

    variant = ""

    def __init__(self, site: Site) -> None:
        self.site = site

    def write(self, srcdir: Path, theme: str) -> None:
        """Write conf.py and every page of the site into *srcdir*."""
        extensions = ["myst_parser", "cv_ext"] if self.variant == "cv_ext" else ["myst_parser"]
        srcdir.mkdir(parents=True, exist_ok=True)
        (srcdir / "conf.py").write_text(
            CONF.format(variant=self.variant, n=self.site.n, extensions=extensions, theme=theme),
            encoding="utf8",
        )
        for docname in self.site.pages:
            path = srcdir / f"{docname}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.page(docname), encoding="utf8")

    def page(self, docname: str) -> str:
        """The source of page *docname*: its title, then its content."""
        title = self.site.titles[docname]
        if docname == "index":
            parts = [self.overview(), TOCTREE_HOME]
        elif docname in ("projects", "talks"):
            parts = [self.index(docname), TOCTREE_GLOB.format(folder=docname)]
        elif docname == "skills":
            parts = [self.index("skills")]
        elif docname.startswith("projects/"):
            parts = [self.project(self.site.pages[docname][0])]
        else:
            parts = [self.obj(obj) for obj in self.site.pages[docname]]
        return "\n\n".join([f"# {title}", *parts]).rstrip() + "\n"

    def body(self, obj: Obj) -> str:
        """The body of *obj*, each reference written as this variant links."""
        return synth_bodies.render(obj.body, obj.body_refs, self.role)

    def overview(self) -> str:
        """The career overview on the home page."""
        raise NotImplementedError

    def index(self, kind: str) -> str:
        """The index of the projects, the talks or the skills."""
        raise NotImplementedError

    def project(self, obj: Obj) -> str:
        """The content of project *obj*'s own page."""
        raise NotImplementedError

    def obj(self, obj: Obj) -> str:
        """Entry, achievement or talk *obj*, on a page of several."""
        raise NotImplementedError

    def role(self, typ: str, target: str) -> str:
        """A reference to the object of type *typ* and id *target*."""
        raise NotImplementedError


def edit_project(srcdir: Path, project: Obj, *, title: bool = True) -> str:
    """Change the body text of *project*'s page, and its title unless not *title*; return
    the old text."""
    path = srcdir / f"{project.docname}.md"
    old = path.read_text(encoding="utf8")
    first, rest = old.split("\n", 1)
    assert first == f"# {project.title}", first
    assert rest.count("This project explores") == 1, rest
    heading = f"# {project.title} (revised)" if title else first
    new = f"{heading}\n" + rest.replace("This project explores", "This revised project explores")
    path.write_text(new, encoding="utf8")
    return old
