"""Builds the frozen NerveChart bundle on this machine, runs its selftest, measures it.

    .venv/bin/pip install -e ".[packaging]"   # PyInstaller: a build tool, not a runtime dep
    .venv/bin/python -m benchmarks.frozen_build

Runs PyInstaller on packaging/nervechart.spec into build/frozen/, then, with the offscreen Qt
platform and a throwaway home folder:
- `nervechart-cli --selftest` must exit 0 (resources, examples, letter, window inside the bundle);
- start-up time of `nervechart-cli --version`: the first run after the build (files not yet
  read since the build, the nearest to a cold start we get without flushing the OS cache, which
  would slow every other process on this shared machine) and the median of 5 warm runs;
- time to the charting window drawn (`nervechart-cli screenshot`) when the build has it;
- size of the bundle folder.
Prints the results and writes them into packaging/README.md between the `frozen-build` markers.
Too slow for the test suite (about two minutes of build); run it by hand or with `make bench`.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report_section import replace_section

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "nervechart.spec"
OUTPUT = ROOT / "build" / "frozen"
README = ROOT / "packaging" / "README.md"
MIB = 1024 * 1024
WARM_RUNS = 5


def build() -> tuple[Path, float]:
    """Run PyInstaller; returns the bundle folder and the build time in seconds."""
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        raise SystemExit('PyInstaller is not installed: .venv/bin/pip install -e ".[packaging]"')
    shutil.rmtree(OUTPUT, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([pyinstaller, "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(OUTPUT / "dist"), "--workpath", str(OUTPUT / "work"),
                    str(SPEC)], check=True, cwd=ROOT)
    return OUTPUT / "dist" / "NerveChart", time.perf_counter() - started


def timed_run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}"
                         f"\n{done.stderr}")
    return elapsed, done.stdout


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()
               and not path.is_symlink())


def main() -> None:
    bundle, build_seconds = build()
    cli = bundle / ("nervechart-cli.exe" if os.name == "nt" else "nervechart-cli")
    with tempfile.TemporaryDirectory(prefix="nervechart-frozen-") as scratch:
        work = Path(scratch)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NERVECHART_HOME": str(work)}
        load = os.getloadavg()[0]
        first_start, version = timed_run([str(cli), "--version"], env, work)
        warm = statistics.median(timed_run([str(cli), "--version"], env, work)[0]
                                 for _ in range(WARM_RUNS))
        selftest_seconds, selftest = timed_run([str(cli), "--selftest"], env, work)
        window = _window_seconds(cli, env, work)
    size = folder_bytes(bundle)
    lines = [
        f"Measured by `python -m benchmarks.frozen_build` on {platform.system()} "
        f"{platform.machine()} ({os.cpu_count()} cores, shared; 1-minute load average "
        f"{load:.1f} when the timings started), {version.strip()}, "
        f"PyInstaller {_pyinstaller_version()}. Timings on a busy shared machine vary by "
        f"a factor of two between runs:", "",
        "| measure | value |", "|---|---:|",
        f"| bundle folder `NerveChart/` | {size / MIB:.0f} MiB |",
        f"| build time | {build_seconds:.0f} s |",
        f"| `nervechart-cli --version`, first run after the build | {first_start:.2f} s |",
        f"| `nervechart-cli --version`, median of {WARM_RUNS} warm runs | {warm:.2f} s |",
        f"| `nervechart-cli --selftest` (all checks) | {selftest_seconds:.1f} s |",
        f"| start to charting window drawn (`screenshot`) | {window} |",
        "", "Selftest output of the frozen build:", "", "```", selftest.strip(), "```",
    ]
    report = "\n".join(lines)
    print(report)
    replace_section(README, "frozen-build", report)


def _window_seconds(cli: Path, env: dict[str, str], work: Path) -> str:
    seconds, _ = timed_run([str(cli), "screenshot", str(work / "window.png")], env, work)
    return f"{seconds:.2f} s"


def _pyinstaller_version() -> str:
    from importlib.metadata import version

    return version("pyinstaller")


if __name__ == "__main__":
    main()
