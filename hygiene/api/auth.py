"""Authentication of the audit API and console: the ``[audit] api_token`` bearer token, or a signed session cookie.

The console's sign-in form checks the token once and sets a session cookie (HttpOnly, SameSite=Strict) holding an
expiry and an HMAC over it keyed by a digest of the token, so the cookie never holds the token itself and stops
working when the token is changed. Comparisons are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from starlette.requests import HTTPConnection

from hygiene.api.entra import EntraClient

SESSION_COOKIE = "hygiene_session"
SESSION_TTL_S = 8 * 3600


class TokenAuth:
    """Checks bearer tokens (the configured token, or an Entra ID access token) and console session cookies."""

    def __init__(
        self,
        token: str | None,
        *,
        entra: EntraClient | None = None,
        session_secret: bytes = b"",
        session_ttl_s: int = SESSION_TTL_S,
    ) -> None:
        if not token and entra is None:
            raise ValueError("an API token or Entra ID is required")
        self._token = token.encode() if token else None
        self.entra = entra
        # Sessions die when the token (or the installation secret) changes.
        self._key = hashlib.sha256(
            b"hygiene-console-session\x00" + session_secret + b"\x00" + (self._token or b"")
        ).digest()
        self.session_ttl_s = session_ttl_s

    @property
    def token_enabled(self) -> bool:
        """Whether sign-in with the configured token is possible."""
        return self._token is not None

    def check_token(self, candidate: str) -> bool:
        """Whether ``candidate`` is the configured token (constant-time)."""
        if self._token is None:
            return False
        return hmac.compare_digest(candidate.encode(errors="replace"), self._token)

    def check_bearer(self, header: str | None) -> bool:
        """Whether an ``Authorization`` header carries the configured token or a valid Entra ID access token."""
        if not header:
            return False
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() != "bearer":
            return False
        credentials = credentials.strip()
        if self.check_token(credentials):
            return True
        return self.entra is not None and self.entra.check_access_token(credentials)

    def seal(self, payload: str) -> str:
        """``payload`` with an HMAC appended (for short-lived cookies such as the sign-in state)."""
        return f"{payload}.{self._mac(payload)}"

    def unseal(self, value: str | None) -> str | None:
        """The payload of a `seal` ed value, or None when it was tampered with."""
        if not value or "." not in value:
            return None
        payload, _, mac = value.rpartition(".")
        if not hmac.compare_digest(mac.encode(errors="replace"), self._mac(payload).encode()):
            return None
        return payload

    def _mac(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()

    def new_session(self, now: float | None = None) -> str:
        """A session cookie value valid for ``session_ttl_s``."""
        expires = int((time.time() if now is None else now) + self.session_ttl_s)
        payload = f"{expires}.{secrets.token_hex(8)}"
        return f"{payload}.{self._mac(payload)}"

    def check_session(self, value: str | None, now: float | None = None) -> bool:
        """Whether a session cookie value is authentic and not expired."""
        if not value or value.count(".") != 2:
            return False
        payload, _, mac = value.rpartition(".")
        if not hmac.compare_digest(mac.encode(errors="replace"), self._mac(payload).encode()):
            return False
        try:
            expires = int(payload.split(".", 1)[0])
        except ValueError:
            return False
        return (time.time() if now is None else now) < expires

    def authorized(self, conn: HTTPConnection) -> bool:
        """Whether a request carries the bearer token or a valid session cookie."""
        return self.check_bearer(conn.headers.get("authorization")) or self.check_session(
            conn.cookies.get(SESSION_COOKIE)
        )
