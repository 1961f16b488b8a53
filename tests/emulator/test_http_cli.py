"""The command line entry point: ``python -m imagebuilder_sdk.testing``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import imagebuilder_sdk
from imagebuilder_sdk.testing.__main__ import _parser
from tests.emulator.conftest import NO_RETRIES, create_component, http_client, own_component_names


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen[str], str]]:
    """The emulator CLI running in a subprocess on a free port, and its printed URL.

    ``--port 0`` lets the OS pick the port when the server binds, so no other test can
    take it in between; the CLI prints the URL only once it is listening.
    """
    source_root = str(Path(imagebuilder_sdk.__file__).resolve().parents[1])
    paths = [source_root, os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    command = [sys.executable, "-m", "imagebuilder_sdk.testing", "--port", "0"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    watchdog = threading.Timer(60, process.kill)  # a hung start fails instead of blocking
    watchdog.start()
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()  # printed once the port is bound
        watchdog.cancel()
        assert "listening on http://127.0.0.1:" in first_line
        url = first_line.rsplit(" ", 1)[-1].strip()
        address = (urlsplit(url).hostname, urlsplit(url).port or 0)
        with socket.create_connection(address, timeout=30):
            pass  # the port accepts connections
        yield process, url
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_cli_serves_boto3_and_prints_an_aws_cli_example(
    server: tuple[subprocess.Popen[str], str],
) -> None:
    """The CLI prints its URL and an AWS CLI line, then serves boto3 requests."""
    process, url = server
    assert process.stdout is not None
    assert f"aws imagebuilder list-components --endpoint-url {url}" in process.stdout.readline()
    client = http_client(url, config=NO_RETRIES)
    create_component(client, "from-cli")
    assert own_component_names(client) == ["from-cli"]
    client.close()


def test_cli_exits_cleanly_on_ctrl_c(server: tuple[subprocess.Popen[str], str]) -> None:
    """SIGINT (Ctrl-C) stops the server with exit status 0."""
    process, _ = server
    process.send_signal(signal.SIGINT)
    try:
        status = process.wait(timeout=90)  # generous: CI machines are shared and noisy
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate(timeout=30)
        pytest.fail(f"the CLI ignored SIGINT; stderr: {err[-2000:]}")
    assert status == 0


def test_cli_defaults() -> None:
    """By default the CLI binds loopback on 4599, at 60x speed, for the default account."""
    args = _parser().parse_args([])
    assert (args.host, args.port, args.speed) == ("127.0.0.1", 4599, 60.0)
    assert (args.account_id, args.region) == ("123456789012", "us-east-1")


def test_cli_options_are_read() -> None:
    """Every option is parsed into its argument."""
    argv = ["--host", "::1", "--port", "0", "--account-id", "111122223333"]
    argv += ["--region", "eu-west-1", "--speed", "1"]
    args = _parser().parse_args(argv)
    assert (args.host, args.port, args.account_id) == ("::1", 0, "111122223333")
    assert (args.region, args.speed) == ("eu-west-1", 1.0)
