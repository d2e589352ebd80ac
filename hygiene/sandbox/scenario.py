"""A sandbox tenant from a scenario file (TOML or JSON) for ``hygiene sandbox serve --tenant PATH``.

```toml
domain = "contoso.example"          # optional

[[users]]
upn = "kari@contoso.example"
display_name = "Kari Nordmann"      # optional
id = "..."                          # optional
mailbox = true                      # optional; false: a user without a mailbox
denied = false                      # optional; true: outside the app's mailbox scope (403)

[[groups]]
name = "hygiene-opt-in"
id = "00000000-0000-4000-8000-00000000c0de"   # optional
members = ["kari@contoso.example"]

[[messages]]
user = "kari@contoso.example"
folder = "inbox"                    # optional: id, well-known name or "inbox/Sub/Folder"
eml = "mail/"                       # a .eml file or a directory of them, relative to the scenario file
# or: generate = 20                 # generated messages (seed = "seed", default 0)
received = "2026-11-01T10:00:00Z"   # optional
```

Errors name the file, the entry and the key (ValueError); nothing is half-loaded silently.
"""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from hygiene.sandbox.demo import generate_messages
from hygiene.sandbox.tenant import Tenant

_USER_KEYS = {"upn", "display_name", "id", "mailbox", "denied", "account_enabled", "mail"}
_GROUP_KEYS = {"name", "id", "members"}
_MESSAGE_KEYS = {"user", "folder", "eml", "generate", "seed", "received"}
_TOP_KEYS = {"domain", "users", "groups", "messages"}


def _unknown(where: str, data: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise ValueError(f"{where}: unknown key(s) {', '.join(extra)} (allowed: {', '.join(sorted(allowed))})")


def load_scenario(path: Path | str) -> Tenant:
    """Build a `Tenant` from a TOML or JSON scenario file (see the module docstring).

    Raises:
        ValueError: the file is unreadable or an entry is wrong (names file, entry and key).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the scenario ({exc.strerror})") from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the scenario must be a table/object")
    _unknown(str(path), data, _TOP_KEYS)
    tenant = Tenant(domain=str(data.get("domain", "contoso.example")))
    for i, u in enumerate(data.get("users", [])):
        where = f"{path}: users[{i}]"
        if not isinstance(u, dict) or "upn" not in u:
            raise ValueError(f"{where}: 'upn' is required")
        _unknown(where, u, _USER_KEYS)
        try:
            user = tenant.add_user(
                str(u["upn"]),
                u.get("display_name"),
                u.get("id"),
                mailbox=bool(u.get("mailbox", True)),
                account_enabled=bool(u.get("account_enabled", True)),
                mail=u.get("mail"),
            )
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        user.denied = bool(u.get("denied", False))
    for i, g in enumerate(data.get("groups", [])):
        where = f"{path}: groups[{i}]"
        if not isinstance(g, dict) or "name" not in g or not isinstance(g.get("members", []), list):
            raise ValueError(f"{where}: 'name' and a list 'members' are required")
        _unknown(where, g, _GROUP_KEYS)
        try:
            tenant.add_group(str(g["name"]), [str(m) for m in g.get("members", [])], g.get("id"))
        except KeyError as exc:
            raise ValueError(f"{where}: members: {exc.args[0]}") from exc
    for i, m in enumerate(data.get("messages", [])):
        where = f"{path}: messages[{i}]"
        if not isinstance(m, dict) or "user" not in m or ("eml" in m) == ("generate" in m):
            raise ValueError(f"{where}: 'user' and exactly one of 'eml' or 'generate' are required")
        _unknown(where, m, _MESSAGE_KEYS)
        try:
            tenant.user(str(m["user"]))
        except KeyError as exc:
            raise ValueError(f"{where}: user: {exc.args[0]}") from exc
        received = None
        if "received" in m:
            try:
                received = datetime.fromisoformat(str(m["received"]).replace("Z", "+00:00"))
            except ValueError as exc:
                raise ValueError(f"{where}: received: not an ISO 8601 timestamp") from exc
            if received.tzinfo is None:
                raise ValueError(f"{where}: received: needs a time zone (e.g. Z)")
        folder = str(m.get("folder", "inbox"))
        if "generate" in m:
            generate_messages(tenant, str(m["user"]), int(m["generate"]), seed=int(m.get("seed", 0)))
            continue
        source = (path.parent / str(m["eml"])).resolve()
        files = sorted(source.glob("*.eml")) if source.is_dir() else [source]
        for f in files:
            try:
                mime = f.read_bytes()
            except OSError as exc:
                raise ValueError(f"{where}: eml: cannot read {f} ({exc.strerror})") from exc
            tenant.deliver(str(m["user"]), mime, folder, received=received)
    return tenant
