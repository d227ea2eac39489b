"""The crash hook (`/_smsauth/crash`): SIGKILL a registered process right after its Nth performed write; and a reset
that leaves nothing of any kind smsauth manages."""
from __future__ import annotations

import gzip
import json
import re
import signal
import subprocess
import sys
import urllib.error
from pathlib import Path
from typing import Any

import botocore
import pytest
from botocore.exceptions import ClientError

from conftest import ROOT, Emulator

sys.path.insert(0, str(ROOT / "scripts/emulator"))

from ext.crash import READ_VERBS, WRITE_VERBS, is_write  # noqa: E402

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def served_operations() -> dict[str, list[str]]:
    """Every operation of the botocore models of the services the emulator serves."""
    data = Path(botocore.__file__).parent / "data"
    operations: dict[str, list[str]] = {}
    for service in ("cognito-idp", "iam", "sts", "sns", "pinpoint-sms-voice-v2"):
        model = sorted((data / service).glob("*/service-2.json*"))[-1]
        opener: Any = gzip.open if model.suffix == ".gz" else open
        with opener(model, "rt", encoding="utf-8") as handle:
            operations[service] = sorted(json.load(handle)["operations"])
    return operations


def test_every_served_operation_has_a_known_verb() -> None:
    unknown = []
    for service, operations in served_operations().items():
        for operation in operations:
            name = operation.removeprefix("Admin")
            verb = next((v for v in READ_VERBS if name.startswith(v)), None) or \
                re.match(r"[A-Z][a-z]*", name).group(0)  # type: ignore[union-attr]
            in_read, in_write = verb in READ_VERBS, verb in WRITE_VERBS
            if in_read == in_write:
                unknown.append(f"{service}:{operation}")
            elif is_write(operation) != in_write:
                unknown.append(f"{service}:{operation} (misclassified)")
    assert unknown == []


@pytest.mark.parametrize("operation,write", [
    ("CreateUserPool", True), ("UpdateUserPoolClient", True), ("DeleteUserPool", True), ("PutRolePolicy", True),
    ("SetUserPoolMfaConfig", True), ("SetSMSAttributes", True), ("TagResource", True), ("UntagRole", True),
    ("RequestPhoneNumber", True), ("ReleasePhoneNumber", True), ("AssociateOriginationIdentity", True),
    ("CreateSMSSandboxPhoneNumber", True), ("VerifySMSSandboxPhoneNumber", True), ("AdminCreateUser", True),
    ("DescribeUserPool", False), ("ListUserPoolClients", False), ("GetRole", False), ("GetCallerIdentity", False),
    ("GetSMSSandboxAccountStatus", False), ("AdminGetUser", False), ("AdminListDevices", False),
    ("CheckIfPhoneNumberIsOptedOut", False), ("AssumeRole", False),
])
def test_write_classification(operation: str, write: bool) -> None:
    assert is_write(operation) is write


def victim() -> subprocess.Popen[bytes]:
    """A process that would live a minute unless killed."""
    return subprocess.Popen(["sleep", "60"])


def test_kills_right_after_the_nth_performed_write_of_the_key(fresh: Emulator) -> None:
    mine = fresh.control("POST", "principals", {})
    other = fresh.control("POST", "principals", {})
    iam, other_iam = fresh.client("iam", mine), fresh.client("iam", other)
    process = victim()
    try:
        armed = fresh.control("POST", "crash", {"pid": process.pid, "afterWrites": 2, "accessKeyId": mine["accessKeyId"]})
        assert armed == {"pid": process.pid, "afterWrites": 2, "performed": [], "fired": False,
                         "accessKeyId": mine["accessKeyId"]}
        iam.list_roles()
        other_iam.create_role(RoleName="someone-else", AssumeRolePolicyDocument=TRUST)
        iam.create_role(RoleName="first", AssumeRolePolicyDocument=TRUST)
        with pytest.raises(ClientError) as refused:
            iam.create_role(RoleName="first", AssumeRolePolicyDocument=TRUST)
        assert refused.value.response["Error"]["Code"] == "EntityAlreadyExists"
        assert process.poll() is None, "reads, other keys' writes and refused writes do not count"
        assert fresh.control("GET", "crash")["performed"] == ["iam:CreateRole"]

        iam.put_role_policy(RoleName="first", PolicyName="publish", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}))
        assert process.poll() == -signal.SIGKILL, "dead before the answer of the second write arrived"
        assert iam.list_role_policies(RoleName="first")["PolicyNames"] == ["publish"], "the write was performed"
        assert fresh.control("GET", "crash") == {
            "pid": process.pid, "afterWrites": 2, "performed": ["iam:CreateRole", "iam:PutRolePolicy"], "fired": True,
            "firedBy": "iam:PutRolePolicy",
            "accessKeyId": mine["accessKeyId"]}
        iam.create_role(RoleName="later", AssumeRolePolicyDocument=TRUST)
        assert len(fresh.control("GET", "crash")["performed"]) == 2, "a fired hook counts no more"
    finally:
        process.kill()
        process.wait()


def test_unscoped_hook_counts_every_key_and_reset_disarms_it(fresh: Emulator) -> None:
    process = victim()
    try:
        fresh.control("POST", "crash", {"pid": process.pid, "afterWrites": 1})
        fresh.control("POST", "reset", {})
        assert fresh.control("GET", "crash") == {}
        fresh.client("iam").create_role(RoleName="after-reset", AssumeRolePolicyDocument=TRUST)
        assert process.poll() is None

        fresh.control("POST", "crash", {"pid": process.pid, "afterWrites": 1})
        fresh.control("DELETE", "crash")
        fresh.client("iam").create_role(RoleName="after-disarm", AssumeRolePolicyDocument=TRUST)
        assert process.poll() is None

        fresh.control("POST", "crash", {"pid": process.pid, "afterWrites": 1})
        other = fresh.control("POST", "principals", {})
        fresh.client("sns", other).set_sms_attributes(attributes={"DefaultSMSType": "Transactional"})
        assert process.poll() == -signal.SIGKILL
        assert fresh.control("GET", "crash")["firedBy"] == "sns:SetSMSAttributes"
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("body", [
    {"afterWrites": 1}, {"pid": 0, "afterWrites": 1}, {"pid": "12", "afterWrites": 1}, {"pid": 4242},
    {"pid": 4242, "afterWrites": 0}, {"pid": 4242, "afterWrites": True}, {"pid": 4242, "afterWrites": 1, "accessKeyId": 7},
])
def test_malformed_hook_is_refused(fresh: Emulator, body: dict[str, Any]) -> None:
    with pytest.raises(urllib.error.HTTPError) as raised:
        fresh.control("POST", "crash", body)
    assert raised.value.code == 400
    assert fresh.control("GET", "crash") == {}


def test_reset_leaves_nothing_of_any_managed_kind(fresh: Emulator) -> None:
    iam, cognito, sns = fresh.client("iam"), fresh.client("cognito-idp"), fresh.client("sns")
    sms = fresh.client("pinpoint-sms-voice-v2")
    untouched_attributes = sns.get_sms_attributes()["attributes"]
    iam.create_role(RoleName="sms", AssumeRolePolicyDocument=TRUST, Tags=[{"Key": "smsauth:managed-by", "Value": "smsauth"}])
    pool = cognito.create_user_pool(PoolName="p", UserPoolTags={"smsauth:managed-by": "smsauth"})["UserPool"]["Id"]
    cognito.create_user_pool_client(UserPoolId=pool, ClientName="c")
    sns.set_sms_attributes(attributes={"MonthlySpendLimit": "1"})
    sns.create_sms_sandbox_phone_number(PhoneNumber="+12065550100")
    number = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                      NumberType="SIMULATOR", ClientToken="t")["PhoneNumberId"]
    sms.create_pool(OriginationIdentity=number, IsoCountryCode="US", MessageType="TRANSACTIONAL")

    fresh.control("POST", "reset", {})

    assert iam.list_roles()["Roles"] == []
    assert cognito.list_user_pools(MaxResults=60)["UserPools"] == []
    assert sns.get_sms_attributes()["attributes"] == untouched_attributes
    assert sns.list_sms_sandbox_phone_numbers()["PhoneNumbers"] == []
    assert sms.describe_phone_numbers()["PhoneNumbers"] == []
    assert sms.describe_pools()["Pools"] == []
    again = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                     NumberType="SIMULATOR", ClientToken="t")["PhoneNumberId"]
    assert again != number, "ClientTokens are forgotten too: the same token buys a new number"

