"""Regenerates every screenshot of the user guide (docs/images/guide-*.png) from the real app.

    .venv/bin/python scripts/make_guide_screenshots.py

The charting window comes from `nervechart screenshot` with the bundled example exams; the
letter is `nervechart letter` rendered to a PNG with pypdfium2; the whole window with patients
and follow-up (which `nervechart screenshot` does not open) and the welcome, settings and
sources dialogs are drawn offscreen from the app's own classes. Everything runs on a throwaway home
folder holding the demo clinic, never on a real one. Re-run after any visible change so the
guide never shows an old screen; files no longer produced are deleted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
EXAMPLES = ROOT / "resources" / "examples"
DIALOG_SIZE = (900, 640)
WINDOW_SIZE = (1500, 940)  # as `nervechart screenshot` draws it
FULL_WINDOW_SIZE = (1800, 1060)
SETTLE_ROUNDS = 10
# The home folder the welcome shows: Linux's default for a user called "physio" (the dialog only
# displays it), so the picture does not change with each run's temporary folder.
SHOWN_HOME = Path("/home/physio/.local/share/NerveChart")
FOLLOW_UP_PATIENT = "DEMO-0002"  # the demo patient whose foot drop worsens visit by visit


def nervechart(home: Path, *arguments: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NERVECHART_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "app", *arguments], check=True, cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL)


def window_with(example: str) -> Callable[[Path, Path], None]:
    def shoot(home: Path, target: Path) -> None:
        nervechart(home, "screenshot", str(target), "--exam", str(EXAMPLES / example))
    return shoot


def letter_page(home: Path, target: Path) -> None:
    import pypdfium2

    pdf = home / "letter.pdf"
    nervechart(home, "letter", str(EXAMPLES / "l5-foot-drop.json"), "-o", str(pdf))
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        document[0].render(scale=1.3).to_pil().save(target)
    finally:
        document.close()


def _dialog_shots() -> dict[str, Callable[[Path, Path], None]]:
    """Dialogs drawn in this process (Qt offscreen), filled as a user would leave them."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    from app.exchange.exam_files import read_exam_file
    from app.gui.context import AppContext
    from app.gui.first_run import WelcomeDialog
    from app.gui.help_sources import SourcesDialog
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession
    from app.gui.settings_dialog import SettingsDialog
    from app.knowledge import load_knowledge
    from app.storage import exams, patients
    from app.storage.demo import DEMO_SETTINGS
    from app.storage.settings import ClinicSettings

    create_application()
    kb = load_knowledge()

    def settle() -> None:
        """Let deferred drawing (charts, canvases) finish before the picture is taken."""
        for _ in range(SETTLE_ROUNDS):
            QApplication.processEvents()
            time.sleep(0.02)

    def grab(dialog, target: Path) -> None:
        dialog.resize(*DIALOG_SIZE)
        dialog.show()
        if not dialog.grab().save(str(target)):
            raise OSError(f"cannot write {target}")
        dialog.close()

    def welcome(_home: Path, target: Path) -> None:
        dialog = WelcomeDialog(SHOWN_HOME, ClinicSettings(), offer_demo=True)
        dialog.details.show_settings(DEMO_SETTINGS)
        dialog.demo.setChecked(True)
        grab(dialog, target)

    def settings(tab: int) -> Callable[[Path, Path], None]:
        def shoot(_home: Path, target: Path) -> None:
            dialog = SettingsDialog(DEMO_SETTINGS)
            dialog.findChild(QTabWidget).setCurrentIndex(tab)
            grab(dialog, target)
        return shoot

    def sources(_home: Path, target: Path) -> None:
        grab(SourcesDialog(kb), target)

    def findings_tab(example: str, page: str) -> Callable[[Path, Path], None]:
        """The charting window with `example` loaded and the tab titled `page…` in front."""
        def shoot(_home: Path, target: Path) -> None:
            session = ExamSession(kb)
            session.load(read_exam_file(EXAMPLES / example, kb.catalogue()))
            window = build_main_window(AppContext(session=session, kb=kb, home=None))
            window.resize(*WINDOW_SIZE)
            window.show()
            tabs = window.charting.tabs
            (index,) = [i for i in range(tabs.count()) if tabs.tabText(i).startswith(page)]
            tabs.setCurrentIndex(index)
            settle()
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            window.close()
        return shoot

    def follow_up(home: Path, target: Path) -> None:
        """The whole window on the demo home: patients, exam history, comparison charts."""
        window = build_main_window(AppContext(session=ExamSession(kb), kb=kb, home=home))
        window.resize(*FULL_WINDOW_SIZE)
        window.show()
        records = window.records
        try:
            patient = patients.find_by_identifier(records.store.db, FOLLOW_UP_PATIENT)
            records.patient_list.select_patient(patient.id)
            records.show_patient(patient)
            records.open_exam(exams.latest_exam(records.store.db, patient.id, kb.catalogue()))
            settle()
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
        finally:
            records.shut_down()
            window.close()

    return {"guide-reflexes-tests.png": findings_tab("l5-foot-drop.json", "Reflexes"),
            "guide-red-flags.png": findings_tab("cauda-equina.json", "Red flags"),
            "guide-history.png": findings_tab("l5-foot-drop.json", "History"),
            "guide-follow-up.png": follow_up, "guide-welcome.png": welcome,
            "guide-settings-details.png": settings(0), "guide-settings-judgement.png": settings(1),
            "guide-help-sources.png": sources}


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = "1"
    sys.path.insert(0, str(ROOT))
    shots: dict[str, Callable[[Path, Path], None]] = {
        "guide-charting-l5.png": window_with("l5-foot-drop.json"),
        "guide-charting-peroneal.png": window_with("peroneal-foot-drop.json"),
        "guide-charting-cauda-equina.png": window_with("cauda-equina.json"),
        "guide-letter.png": letter_page,
        **_dialog_shots(),
    }
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nervechart-guide-") as scratch:
        home = Path(scratch)
        nervechart(home, "demo")
        for name, shoot in shots.items():
            shoot(home, IMAGES / name)
            print(f"wrote docs/images/{name}")  # noqa: T201 - progress of a script
    for stale in set(IMAGES.glob("guide-*.png")) - {IMAGES / name for name in shots}:
        stale.unlink()
        print(f"deleted stale {stale.relative_to(ROOT)}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
