"""register() / configure() / reset() and ClientToken lifetime."""

from typing import Any

import moto.backend_index as backend_index
import pytest
from smsvoice_support import client, clock, request_number, smsvoice  # noqa: F401


def test_register_is_idempotent() -> None:
    smsvoice.register()
    smsvoice.register()
    names = [name for name, _ in backend_index.backend_url_patterns]
    assert names.count("smsvoice") == 1
    import moto.backends

    assert moto.backends.get_backend("smsvoice") is smsvoice.smsvoice_backends


def test_reset_clears_everything(client: Any) -> None:
    request_number(client, ClientToken="t")
    client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    smsvoice.reset()
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
    assert client.describe_sender_ids()["SenderIds"] == []
    request_number(client, ClientToken="t", MessageType="PROMOTIONAL")
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_token_of_a_released_number_answers_it_deleted_until_the_token_expires(client: Any) -> None:
    first = request_number(client, ClientToken="t")
    client.release_phone_number(PhoneNumberId=first["PhoneNumberId"])
    retried = request_number(client, ClientToken="t")
    assert (retried["PhoneNumberId"], retried["Status"]) == (first["PhoneNumberId"], "DELETED")
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
    clock.advance(24 * 3600)
    later = request_number(client, ClientToken="t")
    assert later["PhoneNumberId"] != first["PhoneNumberId"] and later["Status"] == "ACTIVE"


def test_configure_refuses_negative_delay() -> None:
    with pytest.raises(ValueError):
        smsvoice.configure(-1)
