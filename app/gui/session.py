"""ExamSession: the one object every widget talks to while an exam is being charted.

Contract (notes/gui-contract.md): the session holds the current immutable `Exam`, re-runs the
rules engine after every change and announces both through signals. Every change goes through
`apply(description, edit)`, which pushes exactly one `QUndoCommand` onto `undo_stack`, so each
click or grade is one undo step; `begin_macro`/`end_macro` group several edits into one step.
`load()` replaces the exam wholesale, clears the undo history and marks the session clean;
it then emits `exam_loaded` (an addition to the contract: after the usual `exam_changed` and
`interpretation_changed`, for views that keep some state only while one exam is charted).
The selected hypothesis follows its site and side across re-interpretations (None once gone).
"Dirty" means the exam differs from the last one loaded or saved (undoing back to it is clean).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.exam import Exam, Examiner, History, Patient, RedFlagAnswer, TestResult
from app.domain.interpretation import Hypothesis, Interpretation
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.rules import interpret

ExamEdit = Callable[[Exam], Exam]
DEFAULT_SETTINGS = JudgementSettings()


class _ExamEditCommand(QUndoCommand):
    """One undoable step: remembers the exam before and after an edit."""

    def __init__(self, session: ExamSession, description: str, before: Exam, after: Exam):
        super().__init__(description)
        self._session = session
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._session._replace_exam(self._after)

    def undo(self) -> None:
        self._session._replace_exam(self._before)


class ExamSession(QObject):
    exam_changed = Signal(object)
    interpretation_changed = Signal(object)
    hypothesis_selected = Signal(object)
    dirty_changed = Signal(bool)
    exam_loaded = Signal()

    def __init__(self, kb: KnowledgeBase, settings: JudgementSettings = DEFAULT_SETTINGS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.kb = kb
        self.undo_stack = QUndoStack(self)
        # A stack destroyed with its session clears itself and emits cleanChanged into the
        # half-destroyed session (a crash): silence it as soon as the session goes.
        self.destroyed.connect(partial(QUndoStack.blockSignals, self.undo_stack, True))
        self._settings = settings
        self._exam = Exam(exam_date=date.today())
        self._previous: Exam | None = None
        self._interpretation = self._interpret()
        self._selected: Hypothesis | None = None
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- state ---------------------------------------------------------------------------
    @property
    def exam(self) -> Exam:
        return self._exam

    @property
    def previous_exam(self) -> Exam | None:
        return self._previous

    @property
    def interpretation(self) -> Interpretation:
        return self._interpretation

    @property
    def settings(self) -> JudgementSettings:
        return self._settings

    @property
    def selected_hypothesis(self) -> Hypothesis | None:
        return self._selected

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def set_settings(self, settings: JudgementSettings) -> None:
        self._settings = settings
        self._reinterpret()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def load(self, exam: Exam, previous: Exam | None = None) -> None:
        """Start charting `exam`: no undo history, not dirty."""
        was_dirty = self.is_dirty
        self.undo_stack.clear()
        self._previous = previous
        self._selected = None
        self._replace_exam(exam)
        self.hypothesis_selected.emit(None)
        if was_dirty:
            self.dirty_changed.emit(False)
        self.exam_loaded.emit()

    # -- editing -------------------------------------------------------------------------
    def apply(self, description: str, edit: ExamEdit) -> None:
        """Apply `edit` to the current exam as one undo step (nothing happens if unchanged)."""
        after = edit(self._exam)
        if after == self._exam:
            return
        self.undo_stack.push(_ExamEditCommand(self, description, self._exam, after))

    def begin_macro(self, text: str) -> None:
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    def set_symptom_kinds(self, side: str, region: str, kinds: frozenset[str]) -> None:
        self.apply(f"Symptoms of {side} {region}",
                   lambda exam: exam.with_symptoms(side, region, frozenset(kinds)))

    def toggle_symptom(self, side: str, region: str, kind: str) -> None:
        kinds = self._exam.symptom_kinds(side, region)
        self.set_symptom_kinds(side, region, kinds ^ {kind})

    def set_strength(self, side: str, muscle: str, grade: str | None) -> None:
        self.apply(f"Strength {side} {muscle}",
                   lambda exam: exam.with_strength(side, muscle, grade))

    def set_reflex(self, side: str, reflex: str, value: str | None) -> None:
        self.apply(f"Reflex {side} {reflex}", lambda exam: exam.with_reflex(side, reflex, value))

    def set_test(self, side: str, test: str, result: TestResult | None) -> None:
        self.apply(f"Test {side} {test}", lambda exam: exam.with_test(side, test, result))

    def set_red_flag(self, flag: str, answer: RedFlagAnswer | None) -> None:
        self.apply(f"Red flag {flag}", lambda exam: exam.with_red_flag(flag, answer))

    def set_patient(self, patient: Patient) -> None:
        self.apply("Patient details", lambda exam: replace(exam, patient=patient))

    def set_examiner(self, examiner: Examiner) -> None:
        self.apply("Examiner", lambda exam: replace(exam, examiner=examiner))

    def set_history(self, history: History) -> None:
        self.apply("History", lambda exam: replace(exam, history=history))

    def select_hypothesis(self, hypothesis: Hypothesis | None) -> None:
        self._selected = hypothesis
        self.hypothesis_selected.emit(hypothesis)

    # -- internals -----------------------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def _replace_exam(self, exam: Exam) -> None:
        self._exam = exam
        self.exam_changed.emit(exam)
        self._reinterpret()

    def _reinterpret(self) -> None:
        self._interpretation = self._interpret()
        self._follow_selection()
        self.interpretation_changed.emit(self._interpretation)

    def _follow_selection(self) -> None:
        """Keep the selected hypothesis (same site and side) across re-interpretation."""
        if self._selected is None:
            return
        key = (self._selected.site, self._selected.side)
        match = next((h for h in self._interpretation.hypotheses if (h.site, h.side) == key),
                     None)
        if match != self._selected:
            self._selected = match
            self.hypothesis_selected.emit(match)

    def _interpret(self) -> Interpretation:
        return interpret(self._exam, self.kb, previous=self._previous, settings=self._settings)
