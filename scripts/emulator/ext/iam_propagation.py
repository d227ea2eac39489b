"""IAM's eventual consistency for a role's policies: after UpdateAssumeRolePolicy, PutRolePolicy or
DeleteRolePolicy, other services (Cognito's SMS role check) keep seeing the role's previous trust policy or inline
policies until `smsRolePropagationSeconds` have passed on the emulator clock. IAM User Guide, "Troubleshoot IAM":
"changes … take time to become visible … propagated … to other AWS services"; AWS-documented Cognito failure after
an ExternalId rotation. IAM itself (GetRole, GetRolePolicy) answers with the new documents at once, as on AWS.
"""
from __future__ import annotations

from typing import Any

from moto.iam.models import IAMBackend, Role

from . import state

_PREVIOUS_TRUST = "_smsauth_previous_trust"
_PREVIOUS_INLINE = "_smsauth_previous_inline"
_installed = False


def install() -> None:
    """Records each role's previous trust and inline policies when they change (idempotent)."""
    global _installed
    if _installed:
        return
    update_trust = IAMBackend.update_assume_role_policy
    put_inline = IAMBackend.put_role_policy
    delete_inline = IAMBackend.delete_role_policy

    def update_trust_recorded(self: IAMBackend, role_name: str, policy_document: str) -> None:
        role = self.get_role(role_name)
        previous = effective_trust(role)
        update_trust(self, role_name, policy_document)
        setattr(role, _PREVIOUS_TRUST, (previous, state.CLOCK.now()))

    def put_inline_recorded(self: IAMBackend, role_name: str, *args: Any, **kwargs: Any) -> None:
        role = self.get_role(role_name)
        previous = effective_inline(role)
        put_inline(self, role_name, *args, **kwargs)
        setattr(role, _PREVIOUS_INLINE, (previous, state.CLOCK.now()))

    def delete_inline_recorded(self: IAMBackend, role_name: str, policy_name: str) -> None:
        role = self.get_role(role_name)
        previous = effective_inline(role)
        delete_inline(self, role_name, policy_name)
        setattr(role, _PREVIOUS_INLINE, (previous, state.CLOCK.now()))

    IAMBackend.update_assume_role_policy = update_trust_recorded  # type: ignore[method-assign]
    IAMBackend.put_role_policy = put_inline_recorded  # type: ignore[method-assign]
    IAMBackend.delete_role_policy = delete_inline_recorded  # type: ignore[method-assign]
    _installed = True


def _still_previous(role: Role, attribute: str) -> tuple[bool, Any]:
    """(True, previous value) while the last change of `attribute` has not propagated yet."""
    recorded = getattr(role, attribute, None)
    if recorded is None:
        return False, None
    previous, changed_at = recorded
    return state.CLOCK.now() - changed_at < state.CONFIG.sms_role_propagation_seconds, previous


def effective_trust(role: Role) -> Any:
    """The trust policy other services see now."""
    pending, previous = _still_previous(role, _PREVIOUS_TRUST)
    return previous if pending else role.assume_role_policy_document


def effective_inline(role: Role) -> dict[str, Any]:
    """The inline policies (name → document) other services see now."""
    pending, previous = _still_previous(role, _PREVIOUS_INLINE)
    return dict(previous) if pending else dict(role.policies)
