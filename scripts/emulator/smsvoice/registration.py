"""Plugging this package into moto 5.2.1 as the backend ``smsvoice``.

How moto routes (both paths end in ``moto.backends.get_backend(name)``, which imports
``moto.<name>`` and reads ``<name>_backends``):

* in-process (``mock_aws``): ``moto.core.botocore_stubber`` matches the request URL
  (``https://sms-voice.<region>.amazonaws.com/``) against
  ``moto.backend_index.backend_url_patterns`` and dispatches through the backend's
  ``urls`` (our ``urls.py``);
* server (``moto.server`` / ``ThreadedMotoServer``): ``DomainDispatcherApplication`` first
  matches the Host header against the same list; for a request sent to the server's own
  address it takes the service from the SigV4 credential scope (``sms-voice``) and
  rebuilds the host ``sms-voice.<region>.amazonaws.com``, which our pattern matches. No
  ``SIGNING_ALIASES`` entry is needed because the pattern uses the signing name.

So registering is two steps: alias this package (and its submodules) in ``sys.modules``
as ``moto.smsvoice``, and append ``("smsvoice", <url pattern>)`` to
``backend_url_patterns`` (a list shared by reference with the stubber and the server).
Requests still go through ``BaseResponse.call_action``, so moto's request authentication
(``INITIAL_NO_AUTH_ACTION_COUNT``) and IAM checks (action ``sms-voice:<Op>``) apply.
"""

import re
import sys

import moto.backend_index as backend_index

BACKEND_NAME = "smsvoice"
URL_PATTERN = re.compile(r"https?://sms-voice\.(.+)\.amazonaws\.com")
SUBMODULES = ("", ".models", ".responses", ".urls", ".exceptions")


def register_backend(package: str) -> None:
    """Make moto serve ``package`` as ``moto.smsvoice``; calling it again changes nothing."""
    for suffix in SUBMODULES:
        module = sys.modules.get(package + suffix)
        if module is None:
            module = __import__(package + suffix, fromlist=["_"])
        sys.modules[f"moto.{BACKEND_NAME}{suffix}"] = module
    if all(name != BACKEND_NAME for name, _ in backend_index.backend_url_patterns):
        backend_index.backend_url_patterns.append((BACKEND_NAME, URL_PATTERN))
