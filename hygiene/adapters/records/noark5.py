"""The `noark5` records backend: a client for the Noark 5 Tjenestegrensesnitt (N5WS, REST + HAL).

The client knows one URL, ``[records.noark5] base_url``, and discovers everything else from ``_links`` keyed by
relation URIs under ``https://rel.arkivverket.no/noark5/v5/api/`` (HATEOAS, as the standard requires). Bodies are
``application/vnd.noark5+json``; lists are ``{"count": n, "results": [...]}``; searches use OData ``$filter``.

Flow of `put` (each step finds before it creates, so a retry after a crash resumes instead of duplicating):

1. arkiv (the first one, or a new one) -> arkivdel titled ``series_title`` -> (optionally the klasse with
   ``klasseID = class_id`` in the arkivdel's klassifikasjonssystem) -> saksmappe titled ``case_file_title``,
   screened per ``screening_code`` / ``screening_authority``;
2. journalpost ``journalposttype I`` (inngående), title from the record (no subject), screened, with the record
   key in ``beskrivelse`` as ``hygiene-record-key:<key>`` - set in the same POST that creates the journalpost, so
   there is no window in which a post exists that a retry cannot find (``$filter=beskrivelse eq '...'``);
3. korrespondansepart (avsender, ``EA``) with the sender's address;
4. dokumentbeskrivelse 1 (hoveddokument) + dokumentobjekt (``message/rfc822``, format ``RFC 5322``,
   ``sjekksumAlgoritme`` ``SHA-256``), then the .eml uploaded to the dokumentobjekt's ``fil`` link; the server
   fills in ``sjekksum`` and ``filstoerrelse`` from the upload (so their presence means "uploaded") and the
   checksum it reports must equal ours;
5. dokumentbeskrivelse 2 (vedlegg): ``metadata.json`` with the classification (categories, counts; never a value).

`verify` downloads the .eml from the ``fil`` link and compares its SHA-256 with the receipt's.

Auth: OAuth2 client credentials against ``token_url`` (``client_id`` / ``client_secret``); the token is cached
until shortly before it expires and fetched again once on a 401. All failures raise `RecordsError` (the worker
keeps the message and retries later); a stored copy with another checksum raises `RecordMismatchError`.
Error messages carry HTTP status, method and relation, never a response body or message content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import orjson

from hygiene.adapters.records.folder import _metadata
from hygiene.clock import SystemClock
from hygiene.domain.records import Receipt, Record
from hygiene.errors import RecordMismatchError, RecordRejectedError, RecordsError

if TYPE_CHECKING:
    from hygiene.ports import Clock
    from hygiene.settings import Settings

CONTENT_TYPE = "application/vnd.noark5+json"
REL = "https://rel.arkivverket.no/noark5/v5/api/"
KEY_PREFIX = "hygiene-record-key:"
EML_NAME = "message.eml"
METADATA_NAME = "metadata.json"

# Answers to an upload that say the record itself is unacceptable (retrying the same record cannot help).
REJECTED_STATUS = frozenset({400, 413, 415, 422})


def rel(name: str) -> str:
    """The full relation URI of ``name``, e.g. ``rel("sakarkiv/ny-journalpost")``."""
    return f"{REL}{name}/"


R_ARKIVSTRUKTUR = rel("arkivstruktur")
R_SAKARKIV = rel("sakarkiv")
R_ARKIV = rel("arkivstruktur/arkiv")
R_NY_ARKIV = rel("arkivstruktur/ny-arkiv")
R_ARKIVDEL = rel("arkivstruktur/arkivdel")
R_NY_ARKIVDEL = rel("arkivstruktur/ny-arkivdel")
R_KLASSIFIKASJONSSYSTEM = rel("arkivstruktur/klassifikasjonssystem")
R_KLASSE = rel("arkivstruktur/klasse")
R_SAKSMAPPE = rel("sakarkiv/saksmappe")
R_NY_SAKSMAPPE = rel("sakarkiv/ny-saksmappe")
R_JOURNALPOST = rel("sakarkiv/journalpost")
R_NY_JOURNALPOST = rel("sakarkiv/ny-journalpost")
R_KORRESPONDANSEPART = rel("arkivstruktur/korrespondansepart")
R_NY_KORRESPONDANSEPARTPERSON = rel("arkivstruktur/ny-korrespondansepartperson")
R_DOKUMENTBESKRIVELSE = rel("arkivstruktur/dokumentbeskrivelse")
R_NY_DOKUMENTBESKRIVELSE = rel("arkivstruktur/ny-dokumentbeskrivelse")
R_DOKUMENTOBJEKT = rel("arkivstruktur/dokumentobjekt")
R_NY_DOKUMENTOBJEKT = rel("arkivstruktur/ny-dokumentobjekt")
R_FIL = rel("arkivstruktur/fil")


def odata_literal(value: str) -> str:
    """``value`` as an OData string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def links_of(obj: Mapping[str, Any]) -> dict[str, str]:
    """``_links`` as {relation: href}; accepts the HAL object form and the older list-of-links form."""
    raw = obj.get("_links") or {}
    out: dict[str, str] = {}
    if isinstance(raw, Mapping):
        for name, link in raw.items():
            if isinstance(link, Mapping) and isinstance(link.get("href"), str):
                out[name] = link["href"]
    elif isinstance(raw, list):
        for link in raw:
            if isinstance(link, Mapping) and isinstance(link.get("rel"), str) and isinstance(link.get("href"), str):
                out[link["rel"]] = link["href"]
    return out


@dataclass(slots=True)
class _Token:
    value: str
    expires_at: datetime


class Noark5Archive:
    """`RecordsArchive` on a Noark 5 archive reached through N5WS.

    Args:
        base_url: the API root (``.../noark5v5/``); every other URL is discovered from ``_links``.
        http: the client to send through (tests pass one bound to a fake server). Not closed by this class.
        token_url, client_id, client_secret: OAuth2 client credentials; no token is sent when ``token_url`` is
            empty (an archive behind a trusted proxy).
        series_title, class_id, case_file_title, screening_code, screening_authority: see ``[records.noark5]``.
    """

    name = "noark5"

    def __init__(
        self,
        base_url: str,
        *,
        http: httpx.AsyncClient,
        token_url: str = "",
        client_id: str = "",
        client_secret: str = "",
        series_title: str = "Sensitive e-post",
        class_id: str = "",
        case_file_title: str = "Innkommende e-post med sensitive personopplysninger",
        screening_code: str = "13",
        screening_authority: str = "",
        clock: Clock | None = None,
    ) -> None:
        self.base_url = base_url
        self._http = http
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self.series_title = series_title
        self.class_id = class_id
        self.case_file_title = case_file_title
        self.screening_code = screening_code
        self.screening_authority = screening_authority
        self._clock: Clock = clock or SystemClock()
        self._token: _Token | None = None
        self._case_file: dict[str, Any] | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, *, http_client: httpx.AsyncClient | None = None, clock: Clock | None = None
    ) -> Noark5Archive:
        """Build from ``[records.noark5]``; creates its own client when none is given."""
        s = settings.records.noark5
        http = http_client or httpx.AsyncClient(timeout=settings.graph.request_timeout_s)
        return cls(
            s.base_url,
            http=http,
            token_url=s.token_url,
            client_id=s.client_id,
            client_secret=s.client_secret.get_secret_value() if s.client_secret is not None else "",
            series_title=s.series_title,
            class_id=s.class_id,
            case_file_title=s.case_file_title,
            screening_code=s.screening_code,
            screening_authority=s.screening_authority,
            clock=clock,
        )

    # -- the port -------------------------------------------------------------------------------------------

    async def put(self, record: Record) -> Receipt:
        """Register the record as an incoming journal post with the .eml (resuming a half-done earlier try)."""
        key = record.key
        case_file = await self._ensure_case_file()
        post = await self._find_post(case_file, key)
        if post is None:
            post = await self._create(case_file, R_NY_JOURNALPOST, self._post_body(record, key), what="journalpost")
        await self._ensure_sender(post, record.sender)
        doc = await self._ensure_document(
            post,
            number=1,
            role=("H", "Hoveddokument"),
            title=record.title,
            filename=EML_NAME,
            content=record.mime,
            mime_type="message/rfc822",
            fmt=("RFC 5322", "E-post (RFC 5322)"),
        )
        receipt = self._receipt(key, post, doc)
        if receipt.sha256 != record.sha256:
            raise RecordMismatchError(f"record {key} is stored in the archive with another checksum")
        meta = _metadata(record, key, receipt.stored_at, EML_NAME)
        meta["backend"] = self.name
        await self._ensure_document(
            post,
            number=2,
            role=("V", "Vedlegg"),
            title="Klassifisering (hygiene)",
            filename=METADATA_NAME,
            content=orjson.dumps(meta, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS),
            mime_type="application/json",
            fmt=("JSON", "JSON"),
        )
        return receipt

    async def find(self, key: str) -> Receipt | None:
        """The receipt of the journal post registered under ``key`` with its .eml uploaded, or None."""
        case_file = await self._ensure_case_file(create=False)
        if case_file is None:
            return None
        post = await self._find_post(case_file, key)
        if post is None:
            return None
        doc = await self._document_object(post, number=1)
        if doc is None or not doc.get("sjekksum") or not doc.get("filstoerrelse"):
            return None
        return self._receipt(key, post, doc)

    async def verify(self, receipt: Receipt) -> bool:
        """Download the stored .eml and compare its SHA-256 with the receipt's. False when it is gone."""
        resp = await self._send("GET", receipt.location, what="fil", accept="*/*", allow_404=True)
        if resp.status_code == 404:
            return False
        return hashlib.sha256(resp.content).hexdigest() == receipt.sha256

    # -- structure --------------------------------------------------------------------------------------------

    async def _ensure_case_file(self, *, create: bool = True) -> dict[str, Any] | None:
        if self._case_file is not None:
            return self._case_file
        root = await self._get_json(self.base_url, what="root")
        root_links = links_of(root)
        if R_ARKIVSTRUKTUR not in root_links:
            raise RecordsError("the N5WS root offers no arkivstruktur link; check records.noark5.base_url")
        structure = await self._get_json(root_links[R_ARKIVSTRUKTUR], what="arkivstruktur")
        archives = await self._list(structure, R_ARKIV, what="arkiv")
        if archives:
            archive = archives[0]
        elif create:
            archive = await self._create(structure, R_NY_ARKIV, {"tittel": self.series_title}, what="arkiv")
        else:
            return None
        series = await self._first_titled(archive, R_ARKIVDEL, self.series_title, what="arkivdel")
        if series is None:
            if not create:
                return None
            series = await self._create(
                archive, R_NY_ARKIVDEL, {"tittel": self.series_title, "arkivdelstatus": _code("A")}, what="arkivdel"
            )
        parent = series
        if self.class_id:
            parent = await self._find_class(series)
        case_file = await self._first_titled(parent, R_SAKSMAPPE, self.case_file_title, what="saksmappe")
        if case_file is None:
            if not create:
                return None
            body: dict[str, Any] = {"tittel": self.case_file_title, "saksstatus": _code("B", "Under behandling")}
            body.update(self._screening())
            case_file = await self._create(parent, R_NY_SAKSMAPPE, body, what="saksmappe")
        self._case_file = case_file
        return case_file

    async def _find_class(self, series: dict[str, Any]) -> dict[str, Any]:
        for system in await self._list(series, R_KLASSIFIKASJONSSYSTEM, what="klassifikasjonssystem"):
            classes = await self._list(
                system, R_KLASSE, what="klasse", query=f"klasseID eq {odata_literal(self.class_id)}"
            )
            for klasse in classes:
                if klasse.get("klasseID") == self.class_id:
                    return klasse
        raise RecordsError(
            f"no klasse with klasseID {self.class_id!r} in the arkivdel {self.series_title!r}; "
            "check records.noark5.class_id"
        )

    async def _first_titled(self, parent: dict[str, Any], relation: str, title: str, *, what: str) -> Any:
        for item in await self._list(parent, relation, what=what, query=f"tittel eq {odata_literal(title)}"):
            if item.get("tittel") == title:
                return item
        return None

    async def _find_post(self, case_file: dict[str, Any], key: str) -> dict[str, Any] | None:
        marker = KEY_PREFIX + key
        posts = await self._list(
            case_file, R_JOURNALPOST, what="journalpost", query=f"beskrivelse eq {odata_literal(marker)}"
        )
        for post in posts:
            if post.get("beskrivelse") == marker:
                return post
        return None

    def _post_body(self, record: Record, key: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "tittel": record.title,
            "beskrivelse": KEY_PREFIX + key,
            "journalposttype": _code("I", "Inngående dokument"),
            "journalstatus": _code("J", "Journalført"),
            "dokumentetsDato": (record.received_at or self._clock.now()).astimezone(UTC).date().isoformat(),
            "mottattDato": (record.received_at or self._clock.now()).astimezone(UTC).isoformat(),
        }
        body.update(self._screening())
        return body

    def _screening(self) -> dict[str, Any]:
        if not self.screening_code:
            return {}
        return {
            "skjerming": {
                "tilgangsrestriksjon": _code(self.screening_code),
                "skjermingshjemmel": self.screening_authority,
                "skjermingMetadata": [_code("tittel"), _code("korrespondansepart")],
                "skjermingDokument": _code("H", "Hele dokumentet"),
            }
        }

    async def _ensure_sender(self, post: dict[str, Any], sender: str | None) -> None:
        if not sender:
            return
        parties = await self._list(post, R_KORRESPONDANSEPART, what="korrespondansepart")
        if parties:
            return
        await self._create(
            post,
            R_NY_KORRESPONDANSEPARTPERSON,
            {
                "korrespondanseparttype": _code("EA", "Avsender"),
                "navn": sender,
                "kontaktinformasjon": {"epostadresse": sender},
            },
            what="korrespondansepart",
        )

    async def _document_object(self, post: dict[str, Any], *, number: int) -> dict[str, Any] | None:
        for desc in await self._list(post, R_DOKUMENTBESKRIVELSE, what="dokumentbeskrivelse"):
            if desc.get("dokumentnummer") == number:
                objects = await self._list(desc, R_DOKUMENTOBJEKT, what="dokumentobjekt")
                return objects[0] if objects else None
        return None

    async def _ensure_document(
        self,
        post: dict[str, Any],
        *,
        number: int,
        role: tuple[str, str],
        title: str,
        filename: str,
        content: bytes,
        mime_type: str,
        fmt: tuple[str, str],
    ) -> dict[str, Any]:
        """Find or create dokumentbeskrivelse ``number`` and its dokumentobjekt; upload ``content`` if missing."""
        sha = hashlib.sha256(content).hexdigest()
        desc = None
        for item in await self._list(post, R_DOKUMENTBESKRIVELSE, what="dokumentbeskrivelse"):
            if item.get("dokumentnummer") == number:
                desc = item
                break
        if desc is None:
            body: dict[str, Any] = {
                "tittel": title,
                "dokumentnummer": number,
                "dokumenttype": _code("B", "Brev"),
                "dokumentstatus": _code("F", "Dokumentet er ferdigstilt"),
                "tilknyttetRegistreringSom": _code(*role),
            }
            body.update(self._screening())
            desc = await self._create(post, R_NY_DOKUMENTBESKRIVELSE, body, what="dokumentbeskrivelse")
        objects = await self._list(desc, R_DOKUMENTOBJEKT, what="dokumentobjekt")
        if objects:
            obj = objects[0]
            if obj.get("sjekksum") and obj.get("filstoerrelse"):
                if str(obj["sjekksum"]).lower() != sha:
                    raise RecordMismatchError(f"{filename} is stored in the archive with another checksum")
                return obj
        else:
            obj = await self._create(
                desc,
                R_NY_DOKUMENTOBJEKT,
                {
                    "versjonsnummer": 1,
                    "variantformat": _code("A", "Arkivformat"),
                    "format": _code(*fmt),
                    "mimeType": mime_type,
                    "filnavn": filename,
                    "sjekksumAlgoritme": "SHA-256",
                },
                what="dokumentobjekt",
            )
        upload = links_of(obj).get(R_FIL)
        if upload is None:
            raise RecordsError("the archive's dokumentobjekt offers no fil link for the upload")
        resp = await self._send(
            "POST",
            upload,
            what="fil",
            content=content,
            headers={"Content-Type": mime_type, "Content-Disposition": f'attachment; filename="{filename}"'},
        )
        stored = _json(resp, "fil") if resp.content else await self._get_json(links_of(obj)["self"], what="fil")
        reported = str(stored.get("sjekksum") or "").lower()
        if reported != sha:
            raise RecordMismatchError(
                f"the archive reports another checksum for {filename} than was uploaded; the record is not stored"
            )
        return stored

    def _receipt(self, key: str, post: dict[str, Any], doc: dict[str, Any]) -> Receipt:
        location = links_of(doc).get(R_FIL)
        if location is None:
            raise RecordsError("the archive's dokumentobjekt offers no fil link to read the record back")
        stored_at = _parse_time(post.get("opprettetDato")) or self._clock.now().astimezone(UTC)
        return Receipt(
            backend=self.name, key=key, location=location, sha256=str(doc["sjekksum"]).lower(), stored_at=stored_at
        )

    # -- HTTP -------------------------------------------------------------------------------------------------

    async def _list(
        self, parent: Mapping[str, Any], relation: str, *, what: str, query: str | None = None
    ) -> list[dict[str, Any]]:
        href = links_of(parent).get(relation)
        if href is None:
            return []
        if query is not None:
            href += ("&" if "?" in href else "?") + "$filter=" + quote(query, safe="")
        data = await self._get_json(href, what=what)
        results = data.get("results", [])
        return [r for r in results if isinstance(r, dict)] if isinstance(results, list) else []

    async def _create(
        self, parent: Mapping[str, Any], relation: str, body: dict[str, Any], *, what: str
    ) -> dict[str, Any]:
        href = links_of(parent).get(relation)
        if href is None:
            raise RecordsError(f"the archive offers no link to create a {what} ({relation}); check its permissions")
        resp = await self._send(
            "POST", href, what=what, content=orjson.dumps(body), headers={"Content-Type": CONTENT_TYPE}
        )
        return _json(resp, what)

    async def _get_json(self, url: str, *, what: str) -> dict[str, Any]:
        return _json(await self._send("GET", url, what=what), what)

    async def _send(
        self,
        method: str,
        url: str,
        *,
        what: str,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        accept: str = CONTENT_TYPE,
        allow_404: bool = False,
    ) -> httpx.Response:
        for attempt in range(2):
            all_headers = {"Accept": accept, **(headers or {})}
            token = await self._bearer()
            if token:
                all_headers["Authorization"] = f"Bearer {token}"
            try:
                resp = await self._http.request(method, url, content=content, headers=all_headers)
            except httpx.HTTPError as exc:
                raise RecordsError(f"the Noark 5 archive is unreachable ({type(exc).__name__}) at {what}") from exc
            if resp.status_code == 401 and attempt == 0 and self._token_url:
                self._token = None
                continue
            if resp.status_code == 401:
                raise RecordsError(
                    f"the Noark 5 archive refused the credentials (401 on {method} {what}); check "
                    "records.noark5.client_id, client_secret and token_url"
                )
            if resp.status_code == 404 and allow_404:
                return resp
            if resp.status_code in REJECTED_STATUS and method in ("POST", "PUT", "PATCH"):
                raise RecordRejectedError(
                    f"the Noark 5 archive rejected {method} {what} ({resp.status_code}): the record is invalid"
                )
            if resp.status_code >= 400:
                raise RecordsError(f"the Noark 5 archive answered {resp.status_code} to {method} {what}")
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    async def _bearer(self) -> str | None:
        if not self._token_url:
            return None
        now = self._clock.now()
        if self._token is not None and now < self._token.expires_at:
            return self._token.value
        try:
            resp = await self._http.post(
                self._token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._client_id,
                    "client_secret": self._client_secret,
                },
                headers={"Accept": "application/json"},
            )
        except httpx.HTTPError as exc:
            raise RecordsError(f"the Noark 5 token endpoint is unreachable ({type(exc).__name__})") from exc
        if resp.status_code in (400, 401, 403):
            raise RecordsError(
                f"the Noark 5 token endpoint refused the client credentials ({resp.status_code}); check "
                "records.noark5.client_id and records.noark5.client_secret"
            )
        if resp.status_code >= 400:
            raise RecordsError(f"the Noark 5 token endpoint answered {resp.status_code}")
        data = _json(resp, "token")
        value = data.get("access_token")
        if not isinstance(value, str) or not value:
            raise RecordsError("the Noark 5 token endpoint returned no access_token")
        lifetime_s = float(data.get("expires_in") or 300)
        self._token = _Token(value, now + timedelta(seconds=max(lifetime_s - 60, lifetime_s / 2)))
        return value


def _code(kode: str, kodenavn: str | None = None) -> dict[str, str]:
    return {"kode": kode} if kodenavn is None else {"kode": kode, "kodenavn": kodenavn}


def _json(resp: httpx.Response, what: str) -> dict[str, Any]:
    try:
        data = orjson.loads(resp.content)
    except orjson.JSONDecodeError:
        raise RecordsError(f"the Noark 5 archive sent a {what} answer that is not JSON") from None
    if not isinstance(data, dict):
        raise RecordsError(f"the Noark 5 archive sent a {what} answer that is not a JSON object")
    return data


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
