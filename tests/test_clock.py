from datetime import UTC, datetime, timedelta

import pytest

from hygiene.clock import FakeClock, SystemClock


def test_system_clock_is_aware_utc():
    assert SystemClock().now().tzinfo is not None


def test_fake_clock_moves_only_forward():
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert clock.advance(60) == datetime(2026, 1, 1, 0, 1, tzinfo=UTC)
    assert clock.advance(timedelta(hours=1)) == datetime(2026, 1, 1, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.set(datetime(2025, 1, 1, tzinfo=UTC))
