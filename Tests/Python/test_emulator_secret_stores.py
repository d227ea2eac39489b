"""SSM Parameter Store and Secrets Manager as smsauth uses them: signed, logged, faulted, SecureStrings not leaked."""
from __future__ import annotations

import botocore.exceptions
import pytest

from conftest import Emulator


def test_secure_string_without_decryption_hides_the_value(fresh: Emulator) -> None:
    ssm = fresh.client("ssm")
    ssm.put_parameter(Name="/app/web/secret", Value="s3cr3t-value", Type="SecureString")

    hidden = ssm.get_parameter(Name="/app/web/secret")["Parameter"]
    shown = ssm.get_parameter(Name="/app/web/secret", WithDecryption=True)["Parameter"]

    assert hidden["Type"] == "SecureString"
    assert "s3cr3t-value" not in hidden["Value"]
    assert hidden["Value"] == ssm.get_parameter(Name="/app/web/secret")["Parameter"]["Value"]
    assert shown["Value"] == "s3cr3t-value"


def test_parameter_errors_are_the_modelled_ones(fresh: Emulator) -> None:
    ssm = fresh.client("ssm")
    ssm.put_parameter(Name="/app/web/outputs", Value="{}", Type="String", Tags=[{"Key": "k", "Value": "v"}])
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        ssm.get_parameter(Name="/app/none")
    with pytest.raises(botocore.exceptions.ClientError) as exists:
        ssm.put_parameter(Name="/app/web/outputs", Value="{}", Type="String")
    with pytest.raises(botocore.exceptions.ClientError) as tagged_overwrite:
        ssm.put_parameter(Name="/app/web/outputs", Value="{}", Type="String", Overwrite=True,
                          Tags=[{"Key": "k", "Value": "v"}])

    assert missing.value.response["Error"]["Code"] == "ParameterNotFound"
    assert exists.value.response["Error"]["Code"] == "ParameterAlreadyExists"
    assert tagged_overwrite.value.response["Error"]["Code"] == "ValidationException"
    tags = ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId="/app/web/outputs")["TagList"]
    assert tags == [{"Key": "k", "Value": "v"}]


def test_secret_lifecycle(fresh: Emulator) -> None:
    secrets = fresh.client("secretsmanager")
    secrets.create_secret(Name="web-secret", SecretString="one", ClientRequestToken="a" * 32,
                          Tags=[{"Key": "k", "Value": "v"}])
    secrets.put_secret_value(SecretId="web-secret", SecretString="two", ClientRequestToken="b" * 32)

    described = secrets.describe_secret(SecretId="web-secret")
    assert described["Tags"] == [{"Key": "k", "Value": "v"}]
    assert "SecretString" not in described
    assert secrets.get_secret_value(SecretId="web-secret")["SecretString"] == "two"

    secrets.delete_secret(SecretId="web-secret", ForceDeleteWithoutRecovery=True)
    with pytest.raises(botocore.exceptions.ClientError) as gone:
        secrets.describe_secret(SecretId="web-secret")
    assert gone.value.response["Error"]["Code"] == "ResourceNotFoundException"


@pytest.mark.parametrize("service", ["ssm", "secretsmanager"])
def test_signature_is_checked(fresh: Emulator, service: str) -> None:
    key = fresh.credentials()
    wrong = {"accessKeyId": key["accessKeyId"], "secretAccessKey": "x" * 40}
    client = fresh.client(service, credentials=wrong)
    with pytest.raises(botocore.exceptions.ClientError) as denied:
        if service == "ssm":
            client.get_parameter(Name="/app/web")
        else:
            client.describe_secret(SecretId="web")
    assert denied.value.response["Error"]["Code"] == "InvalidSignatureException"
    calls = fresh.control("GET", "calls")
    assert calls[-1]["service"] == service and calls[-1]["status"] == 403


@pytest.mark.parametrize(("service", "code"), [("ssm", "ThrottlingException"), ("secretsmanager", "ThrottlingException")])
def test_throttling_fault(fresh: Emulator, service: str, code: str) -> None:
    fresh.control("POST", "faults", {"rules": [{"service": service, "kind": "throttle", "count": 1}]})
    client = fresh.client(service)
    with pytest.raises(botocore.exceptions.ClientError) as throttled:
        if service == "ssm":
            client.get_parameter(Name="/app/web")
        else:
            client.describe_secret(SecretId="web")
    assert throttled.value.response["Error"]["Code"] == code
