"""Checks a request's input against its botocore shape the way AWS's front end does, in Coral's wording.

`check(shape, params)` walks the input shape: required members, member types, enums, string and list/map lengths,
numeric ranges and patterns. It returns the constraint violations ("Value 'x' at 'userPoolId' failed to satisfy
constraint: …") and, separately, the type mismatches a JSON deserializer refuses before any constraint is looked at.
Pure: no moto, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex
from botocore.model import ListShape, MapShape, Shape, StructureShape


@dataclass(frozen=True)
class Malformed:
    """A query-protocol value that could not be read as its shape's type (e.g. `MaxItems=ten`)."""

    text: str


@dataclass
class Findings:
    """What `check` found: constraint violations (validation errors) and type mismatches (serialization errors)."""

    violations: list[str] = field(default_factory=list)
    type_errors: list[str] = field(default_factory=list)


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> Any:
    """The model pattern with Java semantics: `\\w`, `\\s`, `\\d` are ASCII unless the pattern uses `\\p{…}` classes,
    which need Unicode matching; either way the whole value must match (Java `matches()`)."""
    flags = 0 if "\\p{" in pattern else regex.ASCII
    return regex.compile(pattern, flags)


def check(shape: StructureShape, params: Any) -> Findings:
    """Every violation of `shape` by `params`, in member order."""
    findings = Findings()
    _structure(shape, params, "", findings)
    return findings


def field_path(parent: str, member: str) -> str:
    """Coral's field path: lower-camel member names joined by dots."""
    name = member[:1].lower() + member[1:]
    return f"{parent}.{name}" if parent else name


def _value_text(shape: Shape, value: Any) -> str:
    """`Value 'x' at` — or `Value at` for sensitive members (Cognito never echoes them)."""
    if shape.metadata.get("sensitive") or isinstance(value, (dict, Malformed)):
        return "Value at"
    if isinstance(value, list):
        value = "[" + ", ".join(str(item) for item in value) + "]"
    elif isinstance(value, bool):
        value = str(value).lower()
    return f"Value '{value}' at"


def _violation(findings: Findings, shape: Shape, value: Any, path: str, constraint: str) -> None:
    findings.violations.append(
        f"{_value_text(shape, value)} '{path}' failed to satisfy constraint: Member must {constraint}"
    )


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "structure": (dict,),
    "map": (dict,),
    "list": (list,),
    "string": (str,),
    "blob": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "long": (int,),
    "double": (int, float),
    "float": (int, float),
    "timestamp": (int, float, str),
}


def _has_type(shape: Shape, value: Any) -> bool:
    """Whether `value` is of the shape's type (a JSON bool is not a number)."""
    expected = _JSON_TYPES.get(shape.type_name, (object,))
    if isinstance(value, bool) and shape.type_name != "boolean":
        return False
    return isinstance(value, expected)


def _member(shape: Shape, value: Any, path: str, findings: Findings) -> None:
    """Checks one present value against its shape."""
    if isinstance(value, Malformed) or not _has_type(shape, value):
        found = "malformed" if isinstance(value, Malformed) else type(value).__name__
        findings.type_errors.append(f"'{path}': expected {shape.type_name}, found {found}")
        return
    if isinstance(shape, StructureShape):
        _structure(shape, value, path, findings)
    elif isinstance(shape, ListShape):
        _length(shape, value, path, findings)
        for index, item in enumerate(value, start=1):
            _member(shape.member, item, f"{path}.{index}.member", findings)
    elif isinstance(shape, MapShape):
        _length(shape, value, path, findings)
        for key, item in value.items():
            _member(shape.key, key, f"{path}.key", findings)
            _member(shape.value, item, f"{path}.{key}", findings)
    elif shape.type_name == "string":
        _string(shape, value, path, findings)
    elif shape.type_name in ("integer", "long", "double", "float"):
        _range(shape, value, path, findings)


def _structure(shape: StructureShape, value: Any, path: str, findings: Findings) -> None:
    if not isinstance(value, dict):
        findings.type_errors.append(f"'{path or 'input'}': expected structure, found {type(value).__name__}")
        return
    for name in shape.required_members:
        if value.get(name) is None:
            findings.violations.append(
                f"Value null at '{field_path(path, name)}' failed to satisfy constraint: Member must not be null"
            )
    for name, member_shape in shape.members.items():
        if value.get(name) is not None:
            _member(member_shape, value[name], field_path(path, name), findings)


def _length(shape: Shape, value: Any, path: str, findings: Findings) -> None:
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if minimum is not None and len(value) < minimum:
        _violation(findings, shape, value, path, f"have length greater than or equal to {minimum}")
    if maximum is not None and len(value) > maximum:
        _violation(findings, shape, value, path, f"have length less than or equal to {maximum}")


def _string(shape: Shape, value: str, path: str, findings: Findings) -> None:
    _length(shape, value, path, findings)
    if shape.enum and value not in shape.enum:
        _violation(findings, shape, value, path, f"satisfy enum value set: [{', '.join(shape.enum)}]")
    pattern = shape.metadata.get("pattern")
    if pattern and _compiled(pattern).fullmatch(value) is None:
        _violation(findings, shape, value, path, f"satisfy regular expression pattern: {pattern}")


def _range(shape: Shape, value: float, path: str, findings: Findings) -> None:
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if minimum is not None and value < minimum:
        _violation(findings, shape, value, path, f"have value greater than or equal to {minimum}")
    if maximum is not None and value > maximum:
        _violation(findings, shape, value, path, f"have value less than or equal to {maximum}")
