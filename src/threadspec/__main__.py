"""``python -m threadspec``: the ``threadspec`` command."""

import sys

from threadspec.cli import main

sys.exit(main())
