"""Admin principals created directly in moto's IAM backend, re-created with the same keys after a reset."""
from __future__ import annotations

import json
import secrets
import string
import threading
from dataclasses import dataclass

from moto.core import DEFAULT_ACCOUNT_ID
from moto.iam.models import AccessKey, iam_backends

_ALPHABET = string.ascii_letters + string.digits + "/+"
ADMIN_POLICY_NAME = "AdministratorAccess"
ADMIN_POLICY = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
)


@dataclass(frozen=True)
class Principal:
    """An IAM user with an inline Allow-everything policy and one access key."""

    user_name: str
    access_key_id: str
    secret_access_key: str

    def as_json(self) -> dict[str, str]:
        """The control endpoint's shape."""
        return {
            "userName": self.user_name,
            "accessKeyId": self.access_key_id,
            "secretAccessKey": self.secret_access_key,
        }


class PrincipalRegistry:
    """Every principal handed out; the first is the bootstrap principal."""

    def __init__(self) -> None:
        self._principals: list[Principal] = []
        self._lock = threading.Lock()

    def bootstrap(self) -> Principal:
        """Creates the bootstrap principal once and returns it."""
        with self._lock:
            if not self._principals:
                self._principals.append(self._new("smsauth-admin"))
            return self._principals[0]

    def create(self) -> Principal:
        """Creates a fresh admin user with its own key."""
        with self._lock:
            principal = self._new(f"smsauth-admin-{len(self._principals)}")
            self._principals.append(principal)
            return principal

    def restore_all(self) -> None:
        """Re-creates every principal (same names and keys) after moto's backends were reset."""
        with self._lock:
            for principal in self._principals:
                _materialize(principal)

    def _new(self, user_name: str) -> Principal:
        key_id = "AKIA" + secrets.token_hex(8).upper()
        secret = "".join(secrets.choice(_ALPHABET) for _ in range(40))
        principal = Principal(user_name, key_id, secret)
        _materialize(principal)
        return principal


def _materialize(principal: Principal) -> None:
    """Puts the user, its inline admin policy (Allow * on *) and its access key into moto's IAM backend."""
    backend = iam_backends[DEFAULT_ACCOUNT_ID]["global"]
    user = backend.create_user("us-east-1", principal.user_name)
    backend.put_user_policy(principal.user_name, ADMIN_POLICY_NAME, ADMIN_POLICY)
    key = AccessKey(principal.user_name, prefix="AKIA", account_id=DEFAULT_ACCOUNT_ID)
    key.access_key_id = principal.access_key_id
    key.secret_access_key = principal.secret_access_key
    user.access_keys.append(key)
    backend.access_keys[key.physical_resource_id] = key


PRINCIPALS = PrincipalRegistry()
