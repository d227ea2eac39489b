"""Server-side validation of request bodies against the botocore service model.

AWS validates every input member (required, enum, length, pattern, range) before the
operation runs; SDKs that skip client-side validation (or send raw JSON) see a
``ValidationException``. The constraints come from the installed botocore model for
``pinpoint-sms-voice-v2``, so they match AWS's published shapes exactly.
"""

import base64
import binascii
import re
from functools import lru_cache
from typing import Any

from botocore.model import ListShape, ServiceModel, Shape, StructureShape
from botocore.session import get_session

from .exceptions import ValidationException

SERVICE = "pinpoint-sms-voice-v2"


@lru_cache(maxsize=1)
def service_model() -> ServiceModel:
    """The botocore model of the service (loaded once)."""
    return get_session().get_service_model(SERVICE)


def validate_input(operation: str, params: dict[str, Any]) -> None:
    """Raise ``ValidationException`` listing every field that breaks the operation's input shape."""
    shape = service_model().operation_model(operation).input_shape
    if shape is None:
        return
    missing: list[dict[str, str]] = []
    invalid: list[dict[str, str]] = []
    _check_structure(shape, params, "", missing, invalid)
    if missing:
        names = ", ".join(field["Name"] for field in missing)
        raise ValidationException(
            f"Missing required parameter: {names}", "MISSING_PARAMETER", missing
        )
    if invalid:
        summary = "; ".join(f"{f['Name']}: {f['Message']}" for f in invalid)
        raise ValidationException(
            f"{len(invalid)} validation error(s) detected: {summary}",
            "FIELD_VALIDATION_FAILED",
            invalid,
        )


def _field(name: str, message: str) -> dict[str, str]:
    return {"Name": name, "Message": message}


def _check_structure(
    shape: StructureShape,
    value: Any,
    path: str,
    missing: list[dict[str, str]],
    invalid: list[dict[str, str]],
) -> None:
    if not isinstance(value, dict):
        invalid.append(_field(path or "body", "Member must be an object"))
        return
    for name in shape.required_members:
        if value.get(name) is None:
            missing.append(_field(f"{path}{name}", "Member is required"))
    for name, member_value in value.items():
        member = shape.members.get(name)
        if member is None:
            invalid.append(_field(f"{path}{name}", "Unknown member"))
        elif member_value is not None:
            _check_value(member, member_value, f"{path}{name}", missing, invalid)


def _check_value(
    shape: Shape,
    value: Any,
    path: str,
    missing: list[dict[str, str]],
    invalid: list[dict[str, str]],
) -> None:
    meta = shape.metadata
    if isinstance(shape, StructureShape):
        _check_structure(shape, value, f"{path}.", missing, invalid)
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            invalid.append(_field(path, "Member must be a list"))
            return
        _check_range(len(value), meta, path, "length", invalid)
        for index, item in enumerate(value):
            _check_value(shape.member, item, f"{path}[{index}]", missing, invalid)
    elif shape.type_name == "string":
        _check_string(shape, value, path, invalid)
    elif shape.type_name == "blob":
        _check_blob(value, meta, path, invalid)
    elif shape.type_name == "boolean":
        if not isinstance(value, bool):
            invalid.append(_field(path, "Member must be a boolean"))
    elif shape.type_name in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            invalid.append(_field(path, "Member must be an integer"))
        else:
            _check_range(value, meta, path, "value", invalid)


def _check_blob(value: Any, meta: dict[str, Any], path: str, invalid: list[dict[str, str]]) -> None:
    """A blob travels base64-encoded in JSON; its length limits apply to the decoded bytes (Smithy ``@length``)."""
    try:
        size = len(base64.b64decode(value, validate=True)) if isinstance(value, str) else None
    except (binascii.Error, ValueError):
        size = None
    if size is None:
        invalid.append(_field(path, "Member must be base64-encoded binary data"))
        return
    _check_range(size, meta, path, "length", invalid)


def _check_string(shape: Shape, value: Any, path: str, invalid: list[dict[str, str]]) -> None:
    if not isinstance(value, str):
        invalid.append(_field(path, "Member must be a string"))
        return
    if shape.enum and value not in shape.enum:
        allowed = ", ".join(shape.enum)
        invalid.append(_field(path, f"Member must satisfy enum value set: [{allowed}]"))
        return
    meta = shape.metadata
    _check_range(len(value), meta, path, "length", invalid)
    pattern = meta.get("pattern")
    if pattern and re.fullmatch(pattern, value) is None:
        invalid.append(
            _field(path, f"Member must satisfy regular expression pattern: {pattern}")
        )


def _check_range(
    size: int, meta: dict[str, Any], path: str, what: str, invalid: list[dict[str, str]]
) -> None:
    low, high = meta.get("min"), meta.get("max")
    if low is not None and size < low:
        invalid.append(_field(path, f"Member must have {what} greater than or equal to {low}"))
    elif high is not None and size > high:
        invalid.append(_field(path, f"Member must have {what} less than or equal to {high}"))
