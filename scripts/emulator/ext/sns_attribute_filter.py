"""GetSMSAttributes answers every attribute its `attributes` list names.

SNS API reference, GetSMSAttributes: "attributes – A list of the individual attribute names, such as
MonthlySpendLimit, for which you want values … If you don't use this parameter, Amazon SNS returns all SMS
attributes." moto reads only the query keys starting with `attributes.member.1` (the first name, and the tenth to
nineteenth), so a request naming several attributes got the first one back alone. This reads every
`attributes.member.N`.
"""
from __future__ import annotations

from moto.core.responses import ActionResult
from moto.sns.responses import SNSResponse

_installed = False


def install() -> None:
    """Patches moto's SNS response handler (idempotent)."""
    global _installed
    if _installed:
        return

    def get_sms_attributes(self: SNSResponse) -> ActionResult:
        names = {value[0] for key, value in self.querystring.items() if _is_member(key)}
        return ActionResult({"attributes": self.backend.get_sms_attributes(names)})

    SNSResponse.get_sms_attributes = get_sms_attributes  # type: ignore[method-assign]
    _installed = True


def _is_member(key: str) -> bool:
    """Whether `key` is `attributes.member.N` for a whole number N."""
    prefix = "attributes.member."
    return key.startswith(prefix) and key[len(prefix):].isdigit()

