"""``python -m newskit ...``: the command line (see :mod:`newskit.cli`)."""

from .cli import main

raise SystemExit(main())
