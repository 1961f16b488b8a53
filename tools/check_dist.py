"""Check the wheel and sdist that ``make dist`` built, before anyone uploads them.

    python tools/check_dist.py dist            # what is inside each archive
    python tools/check_dist.py dist --install  # ... and the wheel in a fresh venv

Inside: exactly one wheel and one sdist of the version in ``_version.py``; the wheel
holds the package with its ``py.typed`` marker, the emulator and the pytest plugin's
``pytest11`` entry point; the sdist holds the sources, the tests, the README and the
CHANGELOG. With ``--install``, a new virtual environment gets the wheel (and its
dependencies, held to constraints.txt), and outside the source tree ``import
imagebuilder_sdk`` must work and report that version. ``twine check`` (run by the
Makefile) checks the metadata PyPI will show.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "imagebuilder_sdk"

#: Files the wheel must carry (paths inside it).
WHEEL_FILES = (
    f"{PACKAGE}/__init__.py",
    f"{PACKAGE}/py.typed",
    f"{PACKAGE}/pytest_plugin.py",
    f"{PACKAGE}/testing/__init__.py",
    f"{PACKAGE}/testing/_mock.py",
)
#: Files the sdist must carry (paths below its top directory).
SDIST_FILES = (
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    f"src/{PACKAGE}/py.typed",
    "tests/conftest.py",
)


def source_version(root: Path = ROOT) -> str:
    """The version written in ``src/imagebuilder_sdk/_version.py``."""
    text = (root / "src" / PACKAGE / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if found is None:
        raise SystemExit("no __version__ in _version.py")
    return found.group(1)


def check_archives(dist: Path, version: str) -> list[str]:
    """What is wrong with the archives in `dist` (an empty list: nothing)."""
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    problems = []
    if len(wheels) != 1 or len(sdists) != 1:
        return [f"want one wheel and one sdist in {dist}, found {wheels + sdists}"]
    wheel, sdist = wheels[0], sdists[0]
    if not wheel.name.startswith(f"{PACKAGE}-{version}-"):
        problems.append(f"the wheel {wheel.name} is not version {version}")
    if sdist.name != f"{PACKAGE}-{version}.tar.gz":
        problems.append(f"the sdist {sdist.name} is not version {version}")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        problems += [f"the wheel lacks {name}" for name in WHEEL_FILES if name not in names]
        entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points[0]).decode() if entry_points else ""
        if "[pytest11]" not in text or f"{PACKAGE}.pytest_plugin" not in text:
            problems.append("the wheel does not declare the pytest11 entry point")
    with tarfile.open(sdist) as archive:
        top = f"{PACKAGE}-{version}/"
        names = {name.removeprefix(top) for name in archive.getnames()}
        problems += [f"the sdist lacks {name}" for name in SDIST_FILES if name not in names]
    return problems


def check_install(dist: Path, version: str) -> None:
    """Install the wheel into a fresh venv and import the package from outside the tree."""
    (wheel,) = dist.glob("*.whl")
    uv = Path(sys.executable).with_name("uv")
    with tempfile.TemporaryDirectory(prefix="imagebuilder-sdk-dist-") as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        installer = (
            [str(uv), "pip", "install", "--quiet", "--python", str(python)]
            if uv.exists()
            else [str(python), "-m", "pip", "install", "--quiet"]
        )
        constraints = ["-c", str(ROOT / "constraints.txt")]
        subprocess.run([*installer, *constraints, str(wheel.resolve())], check=True)
        probe = (
            "import importlib.metadata, pathlib, imagebuilder_sdk, imagebuilder_sdk.testing\n"
            "installed = importlib.metadata.version('imagebuilder-sdk')\n"
            "assert imagebuilder_sdk.__version__ == installed\n"
            "assert (pathlib.Path(imagebuilder_sdk.__file__).parent / 'py.typed').is_file()\n"
            "assert 'site-packages' in imagebuilder_sdk.__file__, imagebuilder_sdk.__file__\n"
            "print(imagebuilder_sdk.__version__)\n"
        )
        shown = subprocess.run(
            [str(python), "-c", probe], check=True, cwd=scratch, capture_output=True, text=True
        ).stdout.strip()
        if shown != version:
            raise SystemExit(f"the installed package says {shown!r}, not {version!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("dist", type=Path, help="the directory python -m build wrote")
    parser.add_argument("--install", action="store_true", help="also install it in a new venv")
    args = parser.parse_args(argv)
    version = source_version()
    problems = check_archives(args.dist, version)
    for problem in problems:
        print(f"dist: {problem}", file=sys.stderr)
    if problems:
        return 1
    if args.install:
        check_install(args.dist, version)
    print(f"dist: imagebuilder-sdk {version}: wheel and sdist are complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
