"""BackgroundWork: outcomes come back in the GUI thread, never to an owner that has gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from shiboken6 import delete

from app.gui.records.background import BackgroundWork


def _blocked_job(started: threading.Event, release: threading.Event, value: object):
    def job() -> object:
        started.set()
        release.wait()
        return value
    return job


def test_the_outcome_is_handed_over_in_the_gui_thread(qtbot):
    owner = QObject()
    work = BackgroundWork(owner)
    outcomes: list = []
    work.start("test-job", lambda: 42, lambda value, error: outcomes.append(
        (value, error, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes == [(42, None, True)] and work.running == 0


def test_an_exception_in_the_job_is_handed_over_not_lost(qtbot):
    owner = QObject()
    work = BackgroundWork(owner)
    outcomes: list = []

    def failing() -> None:
        raise OSError(28, "No space left on device")

    work.start("test-job", failing, lambda value, error: outcomes.append((value, error)))
    qtbot.waitUntil(lambda: bool(outcomes))
    value, error = outcomes[0]
    assert value is None and isinstance(error, OSError) and error.errno == 28


def test_an_owner_destroyed_while_the_job_runs_is_never_called_back(qtbot):
    owner = QObject()
    work = BackgroundWork(owner)
    started, release = threading.Event(), threading.Event()
    called: list = []
    work.start("test-job", _blocked_job(started, release, "done"),
               lambda *outcome: called.append(outcome))
    started.wait()
    delete(owner)  # the window closed: its controller, and the collecting timer, are gone

    release.set()
    work.finish()
    qtbot.wait(200)  # let any stray delivery happen (there must be none)
    assert called == []


def test_finish_waits_for_running_jobs_and_drops_their_outcomes(qtbot):
    owner = QObject()
    work = BackgroundWork(owner)
    started, release = threading.Event(), threading.Event()
    finished: list = []

    def job() -> str:
        started.set()
        release.wait()
        finished.append("job")
        return "outcome"

    called: list = []
    work.start("test-job", job, lambda *outcome: called.append(outcome))
    started.wait()
    threading.Thread(target=release.set).start()  # released while finish() waits, or before

    work.finish()

    assert finished == ["job"] and work.running == 0
    qtbot.wait(200)
    assert called == []
