"""A fake Entra ID tenant on loopback: JWKS, the authorize endpoint (signs the user in at once) and the token
endpoint (checks client secret, redirect URI and PKCE), issuing RS256 tokens like the real one."""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

ROLE = "Hygiene.Audit.Read"


class FakeEntra:
    """One tenant with one app registration; ``user_roles`` are the roles of whoever signs in next."""

    def __init__(self, tenant_id: str = "11111111-2222-3333-4444-555555555555", client_id: str = "hygiene-app"):
        self.tenant_id = tenant_id
        self.client_id = client_id
        self.client_secret = "fake-client-secret"
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "fake-key-1"
        self.user_roles: list[str] = [ROLE]
        self.codes: dict[str, dict[str, Any]] = {}
        self.base_url = ""
        self.token_requests = 0
        self.app = Starlette(
            routes=[
                Route(f"/{tenant_id}/discovery/v2.0/keys", self._keys),
                Route(f"/{tenant_id}/oauth2/v2.0/authorize", self._authorize),
                Route(f"/{tenant_id}/oauth2/v2.0/token", self._token, methods=["POST"]),
            ]
        )

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/{self.tenant_id}/v2.0"

    def token(
        self,
        *,
        roles: list[str] | None = None,
        aud: str | None = None,
        iss: str | None = None,
        tid: str | None = None,
        expires_in_s: int = 3600,
        nonce: str | None = None,
        key: rsa.RSAPrivateKey | None = None,
    ) -> str:
        """A signed token as Entra would issue it (override any claim to make a bad one)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": iss or self.issuer,
            "aud": aud or self.client_id,
            "tid": tid or self.tenant_id,
            "iat": now,
            "nbf": now,
            "exp": now + expires_in_s,
            "oid": str(uuid.uuid4()),
            "roles": list(self.user_roles if roles is None else roles),
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def _keys(self, request: Request) -> Response:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return JSONResponse({"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]})

    def _authorize(self, request: Request) -> Response:
        q = request.query_params
        assert q["client_id"] == self.client_id
        assert q["response_type"] == "code"
        assert q["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "nonce": q["nonce"],
            "challenge": q["code_challenge"],
            "redirect_uri": q["redirect_uri"],
            "roles": list(self.user_roles),
        }
        return RedirectResponse(f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}", 302)

    async def _token(self, request: Request) -> Response:
        self.token_requests += 1
        form = await request.form()
        grant = self.codes.pop(str(form.get("code")), None)
        verifier = str(form.get("code_verifier", ""))
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if (
            grant is None
            or form.get("client_secret") != self.client_secret
            or form.get("redirect_uri") != grant["redirect_uri"]
            or challenge != grant["challenge"]
        ):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        return JSONResponse(
            {
                "token_type": "Bearer",
                "id_token": self.token(roles=grant["roles"], nonce=grant["nonce"]),
                "access_token": "opaque",
            }
        )

    def serve(self) -> tuple[uvicorn.Server, threading.Thread]:
        """Serve on a free loopback port (sets ``base_url``)."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake Entra did not start")
            time.sleep(0.02)
        return server, thread
