#!/usr/bin/env python3
"""Generates a folder of varied, valid smsauth/v1 manifests of every kind, for the validation benchmark.

The set is internally consistent, so `smsauth validate` must accept it without errors or warnings: names are unique
per kind, every reference resolves to a manifest emitted earlier, each region has exactly one SmsAccountSettings, at
most 10 SandboxNumbers and a US toll-free OriginationIdentity (so pools sending SMS never trigger the unregistered-US
warning), each pool has at most one MfaPolicy, SMS features appear only on pools with an smsRole, MFA ON always has
TOTP next to SMS, and no policy asks for a risky action. Documents are emitted in dependency order and the stream
is cut at exactly `count`, so any count gives a consistent set. Output is deterministic for a given seed.

Standard library only: the emitter writes plain block-style YAML itself.

    python3 benchmarks/generate_manifests.py OUT_DIR [--count 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Each offers AWS End User Messaging SMS: every region gets its kinds (validate's eum-region-unsupported).
REGIONS = (
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1",
    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
    "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
    "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-east-2", "me-south-1", "me-central-1", "il-central-1",
    "af-south-1",
)
SANDBOX_LIMIT = 10
SENDER_COUNTRIES = ("DE", "GB", "FR", "IN", "AU", "SG")
LANGUAGES = ("en-US", "en-GB", "es-419", "de-DE", "fr-FR", "ja-JP", "pt-BR")
DURATIONS_SHORT = ("5m", "15m", "30m", "1h", "12h", "1d")
DURATIONS_REFRESH = ("7d", "30d", "90d", "365d", "3650d")
PLAIN = re.compile(r"^[A-Za-z/][A-Za-z0-9 _./:@-]*$")
YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}

Doc = dict[str, Any]


def scalar(value: Any) -> str:
    """One YAML scalar: plain when unambiguous, else a JSON (double-quoted YAML) string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if PLAIN.match(text) and text.lower() not in YAML11_WORDS and not text.endswith((" ", ":")) and ": " not in text:
        return text
    return json.dumps(text)


def emit(value: Any, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping; lists of scalars are written in flow style."""
    pad = " " * indent
    lines: list[str] = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(emit(item, indent + 2))
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{pad}{key}:")
            for entry in item:
                sub = emit(entry, indent + 4)
                lines.append(f"{pad}  - {sub[0].lstrip()}")
                lines.extend(sub[1:])
        elif isinstance(item, list):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v) for v in item)}]")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")
    return lines


LOG_ROLE = "sns-delivery-logs"


def manifest(kind: str, name: str, spec: Doc, labels: Doc | None = None, policy: Doc | None = None) -> Doc:
    """One manifest document."""
    metadata: Doc = {"name": name}
    if labels:
        metadata["labels"] = labels
    doc: Doc = {"apiVersion": "smsauth/v1", "kind": kind, "metadata": metadata, "spec": spec}
    if policy:
        doc["policy"] = policy
    return doc


def region_block(rng: random.Random, index: int, region: str) -> Iterator[tuple[str, Doc]]:
    """Account settings, a configuration set, sometimes a draft toll-free registration, a US toll-free number, sometimes
    a sender ID, and a pool of senders for one region; the first region's block starts with the SmsLogRole that every other region's settings with delivery-status logging name."""
    folder = f"regions/{region}"
    settings: Doc = {"region": region, "defaultSmsType": rng.choice(("Transactional", "Promotional")),
                     "monthlySpendLimitUSD": rng.choice((1, 10, 50, 100, 1000))}
    if index == 0:
        yield "global/log-role.yaml", manifest("SmsLogRole", LOG_ROLE, {"roleName": "sns-delivery-status-logs"})
    if rng.random() < 0.5:
        rate = rng.choice((0, 10, 50, 100))
        if index % 2 == 0:
            settings["deliveryStatus"] = {"role": LOG_ROLE, "successSamplingRate": rate}
        else:
            settings["deliveryStatusRoleArn"] = "arn:aws:iam::123456789012:role/sns-delivery-status"
            settings["deliveryStatusSuccessSamplingRate"] = rate
    if not region.startswith(("us-", "ca-")) and rng.random() < 0.5:
        settings["defaultSenderId"] = f"BRAND{index}"
    yield f"{folder}/account.yaml", manifest("SmsAccountSettings", f"sms-{region}", settings)
    yield f"{folder}/configuration-set.yaml", manifest(
        "ConfigurationSet", f"signin-{region}",
        {"region": region, "name": f"signin-{region}", "defaultMessageType": "TRANSACTIONAL",
         "eventDestinations": [{"name": "delivery", "matchingEventTypes": ["TEXT_ALL"],
                                "sns": {"topicArn": f"arn:aws:sns:{region}:123456789012:sms-events"}}]})
    yield f"{folder}/protection.yaml", manifest(
        "SmsProtection", f"shield-{region}",
        {"region": region, "sms": {"allow": ["US", "CA"]}, "configurationSets": [f"signin-{region}"]})
    if rng.random() < 0.5:
        yield f"{folder}/registration.yaml", manifest(
            "Registration", f"{region}-us-tollfree-registration",
            {"region": region, "registrationType": "US_TOLL_FREE_REGISTRATION",
             "fields": {"companyInfo.companyName": f"Example {index} Inc.",
                        "companyInfo.website": f"https://example{index}.com",
                        "messagingUseCase.useCaseCategory": ["ONE_TIME_PASSWORD"]}})
    tollfree = f"{region}-us-tollfree"
    number: Doc = {"isoCountryCode": "US", "numberType": "TOLL_FREE", "messageType": "TRANSACTIONAL",
                   "capabilities": ["SMS"], "optOutListName": "Default", "selfManagedOptOuts": False,
                   "twoWay": False}
    if rng.random() < 0.7:
        number["registrationId"] = f"registration-{index:032x}"
    yield f"{folder}/origination.yaml", manifest(
        "OriginationIdentity", tollfree,
        {"region": region, "phoneNumber": number, "deletionProtection": True, "purchaseApproved": True,
         "tags": {"Team": "Messaging"}})
    members = [tollfree]
    if rng.random() < 0.4:
        ten_dlc = f"{region}-us-10dlc"
        members.append(ten_dlc)
        yield f"{folder}/origination.yaml", manifest(
            "OriginationIdentity", ten_dlc,
            {"region": region, "phoneNumber": {"isoCountryCode": "US", "numberType": "TEN_DLC",
                                               "messageType": "TRANSACTIONAL", "capabilities": ["SMS", "VOICE"],
                                               "registrationId": f"registration-{index + 1000:032x}"},
             "deletionProtection": True, "purchaseApproved": True})
    if rng.random() < 0.4:
        country = SENDER_COUNTRIES[index % len(SENDER_COUNTRIES)]
        yield f"{folder}/sender-id.yml", manifest(
            "OriginationIdentity", f"{region}-sender-id",
            {"region": region, "senderId": {"senderId": f"QNA{index}", "isoCountryCode": country,
                                            "messageTypes": ["TRANSACTIONAL"]},
             "deletionProtection": True, "purchaseApproved": True})
    yield f"{folder}/pool.yaml", manifest(
        "PhonePool", f"{region}-us-senders",
        {"region": region, "originationIdentities": members, "isoCountryCode": "US",
         "messageType": "TRANSACTIONAL", "optOutListName": "Default", "selfManagedOptOuts": False,
         "sharedRoutes": False, "twoWay": False, "deletionProtection": rng.random() < 0.8},
        labels={"tier": "prod"})


def sandbox_number(rng: random.Random, region_index: int, region: str, slot: int) -> tuple[str, Doc]:
    """A tester's number: fictional 555-01xx lines, a distinct area code per region."""
    area = 201 + 3 * region_index
    spec: Doc = {"region": region, "phoneNumber": f"+1{area}55501{slot:02d}", "languageCode": rng.choice(LANGUAGES)}
    return f"regions/{region}/sandbox.yaml", manifest("SandboxNumber", f"{region}-tester-{slot}", spec,
                                                       labels={"team": "qa"})


def tenant(rng: random.Random, index: int, region: str) -> Iterator[tuple[str, Doc]]:
    """An SMS role (usually), a user pool, one or two app clients and an MFA policy."""
    name = f"tenant-{index}"
    folder = f"tenants/{region}"
    split = index % 3 == 0

    def place(kind: str) -> str:
        return f"{folder}/{name}.{kind.lower()}.yml" if split else f"{folder}/{name}.yaml"

    variant = rng.choice(("phone-username", "email-alias", "email-only", "email-plus-phone"))
    uses_sms = variant != "email-only"
    labels = {"tenant": name, "tier": rng.choice(("dev", "staging", "prod"))}
    if uses_sms:
        role: Doc = {"roleName": f"{name}-cognito-sms", "path": rng.choice(("/", "/service-role/")),
                     "externalId": f"{index:08x}-4b1d-4c2a-9e1f-{rng.getrandbits(48):012x}",
                     "description": f"Lets {name} publish SMS through SNS", "tags": {"Tenant": name}}
        if rng.random() < 0.3:
            role["permissionsBoundaryArn"] = "arn:aws:iam::123456789012:policy/workload-boundary"
        if rng.random() < 0.5:
            role["maxSessionDurationSeconds"] = rng.choice((3600, 7200, 43200))
        yield place("SmsRole"), manifest("SmsRole", f"{name}-sms", role, labels)
    pool: Doc = {"region": region, "poolName": f"Tenant {index} users", "usernameCaseSensitive": False}
    if variant == "phone-username":
        pool.update(usernameAttributes=["phone_number"], autoVerifiedAttributes=["phone_number"],
                    accountRecovery=["verified_phone_number"])
    elif variant == "email-alias":
        pool.update(aliasAttributes=["email"], autoVerifiedAttributes=["phone_number"],
                    accountRecovery=["verified_phone_number", "verified_email"])
    elif variant == "email-only":
        pool.update(usernameAttributes=["email"], autoVerifiedAttributes=["email"], accountRecovery=["verified_email"])
    else:
        pool.update(usernameAttributes=["email"], autoVerifiedAttributes=["email", "phone_number"],
                    accountRecovery=["verified_email", "verified_phone_number"])
    messages: Doc = {"emailSubject": "Your verification code", "email": f"Your tenant {index} code is {{####}}."}
    if uses_sms:
        pool["smsRole"] = f"{name}-sms"
        if rng.random() < 0.3:
            pool["smsRegion"] = region
        messages["sms"] = f"Your tenant {index} verification code is {{####}}."
    pool["verificationMessages"] = messages
    pool["passwordPolicy"] = {"minimumLength": rng.randint(8, 32), "requireUppercase": rng.random() < 0.8,
                              "requireLowercase": True, "requireNumbers": True,
                              "requireSymbols": rng.random() < 0.5,
                              "temporaryPasswordValidityDays": rng.choice((1, 3, 7, 30))}
    if uses_sms and rng.random() < 0.5:
        pool["adminCreateUser"] = {"allowAdminCreateUserOnly": rng.random() < 0.3,
                                   "inviteSmsMessage": "Your username is {username} and password is {####}."}
    if rng.random() < 0.5:
        pool["customAttributes"] = [
            {"name": "tenant", "type": "String", "mutable": False, "minLength": 1, "maxLength": 64},
            {"name": "plan", "type": "Number", "mutable": True, "minValue": 0, "maxValue": 10},
        ][: rng.randint(1, 2)]
    pool["deletionProtection"] = labels["tier"] == "prod"
    pool["tags"] = {"Tenant": name}
    yield place("UserPool"), manifest("UserPool", name, pool, labels,
                                      policy={"onImmutableChange": "Refuse", "onDelete": "Retain"})
    read = ["email", "phone_number"] if uses_sms else ["email"]
    for suffix, flows in (("web", ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
                          ("cli", ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]))[: rng.randint(1, 2)]:
        client = {"userPool": name, "clientName": f"{name}-{suffix}", "generateSecret": suffix == "cli",
                  "explicitAuthFlows": flows, "readAttributes": read, "writeAttributes": read,
                  "preventUserExistenceErrors": True, "enableTokenRevocation": rng.random() < 0.9,
                  "tokenValidity": {"accessToken": rng.choice(DURATIONS_SHORT),
                                    "idToken": rng.choice(DURATIONS_SHORT),
                                    "refreshToken": rng.choice(DURATIONS_REFRESH)}}
        policy = {"onDrift": "Report"} if rng.random() < 0.2 else None
        yield place("AppClient"), manifest("AppClient", f"{name}-{suffix}", client, labels, policy)
    yield place("MfaPolicy"), manifest("MfaPolicy", f"{name}-mfa", mfa_spec(rng, name, uses_sms), labels)


def mfa_spec(rng: random.Random, pool: str, uses_sms: bool) -> Doc:
    """OFF, OPTIONAL or ON; SMS only with an SMS role; ON always keeps TOTP (no sandbox lock-out warning)."""
    mode = rng.choice(("OFF", "OPTIONAL", "ON"))
    spec: Doc = {"userPool": pool, "mode": mode}
    if mode == "OFF":
        return spec
    sms = uses_sms and rng.random() < 0.7
    if sms:
        spec["sms"] = {"enabled": True, "message": "Your authentication code is {####}"}
    spec["totp"] = {"enabled": mode == "ON" or not sms or rng.random() < 0.5}
    spec["deviceTracking"] = {"remember": rng.choice(("Never", "Always", "UserOptIn")),
                              "bypassMfaOnRememberedDevices": rng.random() < 0.5}
    return spec


def documents(seed: int) -> Iterator[tuple[str, Doc]]:
    """An endless, dependency-ordered stream of (relative file, document)."""
    rng = random.Random(seed)
    started: set[str] = set()
    sandbox: dict[str, int] = {}
    index = 0
    while True:
        region_index = index % len(REGIONS)
        region = REGIONS[region_index]
        if region not in started:
            started.add(region)
            yield from region_block(rng, region_index, region)
        if sandbox.get(region, 0) < SANDBOX_LIMIT and rng.random() < 0.5:
            yield sandbox_number(rng, region_index, region, sandbox.get(region, 0))
            sandbox[region] = sandbox.get(region, 0) + 1
        yield from tenant(rng, index, region)
        index += 1


def generate(out_dir: Path, count: int = 10_000, seed: int = 1) -> int:
    """Writes the first `count` documents of the stream under out_dir; returns how many were written."""
    files: dict[str, list[Doc]] = {}
    written = 0
    for relative, doc in documents(seed):
        if written == count:
            break
        files.setdefault(relative, []).append(doc)
        written += 1
    for relative, docs in files.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "\n---\n".join("\n".join(emit(doc)) for doc in docs)
        path.write_text(f"# Generated by benchmarks/generate_manifests.py\n{body}\n", encoding="utf-8")
    return written


def main(argv: list[str]) -> int:
    """Command line: OUT_DIR [--count N] [--seed S]; prints the number of documents and files written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=10_000, help="number of manifest documents (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty")
    written = generate(args.out_dir, args.count, args.seed)
    files = sum(1 for p in args.out_dir.rglob("*") if p.is_file())
    print(f"{written} manifests in {files} files under {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
