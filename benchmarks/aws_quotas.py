"""smsauth's default client-side rate limits (docs/controller.md, "Client-side rate limiting") and the least time a
set of AWS calls needs under them: the quota floor the benchmarks print beside their timings. Standard library only.

Cognito's operations fall into its documented quota categories, 15 requests/s (burst 15) each; every other call into
its service's `default` category, 20/s (burst 20). The Cognito table is read from the product's source
(Sources/Controller/AWS/AWSOperation+RateLimitCategory.swift), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

COGNITO_QUOTA, OTHER_QUOTA = 15.0, 20.0
ROOT = Path(__file__).resolve().parents[1]
SWIFT_TABLE = ROOT / "Sources" / "Controller" / "AWS" / "AWSOperation+RateLimitCategory.swift"


def read_cognito_categories(source: Path = SWIFT_TABLE) -> dict[str, str]:
    """Cognito operation → quota category, from the `cognitoCategories` dictionary literal of the Swift source."""
    text = source.read_text()
    marker = "cognitoCategories: [String: String] = ["
    if marker not in text:
        raise SystemExit(f"aws_quotas: no `{marker}` in {source}")
    literal = text[text.index(marker) + len(marker):]
    table = dict(re.findall(r'"(\w+)": "(\w+)"', literal[:literal.index("]")]))
    if not table:
        raise SystemExit(f"aws_quotas: the Cognito category table of {source} is empty")
    return table


COGNITO_CATEGORIES = read_cognito_categories()


def category(service: str, operation: str) -> str:
    """The rate-limit category of one call, `<service>:<category>`."""
    if service == "cognito-idp" and operation in COGNITO_CATEGORIES:
        return f"cognito-idp:{COGNITO_CATEGORIES[operation]}"
    return f"{service}:default"


def quota_floor(records: list[dict]) -> tuple[float, str]:
    """The least time the calls `records` (the emulator's call log: `service`, `operation`) need at the default rate
    limits, and the category that sets it: per category, the calls beyond the bucket's initial burst (which equals
    its rate) ÷ the rate; the largest. (0.0, "") for no calls."""
    per_category: dict[str, int] = {}
    for record in records:
        name = category(record.get("service", "?"), record.get("operation", "?"))
        per_category[name] = per_category.get(name, 0) + 1
    if not per_category:
        return 0.0, ""

    def seconds(name: str) -> float:
        rate = COGNITO_QUOTA if name.startswith("cognito-idp:") and name != "cognito-idp:default" else OTHER_QUOTA
        return max(per_category[name] - rate, 0) / rate

    worst = max(per_category, key=seconds)
    return seconds(worst), f"{worst}: {per_category[worst]} calls"
