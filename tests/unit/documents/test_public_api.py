"""The package's public surface is declared once, sorted and complete."""

from __future__ import annotations

import importlib
import pkgutil

import imagebuilder_sdk.documents as documents
from imagebuilder_sdk.documents import ACTION_MODULES


def test_all_is_sorted() -> None:
    """__all__ is in plain alphabetical order."""
    assert documents.__all__ == sorted(documents.__all__)


def test_all_names_exist() -> None:
    """Every name in __all__ is importable from the package."""
    assert [name for name in documents.__all__ if not hasattr(documents, name)] == []


def test_all_public_names_are_listed() -> None:
    """Every public name the package defines appears in __all__."""
    # "@py_builtins" and "@pytest_ar" are what pytest's assertion rewriting adds to the
    # modules of a package that ships a pytest plugin (ours does); no code can name them.
    public = {n for n in vars(documents) if not n.startswith(("_", "@")) and n != "annotations"}
    assert public - set(documents.__all__) == set()


def test_every_module_declares_a_sorted_all() -> None:
    """Each module of the package lists its names in a sorted __all__."""
    for info in pkgutil.iter_modules(documents.__path__, "imagebuilder_sdk.documents."):
        names = importlib.import_module(info.name).__all__
        assert names == sorted(names), info.name


def test_catalogue_lists_every_documented_module() -> None:
    """The catalogue holds the 30 modules of the AWSTOE reference."""
    assert len(ACTION_MODULES) == 30
    assert {"ExecuteBash", "Assert", "SetRegistry", "UpdateOS", "AppendFile"} <= set(ACTION_MODULES)


def test_list_modules_take_lists() -> None:
    """File and transfer modules take a list of mappings; execution modules one mapping."""
    assert ACTION_MODULES["DeleteFile"].layout == "list"
    assert ACTION_MODULES["ExecuteBinary"].layout == "mapping"
