"""benchmarks/aws_quotas.py: its category table is read from the product's source, and its quota floor is the
slowest category's calls beyond the burst over the rate."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import aws_quotas  # noqa: E402


def test_the_category_table_is_read_from_the_product() -> None:
    table = aws_quotas.COGNITO_CATEGORIES
    assert len(table) == 16
    assert table["DescribeUserPool"] == "UserPoolRead"
    assert table["GetUserPoolMfaConfig"] == "UserPoolRead"
    assert table["ListUserPoolClients"] == "UserPoolClientRead"
    assert table["CreateUserPool"] == "UserPoolCreate"
    assert set(table.values()) == {"UserPoolCreate", "UserPoolDelete", "UserPoolRead", "UserPoolUpdate",
                                   "UserPoolClientCreate", "UserPoolClientRead", "UserPoolClientUpdate",
                                   "UserPoolClientDelete"}


def calls(service: str, operation: str, count: int) -> list[dict]:
    return [{"service": service, "operation": operation}] * count


def test_the_floor_is_the_slowest_category_beyond_its_burst() -> None:
    records = (calls("cognito-idp", "DescribeUserPool", 45) + calls("cognito-idp", "GetUserPoolMfaConfig", 30)
               + calls("iam", "GetRole", 100) + calls("cognito-idp", "DescribeUserPoolClient", 60))
    # UserPoolRead: 75 calls, (75 - 15) / 15 = 4 s; iam:default (100 - 20) / 20 = 4 s; UserPoolClientRead 3 s.
    floor, worst = aws_quotas.quota_floor(records + calls("cognito-idp", "ListUserPools", 1))
    assert floor == (76 - 15) / 15
    assert worst == "cognito-idp:UserPoolRead: 76 calls"


def test_cognitos_other_operations_share_the_default_rate() -> None:
    # `cognito-idp:default` (an operation outside the quota table) has the other services' 20/s, not 15/s.
    floor, worst = aws_quotas.quota_floor(calls("cognito-idp", "AdminGetUser", 60))
    assert (floor, worst) == ((60 - 20) / 20, "cognito-idp:default: 60 calls")


def test_calls_within_the_burst_have_no_floor() -> None:
    assert aws_quotas.quota_floor(calls("sns", "GetSMSAttributes", 20))[0] == 0
    assert aws_quotas.quota_floor([]) == (0.0, "")
