"""Secrets: the credentials never show up in what the SDK logs, prints, reprs or raises.

A facade is built with sentinel credentials (a secret key and a session token) and runs
a workload that exercises the noisy paths: retries, a dropped connection, service
errors, refused input, a build followed to its end, a failed connection. Then every
place the SDK writes text is searched for the sentinels: its log records at DEBUG (the
``imagebuilder_sdk`` loggers, the emulator's included), stdout and stderr, the reprs of
the facade, repositories, retry policy, models, build handles and listings, and the
text, attributes and tracebacks of every error. botocore's own DEBUG logs are not the
SDK's and are left out (they print the session token in the request they sign).
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest
from botocore.exceptions import ClientError

from imagebuilder_sdk import ImageBuilder, ImageBuilderError, RetryPolicy
from imagebuilder_sdk.testing import Emulator
from imagebuilder_sdk.testing.__main__ import _parser
from tests.reliability.conftest import Figures
from tests.reliability.proxy import Mode, Proxy
from tests.reliability.support import NO_RETRIES, Builder, http_facade

SECRET = "SENTINEL-SECRET-7f3a9c2e51d84b06a9e1"
TOKEN = "SENTINEL-TOKEN-c04e8b17f2a94d3e8b65"
ACCESS_KEY = "AKIASENTINEL00000001"
SENTINELS = (SECRET, TOKEN)
MISSING = "arn:aws:imagebuilder:us-east-1:123456789012:component/missing/1.0.0/1"


def _session() -> boto3.Session:
    return boto3.Session(
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET,
        aws_session_token=TOKEN,
        region_name="us-east-1",
    )


def _texts_of(error: BaseException) -> list[str]:
    """What an error shows: str, repr, attributes and the whole formatted traceback."""
    shown = [str(error), repr(error), "".join(traceback.format_exception(error))]
    shown += [repr(value) for value in vars(error).values()]
    return shown


def _workload(ib: ImageBuilder, emulator: Emulator) -> list[str]:
    """Run the noisy paths; return the texts of everything the SDK handed back."""
    texts = [repr(ib), repr(ib.retry), repr(ib.client)]
    texts += [repr(getattr(ib, name)) for name in _REPOSITORIES]
    build = Builder(ib)
    emulator.faults.throttle("CreateComponent", times=2)
    emulator.faults.drop_connection("GetComponent")
    component = build.component("secret-check")
    recipe = build.image_recipe([str(component.arn)], "secret-recipe")
    infrastructure = build.infrastructure("secret-infra")
    started = ib.images.create(
        image_recipe_arn=str(recipe.arn),
        infrastructure_configuration_arn=str(infrastructure.arn),
    )
    image = started.wait(poll_interval=60)
    listing = ib.components.list(owner="Self")
    texts += [repr(x) for x in (component, recipe, infrastructure, started, image, listing)]
    texts += [repr(item) for item in listing]
    texts += [repr(ib.tags(str(component.arn)))]
    failing: list[Callable[[], object]] = [
        lambda: ib.components.get(MISSING),
        lambda: build.component("secret-check"),  # already exists
        lambda: ib.components.create(name="x", semantic_version="1.0.0"),  # type: ignore[call-overload]
    ]
    emulator.faults.throttle("ListImages", times=None)
    failing.append(lambda: list(ib.images.list()))  # throttled past the budget
    for call in failing:
        with pytest.raises(ImageBuilderError) as caught:
            call()
        texts += _texts_of(caught.value)
    emulator.faults.clear()
    return texts


_REPOSITORIES = (
    "components",
    "image_recipes",
    "container_recipes",
    "infrastructure_configurations",
    "distribution_configurations",
    "image_pipelines",
    "images",
)


def _sdk_records(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return [
        formatter.format(record)
        for record in caplog.records
        if record.name == "imagebuilder_sdk" or record.name.startswith("imagebuilder_sdk.")
    ]


def _leaks(texts: list[str]) -> list[str]:
    return [text[:200] for text in texts if any(s in text for s in SENTINELS)]


@pytest.fixture
def served(emulator: Emulator) -> Iterator[str]:
    """The emulator served over HTTP on loopback."""
    with emulator.serve() as url:
        yield url


def _retry(emulator: Emulator | None = None) -> RetryPolicy:
    """Three attempts, waiting on the emulator's virtual clock (or not at all)."""
    if emulator is None:
        return RetryPolicy(max_attempts=3, sleep=lambda _: None, random=lambda: 0.5)
    return RetryPolicy(
        max_attempts=3, sleep=emulator.advance, clock=emulator.clock.monotonic, random=lambda: 0.5
    )


def test_credentials_never_appear_over_http(
    emulator: Emulator,
    served: str,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    figures: Figures,
) -> None:
    """Over HTTP with signed requests: no sentinel in SDK logs, output, reprs or errors."""
    caplog.set_level(logging.DEBUG)
    ib = ImageBuilder.connect(endpoint_url=served, session=_session(), retry=_retry(emulator))
    texts = _workload(ib, emulator)
    nowhere = ImageBuilder.connect(  # nobody listens on port 9 (discard)
        endpoint_url="http://127.0.0.1:9", session=_session(), retry=_retry()
    )
    with pytest.raises(ImageBuilderError) as caught:
        nowhere.tags(MISSING)
    texts += _texts_of(caught.value)
    records = _sdk_records(caplog)
    output = capsys.readouterr()
    places = [*texts, *records, output.out, output.err]
    assert records, "the workload should have logged (retries at least)"
    assert _leaks(places) == []
    figures.record("secrets.places", len(places))
    figures.record("secrets.leaks", len(_leaks(places)))


def test_credentials_never_appear_in_process(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """In process: no sentinel in SDK logs, output, reprs, errors or recorded requests."""
    caplog.set_level(logging.DEBUG)
    emulator = Emulator()
    client = emulator.client(
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET,
        aws_session_token=TOKEN,
        config=NO_RETRIES,
    )
    ib = ImageBuilder(client, retry=_retry(emulator), emulator=emulator)
    texts = _workload(ib, emulator)
    texts += [repr(emulator), repr(emulator.faults), repr(emulator.requests)]
    texts += [repr(dict(request.params)) for request in emulator.requests]
    output = capsys.readouterr()
    assert _leaks([*texts, *_sdk_records(caplog), output.out, output.err]) == []


def test_serve_binds_to_loopback_by_default(emulator: Emulator, served: str) -> None:
    """Emulator().serve() and the command line bind to 127.0.0.1 unless told otherwise."""
    assert urlsplit(served).hostname == "127.0.0.1"
    assert inspect.signature(Emulator.serve).parameters["host"].default == "127.0.0.1"
    assert _parser().parse_args([]).host == "127.0.0.1"


def test_emulator_clients_sign_with_dummy_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """An emulator's client signs with its dummy keys, not with keys in the environment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    client = Emulator().client()
    signed: list[str] = []

    def remember(request: Any, **_: Any) -> None:
        signed.append(str(request.headers.get("Authorization", "")))

    client.meta.events.register("before-send.imagebuilder", remember)
    client.list_components()
    assert len(signed) == 1
    assert "Credential=testing/" in signed[0]
    assert ACCESS_KEY not in signed[0]


def _chain(error: BaseException) -> Iterator[BaseException]:
    """`error` and every exception its ``__cause__``/``__context__`` links reach."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]


def _deep_texts(error: BaseException) -> list[str]:
    """What an error reporter captures: every exception of the chain, its attributes, and
    the locals of every frame of every traceback along it (as `repr`s)."""
    texts: list[str] = []
    for current in _chain(error):
        texts += [str(current), repr(current)]
        texts += [repr(value) for value in vars(current).values()]
        tb = current.__traceback__
        while tb is not None:
            texts += [repr(value) for value in tb.tb_frame.f_locals.values()]
            tb = tb.tb_next
    return texts


def _chain_errors(url: str, emulator: Emulator) -> list[BaseException]:
    """Errors of every kind the SDK raises on the wire, made with sentinel credentials."""
    keys = {
        "aws_access_key_id": ACCESS_KEY,
        "aws_secret_access_key": SECRET,
        "aws_session_token": TOKEN,
    }
    caught: list[BaseException] = []

    def collect(call: Callable[[], object]) -> None:
        with pytest.raises(ImageBuilderError) as raised:
            call()
        caught.append(raised.value)

    with Proxy(url) as proxy:
        ib = http_facade(
            proxy.url, sleep=emulator.advance, read_timeout=0.25, retry=_retry(emulator),
            credentials=keys,
        )  # fmt: skip
        build = Builder(ib)
        component = str(build.component("chain-check").arn)
        proxy.spoil("GetComponent", Mode.DROP_AFTER_WORK, times=3)  # connection closed
        collect(lambda: ib.components.get(component))
        proxy.spoil("GetComponent", Mode.HANG, times=3)  # read timeout
        collect(lambda: ib.components.get(component))
        collect(lambda: ib.components.get(MISSING))  # the service's error answer
        emulator.faults.throttle("ListComponents", times=None)  # throttled past the budget
        collect(lambda: list(ib.components.list()))
        emulator.faults.clear()
        proxy.spoil("GetInfrastructureConfiguration", Mode.DROP_AFTER_WORK, times=3)
        collect(lambda: build.infrastructure("chain-infra"))  # ReadBackError
    nowhere = ImageBuilder.connect(
        endpoint_url="http://127.0.0.1:9", session=_session(), retry=_retry()
    )
    collect(lambda: nowhere.tags(MISSING))  # never connected
    in_process = Emulator()
    client = in_process.client(config=NO_RETRIES, **keys)
    local = ImageBuilder(client, retry=_retry(in_process), emulator=in_process)
    in_process.faults.drop_connection("ListImages", times=None)
    collect(lambda: list(local.images.list()))  # dropped in process
    return caught


def test_no_credential_in_error_chains_or_frame_locals(
    emulator: Emulator, served: str, figures: Figures
) -> None:
    """No sentinel in any exception of an SDK error's chain, nor in its frames' locals."""
    errors = _chain_errors(served, emulator)
    causes = [type(error.__cause__).__name__ for error in errors]
    assert "ConnectionClosedError" in causes
    assert "ReadTimeoutError" in causes
    assert "EndpointConnectionError" in causes
    assert any(isinstance(error.__cause__, ClientError) for error in errors)
    assert any(type(error).__name__ == "ReadBackError" for error in errors)
    places = [text for error in errors for text in _deep_texts(error)]
    assert _leaks(places) == []
    figures.record("secrets.chain_errors", len(errors))
    figures.record("secrets.chain_places", len(places))
    figures.record("secrets.chain_leaks", len(_leaks(places)))


def test_the_cause_is_kept_without_its_signed_request(emulator: Emulator, served: str) -> None:
    """The botocore cause stays for debugging: its type and message, not its request."""
    errors = _chain_errors(served, emulator)
    closed = next(e for e in errors if type(e.__cause__).__name__ == "ConnectionClosedError")
    assert closed.__cause__ is not None
    assert "Connection was closed" in str(closed.__cause__)
    assert getattr(closed.__cause__, "request", None) is None
    assert "request" not in getattr(closed.__cause__, "kwargs", {})
    assert closed.__cause__.__traceback__ is not None  # where it came from is kept
