"""An operation the emulator does not implement answers 501, naming it."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from imagebuilder_sdk.testing import Emulator, _backend
from imagebuilder_sdk.testing._backend import Backend, ServiceError


@pytest.fixture
def without_list_components(monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulator as if it had no ListComponents: the path any missing operation takes.

    Gone from the table of operation modules, and from the handlers loaded so far.
    """
    monkeypatch.delitem(_backend._MODULE_OF, "ListComponents")
    monkeypatch.delitem(_backend._HANDLERS, "ListComponents", raising=False)


@pytest.mark.usefixtures("without_list_components")
def test_unimplemented_operation_is_a_distinct_501() -> None:
    """A model operation with no handler is NotImplementedException (HTTP 501), not a 400.

    Issue 16 item 6: a test must see at once that the emulator lacks the operation,
    rather than a validation error that blames the request.
    """
    client = Emulator().client(config=Config(retries={"total_max_attempts": 1}))
    with pytest.raises(ClientError) as caught:
        client.list_components()
    error = caught.value.response["Error"]
    assert error["Code"] == "NotImplementedException"
    assert "ListComponents" in error["Message"]
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501


@pytest.mark.usefixtures("without_list_components")
def test_unimplemented_operation_is_recorded_and_not_in_operations() -> None:
    """The backend does not list it, and the emulator records the 501 it answered."""
    emulator = Emulator()
    assert "ListComponents" not in emulator.backend.operations
    client = emulator.client(config=Config(retries={"total_max_attempts": 1}))
    with pytest.raises(ClientError):
        client.list_components()
    assert [(r.outcome, r.status) for r in emulator.requests] == [("NotImplementedException", 501)]


def test_unknown_operation_name_is_an_invalid_request() -> None:
    """A name the service model does not have at all stays an InvalidRequestException."""
    with pytest.raises(ServiceError) as caught:
        Backend().dispatch("MakeCoffee", {})
    assert caught.value.code == "InvalidRequestException"
    assert caught.value.status is None
