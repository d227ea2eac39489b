"""The regions without AWS End User Messaging SMS in Sources/Manifests/Validation/EndUserMessagingRegionRules.swift
(the `eum-region-unsupported` validation error) are those botocore's endpoint data gives: every region a partition
of `data/endpoints.json` lists, less those its `sms-voice` service lists, for the botocore pinned in
scripts/emulator/requirements.txt (the version the Swift comment names).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import botocore

ROOT = Path(__file__).resolve().parents[2]
SWIFT = ROOT / "Sources" / "Manifests" / "Validation" / "EndUserMessagingRegionRules.swift"


def botocore_unsupported() -> set[str]:
    """Partition regions botocore lists without an `sms-voice` endpoint."""
    data = json.loads((Path(botocore.__file__).parent / "data" / "endpoints.json").read_text())
    missing: set[str] = set()
    for partition in data["partitions"]:
        offered = partition["services"].get("sms-voice", {}).get("endpoints", {})
        missing |= {region for region in partition["regions"] if region not in offered}
    return missing


def swift_unsupported() -> set[str]:
    """The regions of `unsupportedRegions` in the Swift source."""
    source = SWIFT.read_text()
    body = re.search(r"static let unsupportedRegions: Set<String> = \[(.*?)\n    \]", source, re.S)
    assert body, "unsupportedRegions not found"
    return set(re.findall(r'"([a-z0-9-]+)"', body.group(1)))


def test_the_swift_list_is_botocores() -> None:
    assert swift_unsupported() == botocore_unsupported()


def test_the_swift_comment_names_the_pinned_botocore() -> None:
    pins = (ROOT / "scripts" / "emulator" / "requirements.txt").read_text()
    assert f"botocore=={botocore.__version__}" in pins, "run with the emulator's Python (scripts/lib.sh)"
    assert f"botocore {botocore.__version__}" in SWIFT.read_text()
