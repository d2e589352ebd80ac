"""Keyword search: many word patterns, one linear pass (Aho-Corasick), word boundaries checked afterwards.

A pattern is a lower-case word or phrase with optional ``*`` at either end:

* ``adhd`` – the whole word (neither neighbour is a letter or digit);
* ``sykmeld*`` – a word starting with the stem (``sykmeldt``, ``sykmeldingen``);
* ``*diabetes`` – a word ending with it, also inside compounds (``barnediabetes``, ``type-1-diabetes``);
* ``*epilep*`` – anywhere inside a word.

A pattern with capital letters (``LO``, ``Høgre``) is matched case-sensitively, for acronyms and names that are
ordinary words in lower case (phrases always ignore case); it may end with ``*`` but not start with it.

Phrases match one space between words; the text is prepared with `fold` so that any whitespace character counts
as a space and case does not matter. Matching is linear in the text length plus the number of raw hits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

# Whitespace other than the plain space, replaced one for one (str.replace per character is far faster than a
# regex substitution or str.translate on non-ASCII text).
_WHITESPACE = "\t\n\r\x0b\x0c\xa0\u2007\u202f\u2028\u2029\u200b"
_MAX_EXTEND = 40  # bounds the work per hit in long runs of letters


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


@dataclass(frozen=True, slots=True)
class Hit:
    """A keyword found in folded text: ``start``/``end`` cover the whole word(s), ``payload`` is the caller's."""

    start: int
    end: int
    payload: object


def _window(text: str, start: int, end: int) -> tuple[str]:
    """The argument of ``Automaton.iter`` for ``text[start:end]``: the slice itself (positions then count from
    ``start``). pyahocorasick converts the whole string on every ``iter(text, start, end)``, so searching many small
    windows of a long text that way is quadratic (4 MB of keywords 400 characters apart: 16 s; tests/hardening)."""
    return (text if start == 0 and end >= len(text) else text[start:end],)


class Automaton:
    """Searches folded text for many patterns at once; each pattern carries a payload (any object).

    Built once, then read-only: safe to share between threads.
    """

    def __init__(self, entries: Iterable[tuple[Pattern, object]]) -> None:
        grouped: dict[str, list[tuple[Pattern, object]]] = {}
        exact: list[tuple[Pattern, object]] = []
        for pattern, payload in entries:
            if pattern.case_sensitive:
                exact.append((pattern, payload))
            else:
                grouped.setdefault(pattern.text, []).append((pattern, payload))
        self._automaton: ahocorasick.Automaton | None = None
        if grouped:
            automaton = ahocorasick.Automaton()
            for key, items in grouped.items():
                automaton.add_word(key, tuple(items))
            automaton.make_automaton()
            self._automaton = automaton
        # Case-sensitive patterns (a few acronyms and names) are searched in the original text by a second
        # automaton: searched in lower case, "SV" would hit inside every "svar".
        self._exact: ahocorasick.Automaton | None = None
        if exact:
            exact_automaton = ahocorasick.Automaton()
            by_text: dict[str, list[tuple[Pattern, object]]] = {}
            for pattern, payload in exact:
                by_text.setdefault(pattern.text, []).append((pattern, payload))
            for key, items in by_text.items():
                exact_automaton.add_word(key, tuple(items))
            exact_automaton.make_automaton()
            self._exact = exact_automaton
        self.size = sum(len(items) for items in grouped.values()) + len(exact)

    def search(
        self, folded: str, start: int = 0, end: int | None = None, *, original: str | None = None
    ) -> Iterator[Hit]:
        """Every pattern occurrence in ``folded[start:end]`` whose word boundaries hold, in order of their end.

        Case-sensitive patterns are searched in ``original`` (the text before `fold`); without it they never match.
        """
        end = len(folded) if end is None else end
        if self._exact is not None and original is not None:
            yield from self._hits(self._exact.iter(*_window(original, start, end)), original, start)
        if self._automaton is not None:
            yield from self._hits(self._automaton.iter(*_window(folded, start, end)), folded, start)

    @staticmethod
    def _hits(
        raw: Iterator[tuple[int, tuple[tuple[Pattern, object], ...]]], folded: str, offset: int = 0
    ) -> Iterator[Hit]:
        for last, items in raw:
            last += offset
            for pattern, payload in items:
                first = last - len(pattern.text) + 1
                before = folded[first - 1] if first > 0 else " "
                after = folded[last + 1] if last + 1 < len(folded) else " "
                if not pattern.open_start and _is_word(before) and _is_word(pattern.text[0]):
                    continue
                if not pattern.open_end and _is_word(after) and _is_word(pattern.text[-1]):
                    continue
                word_start, word_end = first, last + 1
                if pattern.open_start:  # report the whole word, but look at most _MAX_EXTEND characters away
                    floor = max(0, word_start - _MAX_EXTEND)
                    while word_start > floor and _is_word(folded[word_start - 1]):
                        word_start -= 1
                if pattern.open_end:
                    ceiling = min(len(folded), word_end + _MAX_EXTEND)
                    while word_end < ceiling and _is_word(folded[word_end]):
                        word_end += 1
                yield Hit(word_start, word_end, payload)

    def any(self, folded: str, *, original: str | None = None) -> bool:
        """True when `search` would find at least one hit (stops at the first)."""
        return next(self.search(folded, original=original), None) is not None
