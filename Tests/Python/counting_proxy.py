"""A forward HTTP proxy for the proxy end-to-end test (not a pytest module). It forwards each absolute-form request
(`GET http://host:port/path`) to its host unchanged, headers and body included, and tunnels `CONNECT host:port`
(reading the plain HTTP requests that pass through the tunnel to count them too). A direct `GET /_count` answers
`{"forwarded": N, "hosts": [...]}`. Prints its port on the first line of standard output; exits
on SIGTERM (even when started with it ignored) and, unless given `--keep-running`, when its standard input closes
(its parent is gone). With `--tunnel-to HOST:PORT` every tunnel goes to that address whatever `CONNECT` asked for,
as an intercepting proxy would."""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer",
              "transfer-encoding", "upgrade"}
COUNT_LOCK = threading.Lock()
FORWARDED: list[str] = []
TUNNEL_TO: tuple[str, int] | None = None


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

    def do_CONNECT(self) -> None:  # noqa: N802 - the name http.server dispatches to
        host, _, port = self.path.rpartition(":")
        upstream = socket.create_connection(TUNNEL_TO or (host, int(port)), timeout=120)
        self.send_response(200, "Connection Established")
        self.end_headers()
        self.wfile.flush()
        threading.Thread(target=_pipe, args=(upstream, self.connection), daemon=True).start()
        _count_requests(self.rfile, upstream, self.path)
        upstream.close()
        self.close_connection = True

    def _answer(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _serve


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copies bytes from `source` to `target` until either side closes, then passes the end on (as a real proxy does:
    a tunnel whose server side closed must not stay open on the client's side, looking alive)."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    try:
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def _count_requests(client: object, upstream: socket.socket, host: str) -> None:
    """Forwards the HTTP/1.1 requests the client sends through a tunnel (head, then a Content-Length body), counting
    each; a TLS tunnel (its first byte a handshake record) is counted once and copied as it is."""
    first = client.read(1)
    if not first:
        return
    if first == b"\x16":
        with COUNT_LOCK:
            FORWARDED.append(host)
        upstream.sendall(first + client.read1(65536))
        while data := client.read1(65536):
            upstream.sendall(data)
        return
    pending = first
    while True:
        head, pending = pending, b""
        while not head.endswith(b"\r\n\r\n"):
            line = client.readline(65537)
            if not line:
                return
            head += line
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        body = client.read(length) if length else b""
        with COUNT_LOCK:
            FORWARDED.append(host)
        upstream.sendall(head + body)


def exit_when_stdin_closes() -> None:
    """Waits for end of input, then ends the process."""
    sys.stdin.buffer.read()
    os._exit(0)


def main() -> None:
    global TUNNEL_TO
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if "--tunnel-to" in sys.argv[1:]:
        host, _, port = sys.argv[sys.argv.index("--tunnel-to") + 1].rpartition(":")
        TUNNEL_TO = (host, int(port))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if "--keep-running" not in sys.argv[1:]:  # scripts/test starts it with no input to watch
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
