"""The wheel, installed into a fresh virtual environment outside the checkout, passes its selftest.

This is what an IT department gets when it installs NerveChart with pip: the test builds the
wheel from this checkout, installs it into a new virtual environment under pytest's temporary
folder and runs `nervechart --selftest` from another directory, so any resource that only works
because the checkout is the current directory (or on sys.path) fails here.

Offline and fast: the new environment gets the wheel with `--no-deps`, and a `.pth` file makes the
project's own `.venv` site-packages visible to it, so PySide6, ReportLab and the rest are not
downloaded again (a real install fetches them from the index; here they are the very same files).
A `.pth` line only appends that folder to sys.path: the `.pth` files inside it, such as the
editable install's pointer back to this checkout, are not processed, so `app` can only come
from the wheel. Takes about 10-20 seconds (marker `packaging`, deselect with -m "not packaging").
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

CHECKOUT = Path(__file__).resolve().parents[2]


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None):
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel-install")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                  "--quiet", "-w", str(work / "wheelhouse"), str(CHECKOUT)], cwd=work)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "wheelhouse").glob("nervechart-*.whl")

    environment = work / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    purelib = Path(_run([str(bin_dir / "python"), "-c",
                         "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        cwd=work).stdout.strip())
    (purelib / "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")

    installed = _run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"),
                      "install", "--no-deps", "--no-index", "--quiet", str(wheel)], cwd=work)
    assert installed.returncode == 0, installed.stderr
    return bin_dir


def _clean_environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", NERVECHART_HOME=str(home))
    return env


def test_the_installed_app_comes_from_the_wheel_not_the_checkout(installed: Path, tmp_path):
    done = _run([str(installed / "python"), "-c",
                 "import app, app.paths; print(app.__file__); print(app.paths.resources_dir())"],
                cwd=tmp_path, env=_clean_environment(tmp_path))
    assert done.returncode == 0, done.stderr
    package, resources = (Path(line) for line in done.stdout.split())
    assert CHECKOUT not in package.parents
    assert resources == package.parent / "resources"


def test_installed_selftest_passes_from_another_directory(installed: Path, tmp_path):
    done = _run([str(installed / "nervechart"), "--selftest"], cwd=tmp_path,
                env=_clean_environment(tmp_path / "home"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(installed package;" in done.stdout
    assert "FAIL" not in done.stdout
    assert "ok    example exams" in done.stdout


def test_installed_version_matches_the_package(installed: Path, tmp_path):
    from app import __version__

    done = _run([str(installed / "nervechart"), "--version"], cwd=tmp_path,
                env=_clean_environment(tmp_path))
    assert (done.returncode, done.stdout.strip()) == (0, f"nervechart {__version__}")
