"""A synthetic CV drawn at random: objects, dates, tags, cross-references and pages."""

from __future__ import annotations

import random

from synth_dates import TODAY
from synth_model import KINDS, Obj, Site
from synth_vocabulary import CITIES, TAGS, WORDS


def generate(n: int, seed: int = 1) -> Site:
    """A CV of *n* objects: 10% entries, 45% achievements, 25% projects, 20% talks."""
    rng = random.Random(f"{seed}-{n}")

    def words(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    def tags(count: int) -> list[str]:
        return sorted(rng.sample(TAGS, count))

    n_entries = max(2, n // 10)
    n_projects = max(2, n // 4)
    n_talks = max(2, n // 5)
    n_achievements = max(2, n - n_entries - n_projects - n_talks)
    objects: dict[tuple[str, str], Obj] = {}

    def add(obj: Obj) -> Obj:
        objects[obj.key] = obj
        return obj

    entries = []
    for i in range(n_entries):
        year, month = rng.randint(1990, 2023), rng.randint(1, 12)
        length = rng.randint(3, 48)
        end_index = year * 12 + month - 1 + length - 1
        last = (end_index // 12, end_index % 12 + 1)
        end: tuple[int, ...] | str = "present" if i == 0 or last > TODAY else last
        kind = rng.choices(list(KINDS), weights=(7, 2, 1))[0]
        entries.append(
            add(
                Obj(
                    "entry",
                    f"entry-{i:04d}",
                    f"{words(2).title()} Engineer {i}",
                    start=(year, month),
                    end=end,
                    tags=tags(2),
                    org=f"{words(1).title()} Corp {i}",
                    kind=kind,
                    location=rng.choice(CITIES),
                )
            )
        )
    projects = []
    for i in range(n_projects):
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
                    tags=tags(2),
                    summary=f"A {words(6)} project.",
                )
            )
        )
    achievements = []
    for i in range(n_achievements):
        before = rng.choice((10, 30, 120, 500, 2000))
        achievements.append(
            add(
                Obj(
                    "achievement",
                    f"ach-{i:04d}",
                    f"Achievement {i}: {words(4)}",
                    start=(rng.randint(1995, 2024), rng.randint(1, 8), rng.randint(1, 28)),
                    tags=tags(2),
                    metric=("latency", before, before / rng.choice((2, 4, 10)))
                    if rng.random() < 0.5
                    else None,
                )
            )
        )
    talks = [
        add(
            Obj(
                "talk",
                f"talk-{i:04d}",
                f"Talk {i}: {words(4)}",
                start=(rng.randint(2005, 2024), rng.randint(1, 8), rng.randint(1, 28)),
                tags=tags(1),
                event=f"{words(1).title()}Conf {rng.randint(2005, 2024)}",
            )
        )
        for i in range(n_talks)
    ]

    # cross-references: options and body roles
    for entry in entries:
        entry.text = f"Worked on {words(25)}."
        if rng.random() < 0.5:
            entry.body_refs.append(("project", rng.choice(projects).id))
    for project in projects:
        project.text = f"This project explores {words(40)}."
        if rng.random() < 0.9:
            project.entry = rng.choice(entries).id
        if rng.random() < 0.3:
            project.body_refs.append(("project", rng.choice(projects).id))
        if rng.random() < 0.2:
            project.body_refs.append(("talk", rng.choice(talks).id))
    for achievement in achievements:
        achievement.text = f"Improved {words(20)}."
        if rng.random() < 0.9:
            achievement.entry = rng.choice(entries).id
        if rng.random() < 0.5:
            achievement.project = rng.choice(projects).id
        if rng.random() < 0.3:
            achievement.body_refs.append(("project", rng.choice(projects).id))
        if rng.random() < 0.1:
            achievement.body_refs.append(("achievement", rng.choice(achievements).id))
    for talk in talks:
        if rng.random() < 0.8:
            talk.projects = sorted({rng.choice(projects).id for _ in range(rng.randint(1, 2))})
        if rng.random() < 0.6:
            talk.entry = rng.choice(entries).id
        talk.body_refs = []

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
            for obj in pages[docname]:
                obj.docname = docname
    for project in projects:
        pages[project.docname] = [project]
        titles[project.docname] = project.title
    return Site(n, objects, pages, titles)
