"""imagebuilder-sdk: a typed, high-level Python SDK for AWS EC2 Image Builder."""

from __future__ import annotations

from imagebuilder_sdk.errors import ImageBuilderError, ValidationError

__all__ = ["ImageBuilderError", "ValidationError", "__version__"]

__version__ = "0.1.0"
