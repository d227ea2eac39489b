"""Small pages: with the `pageSize` setting (`POST /_smsauth/config`, or `server.py --page-size`), every list
operation smsauth calls answers pages of at most that many items, and pages that AWS may send but rarely does: the
first page is empty and carries a token, every page is short, and the page with the last item still carries a token
that leads to an empty last page without one. AWS documents that a page may hold fewer items than MaxResults and
that only the absence of a token ends a listing (e.g. Cognito ListUserPools: "An identifier that was returned from
the previous call … which can be used to return the next set of items"; IAM: "Even if IsTruncated is true, you may
receive fewer than MaxItems results; check IsTruncated after every call"). Items come in the order of their id, and a
token is a cursor after the last item returned, so other clients creating and deleting items between two pages (the
end-to-end suite runs many tests against one emulator) never make a listing skip or repeat an item. Without the
setting each operation pages as before.

Operations: cognito-idp ListUserPools, ListUserPoolClients; iam ListRolePolicies, ListAttachedRolePolicies; sns
ListSMSSandboxPhoneNumbers (`sns_sandbox`); sms-voice DescribePhoneNumbers, DescribePools, DescribeSenderIds,
ListPoolOriginationIdentities and the other sms-voice listings answered through its `_page`, e.g. the registration
form's definitions, field values, attachments and associations (`smsvoice` package, through `install_smsvoice`).
"""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from . import state

T = TypeVar("T")
_PREFIX = "smsauth-page:"


class InvalidPageToken(ValueError):
    """A token this module did not issue."""


def small_page(items: Sequence[T], token: str | None, requested: int | None, size: int) -> tuple[list[T], str | None]:
    """Page `token` (None: the first) of `items` in the small-pages scheme: the first page is empty, the next pages
    hold at most min(requested, size) items each, and the page after the one with the last item is empty and the only
    one without a next token.

    A token is a cursor, not an offset: it names the last item already returned, and the next page starts after it in
    the order of `identity`. Items created or deleted by other clients between two pages therefore never make a
    listing skip or repeat an item that existed throughout, as AWS's listings behave; a token whose item was deleted
    still resumes after it, and one past every remaining item ends the listing with an empty page."""
    ordered = sorted(items, key=identity)
    if token is None:
        return [], _encode(None)
    after = _decode(token)
    remaining = ordered if after is None else [item for item in ordered if identity(item) > after]
    page = remaining[:min(requested, size) if requested else size]
    if not page:
        return [], None
    return page, _encode(identity(page[-1]))


# Most specific first: an origination identity's entry also names its pool.
_IDENTITY_FIELDS = ("Id", "ClientId", "PolicyArn", "OriginationIdentityArn", "PhoneNumberArn", "SenderIdArn",
                    "PoolArn", "OptOutListArn", "ConfigurationSetArn", "ProtectConfigurationArn",
                    "VerifiedDestinationNumberArn", "RegistrationArn", "VersionNumber", "RegistrationAttachmentArn",
                    "ResourceArn", "FieldPath", "SectionPath", "RegistrationType")


def identity(item: Any) -> str:
    """What names `item` in its listing: a string item itself, the first element of a tuple (a sandbox number and its
    status), a dict's id or ARN member (pools, clients, attached policies, End User Messaging resources), else the
    dict's whole content."""
    if isinstance(item, str):
        return item
    if isinstance(item, (tuple, list)):
        return str(item[0])
    if isinstance(item, dict):
        for field in _IDENTITY_FIELDS:
            if field in item:
                return str(item[field])
        return json.dumps(item, sort_keys=True, default=str)
    return repr(item)


def _encode(after: str | None) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{json.dumps(after)}".encode()).decode()


def _decode(token: str) -> str | None:
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
        if text.startswith(_PREFIX):
            after = json.loads(text[len(_PREFIX):])
            if after is None or isinstance(after, str):
                return after
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise InvalidPageToken(token)


@dataclass(frozen=True)
class ListShape:
    """How one moto list operation names its items, token and limit."""

    items: str
    token_in: str
    token_out: str
    limit: str
    # IAM's lists say `IsTruncated` besides the marker.
    truncated_flag: bool
    invalid_token: Callable[[], Exception]


def _cognito_invalid_token() -> Exception:
    from moto.cognitoidp.exceptions import InvalidParameterException

    return InvalidParameterException("Invalid pagination token.")


def _iam_invalid_token() -> Exception:
    from moto.iam.exceptions import ValidationError

    return ValidationError("Invalid Marker.")


_COGNITO = dict(token_in="NextToken", token_out="NextToken", limit="MaxResults", truncated_flag=False,
                invalid_token=_cognito_invalid_token)
_IAM = dict(token_in="Marker", token_out="Marker", limit="MaxItems", truncated_flag=True,
            invalid_token=_iam_invalid_token)
MOTO_LISTS: dict[tuple[str, str], ListShape] = {
    ("cognitoidp", "list_user_pools"): ListShape(items="UserPools", **_COGNITO),  # type: ignore[arg-type]
    ("cognitoidp", "list_user_pool_clients"): ListShape(items="UserPoolClients", **_COGNITO),  # type: ignore[arg-type]
    ("iam", "list_role_policies"): ListShape(items="PolicyNames", **_IAM),  # type: ignore[arg-type]
    ("iam", "list_attached_role_policies"): ListShape(items="AttachedPolicies", **_IAM),  # type: ignore[arg-type]
}
_installed = False


def install() -> None:
    """Wraps moto's list operations of `MOTO_LISTS` (idempotent)."""
    global _installed
    if _installed:
        return
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.iam.responses import IamResponse

    classes = {"cognitoidp": CognitoIdpResponse, "iam": IamResponse}
    for (service, method), shape in MOTO_LISTS.items():
        response_class = classes[service]
        setattr(response_class, method, _small_pages(getattr(response_class, method), shape))
    _installed = True


def _small_pages(original: Any, shape: ListShape) -> Any:
    """`original` unchanged without the setting; with it, the whole list read through moto's own paging, then the
    requested small page of it."""
    def list_in_small_pages(self: Any) -> Any:
        size = state.page_size()
        if size is None:
            return original(self)
        from moto.core.responses import ActionResult

        params = _Params(self)
        token, requested = params.get(shape.token_in), params.get(shape.limit)
        items: list[Any] = []
        moto_token = None
        while True:
            params.set(shape.token_in, moto_token)
            params.set(shape.limit, None)
            result = dict(original(self).result)
            items += result[shape.items]
            moto_token = result.get(shape.token_out)
            if not moto_token:
                break
        try:
            page, next_token = small_page(items, token, int(requested) if requested else None, size)
        except InvalidPageToken:
            raise shape.invalid_token() from None
        result[shape.items] = page
        result.pop(shape.token_out, None)
        if next_token:
            result[shape.token_out] = next_token
        if shape.truncated_flag:
            result["IsTruncated"] = next_token is not None
        return ActionResult(result)

    return list_in_small_pages


class _Params:
    """The request parameters moto's response methods read: `params` (automated parsing, IAM) or the JSON body
    (Cognito)."""

    def __init__(self, response: Any) -> None:
        self._response = response

    def _values(self) -> dict[str, Any]:
        if self._response.automated_parameter_parsing:
            return self._response.params  # type: ignore[no-any-return]
        body = self._response.body
        text = body.decode() if isinstance(body, bytes) else (body or "")
        return json.loads(text) if text.strip() else {}

    def get(self, name: str) -> Any:
        return self._values().get(name)

    def set(self, name: str, value: Any) -> None:
        """Sets `name` (None: removes it)."""
        values = self._values()
        values.pop(name, None)
        if value is not None:
            values[name] = value
        if not self._response.automated_parameter_parsing:
            self._response.body = json.dumps(values)


def install_smsvoice(responses: Any) -> None:
    """Makes the list operations of the smsvoice package (its `responses` module) page in the small-pages scheme
    while the setting is on."""
    original = responses.paginate

    def paginate(items: Sequence[T], next_token: str | None, max_results: int | None) -> tuple[list[T], str | None]:
        size = state.page_size()
        if size is None:
            return original(items, next_token, max_results)
        try:
            return small_page(items, next_token, max_results, size)
        except InvalidPageToken:
            from smsvoice.exceptions import ValidationException

            raise ValidationException("The NextToken is not valid.", "INVALID_NEXT_TOKEN") from None

    responses.paginate = paginate
