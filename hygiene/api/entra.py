"""Entra ID (Azure AD) for the audit API and console: access-token validation and OpenID Connect sign-in.

API callers send ``Authorization: Bearer <access token>`` issued for the app registration ``[audit]
entra_client_id``; the token must be signed by a key of the tenant's JWKS, name the tenant as issuer (v2.0 or v1),
have one of the accepted audiences and carry the app role ``[audit] entra_required_role`` in ``roles``.

Console users sign in with the authorization code flow and PKCE: `EntraClient.authorize_url` sends the browser
to Entra; the callback exchanges the code (with the client secret) and `EntraClient.claims` validates the
``id_token`` (signature, issuer, audience = client id, nonce) before the role is checked.

Keys are fetched from ``{authority}/{tenant}/discovery/v2.0/keys`` and cached for an hour. No token, claim value
or user name is logged or stored by hygiene.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
from jwt import PyJWKClient

from hygiene.settings import AuditSettings


def pkce_pair() -> tuple[str, str]:
    """A PKCE ``(code_verifier, code_challenge)`` pair (S256)."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


@dataclass(frozen=True, slots=True)
class SignInResult:
    """The outcome of a console sign-in callback: ``ok`` with no further detail, or why it failed (a token)."""

    ok: bool
    reason: str = ""


class EntraClient:
    """Validates Entra ID tokens for one app registration and runs the console's code exchange."""

    def __init__(self, audit: AuditSettings, *, http: httpx.Client | None = None) -> None:
        authority = audit.entra_authority.rstrip("/")
        self.tenant_id = audit.entra_tenant_id
        self.client_id = audit.entra_client_id
        self.required_role = audit.entra_required_role
        self.client_secret = audit.entra_client_secret
        self.redirect_uri = audit.entra_redirect_uri
        base = f"{authority}/{self.tenant_id}"
        self.issuers = frozenset({f"{base}/v2.0", f"https://sts.windows.net/{self.tenant_id}/"})
        self.audiences = [self.client_id, f"api://{self.client_id}"] + (
            [audit.entra_audience] if audit.entra_audience else []
        )
        self.authorize_endpoint = f"{base}/oauth2/v2.0/authorize"
        self.token_endpoint = f"{base}/oauth2/v2.0/token"
        self._jwks = PyJWKClient(f"{base}/discovery/v2.0/keys", cache_jwk_set=True, lifespan=3600, timeout=10)
        self._http = http

    # --- tokens -------------------------------------------------------------------------------------------------
    def claims(self, token: str, *, audience: str | list[str] | None = None, nonce: str | None = None) -> dict | None:
        """The validated claims of a JWT from this tenant, or None (bad signature, issuer, audience, expiry...)."""
        if token.count(".") != 2 or len(token) > 16384:
            return None
        try:
            key = self._jwks.get_signing_key_from_jwt(token).key
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=audience or self.audiences,
                options={"require": ["exp", "iss", "aud"]},
                leeway=60,
            )
        except (jwt.PyJWTError, ValueError, KeyError):
            return None
        if claims.get("iss") not in self.issuers:
            return None
        if claims.get("tid") not in (None, self.tenant_id):
            return None
        if nonce is not None and not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
            return None
        return claims

    def has_role(self, claims: dict[str, Any]) -> bool:
        """Whether the token carries the required app role."""
        roles = claims.get("roles") or []
        return isinstance(roles, list) and self.required_role in roles

    def check_access_token(self, token: str) -> bool:
        """Whether ``token`` is a valid access token for the API carrying the required role."""
        claims = self.claims(token)
        return claims is not None and self.has_role(claims)

    # --- console sign-in ----------------------------------------------------------------------------------------
    def authorize_url(self, *, redirect_uri: str, state: str, nonce: str, code_challenge: str) -> str:
        """Where to send the browser to sign in."""
        query = {
            "client_id": self.client_id,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "response_mode": "query",
            "scope": "openid profile",
            "state": state,
            "nonce": nonce,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        return f"{self.authorize_endpoint}?{urlencode(query)}"

    def finish_sign_in(self, *, code: str, redirect_uri: str, code_verifier: str, nonce: str) -> SignInResult:
        """Exchange the authorization code, validate the id_token and check the role."""
        if self.client_secret is None:
            return SignInResult(False, "no_client_secret")
        data = {
            "grant_type": "authorization_code",
            "client_id": self.client_id,
            "client_secret": self.client_secret.get_secret_value(),
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": code_verifier,
            "scope": "openid profile",
        }
        try:
            if self._http is not None:
                response = self._http.post(self.token_endpoint, data=data)
            else:
                with httpx.Client(timeout=15) as client:
                    response = client.post(self.token_endpoint, data=data)
        except httpx.HTTPError:
            return SignInResult(False, "token_endpoint_unreachable")
        if response.status_code != 200:
            return SignInResult(False, "code_rejected")
        try:
            id_token = str(response.json()["id_token"])
        except (ValueError, KeyError, TypeError):
            return SignInResult(False, "no_id_token")
        claims = self.claims(id_token, audience=self.client_id, nonce=nonce)
        if claims is None:
            return SignInResult(False, "id_token_invalid")
        if not self.has_role(claims):
            return SignInResult(False, "role_missing")
        return SignInResult(True)
