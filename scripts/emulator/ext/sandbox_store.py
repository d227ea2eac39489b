"""State of the SNS SMS sandbox: destination numbers per account and region, their OTPs and timestamps.

Rules (Amazon SNS Developer Guide, "SMS sandbox" and the sns service model): at most 10 numbers per account and
region; a random OTP is "texted" on every create; a number can be deleted only 24 hours after its verification or
its last verification attempt; at most 5 OTP resends in 24 hours. Times come from the movable emulator clock.
"""
from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from . import state

MAX_NUMBERS = 10
MAX_SENDS_PER_DAY = 6
DAY_SECONDS = 24 * 3600.0
E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
LANGUAGES = frozenset(
    ["en-US", "en-GB", "es-419", "es-ES", "de-DE", "fr-CA", "fr-FR", "it-IT", "ja-JP", "pt-BR", "kr-KR", "zh-CN", "zh-TW"]
)


class SandboxError(Exception):
    """A sandbox rule was broken; `code` is the SNS error code (a shape of the sns model)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class SandboxNumber:
    """One destination number."""

    phone_number: str
    language_code: str
    otp: str
    status: str = "Pending"
    sends: list[float] = field(default_factory=list)
    last_attempt_at: float = 0.0
    verified_at: float | None = None


def new_otp() -> str:
    """A random 6-digit one-time password."""
    return f"{secrets.randbelow(1_000_000):06d}"


class SandboxStore:
    """Numbers keyed by (account, region), in creation order."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], OrderedDict[str, SandboxNumber]] = {}
        self._lock = threading.Lock()

    def create(self, account: str, region: str, phone: str, language: str | None) -> None:
        """Adds a number (or re-sends a new OTP to a pending one)."""
        _check_phone(phone)
        language = language or "en-US"
        if language not in LANGUAGES:
            raise SandboxError("InvalidParameter", f"Invalid parameter: LanguageCode Reason: {language} is not supported")
        now = state.CLOCK.now()
        with self._lock:
            numbers = self._numbers.setdefault((account, region), OrderedDict())
            existing = numbers.get(phone)
            if existing is not None and existing.status == "Verified":
                return
            if existing is None and len(numbers) >= MAX_NUMBERS:
                raise SandboxError(
                    "UserError",
                    f"You have reached the maximum number of {MAX_NUMBERS} destination phone numbers in the SMS sandbox.",
                )
            entry = existing or SandboxNumber(phone, language, new_otp())
            entry.sends = [t for t in entry.sends if now - t < DAY_SECONDS]
            if len(entry.sends) >= MAX_SENDS_PER_DAY:
                raise SandboxError("UserError", "You can resend the one-time password at most 5 times in 24 hours.")
            entry.otp = new_otp()
            entry.language_code = language
            entry.sends.append(now)
            entry.last_attempt_at = now
            numbers[phone] = entry

    def verify(self, account: str, region: str, phone: str, otp: str) -> None:
        """Marks the number Verified when `otp` is the last one sent."""
        _check_phone(phone)
        now = state.CLOCK.now()
        with self._lock:
            entry = self._get(account, region, phone)
            if entry.status == "Verified":
                return
            entry.last_attempt_at = now
            if not secrets.compare_digest(entry.otp, otp or ""):
                raise SandboxError("VerificationException", "Invalid one-time password.")
            entry.status = "Verified"
            entry.verified_at = now

    def delete(self, account: str, region: str, phone: str) -> None:
        """Removes the number once 24 h have passed since its verification or last attempt."""
        _check_phone(phone)
        now = state.CLOCK.now()
        with self._lock:
            entry = self._get(account, region, phone)
            since = max(entry.last_attempt_at, entry.verified_at or 0.0)
            if now - since < DAY_SECONDS:
                raise SandboxError(
                    "UserError",
                    "You can delete a destination phone number 24 hours after its verification "
                    "or its last verification attempt.",
                )
            del self._numbers[(account, region)][phone]

    def list(self, account: str, region: str) -> list[tuple[str, str]]:
        """(phone, status) pairs in creation order."""
        with self._lock:
            numbers = self._numbers.get((account, region), OrderedDict())
            return [(n.phone_number, n.status) for n in numbers.values()]

    def otp(self, account: str, region: str, phone: str) -> str | None:
        """The last OTP sent to the number, or None when the number is unknown."""
        with self._lock:
            entry = self._numbers.get((account, region), OrderedDict()).get(phone)
            return entry.otp if entry is not None else None

    def reset(self) -> None:
        """Forgets every number."""
        with self._lock:
            self._numbers.clear()

    def _get(self, account: str, region: str, phone: str) -> SandboxNumber:
        """The number or ResourceNotFound."""
        entry = self._numbers.get((account, region), OrderedDict()).get(phone)
        if entry is None:
            raise SandboxError("ResourceNotFound", "Phone number does not exist in the SMS sandbox.")
        return entry


def _check_phone(phone: str | None) -> None:
    """InvalidParameter unless `phone` is E.164."""
    if not phone or not E164.match(phone):
        raise SandboxError("InvalidParameter", "Invalid parameter: PhoneNumber Reason: not a valid E.164 phone number")


SANDBOX = SandboxStore()
