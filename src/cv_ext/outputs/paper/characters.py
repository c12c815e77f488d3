"""Characters pdflatex cannot set, made printable: the PDF builds whatever a CV holds.

pdflatex stops at the first character its font encodings do not cover: a ``♥`` in an
imported German resume, an emoji, a name in Chinese script in an English CV. Unicode
engines (xelatex, lualatex, and the Japanese ones) are left alone. For pdflatex, in
LaTeX documents only (the web pages and exports keep every character):

- a few symbols become their math glyphs (``♥`` is ``\\heartsuit``);
- letters and digits of other scripts are transliterated (anyascii: ``北京`` gives
  ``BeiJing``), Cyrillic only where the document's language does not use it;
- other symbols, emoji, joiners and variation selectors are left out.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from anyascii import anyascii
from docutils import nodes
from sphinx.util.texescape import tex_replacements, unicode_tex_replacements

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: what pdflatex sets with Sphinx's fonts (T1, TS1) and replacements
_SETTABLE = frozenset(char for char, _ in [*tex_replacements, *unicode_tex_replacements]) | set(
    # general punctuation, currency and letterlike symbols of T1 and TS1
    "‐‑‒–—―‘’‚‛“”„‟†‡•‣…‰′″‹›⁄€™№℗℠Ω℮←↑→↓−∗√∞≤≥␣○◦♪"
    # Latin Extended-B letters T1 has: S, T with comma below
    "ȘșȚț"
)
#: languages whose babel set-up gives pdflatex Cyrillic fonts (T2A)
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "bg", "be", "mk", "sr", "mn", "kk"})
#: symbols with a glyph in LaTeX's math fonts
MATH = {
    "♥": r"\heartsuit",
    "♡": r"\heartsuit",
    "♦": r"\diamondsuit",
    "♠": r"\spadesuit",
    "♣": r"\clubsuit",
    "★": r"\star",
    "☆": r"\star",
    "✓": r"\checkmark",
    "✔": r"\checkmark",
    "≈": r"\approx",
    "≠": r"\neq",
    "×": r"\times",
    "·": r"\cdot",
    "⇒": r"\Rightarrow",
    "↔": r"\leftrightarrow",
}


def settable(char: str, cyrillic: bool) -> bool:
    """Whether pdflatex sets *char* as it is."""
    code = ord(char)
    return (
        code < 0x180  # ASCII, Latin-1 and Latin Extended-A: T1 and TS1
        or char in _SETTABLE
        or 0x370 <= code < 0x400  # Greek: Sphinx loads LGR fonts for it
        or (cyrillic and 0x400 <= code < 0x530)
    )


def printable(text: str, cyrillic: bool) -> list[nodes.Node]:
    """*text* as nodes pdflatex can set: text, and math for the symbols it has."""
    result: list[nodes.Node] = []
    plain: list[str] = []
    for char in text:
        if settable(char, cyrillic):
            plain.append(char)
        elif char in MATH:
            result += [nodes.Text("".join(plain)), nodes.math(char, MATH[char])]
            plain = []
        elif unicodedata.category(char)[0] in "LN":
            plain.append(anyascii(char))
        # else: a symbol, emoji, joiner or variation selector: left out on paper
    result.append(nodes.Text("".join(plain)))
    return [node for node in result if not isinstance(node, nodes.Text) or node.astext()]


def make_printable(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Rewrite each text of a pdflatex document holding a character pdflatex would stop at.

    On ``doctree-resolved``, after cv_ext filled its placeholders (priority 500).
    """
    if app.builder.format != "latex" or app.config.latex_engine != "pdflatex":
        return
    cyrillic = (app.config.language or "en").split("_")[0] in CYRILLIC_LANGUAGES
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, nodes.literal_block | nodes.raw):
            continue
        if all(settable(char, cyrillic) for char in text):
            continue
        index = parent.index(text)
        parent[index : index + 1] = printable(str(text), cyrillic)
