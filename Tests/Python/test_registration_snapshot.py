"""The Swift snapshot of registration field definitions that `smsauth validate` checks offline
(Sources/Manifests/Registration/RegistrationSnapshot.swift) is the emulator's definitions, generated: they cannot
drift apart."""
from __future__ import annotations

import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "emulator"))

import registration_snapshot  # noqa: E402
from smsvoice.registration_definitions import FIELDS  # noqa: E402


def committed() -> str:
    return (ROOT / registration_snapshot.SWIFT_PATH).read_text()


def test_swift_snapshot_is_the_generated_one() -> None:
    assert committed() == registration_snapshot.swift(), (
        "regenerate: .venv/bin/python scripts/emulator/registration_snapshot.py > "
        + registration_snapshot.SWIFT_PATH)


def test_swift_snapshot_holds_every_field_of_every_type() -> None:
    text = committed()
    for registration_type, fields in FIELDS.items():
        assert f'"{registration_type}": [' in text
        for entry in fields:
            kind = entry["FieldType"].lower()
            requirement = entry["FieldRequirement"].lower()
            assert re.search(rf'\.{kind}\("{re.escape(entry["FieldPath"])}", \.{requirement}\b', text), entry
    assert text.count('.text("') + text.count('.select("') + text.count('.attachment("') == sum(
        len(fields) for fields in FIELDS.values())


def test_snapshot_date_is_shown() -> None:
    assert f'snapshotDate = "{registration_snapshot.SNAPSHOT_DATE}"' in committed()
