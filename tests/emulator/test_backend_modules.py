"""The backend's private modules: each documented, with a sorted, honest __all__."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import imagebuilder_sdk.testing as testing
from tests.emulator.test_backend_support import MODEL

_MINE = sorted(
    info.name
    for info in pkgutil.iter_modules(testing.__path__)
    if info.name.startswith(("_state", "_ops")) or info.name in ("_backend", "_clock")
)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"imagebuilder_sdk.testing.{name}")


def test_backend_modules_are_found() -> None:
    """The backend is split into state and operation modules."""
    assert {"_backend", "_clock", "_state", "_ops_components", "_ops_images"} <= set(_MINE)


@pytest.mark.parametrize("name", _MINE)
def test_module_declares_sorted_existing_names(name: str) -> None:
    """Each backend module has a docstring and a sorted __all__ of names it defines."""
    module = _module(name)
    assert module.__doc__
    assert module.__all__ == sorted(module.__all__)
    assert all(hasattr(module, item) for item in module.__all__)


@pytest.mark.parametrize("name", [n for n in _MINE if n.startswith("_ops")])
def test_operation_modules_only_hold_service_operations(name: str) -> None:
    """Every handler an _ops module registers is named after a service operation."""
    operations = _module(name).OPERATIONS
    assert operations
    assert set(operations) <= set(MODEL.operation_names)
