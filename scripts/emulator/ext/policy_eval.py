"""IAM policy evaluation for one request (action, resource), as the IAM User Guide's "Policy evaluation logic"
describes it for a role in one account: an explicit Deny in any identity policy or in the permissions boundary wins;
otherwise the identity policies must Allow and, when the role has a boundary, the boundary must Allow too.

A statement applies when its Action (or NotAction) and Resource (or NotResource) cover the request and its Condition
holds. The emulator knows no request context, so a statement with a Condition never applies: an Allow with a
Condition grants nothing and a Deny with one denies nothing (README "Cognito rules", SMS role check). Pure.
"""
from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from typing import Any


def as_list(value: Any) -> list[str]:
    """A string or list of strings as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(item) for item in value]


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The Statement list (a single statement object counts as a list of one)."""
    found = document.get("Statement", [])
    return [found] if isinstance(found, dict) else [item for item in found if isinstance(item, dict)]


def _matches(patterns: Any, value: str, case_sensitive: bool) -> bool:
    """Whether a wildcard pattern (`*`, `?`) covers `value`; actions are case-insensitive, resources are not."""
    if case_sensitive:
        return any(fnmatch.fnmatchcase(value, pattern) for pattern in as_list(patterns))
    return any(fnmatch.fnmatchcase(value.lower(), pattern.lower()) for pattern in as_list(patterns))


def applies(statement: dict[str, Any], action: str, resource: str) -> bool:
    """Whether the statement covers `action` on `resource`."""
    if statement.get("Condition"):
        return False
    if "Action" in statement:
        action_ok = _matches(statement["Action"], action, case_sensitive=False)
    else:
        action_ok = "NotAction" in statement and not _matches(statement["NotAction"], action, case_sensitive=False)
    if "Resource" in statement:
        resource_ok = _matches(statement["Resource"], resource, case_sensitive=True)
    else:
        resource_ok = "NotResource" in statement and not _matches(statement["NotResource"], resource, True)
    return action_ok and resource_ok


def _effects(documents: Iterable[dict[str, Any]], action: str, resource: str) -> set[str]:
    return {
        str(statement.get("Effect"))
        for document in documents
        for statement in statements(document)
        if applies(statement, action, resource)
    }


def allowed(
    identity: list[dict[str, Any]], boundary: dict[str, Any] | None, action: str, resource: str
) -> bool:
    """The decision for `action` on `resource` given the role's identity policies and its boundary (if any)."""
    identity_effects = _effects(identity, action, resource)
    boundary_effects = _effects([boundary], action, resource) if boundary is not None else {"Allow"}
    if "Deny" in identity_effects or "Deny" in boundary_effects:
        return False
    return "Allow" in identity_effects and "Allow" in boundary_effects
