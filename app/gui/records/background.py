"""Slow storage work off the GUI thread, with its outcome handed back to the GUI thread safely.

`BackgroundWork(owner)` runs `job()` in a worker thread (`start(name, job, on_done)`). A job is
plain Python that touches no Qt object and no widget (say `partial(diagnose, path)`): the
worker holds only the job and a thread-safe queue, and puts the job's return value (or the
exception it raised) into the queue. A timer that is a child of `owner` empties the queue in
the GUI thread and calls `on_done(value, error)` there. Nothing in the worker can reach a
QObject, so a window closed (and its records controller destroyed) while a job runs is never
called back: the timer dies with its owner and the outcome stays in the queue, unread.

`finish()` waits for every running job and forgets their outcomes: the records call it when
they close, so no worker still reads or writes the home folder once its lock is released.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from itertools import count

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

COLLECT_INTERVAL_MS = 50

Job = Callable[[], object]
OnDone = Callable[[object, "Exception | None"], None]


class BackgroundWork:
    def __init__(self, owner: QObject):
        self._finished: queue.SimpleQueue[tuple[int, object, Exception | None]] = \
            queue.SimpleQueue()
        self._waiting: dict[int, tuple[threading.Thread, OnDone]] = {}
        self._tokens = count()
        self._collector = QTimer(owner)
        self._collector.setInterval(COLLECT_INTERVAL_MS)
        self._collector.timeout.connect(self._collect)

    @property
    def running(self) -> int:
        """Jobs started whose outcome has not been handed over yet."""
        return len(self._waiting)

    def start(self, name: str, job: Job, on_done: OnDone) -> None:
        token = next(self._tokens)
        worker = threading.Thread(target=_run, args=(job, token, self._finished), name=name,
                                  daemon=True)
        self._waiting[token] = (worker, on_done)
        worker.start()
        self._collector.start()

    def finish(self) -> None:
        """Wait for every running job; their outcomes are dropped (the owner is closing)."""
        waiting, self._waiting = self._waiting, {}
        for worker, _on_done in waiting.values():
            worker.join()
        if isValid(self._collector):
            self._collector.stop()

    def _collect(self) -> None:
        while True:
            try:
                token, value, error = self._finished.get_nowait()
            except queue.Empty:
                break
            started = self._waiting.pop(token, None)
            if started is not None:
                worker, on_done = started
                worker.join()  # it has nothing left to do after handing over its outcome
                on_done(value, error)
        if not self._waiting:
            self._collector.stop()


def _run(job: Job, token: int, finished: queue.SimpleQueue) -> None:
    """The worker thread: run the job, hand over what came of it; never touch Qt."""
    try:
        finished.put((token, job(), None))
    except Exception as err:  # handed to on_done in the GUI thread, never lost silently
        finished.put((token, None, err))
