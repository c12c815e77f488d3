"""Characters pdflatex cannot set, made printable in LaTeX documents only."""

from __future__ import annotations

from docutils import nodes
from hypothesis import given
from hypothesis import strategies as st

from cv_ext.outputs.paper.characters import printable, settable


def test_symbols_become_math_letters_ascii_and_emoji_vanish() -> None:
    out = printable("Rails = ♥\ufe0f, 北京 🐶 Müller – ok", cyrillic=False)
    assert [type(node) for node in out] == [nodes.Text, nodes.math, nodes.Text]
    assert out[0].astext() == "Rails = "
    assert out[1].astext() == r"\heartsuit"
    assert out[2].astext() == ", BeiJing  Müller – ok"


def test_cyrillic_stays_where_the_language_sets_it() -> None:
    assert printable("Москва", cyrillic=True)[0].astext() == "Москва"
    assert printable("Москва", cyrillic=False)[0].astext() == "Moskva"


@given(st.text())
def test_everything_left_is_settable(text: str) -> None:
    for node in printable(text, cyrillic=False):
        if isinstance(node, nodes.Text):
            assert all(settable(char, cyrillic=False) for char in node.astext())
