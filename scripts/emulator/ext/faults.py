"""Fault rules set by `POST /_smsauth/faults`: throttling, 5xx and latency, matched per request."""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import Any

from .requestinfo import RequestInfo

KINDS = ("throttle", "error5xx", "latency")


class FaultRuleError(ValueError):
    """A fault rule in a control request is malformed."""


@dataclass
class FaultRule:
    """One rule: which requests it matches, what it does, how often and how many times."""

    service: str
    operation: str
    kind: str
    rate: float
    access_key_id: str | None
    count: int | None
    latency_ms: int
    status: int
    injected: int = field(default=0)

    @staticmethod
    def parse(raw: dict[str, Any]) -> "FaultRule":
        """Validates one rule of the control request body."""
        kind = raw.get("kind")
        if kind not in KINDS:
            raise FaultRuleError(f"kind must be one of {', '.join(KINDS)}")
        rate = float(raw.get("rate", 1.0))
        if not 0.0 <= rate <= 1.0:
            raise FaultRuleError("rate must be within 0..1")
        count = raw.get("count")
        if count is not None and (not isinstance(count, int) or count < 0):
            raise FaultRuleError("count must be a non-negative integer")
        status = int(raw.get("status", 500))
        if status not in (500, 503):
            raise FaultRuleError("status must be 500 or 503")
        return FaultRule(
            service=str(raw.get("service", "*")),
            operation=str(raw.get("operation", "*")),
            kind=kind,
            rate=rate,
            access_key_id=raw.get("accessKeyId"),
            count=count,
            latency_ms=int(raw.get("latencyMs", 0)),
            status=status,
        )

    def matches(self, info: RequestInfo) -> bool:
        """Whether the rule applies to this request (ignoring rate and count)."""
        return (
            self.service in ("*", info.service)
            and self.operation in ("*", info.operation)
            and self.access_key_id in (None, info.access_key_id)
            and (self.count is None or self.injected < self.count)
        )

    def as_json(self) -> dict[str, Any]:
        """The rule as `GET /_smsauth/faults` shows it."""
        out: dict[str, Any] = {
            "service": self.service,
            "operation": self.operation,
            "kind": self.kind,
            "rate": self.rate,
            "injected": self.injected,
        }
        if self.access_key_id is not None:
            out["accessKeyId"] = self.access_key_id
        if self.count is not None:
            out["count"] = self.count
        if self.kind == "latency":
            out["latencyMs"] = self.latency_ms
        if self.kind == "error5xx":
            out["status"] = self.status
        return out


class FaultInjector:
    """The active rules, grouped by scope (the access key a rule is limited to, or None for every caller), each
    scope with its own seeded random source that decides `rate`. Scopes keep tests that run at the same time with
    different access keys out of each other's way."""

    def __init__(self) -> None:
        self._rules: dict[str | None, list[FaultRule]] = {}
        self._random: dict[str | None, random.Random] = {}
        self._lock = threading.Lock()

    def set_rules(self, rules: list[FaultRule], seed: int) -> None:
        """Replaces the rules of every scope that `rules` names (the other scopes keep theirs) and reseeds those
        scopes' random sources. An empty list replaces the unscoped rules."""
        with self._lock:
            scopes = {rule.access_key_id for rule in rules} or {None}
            for scope in scopes:
                self._rules[scope] = [rule for rule in rules if rule.access_key_id == scope]
                self._random[scope] = random.Random(seed)

    def clear(self, access_key_id: str | None = None) -> None:
        """Removes every rule, or only those scoped to `access_key_id`."""
        with self._lock:
            if access_key_id is None:
                self._rules = {}
                self._random = {}
            else:
                self._rules.pop(access_key_id, None)
                self._random.pop(access_key_id, None)

    def rules(self) -> list[dict[str, Any]]:
        """The active rules with their injection counters (unscoped first, then by access key)."""
        with self._lock:
            ordered = sorted(self._rules.items(), key=lambda item: (item[0] is not None, item[0] or ""))
            return [rule.as_json() for _, scoped in ordered for rule in scoped]

    def pick(self, info: RequestInfo) -> FaultRule | None:
        """The first matching rule whose rate draw fires, counted as injected; None lets the request through.

        The caller's own scope is tried before the unscoped rules; within a scope rules are tried in order, and a
        matching rule draws one number from that scope's seeded source (rate 1 always fires, rate 0 never fires
        and draws nothing)."""
        with self._lock:
            for scope in (info.access_key_id, None) if info.access_key_id is not None else (None,):
                for rule in self._rules.get(scope, []):
                    if not rule.matches(info) or rule.rate <= 0.0:
                        continue
                    if rule.rate >= 1.0 or self._random[scope].random() < rule.rate:
                        rule.injected += 1
                        return rule
            return None


FAULTS = FaultInjector()
