"""Closing the window at once while the daily backup and the integrity check still run."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from app.gui.records import controller
from app.storage.backups import list_backups
from app.storage.database import diagnose
from app.storage.lock import HomeLock

WORKER_NAMES = {"daily-backup", "integrity-check"}


def test_closing_at_once_leaves_the_background_work_nothing_to_call_back(
        demo_home, open_window, qtbot, monkeypatch, capfd):
    monkeypatch.setattr(controller, "DAILY_BACKUP_DELAY_MS", 0)
    monkeypatch.setattr(controller, "INTEGRITY_CHECK_DELAY_MS", 0)
    thread_errors: list = []
    monkeypatch.setattr(threading, "excepthook", thread_errors.append)
    window = open_window(demo_home)
    records = window.records
    QApplication.processEvents()  # the two timers fire: both workers start

    window.close()
    records.deleteLater()  # as when its window is destroyed
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(records)
    for worker in [t for t in threading.enumerate() if t.name in WORKER_NAMES]:
        worker.join()
    QApplication.processEvents()
    records.shut_down()  # what quitting does, after the window is gone
    QApplication.processEvents()

    assert thread_errors == []
    err = capfd.readouterr().err
    assert "Traceback" not in err and "already deleted" not in err and "QObject" not in err
    backups = list_backups(demo_home)
    assert backups and all(diagnose(backup) is None for backup in backups)
    with HomeLock(demo_home):  # the home folder was released
        pass
