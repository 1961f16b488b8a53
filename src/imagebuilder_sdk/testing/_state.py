"""The emulator's in-memory store: resources by kind and ARN, and lookups over them.

Resources are kept in wire form (the dicts the service returns, camelCase keys), so
a Get answers with a copy of what a Create stored. Everything here runs under the
backend's lock; nothing here is thread-safe on its own.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from botocore.model import ServiceModel, StructureShape

from imagebuilder_sdk.testing._clock import Clock
from imagebuilder_sdk.testing._echo import bounded, echo
from imagebuilder_sdk.testing._state_names import (
    Version,
    arn_key,
    arn_name,
    is_wildcard,
    parse_arn,
    parse_version,
    parse_version_filter,
    version_matches,
)

__all__ = [
    "AMAZON",
    "Handler",
    "NOT_IMPLEMENTED",
    "Record",
    "ServiceError",
    "State",
    "iso",
    "project",
    "service_model",
]

#: The owner segment of ARNs of resources that AWS itself publishes.
AMAZON = "aws"

Record = dict[str, Any]

#: An operation's implementation: takes the request members, returns the answer's.
Handler = Callable[["State", dict[str, Any]], dict[str, Any]]


class ServiceError(Exception):
    """An error the service would return.

    `code` is the name of an error shape of the service model, such as
    ``"ResourceNotFoundException"``; `message` is the text the caller sees. `status`
    overrides the HTTP status the model gives the code (None: the model's).
    """

    def __init__(self, code: str, message: str, *, status: int | None = None) -> None:
        message = bounded(message)
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


#: The error code of an operation the service has but the emulator does not implement.
NOT_IMPLEMENTED = "NotImplementedException"


@functools.lru_cache(maxsize=1)
def service_model() -> ServiceModel:
    """The Image Builder service model that ships with botocore (the protocol's, shared)."""
    from imagebuilder_sdk.testing._protocol import load_service_model

    return load_service_model()


@functools.cache
def _member_names(shape_name: str) -> tuple[str, ...]:
    shape = service_model().shape_for(shape_name)
    assert isinstance(shape, StructureShape)
    return tuple(shape.members)


def project(record: Mapping[str, Any], shape_name: str) -> Record:
    """The members of `record` that the structure `shape_name` declares, nothing else.

    A shape with a ``tags`` member always gets one: the service answers ``"tags": {}``
    for a resource without tags (AWS CLI examples ``get-component.rst``,
    ``get-image-pipeline.rst`` and ``get-image.rst``, nested copies included).
    """
    names = _member_names(shape_name)
    found = {key: record[key] for key in names if key in record}
    if "tags" in names and found.get("tags") is None:
        found["tags"] = {}
    return found


def iso(moment: datetime) -> str:
    """A datetime in the service's wire form, ``2026-11-27T10:00:00.000Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class State:
    """Every resource of one emulated account and region, plus the lookups over them."""

    def __init__(self, account_id: str, region: str, clock: Clock) -> None:
        self.account_id = account_id
        self.region = region
        self.clock = clock
        self.resources: dict[str, dict[str, Record]] = {}
        self.policies: dict[str, str] = {}
        #: Seconds a build spends in each stage, by stage name.
        self.stage_durations: dict[str, float] = {}
        #: The failure `fail_build` planned for the next build that starts, if any.
        self.next_failure: tuple[str, str] | None = None
        #: The step failure `fail_step` planned for the next build: (step name, reason).
        self.next_step_failure: tuple[str, str] | None = None
        #: Seconds a lifecycle execution runs before its actions take effect.
        self.lifecycle_seconds = 60.0
        #: Seed of the scan findings of images with scanning enabled.
        self.findings_seed = 0
        #: The last build number given to each image version, never handed out twice.
        self.build_numbers: dict[str, int] = {}
        #: Secret that signs pagination tokens, so forged tokens are refused.
        self.secret = secrets.token_bytes(32)
        #: Bumped by every change (a stored or removed resource, any operation but a
        #: List, the backend's own controls): a listing kept for its next pages is
        #: reused only while this and the clock are unchanged.
        self.generation = 0
        #: Sorted listings kept for their next pages, by (operation, query digest).
        self.listings: dict[tuple[str, str], Any] = {}
        #: The (generation, clock reading) the kept listings were made at.
        self.listings_fingerprint: tuple[int, float] | None = None

    # -- time and names ------------------------------------------------------------

    def now(self) -> str:
        """The clock's current time in wire form."""
        return iso(self.clock.now())

    def arn(
        self,
        kind: str,
        name: str,
        version: str | None = None,
        build: int | None = None,
        *,
        owner: str | None = None,
    ) -> str:
        """The ARN of a resource of this account (or of `owner`) and region."""
        arn = (
            f"arn:aws:imagebuilder:{self.region}:{owner or self.account_id}:{kind}/{arn_name(name)}"
        )
        if version is not None:
            arn += f"/{version}"
        if build is not None:
            arn += f"/{build}"
        return arn

    # -- storage -------------------------------------------------------------------

    def table(self, kind: str) -> dict[str, Record]:
        """The resources of one kind, by ARN (created on first use)."""
        return self.resources.setdefault(kind, {})

    def put(self, kind: str, record: Record) -> Record:
        """Store a resource under its ``arn`` member."""
        self.generation += 1
        self.table(kind)[record["arn"]] = record
        return record

    def lookup(self, kind: str, arn: str) -> Record | None:
        """The resource of `kind` this ARN names exactly, versions compared by number.

        Every operation finds resources through here, so ``.../2019.12.02/1`` and
        ``.../2019.12.2/1`` name the same build everywhere (wildcards name nothing).
        """
        table = self.table(kind)
        record = table.get(arn)
        if record is not None:
            return record
        key = arn_key(arn)
        return next((r for stored, r in table.items() if arn_key(stored) == key), None)

    def get(self, kind: str, arn: str) -> Record:
        """The resource of `kind` this ARN names, or ResourceNotFoundException."""
        record = self.lookup(kind, arn)
        if record is None:
            raise ServiceError("ResourceNotFoundException", f"Resource {arn} does not exist.")
        return record

    def find(self, arn: str) -> tuple[str, Record] | None:
        """The kind and record of any stored resource this ARN names."""
        parsed = parse_arn(arn)
        if parsed is None:
            return None
        record = self.lookup(parsed.kind, arn)
        return None if record is None else (parsed.kind, record)

    def remove(self, kind: str, arn: str) -> None:
        """Delete the resource this ARN names, and its policy."""
        stored = self.get(kind, arn)["arn"]
        self.generation += 1
        del self.table(kind)[stored]
        self.policies.pop(stored, None)

    def builds_of(self, kind: str, version_arn: str) -> list[Record]:
        """Every build of the version a version ARN names (versions compared by number)."""
        key = arn_key(version_arn)
        return [r for r in self.table(kind).values() if arn_key(r["arn"].rsplit("/", 1)[0]) == key]

    def owner_segment(self, params: Mapping[str, Any]) -> str | None:
        """The ARN owner a List request's ``owner`` asks for (None: nothing visible)."""
        owner = params.get("owner") or "Self"
        return {"Self": self.account_id, "Amazon": AMAZON}.get(owner)

    def owned(self, arn: str) -> bool:
        """Whether the caller's account owns the resource (as opposed to Amazon)."""
        parsed = parse_arn(arn)
        return parsed is not None and parsed.owner == self.account_id

    # -- versions ------------------------------------------------------------------

    def versions_of(
        self, kind: str, owner: str, name: str
    ) -> Iterator[tuple[Version, int, Record]]:
        """Every stored version (and build) of one name: ``(version, build, record)``."""
        for arn, record in self.table(kind).items():
            parsed = parse_arn(arn)
            if parsed is None or parsed.owner != owner or parsed.name != name:
                continue
            version = parse_version(parsed.version or "")
            if version is not None:
                yield version, parsed.build or 0, record

    def resolve(self, kind: str, arn: str, *, code: str = "ResourceNotFoundException") -> Record:
        """The resource an ARN names: exact, or the latest build/version it matches.

        A version ARN (``component/x/1.0.0``) names its latest build; a wildcard ARN
        (``component/x/1.x.x``) names the latest matching version.
        """
        direct = self.lookup(kind, arn)
        if direct is not None:
            return direct
        parsed = parse_arn(arn)
        if (
            parsed is None
            or parsed.kind != kind
            or parsed.region != self.region
            or parsed.version is None
            or parse_version_filter(parsed.version) is None
        ):
            raise ServiceError(code, f"Resource {arn} does not exist.")
        matches = [
            (version, build, record)
            for version, build, record in self.versions_of(kind, parsed.owner, parsed.name)
            if version_matches(version, parsed.version)
            and (parsed.build is None or parsed.build == build)
        ]
        if not matches:
            raise ServiceError(code, f"Resource {arn} does not exist.")
        return max(matches, key=lambda item: (item[0], item[1]))[2]

    @staticmethod
    def latest_references(kind: str, arn: str) -> dict[str, str]:
        """The ``latestVersionReferences`` of a versioned resource: wildcard ARNs.

        For ``.../1.0.0/1`` they are ``.../x.x.x``, ``.../1.x.x``, ``.../1.0.x`` and
        ``.../1.0.0`` (the model's ``LatestVersionReferences`` calls them "wildcard
        version ARNs"; the user guide's "Using version references" section shows this
        form), with the version's numbers spelt as the resource spells them.
        """
        parsed = parse_arn(arn)
        assert parsed is not None
        assert parsed.version is not None
        base = arn.split(f"/{parsed.version}", 1)[0]
        major, minor, patch = parsed.version.split(".")
        return {
            "latestVersionArn": f"{base}/x.x.x",
            "latestMajorVersionArn": f"{base}/{major}.x.x",
            "latestMinorVersionArn": f"{base}/{major}.{minor}.x",
            "latestPatchVersionArn": f"{base}/{major}.{minor}.{patch}",
        }

    # -- request helpers -----------------------------------------------------------

    def require_owned(self, arn: str) -> None:
        """Refuse to change a resource that Amazon owns."""
        if not self.owned(arn):
            raise ServiceError("ForbiddenException", f"You are not allowed to change {arn}.")

    def reference(self, kind: str, arn: str, member: str) -> Record:
        """The resource a request member names; InvalidParameterValueException if none."""
        try:
            return self.resolve(kind, arn)
        except ServiceError as exc:
            raise ServiceError(
                "InvalidParameterValueException",
                f"The value supplied for parameter '{member}' is not valid. "
                f"The resource {arn} does not exist.",
            ) from exc

    @staticmethod
    def recipe_member(params: Mapping[str, Any]) -> tuple[str, str]:
        """Which recipe a build request names: ``(kind, member)``; exactly one is allowed."""
        given = [m for m in ("imageRecipeArn", "containerRecipeArn") if params.get(m)]
        if len(given) != 1:
            raise ServiceError(
                "InvalidRequestException",
                "Specify exactly one of 'imageRecipeArn' and 'containerRecipeArn'.",
            )
        member = given[0]
        return ("image-recipe" if member == "imageRecipeArn" else "container-recipe"), member

    @staticmethod
    def dry_run(params: Mapping[str, Any]) -> None:
        """Stop a request that asked for a dry run, once its checks have passed."""
        if params.get("dryRun"):
            raise ServiceError(
                "DryRunOperationException",
                "The request would have succeeded, but dryRun was set.",
            )

    @staticmethod
    def semantic_version(params: Mapping[str, Any], member: str = "semanticVersion") -> str:
        """The request's semantic version as written, refused unless ``major.minor.patch``.

        The text is kept (``2019.12.02`` stays so in the ARN and in ``version``), as in
        AWS's published examples (``awscli/examples/imagebuilder/get-image.rst``).
        """
        text = str(params.get(member, ""))
        version = parse_version(text)
        if version is None or is_wildcard(text):
            raise ServiceError(
                "InvalidVersionNumberException",
                f"The value supplied for parameter '{member}' is not a valid semantic "
                f"version: {echo(text)}. Use <major>.<minor>.<patch> with numbers up to 2^30-1.",
            )
        return text
