"""Loads the clinical knowledge tables of `resources/tables` into a validated `KnowledgeBase`."""

from app.knowledge.loader import KnowledgeError, load_knowledge

__all__ = ["KnowledgeError", "load_knowledge"]
