"""Cold start: the first `ImageBuilder.connect()` and `ImageBuilder.local()` against boto3's.

Each sample is a fresh interpreter that times, in CPU time, everything from nothing
imported to a first client: ``import boto3`` + ``boto3.client("imagebuilder")`` on the
boto3 side; ``import imagebuilder_sdk`` + ``ImageBuilder.connect(region_name=...)`` or
``ImageBuilder.local()`` on the SDK's. Constructing a client sends no request. The
three kinds of interpreter are started in turn, round after round, so they see the same
load, and each figure is the median SDK time over the median boto3 time.

The children keep their bytecode in a private cache (``PYTHONPYCACHEPREFIX``) warmed
by one run first: an installed package has its ``.pyc`` files, and without them every
child would spend most of its time compiling sources (``PYTHONDONTWRITEBYTECODE``, set
on some machines, would otherwise force exactly that).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks._figures import Figure, Settings, median

__all__ = ["SCRIPTS", "cold_start_figures"]

_REGION = "us-east-1"

#: What each kind of child does before its first call.
SCRIPTS = {
    "boto3": f"import boto3\nboto3.client('imagebuilder', region_name={_REGION!r})",
    "connect": (
        f"import imagebuilder_sdk\nimagebuilder_sdk.ImageBuilder.connect(region_name={_REGION!r})"
    ),
    "local": "import imagebuilder_sdk\nimagebuilder_sdk.ImageBuilder.local()",
}

_TIMED = """
import json, time
started = time.process_time()
{body}
print(json.dumps({{"seconds": time.process_time() - started}}))
"""


def _environment(cache: str) -> dict[str, str]:
    import imagebuilder_sdk

    source = str(Path(imagebuilder_sdk.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    # Dummy credentials and no config files: nothing depends on this machine's AWS set-up.
    env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    return env


def _sample(kind: str, env: dict[str, str]) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _TIMED.format(body=SCRIPTS[kind])],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    return float(json.loads(result.stdout.splitlines()[-1])["seconds"]) * 1000


def cold_start_figures(settings: Settings) -> list[Figure]:
    """The first `connect()` and the first `local()`, each as a ratio to boto3's first client."""
    samples: dict[str, list[float]] = {kind: [] for kind in SCRIPTS}
    with tempfile.TemporaryDirectory(prefix="ib-bench-pyc-") as cache:
        env = _environment(cache)
        for kind in SCRIPTS:  # warm the bytecode cache
            _sample(kind, env)
        for round_ in range(settings.import_processes):
            kinds = list(SCRIPTS) if round_ % 2 == 0 else list(reversed(SCRIPTS))
            for kind in kinds:
                samples[kind].append(_sample(kind, env))
    boto3_ms = median(samples["boto3"])
    figures = []
    for kind, title, target in (
        ("connect", "`import imagebuilder_sdk` + first `ImageBuilder.connect()`", None),
        ("local", "`import imagebuilder_sdk` + first `ImageBuilder.local()`", 1.00),
    ):
        sdk_ms = median(samples[kind])
        figures.append(
            Figure(
                key=f"cold_{kind}_ratio",
                title=f"{title} vs `import boto3` + first `boto3.client()` (fresh interpreters)",
                value=round(sdk_ms / boto3_ms, 3),
                unit="x",
                target=target,
                detail={
                    "processes_each": len(samples[kind]),
                    "boto3_ms": round(boto3_ms, 1),
                    "sdk_ms": round(sdk_ms, 1),
                },
            )
        )
    return figures
