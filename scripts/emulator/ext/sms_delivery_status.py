"""SNS SetSMSAttributes checks of the delivery-status attributes (moto 5.2.1 stores any string).

SNS API reference, SetSMSAttributes: "DeliveryStatusIAMRole – The ARN of the IAM role that allows Amazon SNS to write
logs about SMS deliveries in CloudWatch Logs"; "DeliveryStatusSuccessSamplingRate – The percentage of successful SMS
deliveries for which Amazon SNS will write logs in CloudWatch Logs. The value can be an integer from 0 - 100." So:

- a DeliveryStatusIAMRole that is not an IAM role ARN (`arn:<partition>:iam::<12-digit account>:role/<path><name>`),
  or a DeliveryStatusSuccessSamplingRate that is not an integer from 0 to 100, is refused with `InvalidParameter`
  (HTTP 400, the model's InvalidParameterException) and nothing is changed;
- an empty string clears either attribute, as for every SMS attribute.

Only the format is checked: whether the role exists and trusts SNS is not (SNS learns that when it first writes a
log), and `smsauth doctor` reports it.
"""
from __future__ import annotations

import re

from moto.sns.exceptions import SNSInvalidParameter
from moto.sns.models import SNSBackend

ROLE_ARN = re.compile(r"^arn:aws(-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")

_installed = False


def install() -> None:
    """Patches moto's SNS backend (idempotent). Installed after `sms_spend`, so both checks run before any change."""
    global _installed
    if _installed:
        return
    set_attributes = SNSBackend.set_sms_attributes

    def set_checked(self: SNSBackend, attrs: dict[str, str]) -> None:
        check(attrs)
        set_attributes(self, attrs)

    SNSBackend.set_sms_attributes = set_checked  # type: ignore[method-assign]
    _installed = True


def check(attrs: dict[str, str]) -> None:
    """Raises InvalidParameter for a malformed DeliveryStatusIAMRole or DeliveryStatusSuccessSamplingRate."""
    role = str(attrs.get("DeliveryStatusIAMRole", ""))
    if role and not ROLE_ARN.match(role):
        raise SNSInvalidParameter(
            f"Invalid parameter: DeliveryStatusIAMRole Reason: {role!r} is not an IAM role ARN")
    rate = str(attrs.get("DeliveryStatusSuccessSamplingRate", "")).strip()
    if rate and not (rate.isdigit() and 0 <= int(rate) <= 100):
        raise SNSInvalidParameter(
            f"Invalid parameter: DeliveryStatusSuccessSamplingRate Reason: {rate!r} is not an integer from 0 to 100")
