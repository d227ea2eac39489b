"""The crash hook set by `POST /_smsauth/crash`: SIGKILL a registered process right after its Nth performed write.

Crash-consistency tests use it to kill a client at an exact point of its work: after AWS has carried out a write
and before the client has seen the answer, the worst moment for a client that must not do anything twice.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .requestinfo import RequestInfo

# Operations that change nothing, by the verb their name starts with (after an `Admin` prefix): every other operation
# of the served services is a write. `Assume…` (STS) hands out credentials and changes no resource.
READ_VERBS = ("Get", "List", "Describe", "Check", "Simulate", "Decode", "CarrierLookup", "Assume")

# The verbs of every write operation in the botocore models of the served services (cognito-idp, iam, sts, sns,
# pinpoint-sms-voice-v2). `is_write` does not need the list (anything not read is a write); Tests/Python checks that
# every operation of those models starts with a verb of exactly one of the two lists, so a new verb is noticed.
# (`User` is cognito-idp's AdminUserGlobalSignOut, `Link` its AdminLinkProviderForUser.)
WRITE_VERBS = (
    "Accept", "Acquire", "Add", "Associate", "Attach", "Change", "Complete", "Confirm", "Create", "Deactivate",
    "Delete", "Detach", "Disable", "Disassociate", "Discard", "Enable", "Forget", "Forgot", "Generate", "Global", "Initiate",
    "Link", "Opt", "Publish", "Put", "Reject", "Release", "Remove", "Request", "Resend", "Reset", "Respond", "Resync",
    "Revoke", "Send", "Set", "Sign", "Start", "Stop", "Submit", "Subscribe", "Tag", "Unsubscribe", "Untag",
    "Update", "Upload", "User", "Verify",
)

# How long the hook waits for the killed process to be gone before the emulator answers anyway.
EXIT_WAIT_SECONDS = 5.0


class CrashHookError(ValueError):
    """A crash hook in a control request is malformed."""


def is_write(operation: str) -> bool:
    """Whether the operation can change AWS state: it does not start with a read verb."""
    name = operation[len("Admin"):] if operation.startswith("Admin") else operation
    return not name.startswith(READ_VERBS)


@dataclass
class CrashHook:
    """Kill `pid` once `after_writes` writes (signed with `access_key_id` when set) have been performed."""

    pid: int
    after_writes: int
    access_key_id: str | None
    performed: list[str] = field(default_factory=list)
    fired_by: str | None = None

    @staticmethod
    def parse(raw: dict[str, Any]) -> "CrashHook":
        """Validates the body of `POST /_smsauth/crash`."""
        pid, after = raw.get("pid"), raw.get("afterWrites")
        if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1 or pid == os.getpid():
            raise CrashHookError("pid must be the id of another process (an integer > 1)")
        if not isinstance(after, int) or isinstance(after, bool) or after < 1:
            raise CrashHookError("afterWrites must be an integer >= 1")
        key = raw.get("accessKeyId")
        if key is not None and not isinstance(key, str):
            raise CrashHookError("accessKeyId must be a string")
        return CrashHook(pid=pid, after_writes=after, access_key_id=key)

    def as_json(self) -> dict[str, Any]:
        """The hook as the control endpoint shows it."""
        out: dict[str, Any] = {
            "pid": self.pid,
            "afterWrites": self.after_writes,
            "performed": list(self.performed),
            "fired": self.fired_by is not None,
        }
        if self.access_key_id is not None:
            out["accessKeyId"] = self.access_key_id
        if self.fired_by is not None:
            out["firedBy"] = self.fired_by
        return out


class CrashSwitch:
    """The armed hook (at most one); `performed` is called for every AWS request moto has answered."""

    def __init__(self) -> None:
        self._hook: CrashHook | None = None
        self._lock = threading.Lock()

    def arm(self, hook: CrashHook) -> None:
        """Replaces the hook; its write count starts at 0."""
        with self._lock:
            self._hook = hook

    def disarm(self) -> None:
        """Removes the hook."""
        with self._lock:
            self._hook = None

    def state(self) -> dict[str, Any]:
        """The hook and its counters, or `{}` when none is armed."""
        with self._lock:
            return self._hook.as_json() if self._hook is not None else {}

    def performed(self, info: RequestInfo, status: int) -> None:
        """Counts a write moto carried out (answered 2xx) and, on the Nth, kills the process and waits until it is
        gone. Called while moto's lock is held, so no other request is performed between that write and the kill."""
        if status >= 300 or not is_write(info.operation):
            return
        with self._lock:
            hook = self._hook
            if hook is None or hook.fired_by is not None or hook.access_key_id not in (None, info.access_key_id):
                return
            hook.performed.append(f"{info.service}:{info.operation}")
            if len(hook.performed) < hook.after_writes:
                return
            hook.fired_by = hook.performed[-1]
        try:
            os.kill(hook.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        _wait_gone(hook.pid)


def _wait_gone(pid: int) -> None:
    """Waits (bounded) until `pid` has exited: no longer in /proc, or a zombie awaiting its parent."""
    deadline = time.monotonic() + EXIT_WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                state = stat.read().rsplit(")", 1)[-1].split()[0]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.001)


CRASH = CrashSwitch()
