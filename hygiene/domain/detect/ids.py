"""Identifiers in text: national identity numbers, bank accounts and payment cards (pure, linear time).

`find_ids(text, where, rules)` returns one `Finding` per identifier, with a confidence in [0, 1] that combines how
strong the number's own checks are with the words around it. It never returns or keeps the value.

How it works, in three cheap steps:

1. *Candidates.* One linear regex pass finds runs of ASCII digits joined by single separators (spaces, no-break
   spaces, ``-``, ``.``, ``+``, one line break) and Finnish HETUs with a letter (``141101A0049``); runs with fewer
   than ten digits are skipped by the regex itself, runs glued to a letter or after a ``+`` (phone numbers) in
   Python. A second pass finds IBANs. Inside a run, only spans made of whole digit groups in a known layout are
   tried (``11``, ``6 5``, ``2 2 2 5``, ``15.12.83 45334``, ``15.12.1983 45334``, ``4.2.5``, ``6-4``, ``8-4``,
   ``4 4 4 4`` ...), so an ID is never cut out of a longer number, and single-digit layouts (``1 7 0 4 ...``) count
   only when they make up the whole run.
2. *Checks.* Each span is validated (`hygiene.domain.detect.checks`): both fødselsnummer control digits and the date,
   Luhn and date for Swedish numbers, the mod-31 character for HETU, the date for CPR, mod 11 for Norwegian
   accounts, mod 97 and the country length for IBAN, Luhn plus the card network's IIN range and length for cards.
3. *Context.* Keywords (one Aho-Corasick automaton over all groups and languages) near the number move the
   confidence; the nearest one before it (within ``window_before`` characters) counts, else one after it on the
   same line (within ``window_after``), person words only when nothing else is there (`_Context.nearest`). ID
   words ("fødselsnummer", "personnummer", "CPR") raise it a lot, person words ("født", "pasient", "elev") a
   little, and precision guards ("KID", "faktura", "org.nr", "tlf", "sporingsnummer" ...) cut it to below any
   sensible threshold. A strong ID, account or card word anywhere in the same part (a spreadsheet's column
   header) raises it less.

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
  the old modulus 11. It needs an ID word to pass 0.5 (outside Danish text: a CPR word); a person word is enough
  only for a number that passes the old modulus.
- Finnish HETU (mod-31 character, century sign): 0.85.
- Norwegian account (mod 11 only: 1 in 11 random numbers pass): 0.3, or 0.45 in the ``4.2.5`` layout; an account
  word ("kontonr.", "bankkonto", "account number") or a word about paying money to a person ("utbetal lønna mi til",
  "overfør til", "sätt in på", "refund") near it is needed. An 11-digit number that is both a valid fødselsnummer
  and account is an account only when the nearest context word is an account word (or, for a number valid only
  under the 2032 rule, a payment word).
- IBAN (mod 97 + country length): 0.85.
- Accounts and IBANs of a company or an organisation are not a person's data (`_score_account`): next to an
  invoice or fee word ("vår konto", "kontingent"), unless the sentence says "mitt/ditt kontonummer", or in a part
  with a company's registration words (org.nr, VAT, bankgiro), a company name ("Sjöby Städ AB") or invoice or fee
  words, unless the sentence makes the account private or the part is about paying a person (payslip, refund,
  salary), they get x 0.35.
- The mail's subject and body lend their words to each other and to the attachments, and an attachment's file name
  counts as its words (`MessageContext`).
- Payment card (Luhn + IIN + length; ~1 in 50 random 16-digit numbers): 0.6 in groups of four, 0.45 unbroken,
  x 0.6 when cut out of a longer run. Published test card numbers (`KNOWN_TEST_NUMBERS`) and placeholders with
  seven equal digits in a row are never reported, nor anything cut out of them.

Spans cut out of a longer run (``1234 19061989121``) get x 0.85, single-digit and line-broken layouts x 0.9.

Findings below ``IdRules.min_report`` (0.15) are dropped; the classifier applies the per-category thresholds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import ahocorasick
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
    no_fnr_years,
    se_pnr_kind,
    se_pnr_valid,
)
from hygiene.domain.verdict import Finding

__all__ = [
    "CONTEXT_GROUPS",
    "KINDS",
    "MAIL_TEXT_PARTS",
    "IdRules",
    "MessageContext",
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

CONTEXT_GROUPS = (
    "national_id", "cpr", "hetu", "person", "account", "payment", "payout", "card", "invoice", "fee", "company",
    "negative",
)  # fmt: skip
"""Keyword groups: ID names, Danish-only and Finnish-only ID names (decide a 10-digit number valid in two countries),
words about a person, account words, words about paying money into an account ("overfør til", "sätt in") and about
paying a person (salary, refunds, expenses: "utbetal lønna mi til"), card words, invoice words (lower IBAN and
account confidence), words about paying an organisation (membership fees, donations: they lower accounts only), a
company's own registration words (organisation number, VAT, bankgiro: a precision guard
next to a number, and a sign that accounts in the part are a company's) and other precision guards."""

_GROUP_PRIORITY = (
    "cpr", "hetu", "company", "negative", "national_id", "account", "card", "invoice", "fee", "payout", "payment",
    "person",
)  # fmt: skip
_GUARDS = frozenset({"negative", "company"})

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
    "hetu": {
        "fi": ("henkilötunnus*", "hetu", "sotu", "personbeteckning*"),
        "en": ("finnish personal identity code*", "finnish id*"),
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
               "bankkonto*", "lønnskonto*", "brukskonto*", "sparekonto*", "kontoutskrift*", "kto", "kto.", "kto.nr",
               "kto.nr.", "ktonr", "bankopplysning*", "bankinformasjon*", "kontoopplysning*", "kontoinformasjon*",
               "bankdetaljer*"),
        "nn": ("konto", "kontoen", "kontonr", "kontonummer*", "bankkonto*", "bankopplysning*",
               "kontoopplysning*"),
        "sv": ("konto", "kontot", "kontonr", "kontonummer*", "kontonumret", "bankkonto*", "clearingnummer*",
               "clearingnr", "bankuppgift*", "kontouppgift*", "bankinformation*"),
        "da": ("konto", "kontoen", "kontonr", "kontonr.", "kontonummer*", "bankkonto*", "reg.nr", "reg.nr.",
               "nemkonto*", "bankoplysning*", "kontooplysning*"),
        "en": ("account*", "acct", "acc.", "acc", "a/c", "bank account*", "iban", "bic", "swift", "sort code",
               "bank details", "banking details", "bank info*"),
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
    "fee": {
        "nb": ("kontingent*", "medlemskontingent*", "deltakeravgift*", "påmeldingsavgift*", "egenandel*",
               "gavekonto*", "innsamling*", "donasjon*", "gi en gave", "gi et bidrag", "støtt oss"),
        "nn": ("kontingent*", "deltakaravgift*", "innsamling*"),
        "sv": ("medlemsavgift*", "anmälningsavgift*", "deltagaravgift*", "insamling*", "gåvokonto*", "ge en gåva",
               "swish"),
        "da": ("kontingent*", "deltagergebyr*", "tilmeldingsgebyr*", "indsamling*", "giv et bidrag", "mobilepay"),
        "en": ("membership fee*", "registration fee*", "donation*", "donate", "fundraising", "fundraiser"),
    },
    "company": {
        "nb": ("org.nr", "org.nr.", "orgnr", "orgnr.", "org nr", "org. nr", "org. nr.", "org-nr", "org.nummer",
               "organisasjonsnummer*", "foretaksregisteret", "enhetsregisteret", "mva", "mva-nr", "mva-nummer*"),
        "nn": ("org.nr", "orgnr", "organisasjonsnummer*", "føretaksregisteret"),
        "sv": ("orgnr", "orgnr.", "org.nr", "org.nr.", "org nr", "organisationsnummer*", "momsreg*",
               "momsregistreringsnummer*", "vat-nr", "bankgiro*", "plusgiro*", "postgiro*", "bg", "pg",
               "godkänd för f-skatt", "f-skattsedel", "innehar f-skatt*"),
        "da": ("cvr*", "cvr-nr", "cvr-nr.", "cvr.nr", "cvr-nummer*", "se-nr", "se-nr."),
        "en": ("org.nr", "org no", "org. no.", "organisation number*", "organization number*", "company number*",
               "company reg*", "vat*", "tax id*"),
        "fi": ("y-tunnus", "alv-numero*"),
    },
    "payment": {
        "nb": ("betal til", "betale til", "betalt til", "betales inn på", "betal inn på", "overfør*", "sett inn",
               "sette inn", "settes inn", "sett pengene inn", "innskudd*"),
        "nn": ("betal til", "betale til", "overfør*", "set inn", "sett inn"),
        "sv": ("betala till", "betala in på", "betalas in på", "sätt in", "sätta in", "sätts in", "insättning*",
               "överför*", "för över", "föra över", "förs över"),
        "da": ("betal til", "betale til", "overfør*", "sæt ind", "sætte ind", "sættes ind", "indsæt*"),
        "en": ("pay to", "pay into", "paid into", "transfer to", "transfer it to", "transferred to", "wire to",
               "wire it to", "deposit to", "deposit into", "deposited into", "paid to"),
        "fi": ("maksa tilille",),
    },
    "payout": {
        "nb": ("utbetal*", "tilbakebetal*", "refunder*", "refusjon*", "lønna", "lønnen", "lønna mi", "lønn til",
               "feriepeng*", "pengene", "pengene mine", "pengene tilbake", "få pengene", "stipend*", "stønad*",
               "trygd*", "honorar*", "reiseregning*", "utlegg*", "lønnsslipp*", "lønnsspesifikasjon*",
               "lønnsutbetaling*", "netto lønn"),
        "nn": ("utbetal*", "tilbakebetal*", "refunder*", "refusjon*", "løna", "lønna", "løn til", "feriepeng*",
               "pengane", "stønad*", "utlegg*"),
        "sv": ("utbetal*", "återbetal*", "refunder*", "lönen", "lön till", "semesterersättning*", "pengarna",
               "pengarna tillbaka", "mina pengar", "arvode*", "ersättning*", "utlägg*", "reseräkning*",
               "lönespecifikation*", "lönebesked*", "löneutbetalning*"),
        "da": ("udbetal*", "tilbagebetal*", "refunder*", "refusion*", "lønnen", "løn til", "feriepeng*",
               "pengene tilbage", "mine penge", "honorar*", "udlæg*", "godtgørelse*", "lønseddel*", "lønsedl*",
               "lønudbetaling*"),
        "en": ("payout*", "pay out", "paid out", "refund*", "reimburs*", "repay*", "salary", "wages", "my pay",
               "my money", "the money", "allowance*", "expense claim*", "stipend*", "payslip*", "pay slip*",
               "payroll"),
        "fi": ("palkka*", "palautus*"),
    },
    "negative": {
        "nb": ("kid", "kid-nr", "kid-nr.", "kidnr", "kid-nummer*", "kidnummer*", "ocr", "ocr-nummer*",
               "betalingsreferanse*", "referanse*", "referansenummer*", "ref", "ref.", "ref.nr", "refnr",
               "fakturanummer*", "fakturanr", "fakturanr.", "faktura nr", "faktura nr.", "faktura-nr",
               "ordre*", "ordrenr", "ordrenummer*", "bestillingsnummer*", "bestillingsnr", "sak", "saksnr", "saksnr.",
               "saksnummer*", "sak nr", "sak nr.", "journalnr", "journalnummer*", "arkivnr*", "dokumentnr*",
               "tlf", "tlf.", "telefon*", "telefonnr*", "mobil*", "mob", "mob.", "fax", "faks", "sentralbord*",
               "sporingsnummer*", "sporing*", "sendingsnummer*", "sendingsnr", "kollinummer*", "kolli-id",
               "pakkenummer*", "forsendelse*",
               "kundenummer*", "medlemsnummer*", "medlemsnr", "medlemsnr.", "kundenr", "kundenr.", "kunde-nr",
               "avtalenummer*", "avtalenr", "polisenummer*",
               "polise", "skadenummer*", "serienummer*", "serienr", "varenummer*", "varenr", "artikkelnummer*",
               "lisens*", "billett*", "bilettnr", "booking*", "bookingnummer*", "reservasjon*", "møte-id",
               "møtenummer*", "passord", "kode", "pin", "isbn", "issn", "ean", "gln", "gtin", "versjon",
               "tidspunkt", "tidsstempel", "dato", "kl.", "kl", "klokka", "timestamp", "testkort*",
               "testnummer*", "testperson*", "eksempel", "eksempelvis", "f.eks", "f.eks.", "fiktiv*"),
        "nn": ("kid", "kid-nummer*", "ocr", "referanse*", "fakturanummer*", "ordrenummer*", "saksnummer*",
               "sak", "saksnr", "tlf", "tlf.", "telefon*", "mobil*", "sporingsnummer*",
               "kundenummer*"),
        "sv": ("ocr", "ocr-nummer*", "ocr-nr", "ocr-referens*", "ocrnummer*", "referens*", "referensnummer*",
               "betalningsreferens*", "fakturanummer*", "fakturanr", "fakturanr.", "faktura nr", "ordernummer*",
               "ordernr", "ordernr.", "order nr", "beställningsnummer*", "ärendenummer*", "ärendenr",
               "ärende nr", "diarienummer*", "diarienr", "diarienr.", "dossiernummer*", "tel",
               "tel.", "telefon*", "telefonnummer*", "mobil*", "mobilnummer*", "växel*", "kolli-id",
               "kollinummer*", "sändningsnummer*",
               "sändnings-id", "spårningsnummer*", "kundnummer*", "medlemsnummer*", "medlemsnr", "kundnr",
               "avtalsnummer*", "försäkringsnummer*",
               "serienummer*", "artikelnummer*", "biljett*", "bokningsnummer*", "bokning*", "ärende", "ärendet",
               "möte-id",
               "datum", "tid", "klockan", "kl.", "testkort*", "testnummer*", "exempel", "exempelvis",
               "t.ex", "t.ex.", "fiktiv*"),
        "da": ("ean-nr", "ean",
               "fakturanummer*", "fakturanr", "fakturanr.", "ordrenummer*", "ordrenr", "ordrenr.", "sag", "sagen",
               "j.nr", "j.nr.", "jnr", "sagsnr",
               "sagsnr.", "sagsnummer*", "journalnr", "journalnummer*", "referencenummer*", "reference*", "ref",
               "ref.", "tlf", "tlf.", "telefon*", "telefonnr*", "mobil*", "mobilnr*", "fax", "kundenummer*",
               "kundenr", "medlemsnummer*", "medlemsnr", "medlemsnr.", "medlems-nr", "pakkenummer*",
               "forsendelsesnummer*", "sporingsnummer*", "track & trace",
               "kortnummer på dit medlemskort", "bestillingsnummer*", "policenummer*", "fakturadato",
               "betalingsid", "fik-nummer*", "fi-nummer*", "+71", "dato", "kl."),
        "en": ("kid", "ocr", "invoice no", "invoice no.", "invoice number*", "invoice #", "inv. no",
               "inv no", "order no", "order no.", "order number*", "order #", "order id", "po number*",
               "purchase order*", "reference*", "ref", "ref.", "ref no", "ref. no.", "case no", "case no.",
               "case number*", "case id", "ticket*", "ticket id", "tel", "tel.", "telephone*", "phone*", "mobile*",
               "cell", "fax", "registration number*", "reg. no",
               "tracking*", "tracking number*", "tracking id", "shipment*", "parcel*", "consignment*",
               "customer number*", "customer no", "customer id", "account manager", "member number*",
               "membership number*", "policy number*", "serial*", "serial number*", "sku", "isbn", "issn",
               "ean", "gtin", "meeting id", "conference id", "passcode", "pin", "booking*", "confirmation*",
               "transaction*", "transaction id", "version", "build", "timestamp", "date", "time", "test card*",
               "test number*", "test pan", "dummy", "example", "for example", "e.g.", "e.g", "fictitious",
               "fictional", "sample"),
        "fi": ("viitenumero*", "viite", "laskun numero*", "tilausnumero*", "puh", "puh.",
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


KNOWN_TEST_NUMBERS = frozenset(
    {
        # Card networks' and payment gateways' published test card numbers: in developer mail they are
        # documentation, not a cardholder's data. Stripe ("Testing", docs.stripe.com/testing: cards by brand and the
        # decline / 3-D Secure / fraud scenarios):
        "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5200828282828210",
        "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
        "6011981111111113", "3056930009020004", "36227206271667", "6555900000604105", "3566002020360505",
        "6200000000000005", "6200000000000047", "6205500000000000004", "4000000000000002", "4000000000000077",
        "4000000000000093", "4000000000000010", "4000000000000028", "4000000000000036", "4000000000000044",
        "4000000000000101", "4000000000003220", "4000000000009995", "4000000000000127", "4000000000000069",
        "4000000000000119", "4000002500003155", "4000002760003184", "4000008260003178", "4000000000000341",
        "4000000000000259", "4000003800000446",
        # PayPal / Payflow and Braintree sandbox (developer.paypal.com, "Testing"; Braintree::Test::CreditCardNumbers):
        "4111111111111111", "4012888888881881", "4222222222222", "378734493671000", "30569309025904",
        "38520000023237", "3530111333300000", "5610591081018250", "5019717010103742", "4009348888881881",
        "4000111111111115", "4500600000000061", "4000111111111511", "4005519200000004", "4012000077777777",
        "4012000033330026", "4217651111111119", "2223000048400011", "5403879999999997", "4000000760000002",
        "4000001240000000", "4000004840008001", "3566111111111113", "6759411100000008", "5641821111166669",
        "2222420000001113", "2222630000001125", "36259600000004",
        # Adyen ("Test card numbers" and the point-of-sale test cards, docs.adyen.com):
        "4111111145551142", "4988438843884305", "4166676667666746", "4646464646464644", "4000620000000007",
        "4000060000000006", "4293189100000008", "4988080000000000", "4444333322221111", "4001590000000001",
        "4000180000000002", "2222400070000005", "5555341244441115", "5577000055770004", "5555444433331111",
        "2222410740360010", "370000000000002", "370000000100018", "36006666333344", "36070500001020",
        "6011601160116611", "6445644564456445", "3569990010095841", "6243030000000001", "5019555544445555",
        "4571000000000001", "5101180000000007", "374251018720018", "4400000000000008", "4151500000000008",
        "5100060000000002", "5413330089099999", "5413330089020037", "5413330089999990", "2308880000000000",
        "5520330000000001",
        # Nets / Netaxept (Nordic acquirer) test cards, and other widely copied examples:
        "4925000000000004", "5413000000000000", "6759649826438453",
    }
)  # fmt: skip
"""Numbers never reported: well-known published test values that identify nobody. An organisation adds its own with
``[ids] deny``. Card numbers with a run of seven equal digits inside them ("4000 0000 0000 0077") are placeholders
too (`_placeholder_card`)."""


def _normalise_value(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()


_WHITESPACE = re.compile(r"\s+")
_OWNER_WINDOW = 120
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅÄÖ])|\n\s*\n")
# First-person singular (Norwegian, Swedish, Danish, English), or a second-person possessive on an account word.
_PRIVATE = regex.compile(
    r"(?<!\w)(?:min|mitt|mi|mine|mina|mit|my|jeg|eg|jag|meg|mig|mej|eget|egen|egne)(?!\w)"
    r"|(?<!\w)(?:din|ditt|di|dine|dina|dit|your)\s+(?:\w+\s+)?(?:bank)?(?:konto|account|iban|tili)"
    r"|(?<!\w)(?:bank)?(?:konto|kontonummer)(?:en|et|t)?\s+(?:din|ditt|di|dit)(?!\w)",
    regex.IGNORECASE,
)
# A company name: a capitalised word and a company-form suffix (case-sensitive: "as" and "ab" are ordinary words).
_COMPANY_NAME = re.compile(  # starts only at a word's start and looks at most 60 characters on: linear
    r"(?<![\w&.-])[A-ZÆØÅÄÖ][\w&.-]{0,60}[ \u00a0]"
    r"(?:AS|ASA|AB|ApS|A/S|I/S|K/S|Oyj?|Ltd\.?|Limited|GmbH|Inc\.?|LLC|plc|NUF|HB|KB|SA|BV)"
    r"(?![\w/])"
)
_AFTER_STOP = re.compile(r"[\n0-9]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


class _KeywordIndex:
    """Every keyword of every group in one Aho-Corasick automaton, matched at word boundaries on lower-cased text.

    A keyword listed in two groups belongs to the more specific one (`_GROUP_PRIORITY`: "cpr" is a CPR word before it
    is an ID word); at the same end position the longer keyword wins ("date of birth" over "date").
    """

    def __init__(self, key: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]) -> None:
        entries: dict[str, tuple[str, bool]] = {}
        for group, by_lang in sorted(key, key=lambda item: _GROUP_PRIORITY.index(item[0])):
            for _, words in by_lang:
                for word in words:
                    prefix = word.endswith("*")
                    phrase = _WHITESPACE.sub(" ", word.rstrip("*").strip().lower())
                    if phrase and phrase not in entries:
                        entries[phrase] = (group, prefix)
        self._automaton: ahocorasick.Automaton | None = None
        if entries:
            automaton = ahocorasick.Automaton()
            for phrase, (group, prefix) in entries.items():
                automaton.add_word(phrase, (len(phrase), group, prefix))
            automaton.make_automaton()
            self._automaton = automaton

    def hits(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, group) of every keyword in ``text`` at word boundaries, ordered by end then length."""
        if self._automaton is None or not text:
            return []
        lowered = _WHITESPACE.sub(" ", text.lower())
        found: list[tuple[int, int, str]] = []
        size = len(lowered)
        for last, (length, group, prefix) in self._automaton.iter(lowered):
            start = last - length + 1
            if start > 0 and lowered[start - 1].isalnum():
                continue
            end = last + 1
            if end < size and lowered[end].isalnum():
                if not prefix or not lowered[end].isalpha():
                    continue
                while end < size and lowered[end].isalpha():
                    end += 1
            found.append((start, end, group))
        return found


@functools.lru_cache(maxsize=16)
def _compile_keywords(key: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]) -> _KeywordIndex:
    return _KeywordIndex(key)


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
_SEP_CHARS = r"[ \t\r\n\u00a0\u2007\u2009\u202f\-\u2010\u2011\u2013.+]"
# One pass finds both: a HETU with a letter (DDMMYY, century sign, three digits, check character) and runs of
# digits joined by single separators with at least ten digits (the lookahead rejects shorter numbers and dates
# cheaply; it is looser than the run itself, which `_run_candidates` checks). A run starts at its first digit (the
# lookbehind skips digits inside a number). The stdlib `re` engine runs this scan faster than `regex` here
# (bench/detect_ids_speed.py); it is linear: every quantifier is bounded or over characters the next token cannot
# match.
_SCAN = re.compile(
    rf"[0-9](?<![0-9][0-9])(?:(?P<hetu>[0-9]{{5}}[-+A-FU-Ya-fu-y][0-9]{{3}}[0-9A-Ya-y])"
    rf"|(?=(?:{_SEP_CHARS}{{0,13}}[0-9]){{9}})[0-9]*(?:{_SEP}[0-9]+)*)"
)
_RUN_AT = re.compile(rf"[0-9]+(?:{_SEP}[0-9]+)*")
_IBAN = regex.compile(r"([A-Z]{2}[0-9]{2})((?:[ \u00a0]?[A-Z0-9]){8,32})")
_IBAN_HEAD = re.compile(r"[A-Z]{2}[0-9]{2}[ \u00a0]\Z")
_HHMM = re.compile(r"(?:[01][0-9]|2[0-3])[0-5][0-9]")

# Layouts (digits per group) a span may have; "1" * n layouts only when the span is the whole run.
_LAYOUTS: dict[tuple[int, ...], str] = {
    (11,): "plain",
    (6, 5): "person",
    (2, 2, 2, 5): "person",
    (6, 3, 2): "person",
    (2, 2, 2, 3, 2): "person",
    (2, 2, 4, 5): "dated",  # a birth date with its full year and the personnummer: 19.06.2019 89121
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
    layout: str  # plain | person | dated | account | card | split
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


_SPLIT = re.compile(r"([^0-9]+)")
_SEP_CLASSES = {" ": " ", "-": "-", ".": ".", "+": "+", "\u00a0": " ", "\n": "\n", "\r\n": "\n"}


_SHAPE = str.maketrans("123456789", "000000000")
_Shape = tuple[tuple[int, int, tuple[tuple[int, int], ...], str, str, bool], ...]


def _run_candidates(text: str, start: int, end: int) -> list[_Candidate]:
    """The spans of a digit run that could be one identifier: whole digit groups in a known layout."""
    run = text[start:end]
    glued = end < len(text) and text[end].isalpha()  # "12345678901kr": the last group is not a clean number
    if run.isdigit():  # the common case: one group
        if not glued and 10 <= len(run) <= 19:
            return [_Candidate(start, end, run, "plain", "", False)]
        return []
    # Which spans a run holds depends only on its shape (digits as "0", separators as they are): tables repeat a
    # few shapes, so the answer is cached for short runs.
    shape = run.translate(_SHAPE)
    spans = _shape_spans_cached(shape, glued) if len(shape) <= 64 else _shape_spans(shape, glued)
    return [
        _Candidate(start + lo, start + hi, "".join([run[a:b] for a, b in slices]), kind, sep, sub)
        for lo, hi, slices, kind, sep, sub in spans
    ]


def _shape_spans(shape: str, glued: bool) -> _Shape:
    """(start, end, digit-group slices, layout kind, separator, cut out of the run) of every span in a run's shape."""
    pieces = _SPLIT.split(shape)
    groups = pieces[0::2]
    if glued:
        groups.pop()
    count = len(groups)
    lengths = tuple(map(len, groups))
    if sum(lengths) < 10:
        return ()
    seps = tuple(_SEP_CLASSES.get(sep) or _sep_class(sep) for sep in pieces[1 : 2 * count - 1 : 2])
    spans = _layout_spans_cached(lengths, seps) if count <= 32 else _layout_spans(lengths, seps)
    if not spans:
        return ()
    offsets = [0]
    for index in range(1, count):
        offsets.append(offsets[-1] + lengths[index - 1] + len(pieces[2 * index - 1]))
    return tuple(
        (
            offsets[i],
            offsets[j] + lengths[j],
            tuple((offsets[k], offsets[k] + lengths[k]) for k in range(i, j + 1)),
            kind,
            sep,
            i > 0 or j < count - 1,
        )
        for i, j, kind, sep in spans
    )


_shape_spans_cached = functools.lru_cache(maxsize=4096)(_shape_spans)


def _layout_spans(lengths: tuple[int, ...], seps: tuple[str, ...]) -> tuple[tuple[int, int, str, str], ...]:
    """(first group, last group, layout kind, separator) of every span of whole groups in a known layout.

    Depends only on the run's shape, so short runs' results are cached (`_layout_spans_cached`): tables repeat
    the same few shapes.
    """
    count = len(lengths)
    total_digits = sum(lengths)
    spans: list[tuple[int, int, str, str]] = []
    # The whole run in single digits, or broken by a line break (HTML rendering): any layout of 10-12 digits.
    if count > 1 and 10 <= total_digits <= 12 and (max(lengths) == 1 or "\n" in seps):
        kinds = set(seps)
        if len(kinds) == 1 or kinds <= {"\n", " "}:
            spans.append((0, count - 1, "split", seps[0]))
    for i in range(count):
        layout: tuple[int, ...] = ()
        for j in range(i, count):
            layout += (lengths[j],)
            if layout not in _PREFIXES:
                break
            if j > i and seps[j - 1] != seps[i] and not (layout[:3] in ((2, 2, 2), (2, 2, 4)) and j == i + 3):
                break  # one separator throughout, except a date "15.12.83 45334" followed by the personnummer
            kind = _LAYOUTS.get(layout)
            if kind is None:
                continue
            sep = seps[j - 1] if j > i else ""
            if sep == "\n" and len(layout) > 2:
                continue
            if sep == "+" and layout != (6, 4):
                continue
            spans.append((i, j, kind, sep))
    return tuple(spans)


_layout_spans_cached = functools.lru_cache(maxsize=4096)(_layout_spans)


def has_id_candidate(text: str) -> bool:
    """Cheap prescreen: False only if `find_ids` cannot find anything in ``text`` (no run of ten digits, HETU, IBAN)."""
    for match in _SCAN.finditer(text):
        if match.group("hetu") is not None or sum(ch.isdigit() for ch in match.group()) >= 10:
            return True
    return _IBAN.search(text) is not None


# --- context ----------------------------------------------------------------------------------------------------


_FILE_NAME_SEPARATORS = re.compile(r"[_.]+")
MAIL_TEXT_PARTS = ("subject", "body", "html")
"""Parts written by the sender (the mail itself), as opposed to attachments."""


class MessageContext:
    """The keyword groups of a message's mail text (subject, body, html), shared with its other parts.

    A number often stands in one part and its word in another: "Flytning 251293-0554" in the subject and "Mit
    CPR-nummer står i emnefeltet" in the body, or a subject "Mitt kontonummer" over a body holding the number. The
    subject, body and html share their keyword groups with each other, and with attachments (the mail introduces
    them: "vedlagt min lønnsslipp"); an attachment's own words stay its own (an attached invoice says nothing about
    the mail's numbers). They count like words anywhere in the number's own part: only for a number with no
    keyword near it (`_Context.part_groups`).

    Lazy and linear: each mail text part is searched at most once per message, and only when some number needs it.
    Not thread-safe on its own: build one per message (`detect` does).
    """

    __slots__ = ("_groups", "_parts", "_rules")

    def __init__(self, parts: Iterable[tuple[str, str]], rules: IdRules) -> None:
        self._parts = tuple((where, text) for where, text in parts if where in MAIL_TEXT_PARTS and text)
        self._rules = rules
        self._groups: dict[str, frozenset[str]] | None = None

    def groups_for(self, where: str) -> frozenset[str]:
        """Groups found in the mail text parts other than ``where`` (all of them for an attachment), and in an
        attachment's own file name ("kontoopplysninger.pdf", "CPR-liste.xlsx")."""
        if self._groups is None:
            self._groups = {}
            for part_where, text in self._parts:
                found = frozenset(group for _, _, group in self._rules._keywords.hits(text))
                self._groups[part_where] = self._groups.get(part_where, frozenset()) | found
        groups = frozenset().union(*(found for part_where, found in self._groups.items() if part_where != where))
        if where.startswith("attachment:"):
            name = _FILE_NAME_SEPARATORS.sub(" ", where[len("attachment:") :])
            groups |= frozenset(group for _, _, group in self._rules._keywords.hits(name))
        return groups


@dataclass(slots=True)
class _Context:
    """Keyword evidence around one span: the nearest group and, lazily, groups anywhere in the part (and the message's
    mail text, see `MessageContext`)."""

    text: str
    rules: IdRules
    where: str = "body"
    message: MessageContext | None = None
    _part_groups: frozenset[str] | None = None
    _company: bool | None = None
    _last: tuple[int, int, str | None] = (-1, -1, None)

    def nearest(self, start: int, end: int) -> str | None:
        """The group of the keyword that speaks for the span, or None.

        In order: the nearest non-person keyword before it (within ``window_before``); the first non-person keyword
        after it (within ``window_after``, on the same line and before the next number, whose label it would be);
        the nearest person word before it; the first one after it. The last answer is kept: a span's kind and its
        score ask about the same span.
        """
        last_start, last_end, group = self._last
        if last_start == start and last_end == end:
            return group
        group = self._nearest(start, end)
        self._last = (start, end, group)
        return group

    def _nearest(self, start: int, end: int) -> str | None:
        index = self.rules._keywords
        lo = max(0, start - self.rules.window_before)
        while 0 < lo < start and self.text[lo - 1].isalnum():  # do not start the window inside a word
            lo += 1
        # A keyword in an earlier paragraph does not speak for a number whose own paragraph has words before it
        # ("... ta ärendet från måndag.\n\nSökande: Patrik Johansson, <personnummer>"); a number that opens its
        # paragraph keeps the label above it ("<p>Personnummer:</p><p><number></p>").
        for brk in _PARAGRAPH_BREAK.finditer(self.text, lo, start):
            if self.text[brk.end() : start].strip():
                lo = brk.end()
        strong = weak = None
        for _, _, group in sorted(index.hits(self.text[lo:start]), key=lambda hit: (hit[1], hit[1] - hit[0])):
            if group == "person":
                weak = group
            else:
                strong = group
        if strong:
            return strong
        after = _AFTER_STOP.split(self.text[end : end + self.rules.window_after], maxsplit=1)[0]
        following = [group for _, _, group in sorted(index.hits(after))] if after else []
        after_strong = next((group for group in following if group != "person"), None)
        return after_strong or weak or (following[0] if following else None)

    def part_groups(self) -> frozenset[str]:
        """Groups of the keywords anywhere in the part or the message's mail text (computed once, only when a span
        has no word near it)."""
        if self._part_groups is None:
            groups = frozenset(group for _, _, group in self.rules._keywords.hits(self.text))
            if self.message is not None:
                groups |= self.message.groups_for(self.where)
            self._part_groups = groups
        return self._part_groups

    def owner(self, start: int) -> str | None:
        """Who the account before ``start`` belongs to, by the sentence it stands in: ``mine`` for a first-person
        singular word ("mitt kontonummer", "lønna mi", "my IBAN", "jag") or a second-person possessive on an account
        word ("ditt nye kontonummer", "kontoen din", "your account"); ``payout`` for a word about paying a person
        ("Utbetales til konto:", "sette inn pengene"); else None. Searched up to `_OWNER_WINDOW` characters back, not
        past the end of the previous sentence."""
        lo = max(0, start - _OWNER_WINDOW)
        window = self.text[lo:start]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        if ends:
            window = window[ends[-1] :]
        if _PRIVATE.search(window) is not None:
            return "mine"
        if any(group == "payout" for _, _, group in self.rules._keywords.hits(window)):
            return "payout"
        return None

    def company(self) -> bool:
        """Whether the part (or the message's mail text) shows a company's own accounts: registration words (org.nr,
        VAT, bankgiro), a company name ("Sjöby Städ AB", "Hansen Bygg AS") or invoice words, in a part that says
        nothing of paying a person (a payslip or a refund form names its employer, and its "Beløp" is no invoice)."""
        if self._company is None:
            groups = self.part_groups()
            self._company = "payout" not in groups and (
                not groups.isdisjoint(("company", "invoice", "fee")) or _COMPANY_NAME.search(self.text) is not None
            )
        return self._company


def _raise(confidence: float, keep: float) -> float:
    """Move ``confidence`` towards 1, keeping ``keep`` of the remaining doubt."""
    return 1.0 - (1.0 - confidence) * keep


def _score(kind: str, base: float, context: _Context, start: int, end: int) -> float:
    near = context.nearest(start, end)
    category = KINDS[kind]
    if near in _GUARDS:
        return base * 0.3
    if category == "bank_account":
        return _score_account(kind, base, context, start, near)
    if near in ("payment", "payout", "fee"):
        near = None  # "overfør til", "lønn", "kontingent": words about money, no word for an ID or a card
    if category == "national_id":
        if near in ("national_id", "cpr", "hetu"):
            return _raise(base, 0.12)
        if near == "person":
            return _raise(base, 0.5)
        if near == "invoice":
            return base * 0.5
        if near in ("account", "card"):
            return base * 0.6
        groups = context.part_groups()
        if groups & {"national_id", "cpr", "hetu"}:
            return _raise(base, 0.6)
        return base
    if near == "card":
        return _raise(base, 0.15)
    if near == "invoice":
        return base * 0.35
    if near in ("national_id", "cpr", "hetu"):
        return base * 0.7
    if near == "person":
        return _raise(base, 0.85)
    groups = context.part_groups()
    if "card" in groups and "invoice" not in groups:
        return _raise(base, 0.6)
    return base


def _score_account(kind: str, base: float, context: _Context, start: int, near: str | None) -> float:
    """A Norwegian account or an IBAN: a private person's is sensitive, a company's own (on an invoice, in a
    signature or letterhead beside its organisation number) is not.

    An invoice word nearest ("vår konto", "betales til", "kontingent") makes it the company's unless the sentence
    says it is the writer's or the reader's ("mitt kontonummer", "ditt nye kontonummer": `_Context.owner`). Invoice,
    registration or company-name evidence elsewhere in the part does unless the sentence says so or speaks of paying
    a person (a payout word: "utbetal", "refusjon", salary, "sette inn pengene").
    """
    owner = context.owner(start)
    if near in ("invoice", "fee") and owner != "mine":
        return base * 0.35
    if near != "payout" and owner is None and context.company():
        return base * 0.35
    if near == "account" or (kind == "iban" and near == "card"):
        return _raise(base, 0.15)
    if near in ("payment", "payout"):
        return _raise(base, 0.3)
    if near in ("national_id", "cpr", "hetu"):
        return base * 0.7
    if near == "person" and kind != "iban":
        return _raise(base, 0.85)
    groups = context.part_groups()
    if groups & {"account", "payout"}:
        return _raise(base, 0.75)
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
        rule = no_fnr_rule(digits)
        # Both valid: an account next to an account word, or written as one (4.2.5) with no ID word near, or valid
        # as a fødselsnummer only under the 2032 rule (none issued yet) after a payment word; otherwise payment and
        # payout words ("overfør til", "lønna mi til") leave a valid fødselsnummer a fødselsnummer.
        loose = near in (None, "payment", "payout")
        as_account = near == "account" or (loose and candidate.layout == "account")
        as_account = as_account or (rule == "2032" and near in ("payment", "payout"))
        if not (account and as_account):
            base = _fnr_base(fnr, rule)
            if candidate.layout == "account":  # 4.2.5 is how accounts are written, not fødselsnumre
                base *= 0.6
            return _Hit(fnr, candidate.start, candidate.end, _score(fnr, base * factor, context, *_span(candidate)), 1)
    if account and "no_account" in rules.enabled:
        base = 0.45 if candidate.layout == "account" else 0.3
        confidence = _score("no_account", base * factor, context, *_span(candidate))
        return _Hit("no_account", candidate.start, candidate.end, confidence, 1)
    return None


def _dated(candidate: _Candidate, rules: IdRules, context: _Context) -> _Hit | None:
    """``DD.MM.YYYY NNNNN``: a fødselsnummer written with its birth date in full. Valid only as an ordinary
    fødselsnummer (a D-, H- or synthetic number does not hold the real date) whose individual number allows that year
    (`no_fnr_years`), which a date followed by any 5-digit number passes about once in 250 times."""
    digits = candidate.digits
    eleven = digits[:4] + digits[6:8] + digits[8:]
    if "no_fnr" not in rules.enabled or no_fnr_kind(eleven) != "no_fnr":
        return None
    if int(digits[4:8]) not in no_fnr_years(eleven):
        return None
    base = _fnr_base("no_fnr", no_fnr_rule(eleven)) * _layout_factor(candidate)
    return _Hit("no_fnr", candidate.start, candidate.end, _score("no_fnr", base, context, *_span(candidate)), 1)


def _span(candidate: _Candidate) -> tuple[int, int]:
    return candidate.start, candidate.end


def _ten(candidate: _Candidate, rules: IdRules, context: _Context, language: str | None) -> _Hit | None:
    """A 10-digit span: Swedish personnummer, Finnish HETU written with digits only, or Danish CPR.

    A number valid as more than one of them goes to CPR near a CPR word, to HETU near a Finnish ID word, to CPR in
    Danish text, else to the Swedish number (Luhn is a check digit, CPR has none), else to HETU, else CPR.
    """
    digits = candidate.digits
    factor = _layout_factor(candidate)
    valid: dict[str, str] = {}
    signed = candidate.sep in ("-", "+") and candidate.layout == "person"
    if signed and "fi_hetu" in rules.enabled and fi_hetu_valid(digits[:6] + candidate.sep + digits[6:]):
        valid["fi"] = "fi_hetu"
    se = se_pnr_kind(digits, century_sign="+" if candidate.sep == "+" else "-")
    if se is not None and se in rules.enabled:
        valid["se"] = se
    if candidate.sep != "+" and "dk_cpr" in rules.enabled and dk_cpr_date_valid(digits):
        valid["dk"] = "dk_cpr"
    if not valid:
        return None
    choice = next(iter(valid))
    if len(valid) > 1:
        near = context.nearest(candidate.start, candidate.end)
        groups = context.part_groups() if near is None else frozenset()
        if "dk" in valid and (near == "cpr" or "cpr" in groups):
            choice = "dk"
        elif "fi" in valid and (near == "hetu" or "hetu" in groups):
            choice = "fi"
        elif "dk" in valid and language == "da":
            choice = "dk"
        else:
            choice = "se" if "se" in valid else "fi"
    kind = valid[choice]
    if choice == "fi":
        base = 0.85 * factor
    elif choice == "se":
        base = (0.75 if candidate.sep in ("-", "+") else 0.6) * factor
    else:
        return _cpr(candidate, context, language, factor)
    return _Hit(kind, candidate.start, candidate.end, _score(kind, base, context, *_span(candidate)), 1)


def _cpr(candidate: _Candidate, context: _Context, language: str | None, factor: float) -> _Hit:
    digits = candidate.digits
    mod11 = dk_cpr_mod11(digits)
    base = (0.4 if mod11 else 0.35 if candidate.sep == "-" else 0.3) * factor
    confidence = _score("dk_cpr", base, context, *_span(candidate))
    if not mod11 and confidence > base and context.nearest(candidate.start, candidate.end) == "person":
        # A number issued since 2007 has no check at all: a person word ("navn", "medlem") is not enough, only an
        # ID word near it or in the part.
        confidence = _raise(base, 0.6) if context.part_groups() & {"national_id", "cpr"} else base
    if language not in ("da", None) and confidence > base:
        # Outside Danish text only a CPR word counts: "personnummer" next to a Swedish number with a wrong Luhn
        # digit must not turn it into a CPR number because its YYMMDD happens to read as a DDMMYY date.
        near = context.nearest(candidate.start, candidate.end)
        if near != "cpr" and not (near is None and "cpr" in context.part_groups()):
            confidence = base
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


_SAME_DIGIT_RUN = re.compile(r"([0-9])\1{6}")


def _placeholder_card(digits: str) -> bool:
    """A run of seven equal digits after the network prefix: a test or example number ("4000 0000 0000 0077",
    "4111 1111 1111 1111"). An issuer's account numbers have such a run with p ~ 1e-5, so no real card is lost in
    practice, and every gateway's scenario series (Stripe's 4000 0000 0000 xxxx) is covered at once."""
    return _SAME_DIGIT_RUN.search(digits, 1) is not None


def _card(candidate: _Candidate, rules: IdRules, context: _Context) -> _Hit | None:
    if "payment_card" not in rules.enabled or candidate.sep not in ("", " ", "-"):
        return None
    if candidate.layout not in ("plain", "card"):
        return None
    digits = candidate.digits
    if not luhn_valid(digits) or card_network(digits) is None or _placeholder_card(digits):
        return None
    base = (0.6 if candidate.layout == "card" else 0.45) * (0.6 if candidate.sub_span else 1.0)
    return _Hit("payment_card", candidate.start, candidate.end, _score("payment_card", base, context,
                                                                       *_span(candidate)), 1)  # fmt: skip


def find_ids(
    text: str, where: str, rules: IdRules, language: str | None = None, *, message: MessageContext | None = None
) -> list[Finding]:
    """Every national ID, bank account and payment card number in ``text``, as findings at ``where``.

    ``language`` (nb, nn, sv, da, en or None) only breaks ties between kinds a number satisfies at once (a 10-digit
    number valid as both a Swedish personnummer and a Danish CPR). ``message``, the `MessageContext` of the message
    ``text`` is a part of, lends the words of its subject and body to numbers with no word near them. Offsets are
    offsets into ``text``; findings are sorted by position and never overlap. Pure, thread-safe (for distinct
    ``message`` objects) and linear in ``len(text)``.
    """
    if not text:
        return []
    context = _Context(text, rules, where, message)
    hits: list[_Hit] = []
    deny = rules._deny
    position = 0
    while (match := _IBAN.search(text, position)) is not None:
        # On no IBAN, go on right after the match start: "AB12 NO93 8601 1117 947" holds one after a false start.
        position = match.start() + 1
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        hit = _iban_hit(text, match, rules, context)
        if hit is not None:
            position = hit.end
            if _normalise_value(text[hit.start : hit.end]) not in deny:
                hits.append(hit)
    size = len(text)
    position = 0
    while (match := _SCAN.search(text, position)) is not None:
        start = match.start()
        glued = start > 0 and text[start - 1].isalpha()
        if match.group("hetu") is not None:
            sign, check = text[start + 6], text[start + 10]
            if sign not in "-+" or not check.isdigit():
                position = match.end()
                if glued or (position < size and text[position].isalnum()) or "fi_hetu" not in rules.enabled:
                    continue
                value = match.group().upper()
                if fi_hetu_valid(value) and _normalise_value(value) not in deny:
                    confidence = _score("fi_hetu", 0.85, context, start, position)
                    hits.append(_Hit("fi_hetu", start, position, confidence, 1))
                continue
            run = _RUN_AT.match(text, start)  # a HETU in digits only: one more digit run, read below
            assert run is not None
            end = run.end()
        else:
            end = match.end()
        position = end
        before = text[start - 1] if start > 0 else ""
        if glued or before == "+" or (before in " \u00a0" and _IBAN_HEAD.search(text, max(0, start - 5), start)):
            continue  # glued to a word, an international phone number (+47 ...), or the digits of an IBAN
        if end - start < 10:
            continue
        candidates = _run_candidates(text, start, end)
        if any(c.digits in deny or c.digits in KNOWN_TEST_NUMBERS for c in candidates):
            continue  # nor any number cut out of it ("3782 822463 10005" holds an account-shaped "822463 10005")
        for candidate in candidates:
            size_digits = len(candidate.digits)
            if candidate.layout == "dated":
                hit = _dated(candidate, rules, context)
            elif size_digits == 11:
                hit = _eleven(candidate, rules, context)
            elif size_digits == 10:
                hit = _ten(candidate, rules, context, language)
            elif size_digits == 12:
                hit = _twelve(candidate, rules, context)
            else:
                hit = _card(candidate, rules, context)
            if hit is not None:
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
