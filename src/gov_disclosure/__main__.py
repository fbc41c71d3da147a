"""``python -m gov_disclosure``: the ``gov-disclosure`` command.

``python -m gov_disclosure FILE`` is short for ``gov-disclosure parse FILE``.
"""

from __future__ import annotations

import sys

from ._cli import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] not in ("parse", "check") and not args[0].startswith("-"):
        args = ["parse", *args]
    sys.exit(main(args))
