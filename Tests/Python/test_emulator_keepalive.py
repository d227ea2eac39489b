"""Persistent HTTP/1.1 connections (scripts/emulator/keepalive.py): kept open when the request allows it, closed
otherwise, and never a request swallowed or answered twice."""
from __future__ import annotations

import http.client
import socket
import uuid
from urllib.parse import urlsplit

from conftest import Emulator

# A query-protocol STS request with a body; the signature is wrong on purpose (the answer is an AWS error, which is
# enough to see the body was read and the connection's state).
STS_BODY = b"Action=GetCallerIdentity&Version=2011-06-15"
STS_HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/us-east-1/sts/aws4_request, "
                     "SignedHeaders=host, Signature=abc",
}


def _connection(emulator: Emulator) -> http.client.HTTPConnection:
    parts = urlsplit(emulator.url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)


def _raw_socket(emulator: Emulator) -> socket.socket:
    parts = urlsplit(emulator.url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while data := sock.recv(65536):
        chunks.append(data)
    return b"".join(chunks)


def test_one_connection_serves_many_requests(emulator: Emulator) -> None:
    connection = _connection(emulator)
    connection.request("GET", "/_smsauth/health")
    first = connection.getresponse()
    assert first.status == 200 and first.getheader("Connection") is None
    first.read()
    sock = connection.sock
    for _ in range(3):
        connection.request("POST", "/", body=STS_BODY, headers=STS_HEADERS)
        answer = connection.getresponse()
        assert answer.status == 403 and b"InvalidClientTokenId" in answer.read()
        assert answer.getheader("Connection") is None
    assert connection.sock is sock  # never reconnected
    connection.close()


def test_a_body_the_app_did_not_read_closes_the_connection(emulator: Emulator) -> None:
    connection = _connection(emulator)
    connection.request("POST", "/_smsauth/no-such-route", body=b"x" * 100, headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    assert answer.status == 404 and answer.getheader("Connection") == "close"
    answer.read()
    assert answer.will_close


def test_http_1_0_and_connection_close_end_the_connection(emulator: Emulator) -> None:
    for request in (b"GET /_smsauth/health HTTP/1.0\r\n\r\n",
                    b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"):
        sock = _raw_socket(emulator)
        sock.sendall(request)
        answer = _read_all(sock)  # returns only because the server closes
        assert answer.startswith(b"HTTP/1.1 200") and b"Connection: close" in answer
        sock.close()


def test_pipelined_requests_are_each_answered_once_in_order(emulator: Emulator) -> None:
    request = (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               + f"Authorization: {STS_HEADERS['Authorization']}\r\n".encode()
               + f"Content-Length: {len(STS_BODY)}\r\n\r\n".encode() + STS_BODY)
    last = b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    sock = _raw_socket(emulator)
    sock.sendall(request + request + last)  # one write: the server must find each request line where it starts
    answer = _read_all(sock)
    sock.close()
    assert answer.count(b"HTTP/1.1 403") == 2 and answer.count(b"InvalidClientTokenId") == 2
    assert answer.count(b"HTTP/1.1 200") == 1 and answer.index(b"HTTP/1.1 200") > answer.rindex(b"HTTP/1.1 403")


def test_a_chunked_request_body_read_to_its_end_keeps_the_connection(emulator: Emulator) -> None:
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(STS_BODY), STS_BODY)
    request = (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\n"
               + f"Authorization: {STS_HEADERS['Authorization']}\r\n\r\n".encode() + body)
    last = b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    sock = _raw_socket(emulator)
    sock.sendall(request + last)
    answer = _read_all(sock)
    sock.close()
    assert b"InvalidClientTokenId" in answer and answer.count(b"HTTP/1.1 200") == 1


def _exchange(emulator: Emulator, data: bytes) -> bytes:
    """Sends `data` on a new connection and returns everything the server sends until it closes."""
    sock = _raw_socket(emulator)
    sock.sendall(data)
    answer = _read_all(sock)
    sock.close()
    return answer


CLOSE_AFTER = b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


def test_a_head_answer_carries_no_body_even_when_the_app_writes_one(emulator: Emulator) -> None:
    answer = _exchange(emulator, b"HEAD /_smsauth/no-such-route HTTP/1.1\r\nHost: x\r\n\r\n" + CLOSE_AFTER)
    head, _, rest = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 404") and b"Content-Length: " in head
    assert rest.startswith(b"HTTP/1.1 200")  # the next answer starts right after the HEAD answer's headers


def test_a_body_without_a_certain_end_is_refused_and_never_run_as_a_request(emulator: Emulator) -> None:
    smuggled = b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    framings = [
        b"Transfer-Encoding: gzip\r\n",
        b"Transfer-Encoding: chunked, gzip\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: %d\r\n" % len(smuggled),
        b"Content-Length: %d\r\nContent-Length: 0\r\n" % len(smuggled),
        b"Content-Length: +%d\r\n" % len(smuggled),
        b"Content-Length: abc\r\n",
    ]
    for framing in framings:
        answer = _exchange(emulator, b"POST /_smsauth/faults HTTP/1.1\r\nHost: x\r\n" + framing + b"\r\n" + smuggled)
        assert answer.startswith(b"HTTP/1.1 400") and b"Connection: close" in answer, framing
        assert answer.count(b"HTTP/1.1 ") == 1, framing  # the body was not served as a second request


def test_close_anywhere_in_connection_and_http_1_0_keep_alive_end_the_connection(emulator: Emulator) -> None:
    for request in (b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n",
                    b"GET /_smsauth/health HTTP/1.1\r\nHost: x\r\nConnection: TE\r\nConnection: close\r\n\r\n",
                    b"GET /_smsauth/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"):
        answer = _exchange(emulator, request)  # returns only because the server closes
        assert answer.startswith(b"HTTP/1.1 200") and b"Connection: close" in answer, request


def test_expect_100_continue_is_answered_once(emulator: Emulator) -> None:
    sock = _raw_socket(emulator)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 + f"Authorization: {STS_HEADERS['Authorization']}\r\nContent-Length: {len(STS_BODY)}\r\n\r\n".encode())
    assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
    sock.sendall(STS_BODY + CLOSE_AFTER)
    answer = _read_all(sock)
    sock.close()
    assert b"100 Continue" not in answer and b"InvalidClientTokenId" in answer and answer.count(b"HTTP/1.1 200") == 1


def test_the_call_log_names_each_calls_connection(emulator: Emulator) -> None:
    key = "AKIA" + uuid.uuid4().hex[:16].upper()  # this test's calls only, however often it runs
    headers = STS_HEADERS | {"Authorization": STS_HEADERS["Authorization"].replace("AKIAIOSFODNN7EXAMPLE", key)}
    for calls in (2, 1):
        connection = _connection(emulator)
        for _ in range(calls):
            connection.request("POST", "/", body=STS_BODY, headers=headers)
            connection.getresponse().read()
        connection.close()
    numbers = [call["connection"] for call in emulator.control("GET", f"calls?accessKeyId={key}")]
    assert len(numbers) == 3 and numbers[0] == numbers[1] != numbers[2]
