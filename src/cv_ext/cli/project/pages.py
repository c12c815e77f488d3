"""The pages every project has, and the example pages ``new`` starts a person with.

Every project: a home page with the person, key results, top skills and the career at
a glance; a skills page (every tag, with what carries it); ``cv.md``, the CV the PDF is
made of. ``new`` adds Experience with one ``timeline`` and one ``achievement``, a
project page and a talks page, each plainly an example. Titles and example text come
from cv_ext's catalog in the project's language.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cv_ext.common.i18n import N_

if TYPE_CHECKING:
    from cv_ext.cli.project.words import Words

#: ASCII punctuation Markdown may read as markup; a backslash keeps it literal
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$&:\"'=%@;/,?])")
#: what Markdown reads as inline markup inside a sentence
_INLINE = re.compile(r"([\\`*_{}\[\]|<>$])")

EXPERIENCE = N_("Experience")
PROJECTS = N_("Projects")
TALKS = N_("Talks")
SKILLS = N_("Skills")
CV = N_("Curriculum vitae")
KEY_RESULTS = N_("Key results")
TOP_SKILLS = N_("Top skills")
AT_A_GLANCE = N_("Career at a glance")
SKILLS_INTRO = N_(
    "Every skill tagged on this site, with the jobs, projects, results and talks that carry "
    "it. Skills used at work come first, ranked by the time in jobs that used them."
)
ALL_SKILLS = N_("All skills are on the page {skills}.")

#: the example content of ``new``: every piece says it is one
EXAMPLE_LABEL = N_("Example: your role")
EXAMPLE_SUMMARY = N_(
    "This text is an example. Replace it with two or three sentences about your work: "
    "what you do, for whom, and what you are known for."
)
EXAMPLE_JOB = N_("Example job title")
EXAMPLE_ORG = N_("Example Company")
EXAMPLE_JOB_TEXT = N_(
    "This job is an example: replace it with one of yours. Write one timeline entry per "
    "job, newest first."
)
EXAMPLE_JOB_HIGHLIGHT = N_("What you built or changed, with a number where you have one.")
EXAMPLE_SKILL = N_("example skill")
EXAMPLE_RESULT = N_("Example result")
EXAMPLE_MEASURE = N_("example measure")
EXAMPLE_RESULT_TEXT = N_(
    "A dated, measured result, as an example: replace it with one of yours, before and after."
)
EXAMPLE_PROJECT = N_("Example project")
EXAMPLE_PROJECT_SUMMARY = N_("An example project: one page each, with one sentence on what it is.")
EXAMPLE_PROJECT_TEXT = N_(
    "Replace this page with one of your projects, or delete it: the projects page lists "
    "every page in this folder."
)
EXAMPLE_TALK = N_("Example talk")
EXAMPLE_EVENT = N_("Example Conference")
EXAMPLE_TALK_TEXT = N_(
    "This talk is an example: replace it with yours, or delete this page and its line in "
    "the home page's list of pages."
)


def md(text: str) -> str:
    """Plain text as MyST that renders to exactly that text (a name: anything goes)."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def prose(text: str) -> str:
    """A sentence of cv_ext's catalog as MyST: only inline markup escaped, so it reads as
    written by hand (its sentences start no list, heading or block)."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def toctree(pages: list[str], *options: str) -> str:
    """A hidden toctree of *pages*."""
    return "\n".join(["```{toctree}", ":hidden:", *options, "", *pages, "```"])


def home(
    name: str, person: str, words: Words, toc: list[str], *, results: bool, skills: bool
) -> str:
    """The home page: the person, then what a reader looks for first."""
    blocks = [f"# {md(name)}", person] if person else [f"# {md(name)}"]
    if results:
        blocks += [f"## {words(KEY_RESULTS)}", ":::{cv-index} results\n:::"]
    if skills:
        skills_link = "[" + md(words(SKILLS)) + "](skills.md)"
        blocks += [
            f"## {words(TOP_SKILLS)}",
            prose(words(ALL_SKILLS)).replace(prose("{skills}"), skills_link),
            ":::{cv-index} skills\n:top: 8\n:::",
        ]
    blocks += [f"## {words(AT_A_GLANCE)}", ":::{career-overview}\n:::", toctree(toc)]
    return "\n\n".join(blocks) + "\n"


def skills_index(words: Words) -> str:
    """The blocks of the skills page below its title: every tag with what carries it."""
    return f"{prose(words(SKILLS_INTRO))}\n\n:::{{cv-index}} skills\n:::\n"


def cv_page(words: Words) -> str:
    """The page the PDF is made of: the whole CV, from the site's records."""
    return (
        f"---\norphan: true\nnosearch: true\n---\n\n# {md(words(CV))}\n\n:::{{cv-document}}\n:::\n"
    )


def person(name: str, words: Words) -> str:
    """The example person of ``new``: the name, an example role and summary."""
    return (
        f"::::{{person}} {' '.join(name.split())}\n:label: {words(EXAMPLE_LABEL)}\n\n"
        f"{prose(words(EXAMPLE_SUMMARY))}\n::::"
    )


def example_pages(name: str, words: Words) -> dict[str, str]:
    """Every page of a new project, by path."""
    skill = words(EXAMPLE_SKILL)
    experience = f"""# {md(words(EXPERIENCE))}

:::{{timeline}} {words(EXAMPLE_JOB)}
:org: {words(EXAMPLE_ORG)}
:start: 2021-03
:end: present
:kind: work
:tags: {skill}
:name: example-job

{prose(words(EXAMPLE_JOB_TEXT))}

- {prose(words(EXAMPLE_JOB_HIGHLIGHT))}
:::

:::{{achievement}} {words(EXAMPLE_RESULT)}
:date: 2023-06
:metric: {words(EXAMPLE_MEASURE)}: 100 ms -> 10 ms
:entry: example-job
:project: example-project
:tags: {skill}
:name: example-result

{prose(words(EXAMPLE_RESULT_TEXT))}
:::
"""
    project = f"""# {md(words(EXAMPLE_PROJECT))}

:::{{project}}
:start: 2022-01
:end: present
:entry: example-job
:tags: {skill}
:summary: {words(EXAMPLE_PROJECT_SUMMARY)}
:::

{prose(words(EXAMPLE_PROJECT_TEXT))}
"""
    projects = (
        f"# {md(words(PROJECTS))}\n\n:::{{cv-index}} projects\n:::\n\n"
        + toctree(["*"], ":glob:")
        + "\n"
    )
    talks = f"""# {md(words(TALKS))}

:::{{talk}} {words(EXAMPLE_TALK)}
:date: 2023-10
:event: {words(EXAMPLE_EVENT)}
:entry: example-job
:projects: example-project
:tags: {skill}
:name: example-talk

{prose(words(EXAMPLE_TALK_TEXT))}
:::
"""
    toc = ["experience", "projects/index", "talks", "skills"]
    return {
        "index.md": home(name, person(name, words), words, toc, results=True, skills=True),
        "experience.md": experience,
        "projects/index.md": projects,
        "projects/example-project.md": project,
        "talks.md": talks,
        "skills.md": f"# {md(words(SKILLS))}\n\n" + skills_index(words),
        "cv.md": cv_page(words),
    }
