"""The console's UI texts in Norwegian bokmål (``nb``) and English (``en``).

`translator(lang)` returns a function ``t(key, **values)``; a key missing from a language falls back to English,
and a key missing everywhere is returned as is (so a typo shows on the page instead of crashing it).
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "app_title": "Hygiene audit console",
        "skip_to_content": "Skip to content",
        "nav_overview": "Overview",
        "nav_cases": "Cases and events",
        "nav_scope": "Scope",
        "sign_out": "Sign out",
        "language": "Language",
        "sign_in_title": "Sign in",
        "sign_in_intro": "Sign in with the audit API token ([audit] api_token).",
        "token": "Access token",
        "sign_in": "Sign in",
        "sign_in_failed": "The token was not accepted.",
        "sign_in_entra": "Sign in with Microsoft Entra ID",
        "sign_in_entra_failed": "Sign-in with Entra ID failed, or your account does not have the audit reader role.",
        "signed_in_continue": "Signed in. Continue to the console.",
        "overview_title": "Overview",
        "last_sweep": "Last sweep",
        "last_sweep_started": "started",
        "last_sweep_finished": "finished",
        "never": "never",
        "mailboxes_in_scope": "Mailboxes in scope",
        "of_known": "of {total} known",
        "detected_30d": "Detected messages, last {days} days",
        "per_day_chart": "Detected messages per day",
        "per_category_chart": "Detected messages per category",
        "errors_30d": "Errors, last {days} days",
        "recent_errors": "Errors needing attention",
        "no_errors": "No errors recorded.",
        "no_data": "No data.",
        "day": "Day",
        "count": "Count",
        "category": "Category",
        "chain": "Audit chain",
        "chain_verify_hint": "Verify the chain with hygiene audit verify or the API's /api/v1/verify.",
        "cases_title": "Cases and audit events",
        "filters": "Filters",
        "since": "From (date or time, UTC)",
        "until": "Until (exclusive)",
        "mailbox": "Mailbox",
        "sender_domain": "Sender domain",
        "action": "Action",
        "case": "Case",
        "any": "any",
        "apply": "Apply filters",
        "reset": "Reset",
        "export_csv": "Export CSV",
        "results": "Results",
        "time_utc": "Time (UTC)",
        "categories": "Categories",
        "detail": "Detail",
        "next_page": "Next page",
        "first_page": "First page",
        "no_events": "No events match these filters.",
        "case_title": "Case {id}",
        "case_state": "State",
        "mode": "Mode",
        "confidence": "Confidence",
        "language_detected": "Language",
        "encrypted": "Encrypted",
        "incomplete": "Incomplete",
        "yes": "yes",
        "no": "no",
        "counts": "Counts",
        "receipt": "Archive receipt",
        "no_receipt": "No archive receipt recorded for this case.",
        "no_case_row": "The case's state row is gone (pruned or never stored); its audited history follows.",
        "history": "Audited history",
        "hash": "Hash",
        "scope_title": "Scope",
        "scope_total": "Known",
        "scope_in": "In scope",
        "scope_out": "Out of scope",
        "scope_opt_in": "Opted in",
        "scope_opt_out": "Opted out",
        "scope_unreadable": "Unreadable",
        "upn": "Mailbox",
        "in_scope": "In scope",
        "override": "Override",
        "status": "Status",
        "last_swept": "Last swept",
        "show": "Show",
        "all": "all",
        "only_in_scope": "in scope",
        "only_out_of_scope": "out of scope",
        "bad_filter": "A filter is not valid: {error}",
        "not_found": "Not found.",
        "never_content": "This console never shows message subjects, bodies or matched values.",
    },
    "nb": {
        "app_title": "Hygiene – revisjonskonsoll",
        "skip_to_content": "Hopp til innholdet",
        "nav_overview": "Oversikt",
        "nav_cases": "Saker og hendelser",
        "nav_scope": "Omfang",
        "sign_out": "Logg ut",
        "language": "Språk",
        "sign_in_title": "Logg inn",
        "sign_in_intro": "Logg inn med tilgangsnøkkelen til revisjons-API-et ([audit] api_token).",
        "token": "Tilgangsnøkkel",
        "sign_in": "Logg inn",
        "sign_in_failed": "Tilgangsnøkkelen ble ikke godtatt.",
        "sign_in_entra": "Logg inn med Microsoft Entra ID",
        "sign_in_entra_failed": (
            "Innloggingen med Entra ID mislyktes, eller kontoen din mangler rollen for revisjonslesing."
        ),
        "signed_in_continue": "Du er logget inn. Gå videre til konsollen.",
        "overview_title": "Oversikt",
        "last_sweep": "Siste gjennomgang",
        "last_sweep_started": "startet",
        "last_sweep_finished": "fullført",
        "never": "aldri",
        "mailboxes_in_scope": "Postbokser i omfang",
        "of_known": "av {total} kjente",
        "detected_30d": "Funn, siste {days} dager",
        "per_day_chart": "Meldinger med funn per dag",
        "per_category_chart": "Meldinger med funn per kategori",
        "errors_30d": "Feil, siste {days} dager",
        "recent_errors": "Feil som trenger oppfølging",
        "no_errors": "Ingen feil registrert.",
        "no_data": "Ingen data.",
        "day": "Dag",
        "count": "Antall",
        "category": "Kategori",
        "chain": "Revisjonskjede",
        "chain_verify_hint": "Kontroller kjeden med hygiene audit verify eller API-ets /api/v1/verify.",
        "cases_title": "Saker og revisjonshendelser",
        "filters": "Filtre",
        "since": "Fra (dato eller tid, UTC)",
        "until": "Til (ikke inkludert)",
        "mailbox": "Postboks",
        "sender_domain": "Avsenderdomene",
        "action": "Handling",
        "case": "Sak",
        "any": "alle",
        "apply": "Bruk filtre",
        "reset": "Nullstill",
        "export_csv": "Eksporter CSV",
        "results": "Resultater",
        "time_utc": "Tid (UTC)",
        "categories": "Kategorier",
        "detail": "Detaljer",
        "next_page": "Neste side",
        "first_page": "Første side",
        "no_events": "Ingen hendelser passer til filtrene.",
        "case_title": "Sak {id}",
        "case_state": "Tilstand",
        "mode": "Modus",
        "confidence": "Sikkerhet",
        "language_detected": "Språk",
        "encrypted": "Kryptert",
        "incomplete": "Ufullstendig lest",
        "yes": "ja",
        "no": "nei",
        "counts": "Antall funn",
        "receipt": "Arkivkvittering",
        "no_receipt": "Ingen arkivkvittering er registrert for denne saken.",
        "no_case_row": (
            "Sakens tilstandsrad finnes ikke lenger (slettet eller aldri lagret); revisjonshistorikken følger."
        ),
        "history": "Revisjonshistorikk",
        "hash": "Hash",
        "scope_title": "Omfang",
        "scope_total": "Kjente",
        "scope_in": "I omfang",
        "scope_out": "Utenfor omfang",
        "scope_opt_in": "Valgt inn",
        "scope_opt_out": "Valgt bort",
        "scope_unreadable": "Ikke lesbare",
        "upn": "Postboks",
        "in_scope": "I omfang",
        "override": "Unntak",
        "status": "Status",
        "last_swept": "Sist gjennomgått",
        "show": "Vis",
        "all": "alle",
        "only_in_scope": "i omfang",
        "only_out_of_scope": "utenfor omfang",
        "bad_filter": "Et filter er ugyldig: {error}",
        "not_found": "Finnes ikke.",
        "never_content": "Konsollen viser aldri emnefelt, meldingstekst eller funnverdier.",
    },
}


def pick_language(requested: str | None, cookie: str | None, accept_language: str | None) -> str:
    """``?lang=``, then the language cookie, then Accept-Language (no/nb/nn -> nb), then bokmål."""
    for candidate in (requested, cookie):
        if candidate in LANGUAGES:
            return candidate
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith(("nb", "no", "nn")):
            return "nb"
        if tag.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)`` for ``lang`` with English fallback."""
    texts = TEXTS.get(lang, TEXTS["en"])
    fallback = TEXTS["en"]

    def t(key: str, **values: object) -> str:
        text = texts.get(key) or fallback.get(key) or key
        return text.format(**values) if values else text

    return t
