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

sms-voice validates in its own package (`smsvoice/validation.py`, same botocore model); the project calls no S3.
"""
from __future__ import annotations

import json
import re
from typing import Any

from botocore.model import OperationModel, ServiceModel
from moto.core.parse import QueryParser
from moto.core.utils import get_service_model
from werkzeug.exceptions import HTTPException

from . import errors, fidelity
from .model_constraints import Malformed, check

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
