"""Every cognito-idp, iam, sts and sns request is checked against its botocore model before moto runs it.

AWS validates the whole input of an operation (required members, types, enums, lengths, ranges, patterns) right
after authentication and answers in the protocol's own way; moto checks almost nothing. This module patches the
authentication step of moto's four response classes: once the signature is accepted, the request's parameters are
read with the model (moto's own parsers) and checked by `model_constraints`. Answers (README "Model validation"):

- JSON protocol (cognito-idp): a constraint violation is the operation's `InvalidParameterException` (Cognito lists
  it for every operation; `ValidationException` for an operation that does not), HTTP 400; a member of the wrong
  JSON type is `SerializationException`, HTTP 400, as AWS's JSON deserializer answers.
- Query protocol (iam, sts, sns): `ValidationError`, HTTP 400, `<Type>Sender</Type>` (AWS common errors).

A valid request then meets any concurrent-modification conflict injected through `fidelity` (README "Fidelity
settings"), at the same point AWS would refuse it: authenticated and valid, before anything changes.

S3 (rest-xml) is checked for the operations smsauth calls (PutObject, GetObject, HeadObject, DeleteObject,
ListObjectsV2), also right after authentication (moto's `S3Response._authenticate_and_authorize_s3_action`): the
members S3 reads from the URI path, the query string and headers go through the same `model_constraints.check`, plus
the service rules the model does not hold (bucket naming, 1024-byte keys, `max-keys` 0–2147483647). S3 answers one
problem per request, in its XML error shape: `InvalidBucketName`, `KeyTooLongError`, `InvalidStorageClass` or
`InvalidArgument` (with `ArgumentName`/`ArgumentValue`), all HTTP 400.

sms-voice validates in its own package (`smsvoice/validation.py`, same botocore model).
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from botocore.model import OperationModel, ServiceModel
from moto.core.parse import QueryParser
from moto.core.utils import get_service_model
from werkzeug.exceptions import HTTPException

from . import errors, fidelity, s3
from .model_constraints import Malformed, check, field_path

# The emulator's service name (credential scope) → botocore's model name.
MODELS = {"cognito-idp": "cognito-idp", "iam": "iam", "sts": "sts", "sns": "sns"}

_installed = False
_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/")


class ModelValidationFailure(HTTPException):
    """A finished AWS error answer raised from moto's authentication step (moto renders `description` as the body)."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(description=body.decode())
        self.code = status


def service_model(service: str) -> ServiceModel:
    """The botocore model of `service`, with moto's shape classes (which its query parser needs); cached by moto."""
    return get_service_model(MODELS[service])


def install() -> None:
    """Patches the authentication step of moto's cognito-idp, iam, sts and sns responses (idempotent)."""
    global _installed
    if _installed:
        return
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.iam.responses import IamResponse
    from moto.sns.responses import SNSResponse
    from moto.sts.responses import TokenResponse

    for response_class in (CognitoIdpResponse, IamResponse, SNSResponse, TokenResponse):
        original = response_class._authenticate_and_authorize_normal_action
        response_class._authenticate_and_authorize_normal_action = _validating(original)  # type: ignore[method-assign]
        response_class.parse_parameters = _tolerant(response_class.parse_parameters)  # type: ignore[method-assign]
    _install_s3()
    _installed = True


def _validating(original: Any) -> Any:
    def authenticate_then_validate(self: Any, resource: str = "*") -> None:
        original(self, resource)
        service, operation = self.service_name, self._get_action()
        failure = answer(service, operation, _raw_input(self)) or fidelity.injected_conflict(
            service, operation, _access_key_id(self), service == "cognito-idp"
        )
        if failure is not None:
            raise ModelValidationFailure(failure.status, failure.body)

    return authenticate_then_validate


def _tolerant(original: Any) -> Any:
    """moto parses every request before authenticating it and crashes (HTTP 500) on a number that does not parse;
    such a request gets empty parameters here, and the validation after authentication refuses it."""
    def parse_or_leave_empty(self: Any, request: Any) -> None:
        try:
            original(self, request)
        except ValueError:
            self.params = {}

    return parse_or_leave_empty


def _access_key_id(response: Any) -> str:
    """The access key id of the request's SigV4 credential ("" when unsigned)."""
    match = _CREDENTIAL.search(response.headers.get("Authorization", ""))
    return match.group(1) if match else ""


def _raw_input(response: Any) -> Any:
    """The request's input: the JSON body (JSON protocol) or the form/query parameters (query protocol)."""
    if response.service_name == "cognito-idp":
        body = response.body.decode() if isinstance(response.body, bytes) else (response.body or "")
        try:
            return json.loads(body) if body.strip() else {}
        except json.JSONDecodeError:
            return None
    return {key: values[0] for key, values in response.querystring.items() if values}


def answer(service: str, operation: str, raw: Any) -> errors.ErrorResponse | None:
    """The error AWS gives for this input, or None when it satisfies the operation's model."""
    model = service_model(service)
    if operation not in model.operation_names:
        return None
    operation_model = model.operation_model(operation)
    if operation_model.input_shape is None:
        return None
    is_json = model.metadata["protocol"] == "json"
    if is_json and raw is None:
        return errors.render(service, True, "SerializationException", 400, "Malformed JSON body", sender=True)
    params = raw if is_json else _LenientQueryParser(operation_model).parse({"values": raw})  # type: ignore[typeddict-item]
    findings = check(operation_model.input_shape, params)
    if findings.type_errors and is_json:
        message = "; ".join(findings.type_errors)
        return errors.render(service, True, "SerializationException", 400, message, sender=True)
    problems = findings.violations + [f"Value at {error}" for error in findings.type_errors]
    if not problems:
        return None
    count = len(problems)
    message = f"{count} validation error{'s' if count > 1 else ''} detected: " + "; ".join(problems)
    if not is_json:
        return errors.render(service, False, "ValidationError", 400, message, sender=True)
    return errors.render(service, True, _json_validation_code(operation_model), 400, message, sender=True)


def _json_validation_code(operation: OperationModel) -> str:
    """InvalidParameterException when the operation's model lists it, else ValidationException."""
    names = {shape.name for shape in operation.error_shapes}
    return "InvalidParameterException" if "InvalidParameterException" in names else "ValidationException"


class _LenientQueryParser(QueryParser):
    """moto's query parser, except that a number or boolean that does not parse becomes `Malformed` (reported as a
    validation error naming the field) instead of an exception for the whole request."""

    def _parse_integer(self, shape: Any, query_params: Any, prefix: str = "") -> Any:
        return self._typed(shape, query_params, prefix, int)

    def _parse_float(self, shape: Any, query_params: Any, prefix: str = "") -> Any:
        return self._typed(shape, query_params, prefix, float)

    _parse_long = _parse_integer
    _parse_double = _parse_float

    def _parse_boolean(self, shape: Any, query_params: Any, prefix: str = "") -> Any:
        value = self._default_handle(shape, query_params, prefix)
        if not isinstance(value, str):
            return value
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        return Malformed(value)

    def _typed(self, shape: Any, query_params: Any, prefix: str, kind: type) -> Any:
        value = self._default_handle(shape, query_params, prefix)
        if not isinstance(value, str):
            return value
        try:
            return kind(value)
        except ValueError:
            return Malformed(value)


# S3 (rest-xml): the operations smsauth calls (Sources/AWSServices/S3/S3.swift).
S3_OPERATIONS = frozenset({"PutObject", "GetObject", "HeadObject", "DeleteObject", "ListObjectsV2"})
# Not checked: the body and the `x-amz-meta-*` map (no constraints in the model), timestamps (S3, as HTTP, ignores an
# `If-Modified-Since` it cannot read) and Content-Length (the HTTP server refuses a malformed one before S3 reads it).
_S3_UNCHECKED_TYPES = frozenset({"blob", "timestamp", "map", "structure"})
_S3_UNCHECKED_MEMBERS = frozenset({"ContentLength"})
_MAX_KEYS = 2**31 - 1
# General purpose bucket naming rules (S3 User Guide "Bucket naming rules").
_BUCKET_NAME = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_IP_ADDRESS = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
_BUCKET_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_BUCKET_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
_FINDING_PATH = re.compile(r"(?:^| at )'([^']+)'(?::| failed)")


class S3ValidationFailure(Exception):
    """An S3 error answer raised from moto's authentication step; answered by the patched bucket/key responses."""

    def __init__(self, answer: errors.ErrorResponse) -> None:
        super().__init__(answer.body.decode())
        self.answer = answer


def _install_s3() -> None:
    """Validates after S3 authentication; `bucket_response`/`key_response` turn the failure into S3's answer."""
    from moto.s3.responses import S3Response

    original = S3Response._authenticate_and_authorize_s3_action

    def authenticate_then_validate(self: Any, bucket_name: str | None = None, key_name: str | None = None) -> None:
        original(self, bucket_name=bucket_name, key_name=key_name)
        environ = getattr(self.request, "environ", {})
        query = {name: values[0] for name, values in parse_qs(environ.get("QUERY_STRING", ""),
                                                                keep_blank_values=True).items()}
        headers = {name.lower(): value for name, value in self.request.headers.items()}
        failure = s3_answer(s3.operation(environ), bucket_name or "", key_name, query, headers)
        if failure is not None:
            raise S3ValidationFailure(failure)

    S3Response._authenticate_and_authorize_s3_action = authenticate_then_validate  # type: ignore[method-assign]
    S3Response.bucket_response = _answering_s3(S3Response.bucket_response)  # type: ignore[method-assign]
    S3Response.key_response = _answering_s3(S3Response.key_response)  # type: ignore[method-assign]


def _answering_s3(original: Any) -> Any:
    def respond(self: Any, request: Any, full_url: str, headers: Any) -> Any:
        try:
            return original(self, request, full_url, headers)
        except S3ValidationFailure as failure:
            answer = failure.answer
            body = b"" if request.method == "HEAD" else answer.body  # S3 answers HEAD without a body
            return answer.status, {k: v for k, v in answer.headers if k != "Content-Length"}, body

    return respond


def s3_answer(
    operation: str, bucket: str, key: str | None, query: Mapping[str, str], headers: Mapping[str, str]
) -> errors.ErrorResponse | None:
    """S3's error for this request, or None when it satisfies the operation's model and S3's own rules. `query` holds
    the first value of each parameter, `headers` are keyed by lower-case name. Only the first problem is answered."""
    if operation not in S3_OPERATIONS:
        return None
    shape = get_service_model("s3").operation_model(operation).input_shape
    members = {
        name: member for name, member in shape.members.items()
        if member.serialization.get("location") in ("querystring", "header")
        and member.type_name not in _S3_UNCHECKED_TYPES and name not in _S3_UNCHECKED_MEMBERS
    }
    known = {m.serialization["name"] for m in members.values() if m.serialization["location"] == "querystring"}
    if headers.get("x-amz-copy-source") or any(
        name not in known | {"x-id", "list-type"} and not name.lower().startswith("x-amz-") for name in query
    ):
        return None  # a subresource (`?tagging`, `?uploadId=`) or CopyObject: another operation, not checked here
    if not _valid_bucket_name(bucket):
        return s3.render_error("InvalidBucketName", 400, "The specified bucket is not valid.", BucketName=bucket)
    if key is not None and len(key.encode()) > 1024:
        return s3.render_error("KeyTooLongError", 400, "Your key is too long", Size=str(len(key.encode())),
                               MaxSizeAllowed="1024")
    params: dict[str, Any] = {"Bucket": bucket, "Key": key}
    sent: dict[str, tuple[str, str, str]] = {}  # Coral path → (member, wire name, text as sent)
    for name, member in members.items():
        wire = member.serialization["name"]
        text = (query if member.serialization["location"] == "querystring" else headers).get(
            wire if member.serialization["location"] == "querystring" else wire.lower())
        if text is not None:
            params[name] = _s3_value(member, text)
            sent[field_path("", name)] = (name, wire, text)
    findings = check(shape, params)
    for problem in findings.type_errors + findings.violations:
        path = _FINDING_PATH.search(problem)
        member, wire, text = sent.get(path.group(1).split(".")[0] if path else "", ("", "", ""))
        return _s3_invalid(member, wire, text, problem)
    max_keys = params.get("MaxKeys")
    if isinstance(max_keys, int) and not 0 <= max_keys <= _MAX_KEYS:
        message = ("Argument maxKeys must be an integer between 0 and 2147483647" if max_keys < 0
                   else "Provided max-keys not an integer or within integer range")
        return s3.render_error("InvalidArgument", 400, message, ArgumentName="maxKeys", ArgumentValue=str(max_keys))
    return None


def _valid_bucket_name(name: str) -> bool:
    """S3's general purpose bucket naming rules: 3–63 of `a-z0-9.-`, a letter or digit at both ends, no `..`, not an
    IP address, none of the reserved prefixes and suffixes."""
    return (
        _BUCKET_NAME.fullmatch(name) is not None and ".." not in name and _IP_ADDRESS.fullmatch(name) is None
        and not name.startswith(_BUCKET_PREFIXES) and not name.endswith(_BUCKET_SUFFIXES)
    )


def _s3_value(member: Any, text: str) -> Any:
    """A query or header value as its shape's type (`Malformed` when it does not parse), lists comma-separated."""
    if member.type_name in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            return Malformed(text)
    if member.type_name == "boolean":
        return text.lower() == "true" if text.lower() in ("true", "false") else Malformed(text)
    if member.type_name == "list":
        return [item.strip() for item in text.split(",")]
    return text


def _s3_invalid(member: str, wire: str, text: str, problem: str) -> errors.ErrorResponse:
    """S3's answer for a value that breaks the model: InvalidStorageClass for a storage class, else InvalidArgument
    naming the argument as sent, with S3's wording where known and the model's constraint otherwise."""
    if member == "StorageClass":
        return s3.render_error("InvalidStorageClass", 400, "The storage class you specified is not valid",
                               StorageClassRequested=text)
    if member == "MaxKeys":
        message = "Provided max-keys not an integer or within integer range"
    elif member == "EncodingType":
        message = "Invalid Encoding Method specified in Request"
    else:
        message = problem
    return s3.render_error("InvalidArgument", 400, message, ArgumentName=wire or member, ArgumentValue=text)
