"""The account's SMS spending quota (ext/sms_spend.py): US$1 for a new account, MonthlySpendLimit above it refused."""
from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator


def test_a_new_account_reports_its_quota_as_the_limit(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    assert fresh.control("GET", "config")["smsSpendQuotaUSD"] == 1
    assert sns.get_sms_attributes(attributes=["MonthlySpendLimit"])["attributes"] == {"MonthlySpendLimit": "1"}
    sns.set_sms_attributes(attributes={"MonthlySpendLimit": "0"})
    assert sns.get_sms_attributes(attributes=["MonthlySpendLimit"])["attributes"] == {"MonthlySpendLimit": "0"}


@pytest.mark.parametrize("limit", ["50", "2", "-1", "1.5", "ten"])
def test_a_limit_above_the_quota_or_malformed_is_refused_and_changes_nothing(fresh: Emulator, limit: str) -> None:
    sns = fresh.client("sns")
    with pytest.raises(ClientError) as raised:
        sns.set_sms_attributes(attributes={"MonthlySpendLimit": limit, "DefaultSMSType": "Promotional"})
    error = raised.value.response
    assert (error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]) == ("InvalidParameter", 400)
    assert "MonthlySpendLimit" in error["Error"]["Message"]
    assert "DefaultSMSType" not in sns.get_sms_attributes()["attributes"]


def test_a_raised_quota_accepts_the_limit(fresh: Emulator) -> None:
    fresh.control("POST", "config", {"smsSpendQuotaUSD": 50})
    sns = fresh.client("sns")
    sns.set_sms_attributes(attributes={"MonthlySpendLimit": "50"})
    assert sns.get_sms_attributes(attributes=["MonthlySpendLimit"])["attributes"] == {"MonthlySpendLimit": "50"}
    with pytest.raises(ClientError):
        sns.set_sms_attributes(attributes={"MonthlySpendLimit": "51"})
    fresh.control("POST", "reset", {})
    assert fresh.control("GET", "config")["smsSpendQuotaUSD"] == 1
