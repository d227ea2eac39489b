"""Every manifest shipped in `examples/` and `manifests/` is valid against the generated JSON Schema.

Self-contained (no conftest fixtures): loads `schema/smsauth-v1.json`, validates each YAML document of each manifest
file with a Draft 2020-12 validator, and proves the schema is not vacuous by checking that an unknown field, a wrong
enum value and a missing `kind` are each rejected. Also checks that the benchmark's manifest generator produces
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


def all_documents() -> list[dict[str, Any]]:
    """Every document of every manifest file."""
    return [doc for path in manifest_files() for doc in load_documents(path)]


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


def test_generated_names_are_unique_and_references_resolve(generated: list[Any]) -> None:
    keys = [f"{doc['kind']}/{doc['metadata']['name']}" for doc in generated]
    assert len(keys) == len(set(keys))
    names = {kind: {doc["metadata"]["name"] for doc in generated if doc["kind"] == kind} for kind in ALL_KINDS}
    for doc in generated:
        spec = doc["spec"]
        if doc["kind"] == "UserPool" and "smsRole" in spec:
            assert spec["smsRole"] in names["SmsRole"]
        if doc["kind"] in ("AppClient", "MfaPolicy"):
            assert spec["userPool"] in names["UserPool"]
        if doc["kind"] == "PhonePool":
            assert set(spec["originationIdentities"]) <= names["OriginationIdentity"]


def test_generated_manifests_respect_per_region_and_per_pool_limits(generated: list[Any]) -> None:
    def of(kind: str) -> list[dict[str, Any]]:
        return [doc["spec"] for doc in generated if doc["kind"] == kind]

    assert max(count_by([spec["region"] for spec in of("SandboxNumber")]).values()) <= 10
    assert max(count_by([spec["region"] for spec in of("SmsAccountSettings")]).values()) == 1
    assert max(count_by([spec["userPool"] for spec in of("MfaPolicy")]).values()) == 1
    numbers = [spec["phoneNumber"] for spec in of("SandboxNumber")]
    assert len(numbers) == len(set(numbers))
    us_regions = {spec["region"] for spec in of("OriginationIdentity")
                  if spec.get("phoneNumber", {}).get("isoCountryCode") == "US"}
    sms_pool_regions = {spec["region"] for spec in of("UserPool") if "smsRole" in spec}
    assert sms_pool_regions <= us_regions


def test_generated_sms_features_follow_cognito_rules(generated: list[Any]) -> None:
    pools = {doc["metadata"]["name"]: doc["spec"] for doc in generated if doc["kind"] == "UserPool"}
    for pool in pools.values():
        if "phone_number" in pool.get("autoVerifiedAttributes", []):
            assert "smsRole" in pool
        if "sms" in pool["verificationMessages"]:
            assert "{####}" in pool["verificationMessages"]["sms"]
        invite = pool.get("adminCreateUser", {}).get("inviteSmsMessage")
        if invite is not None:
            assert "{username}" in invite and "{####}" in invite
    for doc in generated:
        if doc["kind"] != "MfaPolicy":
            continue
        spec = doc["spec"]
        sms = spec.get("sms", {}).get("enabled", False)
        totp = spec.get("totp", {}).get("enabled", False)
        if spec["mode"] == "OFF":
            assert "sms" not in spec and "totp" not in spec
        else:
            assert sms or totp
        if spec["mode"] == "ON":
            assert totp
        if sms:
            assert "smsRole" in pools[spec["userPool"]]
            assert 6 <= len(spec["sms"]["message"]) <= 140 and "{####}" in spec["sms"]["message"]
