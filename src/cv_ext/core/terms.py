"""Words of a job ad and of a CV as stems, so that "HTTP/3" meets http3 and DHTs a
distributed hash table.

A token is lowercased, loses a plural "s" after capitals (DHTs, APIs) and a possessive
"'s", splits at ``- / _ . '`` and before trailing digits (``http3`` -> ``http 3``), and
each part is stemmed with snowballstemmer (a dependency of Sphinx). A :class:`Lexicon`
then replaces each spelling of a synonym group by one token for the group, so both sides
meet whatever words they use. Free of Sphinx.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import snowballstemmer

from cv_ext.core import lexicon

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

TOKEN = re.compile(r"[^\W_](?:[^\W_]|[+#])*(?:[./_'’-](?:[^\W_]|[+#])+)*[+#]*")
_PLURAL_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]*[A-Z]s")
_TRAILING_DIGITS = re.compile(r"([a-z]{2,})([0-9]+)")
_STEMMER = snowballstemmer.stemmer("english")
#: what may stand between the words of one phrase: spaces, or a separator within a word
_GAP = re.compile(r"[ \t]*|[-/_.'’]")
#: words the stemmer cuts so short that they meet others: "observability" would be
#: "observe", "documentation" "document", "accessibility" "access", "Fastly" "fast",
#: "networking" "network" (of a blockchain, say)
_UNSTEMMED = frozenset(
    [
        "accessibility",
        "authentication",
        "authorization",
        "concurrency",
        "designing",
        "documentation",
        "fastly",
        "networking",
        "observability",
        "observable",
        "performance",
        "responsibilities",
        "responsibility",
        "responsive",
        "specific",
        "streaming",
        "trading",
    ]
)
#: the prefix of a token standing for a whole synonym group
GROUP = "="


@dataclass(frozen=True, slots=True)
class Token:
    """One stem of a text, with the characters of the word it comes from."""

    stem: str
    start: int
    end: int


@cache
def _stem(word: str) -> str:
    return word if word in _UNSTEMMED else str(_STEMMER.stemWord(word))


@cache
def _parts(token: str) -> tuple[tuple[str, int, int], ...]:
    """(stem, start, end) of each part of one token, the places within the token."""
    plural = bool(_PLURAL_ABBREVIATION.fullmatch(token))
    text = re.sub(r"['’]s$", "", token.lower()[:-1] if plural else token.lower())
    parts: list[tuple[str, int, int]] = []
    for part in re.finditer(r"[^-/_.]+", text):
        word = re.sub(r"['’]", "", part.group())  # "don'ts" is one word, not "don" and "ts"
        if not word:
            continue
        if digits := _TRAILING_DIGITS.fullmatch(word):
            parts += [(_stem(digits.group(1)), *part.span()), (digits.group(2), *part.span())]
        else:
            parts.append((_stem(word), *part.span()))
    if plural and parts:  # the word is "DHTs", its stem "dht"
        parts[-1] = (parts[-1][0], parts[-1][1], len(token))
    return tuple(parts)


def normalise(token: str) -> tuple[str, ...]:
    """The stems of one token: ``HTTP/3`` -> ``("http", "3")``, ``DHTs`` -> ``("dht",)``."""
    return tuple(stem for stem, _, _ in _parts(token))


def tokens(text: str) -> list[Token]:
    """Every stem of *text*, in order, with the characters of its part of a word."""
    return [
        Token(stem, match.start() + start, match.start() + end)
        for match in TOKEN.finditer(text)
        for stem, start, end in _parts(match.group())
    ]


def joined(text: str, run: Sequence[Token]) -> bool:
    """Whether *run* reads as one phrase of *text*: no line break, sentence end or bullet
    between its words ("responsibilities\n- Design" is no "responsive design")."""
    return all(_GAP.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(run))


def stems(text: str) -> tuple[str, ...]:
    """The stems of every token of *text*, in order."""
    return tuple(token.stem for token in tokens(text))


def code_like(token: str) -> bool:
    """A token only a technology is spelt like: a digit, an inner capital, ALLCAPS, ``+``/``#``,
    an underscore (``no_std``)."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and (
        any(c.isdigit() for c in token)
        or any(c in "+#_" for c in token)
        or (len(letters) >= 2 and all(c.isupper() for c in letters))
        or bool(_PLURAL_ABBREVIATION.fullmatch(token))
        or any(a.islower() and b.isupper() for a, b in itertools.pairwise(token))
    )


@dataclass
class Lexicon:
    """Synonym groups and known terms, as stems: what ``match`` looks for and merges."""

    #: the stems of each spelling -> the token of its group ("=" + the first spelling)
    spellings: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: the token of each group -> the group's first spelling, as written
    heads: dict[str, str] = field(default_factory=dict)
    #: a known term's key (see :meth:`key`) -> the term as written
    terms: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: keys of terms that count only spelt as written ("Go", not "go")
    cased: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 1

    @classmethod
    def build(
        cls, extra_groups: Iterable[Sequence[str]] = (), words: Iterable[str] = ()
    ) -> Lexicon:
        """The built-in lists, a site's own synonym groups, and *words* (a CV's tags, skills)."""
        result = cls()
        for group in [*lexicon.synonym_groups(), *extra_groups]:
            head = GROUP + group[0].lower()
            result.heads.setdefault(head, group[0])
            for spelling in group:
                if key := stems(spelling):
                    result.spellings.setdefault(key, head)
        extra = [spelling for group in extra_groups for spelling in group]
        for term in [*lexicon.terms(), *words, *extra]:
            written = term.removeprefix(lexicon.CASED)
            if not (key := result.key(written)):
                continue
            result.terms.setdefault(key, written)
            if term.startswith(lexicon.CASED):
                result.cased[key] = written
        for stems_of, head in result.spellings.items():
            result.terms.setdefault((head,), result.heads[head])
            result.longest = max(result.longest, len(stems_of))
        result.longest = max([result.longest, *(len(key) for key in result.terms)])
        return result

    def canonical(self, stems_: Sequence[Token]) -> list[Token]:
        """*stems_* with each synonym spelling replaced by its group's token, longest first."""
        result: list[Token] = []
        index = 0
        while index < len(stems_):
            for size in range(min(self.longest, len(stems_) - index), 0, -1):
                window = stems_[index : index + size]
                head = self.spellings.get(tuple(t.stem for t in window))
                if head is not None:
                    result.append(Token(head, window[0].start, window[-1].end))
                    index += size
                    break
            else:
                result.append(stems_[index])
                index += 1
        return result

    def key(self, text: str) -> tuple[str, ...]:
        """What *text* is to ``match``: its stems, synonyms merged."""
        return tuple(token.stem for token in self.canonical(tokens(text)))

    def name(self, key: tuple[str, ...], written: str) -> str:
        """How a term reads: its group's first spelling where it is one, else as written."""
        if len(key) == 1 and key[0] in self.heads:
            return self.heads[key[0]]
        return self.terms.get(key, written) if key in self.cased else written
