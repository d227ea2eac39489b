"""Cognito's check of a user pool's SMS role, evaluated against moto's IAM: `SmsConfiguration.SnsCallerArn` (SMS
through Amazon SNS) or `SmsConfiguration.EumsSms.CallerArn` (SMS through End User Messaging SMS), never both.

Trust: the role exists, was created at least `smsRolePropagationSeconds` ago (emulator clock), and its trust policy
(the previous one while an update propagates, `iam_propagation`)
has an Allow statement for service principal `cognito-idp.amazonaws.com` with `sts:AssumeRole`, whose
`sts:ExternalId` condition (if any) equals the ExternalId and whose `aws:SourceAccount` condition (if any) equals the
pool's account, and no Deny statement names Cognito. Access: for SNS `sns:Publish` on `*`; for End User Messaging
`sms-voice:SendTextMessage` on every resource the send names (the OriginationIdentity when it is an ARN, the
configuration set; with neither, the account's phone numbers `…:phone-number/*`, an emulator choice: AWS picks an
origination identity of the account); allowed by the role's inline and attached policies and not denied, within its
permissions boundary (`policy_eval`).
"""
from __future__ import annotations

import json
from datetime import timezone
from typing import Any
from urllib.parse import unquote

from moto.iam.models import Role, iam_backends

from . import iam_propagation, policy_eval, state
from .cognito_errors import InvalidParameter, InvalidSmsRoleAccess, InvalidSmsRoleTrust

COGNITO_PRINCIPAL = "cognito-idp.amazonaws.com"
# SNS Publish to a phone number has no resource ARN: only `"Resource": "*"` (or a NotResource) covers it.
PUBLISH_RESOURCE = "*"
SEND_TEXT = "sms-voice:SendTextMessage"
# Cognito API reference, SmsConfigurationType.EumsSms: "provide either the Amazon SNS configuration (SnsCallerArn) or
# this configuration, but not both". The wording of the error is the emulator's.
BOTH_PATHS = "SmsConfiguration must have either SnsCallerArn or EumsSms, not both."
NO_PATH = "SmsConfiguration must have SnsCallerArn or EumsSms."


def check(sms_configuration: dict[str, Any] | None, account_id: str, region: str) -> None:
    """Raises the Cognito error AWS gives when the SMS role cannot be used; does nothing for no configuration."""
    if not sms_configuration:
        return
    eums = sms_configuration.get("EumsSms")
    sns_arn = sms_configuration.get("SnsCallerArn")
    if eums is not None and sns_arn:
        raise InvalidParameter(BOTH_PATHS)
    if eums is None and not sns_arn:
        raise InvalidParameter(NO_PATH)
    caller_arn = eums["CallerArn"] if eums is not None else sns_arn
    external_id = eums.get("ExternalId") if eums is not None else sms_configuration.get("ExternalId")
    role = _find_role(caller_arn)
    if role is None or not _propagated(role):
        raise InvalidSmsRoleTrust()
    if not _trusts_cognito(role, external_id, account_id):
        raise InvalidSmsRoleTrust()
    requests = [("sns:Publish", PUBLISH_RESOURCE)] if eums is None else _send_text_requests(eums, account_id, region)
    if not all(_may(role, action, resource) for action, resource in requests):
        raise InvalidSmsRoleAccess(via_sns=eums is None)


def _send_text_requests(eums: dict[str, Any], account_id: str, region: str) -> list[tuple[str, str]]:
    """The (action, resource) pairs a SendTextMessage with this EumsSms configuration is authorized for."""
    region = eums.get("Region") or region
    prefix = f"arn:aws:sms-voice:{region}:{account_id}"
    resources = []
    identity = eums.get("OriginationIdentity") or ""
    if identity.startswith("arn:"):
        resources.append(identity)
    if eums.get("ConfigurationSetName"):
        resources.append(f"{prefix}:configuration-set/{eums['ConfigurationSetName']}")
    if not resources:
        resources.append(f"{prefix}:phone-number/*")
    return [(SEND_TEXT, resource) for resource in resources]


def _find_role(arn: str) -> Role | None:
    """The role with that ARN in its account's IAM backend."""
    parts = arn.split(":")
    if len(parts) < 6 or parts[2] != "iam" or not parts[5].startswith("role/"):
        return None
    account_id = parts[4]
    if account_id not in iam_backends:
        return None
    for role in iam_backends[account_id]["global"].roles.values():
        if role.arn == arn:
            return role
    return None


_CREATED_AT = "_smsauth_created_at"
_installed = False


def install() -> None:
    """Stamps every role created from now on with the emulator clock's time (idempotent), so its age is measured on
    the same clock as `now`: a test that moves the clock forward must not make roles created later look old."""
    global _installed
    if _installed:
        return
    from moto.iam.models import IAMBackend

    original = IAMBackend.create_role

    def create_role(self: Any, *args: Any, **kwargs: Any) -> Role:
        role = original(self, *args, **kwargs)
        setattr(role, _CREATED_AT, state.CLOCK.now())
        return role

    IAMBackend.create_role = create_role  # type: ignore[method-assign]
    _installed = True


def _propagated(role: Role) -> bool:
    """Whether the role is older than the configured propagation delay, on the emulator clock."""
    created = getattr(role, _CREATED_AT, None)
    if created is None:
        created = role.create_date.timestamp() if role.create_date.tzinfo else _utc_timestamp(role)
    return state.CLOCK.now() - created >= state.CONFIG.sms_role_propagation_seconds


def _utc_timestamp(role: Role) -> float:
    """moto stores naive UTC datetimes."""
    return role.create_date.replace(tzinfo=timezone.utc).timestamp()


def _document(raw: Any) -> dict[str, Any]:
    """A policy document as a dict, whether stored as JSON text (possibly URL-encoded) or already parsed."""
    if isinstance(raw, dict):
        return raw
    text = str(raw)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(unquote(text))


def _action_matches(actions: Any, wanted: str) -> bool:
    """Whether an Action value (wildcards allowed, case-insensitive) covers `wanted`."""
    return policy_eval.applies({"Action": actions, "Resource": "*"}, wanted, "*")


def _condition_values(condition: dict[str, Any], key: str) -> list[str] | None:
    """Values of a condition key under StringEquals/StringLike (key names are case-insensitive); None if absent."""
    for operator in ("StringEquals", "StringLike"):
        for name, values in (condition.get(operator) or {}).items():
            if name.lower() == key.lower():
                return policy_eval.as_list(values)
    return None


def _trusts_cognito(role: Role, external_id: str | None, account_id: str) -> bool:
    """Whether the trust policy lets Cognito assume the role with this ExternalId."""
    trust = policy_eval.statements(_document(iam_propagation.effective_trust(role)))
    if any(statement.get("Effect") == "Deny" and _names_cognito(statement) for statement in trust):
        return False
    for statement in trust:
        if statement.get("Effect") != "Allow" or not _action_matches(statement.get("Action"), "sts:AssumeRole"):
            continue
        if not _names_cognito(statement):
            continue
        condition = statement.get("Condition") or {}
        external_ids = _condition_values(condition, "sts:ExternalId")
        if external_ids is not None and external_id not in external_ids:
            continue
        accounts = _condition_values(condition, "aws:SourceAccount")
        if accounts is not None and account_id not in accounts:
            continue
        return True
    return False


def _names_cognito(statement: dict[str, Any]) -> bool:
    """Whether the statement's Principal is Cognito's service principal."""
    principal = statement.get("Principal") or {}
    return isinstance(principal, dict) and COGNITO_PRINCIPAL in policy_eval.as_list(principal.get("Service"))


def _may(role: Role, action: str, resource: str) -> bool:
    """Whether the role may call `action` on `resource`: its inline and attached (default version) policies, and its
    permissions boundary, evaluated by `policy_eval`."""
    identity = [_document(doc) for doc in iam_propagation.effective_inline(role).values()]
    identity += [_default_version(policy) for policy in role.managed_policies.values()]
    policy = iam_backends[role.account_id]["global"].managed_policies.get(role.permissions_boundary_arn or "")
    # No boundary, or an AWS managed one moto has no document for (iam_rules accepts those unchecked): no limit.
    boundary = _default_version(policy) if policy is not None else None
    return policy_eval.allowed(identity, boundary, action, resource)


def _default_version(policy: Any) -> dict[str, Any]:
    """The document of a managed policy's default version."""
    for version in policy.versions:
        if version.is_default:
            return _document(version.document)
    return {}
