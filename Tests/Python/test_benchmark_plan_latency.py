"""benchmarks/plan_latency.py and plan_latency.sh refuse sizes they cannot measure before doing any work, and judge
the CPU target only at the size it is set for."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import plan_latency  # noqa: E402


@pytest.mark.parametrize("flag", ["--stacks", "--runs", "--threads"])
def test_the_driver_refuses_a_size_below_one(flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The URL is never contacted: the arguments are refused first.
    with pytest.raises(SystemExit) as exit_info:
        plan_latency.main(["--url", "http://127.0.0.1:9", "--bin", "smsauth", "--work", str(tmp_path), flag, "0"])
    assert exit_info.value.code == 2
    assert f"{flag} must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("arguments, message", [
    (["--runs", "0"], "--runs takes a positive integer"),
    (["--stacks", "00"], "--stacks takes a positive integer"),
    (["--threads", "-1"], "--threads takes a positive integer"),
    (["--latency-ms", "x"], "--latency-ms takes a non-negative integer"),
    (["--bin"], "--bin needs a path"),
])
def test_the_wrapper_refuses_bad_arguments_before_building(arguments: list[str], message: str) -> None:
    result = subprocess.run(["bash", str(ROOT / "benchmarks" / "plan_latency.sh"), *arguments],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_cpu_target_is_judged_at_fifty_stacks_only() -> None:
    assert plan_latency.cpu_verdict(0.25, 50) == "target <= 0.3 ms: met"
    assert plan_latency.cpu_verdict(0.45, 50) == "target <= 0.3 ms: MISSED"
    assert plan_latency.cpu_verdict(3.9, 5) == "the 0.3 ms target is judged at 50 stacks"
