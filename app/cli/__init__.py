"""The `nervechart` command line: everything the app does to an exam, without the GUI."""
