"""`python -m ganstudio` does what `ganstudio` does."""
import sys

from .cli import main

sys.exit(main())
