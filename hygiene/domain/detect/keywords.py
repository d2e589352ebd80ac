"""Keyword search: many word patterns, one linear pass (Aho-Corasick), word boundaries checked afterwards.

A pattern is a lower-case word or phrase with optional ``*`` at either end:

* ``adhd`` – the whole word (neither neighbour is a letter or digit);
* ``sykmeld*`` – a word starting with the stem (``sykmeldt``, ``sykmeldingen``);
* ``*diabetes`` – a word ending with it, also inside compounds (``barnediabetes``, ``type-1-diabetes``);
* ``*epilep*`` – anywhere inside a word.

A pattern with capital letters (``LO``, ``Høgre``) is matched case-sensitively, for acronyms and names that are
ordinary words in lower case (phrases always ignore case); it may end with ``*`` but not start with it.

Phrases match one space between words; the text is prepared with `fold` so that any whitespace character counts
as a space and case does not matter. Matching is linear in the text length plus the number of raw hits: the
automaton (``ahocorasick_rs``, a DFA) reports every occurrence of every key in one pass in native code, and only
those raw hits are checked in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import ahocorasick_rs

# Whitespace other than the plain space, replaced one for one (str.replace per character is far faster than a
# regex substitution or str.translate on non-ASCII text).
_WHITESPACE = "\t\n\r\x0b\x0c\xa0\u2007\u202f\u2028\u2029\u200b"
_MAX_EXTEND = 40  # bounds the work per hit in long runs of letters
_END_THEN_START = itemgetter(2, 1)  # raw matches (index, start, end): by end, the longest first at one end


@dataclass(frozen=True, slots=True)
class Pattern:
    """One parsed keyword pattern: ``text`` plus whether the word may continue before/after it."""

    text: str
    open_start: bool
    open_end: bool
    case_sensitive: bool = False

    @property
    def source(self) -> str:
        """The pattern as written in a rules file."""
        return f"{'*' if self.open_start else ''}{self.text}{'*' if self.open_end else ''}"


def parse_pattern(raw: str) -> Pattern:
    """A `Pattern` for ``raw`` (see the module docstring).

    Raises:
        ValueError: the pattern is empty, has ``*`` inside it, or holds control characters or double spaces.
    """
    if not isinstance(raw, str):
        raise ValueError(f"pattern {raw!r} is not a string")
    text = raw.strip()
    case_sensitive = text != text.lower() and " " not in text  # phrases always ignore case
    if not case_sensitive:
        text = text.lower()
    open_start = text.startswith("*")
    open_end = text.endswith("*")
    text = text.strip("*")
    if case_sensitive and open_start:
        raise ValueError(f"pattern {raw!r}: a pattern with capitals cannot start with '*'")
    if "*" in text:
        raise ValueError(f"pattern {raw!r}: '*' is allowed only at the start or the end")
    if not text or (len(text) < 2 and (open_start or open_end)):
        raise ValueError(f"pattern {raw!r} is too short (a stem with '*' needs at least 2 characters)")
    if "  " in text or text != text.strip():
        raise ValueError(f"pattern {raw!r}: use single spaces between words")
    if any(not c.isprintable() for c in text):
        raise ValueError(f"pattern {raw!r} has control characters; use single spaces between words")
    return Pattern(text, open_start, open_end, case_sensitive)


def fold(text: str) -> str:
    """Lower-case ``text`` and turn every whitespace character into a space, keeping offsets unchanged."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. 'İ') lower to two; keep one so offsets stay aligned
        low = "".join(c.lower()[:1] for c in text)
    return _spaces(low)


def _spaces(text: str) -> str:
    for ch in _WHITESPACE:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class Hit(NamedTuple):
    """A keyword found in folded text: ``start``/``end`` cover the whole word(s), ``payload`` is the caller's.

    A named tuple: immutable like a frozen dataclass, and three times cheaper to make (a dense text has many)."""

    start: int
    end: int
    payload: object


class _Table:
    """One Aho-Corasick automaton over distinct keys; each key holds its patterns as (check_before, check_after,
    open_start, open_end, payload): whether a letter or digit before/after the key rejects it (a closed end whose
    first/last character is a letter or digit), and whether the hit extends to the whole word on that side."""

    __slots__ = ("_automaton", "_items", "_keys")

    def __init__(self, grouped: dict[str, list[tuple[Pattern, object]]]) -> None:
        keys = list(grouped)
        self._items = [
            tuple(
                (
                    not pattern.open_start and _is_word(pattern.text[0]),
                    not pattern.open_end and _is_word(pattern.text[-1]),
                    pattern.open_start,
                    pattern.open_end,
                    payload,
                )
                for pattern, payload in grouped[key]
            )
            for key in keys
        ]
        self._keys = keys
        self._automaton: ahocorasick_rs.AhoCorasick | None = None

    def _build(self) -> ahocorasick_rs.AhoCorasick:
        """A DFA, the fastest search (about 3x pyahocorasick's on a 2 MB part), built on first use: it takes ~80 ms
        for the terms of all languages, so automata of languages never seen cost nothing. Two threads racing here
        each build the same automaton; one of them is kept."""
        automaton = ahocorasick_rs.AhoCorasick(self._keys, implementation=ahocorasick_rs.Implementation.DFA)
        self._automaton = automaton
        return automaton

    def hits(self, text: str, start: int, end: int) -> list[Hit]:
        """Boundary-checked hits in ``text[start:end]``: by end position, the longest key first at one end."""
        window = text if start == 0 and end >= len(text) else text[start:end]
        raw = (self._automaton or self._build()).find_matches_as_indexes(window, overlapping=True)
        if not raw:
            return []
        raw.sort(key=_END_THEN_START)  # the order pyahocorasick reported (callers' ties depend on it)
        items = self._items
        size = len(text)
        out: list[Hit] = []
        for index, first, last in raw:
            first += start
            last += start  # one past the key's last character
            word_before = first > 0 and text[first - 1].isalnum()
            word_after = last < size and text[last].isalnum()
            for check_before, check_after, open_start, open_end, payload in items[index]:
                if (check_before and word_before) or (check_after and word_after):
                    continue
                word_start, word_end = first, last
                if open_start and word_before:  # the whole word, but at most _MAX_EXTEND characters away
                    floor = max(0, word_start - _MAX_EXTEND)
                    while word_start > floor and text[word_start - 1].isalnum():
                        word_start -= 1
                if open_end and word_after:
                    ceiling = min(size, word_end + _MAX_EXTEND)
                    while word_end < ceiling and text[word_end].isalnum():
                        word_end += 1
                out.append(Hit(word_start, word_end, payload))
        return out


class Automaton:
    """Searches folded text for many patterns at once; each pattern carries a payload (any object).

    Built once, then read-only: safe to share between threads.
    """

    def __init__(self, entries: Iterable[tuple[Pattern, object]]) -> None:
        grouped: dict[str, list[tuple[Pattern, object]]] = {}
        exact: dict[str, list[tuple[Pattern, object]]] = {}
        for pattern, payload in entries:
            target = exact if pattern.case_sensitive else grouped
            target.setdefault(pattern.text, []).append((pattern, payload))
        self._automaton = _Table(grouped) if grouped else None
        # Case-sensitive patterns (a few acronyms and names) are searched in the original text by a second
        # automaton: searched in lower case, "SV" would hit inside every "svar".
        self._exact = _Table(exact) if exact else None
        self.size = sum(len(items) for items in grouped.values()) + sum(len(items) for items in exact.values())

    def search(
        self, folded: str, start: int = 0, end: int | None = None, *, original: str | None = None
    ) -> Iterator[Hit]:
        """Every pattern occurrence in ``folded[start:end]`` whose word boundaries hold, in order of their end.

        Case-sensitive patterns are searched in ``original`` (the text before `fold`); without it they never match.
        """
        end = len(folded) if end is None else end
        if self._exact is not None and original is not None:
            yield from self._exact.hits(original, start, end)
        if self._automaton is not None:
            yield from self._automaton.hits(folded, start, end)

    def any(self, folded: str, *, original: str | None = None) -> bool:
        """True when `search` would find at least one hit (stops at the first)."""
        return next(self.search(folded, original=original), None) is not None
