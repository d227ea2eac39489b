"""App client rules that moto 5.2.1 misses, patched onto its CognitoIdpResponse.

UpdateUserPoolClient is replaced: moto merges the request into the client, AWS resets every updatable member the
request leaves out to its default (Amazon Cognito API Reference, UpdateUserPoolClient: "If you don't provide a value
for an attribute, Amazon Cognito sets it to its default value").
"""
from __future__ import annotations

from typing import Any

from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import ActionResult

# Members of a new client that moto fills in when CreateUserPoolClient leaves them out (its defaults, which are
# AWS's): what an omitted member goes back to.
CLIENT_DEFAULTS: dict[str, Any] = {
    "AllowedOAuthFlowsUserPoolClient": False,
    "AuthSessionValidity": 3,
    "EnablePropagateAdditionalUserContextData": False,
    "EnableTokenRevocation": True,
    "RefreshTokenValidity": 30,
}


def update_user_pool_client(self: CognitoIdpResponse) -> ActionResult:
    """UpdateUserPoolClient: the request replaces the client's configuration; omitted members get their defaults.

    The client name is kept when omitted (it identifies the client; AWS documents no default for it).
    """
    params: dict[str, Any] = dict(self.parameters)
    pool_id = params.pop("UserPoolId", None)
    client_id = params.pop("ClientId", None)
    client = self.backend.describe_user_pool_client(pool_id, client_id)
    name = params.get("ClientName") or client.extended_config.get("ClientName")
    client.extended_config = {**CLIENT_DEFAULTS, **params, "ClientName": name}
    return ActionResult({"UserPoolClient": client.to_json(extended=True)})


def install() -> None:
    """Replaces moto's UpdateUserPoolClient."""
    CognitoIdpResponse.update_user_pool_client = update_user_pool_client  # type: ignore[method-assign,assignment]
