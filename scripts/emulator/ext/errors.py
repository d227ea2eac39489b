"""Service-shaped error responses for injected faults: JSON `__type` bodies or query-protocol XML ErrorResponse."""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape

# The throttling answer of each service: (code, HTTP status). See README "Fault injection" for the sources.
THROTTLE = {
    "cognito-idp": ("TooManyRequestsException", 400),
    "sms-voice": ("ThrottlingException", 400),
    "iam": ("Throttling", 400),
    "sts": ("Throttling", 400),
    "s3": ("SlowDown", 503),
}
# SNS operations whose model lists ThrottledException (code Throttled, HTTP 429); other SNS operations answer the
# common query error Throttling (400).
SNS_THROTTLED_OPERATIONS = frozenset(
    {
        "CreateSMSSandboxPhoneNumber",
        "DeleteSMSSandboxPhoneNumber",
        "GetSMSSandboxAccountStatus",
        "ListSMSSandboxPhoneNumbers",
        "VerifySMSSandboxPhoneNumber",
        "CheckIfPhoneNumberIsOptedOut",
        "GetSMSAttributes",
        "ListPhoneNumbersOptedOut",
        "OptInPhoneNumber",
        "SetSMSAttributes",
        "Publish",
        "PublishBatch",
        "ListOriginationNumbers",
    }
)
# The modelled internal error of each service (HTTP 500).
INTERNAL = {
    "cognito-idp": "InternalErrorException",
    "sms-voice": "InternalServerException",
    "iam": "ServiceFailure",
    "sns": "InternalError",
    "sts": "InternalFailure",
    "s3": "InternalError",
}


@dataclass(frozen=True)
class ErrorResponse:
    """A complete HTTP error answer."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


def throttle_code(service: str, operation: str) -> tuple[str, int]:
    """The throttling error code and HTTP status `service` answers for `operation`."""
    if service == "sns":
        return ("Throttled", 429) if operation in SNS_THROTTLED_OPERATIONS else ("Throttling", 400)
    return THROTTLE.get(service, ("Throttling", 400))


def server_error_code(service: str, status: int) -> str:
    """The 5xx error code: the modelled internal error for 500, ServiceUnavailable for 503."""
    if status == 503:
        return "ServiceUnavailable"
    return INTERNAL.get(service, "InternalFailure")


XML_NAMESPACE = {
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
    "sts": "https://sts.amazonaws.com/doc/2011-06-15/",
    "sns": "http://sns.amazonaws.com/doc/2010-03-31/",
}


def render(service: str, is_json: bool, code: str, status: int, message: str, sender: bool) -> ErrorResponse:
    """Builds the error in the request's protocol, with an `x-amzn-RequestId` header like AWS."""
    if service == "s3":
        from .s3 import render_error

        return render_error(code, status, message)
    request_id = str(uuid.uuid4())
    if is_json:
        body = json.dumps({"__type": code, "message": message, "Message": message}).encode()
        json_version = "1.0" if service == "sms-voice" else "1.1"
        headers = [("Content-Type", f"application/x-amz-json-{json_version}"), ("x-amzn-RequestId", request_id)]
    else:
        kind = "Sender" if sender else "Receiver"
        body = (
            f"<ErrorResponse xmlns=\"{XML_NAMESPACE.get(service, XML_NAMESPACE['iam'])}\">"
            f"<Error><Type>{kind}</Type><Code>{escape(code)}</Code><Message>{escape(message)}</Message></Error>"
            f"<RequestId>{request_id}</RequestId></ErrorResponse>"
        ).encode()
        headers = [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)]
    headers.append(("Content-Length", str(len(body))))
    return ErrorResponse(status, headers, body)


# moto answers failed authentication in its own XML shape; AWS uses these codes per protocol.
AUTH_CODES = {
    "SignatureDoesNotMatch": ("InvalidSignatureException", "SignatureDoesNotMatch"),
    "InvalidClientTokenId": ("UnrecognizedClientException", "InvalidClientTokenId"),
    "AccessDenied": ("AccessDeniedException", "AccessDenied"),
    "MissingAuthenticationToken": ("MissingAuthenticationTokenException", "MissingAuthenticationToken"),
}
_MOTO_ERROR = re.compile(rb"<Code>([A-Za-z]+)</Code>\s*<Message>([^<]*)</Message>")


def auth_error(service: str, is_json: bool, status: int, body: bytes) -> ErrorResponse | None:
    """AWS's answer for one of moto's 403 authentication errors, or None when `body` is not one."""
    if service == "s3":
        return None  # moto's S3 errors already have S3's own shape
    match = _MOTO_ERROR.search(body)
    if match is None or match.group(1).decode() not in AUTH_CODES:
        return None
    json_code, query_code = AUTH_CODES[match.group(1).decode()]
    message = match.group(2).decode("utf-8", "replace")
    return render(service, is_json, json_code if is_json else query_code, status, message, sender=True)
