"""The `ImageBuilder` facade: one object with a repository per resource.

>>> ib = ImageBuilder.local()
>>> component = ib.components.create(
...     name="hello", semantic_version="1.0.0", platform="Linux",
...     data="name: hello\\nschemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n"
...          "      - name: Say\\n        action: ExecuteBash\\n"
...          "        inputs:\\n          commands: [echo hello]\\n",
... )
>>> component.semantic_version
SemanticVersion(major=1, minor=0, patch=0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk._translate import translate_setup
from imagebuilder_sdk._version import __version__
from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.repositories import (
    Components,
    ContainerRecipes,
    DistributionConfigurations,
    ImagePipelines,
    ImageRecipes,
    Images,
    InfrastructureConfigurations,
    LifecyclePolicies,
    Workflows,
)
from imagebuilder_sdk.retry import RetryPolicy, scaled_sleep

if TYPE_CHECKING:
    import boto3
    from mypy_boto3_imagebuilder import ImagebuilderClient

    from imagebuilder_sdk.testing import Emulator

__all__ = ["ImageBuilder", "USER_AGENT"]

_ACCOUNT_ID = re.compile(r"[0-9]{12}")
#: A region code as botocore accepts one: lowercase words and digits joined by '-'.
_REGION = re.compile(r"[a-z]{2,}(?:-[a-z0-9]+)+")

#: Added to the user agent of clients the SDK builds, so calls can be told apart.
USER_AGENT = f"imagebuilder-sdk/{__version__}"


class ImageBuilder:
    """The entry point: ``ib.components``, ``ib.images``, ... and tags.

    Wrap a boto3 ``imagebuilder`` client you made (used as it is, with its own retry
    settings), let the SDK build one with `connect` (botocore's retries off, so the
    SDK's `RetryPolicy` is the only retry layer), or use `local` for an in-process
    emulator.

    Wrapping a client registers one ``before-parse`` handler on it: its success answers
    are then parsed by functions generated for this service, into exactly the dicts
    botocore's parser makes, in less time (see the performance page). Raw calls on the
    same client get the same answers as before.

    Attributes:
        components: Components (`Components`): create, get, list, import, delete.
        image_recipes: Image recipes (`ImageRecipes`): what goes into an AMI.
        container_recipes: Container recipes (`ContainerRecipes`).
        infrastructure_configurations: Where builds run (`InfrastructureConfigurations`).
        distribution_configurations: Where images go (`DistributionConfigurations`).
        image_pipelines: Pipelines (`ImagePipelines`): create, update, start a build.
        images: Images and builds (`Images`): create, get, wait, cancel, list, delete;
            imports, scan findings and state updates.
        lifecycle_policies: Lifecycle policies and their runs (`LifecyclePolicies`).
        workflows: Workflows (`Workflows`): create, get, list, delete; waiting steps.
        emulator: The emulator behind the client, for `ImageBuilder.local()`; else None.
    """

    __slots__ = (
        "_caller",
        "components",
        "container_recipes",
        "distribution_configurations",
        "emulator",
        "image_pipelines",
        "image_recipes",
        "images",
        "infrastructure_configurations",
        "lifecycle_policies",
        "workflows",
    )

    def __init__(
        self,
        client: ImagebuilderClient | Any,
        *,
        retry: RetryPolicy | None = None,
        emulator: Emulator | None = None,
    ) -> None:
        if getattr(getattr(client, "meta", None), "service_model", None) is None:
            raise ValidationError("client", "must be a boto3 'imagebuilder' client")
        if client.meta.service_model.service_name != "imagebuilder":
            raise ValidationError("client", "must be a boto3 'imagebuilder' client")
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise ValidationError(
                "retry", f"must be a RetryPolicy or None, got {type(retry).__name__}", value=retry
            )
        self._caller = Caller(client, retry or RetryPolicy())
        self.emulator = emulator
        """The emulator behind the client, for `ImageBuilder.local()`; else None."""
        self.components = Components(self._caller)
        self.image_recipes = ImageRecipes(self._caller)
        self.container_recipes = ContainerRecipes(self._caller)
        self.infrastructure_configurations = InfrastructureConfigurations(self._caller)
        self.distribution_configurations = DistributionConfigurations(self._caller)
        self.images = Images(self._caller)
        self.image_pipelines = ImagePipelines(self._caller, self.images)
        self.lifecycle_policies = LifecyclePolicies(self._caller)
        self.workflows = Workflows(self._caller)

    @classmethod
    def connect(
        cls,
        *,
        region_name: str | None = None,
        profile_name: str | None = None,
        session: boto3.Session | None = None,
        retry: RetryPolicy | None = None,
        **client_kwargs: Any,
    ) -> ImageBuilder:
        """Build a client from the usual AWS settings (profile, region, environment).

        botocore's own retries are turned off so the SDK's `retry` policy is the only
        retry layer; other keywords (``endpoint_url``, ``config``...) go to
        ``session.client``. A missing profile, no region or a malformed region or
        endpoint raises a `ConfigurationError` subclass with a one-line hint; so do
        missing credentials, at the first call (credentials are looked up then).
        """
        import boto3
        from botocore.config import Config

        for name, text in (("region_name", region_name), ("profile_name", profile_name)):
            if text is not None and not isinstance(text, str):
                raise ValidationError(
                    name, f"must be a string or None, got {type(text).__name__}", value=text
                )
        given = client_kwargs.pop("config", None)
        if given is not None and not isinstance(given, Config):
            raise ValidationError(
                "config", f"must be a botocore.config.Config, got {type(given).__name__}"
            )
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise ValidationError("retry", f"must be a RetryPolicy, got {type(retry).__name__}")
        ours = Config(
            retries={"total_max_attempts": 1, "mode": "standard"},
            user_agent_extra=USER_AGENT,
        )
        config = given.merge(ours) if given is not None else ours
        try:
            if session is None:
                session = boto3.Session(profile_name=profile_name, region_name=region_name)
            client = session.client(
                "imagebuilder", region_name=region_name, config=config, **client_kwargs
            )
        except Exception as error:
            translated = translate_setup(error)
            if translated is None:
                raise
            # The cause is botocore's own report; the hint says what to do about it.
            raise translated from error
        return cls(client, retry=retry)

    @classmethod
    def local(
        cls,
        *,
        account_id: str = "123456789012",
        region: str = "us-east-1",
        speed: float | None = None,
        retry: RetryPolicy | None = None,
    ) -> ImageBuilder:
        """A facade on a fresh in-process emulator (`imagebuilder_sdk.testing`).

        Retries and waits use the emulator's clock: with the default virtual clock
        they take no real time; with ``speed=60`` one real second is one minute.
        """
        from imagebuilder_sdk.testing import Emulator

        if speed is not None and (
            isinstance(speed, bool)
            or not isinstance(speed, (int, float))
            or not math.isfinite(speed)
            or speed <= 0
        ):
            raise ValidationError(
                "speed", f"must be a finite number greater than 0, or None; got {speed!r}"
            )
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise ValidationError("retry", f"must be a RetryPolicy, got {type(retry).__name__}")
        if not isinstance(account_id, str) or not _ACCOUNT_ID.fullmatch(account_id):
            raise ValidationError(
                "account_id", "must be a 12-digit AWS account id", value=account_id
            )
        if not isinstance(region, str) or not _REGION.fullmatch(region):
            raise ValidationError(
                "region", "must be a region code such as 'us-east-1'", value=region
            )
        emulator = Emulator(account_id=account_id, region=region, speed=speed)
        if retry is None:
            if speed is None:
                # Virtual time: a wait of an hour moves the clock, not the wall clock.
                retry = RetryPolicy(sleep=emulator.advance, clock=emulator.clock.monotonic)
            else:
                # Scaled real time, for demos: sleep the emulated seconds, sped up.
                retry = RetryPolicy(sleep=scaled_sleep(speed), clock=emulator.clock.monotonic)
        from botocore.config import Config

        # As with connect(): botocore's retries off, the SDK's policy is the one layer.
        client = emulator.client(config=Config(retries={"total_max_attempts": 1}))
        return cls(client, retry=retry, emulator=emulator)

    @property
    def client(self) -> Any:
        """The boto3 client the SDK calls through."""
        return self._caller.client

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy every call goes through."""
        return self._caller.retry

    def tags(self, arn: str | Arn) -> dict[str, str]:
        """The tags of any Image Builder resource."""
        response = self._caller.call("ListTagsForResource", resource_arn=_arn(arn))
        return dict(response.get("tags") or {})

    def tag(self, arn: str | Arn, tags: Mapping[str, str]) -> None:
        """Add or change tags on any Image Builder resource.

        `tags` is a mapping of str keys to str values; anything else is refused.
        """
        if not isinstance(tags, Mapping):
            raise ValidationError(
                "tags", f"must be a mapping of str to str, got {type(tags).__name__}", value=tags
            )
        if not tags:
            raise ValidationError("tags", "must name at least one tag")
        self._caller.call("TagResource", resource_arn=_arn(arn), tags=dict(tags))

    def untag(self, arn: str | Arn, keys: Iterable[str]) -> None:
        """Remove tags, by key, from any Image Builder resource.

        `keys` is one key or an iterable of str keys (a mapping's keys are taken).
        """
        if isinstance(keys, str):
            keys = [keys]
        if not isinstance(keys, Iterable):
            raise ValidationError(
                "keys", f"must be a tag key or a list of them, got {type(keys).__name__}"
            )
        key_list = list(keys)
        if not key_list:
            raise ValidationError("keys", "must name at least one tag key")
        self._caller.call("UntagResource", resource_arn=_arn(arn), tag_keys=key_list)

    def __repr__(self) -> str:
        meta = self._caller.client.meta
        where = "emulator" if self.emulator is not None else meta.endpoint_url
        return f"ImageBuilder(region={meta.region_name!r}, endpoint={where!r})"


def _arn(value: str | Arn) -> str:
    text = str(value) if isinstance(value, Arn) else value
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("arn", "must be a non-empty ARN", value=value)
    Arn.parse(text, field="arn")
    return text
