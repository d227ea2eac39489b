"""Exit 0 when every `name==version` line of the requirements file is installed at exactly that version."""
import re
import sys
from importlib import metadata


def main(path: str) -> int:
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^\s;]+)", line)
        if not match:
            print(f"unpinned requirement: {line}", file=sys.stderr)
            return 1
        name, _, version = match.groups()
        try:
            if metadata.version(name) != version:
                return 1
        except metadata.PackageNotFoundError:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
