"""Shared helpers of the storage benchmarks: percentiles and a description of the machine."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from datetime import date


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def describe(milliseconds: list[float]) -> str:
    return (f"median {statistics.median(milliseconds):.1f} ms, "
            f"p99 {percentile(milliseconds, 0.99):.1f} ms, max {max(milliseconds):.1f} ms")


def machine() -> str:
    return (f"{date.today().isoformat()}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")
