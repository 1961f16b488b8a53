"""Coverage: the emulator answers every operation of the installed botocore model."""

from __future__ import annotations

from botocore.model import ServiceModel

from imagebuilder_sdk.testing._backend import Backend
from tests.emulator.conftest import OPERATIONS


def test_every_model_operation_is_implemented(service_model: ServiceModel) -> None:
    """A botocore upgrade that adds an operation fails here until the emulator has it."""
    missing = set(service_model.operation_names) - Backend().operations
    assert missing == set()


def test_the_contract_list_is_the_whole_model(service_model: ServiceModel) -> None:
    """The contract tests drive exactly the model's operations, 77 today."""
    assert set(OPERATIONS) == set(service_model.operation_names)
    assert len(OPERATIONS) == 77
