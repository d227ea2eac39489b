"""Prints the emulator's bootstrap credentials, as JSON or as `export` lines for a POSIX shell.

Usage: eval "$(python3 scripts/emulator/credentials.py --url http://127.0.0.1:PORT --shell)"
"""
from __future__ import annotations

import argparse
import json
import shlex
import sys
import urllib.request


def fetch(url: str) -> dict[str, str]:
    """GET <url>/_smsauth/credentials."""
    with urllib.request.urlopen(url.rstrip("/") + "/_smsauth/credentials", timeout=10) as response:
        return json.load(response)


def shell_lines(credentials: dict[str, str]) -> str:
    """`export` lines for the access key, the secret, and no instance metadata lookups."""
    return "\n".join(
        [
            f"export AWS_ACCESS_KEY_ID={shlex.quote(credentials['accessKeyId'])}",
            f"export AWS_SECRET_ACCESS_KEY={shlex.quote(credentials['secretAccessKey'])}",
            "export AWS_EC2_METADATA_DISABLED=true",
        ]
    )


def main(argv: list[str]) -> int:
    """Prints the credentials."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="emulator base URL, e.g. http://127.0.0.1:4566")
    parser.add_argument("--shell", action="store_true", help="print export lines instead of JSON")
    arguments = parser.parse_args(argv)
    credentials = fetch(arguments.url)
    print(shell_lines(credentials) if arguments.shell else json.dumps(credentials))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
