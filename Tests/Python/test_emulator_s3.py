"""S3 in the emulator: conditional writes (412 PreconditionFailed, 409 ConditionalRequestConflict), signatures over
keys and prefixes that need URI encoding, and S3's own error shape."""
from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from conftest import Emulator

BUCKET = "smsauth-emulator-s3"


def s3_client(emulator: Emulator, **credentials: Any) -> Any:
    """A path-style S3 client (the emulator is one endpoint URL, as with AWS_ENDPOINT_URL)."""
    return emulator.client("s3", credentials or None, s3={"addressing_style": "path"})


@pytest.fixture()
def s3(fresh: Emulator) -> Any:
    client = s3_client(fresh)
    client.create_bucket(Bucket=BUCKET)
    return client


def error_of(call: Any) -> tuple[str, int]:
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


def test_if_none_match_creates_once(s3: Any) -> None:
    first = s3.put_object(Bucket=BUCKET, Key="state/lock.json", Body=b"a", IfNoneMatch="*")
    assert error_of(lambda: s3.put_object(Bucket=BUCKET, Key="state/lock.json", Body=b"b", IfNoneMatch="*")) == (
        "PreconditionFailed", 412)
    assert s3.get_object(Bucket=BUCKET, Key="state/lock.json")["ETag"] == first["ETag"]


def test_if_match_put_and_delete(s3: Any) -> None:
    etag = s3.put_object(Bucket=BUCKET, Key="k.json", Body=b"1")["ETag"]
    assert error_of(lambda: s3.put_object(Bucket=BUCKET, Key="k.json", Body=b"2", IfMatch='"0000"')) == (
        "PreconditionFailed", 412)
    second = s3.put_object(Bucket=BUCKET, Key="k.json", Body=b"2", IfMatch=etag)["ETag"]
    assert second != etag
    assert error_of(lambda: s3.delete_object(Bucket=BUCKET, Key="k.json", IfMatch=etag)) == ("PreconditionFailed", 412)
    s3.delete_object(Bucket=BUCKET, Key="k.json", IfMatch=second)
    assert error_of(lambda: s3.head_object(Bucket=BUCKET, Key="k.json"))[1] == 404


def test_if_match_on_a_missing_key_is_no_such_key(s3: Any) -> None:
    # AWS: a conditional write with If-Match to a key that has no object fails with 404 NoSuchKey.
    assert error_of(lambda: s3.put_object(Bucket=BUCKET, Key="gone.json", Body=b"1", IfMatch='"0000"')) == (
        "NoSuchKey", 404)


def test_overlapping_conditional_writes_conflict(fresh: Emulator, s3: Any) -> None:
    """A conditional write held up (injected latency) while a second one to the same key arrives: the second gets
    409 ConditionalRequestConflict, the first completes."""
    fresh.control("POST", "faults", {"rules": [
        {"service": "s3", "operation": "PutObject", "kind": "latency", "latencyMs": 1500, "count": 1}]})
    outcome: dict[str, Any] = {}

    def slow() -> None:
        outcome["first"] = s3.put_object(Bucket=BUCKET, Key="lease.json", Body=b"slow", IfNoneMatch="*")

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    try:
        assert error_of(lambda: s3.put_object(Bucket=BUCKET, Key="lease.json", Body=b"fast", IfNoneMatch="*")) == (
            "ConditionalRequestConflict", 409)
    finally:
        thread.join()
        fresh.control("DELETE", "faults")
    assert "ETag" in outcome["first"]
    assert s3.get_object(Bucket=BUCKET, Key="lease.json")["Body"].read() == b"slow"


def test_keys_and_prefixes_needing_encoding_are_signed_as_sent(s3: Any) -> None:
    s3.put_object(Bucket=BUCKET, Key="team a/b+c=d.json", Body=b"x")
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix="team a/")
    assert [item["Key"] for item in listed["Contents"]] == ["team a/b+c=d.json"]
    assert s3.get_object(Bucket=BUCKET, Key="team a/b+c=d.json")["Body"].read() == b"x"


def test_wrong_secret_is_refused_in_s3_shape(fresh: Emulator, s3: Any) -> None:
    keys = fresh.credentials()
    bad = s3_client(fresh, accessKeyId=keys["accessKeyId"], secretAccessKey="x" * 40)
    assert error_of(lambda: bad.get_object(Bucket=BUCKET, Key="absent")) == ("SignatureDoesNotMatch", 403)


def test_missing_bucket_and_call_log(fresh: Emulator, s3: Any) -> None:
    fresh.control("DELETE", "calls")
    assert error_of(lambda: s3.get_object(Bucket="smsauth-no-such-bucket", Key="k")) == ("NoSuchBucket", 404)
    calls = fresh.control("GET", "calls")
    operations = [(call["service"], call["operation"], call["status"]) for call in calls]
    assert operations == [("s3", "GetObject", 404)]
