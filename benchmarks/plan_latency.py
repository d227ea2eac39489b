#!/usr/bin/env python3
"""Times a no-op `smsauth reconcile --dry-run` over SMS sign-in stacks against a boto3 script making the same reads,
with a fixed latency added to every AWS call by the emulator, and measures smsauth's CPU per AWS call.

Used by benchmarks/plan_latency.sh (which builds smsauth and starts the emulator); standard library + boto3 (run
with the emulator's Python).

    python3 benchmarks/plan_latency.py --url URL --bin SMSAUTH --work DIR [--stacks 50] [--latency-ms 50]
        [--runs 5] [--threads 8] [--smsauth-arg=ARG ...]

1. Creates a fresh emulator principal. Extra arguments for the dry run (--smsauth-arg) are tried first, on a dry run
   of an empty folder: exit 2 when smsauth refuses them, before anything is applied. Then writes STACKS stacks
   (SmsRole + UserPool + AppClient + MfaPolicy, so 4 × STACKS resources) into DIR/manifests, in us-east-1.
2. Applies them once without latency, and writes DIR/targets.json (role names, pool ids and client ids) for the
   boto3 script.
3. CPU: runs the dry run without latency and divides the process's CPU time (user + system, rusage) by its AWS
   calls (the emulator's call log, which also names the connection of each call: the connections are counted).
4. Sets the latency (`POST /_smsauth/config {"latencyMs": …}`) and runs, RUNS times and alternating, the dry run
   and `plan_latency_boto3.py --threads THREADS`, timing each whole process; prints every run, the medians, their
   ratio and the calls (and connections) of each.

Exits 1 when a command fails or the dry run plans a change (exit 2 of --detailed-exitcode), 2 when the arguments
are refused.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import boto3

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from aws_quotas import quota_floor  # noqa: E402
from plan_api_calls import calls, control, yaml_doc  # noqa: E402

REGION = "us-east-1"
# Targets of issue 15 for 200 resources at 50 ms per call.
TARGET_SECONDS = 2.0
TARGET_RATIO = 0.6
TARGET_CPU_MS = 0.3
# Issue 15's target for 1,000 resources: the plan within 1.2 x of its quota floor.
TARGET_QUOTA_FACTOR = 1.2


def generate(out: Path, stacks: int) -> None:
    """One file per kind: role-i, pool-i (sending SMS through role-i), pool-i-client, pool-i-mfa."""
    files: dict[str, list[str]] = {}
    for index in range(stacks):
        files.setdefault("smsrole.yaml", []).append(yaml_doc("SmsRole", f"role-{index}", [
            f"  roleName: latency-sms-{index}", f"  externalId: latency-external-{index:04d}"]))
        files.setdefault("userpool.yaml", []).append(yaml_doc("UserPool", f"pool-{index}", [
            f"  region: {REGION}", f"  poolName: latency-pool-{index}", f"  smsRole: role-{index}",
            "  autoVerifiedAttributes: [phone_number]"]))
        files.setdefault("appclient.yaml", []).append(yaml_doc("AppClient", f"pool-{index}-client", [
            f"  userPool: pool-{index}", "  clientName: web", "  generateSecret: false"]))
        files.setdefault("mfapolicy.yaml", []).append(yaml_doc("MfaPolicy", f"pool-{index}-mfa", [
            f"  userPool: pool-{index}", "  mode: OPTIONAL", "  totp: {enabled: true}"]))
    out.mkdir(parents=True, exist_ok=True)
    for name, docs in files.items():
        (out / name).write_text("---\n".join(docs))


def targets(env: dict[str, str], stacks: int) -> dict:
    """Role names, pool ids and app-client ids of the applied stacks (listed once, untimed), as smsauth's status
    files record them."""
    session = boto3.Session(aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                            aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"], region_name=REGION)
    cognito = session.client("cognito-idp", endpoint_url=env["AWS_ENDPOINT_URL"])
    ids: dict[str, str] = {}
    for page in cognito.get_paginator("list_user_pools").paginate(MaxResults=60):
        ids.update({pool["Name"]: pool["Id"] for pool in page["UserPools"]})

    def stack(index: int) -> dict:
        pool_id = ids[f"latency-pool-{index}"]
        clients = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
        return {"region": REGION, "roleName": f"latency-sms-{index}", "poolId": pool_id,
                "clientIds": [client["ClientId"] for client in clients]}
    return {"stacks": [stack(index) for index in range(stacks)]}


def timed(command: list[str], env: dict[str, str], log: Path) -> tuple[int, float, float]:
    """Runs `command`; returns (exit status, wall seconds, CPU seconds of the process). Output goes to `log`."""
    with log.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime


def cpu_verdict(per_call_ms: float, stacks: int) -> str:
    """The CPU target's verdict, judged only at the size it is set for (50 stacks = 200 resources)."""
    if stacks != 50:
        return f"the {TARGET_CPU_MS} ms target is judged at 50 stacks"
    return f"target <= {TARGET_CPU_MS} ms: {'met' if per_call_ms <= TARGET_CPU_MS else 'MISSED'}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the emulator's URL")
    parser.add_argument("--bin", required=True, help="the smsauth binary")
    parser.add_argument("--work", required=True, type=Path, help="work folder (manifests, logs)")
    parser.add_argument("--stacks", type=int, default=50, help="stacks of four resources (default 50)")
    parser.add_argument("--latency-ms", type=int, default=50, help="latency of every AWS call (default 50)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--threads", type=int, default=8, help="threads of the boto3 script (default 8)")
    parser.add_argument("--smsauth-arg", action="append", default=[],
                        help="extra argument for the dry run (repeatable), e.g. --smsauth-arg=--concurrency=16")
    args = parser.parse_args(argv)
    for name in ("stacks", "runs", "threads"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.latency_ms < 0:
        parser.error("--latency-ms must not be negative")

    principal = control(args.url, "POST", "principals")
    key = principal["accessKeyId"]
    env = {name: value for name, value in os.environ.items() if name not in ("AWS_PROFILE", "AWS_SESSION_TOKEN")}
    env.update(AWS_ENDPOINT_URL=args.url, AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=principal["secretAccessKey"],
               AWS_REGION=REGION, AWS_DEFAULT_REGION=REGION, AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1")
    if args.smsauth_arg and not arguments_accepted(args.bin, args.smsauth_arg, env, args.work):
        return 2
    manifests = args.work / "manifests"
    generate(manifests, args.stacks)
    print(f"{args.stacks} stacks = {4 * args.stacks} resources (SmsRole, UserPool, AppClient, MfaPolicy) in {REGION}")

    set_latency(args.url, 0)
    status, wall, _ = timed([args.bin, "reconcile", str(manifests), "--concurrency", "8"], env, args.work / "apply.log")
    print(f"apply: exit {status}, {wall:.1f} s")
    if status != 0:
        print((args.work / "apply.log").read_text()[-3000:])
        return 1
    target_file = args.work / "targets.json"
    target_file.write_text(json.dumps(targets(env, args.stacks)))

    plan = [args.bin, "reconcile", str(manifests), "--dry-run", "--detailed-exitcode", *args.smsauth_arg]
    boto = [sys.executable, str(HERE / "plan_latency_boto3.py"), "--targets", str(target_file),
            "--threads", str(args.threads)]

    before = len(calls(args.url, key))
    status, wall, cpu = timed(plan, env, args.work / "plan-cpu.log")
    if status != 0:
        print(f"dry run exited {status} (0 = no changes expected):\n" + (args.work / "plan-cpu.log").read_text()[-3000:])
        return 1
    plan_records = calls(args.url, key)[before:]
    plan_calls = len(plan_records)
    plan_connections = connections(plan_records)
    floor, worst = quota_floor(plan_records)
    cpu_per_call = cpu * 1000 / plan_calls
    print(f"\nCPU at 0 ms latency: {cpu:.3f} s for {plan_calls} AWS calls over {plan_connections} connections "
          f"= {cpu_per_call:.3f} ms per call "
          f"(wall {wall:.2f} s; {cpu_verdict(cpu_per_call, args.stacks)})")

    set_latency(args.url, args.latency_ms)
    times: dict[str, list[float]] = {"smsauth": [], "boto3": []}
    counts: dict[str, int] = {}
    opened: dict[str, int | str] = {}
    print(f"\n{args.latency_ms} ms per call, alternating, {args.runs} runs each:")
    print(f"{'run':<5} {'smsauth (s)':>12} {'boto3 (s)':>10}")
    try:
        for run in range(1, args.runs + 1):
            for name, command in (("smsauth", plan), ("boto3", boto)):
                log = args.work / f"{name}-{run}.log"
                before = len(calls(args.url, key))
                status, wall, _ = timed(command, env, log)
                if status != 0:
                    print(f"{name} exited {status}:\n" + log.read_text()[-3000:])
                    return 1
                records = calls(args.url, key)[before:]
                counts[name] = len(records)
                opened[name] = connections(records)
                times[name].append(wall)
            print(f"{run:<5} {times['smsauth'][-1]:>12.2f} {times['boto3'][-1]:>10.2f}")
    finally:
        set_latency(args.url, 0)
    smsauth, boto3_median = statistics.median(times["smsauth"]), statistics.median(times["boto3"])
    ratio = smsauth / boto3_median
    print(f"{'median':<5} {smsauth:>12.2f} {boto3_median:>10.2f}")
    print(f"calls: smsauth {counts['smsauth']} over {opened['smsauth']} connections, "
          f"boto3 {counts['boto3']} over {opened['boto3']} connections (last run)")
    print(f"\nratio smsauth / boto3 ({args.threads} threads): {ratio:.2f}")
    if floor > 0:
        print(f"quota floor at the default rate limits: {floor:.2f} s ({worst}); smsauth / floor: {smsauth / floor:.2f}")
    else:
        print("quota floor at the default rate limits: none (no category has more calls than its burst)")
    if args.stacks >= 250:
        print(f"target ({4 * args.stacks} resources): within {TARGET_QUOTA_FACTOR} x the quota floor: "
              f"{'met' if smsauth <= TARGET_QUOTA_FACTOR * floor else 'MISSED'}")
    if args.stacks == 50 and args.latency_ms == 50:
        print(f"targets (200 resources, 50 ms): <= {TARGET_SECONDS} s: {'met' if smsauth <= TARGET_SECONDS else 'MISSED'}; "
              f"<= {TARGET_RATIO} x boto3: {'met' if ratio <= TARGET_RATIO else 'MISSED'}")
    return 0


def arguments_accepted(binary: str, extra: list[str], env: dict[str, str], work: Path) -> bool:
    """Whether a dry run accepts the extra arguments, tried on an empty folder before anything is applied, so that a
    misspelt one fails in a second instead of after the apply; prints smsauth's answer when not."""
    empty = work / "arguments-check"
    empty.mkdir(parents=True, exist_ok=True)
    log = work / "arguments-check.log"
    status, _, _ = timed([binary, "reconcile", str(empty), "--dry-run", "--detailed-exitcode", *extra], env, log)
    if status != 0:
        print(f"the dry run's extra arguments {extra} were refused (exit {status}):\n" + log.read_text()[-3000:])
    return status == 0


def connections(records: list[dict]) -> int | str:
    """How many connections carried `records` (the emulator numbers each call's connection); "unknown" when a call
    has no number (an emulator older than the numbering)."""
    numbers = {record.get("connection") for record in records}
    return "unknown" if None in numbers else len(numbers)


def set_latency(url: str, milliseconds: int) -> None:
    """Sets the emulator's latency of every AWS call."""
    import urllib.request

    request = urllib.request.Request(f"{url}/_smsauth/config", method="POST",
                                     data=json.dumps({"latencyMs": milliseconds}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30):
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
