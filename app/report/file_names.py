"""Safe default file names for saved letters: no patient name, nothing a file system rejects.

`letter_file_name(exam, destination)` gives `<identifier>_<exam date>_<destination>.pdf`, e.g.
`CL-00417_2026-11-21_spinal_surgery.pdf`. The patient's name is never used (it would leak into
recent-file lists, cloud sync and e-mail; ecosystem.md 5.5). The identifier keeps only ASCII
letters, digits, `-` and `.`, every other run of characters becomes `_`, leading dots are
dropped (no hidden files, no `..`) and the stem is cut to a length every file system accepts
before the extension is added.
"""

from __future__ import annotations

import re

from app.domain.exam import Exam

MAX_STEM = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


def safe_stem(text: str) -> str:
    """`text` reduced to characters safe in a file name on Windows, macOS and Linux."""
    return _UNSAFE.sub("_", text).strip("._")[:MAX_STEM].rstrip("._")


def letter_file_name(exam: Exam, destination: str) -> str:
    identifier = safe_stem(exam.patient.identifier or "") or "letter"
    return f"{safe_stem(f'{identifier}_{exam.exam_date.isoformat()}_{destination}')}.pdf"
