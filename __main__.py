"""`python -m lmac ...` is the same as the `lmac` command."""
import sys

from lmac.cli import main

sys.exit(main())
