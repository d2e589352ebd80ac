"""Prometheus metrics and the /healthz and /readyz probes of the worker, on ``[metrics] host:port``.

`Metrics` owns one `prometheus_client.CollectorRegistry` (never the process-global one, so every App and every
test has its own series) and is the observer of the pipeline (`hygiene.pipeline.PipelineObserver`) and of the
Graph client (`hygiene.adapters.graph.GraphObserver`). Series (labels never hold an address, a subject or an id):

==============================================  =============================================================
``hygiene_messages_total{action,category,mode}``  action ``scanned`` (category ``""``), ``detected``,
                                                  ``flagged``, ``archived``, ``deleted``, ``purged``; a message
                                                  with two categories counts once under each
``hygiene_notices_total{outcome}``                ``sent`` | ``suppressed``
``hygiene_graph_requests_total{route,status}``    every exchange with Graph; status ``transport_error`` when
                                                  no response came back
``hygiene_graph_throttle_wait_seconds_total``     time spent waiting on 429/503/504 and the mailbox budget
``hygiene_sweep_duration_seconds``                histogram of whole sweeps
``hygiene_sweep_lag_seconds``                     upper bound of the age of the oldest message not yet handled
                                                  (`hygiene.adapters.store.health.Backlog.lag_s`)
``hygiene_backlog{state}``                        cases per state of the state machine (shared database)
``hygiene_mailboxes{status}``                     in-scope mailboxes per status (ok, access_denied, ...)
``hygiene_errors_total{kind}``                    failed case steps by error (``throttled``, ``records``,
                                                  ``record_mismatch``, ``notice``, ``graph``, ...), mailboxes
                                                  not processed (``mailbox_access_denied``, ...), whole
                                                  sweeps that crashed (``sweep_<error>``, e.g.
                                                  ``sweep_operational`` for a database outage), and
                                                  ``metrics_query`` when the gauges could not be read
``hygiene_case_waiting_seconds``                   how long the active case waiting longest on a failing
                                                  step has been waiting (transient failures such as a records
                                                  outage are retried without end: alert on this)
``hygiene_cases_given_up_total{stage}``            cases ended as ``failed`` (re-queue: ``hygiene cases retry``)
``hygiene_info{version,mode}``                    1
==============================================  =============================================================

The HTTP server (`start_metrics_server`) is a small threaded WSGI server, started by `hygiene run` when
``[metrics] enabled``: ``/metrics`` (Prometheus text format), ``/healthz`` (200 while the process serves) and
``/readyz`` (200 when every readiness check passes: the database answers, its schema is at this version's
migration head, and a Graph token can be obtained; 503 with the failing check's name otherwise).
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import orjson
import structlog
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text

from hygiene.domain import states
from hygiene.errors import HygieneError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from hygiene.adapters.graph.auth import TokenProvider
    from hygiene.adapters.store.state import CaseView
    from hygiene.pipeline import SweepStats
    from hygiene.ports import Clock

log = structlog.get_logger("hygiene.metrics")

# The state a case enters -> the action it counts as.
_ACTIONS = {
    states.FLAGGED: "flagged",
    states.ARCHIVED: "archived",
    states.DELETED: "deleted",
    states.PURGED: "purged",
}
SWEEP_BUCKETS_S = (1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400)


def error_kind(error: BaseException | str) -> str:
    """``ThrottledError`` -> ``throttled``, ``RecordMismatchError`` -> ``record_mismatch`` (bounded label values)."""
    name = error if isinstance(error, str) else type(error).__name__
    name = name.removesuffix("Error") or name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _version() -> str:
    try:
        return version("hygiene")
    except PackageNotFoundError:  # pragma: no cover - running from a checkout without an install
        return "unknown"


class Metrics:
    """Every series of one worker process, in ``registry`` (a new `CollectorRegistry` unless one is passed)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.messages = Counter(
            "hygiene_messages", "Messages by what was done to them.", ["action", "category", "mode"], registry=r
        )
        self.notices = Counter("hygiene_notices", "Sender notices by outcome.", ["outcome"], registry=r)
        self.graph_requests = Counter(
            "hygiene_graph_requests", "Graph exchanges by operation and HTTP status.", ["route", "status"], registry=r
        )
        self.throttle_wait = Counter(
            "hygiene_graph_throttle_wait_seconds",
            "Seconds spent waiting because Graph throttled (429/503/504) or a mailbox's budget was spent.",
            registry=r,
        )
        self.sweep_duration = Histogram(
            "hygiene_sweep_duration_seconds", "Wall-clock time of whole sweeps.", buckets=SWEEP_BUCKETS_S, registry=r
        )
        self.errors = Counter("hygiene_errors", "Errors by kind.", ["kind"], registry=r)
        self.breach_candidates = Counter(
            "hygiene_breach_candidates", "Breach candidates found in Sent Items ([breach] enabled).", registry=r
        )
        self.given_up = Counter(
            "hygiene_cases_given_up", "Cases ended as failed, by the step they failed on.", ["stage"], registry=r
        )
        self.info = Gauge("hygiene_info", "The running version and action mode.", ["version", "mode"], registry=r)
        self._store: _StoreCollector | None = None

    # --- wiring ---------------------------------------------------------------------------------------------
    def bind(self, sessions: sessionmaker[Session], clock: Clock, *, mode: str) -> None:
        """Read the database gauges (backlog, lag, mailboxes) from ``sessions`` at each scrape."""
        self.info.labels(version=_version(), mode=mode).set(1)
        if self._store is None:
            self._store = _StoreCollector(sessions, clock, self.errors)
            self.registry.register(self._store)

    # --- GraphObserver ---------------------------------------------------------------------------------------
    def graph_response(self, route: str, status: int | str) -> None:
        """Count one Graph exchange."""
        self.graph_requests.labels(route=route, status=str(status)).inc()

    def graph_throttled(self, wait_s: float) -> None:
        """Add a throttling wait."""
        self.throttle_wait.inc(max(0.0, wait_s))

    # --- PipelineObserver ------------------------------------------------------------------------------------
    def case_advanced(self, case: CaseView) -> None:
        """Count flagged/archived/deleted/purged per category of the case."""
        action = _ACTIONS.get(case.state)
        if action is None:
            return
        for category in case.categories or ("unknown",):
            self.messages.labels(action=action, category=category, mode=case.mode).inc()

    def step_failed(self, stage: str, error: BaseException) -> None:
        """Count a failed case step by its error."""
        self.errors.labels(kind=error_kind(error)).inc()

    def case_waiting(self, stage: str, waiting_s: float, *, given_up: bool) -> None:
        """Count a case given up (its waiting time is read from the database at scrape time)."""
        if given_up:
            self.given_up.labels(stage=stage).inc()

    def mailbox_swept(self, stats: SweepStats, mode: str) -> None:
        """Count what one mailbox's sweep scanned, detected and noticed, and why it was not processed."""
        if stats.messages:
            self.messages.labels(action="scanned", category="", mode=mode).inc(stats.messages)
        for category, n in stats.categories.items():
            self.messages.labels(action="detected", category=category, mode=mode).inc(n)
        if stats.notices_sent:
            self.notices.labels(outcome="sent").inc(stats.notices_sent)
        if stats.notices_suppressed:
            self.notices.labels(outcome="suppressed").inc(stats.notices_suppressed)
        if stats.breach_candidates:
            self.breach_candidates.inc(stats.breach_candidates)
        for reason in stats.failed_mailboxes.values():
            self.errors.labels(kind=f"mailbox_{error_kind(reason)}").inc()

    def sweep_crashed(self, error: BaseException) -> None:
        """Count a sweep that ended with an error (``sweep_<error kind>``)."""
        self.errors.labels(kind=f"sweep_{error_kind(error)}").inc()

    def sweep_finished(self, stats: SweepStats, duration_s: float) -> None:
        """Observe a sweep's duration."""
        self.sweep_duration.observe(duration_s)

    # --- reading ---------------------------------------------------------------------------------------------
    def value(self, name: str, **labels: str) -> float | None:
        """One sample's current value (tests, `hygiene run --once` summaries), None when absent."""
        return self.registry.get_sample_value(name, labels)


class _StoreCollector(Collector):
    """Gauges read from the shared database at scrape time."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, errors: Counter) -> None:
        self.sessions = sessions
        self.clock = clock
        self.errors = errors

    def describe(self) -> Iterable[GaugeMetricFamily]:
        return self._families(None)

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from hygiene.adapters.store.breaches import open_counts
        from hygiene.adapters.store.health import backlog

        try:
            with self.sessions() as s:
                current = backlog(s)
                breaches = open_counts(s, self.clock.now())
        except Exception as exc:  # a scrape must not fail because the database is away; readiness reports it
            log.warning("metrics_query_failed", error=type(exc).__name__)
            self.errors.labels(kind="metrics_query").inc()
            return iter(())
        return iter(self._families(current, breaches))

    def _families(self, current: Any, open_breaches: dict[str, int] | None = None) -> list[GaugeMetricFamily]:
        lag = GaugeMetricFamily(
            "hygiene_sweep_lag_seconds", "Upper bound of the age of the oldest message not yet handled."
        )
        backlog = GaugeMetricFamily("hygiene_backlog", "Cases per state-machine state.", labels=["state"])
        mailboxes = GaugeMetricFamily("hygiene_mailboxes", "In-scope mailboxes per status.", labels=["status"])
        waiting = GaugeMetricFamily(
            "hygiene_case_waiting_seconds",
            "How long the active case waiting longest on a failing step has been waiting (retried with backoff).",
        )
        breaches = GaugeMetricFamily(
            "hygiene_breaches_open",
            "Breach register entries whose 72-hour reporting deadline still runs, in time or overdue.",
            labels=["deadline"],
        )
        if current is not None:
            lag.add_metric([], current.lag_s(self.clock.now()))
            waiting.add_metric([], current.waiting_s(self.clock.now()))
            for state, n in sorted(current.cases.items()):
                backlog.add_metric([state], n)
            for status, n in sorted(current.mailboxes.items()):
                mailboxes.add_metric([status], n)
            for when, n in sorted((open_breaches or {}).items()):
                breaches.add_metric([when], n)
        return [lag, backlog, mailboxes, breaches, waiting]


# --- readiness ---------------------------------------------------------------------------------------------------
Check = tuple[str, Callable[[], None]]
"""A readiness check: a name and a function that raises when the check fails."""


def database_checks(engine: Engine) -> list[Check]:
    """``database`` (a connection answers ``SELECT 1``) and ``schema`` (at this version's migration head)."""

    def database() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def schema() -> None:
        from hygiene.db import check_schema

        check_schema(engine)

    return [("database", database), ("schema", schema)]


def token_check(tokens: TokenProvider, loop: asyncio.AbstractEventLoop, *, timeout_s: float = 10.0) -> Check:
    """``graph_token``: the worker's credential gives a Graph token (run on the worker's event loop, where the
    credential lives; cached tokens make this cheap)."""

    def graph_token() -> None:
        asyncio.run_coroutine_threadsafe(tokens.token(), loop).result(timeout=timeout_s)

    return ("graph_token", graph_token)


def run_checks(checks: Sequence[Check]) -> tuple[bool, dict[str, str]]:
    """Run every check; returns (all passed, name -> ``ok`` or the failure). A failure names the error class and,
    for hygiene's own errors (which never hold secrets), their message."""
    results: dict[str, str] = {}
    for name, fn in checks:
        try:
            fn()
        except HygieneError as exc:
            results[name] = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # driver errors may quote connection strings: the class name only
            results[name] = type(exc).__name__
        else:
            results[name] = "ok"
    return all(v == "ok" for v in results.values()), results


# --- the HTTP server ---------------------------------------------------------------------------------------------
def wsgi_app(metrics: Metrics, checks: Sequence[Check]) -> Callable[..., Iterable[bytes]]:
    """The WSGI application: /metrics, /healthz, /readyz; 404 for anything else."""
    exposition = make_wsgi_app(metrics.registry)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            return exposition(environ, start_response)
        if path == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        if path == "/readyz":
            ok, results = run_checks(checks)
            status = "200 OK" if ok else "503 Service Unavailable"
            start_response(status, [("Content-Type", "application/json")])
            return [orjson.dumps({"ready": ok, "checks": results})]
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not found: try /metrics, /healthz or /readyz\n"]

    return app


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Probes every few seconds would flood the log."""


@dataclass
class MetricsServer:
    """A running metrics/probe server: ``base_url`` (``http://host:port``) and `stop`."""

    server: WSGIServer
    thread: threading.Thread
    base_url: str

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start_metrics_server(metrics: Metrics, *, host: str, port: int, checks: Sequence[Check] = ()) -> MetricsServer:
    """Serve /metrics, /healthz and /readyz on ``host:port`` in a daemon thread (``port=0`` picks a free one).

    Raises:
        HygieneError: the address cannot be bound (names ``[metrics] host`` and ``port``).
    """
    cls = _Server6 if ":" in host else _Server
    try:
        server = make_server(host, port, wsgi_app(metrics, checks), server_class=cls, handler_class=_QuietHandler)
    except OSError as exc:
        raise HygieneError(
            f"cannot serve metrics on {host}:{port} ({exc.strerror}); check [metrics] host and port"
        ) from None
    thread = threading.Thread(target=server.serve_forever, name="hygiene-metrics", daemon=True)
    thread.start()
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    return MetricsServer(server, thread, f"http://{shown}:{bound_port}")
