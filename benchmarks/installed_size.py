"""Installed size of NerveChart's runtime dependencies, as a pip install puts them on disk.

    .venv/bin/python -m benchmarks.installed_size

Walks the `Requires-Dist` of the installed `nervechart` distribution (runtime requirements only,
no extras such as `dev` or `packaging`) and their own requirements, and adds up the files each
distribution's RECORD lists. Prints a table and writes it into packaging/README.md between the
`installed-size` markers. The numbers are for this machine's platform (Linux x86-64 wheels).
"""

from __future__ import annotations

import platform
import re
from importlib import metadata
from pathlib import Path

from benchmarks.report_section import replace_section

README = Path(__file__).resolve().parents[1] / "packaging" / "README.md"
MIB = 1024 * 1024


def runtime_closure(root: str = "nervechart") -> list[str]:
    """Names of the distributions `root` needs at run time, recursively, without extras."""
    seen: dict[str, None] = {}
    pending = list(_requirements(root))
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen[name] = None
        pending.extend(_requirements(name))
    return sorted(seen, key=str.lower)


def _requirements(name: str) -> list[str]:
    names = []
    for requirement in metadata.requires(name) or ():
        if "extra ==" in requirement or not _applies_here(requirement):
            continue
        names.append(_canonical(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0]))
    return names


def _applies_here(requirement: str) -> bool:
    marker = requirement.partition(";")[2].strip()
    if not marker:
        return True
    from packaging.markers import Marker  # vendored with pip's build tools in the dev venv

    return Marker(marker).evaluate()


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_bytes(name: str) -> int:
    files = metadata.distribution(name).files or ()
    return sum(path.locate().stat().st_size for path in files if Path(path.locate()).is_file())


def main() -> None:
    sizes = {name: installed_bytes(name) for name in runtime_closure()}
    total = sum(sizes.values())
    lines = [f"Measured by `python -m benchmarks.installed_size` on {platform.system()} "
             f"{platform.machine()}, Python {platform.python_version()}: the runtime "
             f"dependencies of nervechart take **{total / MIB:.0f} MiB** in site-packages.", "",
             "| distribution | MiB |", "|---|---:|"]
    for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
        lines.append(f"| {name} {metadata.version(name)} | {size / MIB:.1f} |")
    table = "\n".join(lines)
    print(table)
    replace_section(README, "installed-size", table)


if __name__ == "__main__":
    main()
