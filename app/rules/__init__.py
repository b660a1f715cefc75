"""The rules core: pure functions from an exam and the knowledge base to an interpretation.

`interpret` is the only entry point the rest of the app uses.
"""

from app.rules.interpret import interpret

__all__ = ["interpret"]
