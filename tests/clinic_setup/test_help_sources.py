"""Help › Clinical sources lists every source and every data table with its version."""

from __future__ import annotations

from app import __version__
from app.gui.context import AppContext
from app.gui.help_sources import SourcesDialog, source_usage
from app.gui.main_window import MainWindow
from app.gui.session import ExamSession


def test_every_source_key_is_listed(qtbot, kb):
    dialog = SourcesDialog(kb)
    qtbot.addWidget(dialog)
    assert sorted(dialog.visible_source_keys()) == sorted(kb.sources)
    citations = {dialog.sources.item(row, 0).text(): dialog.sources.item(row, 2).text()
                 for row in range(dialog.sources.rowCount())}
    assert citations == {key: source.citation for key, source in kb.sources.items()}


def test_every_table_is_listed_with_its_version(qtbot, kb):
    dialog = SourcesDialog(kb)
    qtbot.addWidget(dialog)
    listed = {dialog.tables.item(row, 0).text(): dialog.tables.item(row, 1).text()
              for row in range(dialog.tables.rowCount())}
    assert listed == dict(kb.table_versions)
    rows = {dialog.tables.item(row, 0).text(): dialog.tables.item(row, 2).text()
            for row in range(dialog.tables.rowCount())}
    assert rows["muscles.csv"] == str(len(kb.muscles))


def test_the_app_version_is_shown(qtbot, kb):
    from PySide6.QtWidgets import QLabel

    dialog = SourcesDialog(kb)
    qtbot.addWidget(dialog)
    assert any(f"NerveChart {__version__}" in label.text()
               for label in dialog.findChildren(QLabel))


def test_filter_keeps_only_matching_sources(qtbot, kb):
    dialog = SourcesDialog(kb)
    qtbot.addWidget(dialog)
    key = sorted(kb.sources)[0]
    qtbot.keyClicks(dialog.filter, key)
    assert key in dialog.visible_source_keys()
    assert len(dialog.visible_source_keys()) < len(kb.sources)
    dialog.filter.clear()
    assert len(dialog.visible_source_keys()) == len(kb.sources)


def test_usage_counts_the_rows_citing_each_source(kb):
    usage = source_usage(kb)
    muscle = next(iter(kb.muscles.values()))
    for key in muscle.source.split(";"):
        assert usage[key]["muscles.csv"] >= 1
    assert set(usage) == set(kb.sources)


def test_help_menu_opens_the_sources(qtbot, kb):
    from app.gui import clinic_setup

    context = AppContext(session=ExamSession(kb), kb=kb, home=None)
    window = MainWindow(context)
    qtbot.addWidget(window)
    clinic_setup.install(window, context)
    window.clinic_setup.sources_action.trigger()
    assert window.clinic_setup.sources_dialog.isVisible()
    assert window.clinic_setup.sources_action in window.menu("&Help").actions()
