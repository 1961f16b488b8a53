"""What ``import imagebuilder_sdk`` costs on top of ``import boto3``, in fresh interpreters.

Each interpreter imports boto3 first, then the SDK, and reports the CPU time of the
second import alone: the cost a program that already uses boto3 pays for the SDK. One
more interpreter runs with ``-X importtime`` to say where that time goes, by top-level
package (and by module of the SDK), and which optional packages got imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks._figures import Figure, Settings, median

__all__ = ["HEAVY_OPTIONAL", "import_figure", "import_breakdown"]

#: Packages `import imagebuilder_sdk` must not load: they serve optional features.
HEAVY_OPTIONAL = ("imagebuilder_sdk.testing", "imagebuilder_sdk.documents", "rich", "pandas")

_TIMED = """
import json, sys, time
import boto3
before = set(sys.modules)
started = time.process_time()
{statement}
seconds = time.process_time() - started
print(json.dumps({{"seconds": seconds, "modules": sorted(set(sys.modules) - before)}}))
"""

#: The first use of the facade: what a script pays before its first call.
_FIRST_USE = "from imagebuilder_sdk import ImageBuilder"


def _environment() -> dict[str, str]:
    """The environment for a child interpreter: this process's SDK first on the path."""
    import imagebuilder_sdk

    source = str(Path(imagebuilder_sdk.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    return env


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
        timeout=120,
    )


def import_breakdown() -> dict[str, float]:
    """Milliseconds of the SDK's import by package, from ``-X importtime`` (self times)."""
    result = _run(["-X", "importtime", "-c", "import boto3; import imagebuilder_sdk"])
    lines = result.stderr.splitlines()
    # Everything after boto3's own line is what the SDK's import added.
    start = max(i for i, line in enumerate(lines) if line.rstrip().endswith("| boto3"))
    totals: dict[str, float] = {}
    for line in lines[start + 1 :]:
        parts = line.split("|")
        if len(parts) != 3 or not parts[0].split(":")[-1].strip().isdigit():
            continue
        name = parts[2].strip()
        group = name.split(".")[0]
        if group == "imagebuilder_sdk":
            group = ".".join(name.split(".")[:2])
        totals[group] = totals.get(group, 0.0) + int(parts[0].split(":")[-1]) / 1000
    largest = sorted(totals.items(), key=lambda item: -item[1])[:8]
    return {name: round(ms, 1) for name, ms in largest}


def _processes(count: int) -> str:
    return f"median of {count} fresh interpreters" if count != 1 else "1 fresh interpreter"


def _first_use_figure(settings: Settings) -> Figure:
    """Median CPU milliseconds of loading the facade, models and converter after boto3."""
    samples = [
        float(json.loads(_run(["-c", _TIMED.format(statement=_FIRST_USE)]).stdout)["seconds"])
        * 1000
        for _ in range(settings.import_processes)
    ]
    return Figure(
        key="first_use_import_ms",
        title=f"`{_FIRST_USE}` minus `import boto3` ({_processes(len(samples))})",
        value=round(median(samples), 1),
        unit="ms",
        detail={"processes": len(samples), "fastest_ms": round(min(samples), 1)},
    )


def import_figure(settings: Settings) -> list[Figure]:
    """``import imagebuilder_sdk`` (lazy) and the first use of the facade, after boto3."""
    return [_import_figure(settings), _first_use_figure(settings)]


def _import_figure(settings: Settings) -> Figure:
    """Median CPU milliseconds of ``import imagebuilder_sdk`` after ``import boto3``."""
    samples, modules = [], set()
    for _ in range(settings.import_processes):
        statement = _TIMED.format(statement="import imagebuilder_sdk")
        report = json.loads(_run(["-c", statement]).stdout)
        samples.append(float(report["seconds"]) * 1000)
        modules.update(report["modules"])
    heavy = sorted(
        name
        for name in HEAVY_OPTIONAL
        if any(m == name or m.startswith(name + ".") for m in modules)
    )
    return Figure(
        key="import_ms",
        title=f"`import imagebuilder_sdk` minus `import boto3` ({_processes(len(samples))})",
        value=round(median(samples), 1),
        unit="ms",
        target=30.0,
        detail={
            "processes": len(samples),
            "fastest_ms": round(min(samples), 1),
            "optional_packages_imported": heavy,
            "modules_imported": len(modules),
            "by_package_ms": import_breakdown(),
        },
    )
