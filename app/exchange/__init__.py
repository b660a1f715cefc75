"""Exam documents in and out of files: the only place that reads or writes exam JSON files."""
