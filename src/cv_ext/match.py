"""``python -m cv_ext match JOBAD.txt``: which terms of a job ad the CV covers, and which not.

Offline and deterministic: the CV's vocabulary is its tags, skill items and titles,
read from the site's own records; both sides are stemmed with snowballstemmer (a
dependency of Sphinx) after a small synonym list. Only the reading of the site
needs Sphinx (:func:`read_site`); matching and formatting are plain functions.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import snowballstemmer

from cv_ext.records import OBJECT_TYPES, Entry, Item, Records
from cv_ext.views import newest_first

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from cv_ext.audiences import Audience
    from cv_ext.model import Date
    from cv_ext.views import Record

#: spellings a job ad uses for what the CV calls otherwise (lowercase, whole tokens)
SYNONYMS: dict[str, str] = {
    "k8s": "kubernetes",
    "http/3": "http3",
    "http-3": "http3",
    "h3": "http3",
    "http/2": "http2",
    "p2p": "peer-to-peer",
    "peer2peer": "peer-to-peer",
    "golang": "go",
    "rustlang": "rust",
    "react": "reactjs",
    "react.js": "reactjs",
    "node.js": "nodejs",
    "js": "javascript",
    "dht": "kademlia",
    "ci": "continuous-integration",
    "ci/cd": "continuous-integration",
    "promql": "prometheus",
    "alertmanager's": "alertmanager",
}
#: capitalised words that start no technology, whatever their place in a sentence
NOT_TECHNOLOGY = frozenset(
    [
        "a",
        "about",
        "all",
        "an",
        "and",
        "as",
        "at",
        "be",
        "benefits",
        "but",
        "by",
        "can",
        "do",
        "for",
        "from",
        "have",
        "help",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "join",
        "our",
        "of",
        "on",
        "or",
        "remote",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "they",
        "this",
        "to",
        "us",
        "we",
        "what",
        "when",
        "where",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[./_'-][A-Za-z0-9+#]+)*")
_STEMMER = snowballstemmer.stemmer("english")


def normalise(token: str) -> tuple[str, ...]:
    """The stems of one token, after the synonym list: ``HTTP/3`` -> ``("http3",)``."""
    text = token.lower()
    text = SYNONYMS.get(text, text)
    parts = [part for part in re.split(r"[-/_.']", text) if part]
    return tuple(_STEMMER.stemWord(part) for part in parts)


def stems(text: str) -> tuple[str, ...]:
    """The stems of every token of *text*, in order."""
    return tuple(stem for token in _TOKEN.findall(text) for stem in normalise(token))


def code_like(token: str) -> bool:
    """A token only a technology is spelt like: a digit, an inner capital, ALLCAPS, ``+``/``#``."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and (
        any(c.isdigit() for c in token)
        or any(c in "+#" for c in token)
        or (len(letters) >= 2 and all(c.isupper() for c in letters))
        or any(a.islower() and b.isupper() for a, b in itertools.pairwise(token))
    )


def technology_tokens(text: str) -> list[str]:
    """Tokens of *text* that look like technologies: code-like ones, and capitalised words
    that do not open a sentence (a sentence's first word is capitalised anyway)."""
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.lower() in NOT_TECHNOLOGY:
            continue
        before = text[: match.start()].rstrip(" \t")
        opens = not before or before[-1] in ".!?:\n•*-(\"'" or before.endswith("\n")
        if code_like(token) or (token[0].isupper() and not opens):
            found.append(token)
    return found


@dataclass(frozen=True, slots=True)
class Backing:
    """An object of the CV that backs a term: what it is, its title, its URL on the site."""

    kind: str
    id: str
    title: str
    url: str


@dataclass
class Covered:
    """A term of the ad the CV knows, with the objects carrying it."""

    term: str
    found: str
    objects: list[Backing] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AudienceScore:
    """How many covered terms are among an audience's tags."""

    name: str
    title: str
    url: str
    terms: tuple[str, ...]


@dataclass
class Report:
    """The coverage of one job ad by one CV."""

    covered: list[Covered]
    not_in_cv: list[str]
    audiences: list[AudienceScore]

    @property
    def suggested(self) -> AudienceScore | None:
        """The audience whose tags cover most terms (the first declared on a tie), if any."""
        best = max(self.audiences, key=lambda a: len(a.terms), default=None)
        return best if best is not None and best.terms else None

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON data."""
        suggested = self.suggested
        return {
            "covered": [
                {
                    "term": c.term,
                    "found": c.found,
                    "objects": [
                        {"kind": o.kind, "id": o.id, "title": o.title, "url": o.url}
                        for o in c.objects
                    ],
                }
                for c in self.covered
            ],
            "not_in_cv": self.not_in_cv,
            "audiences": [
                {"name": a.name, "title": a.title, "url": a.url, "terms": list(a.terms)}
                for a in self.audiences
            ],
            "suggested_audience": suggested.name if suggested else None,
        }


@dataclass
class _Term:
    name: str
    records: list[Record | Item] = field(default_factory=list)


def vocabulary(records: Records) -> dict[tuple[str, ...], _Term]:
    """Stems -> term: every tag, skill item and keyword, title, and code-like title word."""
    terms: dict[tuple[str, ...], _Term] = {}

    def add(name: str, record: Record | Item) -> None:
        key = stems(name)
        if not key:
            return
        term = terms.setdefault(key, _Term(name))
        if record not in term.records:
            term.records.append(record)

    linkable: list[Record] = [
        *records.entries,
        *records.projects,
        *records.achievements,
        *records.talks,
    ]
    for record in linkable:
        for tag in record.tags:
            add(tag.lower(), record)
    for record in linkable:
        add(record.title, record)
        for token in _TOKEN.findall(record.title):
            if code_like(token) or token.count("-") >= 2:  # kube-state-metrics
                add(token, record)
    for item in records.of_kind("skill"):
        add(item.title, item)
        for keyword in item.get("keywords").split(","):
            if keyword.strip():
                add(keyword.strip(), item)
    return terms


def _ad_stems(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of every stem of the ad, with the character span of its token."""
    return [
        (stem, match.start(), match.end())
        for match in _TOKEN.finditer(text)
        for stem in normalise(match.group())
    ]


def match(
    ad: str,
    records: Records,
    audiences: Sequence[Audience],
    *,
    today: Date,
    url_of: Callable[[Record | Item], str],
    audience_url: Callable[[str], str] = lambda name: "",
) -> Report:
    """The coverage of *ad* by the CV of *records*."""
    terms = vocabulary(records)
    ad_stems = _ad_stems(ad)
    words = [stem for stem, _, _ in ad_stems]
    hits: list[tuple[int, int, tuple[str, ...]]] = []  # (first stem, past last stem, key)
    for key in terms:
        hits += [
            (start, start + len(key), key)
            for start in range(len(words) - len(key) + 1)
            if tuple(words[start : start + len(key)]) == key
        ]
    # a term found only inside a longer one ("udp" in "quinn-udp") is that longer term
    kept = [
        hit
        for hit in hits
        if not any(
            o[0] <= hit[0] and hit[1] <= o[1] and o[1] - o[0] > hit[1] - hit[0] for o in hits
        )
    ]
    kept.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    covered: dict[tuple[str, ...], Covered] = {}
    spans: list[tuple[int, int]] = []
    for start, end, key in kept:
        begin, finish = ad_stems[start][1], ad_stems[end - 1][2]
        spans.append((begin, finish))
        if key in covered:
            continue
        term = terms[key]
        covered[key] = Covered(
            term.name, " ".join(ad[begin:finish].split()), _backing(term, today, url_of)
        )
    not_in_cv = _not_in_cv(ad, spans)
    scores = []
    for audience in audiences:
        tag_keys = {stems(tag) for tag in audience.tags}
        scores.append(
            AudienceScore(
                audience.name,
                audience.title,
                audience_url(audience.name),
                tuple(c.term for key, c in covered.items() if key in tag_keys),
            )
        )
    return Report(list(covered.values()), not_in_cv, scores)


def _backing(term: _Term, today: Date, url_of: Callable[[Record | Item], str]) -> list[Backing]:
    """The records of *term*: entries, projects, achievements, talks, items; newest first."""
    order = ("entry", "project", "achievement", "talk", "item")
    linkable = [r for r in term.records if not isinstance(r, Item)]
    ordered: list[Record | Item] = [*newest_first(linkable, today)]
    ordered += [r for r in term.records if isinstance(r, Item)]
    ordered.sort(key=lambda r: order.index(OBJECT_TYPES[type(r)]))
    return [Backing(OBJECT_TYPES[type(r)], r.id, _title(r), url_of(r)) for r in ordered]


def _title(record: Record | Item) -> str:
    if isinstance(record, Entry) and record.org:
        return f"{record.title}, {record.org}"
    return record.title


def _not_in_cv(ad: str, covered_spans: Iterable[tuple[int, int]]) -> list[str]:
    """Technology-looking tokens outside every covered span; neighbours joined, deduplicated."""
    spans = list(covered_spans)
    phrases: list[tuple[int, int]] = []
    position = 0
    for token in technology_tokens(ad):
        start = ad.index(token, position)
        end = start + len(token)
        position = end
        if any(s <= start and end <= e for s, e in spans):
            continue
        if phrases and ad[phrases[-1][1] : start] == " ":
            phrases[-1] = (phrases[-1][0], end)  # "Google Cloud" is one thing
        else:
            phrases.append((start, end))
    seen: dict[str, str] = {}
    for start, end in phrases:
        seen.setdefault(ad[start:end].lower(), ad[start:end])
    return list(seen.values())


# --- reading a site ------------------------------------------------------------------------------


@dataclass
class Site:
    """What ``match`` needs of a site: its records, audiences, URLs and reference date."""

    records: Records
    audiences: list[Audience]
    today: Date
    base: str
    #: docname holding each audience's page
    audience_pages: dict[str, str]

    def page_url(self, docname: str, anchor: str = "") -> str:
        """A page's URL as the ``dirhtml`` build (and Read the Docs) serves it."""
        if docname == "index":
            path = ""
        elif docname.endswith("/index"):
            path = docname[: -len("index")]
        else:
            path = docname + "/"
        if not self.base and not path:
            path = "./"  # the root, as a path from the root
        return self.base + path + (f"#{anchor}" if anchor else "")

    def url_of(self, record: Record | Item) -> str:
        """Where *record* is on the site."""
        return self.page_url(record.docname, record.anchor)

    def audience_url(self, name: str) -> str:
        """The page of audience *name*, or "" where the site has none."""
        page = self.audience_pages.get(name)
        return self.page_url(page) if page else ""


def read_site(source: Path, base: str | None = None) -> Site:
    """Read the Sphinx site in *source* (no output is written there) and return its CV.

    URLs start with *base*, else with the site's ``html_baseurl``; without either they
    are paths from the site's root.
    """
    from sphinx.application import Sphinx

    from cv_ext.config import audiences, today
    from cv_ext.domain import get_domain

    # extensions may print on import (sphinxext-opengraph does): keep stdout for the report
    with tempfile.TemporaryDirectory(prefix="cv-match-") as scratch, redirect_stdout(io.StringIO()):
        app = Sphinx(
            str(source),
            str(source),
            str(Path(scratch) / "out"),
            str(Path(scratch) / "doctrees"),
            "dummy",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.build()
        domain = get_domain(app.env)
        pages = {
            kind.partition(":")[2]: docname
            for docname, kinds in sorted(domain.aggregates.items())
            for kind in kinds
            if kind.startswith("audience:")
        }
        if base is None:
            base = str(app.config.html_baseurl or "")
        return Site(
            records=domain.views().declared,
            audiences=list(audiences(app.config).values()),
            today=today(app.config),
            base=base if not base or base.endswith("/") else base + "/",
            audience_pages=pages,
        )


# --- output --------------------------------------------------------------------------------------

#: backing objects shown per term in text and Markdown (JSON lists them all)
SHOWN = 4


def format_text(report: Report) -> str:
    """The report for a terminal."""
    lines = [f"Covered by the CV ({len(report.covered)} terms):"]
    for covered in report.covered:
        found = (
            "" if covered.found.lower() == covered.term.lower() else f'  (ad: "{covered.found}")'
        )
        lines.append(f"  {covered.term}{found}")
        lines += [f"    - {b.kind}: {b.title} <{b.url}>" for b in covered.objects[:SHOWN]]
        if (more := len(covered.objects) - SHOWN) > 0:
            lines.append(f"    ... and {more} more")
    lines.append("")
    lines.append(f"Not in the CV ({len(report.not_in_cv)}): {', '.join(report.not_in_cv) or '-'}")
    lines.append("")
    lines.append(_suggestion(report))
    lines += [
        f"  {audience.name}: {len(audience.terms)} ({', '.join(audience.terms) or '-'})"
        for audience in report.audiences
    ]
    return "\n".join(lines) + "\n"


def format_markdown(report: Report) -> str:
    """The report as Markdown, with links."""
    lines = [f"## Covered by the CV ({len(report.covered)} terms)", ""]
    for covered in report.covered:
        objects = ", ".join(f"[{b.title}]({b.url})" for b in covered.objects[:SHOWN])
        if (more := len(covered.objects) - SHOWN) > 0:
            objects += f" and {more} more"
        lines.append(f"- **{covered.term}**: {objects}")
    lines += ["", f"## Not in the CV ({len(report.not_in_cv)})", ""]
    lines += [f"- {term}" for term in report.not_in_cv] or ["- none"]
    lines += ["", "## Suggested audience", "", _suggestion(report)]
    return "\n".join(lines) + "\n"


def _suggestion(report: Report) -> str:
    best = report.suggested
    if best is None:
        return "Suggested audience: none (no covered term is an audience's tag)"
    where = f" <{best.url}>" if best.url else ""
    return (
        f"Suggested audience: {best.name} ({best.title}){where}: "
        f"{len(best.terms)} covered terms are its tags"
    )


def format_report(report: Report, fmt: str) -> str:
    """The report as ``text``, ``md`` or ``json``."""
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
    return format_markdown(report) if fmt == "md" else format_text(report)


def run(ad_path: Path, site: Path, fmt: str, base: str | None = None) -> str:
    """Read the ad and the site, and format the report."""
    ad = ad_path.read_text(encoding="utf8")
    cv = read_site(site, base)
    report = match(
        ad,
        cv.records,
        cv.audiences,
        today=cv.today,
        url_of=cv.url_of,
        audience_url=cv.audience_url,
    )
    return format_report(report, fmt)
