"""``python -m tintuc``: the same command line as ``tintuc``."""
import sys

from .cli import main

sys.exit(main())
