"""Fault injection and the call log."""
from __future__ import annotations

import time
import urllib.error

import pytest
from botocore.exceptions import ClientError

from conftest import Emulator


def outcome(call) -> str:  # type: ignore[no-untyped-def]
    """"ok" or the AWS error code of a boto3 call."""
    try:
        call()
        return "ok"
    except ClientError as error:
        return str(error.response["Error"]["Code"])


def test_throttle_everything_then_clear(fresh: Emulator) -> None:
    fresh.control("POST", "faults", {"rules": [{"service": "*", "operation": "*", "kind": "throttle", "rate": 1}]})
    cognito, iam, sns, sts = (fresh.client(s) for s in ("cognito-idp", "iam", "sns", "sts"))
    assert outcome(lambda: cognito.list_user_pools(MaxResults=5)) == "TooManyRequestsException"
    assert outcome(lambda: iam.list_roles()) == "Throttling"
    assert outcome(lambda: sts.get_caller_identity()) == "Throttling"
    assert outcome(lambda: sns.list_topics()) == "Throttling"
    assert outcome(lambda: sns.get_sms_sandbox_account_status()) == "Throttled"
    fresh.control("DELETE", "faults")
    assert outcome(lambda: cognito.list_user_pools(MaxResults=5)) == "ok"


def test_throttle_status_codes(fresh: Emulator) -> None:
    fresh.control("POST", "faults", {"rules": [{"service": "*", "operation": "*", "kind": "throttle", "rate": 1}]})
    with pytest.raises(ClientError) as sns_error:
        fresh.client("sns").get_sms_sandbox_account_status()
    assert sns_error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    with pytest.raises(ClientError) as cognito_error:
        fresh.client("cognito-idp").list_user_pools(MaxResults=5)
    assert cognito_error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_error5xx_is_service_shaped(fresh: Emulator) -> None:
    fresh.control("POST", "faults", {"rules": [
        {"service": "cognito-idp", "operation": "DescribeUserPool", "kind": "error5xx", "rate": 1},
        {"service": "iam", "operation": "*", "kind": "error5xx", "rate": 1, "status": 503},
    ]})
    cognito = fresh.client("cognito-idp")
    assert outcome(lambda: cognito.list_user_pools(MaxResults=5)) == "ok"
    with pytest.raises(ClientError) as raised:
        cognito.describe_user_pool(UserPoolId="us-east-1_x")
    assert raised.value.response["Error"]["Code"] == "InternalErrorException"
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500
    with pytest.raises(ClientError) as iam_error:
        fresh.client("iam").list_roles()
    assert iam_error.value.response["Error"]["Code"] == "ServiceUnavailable"
    assert iam_error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 503


def test_rate_with_seed_is_deterministic(fresh: Emulator) -> None:
    rule = {"service": "sts", "operation": "GetCallerIdentity", "kind": "throttle", "rate": 0.5}
    sts = fresh.client("sts")
    runs = []
    for _ in range(2):
        fresh.control("POST", "faults", {"rules": [rule], "seed": 7})
        runs.append([outcome(sts.get_caller_identity) for _ in range(20)])
    assert runs[0] == runs[1]
    assert 3 <= runs[0].count("Throttling") <= 17 and "ok" in runs[0]


def test_count_limits_injections(fresh: Emulator) -> None:
    fresh.control("POST", "faults", {"rules": [{"service": "iam", "operation": "*", "kind": "throttle", "rate": 1, "count": 2}]})
    iam = fresh.client("iam")
    assert [outcome(iam.list_roles) for _ in range(4)] == ["Throttling", "Throttling", "ok", "ok"]
    assert fresh.control("GET", "faults")["rules"][0]["injected"] == 2


def test_latency_delays_then_answers(fresh: Emulator) -> None:
    fresh.control("POST", "faults", {"rules": [{"service": "sts", "kind": "latency", "rate": 1, "latencyMs": 300}]})
    started = time.monotonic()
    fresh.client("sts").get_caller_identity()
    assert time.monotonic() - started >= 0.3
    call = fresh.control("GET", "calls")[-1]
    assert isinstance(call.pop("connection"), int)
    assert call == {
        "service": "sts", "operation": "GetCallerIdentity", "status": 200,
        "accessKeyId": fresh.credentials()["accessKeyId"], "region": "us-east-1", "fault": "latency"}


def test_latency_setting_delays_every_call_until_reset(fresh: Emulator) -> None:
    assert fresh.control("POST", "config", {"latencyMs": 250})["latencyMs"] == 250
    for call in (fresh.client("sts").get_caller_identity, fresh.client("iam").list_roles):
        started = time.monotonic()
        call()
        assert time.monotonic() - started >= 0.25
    assert [c.get("fault") for c in fresh.control("GET", "calls")[-2:]] == [None, None]
    fresh.control("POST", "reset")
    assert fresh.control("GET", "config")["latencyMs"] == 0


def test_latency_setting_must_be_a_non_negative_integer(fresh: Emulator) -> None:
    for bad in (-1, 1.5, "10", True):
        with pytest.raises(urllib.error.HTTPError, match="400"):
            fresh.control("POST", "config", {"latencyMs": bad})
    assert fresh.control("GET", "config")["latencyMs"] == 0


def test_faults_and_calls_per_access_key(fresh: Emulator) -> None:
    first = fresh.control("POST", "principals", {})
    second = fresh.control("POST", "principals", {})
    fresh.control("POST", "faults", {"rules": [
        {"service": "*", "operation": "*", "kind": "throttle", "rate": 1, "accessKeyId": first["accessKeyId"]}]})
    assert outcome(fresh.client("iam", first).list_roles) == "Throttling"
    assert outcome(fresh.client("iam", second).list_roles) == "ok"
    fresh.client("cognito-idp", second).list_user_pools(MaxResults=1)
    calls = fresh.control("GET", f"calls?accessKeyId={first['accessKeyId']}")
    assert all(isinstance(call.pop("connection"), int) for call in calls)
    assert calls == [
        {"service": "iam", "operation": "ListRoles", "status": 400, "accessKeyId": first["accessKeyId"],
         "region": "us-east-1", "fault": "throttle"}]
    assert [(c["service"], c["operation"], c["status"]) for c in
            fresh.control("GET", f"calls?accessKeyId={second['accessKeyId']}")] == [
        ("iam", "ListRoles", 200), ("cognito-idp", "ListUserPools", 200)]
    fresh.control("DELETE", "calls")
    assert fresh.control("GET", "calls") == []


def test_rules_of_different_keys_do_not_replace_each_other(fresh: Emulator) -> None:
    first = fresh.control("POST", "principals", {})
    second = fresh.control("POST", "principals", {})
    for keys in (first, second):
        fresh.control("POST", "faults", {"rules": [
            {"service": "iam", "operation": "*", "kind": "throttle", "rate": 1, "accessKeyId": keys["accessKeyId"]}]})
    assert outcome(fresh.client("iam", first).list_roles) == "Throttling"
    assert outcome(fresh.client("iam", second).list_roles) == "Throttling"
    remaining = fresh.control("DELETE", f"faults?accessKeyId={first['accessKeyId']}")["rules"]
    assert [rule["accessKeyId"] for rule in remaining] == [second["accessKeyId"]]
    assert outcome(fresh.client("iam", first).list_roles) == "ok"
    assert outcome(fresh.client("iam", second).list_roles) == "Throttling"


def test_bad_rule_is_rejected(fresh: Emulator) -> None:
    import urllib.error

    with pytest.raises(urllib.error.HTTPError) as raised:
        fresh.control("POST", "faults", {"rules": [{"kind": "explode"}]})
    assert raised.value.code == 400
