"""The per-message state machine: every allowed transition, every illegal one, and the route of each mode."""

from __future__ import annotations

import itertools

import pytest

from hygiene.domain import states as s


def test_every_listed_transition_is_allowed() -> None:
    for current, targets in s.TRANSITIONS.items():
        for target in targets:
            assert s.check_transition(current, target) == target


def test_every_unlisted_transition_is_illegal() -> None:
    illegal = [(a, b) for a, b in itertools.product(s.STATES, repeat=2) if b not in s.TRANSITIONS.get(a, frozenset())]
    assert (s.DONE, s.FLAGGED) in illegal
    assert (s.DETECTED, s.DELETED) in illegal  # never delete without flagging first
    assert (s.FLAGGED, s.PURGED) in illegal
    for a, b in illegal:
        with pytest.raises(s.IllegalTransition) as info:
            s.check_transition(a, b)
        assert info.value.current == a
        assert info.value.target == b


def test_terminal_states_have_no_way_out() -> None:
    for state in s.TERMINAL:
        assert s.TRANSITIONS[state] == frozenset()
        assert not s.is_active(state)


@pytest.mark.parametrize(
    ("policy", "route"),
    [
        (s.Policy("observe"), ("detected", "observed")),
        (s.Policy("flag"), ("detected", "flagged", "done")),
        (s.Policy("enforce"), ("detected", "flagged", "archived", "deleted", "purged", "noticed", "done")),
        (s.Policy("enforce", archive=False), ("detected", "flagged", "deleted", "purged", "noticed", "done")),
        (s.Policy("enforce", notice=False), ("detected", "flagged", "archived", "deleted", "purged", "done")),
    ],
)
def test_route_of_each_mode_follows_allowed_transitions(policy: s.Policy, route: tuple[str, ...]) -> None:
    assert policy.route() == route
    for a, b in itertools.pairwise(route):
        assert policy.next_state(a) == b
        s.check_transition(a, b)
    assert policy.next_state(route[-1]) is None


def test_enforce_never_deletes_before_a_verified_archive_unless_archiving_is_off() -> None:
    assert s.Policy("enforce").next_state(s.FLAGGED) == s.ARCHIVED
    assert s.Policy("enforce", archive=False).next_state(s.FLAGGED) == s.DELETED


def test_mode_change_between_sweeps() -> None:
    # flagged under mode flag, then the mode becomes enforce: continue with the archive
    assert s.Policy("enforce").next_state(s.FLAGGED) == s.ARCHIVED
    # archived by an earlier enforce run, now observe: observe never acts
    assert s.Policy("observe").next_state(s.ARCHIVED) is None
    assert s.Policy("flag").next_state(s.DELETED) is None
    # archived, then archiving switched off: the delete still follows
    assert s.Policy("enforce", archive=False).next_state(s.ARCHIVED) == s.DELETED
    # purged, notices switched off meanwhile
    assert s.Policy("enforce", notice=False).next_state(s.PURGED) == s.DONE


def test_after_classification() -> None:
    assert s.after_classification(sensitive=True, encrypted=False) == s.DETECTED
    assert s.after_classification(sensitive=False, encrypted=False) == s.CLEAN
    assert s.after_classification(sensitive=True, encrypted=True) == s.SKIPPED_ENCRYPTED
    assert s.after_classification(sensitive=True, encrypted=False, malformed=True) == s.SKIPPED_MALFORMED


def test_vanished_message() -> None:
    assert s.on_vanished(s.DETECTED) == s.GONE
    assert s.on_vanished(s.FLAGGED) == s.GONE
    assert s.on_vanished(s.DELETED) is None  # a 404 after the delete means the step is already done


def test_unknown_mode_and_state_are_refused() -> None:
    with pytest.raises(ValueError, match=r"actions\.mode"):
        s.Policy("purge")  # type: ignore[arg-type]
    with pytest.raises(s.IllegalTransition):
        s.Policy("enforce").next_state("bogus")
