"""Inputs the service refuses: schedules, time zones, regions (issue 16 item 4)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from imagebuilder_sdk.testing._state_schedule import next_run
from tests.emulator.test_backend_support import Api

AL2023_UTC = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)  # a Friday


def _pipeline(api: Api, schedule: dict[str, Any]) -> dict[str, Any]:
    arn = api.pipeline(schedule=schedule)
    return dict(api("GetImagePipeline", imagePipelineArn=arn)["imagePipeline"])


def test_cli_example_five_field_cron_is_accepted_and_scheduled() -> None:
    """``cron(0 0 * * SUN)`` is accepted and its next run is the coming Sunday midnight.

    Source: AWS CLI example ``create-image-pipeline.rst`` / ``get-image-pipeline.rst``
    (the service accepts and echoes ``cron(0 0 * * SUN)``). The emulator's clock starts
    on Friday 2026-11-27 10:00 UTC.
    """
    api = Api()
    pipeline = _pipeline(api, {"scheduleExpression": "cron(0 0 * * SUN)"})
    assert pipeline["schedule"]["scheduleExpression"] == "cron(0 0 * * SUN)"
    expected = next_run("cron(0 0 * * SUN)", None, api.backend.clock.now())
    assert expected is not None
    assert expected.weekday() == 6  # Sunday
    assert pipeline["dateNextRun"] == expected.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("cron(0 0 * * SUN)", datetime(2026, 11, 29, 0, 0, tzinfo=timezone.utc)),
        ("cron(30 2 ? * MON-FRI *)", datetime(2026, 11, 30, 2, 30, tzinfo=timezone.utc)),
        ("cron(0 10 L * ? *)", datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)),
        ("cron(0 9 ? * 2#1 *)", datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)),
        ("cron(0 12 ? * 6L 2027)", datetime(2027, 1, 29, 12, 0, tzinfo=timezone.utc)),
        ("cron(0 8 1W * ? *)", datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)),
        ("cron(*/15 10 * * ? *)", datetime(2026, 11, 27, 10, 15, tzinfo=timezone.utc)),
    ],
)
def test_next_run_follows_the_user_guide_grammar(expression: str, expected: datetime) -> None:
    """Lists, ranges, steps, names, ?, L, W and # give the documented next times.

    Source: the user guide page "Use cron expressions in EC2 Image Builder" (six
    fields, wildcards , - * ? / L W #, days of the week 1-7 or SUN-SAT).
    """
    assert next_run(expression, None, AL2023_UTC) == expected


def test_next_run_honours_the_time_zone() -> None:
    """Midnight in America/Los_Angeles is 08:00 UTC in winter.

    Source: the API reference for ``Schedule.timezone`` ("in the IANA timezone format").
    """
    found = next_run("cron(0 0 * * ? *)", "America/Los_Angeles", AL2023_UTC)
    assert found == datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "expression",
    ["every sunday", "0 2 * * *", "rate(1 day)", "cron(0 2 * *)", "cron(61 2 * * ? *)",
     "cron(0 2 * * ? * *)", "cron(0 2 32 * ? *)", "cron(0 2 ? * 8 *)", "cron(0 2 ? * MON 1969)"],
)  # fmt: skip
def test_schedule_expressions_the_service_refuses(expression: str) -> None:
    """Anything but ``cron(...)`` with 5 or 6 fields in range is refused.

    Source: the user guide page "Use cron expressions in EC2 Image Builder" (fields
    and ranges); five fields are accepted because AWS's CLI example uses them.
    """
    api = Api()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=api.recipe(),
        infrastructureConfigurationArn=api.infra(),
        schedule={"scheduleExpression": expression},
    )
    assert error.code == "InvalidParameterValueException"
    assert "scheduleExpression" in error.message


def test_unknown_time_zone_is_refused() -> None:
    """``Mars/Olympus`` fits the model's pattern but is no IANA zone: refused.

    Source: the API reference for ``Schedule.timezone`` (IANA time zone names).
    """
    api = Api()
    error = api.error(
        "CreateImagePipeline",
        name="pipe",
        imageRecipeArn=api.recipe(),
        infrastructureConfigurationArn=api.infra(),
        schedule={"scheduleExpression": "cron(0 0 * * SUN)", "timezone": "Mars/Olympus"},
    )
    assert error.code == "InvalidParameterValueException"
    assert "timezone" in error.message


@pytest.mark.parametrize("region", ["us-east-9", "US-EAST-1", "mars-north-1"])
def test_distribution_to_an_unknown_region_is_refused(region: str) -> None:
    """A distribution region botocore's endpoint data does not list is refused."""
    error = Api().error(
        "CreateDistributionConfiguration",
        name="dist",
        distributions=[{"region": region, "amiDistributionConfiguration": {}}],
    )
    assert error.code == "InvalidParameterValueException"
    assert "distributions[0].region" in error.message


def test_distribution_to_known_regions_is_accepted() -> None:
    """Regions of every partition in botocore's endpoint data are accepted."""
    Api()(
        "CreateDistributionConfiguration",
        name="dist",
        distributions=[
            {"region": "eu-west-1", "amiDistributionConfiguration": {}},
            {"region": "cn-north-1", "amiDistributionConfiguration": {}},
        ],
    )
