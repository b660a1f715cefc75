"""Patient records in the charting window: patient list, exam history, follow-up comparison,
autosave and crash recovery (feature module `app.gui.records.feature`)."""
