"""Timestamps as the database stores them: UTC, ISO 8601, to the millisecond."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def local_display(stamp: str) -> str:
    """A stored timestamp in local time for people, e.g. "2026-11-21 14:03"."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
