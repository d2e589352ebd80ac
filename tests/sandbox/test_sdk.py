"""The real msgraph-sdk client against the sandbox: users, delta paging through the request builders, $value,
sendMail and delete. Every response it receives is validated against the OpenAPI description too."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from kiota_abstractions.authentication import (
    AccessTokenProvider,
    AllowedHostsValidator,
    BaseBearerTokenAuthenticationProvider,
)
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph import GraphServiceClient
from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.internet_message_header import InternetMessageHeader
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.message import Message
from msgraph.generated.models.recipient import Recipient
from msgraph.generated.users.item.mail_folders.item.messages.delta.delta_request_builder import DeltaRequestBuilder
from msgraph.generated.users.item.send_mail.send_mail_post_request_body import SendMailPostRequestBody
from msgraph.generated.users.users_request_builder import UsersRequestBuilder
from msgraph.graph_request_adapter import GraphRequestAdapter

from tests.sandbox.conftest import KARI


class StaticToken(AccessTokenProvider):
    """The sandbox's static bearer token, for 127.0.0.1 only."""

    async def get_authorization_token(self, uri: str, additional_authentication_context: Any = None) -> str:
        return "sandbox"

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return AllowedHostsValidator(["127.0.0.1"])


def _sdk(base_url: str, spec) -> GraphServiceClient:
    async def validate(response: httpx.Response) -> None:
        await response.aread()
        spec.check(response)

    http = httpx.AsyncClient(event_hooks={"response": [validate]})
    adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(StaticToken()), client=http)
    adapter.base_url = base_url
    return GraphServiceClient(request_adapter=adapter)


@pytest.fixture
def sdk(sandbox, spec) -> GraphServiceClient:
    return _sdk(sandbox.base_url, spec)


def test_sdk_lists_users_with_select_and_top_and_follows_the_next_link(sdk):
    async def main() -> list[str]:
        query = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(select=["id", "userPrincipalName"], top=2)
        page = await sdk.users.get(request_configuration=RequestConfiguration(query_parameters=query))
        upns = [u.user_principal_name for u in page.value]
        while page.odata_next_link:
            page = await sdk.users.with_url(page.odata_next_link).get()
            upns += [u.user_principal_name for u in page.value]
        return upns

    assert asyncio.run(main()) == [KARI, "per.hansen@contoso.example", "ingen.postkasse@contoso.example"]


def test_sdk_pages_a_delta_round_then_sees_a_new_message_in_the_next_round(sdk, tenant):
    from tests.sandbox.conftest import plain

    async def round_(link: str | None) -> tuple[list[Message], str]:
        builder = sdk.users.by_user_id(KARI).mail_folders.by_mail_folder_id("inbox").messages.delta
        config = RequestConfiguration(
            query_parameters=DeltaRequestBuilder.DeltaRequestBuilderGetQueryParameters(select=["id", "subject"])
        )
        config.headers.add("Prefer", "odata.maxpagesize=5")
        config.headers.add("Prefer", 'IdType="ImmutableId"')
        page = await (builder.with_url(link).get() if link else builder.get(request_configuration=config))
        items = list(page.value)
        while page.odata_next_link:
            page = await builder.with_url(page.odata_next_link).get(request_configuration=config)
            items += page.value
        return items, page.odata_delta_link

    async def main() -> tuple[int, list[str]]:
        first, link = await round_(None)
        tenant.deliver(KARI, plain("Etter første runde", n=77))
        second, _ = await round_(link)
        return len(first), [m.subject for m in second]

    n_first, second = asyncio.run(main())
    assert n_first == 12
    assert second == ["Etter første runde"]


def test_sdk_downloads_the_exact_mime_and_deletes_the_message(sdk, tenant):
    m = tenant.inbox(KARI)[0]

    async def main() -> bytes:
        item = sdk.users.by_user_id(KARI).messages.by_message_id(m.id)
        mime = await item.content.get()
        await item.delete()
        return mime

    assert asyncio.run(main()) == m.mime
    assert m.id in [x.id for x in tenant.deleted_items(KARI)]


def test_sdk_send_mail_reaches_the_outbox_with_its_custom_header(sdk, tenant):
    body = SendMailPostRequestBody(
        message=Message(
            subject="Melding om personopplysninger",
            body=ItemBody(content_type=BodyType.Text, content="Vi har slettet en e-post."),
            to_recipients=[Recipient(email_address=EmailAddress(address="ola@innbygger.example"))],
            internet_message_headers=[InternetMessageHeader(name="X-Hygiene-Notice", value="n-1")],
        ),
        save_to_sent_items=True,
    )
    asyncio.run(sdk.users.by_user_id(KARI).send_mail.post(body))
    [sent] = tenant.outbox
    assert sent.to == ["ola@innbygger.example"]
    assert ("X-Hygiene-Notice", "n-1") in sent.headers
    assert len(tenant.sent_items(KARI)) == 1
