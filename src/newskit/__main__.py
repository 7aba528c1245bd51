"""``python -m newskit ...``: the command line (see :mod:`newskit.cli`)."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
