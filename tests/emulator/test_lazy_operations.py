"""Cold start: the emulator loads an operation's module on its first call, not before.

`Backend` keeps a table of which ``_ops_*`` module implements each operation; these
tests hold that table to the modules' own ``OPERATIONS``, and check in fresh
interpreters (this one has imported everything) that `ImageBuilder.local()` loads
neither boto3, the HTTP server nor the operation modules, that a first call loads only
its own module, and that `ImageBuilder.connect()` loads no part of the emulator.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import imagebuilder_sdk
import imagebuilder_sdk.testing as testing
from imagebuilder_sdk.testing import _backend
from imagebuilder_sdk.testing._backend import Backend

_OPS = sorted(
    info.name for info in pkgutil.iter_modules(testing.__path__) if info.name[:5] == "_ops_"
)


def test_every_operation_module_is_in_the_table() -> None:
    """No ``_ops_*`` module is left out of the table, and the table names no other."""
    assert sorted(_backend._MODULES) == _OPS


@pytest.mark.parametrize("name", _OPS)
def test_the_table_lists_exactly_the_operations_of_each_module(name: str) -> None:
    """Each module's entry is the set of operations its ``OPERATIONS`` registers."""
    module = importlib.import_module(f"imagebuilder_sdk.testing.{name}")
    assert sorted(_backend._MODULES[name]) == sorted(module.OPERATIONS)


def test_operations_is_the_whole_table() -> None:
    """`Backend.operations` names every operation of every module, loaded or not."""
    modules = [importlib.import_module(f"imagebuilder_sdk.testing.{name}") for name in _OPS]
    everything = {operation for module in modules for operation in module.OPERATIONS}
    assert Backend().operations == everything


_PROBE = """
import json, sys
from imagebuilder_sdk import ImageBuilder
found = {}
def loaded(prefix):
    return sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))
if sys.argv[1] == "connect":
    ImageBuilder.connect(region_name="us-east-1")
    found["connect"] = loaded("imagebuilder_sdk.testing") + loaded("imagebuilder_sdk.documents")
else:
    ib = ImageBuilder.local()
    found["local"] = loaded("boto3") + loaded("s3transfer") + loaded("http.server") + [
        m for m in sys.modules if m.startswith("imagebuilder_sdk.testing._ops_")
    ]
    list(ib.components.list(owner="Amazon"))
    found["call"] = sorted(m for m in sys.modules if m.startswith("imagebuilder_sdk.testing._ops_"))
print(json.dumps(found))
"""


def _probe(kind: str) -> dict[str, list[str]]:
    source = str(Path(imagebuilder_sdk.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, kind],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    found: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return found


def test_local_loads_no_operation_module_until_its_first_call() -> None:
    """`local()` imports no boto3, HTTP server or ``_ops_*``; a listing loads its own only."""
    found = _probe("local")
    assert found["local"] == []
    assert found["call"] == ["imagebuilder_sdk.testing._ops_components"]


def test_connect_loads_no_part_of_the_emulator() -> None:
    """`connect()` imports neither the emulator nor the document builders."""
    assert _probe("connect") == {"connect": []}
