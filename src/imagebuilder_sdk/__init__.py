"""imagebuilder-sdk: a typed, high-level Python SDK for AWS EC2 Image Builder.

>>> from imagebuilder_sdk import ImageBuilder
>>> ib = ImageBuilder.local()          # or ImageBuilder.connect(region_name="eu-west-1")
>>> [c.name for c in ib.components.list(owner="Amazon", name="update-linux")][:1]
['update-linux']
"""

from __future__ import annotations

import logging

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.client import ImageBuilder
from imagebuilder_sdk.errors import (
    ApiError,
    ImageBuildCancelledError,
    ImageBuilderError,
    ImageBuildFailedError,
    ResourceNotFoundError,
    ThrottlingError,
    ValidationError,
    WaitTimeoutError,
)
from imagebuilder_sdk.pagination import Page, Paginated
from imagebuilder_sdk.repositories import ImageBuild
from imagebuilder_sdk.retry import RetryPolicy
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter

__all__ = [
    "ApiError",
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

__version__ = "0.1.0"

# Silent unless the application configures logging; never prints on its own.
logging.getLogger("imagebuilder_sdk").addHandler(logging.NullHandler())
