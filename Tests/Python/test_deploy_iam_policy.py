"""The IAM policy of the deploy kit allows exactly the AWS actions smsauth calls, and docs/deploy.md shows it.

The operations are read from the typed clients in `Sources/AWSServices` (every `call("…")`, `describeAll("…")`,
`allPages("…")`, `action: "…"` and `operation: "…"`), so a client that starts calling a new operation fails this test
until the policy grants it; each is also checked to be a real operation of its service in the botocore models. STS
is left out: GetCallerIdentity needs no permission, and AssumeRole and AssumeRoleWithWebIdentity are made with the
credentials that lead to the role, not by it. `iam:PassRole` is the one action no client calls: Cognito requires
it of the caller that sets a pool's SMS role, SNS of the caller that sets the account's delivery-status role.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import botocore.session

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "deploy" / "iam" / "smsauth-controller-policy.json"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"
CLIENTS = ROOT / "Sources" / "AWSServices"
# Client folder → (IAM action prefix, botocore service name).
SERVICES = {
    "Cognito": ("cognito-idp", "cognito-idp"),
    "IAM": ("iam", "iam"),
    "SNS": ("sns", "sns"),
    "SMSVoice": ("sms-voice", "pinpoint-sms-voice-v2"),
    "SSM": ("ssm", "ssm"),
    "SecretsManager": ("secretsmanager", "secretsmanager"),
}
# S3 (the state on S3): the client's operations and the IAM actions that allow them (HeadObject is allowed by
# s3:GetObject, ListObjectsV2 by s3:ListBucket).
S3_ACTIONS = {
    "GetObject": "s3:GetObject",
    "HeadObject": "s3:GetObject",
    "PutObject": "s3:PutObject",
    "DeleteObject": "s3:DeleteObject",
    "ListObjectsV2": "s3:ListBucket",
}
S3_OPERATION_PATTERN = r'send\(\s*"([A-Z]\w+)"'
# PassRole: setting a pool's SMS role or the account's DeliveryStatusIAMRole; AddTagsToResource / TagResource: PutParameter and CreateSecret with tags.
UNCALLED_BUT_REQUIRED = {"iam:PassRole", "ssm:AddTagsToResource", "secretsmanager:TagResource"}
OPERATION_PATTERNS = (
    r'(?:call|describeAll|allPages)\(\s*"([A-Z]\w+)"',
    r'(?:action|operation): "([A-Z]\w+)"',
    r'let action = [^?\n]*\? "([A-Z]\w+)" : "([A-Z]\w+)"',
)


def called_operations(folder: str) -> set[str]:
    found: set[str] = set()
    for source in (CLIENTS / folder).rglob("*.swift"):
        text = source.read_text(encoding="utf-8")
        for pattern in OPERATION_PATTERNS:
            for match in re.findall(pattern, text):
                found.update([match] if isinstance(match, str) else match)
    return found


def s3_operations() -> set[str]:
    return {match for source in (CLIENTS / "S3").rglob("*.swift")
            for match in re.findall(S3_OPERATION_PATTERN, source.read_text(encoding="utf-8"))}


def policy_actions(document: dict) -> set[str]:
    actions: set[str] = set()
    for statement in document["Statement"]:
        assert statement["Effect"] == "Allow"
        actions.update([statement["Action"]] if isinstance(statement["Action"], str) else statement["Action"])
    return actions


def botocore_operations(service: str) -> set[str]:
    return set(botocore.session.get_session().get_service_model(service).operation_names)


def test_the_clients_and_the_policy_name_the_same_actions() -> None:
    called = {f"{prefix}:{op}" for folder, (prefix, _) in SERVICES.items() for op in called_operations(folder)}
    assert len(called) > 40, "the operation patterns no longer find the clients' calls"
    assert s3_operations() == set(S3_ACTIONS), "the S3 client's operations and S3_ACTIONS differ"
    called |= {S3_ACTIONS[operation] for operation in s3_operations()}
    assert policy_actions(json.loads(POLICY.read_text(encoding="utf-8"))) == called | UNCALLED_BUT_REQUIRED


def test_every_called_operation_is_a_real_operation() -> None:
    for folder, (_, service) in SERVICES.items():
        unknown = called_operations(folder) - botocore_operations(service)
        assert not unknown, f"{folder}: not operations of {service}: {sorted(unknown)}"
    assert not s3_operations() - botocore_operations("s3")


def test_pass_role_is_limited_to_cognito_and_sns() -> None:
    statements = json.loads(POLICY.read_text(encoding="utf-8"))["Statement"]
    pass_role = [s for s in statements if "iam:PassRole" in s["Action"]]
    assert pass_role == [s for s in pass_role if s["Action"] == ["iam:PassRole"]]
    # Cognito: a user pool's SMS role; SNS: the account's DeliveryStatusIAMRole (an SmsLogRole).
    assert [s["Condition"] for s in pass_role] == [
        {"StringEquals": {"iam:PassedToService": "cognito-idp.amazonaws.com"}},
        {"StringEquals": {"iam:PassedToService": "sns.amazonaws.com"}},
    ]


def test_the_deploy_guide_shows_the_policy_file() -> None:
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    assert json.loads(POLICY.read_text(encoding="utf-8")) in [json.loads(block) for block in blocks]
