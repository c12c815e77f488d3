"""A rule-based resume parser of the kind applicant-tracking systems use, over a PDF's text.

Written for these tests after the algorithm OpenResume publishes for its parser
(open-resume.com/resume-parser, "Deep dive into the resume parser"): text items with
font and position, grouped into lines; a section starts at a line of one bold,
all-uppercase item (or a short line naming a section keyword); a section splits into
subsections where the gap to the next line is over 1.4 times the typical line gap
(else at a bold line); then a feature-scoring system picks each attribute: the name,
a job's title (holds a job-title word, no digit, at most five words), its company
(bold scores, the title's or the date's text counts against), its date (a year, a
month, "Present"), a school, a degree, the skills. No PyPI parser installs and runs
here without a model hub (pyresparser needs spaCy models), and those that do read
text without positions, so they cannot tell one job from the next by its gap.

Text items are read with pdfminer.six the way pdf.js makes them: a new item at a change
of font or at a gap over 0.6 em, a space for a gap over 0.1 em.

Run ``python tests/ats_parser.py CV.pdf`` to see what it reads.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTComponent


@dataclass
class Item:
    """One text item: a run of text in one font, with its position (origin bottom left)."""

    text: str
    x: float
    y: float
    width: float
    font: str
    page: int


Line = list[Item]
Feature = tuple[Callable[[Item], object], int]

BULLETS = ("⋅", "∙", "🞄", "•", "⦁", "⚫︎", "●", "⬤", "⚬", "○")
SECTION_KEYWORDS = ("experience", "education", "project", "skill", "job", "course")
SECTION_KEYWORDS += ("extracurricular", "objective", "summary", "award", "honor")
JOB_TITLES = {
    "Accountant",
    "Administrator",
    "Advisor",
    "Agent",
    "Analyst",
    "Apprentice",
    "Architect",
    "Assistant",
    "Associate",
    "Auditor",
    "Bartender",
    "Biologist",
    "Bookkeeper",
    "Buyer",
    "Carpenter",
    "Cashier",
    "CEO",
    "Clerk",
    "Co-op",
    "Co-Founder",
    "Consultant",
    "Coordinator",
    "CTO",
    "Developer",
    "Designer",
    "Director",
    "Driver",
    "Editor",
    "Electrician",
    "Engineer",
    "Extern",
    "Founder",
    "Freelancer",
    "Head",
    "Intern",
    "Janitor",
    "Journalist",
    "Laborer",
    "Lawyer",
    "Lead",
    "Manager",
    "Mechanic",
    "Member",
    "Nurse",
    "Officer",
    "Operator",
    "Operation",
    "Photographer",
    "President",
    "Producer",
    "Recruiter",
    "Representative",
    "Researcher",
    "Sales",
    "Server",
    "Scientist",
    "Specialist",
    "Supervisor",
    "Teacher",
    "Technician",
    "Trader",
    "Trainee",
    "Treasurer",
    "Tutor",
    "Vice",
    "VP",
    "Volunteer",
    "Webmaster",
    "Worker",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SCHOOLS = ("College", "University", "Institute", "School", "Academy", "BASIS", "Magnet")
DEGREES = ("Associate", "Bachelor", "Master", "PhD", "Ph.")


# -- reading the PDF -------------------------------------------------------------------


def read_items(pdf: Path) -> list[Line]:
    """The PDF's text items, line by line, top to bottom, left to right."""
    lines: list[Line] = []
    for number, page in enumerate(extract_pages(pdf, laparams=LAParams()), 1):
        chars = [c for c in glyphs(page) if c.get_text().strip()]
        rows: dict[float, list[LTChar]] = {}
        for char in sorted(chars, key=lambda c: (-round(c.y0, 0), c.x0)):
            key = next((y for y in rows if abs(y - char.y0) < 2.5), char.y0)
            rows.setdefault(key, []).append(char)
        lines += [_items(sorted(rows[y], key=lambda c: c.x0), number) for y in sorted(rows)[::-1]]
    return _merge_close_items(lines)


def glyphs(component: LTComponent) -> list[LTChar]:
    """Every character of *component*, in the order the PDF draws them."""
    if isinstance(component, LTChar):
        return [component]
    return [c for child in getattr(component, "_objs", []) for c in glyphs(child)]


def _items(chars: list[LTChar], page: int) -> Line:
    items: Line = []
    text, start, previous = "", chars[0], chars[0]
    for char in chars[1:]:
        gap = char.x0 - previous.x1
        if char.fontname != previous.fontname or gap > 0.6 * previous.size:
            items.append(_item(text + previous.get_text(), start, previous, page))
            text, start = "", char
        else:
            text += previous.get_text() + (" " if gap > 0.1 * previous.size else "")
        previous = char
    items.append(_item(text + previous.get_text(), start, previous, page))
    return items


def _item(text: str, first: LTChar, last: LTChar, page: int) -> Item:
    font = first.fontname.split("+")[-1]
    return Item(text.strip(), first.x0, first.y0, last.x1 - first.x0, font, page)


def _merge_close_items(lines: list[Line]) -> list[Line]:
    """Join items of a line closer than a typical character's width (step 2's clean-up)."""
    every = [item for line in lines for item in line]
    fonts = Counter[str]()
    for item in every:
        fonts[item.font] += len(item.text)
    common = fonts.most_common(1)[0][0]
    typical = [item for item in every if item.font == common]
    char_width = sum(i.width for i in typical) / sum(len(i.text) for i in typical)
    for line in lines:
        for index in range(len(line) - 1, 0, -1):
            left, right = line[index - 1], line[index]
            if right.x - (left.x + left.width) <= char_width:
                left.text = f"{left.text} {right.text}"
                left.width = right.x + right.width - left.x
                del line[index]
    return lines


# -- sections and subsections ----------------------------------------------------------


def is_bold(item: Item) -> bool:
    """A bold font, by its name."""
    return "bold" in item.font.lower()


def is_section_title(line: Line, index: int) -> bool:
    """A line of one bold, all-uppercase item; or a short line naming a section keyword."""
    if index < 2 or len(line) != 1:
        return False
    text = line[0].text.strip()
    if is_bold(line[0]) and re.search("[A-Za-z]", text) and text.upper() == text:
        return True
    return (
        len([w for w in text.split(" ") if w != "&"]) <= 2
        and re.fullmatch(r"[A-Za-z\s&]+", text) is not None
        and text[:1].isupper()
        and any(keyword in text.lower() for keyword in SECTION_KEYWORDS)
    )


def sections(lines: list[Line]) -> dict[str, list[Line]]:
    """Lines grouped under the section title above them; "profile" before the first."""
    result: dict[str, list[Line]] = {}
    name, current = "profile", []
    for index, line in enumerate(lines):
        if is_section_title(line, index):
            result[name] = current
            name, current = line[0].text.strip(), []
        else:
            current.append(line)
    if current:
        result[name] = current
    return result


def section_lines(found: dict[str, list[Line]], keywords: tuple[str, ...]) -> list[Line]:
    """The first section whose title holds one of *keywords*."""
    for name, lines in found.items():
        if any(keyword in name.lower() for keyword in keywords):
            return lines
    return []


def subsections(lines: list[Line]) -> list[list[Line]]:
    """Split where a line gap exceeds 1.4 times the commonest one; else at bold lines."""
    if not lines:
        return []
    gaps = Counter(round(a[0].y - b[0].y) for a, b in pairwise(lines))
    threshold = gaps.most_common(1)[0][0] * 1.4 if gaps else 0

    def by_gap(line: Line, previous: Line) -> bool:
        return line[0].page != previous[0].page or round(previous[0].y - line[0].y) > threshold

    def by_bold(line: Line, previous: Line) -> bool:
        return not is_bold(previous[0]) and is_bold(line[0]) and line[0].text not in BULLETS

    result = _split(lines, by_gap)
    return result if len(result) > 1 else _split(lines, by_bold)


def _split(lines: list[Line], new: Callable[[Line, Line], bool]) -> list[list[Line]]:
    result = [[lines[0]]]
    for previous, line in pairwise(lines):
        if new(line, previous):
            result.append([])
        result[-1].append(line)
    return result


# -- feature scoring -------------------------------------------------------------------


def best(items: list[Item], features: list[Feature], *, positive_only: bool = True) -> str:
    """The text of the item with the highest summed feature score (the first of a tie)."""
    scored = [(sum(score for has, score in features if has(item)), item.text) for item in items]
    if not scored:
        return ""
    top = max(score for score, _ in scored)
    if positive_only and top <= 0:
        return ""
    return next(text for score, text in scored if score == top)


def has_text(text: str) -> Callable[[Item], bool]:
    """Whether an item contains *text* (every item contains "")."""
    return lambda item: text in item.text


def has_number(item: Item) -> bool:
    """A digit."""
    return re.search("[0-9]", item.text) is not None


DATE_FEATURES: list[Feature] = [
    (lambda i: re.search(r"(?:19|20)\d{2}", i.text), 1),
    (lambda i: any(m in i.text or m[:4] in i.text for m in MONTHS), 1),
    (lambda i: any(s in i.text for s in ("Summer", "Fall", "Spring", "Winter")), 1),
    (lambda i: "Present" in i.text, 1),
    (lambda i: "," in i.text, -1),
]


def description_start(lines: list[Line]) -> int | None:
    """The first line with a bullet, else the first one-item line of eight words or more."""
    for index, line in enumerate(lines):
        if any(bullet in item.text for item in line for bullet in BULLETS):
            return index
    for index, line in enumerate(lines):
        words = [w for w in line[0].text.split() if not re.search("[0-9]", w)]
        if len(line) == 1 and len(words) >= 8:
            return index
    return None


@dataclass
class Job:
    """A work experience as the parser reads it."""

    title: str
    company: str
    date: str


@dataclass
class School:
    """An education entry as the parser reads it; *items* are all its text runs."""

    school: str
    degree: str
    date: str
    items: list[str] = field(default_factory=list)


@dataclass
class Resume:
    """What the parser recovers."""

    name: str
    url: str
    jobs: list[Job]
    education: list[School]
    skills: list[str]


def job(lines: list[Line]) -> Job:
    """Title, company and date of one work subsection."""
    start = description_start(lines)
    info = [item for line in lines[: 2 if start is None else start] for item in line]
    date = best(info, DATE_FEATURES)
    title = best(
        info,
        [
            (lambda i: any(word in JOB_TITLES for word in i.text.split()), 4),
            (has_number, -4),
            (lambda i: len(i.text.split()) > 5, -2),
        ],
    )
    features: list[Feature] = [(is_bold, 2), (has_text(date), -4), (has_text(title), -4)]
    return Job(title, best(info, features, positive_only=False), date)


def school(lines: list[Line]) -> School:
    """School, degree and date of one education subsection."""
    items = [item for line in lines for item in line]

    def has_school(item: Item) -> bool:
        return any(word in item.text for word in SCHOOLS)

    def has_degree(item: Item) -> bool:
        return (
            any(d in item.text for d in DEGREES) or re.search(r"[ABM][A-Z.]", item.text) is not None
        )

    # unlike a job's, every attribute is scored over the whole subsection
    return School(
        best(items, [(has_school, 4), (has_degree, -4), (has_number, -4)]),
        best(items, [(has_degree, 4), (has_school, -4), (has_number, -3)]),
        best(items, DATE_FEATURES),
        [item.text for item in items],
    )


def skills(lines: list[Line]) -> list[str]:
    """The skills section's bullet points, else its lines; split at list separators."""
    text = " ".join(item.text for line in lines for item in line)
    if any(bullet in text for bullet in BULLETS):
        parts = re.split("|".join(map(re.escape, BULLETS)), text)
    else:
        parts = [" ".join(item.text for item in line) for line in lines]
    return [s.strip() for part in parts for s in re.split(r"[,;|·]", part) if s.strip()]


def parse(pdf: Path) -> Resume:
    """Everything the parser recovers from *pdf*."""
    found = sections(read_items(pdf))
    profile = [item for line in found.get("profile", []) for item in line]
    name = best(
        profile,
        [
            (lambda i: re.fullmatch(r"[a-zA-Z\s.]+", i.text), 3),
            (is_bold, 2),
            (lambda i: re.search("[a-zA-Z]", i.text) and i.text.upper() == i.text, 2),
            (lambda i: re.search("[@0-9,/]", i.text), -4),
            (lambda i: len(i.text.split(" ")) >= 4, -2),
        ],
    )
    url = best(
        profile,
        [
            (lambda i: re.search(r"\S+\.[a-z]+/\S+", i.text), 4),
            (lambda i: re.search(r"https?://\S+\.\S+", i.text), 3),
            (is_bold, -1),
            (lambda i: "@" in i.text, -4),
            (lambda i: "," in i.text, -4),
            (lambda i: len(i.text.split(" ")) >= 4, -4),
        ],
    )
    work = ("work", "experience", "employment", "history", "job")
    return Resume(
        name=name,
        url=url,
        jobs=[job(sub) for sub in subsections(section_lines(found, work))],
        education=[school(sub) for sub in subsections(section_lines(found, ("education",)))],
        skills=skills(section_lines(found, ("skill",))),
    )


def recall(
    resume: Resume,
    name: str,
    jobs: list[tuple[str, str, str]],
    education: list[tuple[str, str, str]],
    skills: list[str],
) -> dict[str, float]:
    """Per field, the share of the expected values the parser recovered exactly.

    *jobs* and *education* are (title, organisation, dates); a job without an employer
    has organisation "" and is not counted for it. An education entry counts when one
    parsed entry holds its title and its organisation as text runs of their own and its
    dates as the date (the parser's school and degree words are English ones: it finds
    no "University" in "Universität").
    """
    by_date = {}
    for parsed in resume.jobs:
        by_date.setdefault(parsed.date, parsed)
    found = [by_date.get(dates) for _, _, dates in jobs]
    employers = [(job, org) for job, (_, org, _) in zip(found, jobs, strict=True) if org]
    schools = [
        any(e.date == dates and title in e.items and org in e.items for e in resume.education)
        for title, org, dates in education
    ]
    return {
        "name": float(resume.name == name),
        "job title": sum(bool(j and j.title == t) for j, (t, _, _) in zip(found, jobs, strict=True))
        / len(jobs),
        "job organisation": sum(bool(j and j.company == o) for j, o in employers) / len(employers),
        "job dates": sum(j is not None for j in found) / len(jobs),
        "education": sum(schools) / len(schools),
        "skills": sum(s in resume.skills for s in skills) / len(skills),
    }


if __name__ == "__main__":
    # python tests/ats_parser.py CV.pdf: what it reads, then its recall of docs/'s CV
    from test_pdf import EDUCATION, JOBS_APART, pdf_skills

    for path in map(Path, sys.argv[1:]):
        resume = parse(path)
        scores = recall(resume, "Max Inden", JOBS_APART, EDUCATION, pdf_skills(path))
        shown = {name: f"{value:.0%}" for name, value in scores.items()}
        sys.stdout.write(json.dumps(asdict(resume), indent=1, ensure_ascii=False) + "\n")
        sys.stdout.write(f"{path.name} {shown}\n")
