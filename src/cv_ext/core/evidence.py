"""What each object of a CV says, as stems, and which objects say a term, strongest first.

An object says everything its record holds: title, body (summary, highlights,
description), organisation, place, event, roles, metrics and tags. The evidence for a
term is every object saying it, ranked: work, then projects, achievements, talks,
volunteering, education and the other items (skills, languages, the person); newest
first within each. Free of Sphinx.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cv_ext.core.records import OBJECT_TYPES, Achievement, Entry, Item, Project, Records, Talk
from cv_ext.core.tags import LABEL_KIND
from cv_ext.core.terms import Token, joined, tokens
from cv_ext.core.views import newest_first

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from cv_ext.core.dates import Date
    from cv_ext.core.records import Record
    from cv_ext.core.terms import Lexicon

#: the sections of a CV in the order their evidence counts: the kind of an entry, or the type
RANKS = ("work", "project", "achievement", "talk", "volunteering", "education", "item")
#: fields of an item that hold addresses rather than words
_ADDRESSES = frozenset({"url", "email", "phone", "image"})


def section(record: Record) -> str:
    """Where *record* stands among :data:`RANKS`: its kind for an entry, else its type."""
    return record.kind if isinstance(record, Entry) else OBJECT_TYPES[type(record)]


def texts(record: Record) -> Iterator[str]:
    """Every text the record holds, one field (one tag, one highlight) at a time."""
    yield record.title
    yield record.summary
    if isinstance(record, Entry):
        yield from (record.org, record.location, record.description, record.area)
        yield record.study_type
    if isinstance(record, Entry | Project | Talk):
        yield from record.highlights
    if isinstance(record, Project | Talk):
        yield from record.roles
    if isinstance(record, Project):
        yield from (record.entity, record.type)
    if isinstance(record, Achievement):
        yield record.awarder
        yield from (metric.summary() for metric in record.metrics)
    if isinstance(record, Talk):
        yield record.event
    if isinstance(record, Item):
        yield from (value for key, value in record.fields if key not in _ADDRESSES)
    else:
        yield from record.tags


@dataclass(frozen=True, slots=True)
class Passage:
    """One field of one object: its text, its stems, and its stems with synonyms merged."""

    record: Record
    text: str
    raw: tuple[Token, ...]
    canonical: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Said:
    """An object saying a term, and its words for it."""

    record: Record
    words: str


class CVText:
    """Every object of a CV as passages of stems, indexed by their first stem."""

    def __init__(self, records: Records, lexicon: Lexicon, today: Date) -> None:
        self.order = ranked(records, today)
        self.passages: list[Passage] = []
        #: (merged?, first stem) -> (passage, position) of each place the stem starts
        self.index: dict[tuple[bool, str], list[tuple[int, int]]] = {}
        for record in self.order:
            for text in texts(record):
                if not text or not (raw := tokens(text)):
                    continue
                for run in (raw, *_distributed(text, raw)):
                    self._add(Passage(record, text, tuple(run), tuple(lexicon.canonical(run))))

    def _add(self, passage: Passage) -> None:
        number = len(self.passages)
        self.passages.append(passage)
        for merged, stems in ((False, passage.raw), (True, passage.canonical)):
            for position, token in enumerate(stems):
                self.index.setdefault((merged, token.stem), []).append((number, position))

    def find(self, key: Sequence[str], *, merged: bool, cased: str = "") -> list[Said]:
        """The objects saying *key* (synonyms merged or not), strongest first, once each.

        A *cased* term ("Go") counts only spelt so, and not as the last word of a name
        ("All Systems Go!").
        """
        found: dict[int, Said] = {}
        for number, position in self.index.get((merged, key[0]) if key else (merged, ""), []):
            passage = self.passages[number]
            stems = passage.canonical if merged else passage.raw
            window = stems[position : position + len(key)]
            if tuple(t.stem for t in window) != tuple(key) or not joined(passage.text, window):
                continue
            words = " ".join(passage.text[window[0].start : window[-1].end].split())
            if cased and not _cased(passage, window[0], cased):
                continue
            found.setdefault(id(passage.record), Said(passage.record, words))
        rank = {id(record): place for place, record in enumerate(self.order)}
        return sorted(found.values(), key=lambda said: rank[id(said.record)])


def _distributed(text: str, raw: Sequence[Token]) -> Iterator[list[Token]]:
    """Each "A and B C" of *text* also read as "A C": "back and front end" says back end,
    "User and Developer Experience" user experience."""
    for i in range(len(raw) - 3):
        first, joint, _, last = raw[i : i + 4]
        if joint.stem in {"and", "or"} and joined(text, raw[i : i + 4]):
            yield [first, Token(last.stem, first.end, last.end)]  # shown as all four words


def _cased(passage: Passage, token: Token, written: str) -> bool:
    """Whether *token* is *written* exactly (or another spelling of its group), and not a
    capitalised name's last word."""
    said = passage.text[token.start : token.end]
    if said.casefold() != written.casefold():
        return True
    if said != written:
        return False
    before = passage.text[: token.start].rstrip()
    previous = before.split()[-1] if before.split() else ""
    return not (previous[:1].isupper() and not before.endswith((".", ":", "(")))


def ranked(records: Records, today: Date) -> list[Record]:
    """Every object of *records* in the order its evidence counts (:data:`RANKS`)."""
    dated = newest_first(
        [*records.entries, *records.projects, *records.achievements, *records.talks], today
    )
    # a tag's label (cv-tag-labels) names a skill; it is no evidence of one
    items = [item for item in records.items if item.kind != LABEL_KIND]
    ordered: list[Record] = [*dated, *items]
    return sorted(ordered, key=lambda record: RANKS.index(section(record)))
