"""moto gives every user pool the same bundled RSA signing key, parsed again for each CreateUserPool: recovering the
key's prime factors took 60 % of the emulator's time in a full test run (py-spy). The key is parsed once and shared;
what each pool signs with is unchanged."""
from __future__ import annotations

import json
import threading
from typing import Any

_PARSED: dict[str, Any] = {}
_LOCK = threading.Lock()


class _SharedRSAKey:
    """Stands in for joserfc's `RSAKey` inside moto's Cognito models: `import_key` parses each distinct key once."""

    def __init__(self, rsa_key: Any) -> None:
        self._rsa_key = rsa_key

    def import_key(self, value: Any, *arguments: Any, **keywords: Any) -> Any:
        if arguments or keywords:
            return self._rsa_key.import_key(value, *arguments, **keywords)
        text = json.dumps(value, sort_keys=True) if isinstance(value, dict) else str(value)
        with _LOCK:
            if text not in _PARSED:
                _PARSED[text] = self._rsa_key.import_key(value)
            return _PARSED[text]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rsa_key, name)


class _JWKModule:
    """moto's `jwk` module with `RSAKey` replaced; everything else passes through."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self.RSAKey = _SharedRSAKey(module.RSAKey)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def install() -> None:
    """Makes moto's Cognito models parse the bundled signing key once (idempotent)."""
    from moto.cognitoidp import models

    if not isinstance(models.jwk, _JWKModule):
        models.jwk = _JWKModule(models.jwk)
