"""The language of a resume, told from its own text (py3langid), or as the user says.

Only the person's own prose counts: summaries, descriptions, highlights, titles;
not names, dates, URLs, keywords (often English whatever the resume's language), nor
references, which others wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from py3langid.langid import LanguageIdentifier

#: fields that are not prose in the resume's language
NOT_PROSE = frozenset(
    {
        "url",
        "email",
        "phone",
        "image",
        "startDate",
        "endDate",
        "date",
        "releaseDate",
        "countryCode",
        "postalCode",
        "username",
        "network",
        "keywords",
        "meta",
        "$schema",
        "references",
    }
)
#: fewer characters of prose than this tell no language
MINIMUM = 40
#: detector codes -> the code Sphinx and cv_ext's catalogs use
SPHINX_CODES = {"zh": "zh_CN"}


@dataclass(frozen=True)
class Choice:
    """The language a project is written in, and why."""

    code: str
    reason: str


def prose(data: Any) -> Iterator[str]:
    """The texts of a resume a person wrote in its language: sentences, titles."""
    if isinstance(data, str):
        # a short ASCII word is a name or a keyword; other scripts say more per character
        if len(data.split()) >= 4 or (len(data) >= 8 and not data.isascii()):
            yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_PROSE:
                yield from prose(value)
    elif isinstance(data, list):
        for value in data:
            yield from prose(value)


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(resume: dict[str, Any]) -> Choice:
    """The language of *resume*'s own prose; English when there is too little to tell."""
    text = "\n".join(prose(resume))
    if len(text) < MINIMUM:
        return Choice("en", f"too little prose to tell ({len(text)} characters): English")
    code, probability = _identifier().classify(text)
    code = SPHINX_CODES.get(str(code), str(code))
    return Choice(
        code,
        f"detected by py3langid in {len(text)} characters of the resume's own text, "
        f"probability {float(probability):.2f}",
    )


def choose(resume: dict[str, Any], language: str | None) -> Choice:
    """``--language`` where given, else the language detected in *resume*."""
    if language:
        return Choice(language, "given with --language")
    return detect(resume)
