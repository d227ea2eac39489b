"""Launches the local AWS emulator: moto's server plus smsauth's extension, in one process, on a loopback host.

Usage: python3 scripts/emulator/server.py --host 127.0.0.1 --port 4566 [--sms-role-propagation-seconds S]
       [--page-size N] [--sms-spend-quota-usd USD]
Ready when `GET /_smsauth/health` answers 200; stops cleanly on SIGTERM or SIGINT.
"""
from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

# Signature checking on from the very first request: moto reads this when it is imported.
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
os.environ.setdefault("MOTO_ALLOW_NONEXISTENT_REGION", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent))

LOG = logging.getLogger("smsauth.emulator")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """--host (loopback only), --port and the defaults that `POST /_smsauth/reset` restores."""
    parser = argparse.ArgumentParser(description="smsauth's local AWS emulator (moto + extension)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, required=True, help="TCP port")
    parser.add_argument("--sms-role-propagation-seconds", type=float, default=0.0,
                        help="default IAM propagation delay seen by Cognito's SMS role check (default 0)")
    parser.add_argument("--sms-spend-quota-usd", type=float, default=1.0,
                        help="the account's SMS spending quota per month and region (default 1, a new account's)")
    parser.add_argument("--page-size", type=int, default=None,
                        help="default most items per page of every list operation (default: each operation's own)")
    parser.add_argument("--tls-port", type=int, default=None,
                        help="also serve HTTPS on this port (the same emulator), with --tls-cert and --tls-key")
    parser.add_argument("--tls-cert", default=None, help="PEM certificate (chain) of the HTTPS listener")
    parser.add_argument("--tls-key", default=None, help="PEM private key of the HTTPS listener")
    parser.add_argument("--latency-ms", type=int, default=0,
                        help="milliseconds every AWS request waits before it is served, like a network round trip "
                             "(default 0)")
    arguments = parser.parse_args(argv)
    if (arguments.tls_port is None) != (arguments.tls_cert is None) or (arguments.tls_cert is None) != (arguments.tls_key is None):
        parser.error("--tls-port, --tls-cert and --tls-key go together")
    if not _is_loopback(arguments.host):
        parser.error(f"--host must be a loopback address, got {arguments.host}")
    if arguments.sms_role_propagation_seconds < 0:
        parser.error("--sms-role-propagation-seconds must be >= 0")
    if arguments.sms_spend_quota_usd < 0:
        parser.error("--sms-spend-quota-usd must be >= 0")
    if arguments.latency_ms < 0:
        parser.error("--latency-ms must be >= 0")
    if arguments.page_size is not None and arguments.page_size < 1:
        parser.error("--page-size must be >= 1")
    return arguments


def _is_loopback(host: str) -> bool:
    """True for localhost and loopback IP addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_app() -> object:
    """Imports moto, installs the extension and smsvoice, creates the bootstrap principal, returns the WSGI app."""
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    import ext
    from ext import smsvoice_hook
    from ext.principals import PRINCIPALS

    ext.install()
    smsvoice_hook.load()
    PRINCIPALS.bootstrap()
    return ext.wrap(DomainDispatcherApplication(create_backend_app))


# How long one connection may take to finish its TLS handshake before the emulator closes it.
TLS_HANDSHAKE_TIMEOUT_SECONDS = 30.0


def tls_server(host: str, port: int, app: object, cert: str, key: str) -> object:
    """A threaded HTTPS server that performs each TLS handshake on the connection's own thread, as AWS's endpoints
    serve clients independently. (werkzeug's `ssl_context` wraps the listening socket, so `accept()` runs the
    handshake on the one accepting thread and a client that stalls mid-handshake, such as a frozen process or a proxy
    tunnel left open, would hold up every other HTTPS client.)"""
    from werkzeug.serving import ThreadedWSGIServer, load_ssl_context

    from keepalive import KeepAliveRequestHandler

    class Server(ThreadedWSGIServer):
        def __init__(self) -> None:
            super().__init__(host, port, app, handler=KeepAliveRequestHandler)
            context = load_ssl_context(cert, key)
            self.socket = context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)
            self.ssl_context = context

        def process_request_thread(self, request: Any, client_address: Any) -> None:
            try:
                request.settimeout(TLS_HANDSHAKE_TIMEOUT_SECONDS)
                request.do_handshake()
                request.settimeout(None)
            except OSError:  # ssl.SSLError and timeouts included: this client only
                self.shutdown_request(request)
                return
            super().process_request_thread(request, client_address)

    return Server()


def main(argv: list[str]) -> int:
    """Serves until SIGTERM/SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    arguments = parse_arguments(argv)
    from werkzeug.serving import make_server

    from keepalive import KeepAliveRequestHandler

    app = build_app()
    from ext import state

    state.set_defaults(sms_role_propagation_seconds=arguments.sms_role_propagation_seconds,
                       page_size=arguments.page_size, sms_spend_quota_usd=arguments.sms_spend_quota_usd,
                       latency_ms=arguments.latency_ms)
    server = make_server(arguments.host, arguments.port, app, threaded=True, request_handler=KeepAliveRequestHandler)
    servers = [server]
    if arguments.tls_port is not None:
        tls = tls_server(arguments.host, arguments.tls_port, app, arguments.tls_cert, arguments.tls_key)
        servers.append(tls)
        threading.Thread(target=tls.serve_forever, daemon=True).start()
        LOG.info("emulator listening on https://%s:%d", arguments.host, arguments.tls_port)

    def stop(signum: int, _frame: FrameType | None) -> None:
        LOG.info("signal %d received, stopping", signum)
        for each in servers:
            threading.Thread(target=each.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # A parent may start us with these signals blocked (the mask is inherited: Swift's Foundation `Process` launched
    # from a libdispatch thread does that); blocked, SIGTERM would stay pending forever.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    LOG.info("emulator listening on http://%s:%d", arguments.host, arguments.port)
    server.serve_forever()
    server.server_close()
    LOG.info("emulator stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
