"""S3 as AWS serves it, where moto's S3 differs: signatures checked against the request as sent, operation names for
the call log and fault rules, and 409 ConditionalRequestConflict for overlapping conditional writes to one key.

- moto checks an S3 signature against werkzeug's re-quoted URL (`%2B` in a key becomes `+`, `prefix=p%2F` becomes
  `prefix=p/`), so a correctly signed request for such a key or prefix was refused with SignatureDoesNotMatch. AWS
  checks the canonical request built from the URI as sent; the patch hands moto the raw request URI.
- AWS: "If a conflicting operation occurs during the upload, S3 returns a 409 ConditionalRequestConflict response"
  (PutObject `If-Match`/`If-None-Match`, DeleteObject `If-Match`). The middleware runs moto one request at a time,
  so conditional writes are already atomic; a conditional write to a key while another conditional write to the same
  key is in progress (e.g. held up by injected latency) answers 409 here, as on AWS.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, unquote
from xml.sax.saxutils import escape

from .errors import ErrorResponse


def install() -> None:
    """Makes moto check S3 signatures against the raw request URI (idempotent)."""
    from moto.s3.responses import S3Response

    original = S3Response._authenticate_and_authorize_s3_action
    if getattr(original, "_smsauth_raw_uri", False):
        return

    def authenticate(self: Any, bucket_name: str | None = None, key_name: str | None = None) -> None:
        environ = getattr(getattr(self, "request", None), "environ", None) or {}
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
        if not raw:
            return original(self, bucket_name=bucket_name, key_name=key_name)
        saved = self.uri
        self.uri = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', 'localhost')}{raw}"
        try:
            return original(self, bucket_name=bucket_name, key_name=key_name)
        finally:
            self.uri = saved

    authenticate._smsauth_raw_uri = True  # type: ignore[attr-defined]
    S3Response._authenticate_and_authorize_s3_action = authenticate


def operation(environ: dict[str, Any]) -> str:
    """The S3 operation of a path-style request (`/bucket` or `/bucket/key`), from its method, path and query."""
    method = environ.get("REQUEST_METHOD", "GET")
    path = environ.get("PATH_INFO", "/").lstrip("/")
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    bucket, _, key = path.partition("/")
    if not bucket:
        return "ListBuckets"
    if not key:
        if method == "GET":
            return "ListObjectsV2" if query.get("list-type") == ["2"] else "ListObjects"
        return {"PUT": "CreateBucket", "DELETE": "DeleteBucket", "HEAD": "HeadBucket"}.get(method, method)
    return {
        "GET": "GetObject",
        "PUT": "PutObject",
        "DELETE": "DeleteObject",
        "HEAD": "HeadObject",
    }.get(method, method)


def conditional_write_key(environ: dict[str, Any]) -> str | None:
    """`bucket/key` of a conditional PutObject or DeleteObject, None for any other request."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method not in ("PUT", "DELETE"):
        return None
    if not (environ.get("HTTP_IF_MATCH") or environ.get("HTTP_IF_NONE_MATCH")):
        return None
    bucket, _, key = environ.get("PATH_INFO", "/").lstrip("/").partition("/")
    return f"{bucket}/{unquote(key)}" if bucket and key else None


class ConditionalWrites:
    """The keys with a conditional write in progress."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: set[str] = set()

    @contextmanager
    def claim(self, key: str) -> Iterator[bool]:
        """Yields True while this request holds `key`, False when another conditional write holds it."""
        with self._lock:
            held = key in self._keys
            if not held:
                self._keys.add(key)
        try:
            yield not held
        finally:
            if not held:
                with self._lock:
                    self._keys.discard(key)


CONDITIONAL_WRITES = ConditionalWrites()


def render_error(code: str, status: int, message: str, **details: str) -> ErrorResponse:
    """S3's REST-XML error body (`<Error><Code/><Message/>…<RequestId/></Error>`), as AWS sends it; `details` are
    the code's extra elements (e.g. `ArgumentName`, `ArgumentValue` of InvalidArgument), in the order given."""
    request_id = uuid.uuid4().hex[:16].upper()
    extra = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in details.items())
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message>{extra}"
        f"<RequestId>{request_id}</RequestId></Error>"
    ).encode()
    headers = [("Content-Type", "application/xml"), ("x-amz-request-id", request_id), ("Content-Length", str(len(body)))]
    return ErrorResponse(status, headers, body)


def conflict() -> ErrorResponse:
    """AWS's 409 for a conditional write that overlaps another one on the same key."""
    return render_error(
        "ConditionalRequestConflict",
        409,
        "A conflicting operation occurred. If using PutObject you can retry the request. "
        "If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part.",
    )
