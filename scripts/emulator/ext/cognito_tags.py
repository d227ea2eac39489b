"""Cognito user pool tags (TagResource, UntagResource, ListTagsForResource), which moto 5.2.1 lacks.

Tags live in the pool's `UserPoolTags` (what CreateUserPool stores and DescribeUserPool shows), so the two views
always agree.
"""
from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool, cognitoidp_backends
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import ActionResult, EmptyResult

from .cognito_errors import InvalidParameter, NotFound


def pool_for_arn(response: CognitoIdpResponse, arn: str | None) -> CognitoIdpUserPool:
    """The user pool named by a `ResourceArn`, or ResourceNotFoundException / InvalidParameterException."""
    if not arn or ":userpool/" not in arn:
        raise InvalidParameter(f"Invalid ResourceArn: {arn}")
    backend = cognitoidp_backends[response.current_account][response.region]
    for pool in backend.user_pools.values():
        if pool.arn == arn:
            return pool
    raise NotFound(f"User pool {arn.rsplit('/', 1)[-1]} does not exist.")


def tags_of(pool: CognitoIdpUserPool) -> dict[str, str]:
    """The pool's tag map (created empty when absent)."""
    tags: dict[str, str] = pool.extended_config.setdefault("UserPoolTags", {})
    return tags


def tag_resource(self: CognitoIdpResponse) -> ActionResult:
    """TagResource: adds or overwrites tags (at most 50 per pool)."""
    pool = pool_for_arn(self, self._get_param("ResourceArn"))
    new: dict[str, Any] = self._get_param("Tags") or {}
    merged = {**tags_of(pool), **new}
    if len(merged) > 50:
        raise InvalidParameter("A user pool can have at most 50 tags.")
    pool.extended_config["UserPoolTags"] = merged
    return EmptyResult()


def untag_resource(self: CognitoIdpResponse) -> ActionResult:
    """UntagResource: removes the given keys (missing keys are ignored)."""
    pool = pool_for_arn(self, self._get_param("ResourceArn"))
    keys = set(self._get_param("TagKeys") or [])
    pool.extended_config["UserPoolTags"] = {k: v for k, v in tags_of(pool).items() if k not in keys}
    return EmptyResult()


def list_tags_for_resource(self: CognitoIdpResponse) -> ActionResult:
    """ListTagsForResource: `{"Tags": {...}}`."""
    pool = pool_for_arn(self, self._get_param("ResourceArn"))
    return ActionResult({"Tags": dict(tags_of(pool))})


def install() -> None:
    """Adds the three operations to moto's CognitoIdpResponse."""
    CognitoIdpResponse.tag_resource = tag_resource  # type: ignore[attr-defined]
    CognitoIdpResponse.untag_resource = untag_resource  # type: ignore[attr-defined]
    CognitoIdpResponse.list_tags_for_resource = list_tags_for_resource  # type: ignore[attr-defined]
