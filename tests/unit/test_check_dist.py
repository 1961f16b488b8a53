"""tools/check_dist.py: the checks `make dist` runs on the wheel and sdist."""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tools.check_dist import ROOT, SDIST_FILES, WHEEL_FILES, check_archives, source_version

VERSION = "9.8.7"
ENTRY_POINTS = "[pytest11]\nimagebuilder_sdk = imagebuilder_sdk.pytest_plugin\n"


def _archives(dist: Path, *, leave_out: str = "", version: str = VERSION) -> None:
    """A wheel and an sdist like hatchling's, without the file `leave_out`."""
    dist.mkdir(exist_ok=True)
    wheel = dist / f"imagebuilder_sdk-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in WHEEL_FILES:
            if name != leave_out:
                archive.writestr(name, "")
        archive.writestr(f"imagebuilder_sdk-{version}.dist-info/entry_points.txt", ENTRY_POINTS)
    with tarfile.open(dist / f"imagebuilder_sdk-{version}.tar.gz", "w:gz") as archive:
        for name in SDIST_FILES:
            if name != leave_out:
                info = tarfile.TarInfo(f"imagebuilder_sdk-{version}/{name}")
                archive.addfile(info, io.BytesIO(b""))


def test_complete_archives_pass(tmp_path: Path) -> None:
    """A wheel and sdist with every required file and the entry point have no problem."""
    _archives(tmp_path / "dist")
    assert check_archives(tmp_path / "dist", VERSION) == []


@pytest.mark.parametrize("missing", ["imagebuilder_sdk/py.typed", "CHANGELOG.md"])
def test_a_missing_file_is_named(tmp_path: Path, missing: str) -> None:
    """A wheel without py.typed (or an sdist without the changelog) is refused by name."""
    _archives(tmp_path / "dist", leave_out=missing)
    assert [p for p in check_archives(tmp_path / "dist", VERSION) if missing in p] != []


def test_archives_of_another_version_are_refused(tmp_path: Path) -> None:
    """Archives whose version is not the one in _version.py are reported."""
    _archives(tmp_path / "dist", version="1.0.0")
    problems = check_archives(tmp_path / "dist", VERSION)
    assert any("not version 9.8.7" in p for p in problems)


def test_the_version_is_written_once() -> None:
    """pyproject.toml takes the version from _version.py; the package and user agent agree."""
    import imagebuilder_sdk
    from imagebuilder_sdk.client import USER_AGENT

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert "\nversion =" not in pyproject
    assert imagebuilder_sdk.__version__ == source_version()
    assert USER_AGENT.removeprefix("imagebuilder-sdk/") == source_version()


def test_the_real_build_passes_the_checks(tmp_path: Path) -> None:
    """`python -m build` (as `make dist` runs it) makes a wheel and sdist that pass."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    assert check_archives(dist, source_version()) == []


def test_the_readme_shows_both_install_lines() -> None:
    """The README has the `pip install` a user will type from PyPI and the one from a clone."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'imagebuilder-sdk[all]'" in readme
    assert "pip install '/path/to/imagebuilder-sdk[all]'" in readme


def test_ci_runs_the_tests_and_the_dist_checks() -> None:
    """.ci/run runs `make test` and then `make dist`."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines.index("make test") < lines.index("make dist")
