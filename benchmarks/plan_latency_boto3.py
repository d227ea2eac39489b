#!/usr/bin/env python3
"""The reads of a no-op `smsauth reconcile --dry-run` over SMS sign-in stacks, made by boto3 with a thread pool: the
yardstick of benchmarks/plan_latency.sh.

    python3 benchmarks/plan_latency_boto3.py --targets TARGETS.json [--threads 8]

TARGETS.json (written by plan_latency.py after its apply): {"stacks": [{"region": R, "roleName": N, "poolId": ID,
"clientIds": [ID, …]}, …]}. Makes exactly the calls docs/api-calls.md documents for these kinds: GetCallerIdentity
once, then per stack GetRole → GetRolePolicy, DescribeUserPool, DescribeUserPoolClient of each client (by the id
smsauth's status records), and GetUserPoolMfaConfig, every chain a task of the pool. The endpoint and credentials come from the environment
(AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY). Prints the number of calls; standard library + boto3.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
from botocore.config import Config


class Reader:
    """One boto3 client per service and region (boto3 clients are thread-safe), and a call counter."""

    def __init__(self, threads: int) -> None:
        self._config = Config(max_pool_connections=threads, retries={"mode": "standard"})
        self._clients: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()
        self.calls = 0

    def client(self, service: str, region: str):  # type: ignore[no-untyped-def]
        with self._lock:
            key = (service, region)
            if key not in self._clients:
                self._clients[key] = boto3.client(service, region_name=region, config=self._config)
            self.calls += 1
            return self._clients[key]

    def role(self, stack: dict) -> None:
        self.client("iam", "us-east-1").get_role(RoleName=stack["roleName"])
        self.client("iam", "us-east-1").get_role_policy(RoleName=stack["roleName"], PolicyName="smsauth-sns-publish")

    def pool(self, stack: dict) -> None:
        self.client("cognito-idp", stack["region"]).describe_user_pool(UserPoolId=stack["poolId"])

    def clients(self, stack: dict) -> None:
        for client_id in stack["clientIds"]:
            self.client("cognito-idp", stack["region"]).describe_user_pool_client(
                UserPoolId=stack["poolId"], ClientId=client_id)

    def mfa(self, stack: dict) -> None:
        self.client("cognito-idp", stack["region"]).get_user_pool_mfa_config(UserPoolId=stack["poolId"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--targets", required=True, type=Path, help="TARGETS.json written by plan_latency.py")
    parser.add_argument("--threads", type=int, default=8, help="threads making the calls (default 8)")
    args = parser.parse_args(argv)
    stacks = json.loads(args.targets.read_text())["stacks"]
    reader = Reader(args.threads)
    reader.client("sts", "us-east-1").get_caller_identity()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        futures = [pool.submit(task, stack) for stack in stacks
                   for task in (reader.role, reader.pool, reader.clients, reader.mfa)]
        for future in futures:
            future.result()
    print(f"{reader.calls} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
