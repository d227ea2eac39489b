"""Generation of E.164 phone numbers for requested origination numbers.

The emulator only hands out numbers whose shape is valid for the country and number
type: US/CA toll-free numbers use the 8XX toll-free area codes, simulator numbers use the
fictional 555-01XX range, 10DLC exists only in the US.
"""

import random

from .exceptions import ServiceQuotaExceededException, ValidationException

TOLL_FREE_AREA_CODES = ("833", "844", "855", "866", "877", "888")
GEOGRAPHIC_AREA_CODES = ("206", "212", "312", "415", "512", "617", "702", "718")

# ISO country -> (calling code, digits of the national number) for long codes.
LONG_CODE_COUNTRIES: dict[str, tuple[str, int]] = {
    "US": ("1", 10),
    "CA": ("1", 10),
    "GB": ("44", 10),
    "AU": ("61", 9),
    "DE": ("49", 11),
    "FR": ("33", 9),
    "IN": ("91", 10),
}
TOLL_FREE_COUNTRIES = ("US", "CA")
TEN_DLC_COUNTRIES = ("US",)
SIMULATOR_COUNTRIES = ("US",)
MAX_ATTEMPTS = 1000

# Approximate monthly leasing prices in USD by number type (AWS pricing page, US).
MONTHLY_PRICE = {"TOLL_FREE": "2.00", "TEN_DLC": "2.00", "LONG_CODE": "1.00", "SIMULATOR": "0.00"}


def _digits(count: int, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def _nanp_subscriber(rng: random.Random) -> str:
    """Exchange (first digit 2-9) plus four line digits of a NANP number."""
    return str(rng.randrange(2, 10)) + _digits(2, rng) + _digits(4, rng)


def generate(country: str, number_type: str, taken: set[str], rng: random.Random) -> str:
    """A new E.164 number not in ``taken``; ValidationException if the type is not sold there."""
    available = {
        "TOLL_FREE": TOLL_FREE_COUNTRIES,
        "TEN_DLC": TEN_DLC_COUNTRIES,
        "SIMULATOR": SIMULATOR_COUNTRIES,
        "LONG_CODE": tuple(LONG_CODE_COUNTRIES),
    }.get(number_type, ())
    if country not in available:
        raise ValidationException(
            f"NumberType {number_type} is not available in {country}.",
            "INVALID_PARAMETER",
            [{"Name": "NumberType", "Message": f"not available for IsoCountryCode {country}"}],
        )
    for _ in range(MAX_ATTEMPTS):
        candidate = _candidate(country, number_type, rng)
        if candidate not in taken:
            return candidate
    raise ServiceQuotaExceededException(
        f"No more {number_type} numbers available in {country}.", "PHONE_NUMBERS_PER_ACCOUNT"
    )


def _candidate(country: str, number_type: str, rng: random.Random) -> str:
    if number_type == "TOLL_FREE":
        return "+1" + rng.choice(TOLL_FREE_AREA_CODES) + _nanp_subscriber(rng)
    if number_type == "SIMULATOR":
        return "+1206555" + "01" + _digits(2, rng)
    calling_code, length = LONG_CODE_COUNTRIES[country]
    if calling_code == "1":
        return "+1" + rng.choice(GEOGRAPHIC_AREA_CODES) + _nanp_subscriber(rng)
    return "+" + calling_code + str(rng.randrange(1, 10)) + _digits(length - 1, rng)
