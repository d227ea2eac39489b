"""The launcher, authentication, principals, reset and the credentials script."""
from __future__ import annotations

import subprocess
import sys
import urllib.error

import pytest
from botocore.exceptions import ClientError

from conftest import ROOT, Emulator


# IAM refuses "{}" (ext/iam_rules.py): the smallest valid trust policy.
TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)


def error_code(call) -> str:  # type: ignore[no-untyped-def]
    """The AWS error code a boto3 call fails with."""
    with pytest.raises(ClientError) as raised:
        call()
    return str(raised.value.response["Error"]["Code"])


def test_health_and_credentials(emulator: Emulator) -> None:
    assert emulator.control("GET", "health")["status"] == "ok"
    keys = emulator.credentials()
    assert keys["accessKeyId"].startswith("AKIA") and len(keys["secretAccessKey"]) == 40


@pytest.mark.parametrize(
    ("service", "call", "bad_signature", "unknown_key"),
    [
        ("sts", lambda c: c.get_caller_identity(), "SignatureDoesNotMatch", "InvalidClientTokenId"),
        ("iam", lambda c: c.list_roles(), "SignatureDoesNotMatch", "InvalidClientTokenId"),
        ("sns", lambda c: c.list_topics(), "SignatureDoesNotMatch", "InvalidClientTokenId"),
        ("cognito-idp", lambda c: c.list_user_pools(MaxResults=5), "InvalidSignatureException", "UnrecognizedClientException"),
    ],
)
def test_signature_is_checked(fresh: Emulator, service: str, call, bad_signature: str, unknown_key: str) -> None:  # type: ignore[no-untyped-def]
    keys = fresh.credentials()
    call(fresh.client(service))
    wrong_secret = {"accessKeyId": keys["accessKeyId"], "secretAccessKey": "x" * 40}
    assert error_code(lambda: call(fresh.client(service, wrong_secret))) == bad_signature
    unknown = {"accessKeyId": "AKIAUNKNOWNUNKNOWN00", "secretAccessKey": "y" * 40}
    assert error_code(lambda: call(fresh.client(service, unknown))) == unknown_key


def test_new_principal_is_admin_and_distinct(fresh: Emulator) -> None:
    principal = fresh.control("POST", "principals", {})
    assert principal["accessKeyId"] != fresh.credentials()["accessKeyId"]
    identity = fresh.client("sts", principal).get_caller_identity()
    assert identity["Arn"].endswith(f":user/{principal['userName']}")
    fresh.client("iam", principal).create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)


def test_reset_clears_state_but_keeps_keys(emulator: Emulator) -> None:
    principal = emulator.control("POST", "principals", {})
    emulator.client("iam").create_role(RoleName="before-reset", AssumeRolePolicyDocument=TRUST)
    emulator.control("POST", "reset", {})
    assert emulator.client("iam").list_roles()["Roles"] == []
    assert emulator.client("sts", principal).get_caller_identity()["Account"] == "123456789012"
    assert [c["operation"] for c in emulator.control("GET", "calls")] == ["ListRoles", "GetCallerIdentity"]


def test_web_identity_is_served_unsigned_and_other_sts_calls_are_not(fresh: Emulator) -> None:
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    unsigned = boto3.client("sts", endpoint_url=fresh.url, region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    answer = unsigned.assume_role_with_web_identity(
        RoleArn="arn:aws:iam::123456789012:role/web", RoleSessionName="session", WebIdentityToken="token")
    assert answer["Credentials"]["AccessKeyId"]
    with pytest.raises(ClientError) as refused:
        unsigned.assume_role(RoleArn="arn:aws:iam::123456789012:role/web", RoleSessionName="session")
    assert refused.value.response["Error"]["Code"] == "MissingAuthenticationToken"
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_unknown_control_route_is_404(emulator: Emulator) -> None:
    with pytest.raises(urllib.error.HTTPError) as raised:
        emulator.control("GET", "nope")
    assert raised.value.code == 404


def test_credentials_script_prints_exports(emulator: Emulator) -> None:
    output = subprocess.run(
        [sys.executable, str(ROOT / "scripts/emulator/credentials.py"), "--url", emulator.url, "--shell"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    keys = emulator.credentials()
    assert output == [
        f"export AWS_ACCESS_KEY_ID={keys['accessKeyId']}",
        f"export AWS_SECRET_ACCESS_KEY={keys['secretAccessKey']}",
        "export AWS_EC2_METADATA_DISABLED=true",
    ]


def test_launcher_refuses_non_loopback_host() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/emulator/server.py"), "--host", "0.0.0.0", "--port", "1"],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode != 0 and "loopback" in result.stderr


def test_sigterm_stops_cleanly() -> None:
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts/emulator/server.py"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_smsauth/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0


def test_emulator_clock_activates_pending_numbers(fresh: Emulator) -> None:
    sms = fresh.client("pinpoint-sms-voice-v2")
    fresh.control("POST", "config", {"phoneNumberActivationSeconds": 600})
    try:
        number = sms.request_phone_number(
            IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"], NumberType="TOLL_FREE",
            RegistrationId="registration-0123456789abcdef0123456789abcdef",
        )
    finally:
        fresh.control("POST", "config", {"phoneNumberActivationSeconds": 0})
    ids = [number["PhoneNumberId"]]
    assert sms.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == "PENDING"
    fresh.control("POST", "clock", {"advanceSeconds": 600})
    assert sms.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == "ACTIVE"


def test_activation_delay_can_be_scoped_to_one_access_key(fresh: Emulator) -> None:
    slow = fresh.control("POST", "principals", {})
    other = fresh.control("POST", "principals", {})
    answer = fresh.control("POST", "config", {"phoneNumberActivationSeconds": 600, "accessKeyId": slow["accessKeyId"]})
    assert answer["phoneNumberActivationSeconds"] == 600 and answer["accessKeyId"] == slow["accessKeyId"]
    assert fresh.control("GET", "config")["phoneNumberActivationSeconds"] == 0

    def request(keys: dict[str, str]) -> str:
        sms = fresh.client("pinpoint-sms-voice-v2", keys)
        return sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                        NumberType="SIMULATOR")["Status"]

    assert request(slow) == "PENDING"
    assert request(other) == "ACTIVE"


def test_sigterm_stops_it_even_when_started_with_sigterm_blocked() -> None:
    import signal

    from conftest import _free_port, _wait_ready

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts/emulator/server.py"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT}))
    try:
        _wait_ready(f"http://127.0.0.1:{port}", process)
        process.terminate()
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()
        process.wait()
