"""A forward HTTP proxy for the proxy end-to-end test (not a pytest module): forwards each absolute-form request
(`GET http://host:port/path`) to its host unchanged, headers and body included, and counts them. A direct
`GET /_count` answers `{"forwarded": N, "hosts": [...]}`. Prints its port on the first line of standard output; exits
on SIGTERM (even when started with it ignored) and when its standard input closes (its parent is gone)."""
from __future__ import annotations

import http.client
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer",
              "transfer-encoding", "upgrade"}
COUNT_LOCK = threading.Lock()
FORWARDED: list[str] = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _serve(self) -> None:
        if not self.path.startswith("http://"):
            self._answer(200, json.dumps({"forwarded": len(FORWARDED), "hosts": sorted(set(FORWARDED))}).encode())
            return
        target = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=120)
        path = target.path + (f"?{target.query}" if target.query else "")
        connection.putrequest(self.command, path or "/", skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            if name.lower() not in HOP_BY_HOP:
                connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        data = response.read()
        with COUNT_LOCK:
            FORWARDED.append(target.netloc)
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        connection.close()

    def _answer(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _serve


def exit_when_stdin_closes() -> None:
    """Waits for end of input, then ends the process."""
    sys.stdin.buffer.read()
    os._exit(0)


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
