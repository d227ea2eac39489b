"""smsauth's extension of moto: control endpoint, fault injection, call log, SNS SMS sandbox, Cognito rules,
request validation against the botocore models.

`install()` patches moto's service classes in place; `wrap(app)` puts the control middleware in front of moto's
WSGI application. Both must run in the process that serves requests.
"""
from __future__ import annotations

from typing import Any


def install() -> None:
    """Applies every moto patch of the extension (idempotent)."""
    from . import (
        cognito_clients,
        cognito_responses,
        cognito_rules,
        cognito_tags,
        iam_propagation,
        iam_rules,
        model_validation,
        paging,
        s3,
        secret_stores,
        signing_key,
        sms_delivery_status,
        sms_role,
        sms_spend,
        sns_attribute_filter,
        sns_sandbox,
        sts_public,
    )

    sns_sandbox.install()
    sts_public.install()
    sms_role.install()
    iam_propagation.install()
    cognito_tags.install()
    cognito_rules.install()
    cognito_clients.install()
    cognito_responses.install()
    model_validation.install()
    iam_rules.install()  # after model_validation: the signing-region check comes before everything else
    secret_stores.install()
    s3.install()
    paging.install()
    sms_spend.install()
    sms_delivery_status.install()
    sns_attribute_filter.install()
    signing_key.install()


def wrap(app: Any) -> Any:
    """Returns `app` wrapped in the control/fault/call-log middleware."""
    from .middleware import ControlMiddleware

    return ControlMiddleware(app)
