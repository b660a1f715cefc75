"""The text a patient is found by, and the words of a query, folded the same way.

Folding drops case and accents ("Zoë" and "zoe" match) so that SQLite's plain `LIKE` can do
the matching. A date of birth is searchable as ISO (`1980-03-02`), day/month/year
(`02/03/1980`) and the clinical display form (`02-Mar-1980`).
"""

from __future__ import annotations

import unicodedata
from datetime import date


def fold(text: str) -> str:
    """Lower case without accents, e.g. "Łukasz Zoë" -> "lukasz zoe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("ł", "l").replace("ø", "o").replace("đ", "d")


def patient_search_key(name: str | None, date_of_birth: str | None,
                       identifier: str | None) -> str:
    parts = [name or "", identifier or ""]
    if date_of_birth:
        born = date.fromisoformat(date_of_birth)
        parts += [born.isoformat(), born.strftime("%d/%m/%Y"), born.strftime("%d-%b-%Y")]
    return fold(" ".join(parts))


def query_words(query: str) -> list[str]:
    """The folded words of what the user typed; every one of them must match."""
    return fold(query).split()
