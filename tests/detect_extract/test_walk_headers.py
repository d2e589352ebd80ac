"""Header shortcuts in the MIME walk give the stdlib's answers: the sender address of a From value."""

from __future__ import annotations

from email.utils import parseaddr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.domain.extract import _walk


def stdlib_sender(value: str) -> str | None:
    try:
        address = parseaddr(value)[1].strip().lower()
    except (RecursionError, ValueError, IndexError):
        return None
    return address if "@" in address else None


_PIECES = st.sampled_from(
    [
        "ola",
        "Ola.N",
        "x_y+z",
        "-",
        "@",
        ".",
        "..",
        "<",
        ">",
        " ",
        "\t",
        '"',
        ",",
        "(",
        ")",
        "\\",
        ":",
        ";",
        "[",
        "]",
        "Ø",
        "æ",
        "\u00a0",
        "\n",
        "\r",
        "\x00",
        "kommune.no",
        "a@b",
        "<a@b.no>",
        '"Nordmann, Ola"',
        "=?",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_sender_is_the_address_parseaddr_gives(value):
    assert _walk._sender(value) == stdlib_sender(value)


@pytest.mark.parametrize(
    "value",
    [
        "ola.nordmann@kommune.no",
        "Ola Nordmann <Ola.Nordmann@Kommune.no>",
        '"Nordmann, Ola" <ola@kommune.no>',
        "Ø. Ås <a-b@x-y.no>",
        "<postmaster@x.no>",
        "  Ola\t<o@x.no>  ",
    ],
)
def test_usual_from_values_take_the_shortcut_to_the_same_address(value):
    assert _walk._SIMPLE_FROM.match(value) is not None
    assert _walk._sender(value) == stdlib_sender(value)


@pytest.mark.parametrize("value", ["Ola (kontor) <o@x.no>", "a@b.no, c@d.no", "Nordmann, Ola <o@x.no>", "o@x.no."])
def test_unusual_from_values_go_to_parseaddr(value):
    assert _walk._SIMPLE_FROM.match(value) is None
    assert _walk._sender(value) == stdlib_sender(value)
