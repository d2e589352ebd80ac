"""The one typed settings model of hygiene.

Sources, strongest first: explicit overrides (tests), environment variables ``HYGIENE_<SECTION>__<KEY>``,
then the TOML file (``--config PATH``, else ``$HYGIENE_CONFIG``, else ``./settings.toml`` if present).
Every section forbids unknown keys so that a typo fails at start instead of being ignored.

Secrets (`SecretStr` fields) may also be given as a path in the sibling ``<name>_file`` key, the way Kubernetes
mounts secrets; they are never printed (``redacted()``) and never part of an error message.
"""

from __future__ import annotations

import contextvars
import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from hygiene.errors import ConfigError

CATEGORIES = (
    "national_id",
    "health",
    "ethnicity",
    "religion",
    "politics",
    "union",
    "sexual_orientation",
    "genetic_biometric",
    "criminal",
    "bank_account",
    "payment_card",
)
LANGUAGES = ("nb", "nn", "sv", "da", "en")

_toml_path: contextvars.ContextVar[Path | None] = contextvars.ContextVar("hygiene_toml_path", default=None)


class Section(BaseModel):
    """Base of every settings section: unknown keys are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


def _read_secret_file(path: Path, key: str) -> SecretStr:
    try:
        return SecretStr(path.read_text(encoding="utf-8").strip())
    except OSError as exc:
        raise ValueError(f"cannot read the file named by {key}_file ({exc.strerror}); check the path") from None


class TenantSettings(Section):
    """The Entra ID tenant and the app registration hygiene signs in as."""

    tenant_id: str = ""
    client_id: str = ""


class AuthSettings(Section):
    """How hygiene obtains a Graph token (app-only)."""

    method: Literal["client_secret", "certificate", "workload_identity", "managed_identity", "static_token"] = (
        "static_token"
    )
    client_secret: SecretStr | None = None
    client_secret_file: Path | None = None
    certificate_path: Path | None = None
    certificate_password: SecretStr | None = None
    certificate_password_file: Path | None = None
    token: SecretStr | None = None
    token_file: Path | None = None
    authority_host: str = "https://login.microsoftonline.com"

    @model_validator(mode="after")
    def _secrets_from_files(self) -> AuthSettings:
        for name in ("client_secret", "certificate_password", "token"):
            file = getattr(self, f"{name}_file")
            if getattr(self, name) is None and file is not None:
                object.__setattr__(self, name, _read_secret_file(file, f"auth.{name}"))
        if self.method == "client_secret" and self.client_secret is None:
            raise ValueError(
                "auth.client_secret is required when auth.method = 'client_secret': set auth.client_secret_file "
                "or HYGIENE_AUTH__CLIENT_SECRET"
            )
        if self.method == "certificate" and self.certificate_path is None:
            raise ValueError("auth.certificate_path is required when auth.method = 'certificate'")
        if self.method == "static_token" and self.token is None:
            raise ValueError(
                "auth.token is required when auth.method = 'static_token': set auth.token_file or "
                "HYGIENE_AUTH__TOKEN (or choose another auth.method)"
            )
        return self


OUTLOOK_MAX_CONCURRENCY = 4
"""Outlook's limit of concurrent requests per app ID across all mailboxes (Graph throttling limits)."""


class GraphLimitWarning(UserWarning):
    """A ``[graph]`` setting asks for more than Microsoft Graph allows; hygiene uses the limit instead."""


class GraphSettings(Section):
    """Where Graph is and how hard hygiene may use it."""

    base_url: str = "https://graph.microsoft.com/v1.0"
    max_concurrency: Annotated[int, Field(ge=1, le=64)] = 4
    request_timeout_s: Annotated[float, Field(gt=0)] = 60.0
    max_retries: Annotated[int, Field(ge=0, le=20)] = 6
    page_size: Annotated[int, Field(ge=1, le=1000)] = 200
    requests_per_10min_per_mailbox: Annotated[int, Field(ge=1)] = 10_000

    @model_validator(mode="after")
    def _cap_concurrency(self) -> GraphSettings:
        """Outlook runs at most 4 concurrent requests per app, across all mailboxes: more only earns 429s
        (``MailboxConcurrency``). A larger value (accepted for old settings files) is capped, with a warning."""
        if self.max_concurrency > OUTLOOK_MAX_CONCURRENCY:
            import warnings

            warnings.warn(
                f"graph.max_concurrency = {self.max_concurrency} is above Outlook's limit of "
                f"{OUTLOOK_MAX_CONCURRENCY} concurrent requests per app across all mailboxes (more only earns 429 "
                f"MailboxConcurrency answers; https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits);"
                f" hygiene uses {OUTLOOK_MAX_CONCURRENCY}. Fix: set graph.max_concurrency = {OUTLOOK_MAX_CONCURRENCY}"
                " or less.",
                GraphLimitWarning,
                stacklevel=2,
            )
            self.max_concurrency = OUTLOOK_MAX_CONCURRENCY
        return self


class ScopeSettings(Section):
    """Which mailboxes and folders are swept."""

    mode: Literal["all", "group", "list"] = "list"
    group_id: str = ""
    users: list[str] = Field(default_factory=list)
    exclude_users: list[str] = Field(default_factory=list)
    exclude_group_id: str = ""
    folders: list[str] = Field(default_factory=lambda: ["inbox", "deleteditems"])
    include_subfolders: bool = True
    initial_lookback_days: Annotated[int, Field(ge=0)] = 30

    @model_validator(mode="after")
    def _mode_needs(self) -> ScopeSettings:
        if self.mode == "group" and not self.group_id:
            raise ValueError("scope.group_id is required when scope.mode = 'group'")
        return self


class ActionSettings(Section):
    """What hygiene does with a sensitive, unencrypted message."""

    mode: Literal["observe", "flag", "enforce"] = "observe"
    category_name: str = "Sensitive personal data"
    set_followup_flag: bool = True
    purge_deleted_items_after_days: Annotated[int, Field(ge=1)] | None = None


class DetectionSettings(Section):
    """Tuning of the detector; the rules themselves are data (see rules_file)."""

    rules_file: Path | None = None
    min_confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    disabled_categories: list[Literal[CATEGORIES]] = Field(default_factory=list)  # type: ignore[valid-type]
    thresholds: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(default_factory=dict)
    max_message_bytes: Annotated[int, Field(ge=1024)] = 50 * 1024 * 1024
    max_extracted_chars: Annotated[int, Field(ge=1024)] = 20_000_000
    max_depth: Annotated[int, Field(ge=1, le=50)] = 8
    max_pdf_pages: Annotated[int, Field(ge=1)] = 200
    time_budget_s: Annotated[float, Field(gt=0)] = 10.0
    # OCR of images, scanned PDF pages and images in documents (issue 13; needs the tesseract-ocr packages).
    # Disabled or not installed: images are reported as unread content ("image not read"), never as clean.
    ocr_enabled: bool = True
    ocr_languages: Annotated[str, Field(pattern=r"^[a-z_]{3,8}(\+[a-z_]{3,8})*$")] = "nor+swe+dan+fin+eng"
    ocr_max_images: Annotated[int, Field(ge=0, le=1000)] = 20
    ocr_max_pixels: Annotated[int, Field(ge=10_000)] = 40_000_000
    ocr_time_budget_s: Annotated[float, Field(gt=0)] = 60.0
    ocr_workers: Annotated[int, Field(ge=1, le=64)] = 2
    ocr_cache_entries: Annotated[int, Field(ge=0)] = 4096

    @model_validator(mode="after")
    def _known_threshold_keys(self) -> DetectionSettings:
        unknown = sorted(set(self.thresholds) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"detection.thresholds has unknown categories {unknown}; use {list(CATEGORIES)}")
        return self


class FolderRecordsSettings(Section):
    """The `folder` records backend: a directory tree, one record per message."""

    path: Path = Path("records")
    encryption_key: SecretStr | None = None
    encryption_key_file: Path | None = None

    @model_validator(mode="after")
    def _secret_file(self) -> FolderRecordsSettings:
        if self.encryption_key is None and self.encryption_key_file is not None:
            object.__setattr__(
                self,
                "encryption_key",
                _read_secret_file(self.encryption_key_file, "records.folder.encryption_key"),
            )
        return self


class Noark5RecordsSettings(Section):
    """The `noark5` records backend: a Noark 5 Tjenestegrensesnitt (N5WS) archive."""

    base_url: str = ""
    token_url: str = ""
    client_id: str = ""
    client_secret: SecretStr | None = None
    client_secret_file: Path | None = None
    series_title: str = "Sensitive e-post"
    class_id: str = ""
    case_file_title: str = "Innkommende e-post med sensitive personopplysninger"
    screening_code: str = "13"
    screening_authority: str = "Offl. § 13, jf. fvl. § 13"
    upload_pdf: bool = False

    @model_validator(mode="after")
    def _secret_file(self) -> Noark5RecordsSettings:
        if self.client_secret is None and self.client_secret_file is not None:
            object.__setattr__(
                self,
                "client_secret",
                _read_secret_file(self.client_secret_file, "records.noark5.client_secret"),
            )
        return self


class SharePointRecordsSettings(Section):
    """The `sharepoint` records backend: a document library reached through Graph."""

    site_id: str = ""
    drive_id: str = ""
    folder: str = "hygiene"
    retention_label: str = ""


class RecordsSettings(Section):
    """Where flagged messages are archived before deletion. `none` deletes without archiving."""

    backend: Literal["folder", "noark5", "sharepoint", "none"] = "folder"
    title_template: str = "E-post med sensitive personopplysninger til {mailbox}"
    folder: FolderRecordsSettings = Field(default_factory=FolderRecordsSettings)
    noark5: Noark5RecordsSettings = Field(default_factory=Noark5RecordsSettings)
    sharepoint: SharePointRecordsSettings = Field(default_factory=SharePointRecordsSettings)

    @model_validator(mode="after")
    def _backend_needs(self) -> RecordsSettings:
        if self.backend == "noark5" and not self.noark5.base_url:
            raise ValueError("records.noark5.base_url is required when records.backend = 'noark5'")
        if self.backend == "sharepoint" and not self.sharepoint.drive_id:
            raise ValueError("records.sharepoint.drive_id is required when records.backend = 'sharepoint'")
        return self


class NoticeSettings(Section):
    """The standard notice sent to the sender of a handled message."""

    enabled: bool = True
    variant: Literal["a", "b"] = "a"
    internal_variant: Literal["a", "b", ""] = ""
    default_language: Literal[LANGUAGES] = "nb"  # type: ignore[valid-type]
    organisation_name: str = "Eksempel kommune"
    phone: str = "+47 00 00 00 00"
    secure_channel_name: str = "SvarUt"
    secure_channel_url: str = "https://example.invalid/secure"
    privacy_url: str = "https://example.invalid/privacy"
    sender_mailbox: str = ""
    templates_dir: Path | None = None
    deny_senders: list[str] = Field(default_factory=list)
    internal_domains: list[str] = Field(default_factory=list)
    per_sender_window_hours: Annotated[float, Field(ge=0)] = 24.0


class ScheduleSettings(Section):
    """How often the jobs of `hygiene run` fire."""

    sweep_interval_s: Annotated[float, Field(ge=5)] = 300.0
    scope_refresh_interval_s: Annotated[float, Field(ge=60)] = 3600.0
    housekeeping_interval_s: Annotated[float, Field(ge=60)] = 86400.0
    lease_ttl_s: Annotated[float, Field(ge=10)] = 600.0


class DatabaseSettings(Section):
    """The state and audit database (SQLite file by default, PostgreSQL for production)."""

    url: str = "sqlite:///hygiene.db"
    echo: bool = False


class SecuritySettings(Section):
    """The installation secret used for keyed hashes (HMAC) of identifiers and addresses."""

    hmac_key: SecretStr | None = None
    hmac_key_file: Path | None = None

    @model_validator(mode="after")
    def _secret_file(self) -> SecuritySettings:
        if self.hmac_key is None and self.hmac_key_file is not None:
            object.__setattr__(self, "hmac_key", _read_secret_file(self.hmac_key_file, "security.hmac_key"))
        return self


class LoggingSettings(Section):
    """Structured logs: JSON lines off a TTY, readable console output on one."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["auto", "json", "console"] = "auto"


class MetricsSettings(Section):
    """Prometheus metrics and the /healthz and /readyz probes."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 9464


class AuditSettings(Section):
    """The audit log: retention and the read-only HTTP API."""

    retention_days: Annotated[int, Field(ge=1)] = 3650
    api_enabled: bool = False
    api_host: str = "127.0.0.1"
    api_port: Annotated[int, Field(ge=1, le=65535)] = 8470
    api_token: SecretStr | None = None
    api_token_file: Path | None = None
    # Entra ID (optional): API callers send an access token for this app registration carrying the app role
    # entra_required_role; console users sign in with OpenID Connect (authorization code + PKCE). Enabled when
    # entra_tenant_id and entra_client_id are both set.
    entra_tenant_id: str = ""
    entra_client_id: str = ""
    entra_audience: str = ""  # accepted besides entra_client_id and api://<entra_client_id>
    entra_required_role: str = "Hygiene.Audit.Read"
    entra_client_secret: SecretStr | None = None  # needed for the console's sign-in (code exchange)
    entra_client_secret_file: Path | None = None
    entra_authority: str = "https://login.microsoftonline.com"
    entra_redirect_uri: str = ""  # default: <scheme>://<host>/console/login/entra/callback of the request

    @model_validator(mode="after")
    def _secret_file(self) -> AuditSettings:
        if self.api_token is None and self.api_token_file is not None:
            object.__setattr__(self, "api_token", _read_secret_file(self.api_token_file, "audit.api_token"))
        if self.entra_client_secret is None and self.entra_client_secret_file is not None:
            object.__setattr__(
                self,
                "entra_client_secret",
                _read_secret_file(self.entra_client_secret_file, "audit.entra_client_secret"),
            )
        if bool(self.entra_tenant_id) != bool(self.entra_client_id):
            raise ValueError("set both audit.entra_tenant_id and audit.entra_client_id to use Entra ID, or neither")
        return self

    @property
    def entra_enabled(self) -> bool:
        """Whether Entra ID sign-in and access tokens are configured."""
        return bool(self.entra_tenant_id and self.entra_client_id)


class BreachSettings(Section):
    """The breach register: scan of Sent Items for sensitive data sent out unencrypted (`hygiene.breach`).

    ``organisation_domains``: mail to these domains and their subdomains stays inside (required when enabled).
    ``many_recipients_threshold``: this many external addresses visible in To/Cc also records "exposed_addresses".
    ``privacy_officer_mailbox``: receives a reminder per new candidate and before its deadline ("": no reminders).
    ``reminder_before_deadline_hours``: how long before the 72-hour deadline the second reminder goes out.
    """

    enabled: bool = False
    organisation_domains: list[str] = Field(default_factory=list)
    many_recipients_threshold: Annotated[int, Field(ge=2)] = 10
    privacy_officer_mailbox: str = ""
    reminder_before_deadline_hours: Annotated[float, Field(ge=1, le=71)] = 12.0

    @model_validator(mode="after")
    def _enabled_needs(self) -> BreachSettings:
        if self.enabled and not any(d.strip() for d in self.organisation_domains):
            raise ValueError(
                "breach.organisation_domains is required when breach.enabled = true (without it every recipient, "
                'colleagues included, counts as outside the organisation); e.g. organisation_domains = ["kommune.no"]'
            )
        if self.privacy_officer_mailbox and "@" not in self.privacy_officer_mailbox:
            raise ValueError("breach.privacy_officer_mailbox must be a mailbox address (name@domain) or empty")
        return self


class Settings(BaseSettings):
    """All settings of one hygiene installation."""

    model_config = SettingsConfigDict(
        env_prefix="HYGIENE_",
        env_nested_delimiter="__",
        extra="forbid",
        case_sensitive=False,
        validate_default=True,
    )

    tenant: TenantSettings = Field(default_factory=TenantSettings)
    auth: AuthSettings = Field(default_factory=lambda: AuthSettings(token=SecretStr("sandbox")))
    graph: GraphSettings = Field(default_factory=GraphSettings)
    scope: ScopeSettings = Field(default_factory=ScopeSettings)
    actions: ActionSettings = Field(default_factory=ActionSettings)
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    records: RecordsSettings = Field(default_factory=RecordsSettings)
    notice: NoticeSettings = Field(default_factory=NoticeSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    audit: AuditSettings = Field(default_factory=AuditSettings)
    breach: BreachSettings = Field(default_factory=BreachSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = _toml_path.get()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    def redacted(self) -> dict[str, Any]:
        """The effective settings as plain data with every secret replaced by ``"**********"``."""
        return _plain(self.model_dump(mode="python"))

    def fingerprint(self) -> str:
        """SHA-256 of the effective settings with secrets redacted (audited at start)."""
        return hashlib.sha256(orjson.dumps(self.redacted(), option=orjson.OPT_SORT_KEYS)).hexdigest()

    def hmac_key_bytes(self) -> bytes:
        """The installation HMAC key; a stable per-database fallback is derived when none is configured."""
        if self.security.hmac_key is not None:
            return self.security.hmac_key.get_secret_value().encode()
        return hashlib.sha256(b"hygiene-unkeyed:" + self.database.url.encode()).digest()


def _plain(value: Any) -> Any:
    if isinstance(value, SecretStr):
        return "**********"
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def resolve_config_path(explicit: Path | None) -> Path | None:
    """``--config PATH`` if given, else ``$HYGIENE_CONFIG``, else ``./settings.toml`` when it exists."""
    if explicit is not None:
        return explicit
    env = os.environ.get("HYGIENE_CONFIG")
    if env:
        return Path(env)
    default = Path("settings.toml")
    return default if default.exists() else None


def _problem_lines(exc: ValidationError) -> Iterator[str]:
    for err in exc.errors(include_input=False, include_url=False):
        loc = ".".join(str(part) for part in err["loc"] if part != "__root__")
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            yield f"{loc}: unknown setting; remove it or check its spelling against settings.example.toml"
        elif err["type"] == "missing":
            yield f"{loc}: required setting is missing"
        else:
            yield f"{loc or 'settings'}: {msg}"


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Load, validate and return the settings.

    Raises:
        ConfigError: with one line per problem, each naming the key, what was expected and how to fix it.
    """
    path = resolve_config_path(path)
    if path is not None and not path.is_file():
        raise ConfigError([f"config file {path} does not exist; pass --config PATH or set HYGIENE_CONFIG"])
    token = _toml_path.set(path)
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(list(_problem_lines(exc)), path=path) from None
    except (OSError, ValueError) as exc:  # TOML syntax errors surface as ValueError (tomllib.TOMLDecodeError)
        raise ConfigError([f"{path}: cannot be read as TOML: {exc}"], path=path) from None
    finally:
        _toml_path.reset(token)
    warn_readable_secrets(settings, path)
    return settings


class InsecureSecretFileWarning(UserWarning):
    """A file holding a secret (or a settings file with secrets in it) can be read by other users."""


def _secret_paths(model: BaseModel, prefix: str) -> Iterator[tuple[str, Path]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _secret_paths(value, f"{prefix}{name}.")
        elif isinstance(value, Path) and (name.endswith("_file") or name == "certificate_path"):
            yield f"{prefix}{name}", value


def _toml_has_secret(data: Any, secret_names: set[str]) -> bool:
    if isinstance(data, dict):
        return any(
            (k in secret_names and v not in (None, "")) or _toml_has_secret(v, secret_names) for k, v in data.items()
        )
    return False


def _secret_field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, info in model.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            names |= _secret_field_names(ann)
        elif "SecretStr" in str(ann):
            names.add(name)
    return names


def service_group_file(
    st: os.stat_result, *, euid: int, egid: int, shared: Callable[[int, int], bool] | None = None
) -> bool:
    """Whether a process (``euid``/``egid``) reads the file of ``st`` as a root-owned file that only its own group
    may read (``root:<egid>``, nothing for others, no group write): the usual way to hand a daemon a key, and what a
    Kubernetes secret volume looks like to a non-root pod (owner root, group the pod's fsGroup, mode 0440). Never
    for a root process, whose group may hold other users, nor when other users are in that group (``shared``,
    default `group_is_shared`)."""
    return _root_group_file(st, euid=euid, egid=egid) and not (shared or group_is_shared)(st.st_gid, euid)


def _root_group_file(st: os.stat_result, *, euid: int, egid: int) -> bool:
    import stat

    return (
        euid != 0
        and st.st_uid == 0
        and st.st_gid == egid
        and not st.st_mode & (stat.S_IRWXO | stat.S_IWGRP | stat.S_IXGRP)
    )


def group_is_shared(gid: int, euid: int) -> bool:
    """Whether users other than ``euid`` are in group ``gid``: listed as members in the group database, or having
    it as their primary group. A group the database does not know (a Kubernetes fsGroup) has nobody else in it."""
    import contextlib
    import grp
    import pwd

    try:
        members = set(grp.getgrgid(gid).gr_mem)
    except KeyError:
        members = set()
    with contextlib.suppress(KeyError):
        members.discard(pwd.getpwuid(euid).pw_name)
    return bool(members) or any(p.pw_gid == gid and p.pw_uid != euid for p in pwd.getpwall())


def warn_readable_secrets(settings: Settings, config_path: Path | None = None) -> list[str]:
    """Warn (`InsecureSecretFileWarning`) for each secret file, and a settings file holding secrets, that group
    or other users may read; returns the warnings. Names the key, the path and the fix, never the content."""
    import stat
    import tomllib
    import warnings

    candidates = list(_secret_paths(settings, ""))
    if config_path is not None:
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if _toml_has_secret(data, _secret_field_names(Settings)):
            candidates.append(("the settings file (it holds secrets)", config_path))
    problems: list[str] = []
    for key, file in candidates:
        try:
            st = file.stat()
        except OSError:
            continue
        mode = st.st_mode
        euid = os.geteuid()
        if _root_group_file(st, euid=euid, egid=os.getegid()):
            if not group_is_shared(st.st_gid, euid):
                continue
            problems.append(
                f"{key}: {file} is readable by other members of its group {st.st_gid} (mode "
                f"{stat.S_IMODE(mode):04o}); give it a group that only hygiene's user is in (e.g. chgrp to a "
                "dedicated group)"
            )
            continue
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            problems.append(
                f"{key}: {file} is readable by other users (mode {stat.S_IMODE(mode):04o}); run chmod 600 {file}"
            )
    for problem in problems:
        warnings.warn(problem, InsecureSecretFileWarning, stacklevel=3)
    return problems
