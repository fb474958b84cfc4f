"""``python -m bench.generate``: build a synthetic year in a benchmark database."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
