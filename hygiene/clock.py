"""Clocks: `SystemClock` for the daemon, `FakeClock` (shipped, like a stub broker) for tests and the sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    """The real time, in UTC."""

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        return datetime.now(UTC)


class FakeClock:
    """A controllable clock: starts at ``start`` (UTC) and only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """The current fake time."""
        return self._now

    def advance(self, delta: timedelta | float) -> datetime:
        """Move forward by ``delta`` (a timedelta or seconds) and return the new time."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        if step < timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._now += step
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (timezone-aware, not earlier than now)."""
        if when.tzinfo is None or when < self._now:
            raise ValueError("FakeClock.set needs an aware time not earlier than now")
        self._now = when.astimezone(UTC)
