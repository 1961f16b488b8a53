"""Components: versioned build and test documents."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, overload

import attrs
from typing_extensions import Unpack

from imagebuilder_sdk.arguments import (
    CreateComponentArguments,
    CreateComponentOverrides,
    ImportComponentArguments,
)
from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    Component,
    ComponentFormat,
    ComponentSummary,
    ComponentType,
    ComponentVersion,
    MarketplaceResourceType,
    Ownership,
    Platform,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, one_source, policy_text, takes
from imagebuilder_sdk.versions import VersionFilter

if TYPE_CHECKING:
    pass

__all__ = ["Components", "MarketplaceResource"]

logger = logging.getLogger("imagebuilder_sdk")

_RENAMES = {"version": "semantic_version"}
_S3_LOCATION = re.compile(r"^s3://[^/]+/.+[^/]$")


@attrs.frozen
class MarketplaceResource:
    """What `Components.marketplace_resource` found: the data itself, or where to get it.

    The service sends the document text in `data` when it is small, else a pre-signed
    download `url` (always for artifacts); one of the two is set.
    """

    arn: str
    """ARN of the marketplace component."""
    data: str | None = None
    """The component document, when the service sent it inline."""
    url: str | None = attrs.field(default=None, repr=False)
    """A pre-signed URL to download the resource from (a credential: not in the repr)."""


class Components(Repository):
    """Create, read, list and delete components; ``ib.components``."""

    __slots__ = ()
    resource_type = ResourceType.COMPONENT
    model_argument = "component"

    @overload
    def create(
        self,
        component: Component,
        /,
        *,
        validate_document: bool = ...,
        **overrides: Unpack[CreateComponentOverrides],
    ) -> Component: ...
    @overload
    def create(
        self, /, *, validate_document: bool = ..., **arguments: Unpack[CreateComponentArguments]
    ) -> Component: ...
    @takes("CreateComponent")
    def create(
        self,
        component: Component | None = None,
        /,
        *,
        validate_document: bool = True,
        **arguments: Any,
    ) -> Component:
        """Create a component version and return it as the service stored it.

        Pass a `Component` (for example one from `get`, with a new version set by
        `attrs.evolve`), keywords, or both: keywords win. `data` may be YAML text or a
        `ComponentDocument`; it is checked before sending unless `validate_document`
        is False (see `imagebuilder_sdk.documents`).
        """
        return self.get(self._create_arn(component, arguments, validate_document))

    def _create_arn(
        self,
        component: Component | None,
        arguments: dict[str, Any],
        validate_document: bool = True,
    ) -> str:
        """Send the create (checked first); return the new resource's ARN, unread."""
        params = self._request("CreateComponent", component, _RENAMES, arguments)
        one_source(params.get("data"), params.get("uri"))
        if params.get("data") is not None:
            params["data"] = _document_text(
                params["data"], params.get("platform"), validate_document
            )
        response = self._caller.call("CreateComponent", **params)
        return str(response["component_build_version_arn"])

    @takes("ImportComponent")
    def import_(self, /, **arguments: Unpack[ImportComponentArguments]) -> Component:
        """Import a component from a shell script (`data` or an S3 `uri`) and return it.

        `format` defaults to ``SHELL``, the one format the service imports.
        """
        params: dict[str, object] = {"format": ComponentFormat.SHELL, **arguments}
        response = self._caller.call("ImportComponent", **params)
        return self.get(response["component_build_version_arn"])

    def get(self, arn: str | Arn) -> Component:
        """The component a version or build-version ARN names."""
        text = self._arn(arn)
        response = self._caller.call("GetComponent", component_build_version_arn=text)
        return converter.structure(response["component"], Component)

    def delete(self, arn: str | Arn) -> None:
        """Delete a component build version."""
        self._caller.call("DeleteComponent", component_build_version_arn=self._arn(arn))

    def list(
        self,
        *,
        name: str | None = None,
        platform: Platform | str | None = None,
        version: str | None = None,
        type: ComponentType | str | None = None,
        supported_os_version: str | None = None,
        description: str | None = None,
        owner: Ownership | str | None = None,
        by_name: bool | None = None,
        page_size: int | None = None,
    ) -> Paginated[ComponentVersion]:
        """Component versions, lazily; options filter on the service side."""
        return self._list(
            "ListComponents",
            "component_version_list",
            ComponentVersion,
            filters={
                "name": name,
                "platform": platform,
                "version": version,
                "type": type,
                "supportedOsVersion": supported_os_version,
                "description": description,
            },
            owner=owner,
            by_name=by_name,
            max_results=page_size,
        )

    def build_versions(
        self, arn: str | Arn, *, page_size: int | None = None
    ) -> Paginated[ComponentSummary]:
        """The builds of one component version (a version ARN), lazily."""
        return self._list(
            "ListComponentBuildVersions",
            "component_summary_list",
            ComponentSummary,
            component_version_arn=self._arn(arn, "arn"),
            max_results=page_size,
        )

    def latest(
        self,
        name: str,
        version_filter: VersionFilter | str = "x.x.x",
        *,
        owner: Ownership | str | None = None,
    ) -> ComponentVersion | None:
        """The greatest version of `name` matching `version_filter`, or None.

        Every page is read (pages can come back short) and versions are compared as
        numbers, so ``1.10.0`` beats ``1.9.0``.
        """
        return self._latest(self.list, name, version_filter, owner)

    def marketplace_resource(
        self,
        arn: str | Arn,
        resource_type: MarketplaceResourceType | str = MarketplaceResourceType.COMPONENT_DATA,
        *,
        location: str | None = None,
    ) -> MarketplaceResource:
        """The document (COMPONENT_DATA) or an artifact (COMPONENT_ARTIFACT, at the S3
        `location` the product names) of an AWS Marketplace component you subscribe to.
        """
        if resource_type not in MarketplaceResourceType.__members__.values():
            raise ValidationError(
                "resource_type",
                f"must be COMPONENT_DATA or COMPONENT_ARTIFACT, got {resource_type!r}",
            )
        kind = MarketplaceResourceType(resource_type)
        if location is not None and (
            not isinstance(location, str) or not _S3_LOCATION.match(location)
        ):
            raise ValidationError(
                "location", "must be an s3://bucket/key location (not ending in /)", value=location
            )
        if kind is MarketplaceResourceType.COMPONENT_ARTIFACT and location is None:
            raise ValidationError("location", "is required for a COMPONENT_ARTIFACT")
        response = self._caller.call(
            "GetMarketplaceResource",
            resource_type=kind,
            resource_arn=self._arn(arn),
            resource_location=location,
        )
        return MarketplaceResource(
            arn=str(response.get("resource_arn") or arn),
            data=response.get("data"),
            url=response.get("url"),
        )

    def get_policy(self, arn: str | Arn) -> str:
        """The resource policy of a component build version, as JSON text."""
        response = self._caller.call("GetComponentPolicy", component_arn=self._arn(arn))
        return str(response.get("policy") or "")

    def put_policy(self, arn: str | Arn, policy: str | Mapping[str, Any]) -> None:
        """Set the resource policy of a component build version."""
        self._caller.call(
            "PutComponentPolicy", component_arn=self._arn(arn), policy=policy_text(policy)
        )


def _document_text(data: object, platform: object, validate: bool) -> str:
    """The component document as YAML text, checked first unless told not to."""
    if not isinstance(data, str) and not hasattr(data, "to_yaml"):
        raise ValidationError(
            "data", f"must be YAML text or a ComponentDocument, got {type(data).__name__}"
        )
    if isinstance(data, str) and not validate:
        return data
    try:
        from imagebuilder_sdk import documents
    except ImportError:  # pragma: no cover - the yaml extra is missing
        if not isinstance(data, str):
            raise
        logger.warning("component document not checked: install imagebuilder-sdk[yaml]")
        return data
    platform_name = getattr(platform, "value", platform)
    if validate:
        documents.check(data, platform=platform_name)  # type: ignore[arg-type]
    if isinstance(data, str):
        return data
    text: str = data.to_yaml()
    return text
