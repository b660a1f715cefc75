"""The app's automatic backups: today's on the first start of the day, another on close."""

from __future__ import annotations

from app.gui.records import controller
from app.storage.backups import list_backups
from app.storage.database import diagnose


def test_the_first_start_of_the_day_takes_a_verified_backup_in_the_background(
        demo_home, open_window, qtbot, monkeypatch):
    monkeypatch.setattr(controller, "DAILY_BACKUP_DELAY_MS", 0)
    assert list_backups(demo_home) == []
    records = open_window(demo_home).records  # the backup timer fires once events run
    outcome: list = []
    records.daily_backup_done.connect(lambda *args: outcome.extend(args))

    qtbot.waitUntil(lambda: bool(outcome), timeout=20000)

    problem, written = outcome
    assert problem is None
    backups = list_backups(demo_home)
    assert [b.name for b in backups] == [written] and diagnose(backups[0]) is None


def test_closing_takes_a_backup(demo_home, open_window):
    records = open_window(demo_home).records
    before = len(list_backups(demo_home))
    records.shut_down()
    assert len(list_backups(demo_home)) == before + 1
