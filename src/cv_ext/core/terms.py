"""Words of a job ad and of a CV as stems, so that "HTTP/3" meets http3 and k8s Kubernetes.

Stemmed with snowballstemmer (a dependency of Sphinx) after a small synonym list.
"""

from __future__ import annotations

import itertools
import re

import snowballstemmer

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
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[./_'-][A-Za-z0-9+#]+)*")
_STEMMER = snowballstemmer.stemmer("english")


def normalise(token: str) -> tuple[str, ...]:
    """The stems of one token, after the synonym list: ``HTTP/3`` -> ``("http3",)``."""
    text = token.lower()
    text = SYNONYMS.get(text, text)
    parts = [part for part in re.split(r"[-/_.']", text) if part]
    return tuple(_STEMMER.stemWord(part) for part in parts)


def stems(text: str) -> tuple[str, ...]:
    """The stems of every token of *text*, in order."""
    return tuple(stem for token in TOKEN.findall(text) for stem in normalise(token))


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
    for match in TOKEN.finditer(text):
        token = match.group()
        if token.lower() in NOT_TECHNOLOGY:
            continue
        before = text[: match.start()].rstrip(" \t")
        opens = not before or before[-1] in ".!?:\n•*-(\"'" or before.endswith("\n")
        if code_like(token) or (token[0].isupper() and not opens):
            found.append(token)
    return found
