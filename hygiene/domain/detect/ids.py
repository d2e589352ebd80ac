"""Identifiers in text: national identity numbers, bank accounts and payment cards (pure, linear time).

`find_ids(text, where, rules)` returns one `Finding` per identifier, with a confidence in [0, 1] that combines how
strong the number's own checks are with the words around it. It never returns or keeps the value.

How it works, in three cheap steps:

1. *Candidates.* One linear regex pass finds runs of ASCII digits joined by single separators (spaces, no-break
   spaces, ``-``, ``.``, ``+``, one line break); runs with fewer than ten digits are skipped by the regex itself. Two
   more passes find Finnish HETUs with a letter (``141101A0049``) and IBANs. Inside a run, only spans made of whole
   digit groups in a known layout are tried (``11``, ``6 5``, ``2 2 2 5``, ``4.2.5``, ``6-4``, ``8-4``,
   ``4 4 4 4`` ...), so an ID is never cut out of a longer number, and single-digit layouts (``1 7 0 4 ...``) count
   only when they make up the whole run.
2. *Checks.* Each span is validated (`hygiene.domain.detect.checks`): both fødselsnummer control digits and the date,
   Luhn and date for Swedish numbers, the mod-31 character for HETU, the date for CPR, mod 11 for Norwegian
   accounts, mod 97 and the country length for IBAN, Luhn plus the card network's IIN range and length for cards.
3. *Context.* The nearest keyword before the number (within ``window_before`` characters; else the first one
   within ``window_after`` after it) moves the confidence: ID words ("fødselsnummer", "personnummer", "CPR") raise
   it a lot, person words ("født", "pasient", "elev") a little, and precision guards ("KID", "faktura",
   "org.nr", "tlf", "sporingsnummer" ...) cut it to below any sensible threshold. A strong ID, account or card word
   anywhere in the same part (a spreadsheet's column header) raises it less.

Base confidences (before context), chosen so that the default threshold 0.5 means "more likely an ID than not":

- A fødselsnummer passing the date and both control digits: 0.8. A random 11-digit string passes K1 and K2 with
  p = 1/121 and has a valid DDMMYY date with p ~ 0.036, so ~1 in 3,300 random numbers qualify; the numbers that
  reach a mailbox are not random, though: 11-digit KID numbers with a MOD11 check digit pass K2 by construction (the
  weights are the same), leaving ~1 in 300, which is why "KID" and its kin veto. D-, H- and synthetic numbers:
  0.7-0.75; numbers valid only under the 2032 K1 rule (four K1 values allowed; none is issued before 2032, and until
  then such a number is far more likely a bank account, which passes K2 by construction): 0.55 of that, so they
  need an ID or person word.
- Swedish personnummer with its separator (Luhn 1/10 and a date): 0.75; 12 digits: 0.8; 10 digits without
  separator: 0.6 (also a plain telephone-like string). A 12-digit number whose last four digits read as HH:MM is
  likely a timestamp: x 0.6.
- Danish CPR (no check digit since 2007, so only the date): 0.35 with a dash, 0.3 without; 0.4 if it also passes
  the old modulus 11. It needs an ID or person word to pass 0.5.
- Finnish HETU (mod-31 character, century sign): 0.85.
- Norwegian account (mod 11 only: 1 in 11 random numbers pass): 0.3, or 0.45 in the ``4.2.5`` layout; an account
  word near it is needed. An 11-digit number that is both a valid fødselsnummer and account is an account only when
  the nearest context word is an account word.
- IBAN (mod 97 + country length): 0.85, except near invoice words (an organisation's own account on an invoice).
- Payment card (Luhn + IIN + length; ~1 in 50 random 16-digit numbers): 0.6 in groups of four, 0.45 unbroken.

Findings below ``IdRules.min_report`` (0.15) are dropped; the classifier applies the per-category thresholds.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import regex

from hygiene.domain.detect.checks import (
    IBAN_LENGTHS,
    card_network,
    dk_cpr_date_valid,
    dk_cpr_mod11,
    fi_hetu_valid,
    iban_valid,
    luhn_valid,
    no_account_valid,
    no_fnr_kind,
    no_fnr_rule,
    se_pnr_kind,
    se_pnr_valid,
)
from hygiene.domain.verdict import Finding

__all__ = [
    "CONTEXT_GROUPS",
    "KINDS",
    "IdRules",
    "dk_cpr_date_valid",
    "fi_hetu_valid",
    "find_ids",
    "has_id_candidate",
    "iban_valid",
    "luhn_valid",
    "no_account_valid",
    "no_fnr_kind",
    "se_pnr_valid",
]

KINDS: Mapping[str, str] = MappingProxyType(
    {
        "no_fnr": "national_id",
        "no_dnr": "national_id",
        "no_hnr": "national_id",
        "no_synthetic_fnr": "national_id",
        "se_pnr": "national_id",
        "se_samordningsnr": "national_id",
        "dk_cpr": "national_id",
        "fi_hetu": "national_id",
        "no_account": "bank_account",
        "iban": "bank_account",
        "payment_card": "payment_card",
    }
)
"""Every kind this module reports, with its category."""

LANGUAGES = ("nb", "nn", "sv", "da", "en", "fi")

CONTEXT_GROUPS = ("national_id", "cpr", "person", "account", "card", "invoice", "negative")
"""Keyword groups: ID names, Danish-only ID names (decide CPR over Swedish), words about a person, account words,
card words, invoice words (lower IBAN and account confidence) and other precision guards."""

# Keywords match case-insensitively at a word start; a trailing "*" allows any letters after (fødselsnummer*
# matches "fødselsnummeret"), otherwise the keyword must end at a word end ("konto" does not match "kontor").
_DEFAULT_CONTEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "national_id": {
        "nb": ("fødselsnummer*", "fødselsnr", "fødselsnr.", "fnr", "fnr.", "f.nr", "f.nr.", "f-nr", "personnummer*",
               "personnr", "personnr.", "pnr", "pnr.", "p.nr", "d-nummer*", "dnr", "d-nr", "h-nummer*",
               "personidentifikator*", "fødselsnumre*", "identitetsnummer*", "id-nummer*", "pers.nr"),
        "nn": ("fødselsnummer*", "fødselsnumm*", "fnr", "personnummer*", "d-nummer*"),
        "sv": ("personnummer*", "personnr", "personnr.", "pnr", "pers.nr", "person-nr", "samordningsnummer*",
               "samordningsnr", "personnumret", "personnumren", "identitetsnummer*"),
        "da": ("cpr*", "cpr-nr", "cpr-nr.", "cpr.nr", "cpr.nr.", "cpr-nummer*", "personnummer*", "personnr",
               "personnr."),
        "en": ("national id*", "national identity number*", "identity number*", "id number*", "personal number*",
               "personal id*", "personal identity number*", "social security*", "ssn", "birth number*",
               "national insurance number*", "coordination number*", "d-number*", "h-number*"),
        "fi": ("henkilötunnus*", "hetu", "sotu", "henkilötunnu*", "personbeteckning*"),
    },
    "cpr": {
        "da": ("cpr*", "cpr-nr", "cpr-nr.", "cpr.nr", "cpr.nr.", "cpr-nummer*", "cprnr", "cpr nr", "cpr nr."),
    },
    "person": {
        "nb": ("født", "født den", "fødd", "fødselsdato", "pasient*", "elev", "eleven", "elevens", "barnet*",
               "barn", "søker", "søkeren", "ansatt", "bruker", "brukeren", "beboer*", "klient*", "sønn*",
               "datter", "dattera", "dotter*", "navn", "deltaker*"),
        "nn": ("fødd", "fødde", "pasient*", "elev*", "barnet", "søkjar*", "tilsett*", "dotter*"),
        "sv": ("född", "födelsedatum", "patient*", "elev*", "barnet*", "sökande*", "anställd*", "brukare*",
               "dotter", "son", "sonen", "namn", "deltagare*"),
        "da": ("født", "fødselsdato", "patient*", "elev*", "barnet*", "ansøger*", "ansat*", "borger*", "datter",
               "søn", "navn", "medlem*"),
        "en": ("born", "date of birth", "dob", "patient*", "student*", "pupil*", "employee*", "applicant*",
               "daughter", "son", "name", "participant*", "resident*", "client*", "nominee*"),
        "fi": ("syntynyt", "syntymäaika", "potilas*", "oppilas*"),
    },
    "account": {
        "nb": ("konto", "kontoen", "kontonr", "kontonr.", "konto nr", "konto nr.", "konto-nr", "kontonummer*",
               "bankkonto*", "lønnskonto*", "brukskonto*", "sparekonto*", "kontoutskrift*"),
        "nn": ("konto", "kontoen", "kontonr", "kontonummer*", "bankkonto*"),
        "sv": ("konto", "kontot", "kontonr", "kontonummer*", "bankkonto*", "clearingnummer*", "clearingnr"),
        "da": ("konto", "kontoen", "kontonr", "kontonr.", "kontonummer*", "bankkonto*", "reg.nr", "reg.nr.",
               "nemkonto*"),
        "en": ("account*", "acct", "acc.", "acc", "bank account*", "iban", "bic", "swift", "sort code"),
        "fi": ("tilinumero*", "tili", "tilille"),
    },
    "card": {
        "nb": ("kort", "kortet", "kortnr", "kortnr.", "kortnummer*", "kortnummeret", "betalingskort*",
               "kredittkort*", "debetkort*", "bankkort*", "visa", "visakort*", "mastercard", "amex",
               "american express", "maestro", "dankort", "cvc", "cvv", "cvc2", "cvv2", "utløpsdato", "utløper",
               "gyldig til", "gyldig t.o.m."),
        "nn": ("kort", "kortet", "kortnummer*", "betalingskort*", "kredittkort*", "bankkort*"),
        "sv": ("kort", "kortet", "kortnr", "kortnummer*", "kortnumret", "betalkort*", "kreditkort*",
               "bankkort*", "kontokort*", "giltigt till", "giltighetstid", "utgångsdatum"),
        "da": ("kort", "kortet", "kortnr", "kortnummer*", "betalingskort*", "kreditkort*", "hævekort*",
               "udløbsdato"),
        "en": ("card*", "credit card*", "debit card*", "card number*", "card no", "card no.", "visa",
               "mastercard", "amex", "american express", "maestro", "expiry", "expires", "exp", "exp.",
               "valid thru", "valid through", "security code", "cvc", "cvv"),
        "fi": ("kortti*", "korttinumero*", "luottokortti*"),
    },
    "invoice": {
        "nb": ("faktura*", "fakturanr", "fakturanr.", "forfall*", "forfallsdato", "å betale", "beløp",
               "betalingsinformasjon", "betales til", "mottaker*", "leverandør*", "vår konto", "vårt kontonummer"),
        "nn": ("faktura*", "forfall*", "beløp"),
        "sv": ("faktura*", "fakturanr", "förfallodatum", "att betala", "belopp", "bankgiro*", "plusgiro*",
               "betalningsmottagare", "vårt konto"),
        "da": ("faktura*", "fakturanr", "forfald*", "beløb", "at betale", "vores konto"),
        "en": ("invoice*", "due date", "amount due", "payable*", "remit*", "our account", "our bank",
               "beneficiary", "payee"),
        "fi": ("lasku*", "eräpäivä"),
    },
    "negative": {
        "nb": ("kid", "kid-nr", "kid-nr.", "kidnr", "kid-nummer*", "kidnummer*", "ocr", "ocr-nummer*",
               "betalingsreferanse*", "referanse*", "referansenummer*", "ref", "ref.", "ref.nr", "refnr",
               "fakturanummer*", "fakturanr", "fakturanr.", "faktura nr", "faktura nr.", "faktura-nr",
               "ordre*", "ordrenr", "ordrenummer*", "bestillingsnummer*", "bestillingsnr", "saksnr", "saksnr.",
               "saksnummer*", "sak nr", "sak nr.", "journalnr", "journalnummer*", "arkivnr*", "dokumentnr*",
               "tlf", "tlf.", "telefon*", "telefonnr*", "mobil*", "mob", "mob.", "fax", "faks", "sentralbord*",
               "org.nr", "org.nr.", "orgnr", "orgnr.", "org nr", "org. nr", "org. nr.", "org-nr", "org.nummer",
               "organisasjonsnummer*", "foretaksregisteret", "mva", "mva-nr", "sporingsnummer*", "sporing*",
               "sendingsnummer*", "sendingsnr", "kollinummer*", "kolli-id", "pakkenummer*", "forsendelse*",
               "kundenummer*", "kundenr", "kundenr.", "kunde-nr", "avtalenummer*", "avtalenr", "polisenummer*",
               "polise", "skadenummer*", "serienummer*", "serienr", "varenummer*", "varenr", "artikkelnummer*",
               "lisens*", "billett*", "bilettnr", "booking*", "bookingnummer*", "reservasjon*", "møte-id",
               "møtenummer*", "passord", "kode", "pin", "isbn", "issn", "ean", "gln", "gtin", "versjon",
               "tidspunkt", "tidsstempel", "dato", "kl.", "kl", "klokka", "timestamp"),
        "nn": ("kid", "kid-nummer*", "ocr", "referanse*", "fakturanummer*", "ordrenummer*", "saksnummer*",
               "saksnr", "tlf", "tlf.", "telefon*", "mobil*", "org.nr", "orgnr", "organisasjonsnummer*",
               "sporingsnummer*", "kundenummer*"),
        "sv": ("ocr", "ocr-nummer*", "ocr-nr", "ocr-referens*", "ocrnummer*", "referens*", "referensnummer*",
               "betalningsreferens*", "fakturanummer*", "fakturanr", "fakturanr.", "faktura nr", "ordernummer*",
               "ordernr", "ordernr.", "order nr", "beställningsnummer*", "ärendenummer*", "ärendenr",
               "ärende nr", "diarienummer*", "diarienr", "diarienr.", "dossiernummer*", "tel",
               "tel.", "telefon*", "telefonnummer*", "mobil*", "mobilnummer*", "växel*", "orgnr", "orgnr.",
               "org.nr", "org.nr.", "org nr", "organisationsnummer*", "momsreg*", "momsregistreringsnummer*",
               "bankgiro*", "plusgiro*", "postgiro*", "bg", "pg", "kolli-id", "kollinummer*", "sändningsnummer*",
               "sändnings-id", "spårningsnummer*", "kundnummer*", "kundnr", "avtalsnummer*", "försäkringsnummer*",
               "serienummer*", "artikelnummer*", "biljett*", "bokningsnummer*", "bokning*", "möte-id",
               "datum", "tid", "klockan", "kl."),
        "da": ("cvr*", "cvr-nr", "cvr-nr.", "cvr.nr", "cvr-nummer*", "se-nr", "se-nr.", "ean-nr", "ean",
               "fakturanummer*", "fakturanr", "fakturanr.", "ordrenummer*", "ordrenr", "ordrenr.", "sagsnr",
               "sagsnr.", "sagsnummer*", "journalnr", "journalnummer*", "referencenummer*", "reference*", "ref",
               "ref.", "tlf", "tlf.", "telefon*", "telefonnr*", "mobil*", "mobilnr*", "fax", "kundenummer*",
               "kundenr", "pakkenummer*", "forsendelsesnummer*", "sporingsnummer*", "track & trace",
               "kortnummer på dit medlemskort", "bestillingsnummer*", "policenummer*", "fakturadato",
               "betalingsid", "fik-nummer*", "fi-nummer*", "+71", "dato", "kl."),
        "en": ("kid", "ocr", "invoice no", "invoice no.", "invoice number*", "invoice #", "inv. no",
               "inv no", "order no", "order no.", "order number*", "order #", "order id", "po number*",
               "purchase order*", "reference*", "ref", "ref.", "ref no", "ref. no.", "case no", "case no.",
               "case number*", "case id", "ticket*", "ticket id", "tel", "tel.", "telephone*", "phone*", "mobile*",
               "cell", "fax", "org.nr", "org no", "org. no.", "organisation number*", "organization number*",
               "company number*", "company reg*", "registration number*", "reg. no", "vat*", "tax id*",
               "tracking*", "tracking number*", "tracking id", "shipment*", "parcel*", "consignment*",
               "customer number*", "customer no", "customer id", "account manager", "member number*",
               "membership number*", "policy number*", "serial*", "serial number*", "sku", "isbn", "issn",
               "ean", "gtin", "meeting id", "conference id", "passcode", "pin", "booking*", "confirmation*",
               "transaction*", "transaction id", "version", "build", "timestamp", "date", "time"),
        "fi": ("y-tunnus", "viitenumero*", "viite", "laskun numero*", "tilausnumero*", "puh", "puh.",
               "puhelin*", "asiakasnumero*"),
    },
}  # fmt: skip


def _freeze_context(context: Mapping[str, Mapping[str, Iterable[str]]]) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    return MappingProxyType(
        {
            group: MappingProxyType({lang: tuple(words) for lang, words in by_lang.items()})
            for group, by_lang in context.items()
        }
    )


DEFAULT_CONTEXT = _freeze_context(_DEFAULT_CONTEXT)
"""The built-in keyword lists: ``DEFAULT_CONTEXT[group][language]``."""


def _normalise_value(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()


def _keyword_pattern(word: str) -> str:
    prefix = word.endswith("*")
    word = word.rstrip("*").strip().lower()
    body = r"\s+".join(regex.escape(part) for part in word.split())
    return body + (r"\p{L}*" if prefix else "")


@functools.lru_cache(maxsize=16)
def _compile_keywords(key: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]) -> regex.Pattern[str]:
    """One alternation over every keyword; the named group (duplicate names allowed) says which group matched."""
    context = {group: dict(by_lang) for group, by_lang in key}
    entries: dict[tuple[str, str], int] = {}
    for group in CONTEXT_GROUPS:
        for words in context.get(group, {}).values():
            for word in words:
                if word.strip("* "):
                    entries.setdefault((group, word.lower()), len(word.rstrip("*")))
    # Longest first, so that "date of birth" wins over "date" and "kid-nummer" over "kid".
    ordered = sorted(entries, key=lambda item: (-entries[item], item[1]))
    alternatives = "|".join(f"(?P<{group}>{_keyword_pattern(word)})" for group, word in ordered)
    if not alternatives:
        alternatives = r"(?P<none>(?!))"
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.V0)


@dataclass(frozen=True, slots=True)
class IdRules:
    """The rules for identifiers: which kinds are reported, the context words and how far to look for them.

    ``enabled``: kinds to report (see `KINDS`). ``context``: keyword lists, ``context[group][language]``, groups as in
    `CONTEXT_GROUPS`; all languages are searched in every text (mail mixes languages). ``window_before`` /
    ``window_after``: characters searched for the nearest keyword before / after a number. ``deny``: values that are
    never reported, compared after removing everything but letters and digits (e.g. the organisation's own account
    number, IBAN, or numbers of its test persons); use it only for numbers that are not a person's (they sit in the
    rules file in the clear). ``min_report``: findings below this confidence are not returned at all.

    Build one from a rules file's ``[ids]`` table with `from_mapping`.
    """

    enabled: frozenset[str] = frozenset(KINDS)
    context: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=lambda: DEFAULT_CONTEXT)
    window_before: int = 60
    window_after: int = 30
    deny: frozenset[str] = frozenset()
    min_report: float = 0.15
    _keywords: Any = field(init=False, repr=False, compare=False, hash=False, default=None)
    _deny: frozenset[str] = field(init=False, repr=False, compare=False, hash=False, default=frozenset())

    def __post_init__(self) -> None:
        unknown = sorted(set(self.enabled) - set(KINDS))
        if unknown:
            raise ValueError(f"ids.enabled has unknown kinds {unknown}; use {sorted(KINDS)}")
        object.__setattr__(self, "context", _freeze_context(self.context))
        key = tuple(
            (group, tuple((lang, tuple(words)) for lang, words in sorted(self.context[group].items())))
            for group in sorted(self.context)
        )
        object.__setattr__(self, "_keywords", _compile_keywords(key))
        object.__setattr__(self, "_deny", frozenset(_normalise_value(value) for value in self.deny))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, *, source: str = "ids") -> IdRules:
        """Rules from the ``[ids]`` table of a rules file, on top of the built-in defaults.

        Keys (all optional): ``enabled`` (list of kinds) or ``disabled`` (kinds to switch off), ``window_before``,
        ``window_after`` (characters, 0-1000), ``min_report`` (0-1), ``deny`` (list of values),
        ``context.<group>.<language>`` (list of keywords: replaces that list) and ``extra_context.<group>.<language>``
        (list of keywords: added to it). ``source`` names the table in error messages.

        Raises:
            ValueError: an unknown key, kind, group or language, or a value of the wrong type (the message names the
                key).
        """
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError(f"{source} must be a table, not {type(data).__name__}")
        allowed = {"enabled", "disabled", "window_before", "window_after", "min_report", "deny", "context",
                   "extra_context"}  # fmt: skip
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ValueError(f"{source} has unknown keys {unknown}; allowed: {sorted(allowed)}")
        kwargs: dict[str, Any] = {}
        if "enabled" in data and "disabled" in data:
            raise ValueError(f"{source}: give either enabled or disabled, not both")
        if "enabled" in data:
            kwargs["enabled"] = frozenset(_str_list(data["enabled"], f"{source}.enabled"))
        if "disabled" in data:
            off = set(_str_list(data["disabled"], f"{source}.disabled"))
            unknown = sorted(off - set(KINDS))
            if unknown:
                raise ValueError(f"{source}.disabled has unknown kinds {unknown}; use {sorted(KINDS)}")
            kwargs["enabled"] = frozenset(KINDS) - off
        for key in ("window_before", "window_after"):
            if key in data:
                value = data[key]
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
                    raise ValueError(f"{source}.{key} must be an integer 0-1000, not {value!r}")
                kwargs[key] = value
        if "min_report" in data:
            value = data["min_report"]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"{source}.min_report must be a number 0-1, not {value!r}")
            kwargs["min_report"] = float(value)
        if "deny" in data:
            kwargs["deny"] = frozenset(_str_list(data["deny"], f"{source}.deny"))
        context = {group: dict(by_lang) for group, by_lang in DEFAULT_CONTEXT.items()}
        for key, replace in (("context", True), ("extra_context", False)):
            table = data.get(key)
            if table is None:
                continue
            if not isinstance(table, Mapping):
                raise ValueError(f"{source}.{key} must be a table of groups")
            for group, by_lang in table.items():
                if group not in CONTEXT_GROUPS:
                    raise ValueError(f"{source}.{key} has unknown group {group!r}; use {list(CONTEXT_GROUPS)}")
                if not isinstance(by_lang, Mapping):
                    raise ValueError(f"{source}.{key}.{group} must be a table of languages")
                for lang, words in by_lang.items():
                    if lang not in LANGUAGES:
                        raise ValueError(f"{source}.{key}.{group} has unknown language {lang!r}; use {list(LANGUAGES)}")
                    listed = tuple(_str_list(words, f"{source}.{key}.{group}.{lang}"))
                    current = context.setdefault(group, {}).get(lang, ())
                    context[group][lang] = listed if replace else current + listed
        kwargs["context"] = context
        return cls(**kwargs)

    def category(self, kind: str) -> str:
        """The category of ``kind``."""
        return KINDS[kind]


def _str_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return list(value)


# --- candidates -------------------------------------------------------------------------------------------------

_SPACE = "[ \t\u00a0\u2007\u2009\u202f]"
_SEP = rf"(?:{_SPACE}{{1,3}}|{_SPACE}{{0,3}}\r?\n{_SPACE}{{0,8}}|[-\u2010\u2011\u2013.+])"
# A run of at least ten ASCII digits joined by single separators, not glued to a letter or digit before it.
_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}])[0-9](?:{_SEP}?[0-9]){{9,}}")
_GROUP = regex.compile(r"[0-9]+")
_HETU = regex.compile(r"(?<![\p{L}\p{N}])([0-9]{6})([-+A-FU-Ya-fu-y])([0-9]{3})([0-9A-Ya-y])(?![\p{L}\p{N}])")
_IBAN = regex.compile(r"(?<![\p{L}\p{N}])([A-Z]{2}[0-9]{2})((?:[ \u00a0]?[A-Z0-9]){8,32})")
_HHMM = regex.compile(r"(?:[01][0-9]|2[0-3])[0-5][0-9]")

# Layouts (digits per group) a span may have; "1" * n layouts only when the span is the whole run.
_LAYOUTS: dict[tuple[int, ...], str] = {
    (11,): "plain",
    (6, 5): "person",
    (2, 2, 2, 5): "person",
    (6, 3, 2): "person",
    (2, 2, 2, 3, 2): "person",
    (4, 2, 5): "account",
    (10,): "plain",
    (6, 4): "person",
    (2, 2, 2, 4): "person",
    (12,): "plain",
    (8, 4): "person",
    (4, 6, 5): "card",
    (4, 6, 4): "card",
    (4, 4, 4, 4): "card",
    (4, 4, 4, 1): "card",
    (4, 4, 4, 2): "card",
    (4, 4, 4, 3): "card",
    (4, 4, 4, 4, 1): "card",
    (4, 4, 4, 4, 2): "card",
    (4, 4, 4, 4, 3): "card",
    (4, 4, 4, 4, 4): "card",
    (4, 4, 5): "card",
}
_LAYOUTS.update({(n,): "plain" for n in range(13, 20)})
_PREFIXES = frozenset(layout[:i] for layout in _LAYOUTS for i in range(1, len(layout) + 1))


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    digits: str
    layout: str  # plain | person | account | card | split
    sep: str  # "", " ", "-", ".", "+", "\n"
    sub_span: bool


def _sep_class(sep: str) -> str:
    if "\n" in sep:
        return "\n"
    if sep.strip(" \t\u00a0\u2007\u2009\u202f") == "":
        return " "
    if sep in ("\u2010", "\u2011", "\u2013"):
        return "-"
    return sep


def _run_candidates(text: str, start: int, end: int) -> Iterable[_Candidate]:
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(text, start, end)]
    if end < len(text) and text[end].isalpha():  # glued to a word ("12345678901kr"): not a clean number
        groups.pop()
        if not groups:
            return
    seps = [_sep_class(text[groups[i][1] : groups[i + 1][0]]) for i in range(len(groups) - 1)]
    count = len(groups)
    lengths = [e - s for s, e in groups]
    total_digits = sum(lengths)
    # The whole run in single digits, or broken by a line break (HTML rendering): any layout of 10-12 digits.
    if count > 1 and 10 <= total_digits <= 12 and (all(n == 1 for n in lengths) or "\n" in seps):
        kinds = set(seps)
        if len(kinds) == 1 or kinds <= {"\n", " "}:
            digits = "".join(text[s:e] for s, e in groups)
            yield _Candidate(groups[0][0], groups[-1][1], digits, "split", seps[0], False)
    for i in range(count):
        layout: tuple[int, ...] = ()
        for j in range(i, count):
            layout += (lengths[j],)
            if layout not in _PREFIXES:
                break
            if j > i and seps[j - 1] != seps[i]:
                break
            kind = _LAYOUTS.get(layout)
            if kind is None:
                continue
            sep = seps[i] if j > i else ""
            if sep == "\n" and len(layout) > 2:
                continue
            if sep == "+" and layout not in ((6, 4),):
                continue
            digits = "".join(text[s:e] for s, e in groups[i : j + 1])
            yield _Candidate(groups[i][0], groups[j][1], digits, kind, sep, i > 0 or j < count - 1)


def has_id_candidate(text: str) -> bool:
    """Cheap prescreen: False only if `find_ids` cannot find anything in ``text`` (no run of ten digits, HETU, IBAN)."""
    return bool(_RUN.search(text) or _HETU.search(text) or _IBAN.search(text))


# --- context ----------------------------------------------------------------------------------------------------

_ID_KINDS = frozenset(kind for kind, category in KINDS.items() if category == "national_id")


@dataclass(slots=True)
class _Context:
    """Keyword evidence around one span: the nearest group and, lazily, groups anywhere in the part."""

    text: str
    rules: IdRules
    _part_groups: frozenset[str] | None = None

    def nearest(self, start: int, end: int) -> str | None:
        """The group of the keyword nearest before the span (a person word only if no other group is there), else
        of the first keyword after it, else None."""
        pattern = self.rules._keywords
        strong = weak = None
        lo = max(0, start - self.rules.window_before)
        for match in pattern.finditer(self.text, lo, start):
            if match.lastgroup == "person":
                weak = match.lastgroup
            else:
                strong = match.lastgroup
        if strong or weak:
            return strong or weak
        hi = min(len(self.text), end + self.rules.window_after)
        match = pattern.search(self.text, end, hi)
        return match.lastgroup if match is not None else None

    def part_groups(self) -> frozenset[str]:
        if self._part_groups is None:
            self._part_groups = frozenset(m.lastgroup for m in self.rules._keywords.finditer(self.text))
        return self._part_groups


def _raise(confidence: float, keep: float) -> float:
    """Move ``confidence`` towards 1, keeping ``keep`` of the remaining doubt."""
    return 1.0 - (1.0 - confidence) * keep


def _score(kind: str, base: float, context: _Context, start: int, end: int) -> float:
    near = context.nearest(start, end)
    category = KINDS[kind]
    if near == "negative":
        return base * 0.3
    if category == "national_id":
        if near in ("national_id", "cpr"):
            return _raise(base, 0.12)
        if near == "person":
            return _raise(base, 0.5)
        if near == "invoice":
            return base * 0.5
        if near in ("account", "card"):
            return base * 0.6
        groups = context.part_groups()
        if "national_id" in groups or "cpr" in groups:
            return _raise(base, 0.6)
        return base
    wanted = "card" if category == "payment_card" else "account"
    if near == wanted or (kind == "iban" and near == "card"):
        return _raise(base, 0.15)
    if near == "invoice":
        return base * 0.35
    if near in ("national_id", "cpr"):
        return base * 0.7
    if near == "person" and kind != "iban":
        return _raise(base, 0.85)
    groups = context.part_groups()
    if wanted in groups and "invoice" not in groups:
        return _raise(base, 0.6 if category == "payment_card" else 0.75)
    return base


# --- find -------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    kind: str
    start: int
    end: int
    confidence: float
    priority: int  # breaks ties between overlapping hits: IBAN over the digits inside it


def _fnr_base(kind: str, rule: str | None) -> float:
    base = {"no_fnr": 0.8, "no_dnr": 0.75, "no_hnr": 0.7, "no_synthetic_fnr": 0.7}[kind]
    return base if rule == "classic" else base * 0.55


def _layout_factor(candidate: _Candidate) -> float:
    factor = 0.9 if candidate.layout == "split" else 1.0
    return factor * (0.85 if candidate.sub_span else 1.0)


def _eleven(candidate: _Candidate, rules: IdRules, context: _Context) -> _Hit | None:
    digits = candidate.digits
    fnr = no_fnr_kind(digits)
    account = no_account_valid(digits)
    factor = _layout_factor(candidate)
    if fnr is not None and fnr in rules.enabled:
        near = context.nearest(candidate.start, candidate.end)
        if not (account and (near == "account" or (near is None and candidate.layout == "account"))):
            base = _fnr_base(fnr, no_fnr_rule(digits))
            if candidate.layout == "account":  # 4.2.5 is how accounts are written, not fødselsnumre
                base *= 0.6
            return _Hit(fnr, candidate.start, candidate.end, _score(fnr, base * factor, context, *_span(candidate)), 1)
    if account and "no_account" in rules.enabled:
        base = 0.45 if candidate.layout == "account" else 0.3
        confidence = _score("no_account", base * factor, context, *_span(candidate))
        return _Hit("no_account", candidate.start, candidate.end, confidence, 1)
    return None


def _span(candidate: _Candidate) -> tuple[int, int]:
    return candidate.start, candidate.end


def _ten(candidate: _Candidate, rules: IdRules, context: _Context, language: str | None) -> _Hit | None:
    digits = candidate.digits
    factor = _layout_factor(candidate)
    if candidate.sep in ("-", "+") and candidate.layout == "person":
        hetu = digits[:6] + candidate.sep + digits[6:]
        if "fi_hetu" in rules.enabled and fi_hetu_valid(hetu):
            return _Hit("fi_hetu", candidate.start, candidate.end, _score("fi_hetu", 0.85 * factor, context,
                                                                          *_span(candidate)), 1)  # fmt: skip
    se = se_pnr_kind(digits, century_sign="+" if candidate.sep == "+" else "-")
    dk = candidate.sep != "+" and dk_cpr_date_valid(digits)
    if se is not None and se not in rules.enabled:
        se = None
    if dk and "dk_cpr" not in rules.enabled:
        dk = False
    if se is None and not dk:
        return None
    if se is not None and dk:
        near = context.nearest(candidate.start, candidate.end)
        danish = near == "cpr" or (near is None and "cpr" in context.part_groups()) or language == "da"
        if not danish:
            dk = False
        else:
            se = None
    if se is not None:
        base = 0.75 if candidate.sep in ("-", "+") else 0.6
        return _Hit(se, candidate.start, candidate.end, _score(se, base * factor, context, *_span(candidate)), 1)
    base = 0.35 if candidate.sep == "-" else 0.3
    if dk_cpr_mod11(digits):
        base += 0.05
    confidence = _score("dk_cpr", base * factor, context, *_span(candidate))
    return _Hit("dk_cpr", candidate.start, candidate.end, confidence, 1)


def _twelve(candidate: _Candidate, rules: IdRules, context: _Context) -> _Hit | None:
    if candidate.sep not in ("", "-", "+", "\n", " ") or candidate.layout not in ("plain", "person", "split"):
        return None
    kind = se_pnr_kind(candidate.digits)
    if kind is None or kind not in rules.enabled:
        return None
    base = 0.8 * _layout_factor(candidate)
    if candidate.layout == "plain" and _HHMM.fullmatch(candidate.digits, 8):
        base *= 0.6  # YYYYMMDDHHMM: a timestamp as likely as a personnummer
    return _Hit(kind, candidate.start, candidate.end, _score(kind, base, context, *_span(candidate)), 1)


def _card(candidate: _Candidate, rules: IdRules, context: _Context) -> _Hit | None:
    if "payment_card" not in rules.enabled or candidate.sep not in ("", " ", "-"):
        return None
    if candidate.layout not in ("plain", "card"):
        return None
    digits = candidate.digits
    if not luhn_valid(digits) or card_network(digits) is None:
        return None
    base = (0.6 if candidate.layout == "card" else 0.45) * _layout_factor(candidate)
    return _Hit("payment_card", candidate.start, candidate.end, _score("payment_card", base, context,
                                                                       *_span(candidate)), 1)  # fmt: skip


def find_ids(text: str, where: str, rules: IdRules, language: str | None = None) -> list[Finding]:
    """Every national ID, bank account and payment card number in ``text``, as findings at ``where``.

    ``language`` (nb, nn, sv, da, en or None) only breaks ties between kinds a number satisfies at once (a 10-digit
    number valid as both a Swedish personnummer and a Danish CPR). Offsets are offsets into ``text``; findings are
    sorted by position and never overlap. Pure, thread-safe and linear in ``len(text)``.
    """
    if not text:
        return []
    context = _Context(text, rules)
    hits: list[_Hit] = []
    deny = rules._deny
    for match in _IBAN.finditer(text):
        hit = _iban_hit(text, match, rules, context)
        if hit is not None and _normalise_value(text[hit.start : hit.end]) not in deny:
            hits.append(hit)
    if "fi_hetu" in rules.enabled:
        for match in _HETU.finditer(text):
            sign, check = match.group(2), match.group(4)
            if sign in "-+" and check.isdigit():
                continue  # all digits: the digit-run pass below handles it (also as SE/DK)
            value = match.group(0).upper()
            if fi_hetu_valid(value) and _normalise_value(value) not in deny:
                hits.append(_Hit("fi_hetu", match.start(), match.end(),
                                 _score("fi_hetu", 0.85, context, match.start(), match.end()), 1))  # fmt: skip
    for match in _RUN.finditer(text):
        for candidate in _run_candidates(text, match.start(), match.end()):
            size = len(candidate.digits)
            if size == 11:
                hit = _eleven(candidate, rules, context)
            elif size == 10:
                hit = _ten(candidate, rules, context, language)
            elif size == 12:
                hit = _twelve(candidate, rules, context)
            else:
                hit = _card(candidate, rules, context)
            if hit is not None and candidate.digits not in deny:
                hits.append(hit)
    return [
        Finding(hit.kind, KINDS[hit.kind], where, hit.start, hit.end, round(min(1.0, hit.confidence), 4))
        for hit in _resolve(hits)
        if hit.confidence >= rules.min_report
    ]


def _iban_hit(text: str, match: regex.Match[str], rules: IdRules, context: _Context) -> _Hit | None:
    if "iban" not in rules.enabled:
        return None
    length = IBAN_LENGTHS.get(match.group(1)[:2])
    if length is None:
        return None
    wanted = length - 4
    taken = 0
    end = match.start(2)
    for index in range(match.start(2), match.end(2)):
        if text[index].isalnum():
            taken += 1
            if taken == wanted:
                end = index + 1
                break
    if taken < wanted or (end < len(text) and text[end].isalnum()):
        return None
    compact = "".join(ch for ch in text[match.start() : end] if ch.isalnum())
    if not iban_valid(compact):
        return None
    return _Hit("iban", match.start(), end, _score("iban", 0.85, context, match.start(), end), 2)


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Overlapping hits: keep the one with the higher priority, then confidence, then the longer span."""
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    kept: list[_Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            last = kept[-1]
            mine = (hit.priority, hit.confidence, hit.end - hit.start)
            if mine > (last.priority, last.confidence, last.end - last.start):
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept
