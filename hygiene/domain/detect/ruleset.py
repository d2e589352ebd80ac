"""Keyword rules as data: the built-in TOML files in ``rules/`` merged with an organisation's own file.

Layout of a rules file (built-in and organisation files share it; see README "Detector" and rules.example.toml)::

    [health]                      # a category table: enabled, weight, and one sub-table per language
    enabled = true
    weight = 1.0                  # multiplies the confidence of the category's keyword findings
    [health.nb]                   # languages: nb nn sv da en, and "any" for names that are the same everywhere
    strong = ["sykmeld*"]         # tiers: strong, weak, medication (see `TIERS`); lists are added to the built-in
    remove = ["diagnose"]         # built-in patterns of this language to drop (any tier)

    [context]                     # scoring numbers (see context.toml [scoring]) may be overridden here ...
    window = 160
    [context.nb]                  # ... and cue lists added to / removed from, per language
    role = ["beboeren"]
    remove = ["kurs"]

    [ids]                         # passed to IdRules.from_mapping (identifiers: national IDs, accounts, cards)

Only `load_rules` reads files; everything else here is pure. A `Rules` value is immutable and thread-safe.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from hygiene.domain.detect.ids import IdRules
from hygiene.domain.detect.keywords import Automaton, Pattern, parse_pattern

LANGUAGES = ("nb", "nn", "sv", "da", "en")
TERM_LANGUAGES = (*LANGUAGES, "any")
KEYWORD_CATEGORIES = (
    "health",
    "ethnicity",
    "religion",
    "politics",
    "union",
    "sexual_orientation",
    "genetic_biometric",
    "criminal",
)
TIERS = ("strong", "weak", "medication")
CUES = (
    "self", "we", "relation", "role", "third", "link", "attribution", "you", "generic", "directive", "topical",
    "absence", "group", "conditional", "negation",
)  # fmt: skip
PERSON_CUES = ("self", "we", "relation", "role", "third", "link", "attribution", "you")
# Categories of identity ("is a Muslim", "are Kurds"): a copula right before the keyword attributes it to someone.
ATTRIBUTED = frozenset({"religion", "ethnicity", "sexual_orientation", "politics"})

# Which term and cue lists serve a text in each language. The Scandinavian languages share each other's lists (a
# short text's language guess is uncertain, and mail mixes them); English terms are searched in Nordic text too
# (mail mixes in English), but not the other way round (Nordic words such as "same" are ordinary English words).
# Words that mean something else in a neighbour language stay out of the lists (Swedish "dom" = "them").
TERM_GROUPS: Mapping[str | None, tuple[str, ...]] = MappingProxyType(
    {
        "nb": ("nb", "nn", "da", "sv", "en", "any"),
        "nn": ("nn", "nb", "da", "sv", "en", "any"),
        "sv": ("sv", "nb", "nn", "da", "en", "any"),
        "da": ("da", "nb", "nn", "sv", "en", "any"),
        "en": ("en", "any"),
        None: ("nb", "nn", "sv", "da", "en", "any"),
    }
)
CUE_GROUPS: Mapping[str | None, tuple[str, ...]] = MappingProxyType(
    {
        "nb": ("nb", "nn", "da", "sv"),
        "nn": ("nn", "nb", "da", "sv"),
        "sv": ("sv", "nb", "nn", "da"),
        "da": ("da", "nb", "nn", "sv"),
        "en": ("en",),
        None: ("nb", "nn", "sv", "da"),
    }
)

_BUILTIN_FILES = ("context", *KEYWORD_CATEGORIES)


@dataclass(frozen=True, slots=True)
class Scoring:
    """How confidence is computed for a keyword (the numbers of context.toml ``[scoring]``; see there)."""

    strong: float = 0.45
    weak: float = 0.2
    code: float = 0.35
    self: float = 0.25
    we: float = 0.15
    relation: float = 0.3
    role: float = 0.25
    third: float = 0.15
    link: float = 0.15
    attribution: float = 0.3
    you: float = 0.15
    name: float = 0.1
    identifier: float = 0.3
    identifier_message: float = 0.15
    message: float = 0.15
    absence: float = 0.15
    conditional: float = 0.35
    identity_group: float = 0.35
    negation: float = 0.4
    conditional_reach: int = 60
    person_cap: float = 0.5
    support_cap: float = 0.25
    generic: float = 0.2
    generic_cap: float = 0.45
    topical: float = 0.15
    directive: float = 0.25
    directive_cap: float = 0.5
    cluster: float = 0.15
    document: float = 0.05
    document_cap: float = 0.3
    generic_free: int = 2
    enumeration: float = 0.5
    enumeration_span: int = 400
    window: int = 120
    near: int = 12


@dataclass(frozen=True, slots=True)
class Term:
    """A keyword of a category: its pattern, tier (strong/weak/medication) and language list."""

    category: str
    tier: str
    language: str
    pattern: Pattern


@dataclass(frozen=True, slots=True)
class Cue:
    """A context word: its class (self, role, generic ...) and language."""

    cue: str
    language: str
    pattern: Pattern


@dataclass(frozen=True, slots=True)
class CategoryRules:
    """Per-category switches: enabled and a weight multiplying its keyword confidences."""

    enabled: bool = True
    weight: float = 1.0


@dataclass(frozen=True)
class Rules:
    """Everything the detector needs: identifier rules, keyword terms, context cues, scoring; immutable.

    Build one with `load_rules`. The search automata are compiled once here and shared read-only by all threads.
    """

    ids: IdRules = field(default_factory=IdRules)
    categories: Mapping[str, CategoryRules] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    cues: tuple[Cue, ...] = ()
    scoring: Scoring = field(default_factory=Scoring)
    _term_automata: dict[str | None, Automaton] = field(init=False, repr=False, compare=False, default_factory=dict)
    _cue_automata: dict[str | None, Automaton] = field(init=False, repr=False, compare=False, default_factory=dict)
    _document_automata: dict[str | None, Automaton] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", MappingProxyType(dict(self.categories)))
        enabled = [t for t in self.terms if self.categories.get(t.category, CategoryRules()).enabled]
        for language, group in TERM_GROUPS.items():
            chosen = [t for t in enabled if t.language in group]
            self._term_automata[language] = Automaton((t.pattern, t) for t in chosen)
        for language, group in CUE_GROUPS.items():
            self._cue_automata[language] = Automaton((c.pattern, c) for c in self.cues if c.language in group)
            self._document_automata[language] = Automaton(
                (c.pattern, c) for c in self.cues if c.language in group and c.cue in ("generic", "directive")
            )

    def term_automaton(self, language: str | None) -> Automaton:
        """The keyword automaton for text in ``language`` (None: all languages)."""
        return self._term_automata.get(language, self._term_automata[None])

    def cue_automaton(self, language: str | None) -> Automaton:
        """The context-cue automaton for text in ``language``."""
        return self._cue_automata.get(language, self._cue_automata[None])

    def document_automaton(self, language: str | None) -> Automaton:
        """Generic and directive cues only, searched over a whole part."""
        return self._document_automata.get(language, self._document_automata[None])

    def enabled(self, category: str) -> bool:
        """Whether keyword findings of ``category`` are produced at all."""
        return self.categories.get(category, CategoryRules()).enabled

    def weight(self, category: str) -> float:
        """The category's confidence multiplier."""
        return self.categories.get(category, CategoryRules()).weight


class _Builder:
    """Collects terms, cues and settings from one or more parsed TOML documents, validating as it goes."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, str, str], Term] = {}  # (category, language, pattern source) -> term
        self.cues: dict[tuple[str, str, str], Cue] = {}
        self.categories: dict[str, CategoryRules] = {}
        self.scoring = Scoring()
        self.ids: dict[str, Any] | None = None

    def add(self, data: Mapping[str, Any], source: str) -> None:
        for key, value in data.items():
            if key == "ids":
                if not isinstance(value, Mapping):
                    raise ValueError(f"{source}: [ids] must be a table")
                self.ids = dict(value)
            elif key == "context":
                self._context(_table(value, source, "context"), source)
            elif key == "scoring":
                self._scoring(_table(value, source, "scoring"), source, "scoring")
            elif key in KEYWORD_CATEGORIES:
                self._category(key, _table(value, source, key), source)
            elif key in ("national_id", "bank_account", "payment_card"):
                raise ValueError(f"{source}: [{key}]: identifier rules belong in the [ids] table")
            else:
                raise ValueError(
                    f"{source}: unknown table [{key}]; use one of {[*KEYWORD_CATEGORIES, 'context', 'ids']}"
                )

    def _category(self, category: str, table: Mapping[str, Any], source: str) -> None:
        current = self.categories.get(category, CategoryRules())
        for key, value in table.items():
            rule = f"{category}.{key}"
            if key == "enabled":
                if not isinstance(value, bool):
                    raise ValueError(f"{source}: {rule} must be true or false")
                current = replace(current, enabled=value)
            elif key == "weight":
                if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 2:
                    raise ValueError(f"{source}: {rule} must be a number from 0 to 2")
                current = replace(current, weight=float(value))
            elif key in TERM_LANGUAGES:
                self._terms(category, key, _table(value, source, rule), source)
            else:
                raise ValueError(
                    f"{source}: unknown key {rule}; use enabled, weight or a language table {list(TERM_LANGUAGES)}"
                )
        self.categories[category] = current

    def _terms(self, category: str, language: str, table: Mapping[str, Any], source: str) -> None:
        for tier, value in table.items():
            rule = f"{category}.{language}.{tier}"
            if tier not in (*TIERS, "remove"):
                raise ValueError(f"{source}: unknown key {rule}; use {[*TIERS, 'remove']}")
            if tier == "medication" and category != "health":
                raise ValueError(f"{source}: {rule}: the medication tier exists only for health")
            for pattern in _patterns(value, source, rule):
                key = (category, language, pattern.source)
                if tier == "remove":
                    self.terms.pop(key, None)
                else:
                    self.terms[key] = Term(category, tier, language, pattern)

    def _context(self, table: Mapping[str, Any], source: str) -> None:
        numbers = {k: v for k, v in table.items() if k not in LANGUAGES}
        self._scoring(numbers, source, "context")
        for language in LANGUAGES:
            if language not in table:
                continue
            rule = f"context.{language}"
            for cue, value in _table(table[language], source, rule).items():
                if cue not in (*CUES, "remove"):
                    raise ValueError(f"{source}: unknown key {rule}.{cue}; use {[*CUES, 'remove']}")
                for pattern in _patterns(value, source, f"{rule}.{cue}"):
                    if cue == "remove":
                        for key in [k for k in self.cues if k[1] == language and k[2] == pattern.source]:
                            del self.cues[key]
                    else:
                        self.cues[(cue, language, pattern.source)] = Cue(cue, language, pattern)

    def _scoring(self, table: Mapping[str, Any], source: str, prefix: str) -> None:
        known = {f.name: f.type for f in Scoring.__dataclass_fields__.values()}
        changes: dict[str, Any] = {}
        for key, value in table.items():
            rule = f"{prefix}.{key}"
            if key not in known:
                raise ValueError(f"{source}: unknown key {rule}; use one of {sorted(known)} or a language table")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{source}: {rule} must be a number")
            if known[key] == "int":
                if not isinstance(value, int) or not 0 <= value <= 5000:
                    raise ValueError(f"{source}: {rule} must be a whole number of characters from 0 to 5000")
            elif not 0 <= value <= 1:
                raise ValueError(f"{source}: {rule} must be between 0 and 1")
            changes[key] = value
        self.scoring = replace(self.scoring, **changes)

    def build(self, source: str) -> Rules:
        try:
            ids = IdRules.from_mapping(self.ids, source=f"{source}: [ids]") if self.ids is not None else IdRules()
        except ValueError as exc:
            message = str(exc)
            raise ValueError(message if source in message else f"{source}: [ids]: {message}") from None
        return Rules(
            ids=ids,
            categories=self.categories,
            terms=tuple(self.terms.values()),
            cues=tuple(self.cues.values()),
            scoring=self.scoring,
        )


def _table(value: Any, source: str, rule: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{source}: {rule} must be a table")
    return value


def _patterns(value: Any, source: str, rule: str) -> list[Pattern]:
    if not isinstance(value, list):
        raise ValueError(f"{source}: {rule} must be a list of strings")
    out = []
    for item in value:
        try:
            out.append(parse_pattern(item))
        except ValueError as exc:
            raise ValueError(f"{source}: {rule}: {exc}") from None
    return out


def _builtin() -> _Builder:
    builder = _Builder()
    folder = resources.files("hygiene.domain.detect") / "rules"
    for name in _BUILTIN_FILES:
        resource = folder / f"{name}.toml"
        try:
            data = tomllib.loads(resource.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"built-in rules/{name}.toml: not valid TOML: {exc}") from None
        if name == "context":
            data = {"context": {**data.get("context", {}), **data.get("scoring", {})}}
        builder.add(data, f"built-in rules/{name}.toml")
    return builder


def load_rules(path: Path | str | None = None) -> Rules:
    """The built-in rules, with the organisation's TOML file at ``path`` (if given) merged on top.

    Raises:
        ValueError: the file is missing, unreadable, not TOML, or has an unknown table/key, a bad pattern or a bad
            value; the message names the file, the rule and the problem.
    """
    builder = _builtin()
    if path is None:
        return builder.build("built-in rules")
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the rules file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the rules file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from None
    builder.add(data, str(path))
    return builder.build(str(path))
