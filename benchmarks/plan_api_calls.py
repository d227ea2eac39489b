#!/usr/bin/env python3
"""Counts the AWS calls of `smsauth reconcile --dry-run` on a folder of existing resources, against the emulator.

Used by benchmarks/plan_api_calls.sh (which builds smsauth and starts the emulator); standard library only.

    python3 benchmarks/plan_api_calls.py --url URL --bin SMSAUTH --work DIR [--count 500] [--regions 3] [--s3-state]

1. Creates a fresh emulator principal, so the call log of this run is its own.
2. Writes COUNT manifests of all eight kinds spread over the regions into DIR/manifests.
3. Applies them once (`smsauth reconcile`), then checks the writes of that apply against the create rows of
   docs/api-calls.md.
4. Runs `smsauth reconcile --dry-run` (wall time and peak RSS measured), reads the call log of exactly that run
   and compares every operation with the documented minimum (the steady-state table of docs/api-calls.md).

With --s3-state the state lives on S3 (a fresh bucket in the emulator, `SMSAUTH_STATE=s3://BUCKET/bench`): the
apply's S3 calls are listed, and the dry run must make exactly one S3 call (GetObject of state.json) more than the
documented minimum of a local state.

Prints the tables; exits 1 when any command fails or any count differs from the documentation.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import hmac
import json
import math
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api-calls.md"
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")
SANDBOX_LIMIT = 10
# Writes of one create, per kind, for the manifests this script generates (docs/api-calls.md, "Writes"): no device
# tracking (no UpdateUserPool), settings equal to what AWS sets (no UpdatePool / UpdatePhoneNumber), and every
# SmsAccountSettings differs from the defaults (one SetSMSAttributes). A PhonePool also associates each identity
# after its first (AssociateOriginationIdentity, counted from the generated members).
CREATE_WRITES = {
    "SmsRole": {("iam", "CreateRole"): 1, ("iam", "PutRolePolicy"): 1},
    "UserPool": {("cognito-idp", "CreateUserPool"): 1},
    "AppClient": {("cognito-idp", "CreateUserPoolClient"): 1},
    "MfaPolicy": {("cognito-idp", "SetUserPoolMfaConfig"): 1},
    "SandboxNumber": {("sns", "CreateSMSSandboxPhoneNumber"): 1},
    "SmsAccountSettings": {("sns", "SetSMSAttributes"): 1},
    "OriginationIdentity": {("sms-voice", "RequestPhoneNumber"): 1},
    "PhonePool": {("sms-voice", "CreatePool"): 1},
}
WRITE_PREFIXES = ("Create", "Put", "Set", "Request", "Associate", "Update", "Delete", "Release", "Tag", "Untag",
                  "Add", "Verify", "Disassociate")


@dataclass
class Composition:
    """What was generated: resources per kind and region."""

    by_kind: dict[str, Counter] = field(default_factory=dict)
    pool_members: list[int] = field(default_factory=list)

    def add(self, kind: str, region: str | None) -> None:
        self.by_kind.setdefault(kind, Counter())[region or "global"] += 1

    def total(self, kind: str) -> int:
        return sum(self.by_kind.get(kind, Counter()).values())


def yaml_doc(kind: str, name: str, spec: list[str]) -> str:
    """One manifest document (the spec lines are already indented by two spaces)."""
    return "\n".join(["apiVersion: smsauth/v1", f"kind: {kind}", "metadata:", f"  name: {name}", "spec:", *spec]) + "\n"


def plan_counts(count: int, regions: int) -> dict[str, int]:
    """How many resources of each kind make up `count`: one SmsAccountSettings and up to ten SandboxNumbers per
    region, the rest split over the other kinds (two app clients per pool, an MFA policy on most pools, half the
    pools sending SMS through their own role, two numbers per phone pool)."""
    settings = regions
    sandbox = min(SANDBOX_LIMIT * regions, max(0, (count - settings) // 16))
    rest = count - settings - sandbox
    pools = max(1, rest * 16 // 100)
    roles = pools // 2
    clients = 2 * pools
    mfa = min(pools, rest * 11 // 100)
    phone_pools = max(1, rest * 9 // 100)
    numbers = rest - pools - roles - clients - mfa - phone_pools
    if numbers < 2 * phone_pools:
        raise SystemExit(f"plan_api_calls: --count {count} is too small for {regions} regions")
    return {"SmsAccountSettings": settings, "SandboxNumber": sandbox, "UserPool": pools, "SmsRole": roles,
            "AppClient": clients, "MfaPolicy": mfa, "PhonePool": phone_pools, "OriginationIdentity": numbers}


def generate(out: Path, count: int, regions: tuple[str, ...]) -> Composition:
    """Writes `count` manifests into `out`, one file per kind and region; returns what was written."""
    counts = plan_counts(count, len(regions))
    comp = Composition()
    files: dict[str, list[str]] = {}

    def emit(kind: str, name: str, region: str | None, spec: list[str]) -> None:
        files.setdefault(f"{kind.lower()}-{region or 'global'}.yaml", []).append(yaml_doc(kind, name, spec))
        comp.add(kind, region)

    def region_of(index: int) -> str:
        return regions[index % len(regions)]

    # 1 USD: a new account's SMS spending quota in every region (the emulator refuses more, as AWS does).
    for region in regions[: counts["SmsAccountSettings"]]:
        emit("SmsAccountSettings", region, region, [f"  region: {region}", "  defaultSmsType: Transactional",
                                                    "  monthlySpendLimitUSD: 1"])
    for index in range(counts["SandboxNumber"]):
        region = region_of(index)
        emit("SandboxNumber", f"tester-{index}", region,
             [f"  region: {region}", f'  phoneNumber: "+1206555{index // len(regions):04d}"', "  languageCode: en-US"])
    for index in range(counts["SmsRole"]):
        emit("SmsRole", f"role-{index}", None, [f"  roleName: bench-sms-{index}",
                                                f"  externalId: bench-external-{index:04d}"])
    for index in range(counts["UserPool"]):
        region = region_of(index)
        spec = [f"  region: {region}", f"  poolName: bench-pool-{index}"]
        if index < counts["SmsRole"]:
            spec += [f"  smsRole: role-{index}", "  autoVerifiedAttributes: [phone_number]"]
        emit("UserPool", f"pool-{index}", region, spec)
        for client in range(2):
            if comp.total("AppClient") < counts["AppClient"]:
                emit("AppClient", f"pool-{index}-client-{client}", region,
                     [f"  userPool: pool-{index}", f"  clientName: client-{client}", "  generateSecret: false"])
        if index < counts["MfaPolicy"]:
            emit("MfaPolicy", f"pool-{index}-mfa", region,
                 [f"  userPool: pool-{index}", "  mode: OPTIONAL", "  totp: {enabled: true}"])
    for index in range(counts["OriginationIdentity"]):
        region = region_of(index)
        emit("OriginationIdentity", f"number-{index}", region, [
            f"  region: {region}", "  phoneNumber:", "    isoCountryCode: US", "    numberType: TOLL_FREE",
            "    messageType: TRANSACTIONAL", "    capabilities: [SMS]",
            # A US toll-free number carries traffic (and can join a phone pool) only once registered: an existing
            # registration's id (the emulator does not look it up).
            "    registrationId: registration-0123456789abcdef0123456789abcdef", "  purchaseApproved: true"])
    numbers_by_region: dict[str, list[int]] = {}
    for index in range(counts["OriginationIdentity"]):
        numbers_by_region.setdefault(region_of(index), []).append(index)
    for index in range(counts["PhonePool"]):
        region = region_of(index)
        free = numbers_by_region[region]
        members = [free.pop(0) for _ in range(min(2, len(free)))]
        if not members:
            raise SystemExit("plan_api_calls: not enough origination identities for the phone pools")
        comp.pool_members.append(len(members))
        emit("PhonePool", f"senders-{index}", region, [
            f"  region: {region}", f"  originationIdentities: [{', '.join(f'number-{m}' for m in members)}]",
            "  isoCountryCode: US", "  messageType: TRANSACTIONAL"])
    out.mkdir(parents=True, exist_ok=True)
    for name, docs in files.items():
        (out / name).write_text("---\n".join(docs))
    return comp


def documented_rows(doc: Path = DOC) -> list[tuple[str, str, str, str, str]]:
    """The steady-state plan table of docs/api-calls.md: (kind, service, operation, calls, per); calls as written
    (a row may give a range, such as `0–1`)."""
    text = doc.read_text()
    start = text.index("<!-- plan-calls")
    rows = []
    for line in text[start:].splitlines()[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] in ("Kind", "---"):
            continue
        rows.append((cells[0], cells[1], cells[2], cells[3], cells[4]))
    return rows


def create_bucket(url: str, access_key: str, secret: str, bucket: str, region: str) -> None:
    """CreateBucket (path-style, us-east-1), signed with SigV4 for S3 by hand (standard library only)."""
    host = url.split("://", 1)[1].rstrip("/")
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    payload = hashlib.sha256(b"").hexdigest()
    headers = {"host": host, "x-amz-content-sha256": payload, "x-amz-date": stamp}
    signed = ";".join(sorted(headers))
    canonical = "\n".join(["PUT", f"/{bucket}", "", "".join(f"{k}:{headers[k]}\n" for k in sorted(headers)), signed,
                           payload])
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (day, region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(f"{url.rstrip('/')}/{bucket}", method="PUT", data=b"", headers={
        "x-amz-content-sha256": payload, "x-amz-date": stamp,
        "Authorization": f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, SignedHeaders={signed}, "
                         f"Signature={signature}"})
    with urllib.request.urlopen(request, timeout=30):
        pass


def expected_calls(comp: Composition) -> dict[tuple[str, str], dict[str, int]]:
    """The documented minimum for `comp`: (service, operation) → {kind: calls}."""
    expected: dict[tuple[str, str], dict[str, int]] = {}
    for kind, service, operation, written, per in documented_rows():
        # A kind not generated costs nothing. A SandboxNumber's sandbox is SNS's here (every generated pool sends
        # through SNS): End User Messaging's sandbox rows count the numbers in that sandbox, of which there are none.
        # Rows for resources "with" or "whose" something hold for none of the generated manifests (no number names a
        # Registration manifest, no manifest is removed).
        if kind != "(run)" and not comp.total(kind):
            continue
        if kind == "SandboxNumber" and "End User Messaging" in per:
            continue
        if per.startswith(("resource with", "resource whose")):
            continue
        if not written.isdigit():
            raise SystemExit(f"plan_api_calls: docs/api-calls.md gives {kind} {operation} {written!r} calls, "
                             "not a number the benchmark can check")
        calls = int(written)
        page = re.search(r"page of (\d+)", per)
        size = int(page.group(1)) if page else None
        if per == "run":
            total = calls
        elif per == "resource":
            total = calls * comp.total(kind)
        elif per.startswith("region"):
            total = sum(calls * (math.ceil(n / size) if size else 1) for n in comp.by_kind.get(kind, Counter()).values() if n)
        else:
            raise SystemExit(f"plan_api_calls: unknown 'Per' in docs/api-calls.md: {per!r}")
        if total:
            expected.setdefault((service, operation), {})[kind] = total
    return expected


def control(url: str, method: str, path: str) -> object:
    """One request to the emulator's control endpoint."""
    request = urllib.request.Request(f"{url}/_smsauth/{path}", method=method,
                                     data=b"{}" if method == "POST" else None,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def calls(url: str, key: str) -> list[dict]:
    """The call log of one access key."""
    return list(control(url, "GET", f"calls?accessKeyId={key}"))


def run(binary: str, args: list[str], env: dict[str, str], log: Path) -> tuple[int, float, int]:
    """Runs smsauth; returns (exit status, wall seconds, peak RSS in kB). Output goes to `log`."""
    time_bin = os.environ.get("TIME_BIN", "/usr/bin/time")
    report = log.with_suffix(".time")
    use_time = os.access(time_bin, os.X_OK)
    command = ([time_bin, "-v", "-o", str(report)] if use_time else []) + [binary, *args]
    with log.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    rss = usage.ru_maxrss
    if use_time:
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
        rss = int(match.group(1)) if match else rss
    return os.waitstatus_to_exitcode(status), wall, rss


def writes(log: list[dict]) -> Counter:
    """Write operations of a call log, by (service, operation)."""
    return Counter((c["service"], c["operation"]) for c in log if c["operation"].startswith(WRITE_PREFIXES))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--regions", type=int, default=3, choices=range(1, len(REGIONS) + 1))
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--s3-state", action="store_true", help="keep the state on S3 (a fresh bucket)")
    args = parser.parse_args(argv)

    principal = control(args.url, "POST", "principals")
    key = principal["accessKeyId"]
    env = dict(os.environ, AWS_ENDPOINT_URL=args.url, AWS_ACCESS_KEY_ID=key,
               AWS_SECRET_ACCESS_KEY=principal["secretAccessKey"], AWS_REGION=REGIONS[0],
               AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1")
    if args.s3_state:
        bucket = f"bench-state-{key.lower()[-8:]}"
        create_bucket(args.url, key, principal["secretAccessKey"], bucket, REGIONS[0])
        env["SMSAUTH_STATE"] = f"s3://{bucket}/bench"
        print(f"state: {env['SMSAUTH_STATE']}")
    env.pop("AWS_PROFILE", None)
    env.pop("AWS_SESSION_TOKEN", None)
    manifests = args.work / "manifests"
    comp = generate(manifests, args.count, REGIONS[: args.regions])
    total = sum(comp.total(kind) for kind in comp.by_kind)
    print(f"\n{total} manifests in {args.regions} regions ({', '.join(REGIONS[: args.regions])}):")
    print("  " + ", ".join(f"{kind} {comp.total(kind)}" for kind in CREATE_WRITES))

    status, wall, _ = run(args.bin, ["reconcile", str(manifests), "--concurrency", str(args.concurrency)],
                          env, args.work / "apply.log")
    applied = calls(args.url, key)
    print(f"\napply: exit {status}, {wall:.1f} s, {len(applied)} calls")
    if status != 0:
        print((args.work / "apply.log").read_text()[-3000:])
        return 1
    failed = False
    if args.s3_state:
        s3_calls = Counter(c["operation"] for c in applied if c["service"] == "s3")
        print("S3 calls of the apply: " + ", ".join(f"{op} {n}" for op, n in sorted(s3_calls.items())))
    measured_writes = Counter({op: n for op, n in writes(applied).items() if op[0] != "s3"})
    documented_writes: Counter = Counter()
    for kind, ops in CREATE_WRITES.items():
        for op, n in ops.items():
            documented_writes[op] += n * comp.total(kind)
    documented_writes[("sms-voice", "AssociateOriginationIdentity")] += sum(n - 1 for n in comp.pool_members)
    print(f"\n{'writes of the apply':<48} {'measured':>9} {'documented':>11}")
    for op in sorted(set(measured_writes) | set(documented_writes)):
        mark = "" if measured_writes[op] == documented_writes[op] else "  DIFFERS"
        failed |= bool(mark)
        print(f"{op[0] + ' ' + op[1]:<48} {measured_writes[op]:>9} {documented_writes[op]:>11}{mark}")

    before = len(applied)
    status, wall, rss = run(args.bin, ["reconcile", str(manifests), "--dry-run", "--detailed-exitcode"], env, args.work / "plan.log")
    planned = calls(args.url, key)[before:]
    if status != 0:
        print(f"\nFAILED: smsauth reconcile --dry-run --detailed-exitcode exited {status} (0 = no changes expected):")
        print((args.work / "plan.log").read_text()[-3000:])
        return 1
    measured = Counter((c["service"], c["operation"]) for c in planned)
    errors = [c for c in planned if c["status"] >= 400]
    expected = expected_calls(comp)
    if args.s3_state:
        expected[("s3", "GetObject")] = {"state": 1}
    print(f"\nsmsauth reconcile --dry-run over {total} existing resources: {len(planned)} calls")
    print(f"{'service operation':<48} {'kinds':<32} {'measured':>9} {'documented':>11}")
    for op in sorted(set(measured) | set(expected)):
        documented = sum(expected.get(op, {}).values())
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(expected.get(op, {}).items())) or "-"
        mark = "" if measured[op] == documented else "  DIFFERS"
        failed |= bool(mark)
        print(f"{op[0] + ' ' + op[1]:<48} {kinds:<32} {measured[op]:>9} {documented:>11}{mark}")
    print(f"{'total':<48} {'':<32} {sum(measured.values()):>9} {sum(sum(v.values()) for v in expected.values()):>11}")
    print(f"\ndry run: wall {wall:.2f} s, peak RSS {rss / 1024:.1f} MB "
          f"({'/usr/bin/time -v' if os.access(os.environ.get('TIME_BIN', '/usr/bin/time'), os.X_OK) else 'os.wait4'}), "
          f"{len(errors)} error answers")
    if errors:
        failed = True
        print("error answers: " + ", ".join(f"{c['operation']} {c['status']}" for c in errors[:10]))
    print("\nFAILED: measured calls differ from docs/api-calls.md" if failed else "\nAll counts equal the documented minimum.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
