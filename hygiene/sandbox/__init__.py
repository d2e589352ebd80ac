"""The sandbox tenant: a fake of Microsoft Graph v1.0 mail on 127.0.0.1, built from Microsoft's documentation.

It is what ``hygiene demo`` runs on, the fixture of the pipeline tests and the target of the benchmarks.

- `Tenant` (`hygiene.sandbox.tenant`): the in-memory state (users, groups, mailboxes, messages from exact MIME
  bytes, outbox, request counts, peak concurrency, fault rules).
- `GraphService` (`hygiene.sandbox.graph`): the Graph operations, independent of HTTP.
- `build_app` / `serve` (`hygiene.sandbox.server`): the HTTP surfaces (Graph under ``/v1.0``, the token endpoint,
  the ``/_sandbox`` control surface) and a background-thread server on a free port.
- `Drive` (`hygiene.sandbox.drive`): a SharePoint document library (`Tenant.add_drive`) for the sharepoint records
  backend, under the same ``/v1.0`` root and tokens.
- `demo_tenant` (`hygiene.sandbox.demo`): the generated demo tenant.
- `load_scenario` (`hygiene.sandbox.scenario`): a tenant from a TOML/JSON scenario file.
"""

from hygiene.sandbox.demo import demo_tenant, generate_messages
from hygiene.sandbox.drive import Drive
from hygiene.sandbox.scenario import load_scenario
from hygiene.sandbox.server import Running, build_app, serve
from hygiene.sandbox.tenant import Faults, Group, Limits, Message, SandboxError, Tenant, User

__all__ = [
    "Drive",
    "Faults",
    "Group",
    "Limits",
    "Message",
    "Running",
    "SandboxError",
    "Tenant",
    "User",
    "build_app",
    "demo_tenant",
    "generate_messages",
    "load_scenario",
    "serve",
]
