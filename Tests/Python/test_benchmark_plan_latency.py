"""benchmarks/plan_latency.py and plan_latency.sh refuse sizes they cannot measure before doing any work, and extra
dry-run arguments smsauth refuses before the apply; the CPU target is judged only at the size it is set for."""
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


def _recording_smsauth(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for smsauth that records each command line and, like smsauth, exits 64 on an unknown option
    (`--bogus`); any other command exits 1, so that the driver stops at its apply."""
    record = tmp_path / "commands.txt"
    binary = tmp_path / "smsauth"
    binary.write_text("#!/bin/sh\n"
                      f"echo \"$*\" >> '{record}'\n"
                      "for argument in \"$@\"; do [ \"$argument\" = --bogus ] && exit 64; done\n"
                      "case \"$*\" in *--dry-run*) exit 0 ;; esac\n"
                      "exit 1\n")
    binary.chmod(0o755)
    return binary, record


def _run_driver(emulator, tmp_path: Path, extra: str) -> tuple[int, list[str], Path]:
    """plan_latency.main with the stand-in smsauth and the dry-run argument `extra`: its exit status, the command
    lines the stand-in saw, and the work folder."""
    binary, record = _recording_smsauth(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    status = plan_latency.main(["--url", emulator.url, "--bin", str(binary), "--work", str(work),
                                "--stacks", "1", f"--smsauth-arg={extra}"])
    return status, record.read_text().splitlines(), work


def test_a_refused_extra_argument_stops_the_driver_before_the_apply(emulator, tmp_path: Path) -> None:
    status, commands, work = _run_driver(emulator, tmp_path, "--bogus")
    assert status == 2
    assert len(commands) == 1
    assert "--dry-run" in commands[0] and "--bogus" in commands[0] and "arguments-check" in commands[0]
    assert not (work / "manifests").exists()


def test_accepted_extra_arguments_go_on_to_the_apply(emulator, tmp_path: Path) -> None:
    status, commands, _ = _run_driver(emulator, tmp_path, "--concurrency=16")
    assert status == 1  # the stand-in fails the apply
    assert len(commands) == 2
    assert "arguments-check" in commands[0] and "--concurrency=16" in commands[0]
    assert "--concurrency 8" in commands[1] and "--dry-run" not in commands[1]
