"""smsauth's default client-side rate limits (docs/controller.md, "Client-side rate limiting") and the least time a
set of AWS calls needs under them: the quota floor the benchmarks print beside their timings. Standard library only.

Cognito's operations fall into its documented quota categories, 15 requests/s (burst 15) each; every other call into
its service's `default` category, 20/s (burst 20). The table is the product's
(Sources/Controller/AWS/AWSOperation+RateLimitCategory.swift); Tests/Python/test_benchmark_quotas.py keeps the two
equal.
"""

from __future__ import annotations

COGNITO_QUOTA, OTHER_QUOTA = 15.0, 20.0

COGNITO_CATEGORIES = {
    "CreateUserPool": "UserPoolCreate",
    "DeleteUserPool": "UserPoolDelete",
    "DescribeUserPool": "UserPoolRead", "ListUserPools": "UserPoolRead", "GetUserPoolMfaConfig": "UserPoolRead",
    "ListTagsForResource": "UserPoolRead",
    "UpdateUserPool": "UserPoolUpdate", "SetUserPoolMfaConfig": "UserPoolUpdate", "TagResource": "UserPoolUpdate",
    "UntagResource": "UserPoolUpdate", "AddCustomAttributes": "UserPoolUpdate",
    "CreateUserPoolClient": "UserPoolClientCreate",
    "DescribeUserPoolClient": "UserPoolClientRead", "ListUserPoolClients": "UserPoolClientRead",
    "UpdateUserPoolClient": "UserPoolClientUpdate",
    "DeleteUserPoolClient": "UserPoolClientDelete",
}


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
