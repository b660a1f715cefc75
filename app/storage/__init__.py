"""Local SQLite storage of patients and exams (sqlite-utils); no Qt, no rules."""
