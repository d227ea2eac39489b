"""HTTP/1.1 persistent connections for the emulator, as AWS's endpoints keep them.

werkzeug's development server answers `Connection: close` to every request: Python's `http.server` cannot tell where
a request body ends, so werkzeug closes the connection and drains whatever the client sent after its response.
That made every AWS call a new TCP (or TLS) connection, which AWS does not cost a client. This request handler
serves the same WSGI app the same way, except that a connection stays open for the next request when that is safe:

- the request is HTTP/1.1 without `Connection: close` (HTTP/1.0 and `close` end the connection, as before);
- the request body was read to its end (`Content-Length` bytes, or the last chunk of a chunked body) by the time
  the response starts, so the next request line is where the stream is. Otherwise the response says
  `Connection: close` and the rest of the body is drained as werkzeug does;
- the response has a length (`Content-Length`, or chunked encoding that this handler terminates).

Requests whose body has no single, certain end are refused with 400 and the connection closed, as AWS's front ends
refuse them (RFC 9112 §6.3; each of these would let a body be read as the next request): a `Transfer-Encoding`
whose last coding is not `chunked`, both `Transfer-Encoding` and `Content-Length`, and a `Content-Length` that is not
one decimal number (several different values, a sign, anything but digits). A `close` token anywhere in
`Connection`, and any HTTP/1.0 request, end the connection. A HEAD answer never carries a body (the app's is
dropped). Answers go out with `TCP_NODELAY`: without it, a body written after its headers waited for the client's
delayed acknowledgement of the headers, about 40 ms per call on a kept-alive connection.

An idle persistent connection holds one daemon thread blocked reading its next request line until the client closes
it or `IDLE_TIMEOUT_SECONDS` pass (AWS closes idle connections too; clients open a new one).
"""
from __future__ import annotations

import itertools
import selectors
import socket
from typing import Any, Callable, Iterable

from werkzeug.serving import DechunkedInput, WSGIRequestHandler

from ext.requestinfo import CONNECTION_KEY

# How long a kept-alive connection may wait for its next request before the emulator closes it: longer than
# smsauth keeps an idle connection (5 s), so the client, not the server, normally ends an idle one.
IDLE_TIMEOUT_SECONDS = 120.0

# Numbers the connections 1, 2, … as each starts being served (`next` on it is atomic under the GIL; shared by the
# HTTP and HTTPS listeners, never reset): the call log names each call's connection, so tests and benchmarks can see
# that a client keeps its connections alive.
_CONNECTION_NUMBERS = itertools.count(1)


class CountingInput:
    """A request body stream that counts what the app read, so the handler knows whether the body is consumed."""

    def __init__(self, stream: Any, length: int) -> None:
        self._stream = stream
        self.remaining = length

    def read(self, size: int = -1) -> bytes:
        return self._take(self._stream.read, size)

    def readline(self, size: int = -1) -> bytes:
        return self._take(self._stream.readline, size)

    def _take(self, reader: Callable[[int], bytes], size: int | None) -> bytes:
        """At most `size` bytes (all that is left when None or negative) of the body, read with `reader`."""
        if self.remaining <= 0:
            return b""
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        data = reader(size)
        self.remaining -= len(data)
        if not data:  # the client closed mid-body: nothing more will come
            self.remaining = 0
        return data

    def readlines(self, hint: int = -1) -> list[bytes]:
        lines = []
        while line := self.readline():
            lines.append(line)
        return lines

    def __iter__(self) -> Iterable[bytes]:
        return iter(self.readlines())

    @property
    def consumed(self) -> bool:
        return self.remaining <= 0


class KeepAliveRequestHandler(WSGIRequestHandler):
    """werkzeug's request handler with persistent HTTP/1.1 connections (see the module docstring)."""

    protocol_version = "HTTP/1.1"
    timeout = None  # no limit while a request is read or served; the idle wait is limited in handle_one_request

    def setup(self) -> None:
        """Sends each write at once (no Nagle delay waiting for the client's delayed ACK) and numbers the connection."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connection_number = next(_CONNECTION_NUMBERS)

    def handle_one_request(self) -> None:
        """Waits at most IDLE_TIMEOUT_SECONDS for the next request line of a kept-alive connection."""
        self.connection.settimeout(IDLE_TIMEOUT_SECONDS)
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except (socket.timeout, TimeoutError):
            self.close_connection = True
            return
        finally:
            self.connection.settimeout(None)
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536:
            self.requestline = ""
            self.request_version = ""
            self.command = ""
            self.send_error(414)
            return
        if not self.parse_request():
            return
        if self.request_version != "HTTP/1.1" or "close" in self._connection_tokens():
            self.close_connection = True
        if (problem := self._framing_problem()) is not None:
            self.close_connection = True
            self.send_error(400, problem)
            self._drain()
            return
        self.run_wsgi()
        self.wfile.flush()

    def _connection_tokens(self) -> set[str]:
        """The lower-cased tokens of every `Connection` header."""
        return {token.strip().lower() for value in self.headers.get_all("Connection", [])
                for token in value.split(",") if token.strip()}

    def _framing_problem(self) -> str | None:
        """Why the request's body has no certain end, or None."""
        encodings = [token.strip().lower() for value in self.headers.get_all("Transfer-Encoding", [])
                     for token in value.split(",") if token.strip()]
        lengths = {value.strip() for value in self.headers.get_all("Content-Length", [])}
        if encodings and encodings[-1] != "chunked":
            return "Transfer-Encoding must end with chunked"
        if encodings and lengths:
            return "Transfer-Encoding and Content-Length together"
        if len(lengths) > 1 or any(not (value.isascii() and value.isdigit()) for value in lengths):
            return "Content-Length must be one decimal number"
        return None

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        environ[CONNECTION_KEY] = self.connection_number
        if not isinstance(environ["wsgi.input"], DechunkedInput):
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:  # unreadable length: the body's end is unknown, so the connection will close
                return environ
            if length >= 0:
                environ["wsgi.input"] = CountingInput(self.rfile, length)
        return environ

    @staticmethod
    def _body_consumed(original_input: Any) -> bool:
        """True when the request body has been read to its end (the next request line is next in the stream)."""
        if isinstance(original_input, CountingInput):
            return original_input.consumed
        if isinstance(original_input, DechunkedInput):
            return bool(getattr(original_input, "_done", False))
        return False

    def run_wsgi(self) -> None:
        """werkzeug 3.1's `run_wsgi`, except that the connection is kept open when the request allows it, and
        `100 Continue` is left to `parse_request`, which sends it once and only to HTTP/1.1 clients."""
        self.environ = environ = self.make_environ()
        original_input = environ["wsgi.input"]
        status_set: str | None = None
        headers_set: list[tuple[str, str]] | None = None
        status_sent: str | None = None
        chunk_response = False

        def write(data: bytes) -> None:
            nonlocal status_sent, chunk_response
            assert status_set is not None and headers_set is not None, "write() before start_response"
            if status_sent is None:
                status_sent = status_set
                code_str, _, msg = status_sent.partition(" ")
                code = int(code_str)
                self.send_response(code, msg)
                header_keys = set()
                for key, value in headers_set:
                    self.send_header(key, value)
                    header_keys.add(key.lower())
                if not ("content-length" in header_keys or environ["REQUEST_METHOD"] == "HEAD"
                        or 100 <= code < 200 or code in {204, 304}):
                    chunk_response = True
                    self.send_header("Transfer-Encoding", "chunked")
                if not self._body_consumed(original_input):
                    self.close_connection = True
                if self.close_connection:
                    self.send_header("Connection", "close")
                self.end_headers()
            assert isinstance(data, bytes), "applications must write bytes"
            if data and environ["REQUEST_METHOD"] != "HEAD":
                if chunk_response:
                    self.wfile.write(hex(len(data))[2:].encode() + b"\r\n")
                self.wfile.write(data)
                if chunk_response:
                    self.wfile.write(b"\r\n")
            self.wfile.flush()

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            nonlocal status_set, headers_set
            if exc_info:
                try:
                    if status_sent is not None:
                        raise exc_info[1].with_traceback(exc_info[2])
                finally:
                    exc_info = None
            elif headers_set:
                raise AssertionError("Headers already set")
            status_set = status
            headers_set = headers
            return write

        def execute(app: Any) -> None:
            application_iter = app(environ, start_response)
            try:
                for data in application_iter:
                    write(data)
                if status_sent is None:
                    write(b"")
                if chunk_response:
                    self.wfile.write(b"0\r\n\r\n")
            finally:
                if self.close_connection:
                    self._drain()
                if hasattr(application_iter, "close"):
                    application_iter.close()

        from werkzeug.serving import connection_dropped_errors  # type: ignore[attr-defined]

        try:
            execute(self.server.app)
        except connection_dropped_errors as error:
            self.close_connection = True
            self.connection_dropped(error, environ)
        except Exception as error:  # the app failed: answer 500 as werkzeug does, then close
            if self.server.passthrough_errors:
                raise
            self.close_connection = True
            if status_sent is None:
                status_set = None
                headers_set = None
                try:
                    from werkzeug.exceptions import InternalServerError
                    execute(InternalServerError())
                except Exception:
                    pass
            from werkzeug.debug.tbtools import DebugTraceback
            self.server.log("error", f"Error on request:\n{DebugTraceback(error).render_traceback_text()}")

    def _drain(self) -> None:
        """Discards what the client still sends on a connection about to close (werkzeug's drain), so it sees the
        response rather than a reset."""
        selector = selectors.DefaultSelector()
        selector.register(self.connection, selectors.EVENT_READ)
        total = 0
        reads = 0
        try:
            while selector.select(timeout=0.01):
                data = self.connection.recv(1_000_000)
                total += len(data)
                reads += 1
                if not data or total >= 10_000_000_000 or reads > 1000:
                    break
        except OSError:
            pass
        finally:
            selector.close()
