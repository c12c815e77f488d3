"""Which terms of a job ad a CV covers, with the objects backing each, and which not.

Offline and deterministic: the CV's vocabulary is its tags, skill items and titles,
read from its records (:mod:`cv_ext.core.terms` stems both sides).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cv_ext.core.records import OBJECT_TYPES, Entry, Item, Records
from cv_ext.core.terms import TOKEN, code_like, normalise, stems, technology_tokens
from cv_ext.core.values import parse_list
from cv_ext.core.views import newest_first

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from cv_ext.core.audiences import Audience
    from cv_ext.core.dates import Date
    from cv_ext.core.views import Record


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
        for token in TOKEN.findall(record.title):
            if code_like(token) or token.count("-") >= 2:  # kube-state-metrics
                add(token, record)
    for item in records.of_kind("skill"):
        add(item.title, item)
        for keyword in parse_list(item.get("keywords")):
            add(keyword, item)
    return terms


def _ad_stems(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of every stem of the ad, with the character span of its token."""
    return [
        (stem, match.start(), match.end())
        for match in TOKEN.finditer(text)
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
