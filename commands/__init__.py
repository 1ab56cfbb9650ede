"""Subcommands of the `lmac` command (dev-side, Python 3.11)."""
