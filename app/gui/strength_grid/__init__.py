"""The strength grid: every muscle in the knowledge base, patient's left and right, by keyboard."""

from app.gui.strength_grid.view import StrengthGrid

__all__ = ["StrengthGrid"]
