"""App-only access tokens for Graph, per ``[auth] method``.

``static_token`` (sandbox and tests) sends the configured token as is. The other methods use azure-identity's
async credentials: ``client_secret`` (ClientSecretCredential), ``certificate`` (CertificateCredential),
``workload_identity`` (WorkloadIdentityCredential, AKS federated token from the environment) and
``managed_identity`` (ManagedIdentityCredential, with ``[tenant] client_id`` for a user-assigned identity).
Tokens are cached until five minutes before they expire. Secrets are never logged or put in an error.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Protocol
from urllib.parse import urlsplit

from hygiene.errors import ConfigError, GraphError
from hygiene.settings import Settings

_REFRESH_MARGIN_S = 300.0


class TokenProvider(Protocol):
    """Gives a bearer token for Graph."""

    async def token(self) -> str:
        """A valid access token (cached)."""
        ...

    async def close(self) -> None:
        """Release the credential's resources."""
        ...


class StaticToken:
    """A fixed token (``[auth] method = "static_token"``): the sandbox accepts ``sandbox``."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def token(self) -> str:
        """The configured token."""
        return self._token

    async def close(self) -> None:
        """Nothing to release."""


class CredentialToken:
    """A token from an azure-identity async credential, cached until shortly before expiry."""

    def __init__(self, credential: Any, scope: str) -> None:
        self._credential = credential
        self._scope = scope
        self._token: str | None = None
        self._expires_on = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        """A cached or freshly obtained token; raises `GraphError` (no secret in it) when sign-in fails."""
        if self._token is not None and time.time() < self._expires_on - _REFRESH_MARGIN_S:
            return self._token
        async with self._lock:
            if self._token is not None and time.time() < self._expires_on - _REFRESH_MARGIN_S:
                return self._token
            from azure.core.exceptions import ClientAuthenticationError

            try:
                access = await self._credential.get_token(self._scope)
            except ClientAuthenticationError as exc:
                raise GraphError(
                    f"sign-in to Entra ID failed ({type(exc).__name__}); check [tenant] and [auth]", code="auth"
                ) from exc
            self._token, self._expires_on = access.token, float(access.expires_on)
            return self._token

    async def close(self) -> None:
        """Close the credential's transport."""
        await self._credential.close()


def graph_scope(base_url: str) -> str:
    """The ``.default`` scope of the Graph cloud that ``base_url`` points at."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}/.default"


def build_token_provider(settings: Settings) -> TokenProvider:
    """The token provider for ``settings.auth.method``.

    Raises:
        ConfigError: a setting the method needs is missing (names the key).
    """
    auth, tenant = settings.auth, settings.tenant
    if auth.method == "static_token":
        if auth.token is None:
            raise ConfigError(["auth.token is required when auth.method = 'static_token'"])
        return StaticToken(auth.token.get_secret_value())
    from azure.identity import aio

    scope = graph_scope(settings.graph.base_url)
    needs_app = auth.method in ("client_secret", "certificate")
    missing = [k for k in ("tenant_id", "client_id") if needs_app and not getattr(tenant, k)]
    if missing:
        raise ConfigError([f"tenant.{k} is required when auth.method = {auth.method!r}" for k in missing])
    authority = urlsplit(auth.authority_host).netloc or auth.authority_host
    if auth.method == "client_secret":
        assert auth.client_secret is not None  # settings validate it
        cred: Any = aio.ClientSecretCredential(
            tenant.tenant_id, tenant.client_id, auth.client_secret.get_secret_value(), authority=authority
        )
    elif auth.method == "certificate":
        password = auth.certificate_password.get_secret_value().encode() if auth.certificate_password else None
        cred = aio.CertificateCredential(
            tenant.tenant_id,
            tenant.client_id,
            certificate_path=str(auth.certificate_path),
            password=password,
            authority=authority,
        )
    elif auth.method == "workload_identity":
        kw = {k: v for k, v in (("tenant_id", tenant.tenant_id), ("client_id", tenant.client_id)) if v}
        cred = aio.WorkloadIdentityCredential(**kw)
    else:  # managed_identity
        cred = aio.ManagedIdentityCredential(client_id=tenant.client_id or None)
    return CredentialToken(cred, scope)
