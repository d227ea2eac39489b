"""benchmarks/plan_api_calls.py reads its expected calls from docs/api-calls.md and generates manifests that a new
account can apply: checked offline, so a change to either that the benchmark cannot follow fails here, not only when
someone runs the benchmark."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import plan_api_calls  # noqa: E402

REGIONS = ("us-east-1", "us-west-2", "eu-west-1")


def test_the_documented_table_gives_a_count_for_every_generated_resource(tmp_path: Path) -> None:
    comp = plan_api_calls.generate(tmp_path, 500, REGIONS)
    expected = plan_api_calls.expected_calls(comp)
    assert expected[("cognito-idp", "DescribeUserPoolClient")] == {"AppClient": comp.total("AppClient")}
    assert expected[("cognito-idp", "DescribeUserPool")] == {"UserPool": comp.total("UserPool")}
    assert expected[("sts", "GetCallerIdentity")] == {"(run)": 1}
    # Kinds the benchmark does not generate cost nothing, whatever their rows say (some give a range of calls).
    assert not any(kind in {"Registration", "ConfigurationSet", "SmsProtection", "SmsLogRole"}
                   for kinds in expected.values() for kind in kinds)
    # The whole documented minimum for the default run, as the benchmark measured it (benchmarks/README.md): a row
    # the parser skipped by mistake, or a new row of a generated kind, changes it.
    assert sum(sum(kinds.values()) for kinds in expected.values()) == 562


def test_the_generated_settings_and_numbers_fit_a_new_account(tmp_path: Path) -> None:
    plan_api_calls.generate(tmp_path, 500, REGIONS)
    documents = [doc for path in sorted(tmp_path.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text())
                 if doc]
    settings = [doc["spec"] for doc in documents if doc["kind"] == "SmsAccountSettings"]
    assert len(settings) == len(REGIONS)
    # A new account's SMS spending quota is 1 USD in every region: AWS (and the emulator) refuse a higher limit.
    assert all(spec["monthlySpendLimitUSD"] <= 1 for spec in settings)
    numbers = [doc["spec"]["phoneNumber"] for doc in documents if doc["kind"] == "OriginationIdentity"]
    # A US toll-free number stays PENDING, and its phone pool waits, until it names a registration.
    assert numbers and all(number.get("registrationId") for number in numbers
                           if number["isoCountryCode"] == "US" and number["numberType"] == "TOLL_FREE")
