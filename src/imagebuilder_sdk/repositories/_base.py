"""What every repository shares: identifiers, merging models with keywords, listings."""

from __future__ import annotations

import functools
import inspect
import json
import re
import reprlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
from botocore import xform_name

from imagebuilder_sdk import arguments, models
from imagebuilder_sdk._caller import Caller
from imagebuilder_sdk._validation import enum_rule
from imagebuilder_sdk.arguments import ARGUMENT_DOCS, KEYWORD_RENAMES
from imagebuilder_sdk.arns import Arn, ResourceType, normalize_name
from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import Filter
from imagebuilder_sdk.pagination import Paginated
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, VersionFilter, latest

__all__ = [
    "FetchedTags",
    "LARGEST_PAGE",
    "Repository",
    "one_recipe",
    "one_source",
    "policy_text",
    "takes",
]

#: The largest page the service's listings give (``maxResults`` is 1 to 100): a listing
#: the SDK reads to the end for its own purposes (`latest`, a plan) asks for it, so it
#: takes as few requests as the listing allows.
LARGEST_PAGE = 100

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def takes(operation: str) -> Callable[[F], F]:
    """Show the generated keywords of `operation` in a method's signature and docstring.

    The keywords are typed for mypy by `imagebuilder_sdk.arguments`; this makes them
    visible at run time too: `help()`, pydoc and `inspect.signature` list each one (a
    keyword without a default is required), and the docstring says what each means.
    """
    # Annotations stay text (the types are imported for type checkers only).
    fields = {
        name: getattr(hint, "__forward_arg__", hint)
        for name, hint in getattr(arguments, f"{operation}Arguments").__annotations__.items()
    }

    def decorate(method: F) -> F:
        own = inspect.cleandoc(method.__doc__ or "")
        method.__doc__ = f"{own}\n\n{ARGUMENT_DOCS[operation]}\n"
        signature = inspect.signature(method)
        kept = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        takes_model = any(p.kind is p.POSITIONAL_ONLY and p.name != "self" for p in kept)
        for name, hint in fields.items():
            text = str(hint)
            required = text.startswith("Required[")
            if required:
                text = text.removeprefix("Required[")[:-1]
                required = not takes_model  # a model may give it
                text = text if required else f"{text} | None"
            kept.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=inspect.Parameter.empty if required else None,
                    annotation=text,
                )
            )
        method.__signature__ = signature.replace(parameters=kept)  # type: ignore[attr-defined]
        return method

    return decorate


#: Request parameters naming another resource, and the ARN kind each must be.
_REFERENCE_KINDS = {
    "infrastructure_configuration_arn": ResourceType.INFRASTRUCTURE_CONFIGURATION,
    "image_recipe_arn": ResourceType.IMAGE_RECIPE,
    "container_recipe_arn": ResourceType.CONTAINER_RECIPE,
    "distribution_configuration_arn": ResourceType.DISTRIBUTION_CONFIGURATION,
}

#: Model attributes that are outputs only, never sent back in a request.
_OUTPUT_ONLY = frozenset({"arn", "owner", "date_created", "date_updated", "state"})


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def policy_text(policy: str | Mapping[str, Any], field: str = "policy") -> str:
    """A resource policy as JSON text; a dict is encoded, a string must already be JSON.

    Only JSON values are taken: a set, a datetime, NaN or infinity (or nesting too deep
    to encode) is refused, never turned into something else.
    """
    if isinstance(policy, Mapping):
        try:
            return json.dumps(policy, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise ValidationError(field, f"must hold only JSON values: {exc}") from None
        except RecursionError:
            raise ValidationError(field, "is nested too deeply to be a policy") from None
    if not isinstance(policy, str) or not policy.strip():
        raise ValidationError(field, "must be a JSON policy document (a str or a dict)")
    try:
        json.loads(policy, parse_constant=_no_constant)
    except ValueError as exc:
        raise ValidationError(field, f"must be valid JSON: {exc}") from None
    except RecursionError:
        raise ValidationError(field, "is nested too deeply to be a policy") from None
    return policy


def one_recipe(image_recipe_arn: object, container_recipe_arn: object) -> None:
    """Refuse a build or pipeline that names no recipe, or both kinds at once."""
    if (image_recipe_arn is None) == (container_recipe_arn is None):
        raise ValidationError(
            "image_recipe_arn",
            "give exactly one of image_recipe_arn and container_recipe_arn",
        )


class FetchedTags:
    """The tag maps `get` answered lately, to know a model's tags are still those.

    An ``Update*`` operation takes no tags, so `Repository._no_tag_changes` must tell
    tags `get` returned (nothing to do) from tags the caller changed (refused). A model
    whose ``tags`` is the very dict a recent `get` of the same ARN made, with the same
    content, was not changed: no request is needed to know it. Anything else (a model
    built by hand, tags replaced or edited in place, an entry pushed out by newer ones)
    is compared with the resource's tags as before. Each entry holds its dict, so the
    ``id`` it is filed under cannot be reused while it is remembered.
    """

    __slots__ = ("_entries", "_lock", "_size")

    def __init__(self, size: int = 256) -> None:
        self._entries: OrderedDict[int, tuple[object, dict[object, object], str]] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def remember(self, model: T) -> T:
        """Note the tags of a model `get` just made; returns the model."""
        tags, arn = getattr(model, "tags", None), getattr(model, "arn", None)
        if isinstance(tags, dict) and isinstance(arn, str):
            with self._lock:
                self._entries[id(tags)] = (tags, dict(tags), arn)
                self._entries.move_to_end(id(tags))
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return model

    def unchanged(self, model: object) -> bool:
        """Whether the model's tags are, unchanged, those a `get` of its ARN returned."""
        tags, arn = getattr(model, "tags", None), getattr(model, "arn", None)
        with self._lock:
            entry = self._entries.get(id(tags))
        return (
            entry is not None
            and entry[0] is tags
            and entry[2] == arn
            and isinstance(tags, dict)
            and entry[1] == tags
        )


class Repository:
    """Base of the seven repositories: the same verbs, the same rules."""

    __slots__ = ("_caller", "_fetched_tags")

    #: The ARN kinds this repository's identifiers must be.
    resource_type: ResourceType
    #: The name of the positional model argument of `create` and `update`.
    model_argument: str = "model"

    def __init__(self, caller: Caller) -> None:
        self._caller = caller
        self._fetched_tags = FetchedTags()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Make every create, import and update of a repository report a failed read-back.

        Those methods make a change, then read the resource back with `get`. Run in a
        `Caller.read_back` scope, a failure of the read-back raises `ReadBackError`
        with the new resource's ARN, in this one place rather than in each method.
        """
        super().__init_subclass__(**kwargs)
        for name in _READ_BACK_METHODS:
            method = cls.__dict__.get(name)
            if callable(method):
                setattr(cls, name, _reading_back(method))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} repository>"

    def _arn(
        self,
        value: object,
        field: str = "arn",
        expect: ResourceType | Collection[ResourceType] | None = None,
    ) -> str:
        """An identifier as ARN text, refusing empty values and ARNs of another kind."""
        if isinstance(value, Arn):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(field, "must be a non-empty ARN", value=value)
        Arn.parse(value, field=field, expect=expect or self.resource_type)
        return value

    def _references(self, params: dict[str, object]) -> None:
        """Check (in place) the ARNs a request gives of the resources it builds on."""
        for field, kind in _REFERENCE_KINDS.items():
            value = params.get(field)
            if value is not None:
                params[field] = self._arn(value, field, kind)

    def _target(self, params: dict[str, object], field: str) -> None:
        """Check (in place) the ARN of the resource an update replaces; it is required."""
        if params.get(field) is None:
            raise ValidationError("arn", "is required: pass the model from `get` or arn=")
        params[field] = self._arn(params[field])

    def _request(
        self,
        operation: str,
        model: attrs.AttrsInstance | None,
        renames: Mapping[str, str],
        keywords: Mapping[str, object],
    ) -> dict[str, object]:
        """Request parameters from a model's fields overridden by explicit keywords.

        Only fields the operation accepts are taken from the model (`renames` maps a
        model attribute to the parameter it feeds, such as `version` ->
        `semantic_version`); keywords that are not None win over the model.
        """
        shape = self._caller.operation(operation).input_shape
        accepted = {xform_name(m) for m in shape.members} if shape else set()
        params: dict[str, object] = {}
        expected = getattr(models, operation.removeprefix("Create").removeprefix("Update"))
        if model is not None and not isinstance(model, expected):
            raise ValidationError(
                self.model_argument,
                f"must be a {expected.__name__} model (or left out in favour of keywords), "
                f"got {type(model).__name__}",
            )
        if model is not None:
            for field in attrs.fields(type(model)):
                if field.name in _OUTPUT_ONLY and field.name not in renames:
                    continue
                target = renames.get(field.name, field.name)
                value = getattr(model, field.name)
                # A fetched model says "none" as {} or [] (tags, components: the service
                # answers so); a request says it by leaving the member out, as the model's
                # TagMap and list shapes need at least one entry.
                if target in accepted and value is not None and not _empty(value):
                    params[target] = value
        renamed = KEYWORD_RENAMES.get(operation, {})
        for key, value in keywords.items():
            if value is not None:
                params[renamed.get(key, key)] = value
        if model is not None and "tags" not in accepted:
            self._no_tag_changes(operation, model)
        return params

    def _no_tag_changes(self, operation: str, model: attrs.AttrsInstance) -> None:
        """Refuse a model whose tags an operation without tags would silently drop.

        `Update*` operations take no tags, so changed tags on the model (from
        ``attrs.evolve(model, tags=...)``) are refused with the way to set them. Tags
        still exactly as this repository's `get` returned them need no request (see
        `FetchedTags`); any others are compared with the resource's own, read first.
        """
        tags = getattr(model, "tags", None)
        if tags is None or self._fetched_tags.unchanged(model):
            return
        hint = (
            f"{operation} does not change tags; use ib.tag(arn, {{...}}) and "
            "ib.untag(arn, [...]) (or leave the model's tags as `get` returned them)"
        )
        arn = getattr(model, "arn", None)
        if not isinstance(arn, str) or not arn.strip():
            raise ValidationError("tags", hint, value=tags)
        current = self._caller.call("ListTagsForResource", resource_arn=self._arn(arn))
        if dict(current.get("tags") or {}) != dict(tags):
            raise ValidationError("tags", f"differ from the resource's tags: {hint}", value=tags)

    def _list(
        self,
        operation: str,
        items: str,
        cls: type[T],
        filters: Mapping[str, object] | None = None,
        **params: object,
    ) -> Paginated[T]:
        """A lazy listing of `cls` from `operation`'s `items` member."""
        filter_list = _filters(filters or {}, operation)
        if filter_list:
            params["filters"] = filter_list
        # Bad options fail here, where the listing is asked for, not at first iteration.
        size = params.get("max_results")
        if size is not None and (
            isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= LARGEST_PAGE
        ):
            raise ValidationError(
                "page_size", f"must be an integer from 1 to {LARGEST_PAGE}, got {size!r}"
            )
        try:
            self._caller.check(operation, **params)
        except ValidationError as error:
            raise _named_after_option(error, filters or {}, filter_list) from None

        def fetch(token: str | None) -> tuple[Sequence[T], str | None]:
            response = self._caller.call(operation, next_token=token, **params)
            # One hook lookup a page rather than one an item: listings run to thousands.
            structure = converter.get_structure_hook(cls)
            page = [structure(item, cls) for item in response.get(items) or ()]
            return page, response.get("next_token")

        return Paginated(fetch, operation=operation, options=params)

    def _latest(
        self,
        listing: Callable[..., Paginated[T]],
        name: str,
        version_filter: VersionFilter | str,
        owner: object,
    ) -> T | None:
        """The listed item of `name` whose ARN has the greatest version matching the filter.

        The service's name filter compares display names ("Amazon Linux 2023 x86"); when
        it finds nothing, the name is also tried as ARNs spell it ("amazon-linux-2023-x86").
        """
        if not isinstance(name, str) or not name.strip():
            raise ValidationError("name", "must be a non-empty name", value=name)
        wanted = (
            version_filter
            if isinstance(version_filter, VersionFilter)
            else VersionFilter.parse(version_filter, field="version_filter")
        )
        # Read to the end either way: the largest page makes that the fewest requests.
        by_version = _by_version(listing(name=name, owner=owner, page_size=LARGEST_PAGE))
        if not by_version:
            try:
                slug = normalize_name(name)
            except ValidationError:
                return None
            items = listing(owner=owner, page_size=LARGEST_PAGE)
            by_version = _by_version(item for item in items if _arn_name(item) == slug)
        best = latest(by_version, wanted)
        return None if best is None else by_version[best]


def one_source(data: object, uri: object) -> None:
    """Refuse a document given both inline (`data`) and by S3 location (`uri`), or neither."""
    if (data is None) == (uri is None):
        raise ValidationError(
            "data", "give exactly one of data (the document) and uri (its S3 location)"
        )


#: The repository methods that make a change and then read the resource back.
_READ_BACK_METHODS = ("create", "import_", "update")


def _reading_back(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def run(self: Repository, *args: Any, **kwargs: Any) -> T:
        with self._caller.read_back():
            return method(self, *args, **kwargs)

    return run


def _arn_name(item: object) -> str:
    return Arn.parse(str(getattr(item, "arn", ""))).name


def _by_version(items: Iterable[T]) -> dict[SemanticVersion | BuildVersion, T]:
    """Items by the exact version their ARN carries (wildcard ARNs left out)."""
    found: dict[SemanticVersion | BuildVersion, T] = {}
    for item in items:
        arn = Arn.parse(str(getattr(item, "arn", "")))
        if arn.version is not None and not isinstance(arn.version, VersionFilter):
            found[arn.version] = item
    return found


#: Filters whose values are enum values, by listing operation.
_ENUM_FILTERS: dict[str, dict[str, type[models.OpenEnum]]] = {
    "ListComponents": {"platform": models.Platform, "type": models.ComponentType},
    "ListContainerRecipes": {"platform": models.Platform, "containerType": models.ContainerType},
    "ListImageRecipes": {"platform": models.Platform},
    "ListImages": {"platform": models.Platform, "type": models.ImageType},
    "ListImagePipelines": {"status": models.PipelineStatus},
}
#: Typed values whose text is exactly what the user wrote (versions and ARNs).
_TEXT_TYPES = (Arn, SemanticVersion, BuildVersion, VersionFilter)


def _filter_text(value: object, option: str, enum: type[models.OpenEnum] | None) -> str:
    """One filter value as text; only text, enums, versions and ARNs are taken."""
    if isinstance(value, models.OpenEnum):
        text = str(value.value)
    elif isinstance(value, str):
        text = value
    elif isinstance(value, _TEXT_TYPES):
        text = str(value)
    else:
        raise ValidationError(
            option,
            f"must be a string, got {type(value).__name__} {reprlib.repr(value)}",
            value=value,
        )
    if enum is not None:
        known = [str(member.value) for member in enum]
        if text not in known:
            raise ValidationError(option, enum_rule(known, text), value=value)
    return text


_FILTER_PATH = re.compile(r"filters\[(\d+)\]\.values\[(\d+)\]")


def _named_after_option(
    error: ValidationError, options: Mapping[str, object], filters: Sequence[Filter]
) -> ValidationError:
    """`error` about ``filters[i].values[j]`` renamed after the option the caller passed."""
    found = _FILTER_PATH.fullmatch(error.field)
    if found is None:
        return error
    which, item = int(found.group(1)), int(found.group(2))
    name = filters[which].name or ""
    option = xform_name(name)
    if isinstance(options.get(name), (list, tuple)):
        option = f"{option}[{item}]"
    return ValidationError(option, error.rule, value=error.value, pattern=error.pattern)


def _filters(values: Mapping[str, object], operation: str = "") -> list[Filter]:
    """API filters from typed options; None means "no filter on this field".

    Errors name the option the caller passed (``platform``, ``name[1]``), not the
    request's ``filters`` list; values are never passed through `str()`.
    """
    enums = _ENUM_FILTERS.get(operation, {})
    result = []
    for name, value in values.items():
        if value is None:
            continue
        option, enum = xform_name(name), enums.get(name)
        if isinstance(value, (list, tuple)):
            texts = [_filter_text(v, f"{option}[{n}]", enum) for n, v in enumerate(value)]
        elif isinstance(value, (set, frozenset)):
            raise ValidationError(
                option, "must be a value or a list of values (a set has no order)", value=value
            )
        else:
            texts = [_filter_text(value, option, enum)]
        result.append(Filter(name=name, values=texts))
    return result


def _empty(value: object) -> bool:
    """An empty mapping or sequence (a model's way of saying "none"), but not ""."""
    return isinstance(value, (Mapping, list, tuple)) and not value
