"""The privacy officer's console: server-rendered HTML pages over the audit log (issue 12).

Pages (all under ``/console``; each needs a session from the sign-in form, or the bearer token):

    /console/login     sign-in form: the [audit] api_token, or Entra ID (OpenID Connect, code + PKCE) when
                       configured; either sets an HttpOnly, SameSite=Strict session cookie
    /console/          overview: last sweep, mailboxes in scope, detected per day and per category (inline SVG
                       charts with data tables), errors needing attention
    /console/cases     audit events with the filters of `hygiene audit query`, keyset-paged, CSV export
    /console/cases/N   one case: stored state, archive receipt and full audited history
    /console/scope     mailboxes: in scope, opted in/out, unreadable

No JavaScript; one small stylesheet; a strict Content-Security-Policy. UI in Norwegian bokmål and English
(``?lang=nb|en``, remembered in a cookie). Never shows a subject, a body or a matched value: the tables it
reads hold none.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import jinja2
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from hygiene.adapters.store import audit as store
from hygiene.adapters.store import views
from hygiene.api.auth import SESSION_COOKIE, TokenAuth
from hygiene.api.entra import pkce_pair
from hygiene.api.i18n import LANGUAGES, pick_language, translator
from hygiene.api.openapi import MAX_INT32
from hygiene.api.params import int_param, parse_filter
from hygiene.domain.audit import ACTIONS, AuditFilter, categories_from_column, format_ts
from hygiene.ports import Clock

LANG_COOKIE = "hygiene_lang"
OIDC_COOKIE = "hygiene_oidc"
OIDC_TTL_S = 600
PAGE_SIZE = 50
OVERVIEW_DAYS = 30
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SCOPE_VIEWS = {
    "all": "all",
    "in": "only_in_scope",
    "out": "only_out_of_scope",
    "opt_in": "scope_opt_in",
    "opt_out": "scope_opt_out",
    "unreadable": "scope_unreadable",
}
FILTER_NAMES = ("since", "until", "mailbox", "sender_domain", "category", "action", "case")

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("hygiene.api", "templates"),
    autoescape=jinja2.select_autoescape(default=True),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _short_ts(value: Any) -> str:
    return format_ts(value)[:19].replace("T", " ") if isinstance(value, datetime) else str(value)[:19].replace("T", " ")


def _detail_items(detail: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key, value in sorted((detail or {}).items()):
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append((key, str(value)))
    return out


_env.filters["short_ts"] = _short_ts
_env.filters["detail_items"] = _detail_items
_env.filters["cats"] = lambda column: ", ".join(categories_from_column(column))


def bar_chart(values: list[tuple[str, int]], *, width: int = 720, height: int = 160) -> dict[str, Any]:
    """Geometry of a vertical bar chart (one bar per value) for the inline SVG in the template."""
    top = max((v for _, v in values), default=0) or 1
    n = max(len(values), 1)
    slot = width / n
    bars = []
    for i, (label, value) in enumerate(values):
        h = round(value / top * (height - 20), 1)
        bars.append(
            {
                "x": round(i * slot + 1, 1),
                "y": round(height - h, 1),
                "w": max(round(slot - 2, 1), 1),
                "h": h,
                "label": label,
                "value": value,
            }
        )
    return {"width": width, "height": height, "bars": bars, "max": top}


def hbar_chart(values: list[tuple[str, int]], *, width: int = 480, row: int = 26) -> dict[str, Any]:
    """Geometry of a horizontal bar chart (one row per value, label on the left)."""
    top = max((v for _, v in values), default=0) or 1
    label_w = 150
    bars = []
    for i, (label, value) in enumerate(values):
        bars.append(
            {"y": i * row, "w": max(round(value / top * (width - label_w - 60), 1), 1), "label": label, "value": value}
        )
    return {"width": width, "height": max(len(values), 1) * row, "label_w": label_w, "bars": bars, "row": row}


def console_routes(sessions: sessionmaker[Session], auth: TokenAuth, clock: Clock) -> list[BaseRoute]:
    """The console's routes, to be added to the audit API app (see `hygiene.api.app.build_api`)."""

    def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        lang = pick_language(
            request.query_params.get("lang"),
            request.cookies.get(LANG_COOKIE),
            request.headers.get("accept-language"),
        )
        t = translator(lang)
        query_wo_lang = {k: v for k, v in request.query_params.items() if k != "lang"}
        html = _env.get_template(template).render(
            t=t,
            lang=lang,
            languages=LANGUAGES,
            path=request.url.path,
            lang_link=lambda code: request.url.path + "?" + urlencode({**query_wo_lang, "lang": code}),
            signed_in=auth.authorized(request),
            entra_enabled=auth.entra is not None,
            token_enabled=auth.token_enabled,
            **context,
        )
        response = HTMLResponse(html, status_code=status_code)
        response.headers["Content-Security-Policy"] = CSP
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict", httponly=True)
        return response

    def page(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def wrapped(request: Request) -> Response:
            if not auth.authorized(request):
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/console/login?" + urlencode({"next": target}), status_code=303)
            try:
                return handler(request)
            except HTTPException as exc:
                if exc.status_code == 400:
                    return render(request, "error.html", status_code=400, message=exc.detail)
                if exc.status_code == 404:
                    return render(request, "error.html", status_code=404, message=None)
                raise

        return wrapped

    def safe_next(value: str | None) -> str:
        if value and value.startswith("/console") and not value.startswith("//") and "\\" not in value:
            return value
        return "/console/"

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return render(request, "login.html", failed=False, next=safe_next(request.query_params.get("next")))
        form = await request.form()
        token = str(form.get("token") or "")
        target = safe_next(str(form.get("next") or ""))
        if not auth.check_token(token):
            return render(request, "login.html", status_code=401, failed=True, next=target)
        response = RedirectResponse(target, status_code=303)
        set_session(request, response)
        return response

    def set_session(request: Request, response: Response) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            auth.new_session(),
            max_age=auth.session_ttl_s,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )

    def redirect_uri(request: Request) -> str:
        assert auth.entra is not None
        return auth.entra.redirect_uri or str(request.base_url).rstrip("/") + "/console/login/entra/callback"

    def entra_start(request: Request) -> Response:
        if auth.entra is None:
            raise HTTPException(404)
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier, challenge = pkce_pair()
        target = safe_next(request.query_params.get("next"))
        expires = int(time.time()) + OIDC_TTL_S
        sealed = auth.seal(f"{expires}|{state}|{nonce}|{verifier}|{target}")
        response = RedirectResponse(
            auth.entra.authorize_url(
                redirect_uri=redirect_uri(request), state=state, nonce=nonce, code_challenge=challenge
            ),
            status_code=303,
        )
        # SameSite=Lax: the callback is a top-level navigation coming back from Entra (another site).
        response.set_cookie(
            OIDC_COOKIE,
            sealed,
            max_age=OIDC_TTL_S,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/console/login/entra",
        )
        return response

    def entra_callback(request: Request) -> Response:
        if auth.entra is None:
            raise HTTPException(404)
        payload = auth.unseal(request.cookies.get(OIDC_COOKIE))
        params = request.query_params
        fields = payload.split("|", 4) if payload else []
        failed = len(fields) != 5 or int(fields[0]) < time.time() or params.get("state") != fields[1]
        result = None
        if not failed and params.get("code"):
            result = auth.entra.finish_sign_in(
                code=params["code"], redirect_uri=redirect_uri(request), code_verifier=fields[3], nonce=fields[2]
            )
        if result is None or not result.ok:
            response: Response = render(
                request, "login.html", status_code=401, failed=True, next="/console/", entra_failed=True
            )
        else:
            # A page of our own that moves on: a redirect chain that began on Entra's site would not send the
            # new SameSite=Strict session cookie with the next request.
            response = render(request, "signed_in.html", next=fields[4])
            set_session(request, response)
        response.delete_cookie(OIDC_COOKIE, path="/console/login/entra", httponly=True, samesite="lax")
        return response

    def logout(request: Request) -> Response:
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    def overview(request: Request) -> Response:
        now = clock.now()
        with sessions() as session:
            ov = views.overview(session, now, days=OVERVIEW_DAYS)
            scope = views.scope_counts(session)
        per_day = [(d, ov.detected_per_day.get(d, 0)) for d in ov.days]
        return render(
            request,
            "overview.html",
            ov=ov,
            scope=scope,
            days=OVERVIEW_DAYS,
            per_day=per_day,
            detected_total=sum(v for _, v in per_day),
            day_chart=bar_chart(per_day),
            category_chart=hbar_chart(list(ov.per_category.items())),
        )

    def cases(request: Request) -> Response:
        params = request.query_params
        flt = parse_filter(params)
        cursor = int_param(params, "cursor")
        with sessions() as session:
            result = store.query(session, flt, limit=PAGE_SIZE, cursor=cursor, order="desc")
        values = {name: params.get(name, "") for name in FILTER_NAMES}
        active = {k: v for k, v in values.items() if v}
        return render(
            request,
            "cases.html",
            rows=result.items,
            values=values,
            actions=sorted(ACTIONS),
            csv_link="/api/v1/events.csv" + ("?" + urlencode(active) if active else ""),
            next_link=(
                "/console/cases?" + urlencode({**active, "cursor": result.next_cursor})
                if result.next_cursor is not None
                else None
            ),
            first_link=("/console/cases" + ("?" + urlencode(active) if active else "")) if cursor else None,
        )

    def case(request: Request) -> Response:
        case_id = int_param(request.path_params, "case_id")
        assert case_id is not None
        with sessions() as session:
            summary = views.case_dict(session, case_id)
            history = list(store.iter_events(session, AuditFilter(case_id=case_id)))
        if summary is None and not history:
            raise HTTPException(404)
        return render(request, "case.html", case_id=case_id, case=summary, history=history)

    def scope(request: Request) -> Response:
        params = request.query_params
        show = params.get("show", "all")
        if show not in SCOPE_VIEWS:
            show = "all"
        cursor = int_param(params, "cursor", maximum=MAX_INT32)
        with sessions() as session:
            counts = views.scope_counts(session)
            items, next_cursor = views.mailboxes_page(
                session,
                in_scope={"in": True, "out": False}.get(show),
                override=show if show in ("opt_in", "opt_out") else None,
                unreadable=show == "unreadable",
                limit=PAGE_SIZE,
                cursor=cursor,
            )
        return render(
            request,
            "scope.html",
            counts=counts,
            items=items,
            show=show,
            scope_views=SCOPE_VIEWS,
            next_link=("/console/scope?" + urlencode({"show": show, "cursor": next_cursor}) if next_cursor else None),
        )

    def stylesheet(request: Request) -> Response:
        css = _env.loader.get_source(_env, "console.css")[0]  # type: ignore[union-attr]
        return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    def root(request: Request) -> Response:
        return RedirectResponse("/console/", status_code=303)

    return [
        Route("/", root),
        Route("/console", root),
        Route("/console/login", login, methods=["GET", "POST"]),
        Route("/console/login/entra", entra_start),
        Route("/console/login/entra/callback", entra_callback),
        Route("/console/logout", logout, methods=["POST"]),
        Route("/console/static/console.css", stylesheet),
        Route("/console/", page(overview)),
        Route("/console/cases", page(cases)),
        Route("/console/cases/{case_id}", page(case)),
        Route("/console/scope", page(scope)),
    ]
