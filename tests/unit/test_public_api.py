"""The public surface is declared once: every public module has a sorted, complete __all__."""

from __future__ import annotations

import ast
import importlib
import logging
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import pytest

import imagebuilder_sdk


def _public_module_names() -> list[str]:
    names = ["imagebuilder_sdk"]
    for info in pkgutil.walk_packages(imagebuilder_sdk.__path__, "imagebuilder_sdk."):
        parts = info.name.split(".")[1:]
        if not any(part.startswith("_") for part in parts):
            names.append(info.name)
    return sorted(names)


def _all_module_names() -> list[str]:
    names = ["imagebuilder_sdk"]
    for info in pkgutil.walk_packages(imagebuilder_sdk.__path__, "imagebuilder_sdk."):
        if not info.name.endswith("__main__"):  # running it starts a server
            names.append(info.name)
    return sorted(names)


PUBLIC = _public_module_names()


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _defined_names(module: ModuleType) -> set[str]:
    """Public names a module defines: classes, functions and assignments at top level.

    A package's ``__init__`` also counts what it imports from its private submodules,
    which users can only reach through it. Type variables and loggers are plumbing.
    """
    assert module.__file__ is not None
    path = Path(module.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif (
            isinstance(node, ast.ImportFrom)
            and path.name == "__init__.py"
            and (node.module or "").startswith(f"{module.__name__}._")
        ):
            names.update(alias.asname or alias.name for alias in node.names)
    return {
        name
        for name in names
        if not name.startswith("_")
        and not isinstance(getattr(module, name, None), (TypeVar, logging.Logger))
    }


def test_there_are_public_modules_to_check() -> None:
    """The walk finds the package's public modules."""
    assert {"imagebuilder_sdk", "imagebuilder_sdk.errors", "imagebuilder_sdk.retry"} <= set(PUBLIC)


@pytest.mark.parametrize("name", _all_module_names())
def test_every_module_declares_a_sorted_all(name: str) -> None:
    """Every module, private ones too, has an __all__ in plain sorted order."""
    names = list(_module(name).__all__)
    assert names == sorted(names)


@pytest.mark.parametrize("name", PUBLIC)
def test_all_names_resolve(name: str) -> None:
    """Every name in a public module's __all__ exists in it."""
    module = _module(name)
    assert [n for n in module.__all__ if not hasattr(module, n)] == []


@pytest.mark.parametrize("name", PUBLIC)
def test_all_is_complete(name: str) -> None:
    """Every public name a public module defines is in its __all__."""
    module = _module(name)
    assert sorted(_defined_names(module) - set(module.__all__)) == []


def test_top_level_reexports_are_the_real_objects() -> None:
    """imagebuilder_sdk's re-exports are the objects of the modules that define them."""
    for name in imagebuilder_sdk.__all__:
        value = getattr(imagebuilder_sdk, name)
        home = getattr(value, "__module__", None)
        if isinstance(value, type) and home is not None:
            assert getattr(importlib.import_module(home), name) is value, name


def test_the_facade_and_retry_policy_are_top_level() -> None:
    """The names of the design's public surface import from the package root."""
    from imagebuilder_sdk import ImageBuilder, RetryPolicy  # noqa: F401  (the import is the test)

    assert {"ImageBuilder", "RetryPolicy", "ValidationError", "ApiError"} <= set(
        imagebuilder_sdk.__all__
    )


def test_classes_returned_by_public_methods_are_public() -> None:
    """What `build.steps()`, `failed_step` and `waiting_steps()` hand out can be imported
    from a public module, so users can annotate their own code with it."""
    import typing

    from imagebuilder_sdk import repositories
    from imagebuilder_sdk.repositories import ImageBuild, Workflows

    hints = {
        **typing.get_type_hints(ImageBuild.steps),
        "waiting": typing.get_type_hints(Workflows.waiting_steps)["return"],
    }
    returned = {arg for hint in hints.values() for arg in typing.get_args(hint)}
    for cls in returned | {repositories.FailedStep}:
        assert getattr(repositories, cls.__name__) is cls
        assert cls.__name__ in repositories.__all__
