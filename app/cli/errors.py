"""The one exception a command raises for bad input or usage: exit status 2, message on stderr."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input or usage; the message names the file, the field and what is allowed."""
