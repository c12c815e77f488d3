"""A synthetic CV drawn at random, shaped like a real one.

Entries have bodies of several paragraphs and a bullet list with nested items; most
achievements carry a metric and name their entry, so the entry shows them as results;
every object has tags; projects and talks reference each other both ways (a talk's
``:projects:``, the project's "Presented at" in its body).
"""

from __future__ import annotations

import random

from synth_bodies import Body
from synth_dates import TODAY
from synth_model import KINDS, Obj, Site
from synth_vocabulary import CITIES, TAGS, WORDS


def generate(n: int, seed: int = 1) -> Site:
    """A CV of *n* objects: 10% entries, 45% achievements, 25% projects, 20% talks."""
    rng = random.Random(f"{seed}-{n}")

    def words(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    def tags(low: int, high: int) -> list[str]:
        return sorted(rng.sample(TAGS, rng.randint(low, high)))

    counts = {"entry": max(2, n // 10), "project": max(2, n // 4), "talk": max(2, n // 5)}
    counts["achievement"] = max(2, n - sum(counts.values()))
    objects: dict[tuple[str, str], Obj] = {}

    def add(obj: Obj) -> Obj:
        objects[obj.key] = obj
        return obj

    entries = []
    for i in range(counts["entry"]):
        year, month = rng.randint(1990, 2023), rng.randint(1, 12)
        end_index = year * 12 + month - 1 + rng.randint(3, 48) - 1
        last = (end_index // 12, end_index % 12 + 1)
        kind = rng.choices(list(KINDS), weights=(7, 2, 1))[0]
        entries.append(
            add(
                Obj(
                    "entry",
                    f"entry-{i:04d}",
                    f"{words(2).title()} Engineer {i}",
                    start=(year, month),
                    end="present" if i == 0 or last > TODAY else last,
                    tags=tags(3, 5),
                    org=f"{words(1).title()} Corp {i}",
                    kind=kind,
                    location=rng.choice(CITIES),
                )
            )
        )
    projects = []
    for i in range(counts["project"]):
        year, month, day = rng.randint(1995, 2024), rng.randint(1, 8), rng.randint(1, 28)
        long = rng.random() < 0.3
        projects.append(
            add(
                Obj(
                    "project",
                    f"proj-{i:04d}",
                    f"Project {i}: {words(3)}",
                    docname=f"projects/proj-{i:04d}",
                    start=(year, month) if long else (year, month, day),
                    end=(year, month + rng.randint(1, 4)) if long else None,
                    tags=tags(3, 4),
                    summary=f"A {words(6)} project.",
                    entry=rng.choice(entries).id if rng.random() < 0.9 else "",
                )
            )
        )
    achievements = []
    for i in range(counts["achievement"]):
        before = rng.choice((10, 30, 120, 500, 2000))
        achievements.append(
            add(
                Obj(
                    "achievement",
                    f"ach-{i:04d}",
                    f"Achievement {i}: {words(4)}",
                    start=(rng.randint(1995, 2024), rng.randint(1, 8), rng.randint(1, 28)),
                    tags=tags(2, 3),
                    metric=("latency", before, before / rng.choice((2, 4, 10)))
                    if rng.random() < 0.6
                    else None,
                    entry=rng.choice(entries).id if rng.random() < 0.9 else "",
                    project=rng.choice(projects).id if rng.random() < 0.5 else "",
                )
            )
        )
    talks = []
    for i in range(counts["talk"]):
        talk = Obj(
            "talk",
            f"talk-{i:04d}",
            f"Talk {i}: {words(4)}",
            start=(rng.randint(2005, 2024), rng.randint(1, 8), rng.randint(1, 28)),
            tags=tags(1, 2),
            event=f"{words(1).title()}Conf {rng.randint(2005, 2024)}",
            entry=rng.choice(entries).id if rng.random() < 0.6 else "",
        )
        if rng.random() < 0.8:
            talk.projects = sorted({rng.choice(projects).id for _ in range(rng.randint(1, 2))})
        talks.append(add(talk))

    write_bodies(rng, objects, projects, talks)
    return paginate(n, objects, entries, achievements, projects, talks)


def write_bodies(
    rng: random.Random, objects: dict[tuple[str, str], Obj], projects: list[Obj], talks: list[Obj]
) -> None:
    """The body of every object, with its references to others."""
    presented: dict[str, list[str]] = {}
    for talk in talks:
        for project in talk.projects:
            presented.setdefault(project, []).append(talk.id)
    for obj in objects.values():
        body = Body(rng, obj)
        if obj.type == "entry":
            body.paragraph(rng.randint(2, 3), lead="Worked on")
            body.paragraph(rng.randint(1, 3))
            if rng.random() < 0.5:
                body.paragraph(rng.randint(1, 2))
            body.bullets(rng.randint(3, 6), nested=rng.randint(1, 2))
            shown = sorted({rng.choice(projects).id for _ in range(rng.randint(0, 2))})
            if shown:
                body.line("Projects: " + ", ".join(body.ref("project", p) for p in shown) + ".")
        elif obj.type == "project":
            body.paragraph(rng.randint(2, 3), lead="This project explores")
            body.paragraph(rng.randint(1, 2))
            body.bullets(rng.randint(2, 4), nested=1)
            if rng.random() < 0.3:
                other = rng.choice(projects).id
                if other != obj.id:
                    body.line(f"It builds on {body.ref('project', other)}.")
            if talks_of := presented.get(obj.id):
                body.line("Presented at " + ", ".join(body.ref("talk", t) for t in talks_of) + ".")
        elif obj.type == "achievement":
            body.paragraph(rng.randint(1, 2), lead="Improved")
            if rng.random() < 0.4:
                body.paragraph(1)
            if rng.random() < 0.3:
                body.line(f"Part of {body.ref('project', rng.choice(projects).id)}.")
        else:
            body.paragraph(rng.randint(1, 2))
            if rng.random() < 0.5:
                body.bullets(2, nested=0)
        obj.body = body.text()


def paginate(
    n: int,
    objects: dict[tuple[str, str], Obj],
    entries: list[Obj],
    achievements: list[Obj],
    projects: list[Obj],
    talks: list[Obj],
) -> Site:
    """The pages: entries, achievements and talks 20 or 25 to a page, a page per project."""
    pages: dict[str, list[Obj]] = {"index": [], "projects": [], "talks": [], "skills": []}
    titles = {"index": "Career", "projects": "Projects", "talks": "Talks", "skills": "Skills"}
    for folder, label, items, per_page in (
        ("experience", "Experience", entries, 25),
        ("achievements", "Achievements", achievements, 25),
        ("talks", "Talks", talks, 20),
    ):
        for page in range(0, len(items), per_page):
            docname = f"{folder}/page-{page // per_page + 1:03d}"
            pages[docname] = items[page : page + per_page]
            titles[docname] = f"{label}, part {page // per_page + 1}"
            for line, obj in enumerate(pages[docname]):
                obj.docname, obj.line = docname, line
    for project in projects:
        pages[project.docname] = [project]
        titles[project.docname] = project.title
    return Site(n, objects, pages, titles)
