"""Records-system adapters: where flagged messages are archived before the worker may delete them.

`build_archive` turns ``[records]`` settings into a `RecordsArchive`:

- ``folder``     `FolderArchive`, a directory tree with checksummed, optionally encrypted records (the default);
- ``noark5``     `Noark5Archive`, a Noark 5 Tjenestegrensesnitt (N5WS) archive;
- ``sharepoint`` `SharePointArchive`, a document library reached through Graph;
- ``none``       no archive: the worker deletes without archiving (must be chosen explicitly).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hygiene.adapters.records.folder import FolderArchive
from hygiene.adapters.records.sealing import Sealer, parse_key

if TYPE_CHECKING:
    import httpx

    from hygiene.ports import Clock, RecordsArchive
    from hygiene.settings import Settings

__all__ = ["FolderArchive", "build_archive"]


def build_archive(
    settings: Settings, *, http_client: httpx.AsyncClient | None = None, clock: Clock | None = None
) -> RecordsArchive | None:
    """The archive named by ``settings.records.backend``, or None when it is ``"none"``.

    ``http_client`` is used by the HTTP backends (tests pass one bound to a fake server); without it they create
    their own. Raises `ConfigError` when the backend's settings are unusable (for example a malformed key).
    """
    records = settings.records
    if records.backend == "none":
        return None
    if records.backend == "folder":
        key = records.folder.encryption_key
        sealer = Sealer(parse_key(key.get_secret_value())) if key is not None else None
        return FolderArchive(records.folder.path, sealer=sealer, clock=clock)
    if records.backend == "noark5":
        from hygiene.adapters.records.noark5 import Noark5Archive

        return Noark5Archive.from_settings(settings, http_client=http_client, clock=clock)
    if records.backend == "sharepoint":
        from hygiene.adapters.records.sharepoint import SharePointArchive

        return SharePointArchive.from_settings(settings, http_client=http_client, clock=clock)
    raise AssertionError(f"unhandled records backend {records.backend!r}")  # pragma: no cover - settings validate
