"""Filters and NextToken/MaxResults pagination shared by the Describe/List operations."""

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .exceptions import ValidationException

T = TypeVar("T")

DEFAULT_MAX_RESULTS = 100
TOKEN_PREFIX = "smsvoice:"


def filter_value(value: Any) -> list[str]:
    """An attribute as the strings filters compare against (booleans are ``true``/``false``)."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (list, tuple)):
        return [item for entry in value for item in filter_value(entry)]
    return [] if value is None else [str(value)]


def apply_filters(
    items: Sequence[T],
    filters: list[dict[str, Any]] | None,
    attributes: Callable[[T], dict[str, Any]],
) -> list[T]:
    """Keep items matching every filter (a filter matches when any of its values matches)."""
    result = list(items)
    for entry in filters or []:
        name, wanted = entry["Name"], set(entry["Values"])
        result = [item for item in result if wanted & set(filter_value(attributes(item).get(name)))]
    return result


def paginate(
    items: Sequence[T], next_token: str | None, max_results: int | None
) -> tuple[list[T], str | None]:
    """One page of ``items`` and the token of the next page (None on the last page)."""
    start = _decode(next_token) if next_token else 0
    size = max_results or DEFAULT_MAX_RESULTS
    page = list(items[start : start + size])
    end = start + size
    return page, (_encode(end) if end < len(items) else None)


def _encode(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{TOKEN_PREFIX}{offset}".encode()).decode()


def _decode(token: str) -> int:
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
        if text.startswith(TOKEN_PREFIX):
            offset = int(text[len(TOKEN_PREFIX) :])
            if offset >= 0:
                return offset
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ValidationException("The NextToken is not valid.", "INVALID_NEXT_TOKEN")
