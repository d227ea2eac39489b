"""SSM Parameter Store and Secrets Manager (served by moto 5.2.1): the AWS behaviour moto lacks, and their fault codes.

- GetParameter/GetParameters/GetParametersByPath of a SecureString without `WithDecryption` answer the ciphertext
  (AWS: "the value is returned encrypted"); moto answers `kms:<key>:<plaintext>`, which would hand the secret to any
  caller without kms:Decrypt. The patched answer is an opaque base64 blob derived from key and value (stable, like a
  stored ciphertext, and never containing the plaintext).
- Fault injection answers with each service's modelled errors: SSM `ThrottlingException` (botocore ssm 2014-11-06)
  and `InternalServerError`; Secrets Manager `InternalServiceError` (botocore secretsmanager 2017-10-17), and for
  throttling the AWS JSON common error `ThrottlingException` (its model has no throttling shape).
"""
from __future__ import annotations

import base64
import hashlib
from typing import Any

from moto.ssm.models import Parameter

from . import errors

# Fault answers (see the module docstring).
THROTTLE = {"ssm": ("ThrottlingException", 400), "secretsmanager": ("ThrottlingException", 400)}
INTERNAL = {"ssm": "InternalServerError", "secretsmanager": "InternalServiceError"}

_INSTALLED = False


def ciphertext(key_id: str, stored: str) -> str:
    """An opaque stand-in for a SecureString's ciphertext: AWS's envelope header bytes and a digest, base64."""
    digest = hashlib.sha256(f"{key_id}\0{stored}".encode()).digest()
    return base64.b64encode(b"\x01\x02\x02\x00" + digest + digest).decode()


def install() -> None:
    """Patches moto's SSM parameters and registers the fault codes (idempotent)."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    errors.THROTTLE.update(THROTTLE)
    errors.INTERNAL.update(INTERNAL)
    original = Parameter.response_object

    def response_object(self: Parameter, decrypt: bool = False, region: str | None = None) -> dict[str, Any]:
        answer = original(self, decrypt, region)
        if not decrypt and self.parameter_type == "SecureString":
            answer["Value"] = ciphertext(self.keyid or "alias/aws/ssm", self.value)
        return answer

    Parameter.response_object = response_object  # type: ignore[method-assign]
