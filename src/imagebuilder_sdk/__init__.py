"""imagebuilder-sdk: a typed, high-level Python SDK for AWS EC2 Image Builder.

>>> from imagebuilder_sdk import ImageBuilder
>>> ib = ImageBuilder.local()          # or ImageBuilder.connect(region_name="eu-west-1")
>>> [c.name for c in ib.components.list(owner="Amazon", name="update-linux")][:1]
['update-linux']

The names below load their modules on first use (PEP 562), so ``import
imagebuilder_sdk`` stays cheap for scripts and tools that need only a part of it.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from imagebuilder_sdk._version import __version__
from imagebuilder_sdk.errors import (
    ApiError,
    ImageBuilderError,
    ResourceNotFoundError,
    ThrottlingError,
    ValidationError,
)

if TYPE_CHECKING:
    from imagebuilder_sdk.arns import Arn, ResourceType
    from imagebuilder_sdk.build_errors import (
        ApprovalRequiredError,
        ImageBuildCancelledError,
        ImageBuildFailedError,
        WaitTimeoutError,
    )
    from imagebuilder_sdk.client import ImageBuilder
    from imagebuilder_sdk.pagination import Page, Paginated
    from imagebuilder_sdk.repositories import ImageBuild
    from imagebuilder_sdk.retry import RetryPolicy
    from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

__all__ = [
    "ApiError",
    "ApprovalRequiredError",
    "Arn",
    "BuildVersion",
    "ImageBuild",
    "ImageBuildCancelledError",
    "ImageBuildFailedError",
    "ImageBuilder",
    "ImageBuilderError",
    "Page",
    "Paginated",
    "ResourceNotFoundError",
    "ResourceType",
    "RetryPolicy",
    "SemanticVersion",
    "ThrottlingError",
    "ValidationError",
    "VersionFilter",
    "WaitTimeoutError",
    "__version__",
]


#: Where each lazily loaded public name lives.
_LAZY = {
    "Arn": "imagebuilder_sdk.arns",
    "ResourceType": "imagebuilder_sdk.arns",
    "ImageBuilder": "imagebuilder_sdk.client",
    "ApprovalRequiredError": "imagebuilder_sdk.build_errors",
    "ImageBuildCancelledError": "imagebuilder_sdk.build_errors",
    "ImageBuildFailedError": "imagebuilder_sdk.build_errors",
    "WaitTimeoutError": "imagebuilder_sdk.build_errors",
    "Page": "imagebuilder_sdk.pagination",
    "Paginated": "imagebuilder_sdk.pagination",
    "ImageBuild": "imagebuilder_sdk.repositories",
    "RetryPolicy": "imagebuilder_sdk.retry",
    "BuildVersion": "imagebuilder_sdk.versions",
    "SemanticVersion": "imagebuilder_sdk.versions",
    "VersionFilter": "imagebuilder_sdk.versions",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'imagebuilder_sdk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# Silent unless the application configures logging; never prints on its own.
logging.getLogger("imagebuilder_sdk").addHandler(logging.NullHandler())
