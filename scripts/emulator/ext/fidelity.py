"""Switchable AWS behaviours (`GET/POST /_smsauth/fidelity`) and injectable concurrent-modification conflicts
(`GET/POST/DELETE /_smsauth/conflicts`). README "Fidelity settings" documents both and their AWS sources.

- `userPoolTagsOnUpdate`: what an UpdateUserPool without `UserPoolTags` does to the pool's tags. `reset` (default):
  they are removed, as AWS documents for every omitted attribute except UserPoolTier; `kept`: they stay (what
  Cognito may do since tags are also a separate resource). The client must be right under both.
- Conflicts: the next `count` calls of an operation whose model lists a concurrent-modification error answer that
  error (code and HTTP status from the model) after authentication and validation, without changing anything.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from . import errors

TAG_MODES = ("reset", "kept")
# The concurrent-modification error shape of each protocol family's model.
CONFLICT_SHAPES = ("ConcurrentModificationException", "ConcurrentAccessException")


class FidelityError(ValueError):
    """A fidelity or conflict request that cannot be applied."""


@dataclass
class FidelitySettings:
    """The switchable behaviours."""

    user_pool_tags_on_update: str = "reset"

    def as_json(self) -> dict[str, Any]:
        return {"userPoolTagsOnUpdate": self.user_pool_tags_on_update}


SETTINGS = FidelitySettings()


class Conflicts:
    """Pending injected conflicts: (service, operation, access key or None) → how many calls still fail."""

    def __init__(self) -> None:
        self._pending: dict[tuple[str, str, str | None], int] = {}
        self._lock = threading.Lock()

    def add(self, service: str, operation: str, count: int, access_key_id: str | None) -> None:
        with self._lock:
            self._pending[(service, operation, access_key_id)] = count

    def take(self, service: str, operation: str, access_key_id: str) -> bool:
        """True (and one fewer pending) when this call must fail; a key's own entry is used before the shared one."""
        with self._lock:
            for key in ((service, operation, access_key_id), (service, operation, None)):
                if self._pending.get(key, 0) > 0:
                    self._pending[key] -= 1
                    return True
            return False

    def as_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {"service": service, "operation": operation, "accessKeyId": key, "remaining": count}
                for (service, operation, key), count in self._pending.items()
            ]

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()


CONFLICTS = Conflicts()


def conflict_error(service: str, operation: str) -> tuple[str, int] | None:
    """(code, HTTP status) of the concurrent-modification error `operation`'s model lists, or None."""
    from .model_validation import MODELS, service_model

    if service not in MODELS or operation not in service_model(service).operation_names:
        return None
    for shape in service_model(service).operation_model(operation).error_shapes:
        if shape.name in CONFLICT_SHAPES:
            error = shape.metadata.get("error", {})
            return error.get("code", shape.name), int(error.get("httpStatusCode", 400))
    return None


def reset() -> None:
    """Default settings, no pending conflicts."""
    SETTINGS.user_pool_tags_on_update = "reset"
    CONFLICTS.clear()


def set_settings(body: dict[str, Any]) -> dict[str, Any]:
    """Applies the settings present in `body`."""
    mode = body.get("userPoolTagsOnUpdate", SETTINGS.user_pool_tags_on_update)
    if mode not in TAG_MODES:
        raise FidelityError(f"userPoolTagsOnUpdate must be one of {', '.join(TAG_MODES)}")
    unknown = set(body) - {"userPoolTagsOnUpdate"}
    if unknown:
        raise FidelityError(f"unknown settings: {', '.join(sorted(unknown))}")
    SETTINGS.user_pool_tags_on_update = mode
    return SETTINGS.as_json()


def add_conflict(body: dict[str, Any]) -> list[dict[str, Any]]:
    """`{"service": "cognito-idp", "operation": "UpdateUserPool", "count": 1, "accessKeyId": optional}`."""
    service, operation = body.get("service", "cognito-idp"), body.get("operation")
    count, key = body.get("count", 1), body.get("accessKeyId")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise FidelityError("count must be an integer >= 0")
    if not isinstance(operation, str) or conflict_error(service, operation) is None:
        raise FidelityError(f"{service} {operation} has no concurrent-modification error in its model")
    CONFLICTS.add(service, operation, count, key if isinstance(key, str) else None)
    return CONFLICTS.as_json()


def injected_conflict(service: str, operation: str, access_key_id: str, is_json: bool) -> errors.ErrorResponse | None:
    """The conflict answer when one is pending for this call."""
    error = conflict_error(service, operation)
    if error is None or not CONFLICTS.take(service, operation, access_key_id):
        return None
    code, status = error
    message = "Another modification of this resource is in progress; try again."
    return errors.render(service, is_json, code, status, message, sender=True)
