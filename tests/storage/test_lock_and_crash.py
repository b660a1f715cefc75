"""One writer per home folder, and a writer killed with SIGKILL loses nothing it committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.storage import exams
from app.storage.database import database_path, diagnose
from app.storage.lock import HomeInUseError
from app.storage.store import HomeStore

ROOT = Path(__file__).resolve().parents[2]
START = date(2000, 1, 1)

_SAVING_LOOP = textwrap.dedent("""
    import sys
    from datetime import date, timedelta
    from pathlib import Path
    from app.domain.exam import Exam
    from app.storage import exams
    from app.storage.store import HomeStore
    from tests.spec_ids import spec_catalogue

    catalogue = spec_catalogue()
    store = HomeStore.open(Path(sys.argv[1]))
    start = date(2000, 1, 1)
    record = exams.create_exam(store.db, Exam(exam_date=start), None, catalogue)
    print("ready", record.id, flush=True)
    counter = 0
    while True:
        counter += 1
        exam = Exam(exam_date=start + timedelta(days=counter)).with_strength(
            "left", "hip_flexion", str(counter % 6))
        exams.save_draft(store.db, record.id, exam, catalogue)
        print("saved", counter, flush=True)
""")


def _child(home: Path, code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, str(home)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_writer_killed_mid_autosave_loses_nothing_it_committed(home, catalogue):
    child = _child(home, _SAVING_LOOP)
    first = child.stdout.readline().split()
    assert first[0] == "ready", child.stderr.read()
    exam_id = int(first[1])
    last_reported = 0
    while last_reported < 40:
        last_reported = int(child.stdout.readline().split()[1])
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    assert diagnose(database_path(home)) is None
    with HomeStore.open(home) as store:  # the lock died with the child
        stored = exams.get_exam(store.db, exam_id, catalogue)
        saved_counter = (stored.exam.exam_date - START).days
        history = exams.revisions(store.db, exam_id)
    assert saved_counter >= last_reported
    assert len(history) == saved_counter + 1  # the creation, then every save, none torn
    assert [START + timedelta(days=n) for n in range(saved_counter + 1)] == [
        date.fromisoformat(r.document["exam_date"]) for r in history]


_HOLD_THE_HOME = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.storage.store import HomeStore
    store = HomeStore.open(Path(sys.argv[1]))
    print("holding", flush=True)
    sys.stdin.read()
""")


def test_a_second_instance_on_the_same_home_is_refused_with_a_clear_message(home):
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_THE_HOME, str(home)], cwd=ROOT,
                              text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(HomeInUseError) as refused:
            HomeStore.open(home)
        message = str(refused.value)
        assert f"process {holder.pid}" in message and "already open" in message
    finally:
        holder.stdin.close()
        holder.wait()
    HomeStore.open(home).close(backup=False)  # free again once the first one has gone
