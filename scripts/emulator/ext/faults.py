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
    """The active rules and the seeded random source that decides `rate`."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._random = random.Random(0)
        self._lock = threading.Lock()

    def set_rules(self, rules: list[FaultRule], seed: int) -> None:
        """Replaces every rule and reseeds the random source."""
        with self._lock:
            self._rules = rules
            self._random = random.Random(seed)

    def clear(self) -> None:
        """Removes every rule."""
        with self._lock:
            self._rules = []

    def rules(self) -> list[dict[str, Any]]:
        """The active rules with their injection counters."""
        with self._lock:
            return [rule.as_json() for rule in self._rules]

    def pick(self, info: RequestInfo) -> FaultRule | None:
        """The first matching rule whose rate draw fires, counted as injected; None lets the request through.

        Rules are tried in order; a matching rule draws one number from the seeded source (rate 1 always fires,
        rate 0 never fires and draws nothing)."""
        with self._lock:
            for rule in self._rules:
                if not rule.matches(info) or rule.rate <= 0.0:
                    continue
                if rule.rate >= 1.0 or self._random.random() < rule.rate:
                    rule.injected += 1
                    return rule
            return None


FAULTS = FaultInjector()
