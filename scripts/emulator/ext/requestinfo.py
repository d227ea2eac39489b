"""What an AWS request is: service (credential scope), operation, access key id; read from a WSGI environ."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

# The WSGI environ key under which the keep-alive handler (keepalive.py) puts the number of the request's connection.
CONNECTION_KEY = "smsauth.connection"

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request")


@dataclass(frozen=True)
class RequestInfo:
    """The parts of an AWS request the call log and fault rules look at."""

    service: str
    operation: str
    access_key_id: str
    region: str
    is_json: bool
    # The connection that carried the request (numbered by the keep-alive handler as it starts serving it), if known.
    connection: int | None = None


def buffer_body(environ: dict[str, Any]) -> bytes:
    """Reads the request body once and puts a fresh stream back so moto can read it again."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > 0:
        body = environ["wsgi.input"].read(length)
    elif environ.get("wsgi.input_terminated"):
        body = environ["wsgi.input"].read()
    else:
        body = b""
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    return body


def describe(environ: dict[str, Any], body: bytes) -> RequestInfo | None:
    """Returns the request's identity, or None when it is not a SigV4-signed AWS request."""
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    match = _CREDENTIAL.search(authorization)
    if match is None:
        query = parse_qs(environ.get("QUERY_STRING", ""))
        credential = query.get("X-Amz-Credential", [""])[0]
        match = _CREDENTIAL.search("Credential=" + credential)
    if match is None:
        return None
    access_key_id, region, service = match.group(1), match.group(2), match.group(3)
    connection = environ.get(CONNECTION_KEY)
    if service == "s3":
        from .s3 import operation

        return RequestInfo(service, operation(environ), access_key_id, region, False, connection)
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    if target:
        return RequestInfo(service, target.rsplit(".", 1)[-1], access_key_id, region, True, connection)
    return RequestInfo(service, _form_action(environ, body), access_key_id, region, False, connection)


def _form_action(environ: dict[str, Any], body: bytes) -> str:
    """The `Action` of a query-protocol request, from the form body or the query string."""
    for source in (body.decode("utf-8", "replace"), environ.get("QUERY_STRING", "")):
        action = parse_qs(source).get("Action")
        if action:
            return action[0]
    return ""
