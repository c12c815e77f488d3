"""Which terms of a job ad a CV covers, with the objects saying each, and which not.

The ad's terms are the words it shares with the lexicon (the CV's tags and skills, the
synonym groups, the built-in engineering terms) and the words only a technology is spelt
like (``eBPF``, ``AWS``, ``C++``). A term is covered when any object of the CV says it
(:mod:`cv_ext.core.evidence`), in any spelling of its synonym group, and missing
otherwise. Offline and deterministic. Free of Sphinx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cv_ext.core.audiences import select
from cv_ext.core.evidence import CVText, section
from cv_ext.core.records import OBJECT_TYPES, Achievement, Entry, Project, Talk, display_title
from cv_ext.core.terms import TOKEN, Lexicon, code_like, joined, tokens
from cv_ext.core.values import parse_list

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from cv_ext.core.audiences import Audience
    from cv_ext.core.dates import Date
    from cv_ext.core.evidence import Said
    from cv_ext.core.records import Record, Records

#: capitals that are no technology: words of emphasis, places, titles, and the like
NOT_TERMS = frozenset(
    [
        "A",
        "AND",
        "I",
        "II",
        "III",
        "IV",
        "OK",
        "OR",
        "THE",
        "TO",
        "US",
        "USA",
        "UK",
        "EU",
        "EMEA",
        "APAC",
        "LATAM",
        "DACH",
        "NYC",
        "SF",
        "LA",
        "CET",
        "CEST",
        "UTC",
        "EST",
        "EDT",
        "PST",
        "PDT",
        "GMT",
        "BST",
        "IST",
        "MUST",
        "MAY",
        "SHOULD",
        "SHALL",
        "NOT",
        "REQUIRED",
        "NEW",
        "FAQ",
        "TBD",
        "ASAP",
        "ETA",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "VP",
        "HR",
        "PTO",
        "EEO",
        "DEI",
        "LGBTQ",
        "LLC",
        "INC",
        "GMBH",
        "LTD",
        "PLC",
        "BV",
        "SA",
        "AG",
        "FTE",
        "OTE",
        "ESOP",
    ]
)
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
#: numbers with a unit or a suffix (10B, 401k, 24x7, 5th) are sizes, money, times
_NUMBERLIKE = re.compile(r"[0-9][0-9.,]*(?:[a-zA-Z]{1,2}|x[0-9]+)\+?")


@dataclass(frozen=True, slots=True)
class Backing:
    """An object of the CV that says a term: what it is, its title, URL and words for it."""

    kind: str
    #: where it counts among the evidence: work, project, ..., education, item
    section: str
    id: str
    title: str
    url: str
    words: str


@dataclass
class Covered:
    """A term of the ad the CV says, with the objects saying it, strongest first."""

    term: str
    found: str
    objects: list[Backing] = field(default_factory=list)
    #: where the ad says it: (start, end) of each occurrence
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def cv_words(self) -> list[str]:
        """The CV's distinct words for the term, strongest evidence first."""
        return list(dict.fromkeys(o.words for o in self.objects))


@dataclass(frozen=True, slots=True)
class AudienceScore:
    """The covered terms whose evidence an audience selects."""

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
    #: where the ad says each missing term, as for :attr:`Covered.spans`
    missing_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def suggested(self) -> AudienceScore | None:
        """The audience selecting evidence for most terms (the first declared on a tie)."""
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
                    "cv_words": c.cv_words,
                    "objects": [
                        {
                            "kind": o.kind,
                            "section": o.section,
                            "id": o.id,
                            "title": o.title,
                            "url": o.url,
                            "words": o.words,
                        }
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
class AdTerm:
    """A term of the ad: its key, its first words, and where the ad says it."""

    key: tuple[str, ...]
    words: str
    spans: list[tuple[int, int]]
    cased: str = ""
    #: every spelling the ad uses for it, in order ("hole punching", "NAT traversal")
    spellings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The term as the ad says it, each of its spellings once."""
        return " / ".join(dict.fromkeys(self.spellings or [self.words]))


def ad_terms(ad: str, lexicon: Lexicon) -> list[AdTerm]:
    """The terms of *ad*, in the order it first says them, each once."""
    merged = lexicon.canonical(tokens(ad))
    found: dict[tuple[str, ...], AdTerm] = {}
    taken: list[tuple[int, int]] = []
    index = 0
    while index < len(merged):
        for size in range(min(lexicon.longest, len(merged) - index), 0, -1):
            window = merged[index : index + size]
            key = tuple(t.stem for t in window)
            cased = lexicon.cased.get(key, "")
            said = ad[window[0].start : window[-1].end]
            if (
                key in lexicon.terms
                and joined(ad, window)
                and (said.casefold() != cased.casefold() or said == cased)
            ):
                span = (window[0].start, window[-1].end)
                _note(found, key, ad, span, cased)
                taken.append(span)
                index += size
                break
        else:
            index += 1
    taken += [link.span() for link in _ADDRESS.finditer(ad)]  # a link's words are no terms
    for match in TOKEN.finditer(ad):
        word, span = match.group(), match.span()
        if any(s < span[1] and span[0] < e for s, e in taken) or not _technology(word):
            continue
        if key := lexicon.key(word):
            _note(found, key, ad, span, "")
    return sorted(found.values(), key=lambda term: term.spans[0])


def _note(
    found: dict[tuple[str, ...], AdTerm],
    key: tuple[str, ...],
    ad: str,
    span: tuple[int, int],
    cased: str,
) -> None:
    words = " ".join(ad[span[0] : span[1]].split())
    if key not in found:
        found[key] = AdTerm(key, words, [], cased)
    found[key].spans.append(span)
    if words.casefold() not in (s.casefold() for s in found[key].spellings):
        found[key].spellings.append(words)


def _technology(word: str) -> bool:
    """A word only a technology is spelt like, and not a size, a place or an emphasis."""
    bare = word.rstrip("s") if word[:-1].isupper() else word
    return code_like(word) and bare.upper() not in NOT_TERMS and not _NUMBERLIKE.fullmatch(word)


def match(
    ad: str,
    records: Records,
    audiences: Sequence[Audience],
    *,
    today: Date,
    url_of: Callable[[Record], str],
    audience_url: Callable[[str], str] = lambda name: "",
    synonyms: Iterable[Sequence[str]] = (),
) -> Report:
    """The coverage of *ad* by the CV of *records*."""
    lexicon = Lexicon.build(synonyms, vocabulary(records))
    cv = CVText(records, lexicon, today)
    covered: list[Covered] = []
    missing: dict[str, list[tuple[int, int]]] = {}
    for term in ad_terms(ad, lexicon):
        said = cv.find(term.key, merged=True, cased=term.cased)
        if not said:
            raw = tuple(t.stem for t in tokens(term.words))
            said = cv.find(raw, merged=False, cased=term.cased)
        if said:
            backing = [_backing(s, url_of) for s in said]
            covered.append(Covered(term.name, term.words, backing, term.spans))
        else:
            missing.setdefault(term.name, []).extend(term.spans)
    scores = [
        AudienceScore(
            audience.name,
            audience.title,
            audience_url(audience.name),
            _selected_terms(covered, records, audience, today),
        )
        for audience in audiences
    ]
    return Report(covered, list(missing), scores, missing)


def vocabulary(records: Records) -> list[str]:
    """The CV's own words for what it knows: every tag, skill and skill keyword."""
    words: list[str] = []
    linkable: list[Entry | Project | Achievement | Talk] = [
        *records.entries,
        *records.projects,
        *records.achievements,
        *records.talks,
    ]
    for record in linkable:
        words += record.tags
    for item in records.of_kind("skill"):
        words.append(item.title)
        words += list(parse_list(item.get("keywords")))
    return list(dict.fromkeys(words))


def _backing(said: Said, url_of: Callable[[Record], str]) -> Backing:
    record = said.record
    return Backing(
        OBJECT_TYPES[type(record)],
        section(record),
        record.id,
        display_title(record),
        url_of(record),
        said.words,
    )


def _selected_terms(
    covered: list[Covered], records: Records, audience: Audience, today: Date
) -> tuple[str, ...]:
    """The covered terms said by an object the audience shows in full."""
    selection = select(records, audience, today)
    shown = {(OBJECT_TYPES[type(r)], r.id) for s in selection.sections for r in s.full}
    return tuple(c.term for c in covered if any((o.kind, o.id) in shown for o in c.objects))
