"""Components: versioned build and test documents."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from imagebuilder_sdk.arns import Arn, ResourceType
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    Component,
    ComponentFormat,
    ComponentSummary,
    ComponentType,
    ComponentVersion,
    Ownership,
    Platform,
)
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.repositories._base import Repository, policy_text
from imagebuilder_sdk.versions import SemanticVersion, VersionFilter

if TYPE_CHECKING:
    from imagebuilder_sdk.documents import ComponentDocument

__all__ = ["Components"]

logger = logging.getLogger("imagebuilder_sdk")

_RENAMES = {"version": "semantic_version"}


class Components(Repository):
    """Create, read, list and delete components; ``ib.components``."""

    __slots__ = ()
    resource_type = ResourceType.COMPONENT
    model_argument = "component"

    def create(
        self,
        component: Component | None = None,
        /,
        *,
        name: str | None = None,
        semantic_version: str | SemanticVersion | None = None,
        platform: Platform | str | None = None,
        data: str | ComponentDocument | None = None,
        uri: str | None = None,
        description: str | None = None,
        change_description: str | None = None,
        supported_os_versions: Sequence[str] | None = None,
        kms_key_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        validate_document: bool = True,
        client_token: str | None = None,
    ) -> Component:
        """Create a component version and return it as the service stored it.

        Pass a `Component` (for example one from `get`, with a new version set by
        `attrs.evolve`), keywords, or both: keywords win. `data` may be YAML text or a
        `ComponentDocument`; it is checked before sending unless `validate_document`
        is False (see `imagebuilder_sdk.documents`).
        """
        params = self._request(
            "CreateComponent",
            component,
            _RENAMES,
            {
                "name": name,
                "semantic_version": semantic_version,
                "platform": platform,
                "data": data,
                "uri": uri,
                "description": description,
                "change_description": change_description,
                "supported_os_versions": supported_os_versions,
                "kms_key_id": kms_key_id,
                "tags": tags,
                "client_token": client_token,
            },
        )
        if (params.get("data") is None) == (params.get("uri") is None):
            raise ValidationError(
                "data", "give exactly one of data (the document) and uri (its S3 location)"
            )
        if params.get("data") is not None:
            params["data"] = _document_text(
                params["data"], params.get("platform"), validate_document
            )
        response = self._caller.call("CreateComponent", **params)
        return self.get(response["component_build_version_arn"])

    def import_(
        self,
        *,
        name: str,
        semantic_version: str | SemanticVersion,
        type: ComponentType | str,
        platform: Platform | str,
        format: ComponentFormat | str = ComponentFormat.SHELL,
        data: str | None = None,
        uri: str | None = None,
        description: str | None = None,
        change_description: str | None = None,
        kms_key_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        client_token: str | None = None,
    ) -> Component:
        """Import a component from a shell script (`data` or an S3 `uri`) and return it."""
        response = self._caller.call(
            "ImportComponent",
            name=name,
            semantic_version=semantic_version,
            type=type,
            format=format,
            platform=platform,
            data=data,
            uri=uri,
            description=description,
            change_description=change_description,
            kms_key_id=kms_key_id,
            tags=tags,
            client_token=client_token,
        )
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
