"""The OpenAPI check itself: it maps URL forms onto the description and rejects bodies Graph would not send."""

from __future__ import annotations

import orjson
import pytest


def test_short_and_sdk_url_forms_map_onto_the_description(spec):
    assert spec.described_path("/users/u/mailFolders('inbox')/messages/delta()") == (
        "/users/u/mailFolders/inbox/messages/microsoft.graph.delta()"
    )
    assert spec.described_path("/users/u/messages/m/move") == "/users/u/messages/m/microsoft.graph.move"
    assert spec.described_path("/users/u/mailFolders/a/childFolders/b/messages") == "/users/u/mailFolders/b/messages"
    assert spec.described_path("/users/u/messages/m/permanentDelete") is None  # not in this description
    assert spec.described_path("/users/u/calendars") is None


def test_a_valid_message_body_passes_and_is_counted(spec):
    before = spec.checked
    body = {"id": "AAMk=", "isRead": True, "flag": {"flagStatus": "flagged"}, "subject": "s"}
    spec.validate("GET", "/users/u/messages/AAMk=", 200, "application/json", orjson.dumps(body))
    assert spec.checked == before + 1


@pytest.mark.parametrize(
    "body",
    [
        {"id": "AAMk=", "isRead": "yes"},
        {"id": "AAMk=", "flag": {"flagStatus": "weird"}},
        {"id": "AAMk=", "body": {"contentType": "markdown", "content": ""}},
        {"id": "AAMk=", "receivedDateTime": "yesterday"},
    ],
)
def test_a_wrongly_typed_property_or_unknown_enum_value_is_rejected(spec, body):
    with pytest.raises(AssertionError):
        spec.validate("GET", "/users/u/messages/AAMk=", 200, "application/json", orjson.dumps(body))


def test_an_error_body_without_message_is_rejected_even_for_undescribed_operations(spec):
    bad = orjson.dumps({"error": {"code": "ErrorItemNotFound"}})
    with pytest.raises(AssertionError):
        spec.validate("GET", "/users/u/messages/m", 404, "application/json", bad)
    with pytest.raises(AssertionError):
        spec.validate("POST", "/users/u/messages/m/permanentDelete", 404, "application/json", bad)


def test_the_server_hook_records_problems_instead_of_raising_in_the_server(spec):
    hook, problems = spec.server_hook()
    hook("GET", "/users/u/messages/m", 200, "application/json", orjson.dumps({"id": "m", "isRead": True}))
    assert problems == []
    hook("GET", "/users/u/messages/m", 200, "application/json", orjson.dumps({"id": "m", "isRead": "yes"}))
    assert len(problems) == 1
    assert "/users/u/messages/m" in problems[0]


def test_every_route_of_a_test_session_reached_the_validator(graph, spec, tenant):
    before = spec.checked
    graph.get("/users")
    graph.get("/users/kari.nordmann@contoso.example/mailFolders/inbox/messages/delta")
    assert spec.checked >= before + 4  # each response twice: by the client hook and by the server hook
