"""The language guess's fast word finder (the stdlib engine) finds exactly the words of `_WORD` (the regex module)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.domain.detect import language


def test_every_code_point_is_a_letter_for_both_or_for_neither():
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    slow = language._WORD.findall(" ".join(every))
    assert language._find_words(" ".join(every)) == slow  # emoji present: falls back to the regex module
    bmp = " ".join(ch for ch in every if ord(ch) < 0x10000)
    assert language._find_words(bmp) == language._WORD.findall(bmp)
    assert len(language._WORD.findall(bmp)) > 40_000  # letters of many scripts, each its own word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("æøåäöé–’ ²_\u0301\u200d"), max_size=200))
def test_the_same_words_on_any_text(text):
    assert language._find_words(text) == language._WORD.findall(text)
    assert language._find_words(text.lower()) == language._WORD.findall(text.lower())
