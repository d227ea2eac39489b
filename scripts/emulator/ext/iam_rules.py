"""IAM rules moto 5.2.1 is lenient about, patched onto its IamResponse (README "IAM rules").

- CreateRole checks the trust policy as UpdateAssumeRolePolicy already does in moto (`"{}"`, no statement →
  `MalformedPolicyDocument` "Syntax errors in policy.", 400); in both, a trust statement without Principal is
  `MalformedPolicyDocument` "Missing required field Principal", and PutRolePolicy refuses a statement with one
  ("Policy document should not specify a principal.").
- CreateRole and PutRolePermissionsBoundary refuse a permissions boundary that is not an existing managed policy
  (`NoSuchEntity`, 404), as IAM does ("Scope ARN: … does not exist or is not attachable."). AWS managed policies
  (`arn:<partition>:iam::aws:policy/…`) are accepted unchecked: moto does not load their catalogue.
- IAM is a global service signed for the partition's IAM region (us-east-1; us-gov-west-1 and cn-north-1 in the
  other partitions): a request signed for another region gets `SignatureDoesNotMatch` (403) "Credential should be
  scoped to a valid region.", before anything else is looked at.
"""
from __future__ import annotations

import json
import re
from typing import Any

from moto.iam.exceptions import MalformedPolicyDocument, NoSuchEntity
from moto.iam.policy_validation import IAMTrustPolicyDocumentValidator
from werkzeug.exceptions import HTTPException

from . import errors

IAM_SIGNING_REGIONS = frozenset({"us-east-1", "us-gov-west-1", "cn-north-1"})
_SCOPE = re.compile(r"Credential=[^/,\s]+/[^/]+/([^/]+)/iam/aws4_request")

_installed = False


class WrongSigningRegion(HTTPException):
    """IAM's answer to a request signed for a region other than its own."""

    def __init__(self) -> None:
        answer = errors.render("iam", False, "SignatureDoesNotMatch", 403,
                               "Credential should be scoped to a valid region.", sender=True)
        super().__init__(description=answer.body.decode())
        self.code = 403


def install() -> None:
    """Patches IamResponse (idempotent)."""
    global _installed
    if _installed:
        return
    from moto.iam.responses import IamResponse

    authenticate = IamResponse._authenticate_and_authorize_normal_action
    create_role = IamResponse.create_role
    update_trust = IamResponse.update_assume_role_policy
    put_inline = IamResponse.put_role_policy
    put_boundary = IamResponse.put_role_permissions_boundary

    def authenticate_in_iam_region(self: Any, resource: str = "*") -> None:
        match = _SCOPE.search(self.headers.get("Authorization", ""))
        if match is not None and match.group(1) not in IAM_SIGNING_REGIONS:
            raise WrongSigningRegion()
        authenticate(self, resource)

    def create_role_checked(self: Any) -> Any:
        trust = self._get_param("AssumeRolePolicyDocument") or ""
        IAMTrustPolicyDocumentValidator(trust).validate()
        _check_principals(trust, required=True)
        _check_boundary(self, self._get_param("PermissionsBoundary"))
        return create_role(self)

    def update_trust_checked(self: Any) -> Any:
        IAMTrustPolicyDocumentValidator(self._get_param("PolicyDocument") or "").validate()
        _check_principals(self._get_param("PolicyDocument") or "", required=True)
        return update_trust(self)

    def put_inline_checked(self: Any) -> Any:
        _check_principals(self._get_param("PolicyDocument") or "", required=False)
        return put_inline(self)

    def put_boundary_checked(self: Any) -> Any:
        _check_boundary(self, self._get_param("PermissionsBoundary"))
        return put_boundary(self)

    IamResponse._authenticate_and_authorize_normal_action = authenticate_in_iam_region  # type: ignore[method-assign]
    IamResponse.create_role = create_role_checked  # type: ignore[method-assign]
    IamResponse.update_assume_role_policy = update_trust_checked  # type: ignore[method-assign]
    IamResponse.put_role_policy = put_inline_checked  # type: ignore[method-assign]
    IamResponse.put_role_permissions_boundary = put_boundary_checked  # type: ignore[method-assign]
    _installed = True


def _check_principals(document: str, required: bool) -> None:
    """Trust policies (`required`) need a Principal in every statement; identity policies must have none.
    A document that is not JSON is left to moto's own syntax check."""
    try:
        statements = json.loads(document).get("Statement", [])
    except (ValueError, AttributeError):
        return
    for statement in statements if isinstance(statements, list) else [statements]:
        has_principal = isinstance(statement, dict) and ("Principal" in statement or "NotPrincipal" in statement)
        if required and not has_principal:
            raise MalformedPolicyDocument("Missing required field Principal")
        if not required and has_principal:
            raise MalformedPolicyDocument("Policy document should not specify a principal.")


def _check_boundary(response: Any, arn: str | None) -> None:
    """NoSuchEntity unless `arn` names an existing customer managed policy (AWS managed ones are not checked)."""
    if arn and ":iam::aws:policy/" not in arn and arn not in response.backend.managed_policies:
        raise NoSuchEntity(f"Scope ARN: {arn} does not exist or is not attachable.")

