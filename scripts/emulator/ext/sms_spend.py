"""The account's SMS spend quota (SNS SetSMSAttributes / GetSMSAttributes `MonthlySpendLimit`).

SNS API reference, SetSMSAttributes: "MonthlySpendLimit – The maximum amount in USD that you are willing to spend
each month … By default, the spend limit is set to the maximum allowed by Amazon SNS. If you want to raise the limit,
submit an SNS Limit Increase case"; SNS Developer Guide, "Requesting increases to your monthly SMS spending quota":
a new account's quota is US$1 per month (per region). So:

- SetSMSAttributes with a MonthlySpendLimit above the quota, or one that is not a whole number of dollars ≥ 0, is
  refused with `InvalidParameter` (HTTP 400, the model's InvalidParameterException) and changes nothing;
- GetSMSAttributes answers the quota as MonthlySpendLimit until one is set.

The quota is the `smsSpendQuotaUSD` setting (default 1; `server.py --sms-spend-quota-usd`, `POST /_smsauth/config`),
the same in every region: raising it stands for an approved limit-increase case.
"""
from __future__ import annotations

from typing import Any

from moto.sns.exceptions import SNSInvalidParameter
from moto.sns.models import SNSBackend

from . import state

_installed = False


def install() -> None:
    """Patches moto's SNS backend (idempotent)."""
    global _installed
    if _installed:
        return
    set_attributes = SNSBackend.set_sms_attributes
    get_attributes = SNSBackend.get_sms_attributes

    def set_within_quota(self: SNSBackend, attrs: dict[str, str]) -> None:
        if "MonthlySpendLimit" in attrs:
            check(attrs["MonthlySpendLimit"])
        set_attributes(self, attrs)

    def get_with_default_limit(self: SNSBackend, filter_list: set[str]) -> dict[str, str]:
        attributes = dict(get_attributes(self, filter_list))
        if "MonthlySpendLimit" not in self.sms_attributes and (not filter_list or "MonthlySpendLimit" in filter_list):
            attributes["MonthlySpendLimit"] = _dollars(state.CONFIG.sms_spend_quota_usd)
        return attributes

    SNSBackend.set_sms_attributes = set_within_quota  # type: ignore[method-assign]
    SNSBackend.get_sms_attributes = get_with_default_limit  # type: ignore[method-assign]
    _installed = True


def check(value: Any) -> None:
    """Raises InvalidParameter unless `value` is a whole number of dollars within the account's quota."""
    text = str(value).strip()
    if not text.isdigit():
        raise SNSInvalidParameter(f"Invalid parameter: MonthlySpendLimit Reason: {text!r} is not a whole number of USD")
    quota = state.CONFIG.sms_spend_quota_usd
    if int(text) > quota:
        raise SNSInvalidParameter(
            f"Invalid parameter: MonthlySpendLimit Reason: {text} USD exceeds this account's SMS spending quota of "
            f"{_dollars(quota)} USD; request a quota increase from AWS Support"
        )


def _dollars(amount: float) -> str:
    """`1` for 1.0, `2.5` for 2.5."""
    return f"{amount:g}"
