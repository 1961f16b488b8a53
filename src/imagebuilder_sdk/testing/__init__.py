"""A local stand-in for EC2 Image Builder, for tests, demos and development.

Neither moto nor LocalStack emulates Image Builder, so the SDK ships its own emulator.
It keeps state in memory, checks every request against botocore's service model, and
can be reached two ways::

    from imagebuilder_sdk.testing import Emulator

    emulator = Emulator()
    client = emulator.client()              # boto3 client answered in process
    client.list_components()

    with emulator.serve() as url:           # HTTP on loopback, for the AWS CLI and others
        ...

Image builds move on the emulator's clock (`Emulator.advance`), and `Emulator.faults`
injects throttling, server errors and dropped connections. `mock_imagebuilder()` serves
every imagebuilder client made inside it, like moto's ``mock_aws``. Run
``python -m imagebuilder_sdk.testing --port 4599`` for a standalone server.
"""

from __future__ import annotations

from imagebuilder_sdk.testing._backend import ServiceError
from imagebuilder_sdk.testing._clock import FIXED_START, Clock, ScaledClock, VirtualClock
from imagebuilder_sdk.testing._emulator import Emulator, RecordedRequest
from imagebuilder_sdk.testing._faults import FaultInjector
from imagebuilder_sdk.testing._mock import MockImageBuilder, mock_imagebuilder

__all__ = [
    "Clock",
    "Emulator",
    "FIXED_START",
    "FaultInjector",
    "MockImageBuilder",
    "RecordedRequest",
    "ScaledClock",
    "ServiceError",
    "VirtualClock",
    "mock_imagebuilder",
]
