"""WSGI middleware in front of moto: serves `/_smsauth/`, logs every signed AWS request, injects faults, fires the
crash hook."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from . import control, errors, s3, state
from .calls import CALLS
from .crash import CRASH
from .faults import FAULTS, FaultRule
from .requestinfo import RequestInfo, buffer_body, describe


# moto's backends are plain dicts without locks: two requests at once can fail inside moto ("dictionary changed size
# during iteration" in IAM CreateRole while another role is created). AWS serves concurrent calls, so the emulator
# runs moto one request at a time; injected latency and throttling happen before, outside the lock.
_MOTO_LOCK = threading.Lock()

PREFIX = "/_smsauth/"

StartResponse = Callable[..., Any]


class ControlMiddleware:
    """Wraps moto's WSGI app; every AWS request passes through `__call__` (sms-voice included)."""

    def __init__(self, app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self._app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREFIX):
            return self._control(environ, start_response, path[len(PREFIX):].strip("/"))
        body = buffer_body(environ)
        info = describe(environ, body)
        if info is None:
            with _MOTO_LOCK:
                return [b"".join(self._app(environ, start_response))]
        conditional_key = s3.conditional_write_key(environ) if info.service == "s3" else None
        if conditional_key is None:
            return self._dispatch(environ, start_response, info)
        with s3.CONDITIONAL_WRITES.claim(conditional_key) as claimed:
            if not claimed:
                answer = s3.conflict()
                self._record(info, answer.status, None)
                start_response(f"{answer.status} {_reason(answer.status)}", answer.headers)
                return [answer.body]
            return self._dispatch(environ, start_response, info)

    def _dispatch(self, environ: dict[str, Any], start_response: StartResponse, info: RequestInfo) -> Iterable[bytes]:
        """Applies a matching fault rule (error or latency), else forwards to moto."""
        rule = FAULTS.pick(info)
        if rule is not None and rule.kind != "latency":
            return self._inject(info, rule, start_response)
        latency_ms = rule.latency_ms if rule is not None else state.CONFIG.latency_ms
        if latency_ms:
            time.sleep(latency_ms / 1000.0)
        return self._forward(environ, start_response, info, rule)

    def _forward(
        self, environ: dict[str, Any], start_response: StartResponse, info: RequestInfo, rule: FaultRule | None
    ) -> Iterable[bytes]:
        """Passes the request to moto, lets the crash hook see the performed call (before anyone is answered),
        reshapes moto's authentication errors like AWS, records the status."""
        captured: dict[str, Any] = {}

        def deferred_start_response(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda _data: None

        with _MOTO_LOCK:
            state.serving(info.access_key_id)
            result = self._app(environ, deferred_start_response)
            body = b"".join(result)
            if hasattr(result, "close"):
                result.close()
            status_line: str = captured.get("status", "500 Internal Server Error")
            status = int(status_line.split(" ", 1)[0])
            CRASH.performed(info, status)
        auth_error = errors.auth_error(info.service, info.is_json, status, body) if status == 403 else None
        if auth_error is not None:
            status_line, headers, body = f"403 {_reason(403)}", auth_error.headers, auth_error.body
        else:
            headers = captured.get("headers", [])
        self._record(info, status, rule)
        start_response(status_line, headers)
        return [body]

    def _inject(self, info: RequestInfo, rule: FaultRule, start_response: StartResponse) -> Iterable[bytes]:
        """Answers with the service's own throttling or server error, without reaching moto."""
        if rule.kind == "throttle":
            code, status = errors.throttle_code(info.service, info.operation)
            answer = errors.render(info.service, info.is_json, code, status, "Rate exceeded", sender=True)
        else:
            code = errors.server_error_code(info.service, rule.status)
            message = "Service is unavailable" if rule.status == 503 else "An internal error occurred"
            answer = errors.render(info.service, info.is_json, code, rule.status, message, sender=False)
        self._record(info, answer.status, rule)
        start_response(f"{answer.status} {_reason(answer.status)}", answer.headers)
        return [answer.body]

    @staticmethod
    def _record(info: RequestInfo, status: int, rule: FaultRule | None) -> None:
        """Appends the call to the log."""
        call: dict[str, Any] = {
            "service": info.service,
            "operation": info.operation,
            "status": status,
            "accessKeyId": info.access_key_id,
            "region": info.region,
        }
        if info.connection is not None:
            call["connection"] = info.connection
        if rule is not None:
            call["fault"] = rule.kind
        CALLS.record(call)

    @staticmethod
    def _control(environ: dict[str, Any], start_response: StartResponse, route: str) -> Iterable[bytes]:
        """Serves one control request."""
        method = environ.get("REQUEST_METHOD", "GET")
        handler = control.ROUTES.get((method, route))
        status = 200
        if handler is None:
            status, payload = 404, {"error": f"no control route {method} /_smsauth/{route}"}
        else:
            try:
                raw = buffer_body(environ)
                body = json.loads(raw) if raw.strip() else {}
                if not isinstance(body, dict):
                    raise control.ControlError(400, "the body must be a JSON object")
                payload = handler(body, control.parse_query(environ.get("QUERY_STRING", "")))
            except json.JSONDecodeError as error:
                status, payload = 400, {"error": f"invalid JSON: {error.msg}"}
            except control.ControlError as error:
                status, payload = error.status, {"error": error.message}
        data = json.dumps(payload).encode()
        start_response(
            f"{status} {_reason(status)}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
        )
        return [data]


def _reason(status: int) -> str:
    """The HTTP reason phrase."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
