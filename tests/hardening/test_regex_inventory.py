"""Every compiled regular expression in hygiene runs in linear time on adversarial input.

The inventory is found, not listed: every module under hygiene/ is imported and its globals (and its classes'
attributes) searched for `re.Pattern` and `regex.Pattern` objects; the detection rules (`load_rules()`) are walked
for the patterns compiled from rule data. Each pattern is then run (``finditer`` to the end) over adversarial texts
of 100,000 characters: runs of one character, of two-character units (digits with separators, tag openers, name
shapes), of the literal words and the word prefixes in the pattern itself (the near misses that make alternations
and bounded repeats backtrack), and those words glued together. A backtracking blow-up on such input takes minutes;
the per-pattern timeout turns it into a failure without asserting on timings.

A pattern compiled inside a function body is not found by this (a few in the extraction readers, on member names
and short tokens only); a new module-level pattern is picked up without touching this file.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import hygiene

N = 100_000
PATTERN_TYPES = (re.Pattern, regex.Pattern)
SINGLES = "aA1 \n\t<>-.@&=\\{}_/é,;:'\"(+*?!#%0"
UNITS = [
    "1 ",
    "1-",
    "1.",
    "12 ",
    "1a",
    "a ",
    "a\n",
    "<a",
    "<a ",
    "</",
    "<!--",
    "&#",
    "&a",
    "a@",
    "=?",
    "Ab ",
    "a Bc",
    ", Ab",
    "Ab Cd\t",
    "\n \n",
    ". A",
    "A1",
    "AB12",
    "\\a",
    "\\'",
    "{\\",
    "x=",
    "<w:p ",
    "<c ",
    "<f ",
    "12345678901 ",
    "120485 12345",
    "NO93 8601 1117 947",
]


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(hygiene.__path__, "hygiene."):
        if info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional component not installed here
            continue


def _patterns_in(obj: Any, path: str, seen: set[int], depth: int = 0) -> Iterator[tuple[str, Any]]:
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, PATTERN_TYPES):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _patterns_in(getattr(obj, f.name, None), f"{path}.{f.name}", seen, depth + 1)
        for name in getattr(obj, "__dict__", {}):
            yield from _patterns_in(getattr(obj, name), f"{path}.{name}", seen, depth + 1)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _patterns_in(value, f"{path}[{key!r}]", seen, depth + 1)
    elif isinstance(obj, list | tuple | frozenset | set):
        for i, value in enumerate(obj):
            yield from _patterns_in(value, f"{path}[{i}]", seen, depth + 1)


def inventory() -> dict[str, Any]:
    """Every compiled pattern reachable from hygiene's module globals, classes and the built-in detection rules."""
    found: dict[str, Any] = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, PATTERN_TYPES):
                found[f"{module.__name__}.{name}"] = value
            elif isinstance(value, type) and value.__module__ == module.__name__:
                for attr, inner in vars(value).items():
                    if isinstance(inner, PATTERN_TYPES):
                        found[f"{module.__name__}.{name}.{attr}"] = inner
    try:
        from hygiene.domain.detect import load_rules
    except ImportError:
        return found
    for path, pattern in _patterns_in(load_rules(), "rules", seen):
        found.setdefault(path, pattern)
    return found


PATTERNS = inventory()


def _words(source: str) -> list[str]:
    """Literal words in a pattern's source, with their prefixes (the near misses)."""
    words = {w for w in re.findall(r"[^\W\d_]{2,}", source) if w not in {"p", "L", "N", "Lu", "Ll"}}
    out: set[str] = set()
    for word in sorted(words)[:40]:
        out.add(word)
        out.add(word[: max(1, len(word) - 1)])
        out.add(word.upper())
    return sorted(out)


def adversarial(pattern: Any) -> Iterator[str]:
    """Texts of about N characters built to make ``pattern`` backtrack if it can."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    for char in SINGLES:
        yield char * N
    for unit in UNITS:
        yield unit * (N // len(unit))
    words = _words(source)
    for word in words:
        yield (word + " ") * (N // (len(word) + 1))
    if words:
        glued = "".join(words)
        yield glued * (N // len(glued) + 1)
        yield " ".join(words) * (N // (len(" ".join(words)) + 1))


def test_the_inventory_finds_the_patterns_of_every_layer():
    modules = {name.rsplit(".", 1)[0] for name in PATTERNS}
    assert "hygiene.domain.extract.html" in modules
    assert "hygiene.domain.extract._walk" in modules
    assert "hygiene.domain.audit" in modules
    assert len(PATTERNS) >= 50


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_input(name):
    pattern = PATTERNS[name]
    binary = isinstance(pattern.pattern, bytes)
    for text in adversarial(pattern):
        subject = text.encode("utf-8") if binary else text
        for _ in pattern.finditer(subject):
            pass


# --- the detector end to end: patterns are linear, but the code around them must be too ---------------------------

DENSE = [
    "diagnose ",
    "hiv ",
    "fødselsnummer 19061989121 diagnose kreft pasient ",
    "kreft pasient. Hei Ola, ",
    "Ola Nordmann; diagnose kreft\n",
    "19061989121 ",
    "fnr: 1906198912 1 ",
    "NO93 8601 1117 947 ",
    "4111 1111 1111 1111 ",
    "Med vennlig hilsen\nOla Nordmann\n",
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", DENSE, ids=range(len(DENSE)))
def test_detector_is_linear_on_dense_keywords_and_numbers(unit):
    # Regression: each health keyword searched for a full name from the start of its line, so 200,000 characters
    # of keywords on one line took 5.5 minutes (quadratic); now the names of a part are found once.
    detect = pytest.importorskip("hygiene.domain.detect")
    from hygiene.domain.text import TextPart

    text = unit * (200_000 // len(unit))

    findings = detect.detect([TextPart("body", text)], detect.load_rules(), language="nb")

    assert all(0 <= f.start <= f.end <= len(text) for f in findings)


@pytest.mark.timeout(40)
def test_detector_is_linear_on_keywords_spread_over_a_long_text():
    # Regression: the keyword automaton was asked for each small window around a keyword with the whole text, and
    # pyahocorasick converts the whole string per call: 4 MB with a keyword every 400 characters took 16 s, 8 MB a
    # minute (quadratic); the windows are now searched as slices.
    detect = pytest.importorskip("hygiene.domain.detect")
    from hygiene.domain.text import TextPart

    unit = "diagnose " + "x" * 400 + " "
    text = unit * (8_000_000 // len(unit))

    findings = detect.detect([TextPart("body", text)], detect.load_rules(), language="nb")

    assert len(findings) >= len(text) // len(unit)
