"""Every manifest shipped in `examples/` and `manifests/` is valid against the generated JSON Schema.

Self-contained (no conftest fixtures): loads `schema/smsauth-v1.json`, validates each YAML document of each manifest
file with a Draft 2020-12 validator, and proves the schema is not vacuous by checking that an unknown field, a wrong
enum value and a missing `kind` are each rejected. Each manifest set's `smsauth.yaml` (the Settings document, not a
resource) is checked the same way, and its owner must differ from every other set's. Also checks that the benchmark's manifest generator produces
documents the schema accepts and that are consistent with each other (names, references, per-region limits).

`SMSAUTH_SCHEMA` may name another schema file (for example a draft being developed); by default the repository's.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = Path(os.environ.get("SMSAUTH_SCHEMA", ROOT / "schema" / "smsauth-v1.json"))
MANIFEST_DIRS = ("examples", "manifests")
EXPECTED_EXAMPLES = {
    "phone-username-mfa-required",
    "phone-verification-only",
    "optional-mfa-totp-sms-trusted-devices",
    "us-production-sms",
    "sandbox-testing",
}
ALL_KINDS = {
    "SmsRole",
    "UserPool",
    "AppClient",
    "MfaPolicy",
    "SandboxNumber",
    "OriginationIdentity",
    "PhonePool",
    "SmsAccountSettings",
    "SmsLogRole",
    "ConfigurationSet",
    "SmsProtection",
    "Registration",
}


def manifest_files() -> list[Path]:
    """Every `.yaml`/`.yml` file under the manifest folders, skipping dot-files and dot-folders, in stable order."""
    files: list[Path] = []
    for folder in MANIFEST_DIRS:
        base = ROOT / folder
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(base)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.is_file() and path.suffix in (".yaml", ".yml"):
                files.append(path)
    return files


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_documents(path: Path) -> list[Any]:
    """The non-empty YAML documents of one file."""
    with path.open(encoding="utf-8") as handle:
        return [doc for doc in yaml.load_all(handle, Loader=LOADER) if doc is not None]


def document_cases() -> list[Any]:
    """One pytest parameter per (file, document index), with a readable id."""
    cases = []
    for path in manifest_files():
        for index, document in enumerate(load_documents(path)):
            name = f"{path.relative_to(ROOT)}#{index}"
            cases.append(pytest.param(document, id=name))
    return cases


SETTINGS_KIND = "Settings"


def is_resource(document: Any) -> bool:
    """Whether a document is a resource (not the Settings document of its folder)."""
    return not (isinstance(document, dict) and document.get("kind") == SETTINGS_KIND)


def all_documents() -> list[dict[str, Any]]:
    """Every resource document of every manifest file."""
    return [doc for path in manifest_files() for doc in load_documents(path) if is_resource(doc)]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """A validator for the schema; fails (never skips) with a clear message when the schema file is missing."""
    if not SCHEMA_PATH.is_file():
        pytest.fail(
            f"JSON Schema not found at {SCHEMA_PATH}: generate schema/smsauth-v1.json "
            "(or point SMSAUTH_SCHEMA at a schema file)",
            pytrace=False,
        )
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors_of(validator: Draft202012Validator, document: Any) -> list[str]:
    """Readable schema errors for one document (empty when valid)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_schema_declares_draft_2020_12(validator: Draft202012Validator) -> None:
    assert validator.schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"


def test_every_expected_example_folder_has_manifests_and_a_readme() -> None:
    examples = ROOT / "examples"
    folders = {p.name for p in examples.iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert EXPECTED_EXAMPLES <= folders
    for name in folders:
        assert (examples / name / "README.md").is_file(), f"examples/{name} has no README.md"
        assert any((examples / name).rglob("*.yaml")), f"examples/{name} has no manifests"
    assert (ROOT / "manifests" / "README.md").is_file()


def test_examples_use_every_kind() -> None:
    kinds = {doc.get("kind") for doc in all_documents() if isinstance(doc, dict)}
    assert kinds == ALL_KINDS


@pytest.mark.parametrize("document", document_cases())
def test_manifest_document_is_valid(validator: Draft202012Validator, document: Any) -> None:
    assert errors_of(validator, document) == []


def sample(kind: str) -> dict[str, Any]:
    """A deep copy of the first shipped document of the given kind."""
    for document in all_documents():
        if isinstance(document, dict) and document.get("kind") == kind:
            return copy.deepcopy(document)
    raise AssertionError(f"no shipped manifest of kind {kind}")


def with_unknown_spec_field(doc: dict[str, Any]) -> dict[str, Any]:
    doc["spec"]["autoVerifiedAttribute"] = ["phone_number"]
    return doc


def with_unknown_top_level_field(doc: dict[str, Any]) -> dict[str, Any]:
    doc["specs"] = {}
    return doc


def with_unknown_nested_field(doc: dict[str, Any]) -> dict[str, Any]:
    doc["spec"].setdefault("sms", {})["mesage"] = "Your code is {####}"
    return doc


def with_wrong_mode(doc: dict[str, Any]) -> dict[str, Any]:
    doc["spec"]["mode"] = "SOMETIMES"
    return doc


def with_boolean_mode(doc: dict[str, Any]) -> dict[str, Any]:
    doc["spec"]["mode"] = True
    return doc


def with_wrong_policy(doc: dict[str, Any]) -> dict[str, Any]:
    doc["policy"] = {"onDelete": "Destroy"}
    return doc


def without_kind(doc: dict[str, Any]) -> dict[str, Any]:
    del doc["kind"]
    return doc


def with_unknown_kind(doc: dict[str, Any]) -> dict[str, Any]:
    doc["kind"] = "SmsRoles"
    return doc


def with_bad_name(doc: dict[str, Any]) -> dict[str, Any]:
    doc["metadata"]["name"] = "Qnatime_Pool"
    return doc


@pytest.mark.parametrize(
    ("kind", "mutate"),
    [
        ("UserPool", with_unknown_spec_field),
        ("SmsRole", with_unknown_top_level_field),
        ("MfaPolicy", with_unknown_nested_field),
        ("MfaPolicy", with_wrong_mode),
        ("MfaPolicy", with_boolean_mode),
        ("AppClient", with_wrong_policy),
        ("UserPool", without_kind),
        ("SandboxNumber", with_unknown_kind),
        ("PhonePool", with_bad_name),
    ],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_schema_rejects_broken_document(validator: Draft202012Validator, kind: str, mutate: Any) -> None:
    original = sample(kind)
    assert errors_of(validator, original) == []
    assert errors_of(validator, mutate(original)) != []


def load_generator() -> ModuleType:
    """The benchmark's manifest generator, imported from its file."""
    path = ROOT / "benchmarks" / "generate_manifests.py"
    spec = importlib.util.spec_from_file_location("generate_manifests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """1,000 documents from the benchmark's generator, loaded back from the files it wrote."""
    out = tmp_path_factory.mktemp("generated")
    assert load_generator().generate(out, count=1000, seed=7) == 1000
    paths = sorted(p for p in out.rglob("*") if p.suffix in (".yaml", ".yml"))
    docs = [doc for path in paths for doc in load_documents(path)]
    assert len(docs) == 1000
    return docs


def test_generated_manifests_are_schema_valid(validator: Draft202012Validator, generated: list[Any]) -> None:
    assert {doc["kind"] for doc in generated} == ALL_KINDS
    invalid = [(doc["kind"], doc["metadata"]["name"], errors_of(validator, doc)) for doc in generated]
    assert [entry for entry in invalid if entry[2]] == []


def count_by(values: list[str]) -> dict[str, int]:
    """How many times each value occurs."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def consistency_problems(docs: list[dict[str, Any]]) -> list[str]:
    """Cross-document rules the validator enforces, checked here so shipped and generated sets are known to meet them.

    Unique names per kind; references resolve; per region one SmsAccountSettings, at most 10 SandboxNumbers (unique
    numbers), and a US origination identity when a pool sends SMS next to +1 sandbox numbers; per pool at most one
    MfaPolicy; one manifest per role name, pool name in a region and client name in a pool; SMS features only with an
    smsRole; MFA ON/OPTIONAL with a factor, OFF without one; message rules.
    """
    problems: list[str] = []
    keys = [f"{d['kind']}/{d['metadata']['name']}" for d in docs]
    problems += [f"duplicate {key}" for key, n in count_by(keys).items() if n > 1]
    names = {kind: {d["metadata"]["name"] for d in docs if d["kind"] == kind} for kind in ALL_KINDS}
    specs = {kind: [d["spec"] for d in docs if d["kind"] == kind] for kind in ALL_KINDS}
    pools = {d["metadata"]["name"]: d["spec"] for d in docs if d["kind"] == "UserPool"}

    def region(spec: dict[str, Any]) -> str:
        return str(spec.get("region", "<default>"))

    for kind, field in (("AppClient", "userPool"), ("MfaPolicy", "userPool")):
        problems += [f"{kind} -> missing UserPool {s[field]}" for s in specs[kind] if s[field] not in pools]
    problems += [f"UserPool -> missing SmsRole {s['smsRole']}" for s in pools.values()
                 if "smsRole" in s and s["smsRole"] not in names["SmsRole"]]
    problems += [f"PhonePool -> missing {o}" for s in specs["PhonePool"] for o in s["originationIdentities"]
                 if o not in names["OriginationIdentity"]]
    problems += [f"SmsAccountSettings -> missing SmsLogRole {s['deliveryStatus']['role']}"
                 for s in specs["SmsAccountSettings"]
                 if "deliveryStatus" in s and s["deliveryStatus"]["role"] not in names["SmsLogRole"]]
    problems += [f"SmsAccountSettings with deliveryStatus and {f}" for s in specs["SmsAccountSettings"]
                 for f in ("deliveryStatusRoleArn", "deliveryStatusSuccessSamplingRate") if "deliveryStatus" in s and f in s]
    problems += [f"{n} SmsAccountSettings in {r}" for r, n in
                 count_by([region(s) for s in specs["SmsAccountSettings"]]).items() if n > 1]
    problems += [f"{n} SandboxNumbers in {r}" for r, n in
                 count_by([region(s) for s in specs["SandboxNumber"]]).items() if n > 10]
    problems += [f"sandbox number {p} repeated" for p, n in
                 count_by([f"{region(s)} {s['phoneNumber']}" for s in specs["SandboxNumber"]]).items() if n > 1]
    problems += [f"{n} MfaPolicies for {p}" for p, n in count_by([s["userPool"] for s in specs["MfaPolicy"]]).items()
                 if n > 1]
    claims = ([f"role {s['roleName'].lower()}" for s in specs["SmsRole"] + specs["SmsLogRole"]]
              + [f"pool {region(s)} {s['poolName']}" for s in specs["UserPool"]]
              + [f"client {s['userPool']} {s['clientName']}" for s in specs["AppClient"]])
    problems += [f"{claim} claimed {n} times" for claim, n in count_by(claims).items() if n > 1]
    us_regions = {region(s) for s in specs["OriginationIdentity"]
                  if s.get("phoneNumber", {}).get("isoCountryCode") == "US"}
    plus_one_regions = {region(s) for s in specs["SandboxNumber"] if s["phoneNumber"].startswith("+1")}
    for name, pool in pools.items():
        sms = pool.get("verificationMessages", {}).get("sms")
        invite = pool.get("adminCreateUser", {}).get("inviteSmsMessage")
        if "phone_number" in pool.get("autoVerifiedAttributes", []) and "smsRole" not in pool:
            problems.append(f"{name}: phone auto-verification without smsRole")
        if sms is not None and "{####}" not in sms:
            problems.append(f"{name}: SMS verification message without {{####}}")
        if invite is not None and not ("{username}" in invite and "{####}" in invite):
            problems.append(f"{name}: invite message without {{username}} and {{####}}")
        if "smsRole" in pool and region(pool) in plus_one_regions - us_regions:
            problems.append(f"{name}: sends SMS next to +1 sandbox numbers without a US origination identity")
    for spec in specs["MfaPolicy"]:
        sms_on = spec.get("sms", {}).get("enabled", False)
        factors = sms_on or spec.get("totp", {}).get("enabled", False)
        if spec["mode"] == "OFF" and ("sms" in spec or "totp" in spec):
            problems.append(f"MFA OFF with factors on {spec['userPool']}")
        if spec["mode"] != "OFF" and not factors:
            problems.append(f"MFA {spec['mode']} without a factor on {spec['userPool']}")
        if sms_on and "smsRole" not in pools.get(spec["userPool"], {}):
            problems.append(f"SMS MFA on {spec['userPool']} without smsRole")
        message = spec.get("sms", {}).get("message", "{####}")
        if not (6 <= len(message) <= 140 and "{####}" in message):
            problems.append(f"bad MFA message on {spec['userPool']}")
    return problems


def manifest_sets() -> list[Any]:
    """One parameter per example folder, plus the default manifests."""
    folders = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir() and not p.name.startswith("."))
    return [pytest.param(folder, id=str(folder.relative_to(ROOT))) for folder in [*folders, ROOT / "manifests"]]


@pytest.mark.parametrize("folder", manifest_sets())
def test_shipped_manifest_set_is_consistent(folder: Path) -> None:
    docs = [doc for path in manifest_files() if folder in path.parents for doc in load_documents(path)]
    assert docs
    assert consistency_problems([doc for doc in docs if is_resource(doc)]) == []


def test_every_manifest_set_has_its_own_owner(validator: Draft202012Validator) -> None:
    owners: dict[str, str] = {}
    for param in manifest_sets():
        folder = param.values[0]
        documents = load_documents(folder / "smsauth.yaml")
        assert [doc["kind"] for doc in documents] == [SETTINGS_KIND], f"{folder}/smsauth.yaml"
        assert errors_of(validator, documents[0]) == []
        owner = documents[0]["spec"]["owner"]
        assert owner not in owners, f"{folder} and {owners.get(owner)} share the owner {owner}"
        owners[owner] = str(folder)


def settings_document() -> dict[str, Any]:
    """A deep copy of the default manifest set's Settings document."""
    return copy.deepcopy(load_documents(ROOT / "manifests" / "smsauth.yaml")[0])


@pytest.mark.parametrize(
    "mutate",
    [
        lambda doc: doc["spec"].update(owner="Qnatime_Prod"),
        lambda doc: doc["spec"].update(ownr="x"),
        lambda doc: doc["spec"].pop("owner"),
        lambda doc: doc.update(metadata={"name": "settings"}),
        lambda doc: doc.update(policy={"onDelete": "Retain"}),
    ],
    ids=["bad-owner", "unknown-field", "missing-owner", "metadata", "policy"],
)
def test_schema_rejects_broken_settings(validator: Draft202012Validator, mutate: Any) -> None:
    original = settings_document()
    assert errors_of(validator, original) == []
    mutate(original)
    assert errors_of(validator, original) != []


def test_schema_still_requires_metadata_of_resources(validator: Draft202012Validator) -> None:
    document = sample("UserPool")
    del document["metadata"]
    assert errors_of(validator, document) != []


def test_generated_manifests_are_consistent(generated: list[Any]) -> None:
    assert consistency_problems(generated) == []


def test_generated_manifests_avoid_every_warning(generated: list[Any]) -> None:
    us_regions = {d["spec"]["region"] for d in generated if d["kind"] == "OriginationIdentity"
                  and d["spec"].get("phoneNumber", {}).get("isoCountryCode") == "US"}
    pool_regions = {d["spec"]["region"] for d in generated if d["kind"] == "UserPool" and "smsRole" in d["spec"]}
    assert pool_regions <= us_regions
    assert all(d["spec"].get("totp", {}).get("enabled") for d in generated
               if d["kind"] == "MfaPolicy" and d["spec"]["mode"] == "ON")
    policies = [d.get("policy", {}) for d in generated]
    assert all(p.get("onImmutableChange") != "Recreate" for p in policies)
    assert all(d.get("policy", {}).get("onDelete") != "Delete" for d in generated
               if d["kind"] == "OriginationIdentity")


def test_consistency_check_catches_a_broken_set(generated: list[Any]) -> None:
    broken = copy.deepcopy(generated)
    pool = next(d for d in broken if d["kind"] == "UserPool" and "smsRole" in d["spec"])
    pool["spec"]["smsRole"] = "no-such-role"
    broken.append(copy.deepcopy(next(d for d in broken if d["kind"] == "SmsAccountSettings")))
    twin = copy.deepcopy(pool)
    twin["metadata"]["name"] += "-twin"
    broken.append(twin)
    problems = consistency_problems(broken)
    assert any("missing SmsRole no-such-role" in p for p in problems)
    assert any("SmsAccountSettings in" in p for p in problems)
    assert any(p.startswith("pool ") and p.endswith("claimed 2 times") for p in problems)
