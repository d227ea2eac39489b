#!/usr/bin/env python3
"""The measuring half of controller_idle.sh: starts the controller on generated manifests, waits for its first full
sync (its time, its AWS calls from the emulator's call log, and the least time those calls need at the default rate
limits: `aws_quotas.quota_floor`), then measures idle CPU (utime + stime from /proc over the window), RSS (VmRSS,
VmHWM), and the time from a manifest write to the first AWS write the emulator sees (its call log, cleared first,
polled every 5 ms), as the median of several changes (each to another app client, one second apart; every sample is
printed).

Standard library only. Prints a table and `TARGET MISSED` when a figure misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from aws_quotas import quota_floor  # noqa: E402

WRITE_PREFIXES = ("Create", "Update", "Delete", "Set", "Tag", "Untag", "Put")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def control(emulator: str, method: str, path: str) -> object:
    """One request to the emulator's control API."""
    request = urllib.request.Request(f"{emulator}/_smsauth/{path}", method=method)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"null")


def pool(name: str, region: str) -> str:
    """A UserPool manifest."""
    return (f"apiVersion: smsauth/v1\nkind: UserPool\nmetadata: {{name: {name}}}\nspec:\n  region: {region}\n"
            f"  poolName: {name}\n  usernameAttributes: [email]\n  autoVerifiedAttributes: [email]\n"
            "  deletionProtection: false\n")


def client(name: str, pool_name: str, client_name: str) -> str:
    """An AppClient manifest."""
    return (f"apiVersion: smsauth/v1\nkind: AppClient\nmetadata: {{name: {name}}}\nspec:\n  userPool: {pool_name}\n"
            f"  clientName: {client_name}\n  generateSecret: false\n")


def cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory_kb(pid: int, key: str) -> int:
    """A `Vm…` line of /proc/<pid>/status in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def writes(emulator: str, key: str) -> int:
    """AWS write calls made with access key `key` so far."""
    calls = control(emulator, "GET", f"calls?accessKeyId={key}")
    return sum(1 for call in calls if call["operation"].startswith(WRITE_PREFIXES))


def change_latency_ms(emulator: str, key: str, manifests: Path, index: int, sample: int) -> float | None:
    """Renames app client `index` in its manifest and returns the time until the emulator records the first AWS
    write (None after 30 s). The call log is cleared first, so each 5 ms poll returns only the new calls: a poll
    of the whole log would keep the single-threaded emulator busy and slow down the very calls being timed."""
    control(emulator, "DELETE", "calls")
    written = time.monotonic()
    (manifests / f"client{index}.yaml").write_text(client(f"c{index}", f"p{index}", f"client-{index}-r{sample}"))
    latency = None
    while time.monotonic() - written < 30:
        if writes(emulator, key) > 0:
            latency = 1000 * (time.monotonic() - written)
            break
        time.sleep(0.005)
    time.sleep(1)
    return latency


def wait_for_log(log: Path, message: str, timeout: float) -> bool:
    """Whether a JSON log line with `message` appears within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text().splitlines():
            if f'"message":"{message}"' in line:
                return True
        time.sleep(0.2)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--pools", type=int, default=100)
    parser.add_argument("--idle", type=float, default=60)
    parser.add_argument("--debounce-ms", type=int, default=500)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--pid-file", required=True)
    args = parser.parse_args()

    work = Path(args.work)
    manifests = work / "manifests"
    manifests.mkdir(parents=True)
    region = "ca-central-1"
    for index in range(args.pools):
        (manifests / f"pool{index}.yaml").write_text(pool(f"p{index}", region))
        (manifests / f"client{index}.yaml").write_text(client(f"c{index}", f"p{index}", f"client-{index}"))
    principal = control(args.emulator, "POST", "principals")
    env = dict(os.environ, AWS_ENDPOINT_URL=args.emulator, AWS_ACCESS_KEY_ID=principal["accessKeyId"],
               AWS_SECRET_ACCESS_KEY=principal["secretAccessKey"], AWS_REGION=region, AWS_EC2_METADATA_DISABLED="true")
    log = work / "controller.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [args.bin, "controller", str(manifests), "--status-dir", str(work / "status"), "--listen", "127.0.0.1:0",
             "--debounce", f"{args.debounce_ms}ms", "--log-format", "json"], env=env, stderr=sink,
            stdout=subprocess.DEVNULL)
    Path(args.pid_file).write_text(str(process.pid))
    started = time.monotonic()
    if not wait_for_log(log, "full sync done", timeout=600):
        print("controller did not finish its initial sync; last log lines:", file=sys.stderr)
        print("\n".join(log.read_text().splitlines()[-20:]), file=sys.stderr)
        process.kill()
        return 1
    sync_seconds = time.monotonic() - started
    sync_calls = control(args.emulator, "GET", f"calls?accessKeyId={principal['accessKeyId']}")
    floor, worst = quota_floor(sync_calls)
    time.sleep(2)

    cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
    time.sleep(args.idle)
    cpu_used, wall = cpu_seconds(process.pid) - cpu_before, time.monotonic() - wall_before
    idle_percent = 100 * cpu_used / wall
    rss_mb, peak_mb = memory_kb(process.pid, "VmRSS") / 1024, memory_kb(process.pid, "VmHWM") / 1024

    latencies = [change_latency_ms(args.emulator, principal["accessKeyId"], manifests, sample % args.pools, sample)
                 for sample in range(args.samples)]
    measured = sorted(latency for latency in latencies if latency is not None)
    latency_ms = measured[len(measured) // 2] if len(measured) == len(latencies) else None
    process.terminate()
    exit_status = process.wait(timeout=60)

    rows = [
        ("resources", f"{2 * args.pools}", "", ""),
        ("initial sync", f"{sync_seconds:.1f} s", "", ""),
        ("  its AWS calls", f"{len(sync_calls)}", "", ""),
        ("  quota floor of those calls", f"{floor:.1f} s", "", ""),
        ("  set by", worst or "none", "", ""),
        (f"idle CPU over {wall:.0f} s", f"{idle_percent:.3f} % of one core", "< 0.5 %", idle_percent < 0.5),
        ("RSS after idle", f"{rss_mb:.1f} MB", "< 50 MB", rss_mb < 50),
        ("peak RSS (VmHWM)", f"{peak_mb:.1f} MB", "", ""),
        (f"change -> first write (median of {len(latencies)})", "none" if latency_ms is None else f"{latency_ms:.0f} ms",
         f"< {args.debounce_ms + 100} ms", latency_ms is not None and latency_ms < args.debounce_ms + 100),
        ("  every sample", " ".join("none" if value is None else f"{value:.0f}" for value in latencies) + " ms", "", ""),
        ("exit status after SIGTERM", f"{exit_status}", "0", exit_status == 0),
    ]
    missed = False
    for name, value, target, met in rows:
        verdict = "" if met == "" else ("ok" if met else "MISSED")
        missed = missed or verdict == "MISSED"
        print(f"{name:<28} {value:>24}  {target:<10} {verdict}")
    print("TARGET MISSED" if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
