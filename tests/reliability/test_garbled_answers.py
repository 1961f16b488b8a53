"""Issue 14, item 1: 200 answers cut short, empty or not JSON, through a loopback proxy.

botocore reads a 200 answer it cannot parse as one with nothing in it. The SDK checks
every answer against the members the service always sends (tools/guaranteed_members.py)
and retries an incomplete one with the same client token, so none of these is taken for
a success: no raw KeyError, no short listing, no wrong `latest()`, no second build.
"""

from __future__ import annotations

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.testing import Emulator
from tests.reliability.proxy import Mode, Proxy
from tests.reliability.snapshot import count_owned
from tests.reliability.support import Builder, http_facade

SPOILED = (Mode.SHORT_BODY, Mode.EMPTY_BODY, Mode.NOT_JSON)


def _served(emulator: Emulator, proxy: Proxy) -> ImageBuilder:
    return http_facade(proxy.url, sleep=emulator.advance)


@pytest.mark.parametrize("mode", SPOILED, ids=lambda m: m.name)
def test_a_spoiled_get_is_asked_for_again(emulator: Emulator, mode: Mode) -> None:
    """GetComponent's answer spoiled once: the component comes back, after two requests."""
    with emulator.serve() as url, Proxy(url) as proxy:
        ib = _served(emulator, proxy)
        arn = Builder(ib).component().arn
        proxy.spoil("GetComponent", mode)
        assert ib.components.get(arn).arn == arn
        assert proxy.spoiled == [("GetComponent", mode)]


@pytest.mark.parametrize("mode", SPOILED, ids=lambda m: m.name)
def test_a_spoiled_second_page_does_not_shorten_a_listing(emulator: Emulator, mode: Mode) -> None:
    """25 components listed 10 a page, page 2 spoiled: all 25 come back; latest() is right."""
    with emulator.serve() as url, Proxy(url) as proxy:
        ib = _served(emulator, proxy)
        build = Builder(ib)
        for patch in range(25):
            build.component("paged", f"1.0.{patch}")
        proxy.spoil("ListComponents", mode, skip=1)
        assert len(list(ib.components.list(name="paged", page_size=10))) == 25
        proxy.spoil("ListComponents", mode)
        newest = ib.components.latest("paged")
        assert newest is not None
        assert newest.version == "1.0.24"


@pytest.mark.parametrize("mode", SPOILED, ids=lambda m: m.name)
def test_a_spoiled_create_image_answer_starts_one_build(emulator: Emulator, mode: Mode) -> None:
    """CreateImage's answer spoiled after the build started: the retry (same token) gives
    the same build, and the account holds one image."""
    with emulator.serve() as url, Proxy(url) as proxy:
        ib = _served(emulator, proxy)
        build = Builder(ib)
        recipe = build.image_recipe([build.component().arn])
        infra = build.infrastructure()
        before = count_owned(emulator).get("image", 0)
        proxy.spoil("CreateImage", mode)
        handle = ib.images.create(
            image_recipe_arn=recipe.arn, infrastructure_configuration_arn=infra.arn
        )
        assert proxy.count("CreateImage") == 2
        assert count_owned(emulator).get("image", 0) == before + 1
        assert handle.refresh().arn == handle.arn
