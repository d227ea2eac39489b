"""UpdateUserPoolClient resets what it omits, as AWS does (moto merges)."""
from __future__ import annotations

from conftest import Emulator


def test_update_resets_omitted_members_to_defaults(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName="clients")["UserPool"]["Id"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="web", CallbackURLs=["https://example.com/cb"], AllowedOAuthFlows=["code"],
        AllowedOAuthScopes=["openid"], AllowedOAuthFlowsUserPoolClient=True, EnableTokenRevocation=False,
        ReadAttributes=["email"], RefreshTokenValidity=10,
    )["UserPoolClient"]

    cognito.update_user_pool_client(UserPoolId=pool, ClientId=client["ClientId"], ReadAttributes=["phone_number"])

    updated = cognito.describe_user_pool_client(UserPoolId=pool, ClientId=client["ClientId"])["UserPoolClient"]
    assert updated["ClientName"] == "web"
    assert updated["ReadAttributes"] == ["phone_number"]
    assert "CallbackURLs" not in updated
    assert "AllowedOAuthFlows" not in updated
    assert updated["AllowedOAuthFlowsUserPoolClient"] is False
    assert updated["EnableTokenRevocation"] is True
    assert updated["RefreshTokenValidity"] == 30


def test_update_with_every_member_keeps_them(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName="clients")["UserPool"]["Id"]
    client = cognito.create_user_pool_client(UserPoolId=pool, ClientName="web", CallbackURLs=["https://example.com/cb"],
                                             AllowedOAuthFlows=["code"])["UserPoolClient"]

    cognito.update_user_pool_client(UserPoolId=pool, ClientId=client["ClientId"], ClientName="web2",
                                    CallbackURLs=["https://example.com/cb"], AllowedOAuthFlows=["code"])

    updated = cognito.describe_user_pool_client(UserPoolId=pool, ClientId=client["ClientId"])["UserPoolClient"]
    assert updated["ClientName"] == "web2"
    assert updated["CallbackURLs"] == ["https://example.com/cb"]
    assert updated["AllowedOAuthFlows"] == ["code"]
