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


# Model validation (ext/model_validation.py, README "Model validation"): one accepted and one refused request per
# check, with client-side validation off so the requests reach the emulator as a hand-written client sends them.

@pytest.fixture()
def raw_s3(fresh: Emulator, s3: Any) -> Any:
    """A path-style S3 client without client-side parameter validation (the bucket exists)."""
    return fresh.client("s3", None, s3={"addressing_style": "path"}, parameter_validation=False)


def argument_error(call: Any) -> tuple[str, int, str, str]:
    """(code, status, ArgumentName, ArgumentValue) of a refused call."""
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    error = response["Error"]
    return (error["Code"], response["ResponseMetadata"]["HTTPStatusCode"], error.get("ArgumentName", ""),
            error.get("ArgumentValue", ""))


def with_query(client: Any, operation: str, extra: str) -> None:
    """Appends `extra` to the query string of every `operation` request, before it is signed."""
    def append(request: Any, **_: Any) -> None:
        request.url += ("&" if "?" in request.url else "?") + extra

    client.meta.events.register(f"before-sign.s3.{operation}", append)


def test_max_keys_integer(raw_s3: Any) -> None:
    assert raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys=1)["MaxKeys"] == 1
    assert argument_error(lambda: raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys="ten")) == (
        "InvalidArgument", 400, "max-keys", "ten")


def test_max_keys_range(raw_s3: Any) -> None:
    assert raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys=0)["KeyCount"] == 0
    assert argument_error(lambda: raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys=-1)) == (
        "InvalidArgument", 400, "maxKeys", "-1")
    assert argument_error(lambda: raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys=2**31)) == (
        "InvalidArgument", 400, "maxKeys", str(2**31))


def test_boolean_member(fresh: Emulator, raw_s3: Any) -> None:
    assert raw_s3.list_objects_v2(Bucket=BUCKET, FetchOwner=True)["KeyCount"] == 0
    bad = fresh.client("s3", None, s3={"addressing_style": "path"}, parameter_validation=False)
    with_query(bad, "ListObjectsV2", "fetch-owner=maybe")
    assert argument_error(lambda: bad.list_objects_v2(Bucket=BUCKET)) == ("InvalidArgument", 400, "fetch-owner",
                                                                          "maybe")


def test_enum_members(raw_s3: Any) -> None:
    raw_s3.put_object(Bucket=BUCKET, Key="a.json", Body=b"1", StorageClass="STANDARD", ACL="private")
    assert raw_s3.list_objects_v2(Bucket=BUCKET, EncodingType="url")["KeyCount"] == 1
    assert error_of(lambda: raw_s3.put_object(Bucket=BUCKET, Key="b.json", Body=b"1", StorageClass="COLD")) == (
        "InvalidStorageClass", 400)
    assert argument_error(lambda: raw_s3.put_object(Bucket=BUCKET, Key="b.json", Body=b"1", ACL="nobody")) == (
        "InvalidArgument", 400, "x-amz-acl", "nobody")
    assert argument_error(lambda: raw_s3.list_objects_v2(Bucket=BUCKET, EncodingType="zip")) == (
        "InvalidArgument", 400, "encoding-type", "zip")
    assert error_of(lambda: raw_s3.head_object(Bucket=BUCKET, Key="b.json"))[1] == 404  # nothing was written


def test_bucket_name(raw_s3: Any) -> None:
    assert error_of(lambda: raw_s3.get_object(Bucket="smsauth-no-such-bucket", Key="k")) == ("NoSuchBucket", 404)
    for name in ("ab", "Smsauth_State", "smsauth..state", "192.168.1.1", "-smsauth"):
        assert error_of(lambda: raw_s3.get_object(Bucket=name, Key="k")) == ("InvalidBucketName", 400), name
    assert error_of(lambda: raw_s3.head_object(Bucket="ab", Key="k"))[1] == 400  # HEAD: status only, no body


def test_key_length(raw_s3: Any) -> None:
    longest = "k" * 1020 + "é" * 2  # 1024 bytes
    raw_s3.put_object(Bucket=BUCKET, Key=longest, Body=b"x")
    assert raw_s3.get_object(Bucket=BUCKET, Key=longest)["Body"].read() == b"x"
    too_long = "k" * 1021 + "é" * 2  # 1025 bytes
    for call in (lambda: raw_s3.put_object(Bucket=BUCKET, Key=too_long, Body=b"x"),
                 lambda: raw_s3.get_object(Bucket=BUCKET, Key=too_long),
                 lambda: raw_s3.delete_object(Bucket=BUCKET, Key=too_long)):
        assert error_of(call) == ("KeyTooLongError", 400)


def test_signature_is_checked_before_the_model(fresh: Emulator, s3: Any) -> None:
    keys = fresh.credentials()
    bad = fresh.client("s3", {"accessKeyId": keys["accessKeyId"], "secretAccessKey": "x" * 40},
                       s3={"addressing_style": "path"}, parameter_validation=False)
    assert error_of(lambda: bad.list_objects_v2(Bucket=BUCKET, MaxKeys=-1)) == ("SignatureDoesNotMatch", 403)


def test_refusals_are_logged(fresh: Emulator, raw_s3: Any) -> None:
    fresh.control("DELETE", "calls")
    error_of(lambda: raw_s3.list_objects_v2(Bucket=BUCKET, MaxKeys=-1))
    calls = fresh.control("GET", "calls")
    assert [(call["operation"], call["status"]) for call in calls] == [("ListObjectsV2", 400)]
