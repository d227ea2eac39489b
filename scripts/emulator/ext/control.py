"""Handlers of the `/_smsauth/` control endpoint (JSON in, JSON out). README.md documents every shape."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from moto.core import DEFAULT_ACCOUNT_ID

from . import fidelity, sandbox_store, smsvoice_hook, state
from .calls import CALLS
from .crash import CRASH, CrashHook, CrashHookError
from .faults import FAULTS, FaultRule, FaultRuleError
from .principals import PRINCIPALS


class ControlError(Exception):
    """A control request that cannot be served: HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


Handler = Callable[[dict[str, Any], dict[str, list[str]]], Any]


def health(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Ready: moto loaded, patches installed, bootstrap principal created."""
    return {"status": "ok", "smsVoice": smsvoice_hook.available()}


def credentials(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The bootstrap principal's keys."""
    principal = PRINCIPALS.bootstrap()
    return {"accessKeyId": principal.access_key_id, "secretAccessKey": principal.secret_access_key}


def new_principal(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """A fresh admin user with its own key."""
    return PRINCIPALS.create().as_json()


def reset(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Resets every moto backend and all extension state, then re-creates the principals with their keys."""
    from moto.moto_api._internal.models import moto_api_backend

    moto_api_backend.reset()
    PRINCIPALS.restore_all()
    sandbox_store.SANDBOX.reset()
    state.reset()
    fidelity.reset()
    FAULTS.clear()
    CRASH.disarm()
    CALLS.clear()
    smsvoice_hook.configure(0.0)
    smsvoice_hook.reset()
    return {"reset": True}


def get_config(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The current settings."""
    config = state.CONFIG
    return {
        "smsRolePropagationSeconds": config.sms_role_propagation_seconds,
        "phoneNumberActivationSeconds": config.phone_number_activation_seconds,
        "inSandbox": config.in_sandbox,
        "pageSize": config.page_size,
        "smsSpendQuotaUSD": config.sms_spend_quota_usd,
        "latencyMs": config.latency_ms,
    }


def set_config(body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """Changes the settings present in the body; the others keep their values. With `accessKeyId`, only
    `phoneNumberActivationSeconds` and `pageSize` may be given, and they apply to that key's requests alone."""
    config = state.CONFIG
    key = body.get("accessKeyId")
    if key is not None:
        return _set_key_config(key, body, query)
    try:
        if "smsRolePropagationSeconds" in body:
            config.sms_role_propagation_seconds = _non_negative(body["smsRolePropagationSeconds"])
        if "phoneNumberActivationSeconds" in body:
            config.phone_number_activation_seconds = _non_negative(body["phoneNumberActivationSeconds"])
            smsvoice_hook.configure(config.phone_number_activation_seconds)
        if "inSandbox" in body:
            if not isinstance(body["inSandbox"], bool):
                raise ValueError("inSandbox must be a boolean")
            config.in_sandbox = body["inSandbox"]
        if "pageSize" in body:
            config.page_size = _page_size(body["pageSize"])
        if "smsSpendQuotaUSD" in body:
            config.sms_spend_quota_usd = _non_negative(body["smsSpendQuotaUSD"])
        if "latencyMs" in body:
            if isinstance(body["latencyMs"], bool) or not isinstance(body["latencyMs"], int) or body["latencyMs"] < 0:
                raise ValueError("latencyMs must be an integer >= 0")
            config.latency_ms = body["latencyMs"]
    except (TypeError, ValueError) as error:
        raise ControlError(400, str(error)) from error
    return get_config(body, query)


def set_faults(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Replaces the fault rules of the scopes (access keys, or unscoped) the posted rules name; reseeds them."""
    raw_rules = body.get("rules")
    if not isinstance(raw_rules, list):
        raise ControlError(400, "rules must be a list")
    try:
        rules = [FaultRule.parse(raw) for raw in raw_rules]
    except (FaultRuleError, TypeError, ValueError) as error:
        raise ControlError(400, str(error)) from error
    FAULTS.set_rules(rules, int(body.get("seed", 0)))
    return {"rules": FAULTS.rules()}


def get_faults(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The active rules and how many times each fired."""
    return {"rules": FAULTS.rules()}


def clear_faults(_body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """Removes every rule, or with `?accessKeyId=` only the rules scoped to that key."""
    FAULTS.clear(query.get("accessKeyId", [None])[0])
    return {"rules": FAULTS.rules()}


def arm_crash(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Arms the crash hook (replacing any other): SIGKILL `pid` right after the `afterWrites`th performed write."""
    try:
        CRASH.arm(CrashHook.parse(body))
    except CrashHookError as error:
        raise ControlError(400, str(error)) from error
    return CRASH.state()


def get_crash(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The armed hook with its write count and what fired it, or `{}`."""
    return CRASH.state()


def disarm_crash(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Removes the crash hook."""
    CRASH.disarm()
    return {}


def get_calls(_body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """The call log, optionally only one access key's calls."""
    key = query.get("accessKeyId", [None])[0]
    return CALLS.list(key)


def clear_calls(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Empties the call log."""
    CALLS.clear()
    return []


def sandbox_otp(_body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """The one-time password last "texted" to a sandbox number."""
    region = query.get("region", ["us-east-1"])[0]
    phone = query.get("phoneNumber", [""])[0]
    account = query.get("accountId", [DEFAULT_ACCOUNT_ID])[0]
    otp = sandbox_store.SANDBOX.otp(account, region, phone)
    if otp is None:
        raise ControlError(404, f"no sandbox number {phone} in {account}/{region}")
    return {"oneTimePassword": otp}


def sms_voice_account_tier(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Moves End User Messaging SMS of one account and region in or out of the sandbox (DescribeAccountAttributes'
    ACCOUNT_TIER; AWS does it on a support case)."""
    region = body.get("region")
    tier = body.get("accountTier")
    account = body.get("accountId", DEFAULT_ACCOUNT_ID)
    if not isinstance(region, str) or not region or not isinstance(account, str):
        raise ControlError(400, "region (and accountId, when given) must be non-empty strings")
    try:
        served = smsvoice_hook.set_account_tier(account, region, tier)
    except ValueError as error:
        raise ControlError(400, str(error)) from error
    if not served:
        raise ControlError(404, "sms-voice is not served (smsvoice package not loaded)")
    return {"accountId": account, "region": region, "accountTier": tier}


def sms_voice_registration_review(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Plays the carriers' reviewer of a submitted End User Messaging registration version (AWS takes days to weeks):
    `outcome` REVIEWING, APPROVED or DENIED with `reasons` ([{Reason, ShortDescription, ...}])."""
    region, registration = body.get("region"), body.get("registrationId")
    account = body.get("accountId", DEFAULT_ACCOUNT_ID)
    if not all(isinstance(value, str) and value for value in (region, registration, account)):
        raise ControlError(400, "region and registrationId (and accountId, when given) must be non-empty strings")
    try:
        answered = smsvoice_hook.review_registration(account, region, registration, str(body.get("outcome")),
                                                     list(body.get("reasons") or []))
    except ValueError as error:
        raise ControlError(400, str(error)) from error
    except LookupError as error:
        raise ControlError(404, str(error)) from error
    if answered is None:
        raise ControlError(404, "sms-voice is not served (smsvoice package not loaded)")
    return answered


def get_clock(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The emulator clock."""
    return {"now": state.CLOCK.now(), "offsetSeconds": state.CLOCK.offset()}


def advance_clock(body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """Moves the emulator clock forward."""
    try:
        state.CLOCK.advance(float(body.get("advanceSeconds", 0)))
    except (TypeError, ValueError) as error:
        raise ControlError(400, str(error)) from error
    return get_clock(body, query)


def get_fidelity(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The switchable AWS behaviours."""
    return fidelity.SETTINGS.as_json()


def set_fidelity(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Changes the behaviours present in the body."""
    try:
        return fidelity.set_settings(body)
    except fidelity.FidelityError as error:
        raise ControlError(400, str(error)) from error


def get_conflicts(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """The pending injected conflicts."""
    return fidelity.CONFLICTS.as_json()


def add_conflict(body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Makes the next `count` calls of an operation fail with its concurrent-modification error."""
    try:
        return fidelity.add_conflict(body)
    except fidelity.FidelityError as error:
        raise ControlError(400, str(error)) from error


def clear_conflicts(_body: dict[str, Any], _query: dict[str, list[str]]) -> Any:
    """Removes every pending conflict."""
    fidelity.CONFLICTS.clear()
    return []


def _set_key_config(key: Any, body: dict[str, Any], query: dict[str, list[str]]) -> Any:
    """`phoneNumberActivationSeconds` and `pageSize` for requests signed with `key` alone; the answer is the
    config plus that key's values."""
    if not isinstance(key, str) or set(body) - {"accessKeyId", "phoneNumberActivationSeconds", "pageSize"}:
        raise ControlError(400, "with accessKeyId only phoneNumberActivationSeconds and pageSize can be set")
    answer = get_config(body, query) | {"accessKeyId": key}
    try:
        if "phoneNumberActivationSeconds" in body or "pageSize" not in body:
            seconds = _non_negative(body.get("phoneNumberActivationSeconds", 0))
            smsvoice_hook.configure(seconds, access_key_id=key)
            answer["phoneNumberActivationSeconds"] = seconds
        if "pageSize" in body:
            state.PAGE_SIZE_BY_ACCESS_KEY[key] = _page_size(body["pageSize"])
            answer["pageSize"] = state.PAGE_SIZE_BY_ACCESS_KEY[key]
    except (TypeError, ValueError) as error:
        raise ControlError(400, str(error)) from error
    return answer


def _page_size(value: Any) -> int | None:
    """None (each operation's own page size) or an integer >= 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("pageSize must be null or an integer >= 1")
    return value


def _non_negative(value: Any) -> float:
    """A float >= 0 or ValueError."""
    number = float(value)
    if number < 0:
        raise ValueError("values must be >= 0")
    return number


ROUTES: dict[tuple[str, str], Handler] = {
    ("GET", "health"): health,
    ("GET", "credentials"): credentials,
    ("POST", "principals"): new_principal,
    ("POST", "reset"): reset,
    ("GET", "config"): get_config,
    ("POST", "config"): set_config,
    ("GET", "faults"): get_faults,
    ("POST", "faults"): set_faults,
    ("DELETE", "faults"): clear_faults,
    ("POST", "crash"): arm_crash,
    ("GET", "crash"): get_crash,
    ("DELETE", "crash"): disarm_crash,
    ("GET", "calls"): get_calls,
    ("DELETE", "calls"): clear_calls,
    ("GET", "sandbox-otp"): sandbox_otp,
    ("POST", "sms-voice-account-tier"): sms_voice_account_tier,
    ("POST", "sms-voice-registration-review"): sms_voice_registration_review,
    ("GET", "clock"): get_clock,
    ("POST", "clock"): advance_clock,
    ("GET", "fidelity"): get_fidelity,
    ("POST", "fidelity"): set_fidelity,
    ("GET", "conflicts"): get_conflicts,
    ("POST", "conflicts"): add_conflict,
    ("DELETE", "conflicts"): clear_conflicts,
}


def parse_query(query_string: str) -> dict[str, list[str]]:
    """The query string as lists of values."""
    return parse_qs(query_string)
