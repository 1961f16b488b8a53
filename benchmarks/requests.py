"""Requests per verb: how many the SDK sends against what a careful raw-boto3 user needs.

Each verb runs twice, each time on a fresh emulator prepared the same way: once
through the SDK, once as the fewest boto3 calls that do the same job with the same
guarantees (written out below, next to the reason each call is needed). The emulator
records every request that reaches it; the figure's value is the SDK's count and its
target the raw-boto3 count, and the detail lists both sequences of operations.
Counting needs no clock, so these figures are exact, on any machine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import attrs

from benchmarks._figures import Figure, Settings
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.models import ComponentConfiguration, Distribution
from imagebuilder_sdk.plan import (
    ComponentSpec,
    DistributionSpec,
    ExistingComponent,
    ExistingImage,
    ImagePipelineSpec,
    ImageRecipeSpec,
    InfrastructureSpec,
    Stack,
    plan,
)
from imagebuilder_sdk.testing import Emulator

__all__ = ["VERBS", "Verb", "operations_of", "request_figures", "run_verb", "verbs"]

DOCUMENT = """\
name: hello
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: SayHello
        action: ExecuteBash
        inputs:
          commands: [echo hello]
"""
PARENT = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x"
#: The largest page the service gives.
LARGEST_PAGE = 100
#: How often both sides poll a running build, in (virtual) seconds.
POLL_INTERVAL = 30.0

#: What a verb's two runs share: the facade, a raw client, and what the setup made.
Context = dict[str, Any]


@dataclass(frozen=True)
class Verb:
    """One verb: how to prepare the account, the SDK call, and the raw-boto3 minimum."""

    key: str
    """Figure key suffix (``get``)."""
    title: str
    """What is done, for the table."""
    why: str
    """Why the raw-boto3 minimum needs each of its requests."""
    sdk: Callable[[ImageBuilder, Context], object]
    raw: Callable[[Any, Context], object]
    setup: Callable[[ImageBuilder, Settings], Context] = lambda ib, settings: {}


def operations_of(emulator: Emulator) -> list[str]:
    """The operations the emulator received since it was last cleared, in order."""
    return [request.operation for request in emulator.requests]


def run_verb(verb: Verb, settings: Settings, side: str) -> tuple[list[str], list[str]]:
    """Run one side (``sdk`` or ``raw``) of `verb` on a fresh emulator.

    Returns the operations the emulator received and, counted apart by a botocore
    ``before-call`` hook on the client, the calls the client made: the two must agree.
    """
    ib = ImageBuilder.local()
    emulator = ib.emulator
    assert emulator is not None
    context = verb.setup(ib, settings)
    context["emulator"] = emulator
    client = ib.client if side == "sdk" else emulator.client()
    calls: list[str] = []

    def count(model: Any, **_: Any) -> None:
        calls.append(model.name)

    client.meta.events.register("before-call.imagebuilder", count)
    emulator.clear_requests()
    try:
        if side == "sdk":
            verb.sdk(ib, context)
        else:
            verb.raw(client, context)
    finally:
        client.meta.events.unregister("before-call.imagebuilder", count)
    failed = [r for r in emulator.requests if r.outcome != "ok"]
    if failed:
        raise RuntimeError(f"{verb.key} ({side}): requests failed: {failed}")
    return operations_of(emulator), calls


# -- setups ------------------------------------------------------------------------------


def _component(ib: ImageBuilder, settings: Settings) -> Context:
    made = ib.components.create(
        name="hello", semantic_version="1.0.0", platform="Linux", data=DOCUMENT
    )
    return {"component": str(made.arn)}


def _versions(ib: ImageBuilder, settings: Settings) -> Context:
    """`request_items` versions of one component, made behind the SDK's back (fast)."""
    assert ib.emulator is not None
    for patch in range(settings.request_items):
        ib.emulator.backend.dispatch(
            "CreateComponent",
            {
                "name": "many",
                "semanticVersion": f"1.0.{patch}",
                "platform": "Linux",
                "data": DOCUMENT,
                "clientToken": f"token-{patch}",
            },
        )
    return {}


def _recipe(ib: ImageBuilder, settings: Settings) -> Context:
    context = _component(ib, settings)
    recipe = ib.image_recipes.create(
        name="web",
        semantic_version="1.0.0",
        parent_image=PARENT,
        components=[ComponentConfiguration(component_arn=context["component"])],
    )
    infra = ib.infrastructure_configurations.create(
        name="builders", instance_profile_name="builder", tags={"team": "web"}
    )
    dist = ib.distribution_configurations.create(
        name="regions", distributions=[Distribution(region="us-east-1")], tags={"team": "web"}
    )
    return {**context, "recipe": str(recipe.arn), "infra": infra, "dist": dist}


def _pipeline(ib: ImageBuilder, settings: Settings) -> Context:
    context = _recipe(ib, settings)
    pipeline = ib.image_pipelines.create(
        name="nightly",
        image_recipe_arn=context["recipe"],
        infrastructure_configuration_arn=str(context["infra"].arn),
        tags={"team": "web"},
    )
    return {**context, "pipeline": pipeline}


def _build(ib: ImageBuilder, settings: Settings) -> Context:
    context = _pipeline(ib, settings)
    build = ib.image_pipelines.start(str(context["pipeline"].arn))
    return {**context, "build": build}


def _stack() -> Stack:
    baseline = ComponentSpec(name="baseline", platform="Linux", data=DOCUMENT)
    recipe = ImageRecipeSpec(
        name="web",
        parent_image=ExistingImage("amazon-linux-2023-x86"),
        components=[ExistingComponent("update-linux", "1.0.x"), baseline],
    )
    builders = InfrastructureSpec(name="builders", instance_profile_name="builder")
    regions = DistributionSpec(name="regions", distributions=[Distribution(region="us-east-1")])
    return Stack(
        ImagePipelineSpec(name="web", recipe=recipe, infrastructure=builders, distribution=regions)
    )


def _applied(ib: ImageBuilder, settings: Settings) -> Context:
    plan(ib, _stack()).apply()
    return {}


# -- raw boto3 ---------------------------------------------------------------------------


def _name(value: str) -> list[dict[str, Any]]:
    return [{"name": "name", "values": [value]}]


def _paginate(client: Any, operation: str, page_size: int, **params: Any) -> list[Any]:
    pages = client.get_paginator(operation).paginate(
        **params, PaginationConfig={"PageSize": page_size}
    )
    return list(pages)


def _raw_wait(client: Any, context: Context) -> None:
    """What botocore's ``ImageAvailable`` waiter does: poll, then sleep, until done."""
    arn = context["build"].arn
    while client.get_image(imageBuildVersionArn=arn)["image"]["state"]["status"] != "AVAILABLE":
        context["emulator"].advance(POLL_INTERVAL)


def _raw_plan(client: Any, *, applied: bool) -> None:
    """A plan by hand: find each thing by name once; read the content of what exists."""
    amazon = client.list_images(
        owner="Amazon", filters=_name("amazon-linux-2023-x86"), maxResults=LARGEST_PAGE
    )
    if not amazon["imageVersionList"]:  # the name as ARNs spell it: no filter takes it
        client.list_images(owner="Amazon", maxResults=LARGEST_PAGE)
    client.list_components(owner="Amazon", filters=_name("update-linux"), maxResults=LARGEST_PAGE)
    versioned = (
        ("list_components", "get_component", "componentVersionList", "baseline", "component"),
        ("list_image_recipes", "get_image_recipe", "imageRecipeSummaryList", "web", "recipe"),
    )
    for lister, getter, items, name, key in versioned:
        found = getattr(client, lister)(owner="Self", filters=_name(name), maxResults=LARGEST_PAGE)[
            items
        ]
        if applied:
            arn_key = "componentBuildVersionArn" if key == "component" else "imageRecipeArn"
            getattr(client, getter)(**{arn_key: found[0]["arn"]})
    for lister, getter, items, name, key in (
        (
            "list_infrastructure_configurations",
            "get_infrastructure_configuration",
            "infrastructureConfigurationSummaryList",
            "builders",
            "infrastructureConfigurationArn",
        ),
        (
            "list_distribution_configurations",
            "get_distribution_configuration",
            "distributionConfigurationSummaryList",
            "regions",
            "distributionConfigurationArn",
        ),
    ):
        found = getattr(client, lister)(filters=_name(name), maxResults=LARGEST_PAGE)[items]
        if applied:
            getattr(client, getter)(**{key: found[0]["arn"]})
    # A pipeline listing carries every setting: no get.
    client.list_image_pipelines(filters=_name("web"), maxResults=LARGEST_PAGE)


def _raw_apply(client: Any, context: Context) -> None:
    """Applying a plan of creates by hand: per step, read it again (has anyone made it
    since the plan?), then create it; the ARN each create answers is all the next needs."""
    mine = {"maxResults": LARGEST_PAGE}
    client.list_components(owner="Self", filters=_name("baseline"), **mine)
    component = client.create_component(
        name="baseline", semanticVersion="1.0.0", platform="Linux", data=DOCUMENT
    )["componentBuildVersionArn"]
    client.list_image_recipes(owner="Self", filters=_name("web"), **mine)
    amazon = "arn:aws:imagebuilder:us-east-1:aws"
    recipe = client.create_image_recipe(
        name="web",
        semanticVersion="1.0.0",
        parentImage=f"{amazon}:image/amazon-linux-2023-x86/x.x.x",
        components=[
            {"componentArn": f"{amazon}:component/update-linux/1.0.x"},
            {"componentArn": component.rsplit("/", 1)[0]},
        ],
    )["imageRecipeArn"]
    client.list_infrastructure_configurations(filters=_name("builders"), **mine)
    infra = client.create_infrastructure_configuration(
        name="builders", instanceProfileName="builder"
    )["infrastructureConfigurationArn"]
    client.list_distribution_configurations(filters=_name("regions"), **mine)
    dist = client.create_distribution_configuration(
        name="regions", distributions=[{"region": "us-east-1"}]
    )["distributionConfigurationArn"]
    client.list_image_pipelines(filters=_name("web"), **mine)
    client.create_image_pipeline(
        name="web",
        imageRecipeArn=recipe,
        infrastructureConfigurationArn=infra,
        distributionConfigurationArn=dist,
    )


def _planned(ib: ImageBuilder, settings: Settings) -> Context:
    return {"plan": plan(ib, _stack())}


def _sdk_update(repository: str, key: str) -> Callable[[ImageBuilder, Context], object]:
    def run(ib: ImageBuilder, context: Context) -> object:
        return getattr(ib, repository).update(attrs.evolve(context[key], description="changed"))

    return run


def _raw_update(operation: str, get: str, arn_key: str, key: str) -> Callable[[Any, Context], None]:
    def run(client: Any, context: Context) -> None:
        model = context[key]
        params: dict[str, Any] = {arn_key: str(model.arn), "description": "changed"}
        if operation == "update_infrastructure_configuration":
            params["instanceProfileName"] = model.instance_profile_name
        elif operation == "update_distribution_configuration":
            params["distributions"] = [{"region": "us-east-1"}]
        else:
            params["infrastructureConfigurationArn"] = str(model.infrastructure_configuration_arn)
            params["imageRecipeArn"] = str(model.image_recipe_arn)
        getattr(client, operation)(**params)
        getattr(client, get)(**{arn_key: str(model.arn)})

    return run


READ_BACK = (
    "Create answers only the new ARN; the stored resource (owner, dates, defaults the "
    "service filled in) takes one Get: 2."
)
UPDATE = (
    "Update answers only the ARN; the stored settings take one Get: 2. Update takes no "
    "tags, and a model whose tags are exactly those `get` returned changes none, so "
    "nothing needs ListTagsForResource."
)


def verbs(settings: Settings) -> list[Verb]:
    """Every verb counted, sized by `settings`."""
    n, page = settings.request_items, settings.request_page_size
    listing_why = (
        f"{n} items at {page} a page: the paginator's ceil({n}/{page}) pages, no more "
        "(a last, empty page only when the service gives a token for one)."
    )
    latest_why = (
        f"Every version of the name must be seen to choose the newest: {n} versions at the "
        f"largest page, {LARGEST_PAGE}, are ceil({n}/{LARGEST_PAGE}) listings."
    )
    return [
        Verb(
            "get",
            "components.get",
            "One Get.",
            lambda ib, c: ib.components.get(c["component"]),
            lambda client, c: client.get_component(componentBuildVersionArn=c["component"]),
            _component,
        ),
        Verb(
            "list",
            f"components.list of {n} at page size {page}",
            listing_why,
            lambda ib, c: list(ib.components.list(page_size=page)),
            lambda client, c: _paginate(client, "list_components", page),
            _versions,
        ),
        Verb(
            "latest",
            f"components.latest of a name with {n} versions",
            latest_why,
            lambda ib, c: ib.components.latest("many"),
            lambda client, c: _paginate(
                client, "list_components", LARGEST_PAGE, filters=_name("many")
            ),
            _versions,
        ),
        Verb(
            "latest_display_name",
            "images.latest by the service's name ('Amazon Linux 2023 x86')",
            "One listing filtered by name, at the largest page.",
            lambda ib, c: ib.images.latest("Amazon Linux 2023 x86", owner="Amazon"),
            lambda client, c: client.list_images(
                owner="Amazon", filters=_name("Amazon Linux 2023 x86"), maxResults=LARGEST_PAGE
            ),
        ),
        Verb(
            "latest_arn_name",
            "images.latest by the name in ARNs ('amazon-linux-2023-x86')",
            "The name filter compares the service's names; when it finds nothing the name "
            "may be spelt as in ARNs, which no filter takes: one filtered listing, then one "
            "listing of the owner's images, 2.",
            lambda ib, c: ib.images.latest("amazon-linux-2023-x86", owner="Amazon"),
            lambda client, c: (
                client.list_images(
                    owner="Amazon", filters=_name("amazon-linux-2023-x86"), maxResults=100
                ),
                client.list_images(owner="Amazon", maxResults=LARGEST_PAGE),
            ),
        ),
        Verb(
            "create_component",
            "components.create",
            READ_BACK,
            lambda ib, c: _component(ib, settings),
            lambda client, c: client.get_component(
                componentBuildVersionArn=client.create_component(
                    name="hello", semanticVersion="1.0.0", platform="Linux", data=DOCUMENT
                )["componentBuildVersionArn"]
            ),
        ),
        Verb(
            "create_image_recipe",
            "image_recipes.create",
            READ_BACK,
            lambda ib, c: ib.image_recipes.create(
                name="web",
                semantic_version="1.0.0",
                parent_image=PARENT,
                components=[ComponentConfiguration(component_arn=c["component"])],
            ),
            lambda client, c: client.get_image_recipe(
                imageRecipeArn=client.create_image_recipe(
                    name="web",
                    semanticVersion="1.0.0",
                    parentImage=PARENT,
                    components=[{"componentArn": c["component"]}],
                )["imageRecipeArn"]
            ),
            _component,
        ),
        Verb(
            "create_infrastructure",
            "infrastructure_configurations.create",
            READ_BACK,
            lambda ib, c: ib.infrastructure_configurations.create(
                name="builders", instance_profile_name="builder"
            ),
            lambda client, c: client.get_infrastructure_configuration(
                infrastructureConfigurationArn=client.create_infrastructure_configuration(
                    name="builders", instanceProfileName="builder"
                )["infrastructureConfigurationArn"]
            ),
        ),
        Verb(
            "create_distribution",
            "distribution_configurations.create",
            READ_BACK,
            lambda ib, c: ib.distribution_configurations.create(
                name="regions", distributions=[Distribution(region="us-east-1")]
            ),
            lambda client, c: client.get_distribution_configuration(
                distributionConfigurationArn=client.create_distribution_configuration(
                    name="regions", distributions=[{"region": "us-east-1"}]
                )["distributionConfigurationArn"]
            ),
        ),
        Verb(
            "create_pipeline",
            "image_pipelines.create",
            READ_BACK,
            lambda ib, c: ib.image_pipelines.create(
                name="nightly",
                image_recipe_arn=c["recipe"],
                infrastructure_configuration_arn=str(c["infra"].arn),
            ),
            lambda client, c: client.get_image_pipeline(
                imagePipelineArn=client.create_image_pipeline(
                    name="nightly",
                    imageRecipeArn=c["recipe"],
                    infrastructureConfigurationArn=str(c["infra"].arn),
                )["imagePipelineArn"]
            ),
            _recipe,
        ),
        Verb(
            "update_infrastructure",
            "infrastructure_configurations.update of the created model (tagged)",
            UPDATE,
            _sdk_update("infrastructure_configurations", "infra"),
            _raw_update(
                "update_infrastructure_configuration",
                "get_infrastructure_configuration",
                "infrastructureConfigurationArn",
                "infra",
            ),
            _recipe,
        ),
        Verb(
            "update_distribution",
            "distribution_configurations.update of the created model (tagged)",
            UPDATE,
            _sdk_update("distribution_configurations", "dist"),
            _raw_update(
                "update_distribution_configuration",
                "get_distribution_configuration",
                "distributionConfigurationArn",
                "dist",
            ),
            _recipe,
        ),
        Verb(
            "update_pipeline",
            "image_pipelines.update of the created model (tagged)",
            UPDATE,
            _sdk_update("image_pipelines", "pipeline"),
            _raw_update(
                "update_image_pipeline", "get_image_pipeline", "imagePipelineArn", "pipeline"
            ),
            _pipeline,
        ),
        Verb(
            "delete",
            "components.delete",
            "One Delete.",
            lambda ib, c: ib.components.delete(c["component"]),
            lambda client, c: client.delete_component(componentBuildVersionArn=c["component"]),
            _component,
        ),
        Verb(
            "start",
            "image_pipelines.start",
            "One StartImagePipelineExecution; the handle needs only the ARN it answers.",
            lambda ib, c: ib.image_pipelines.start(str(c["pipeline"].arn)),
            lambda client, c: client.start_image_pipeline_execution(
                imagePipelineArn=str(c["pipeline"].arn)
            ),
            _pipeline,
        ),
        Verb(
            "wait",
            f"build.wait of a fresh build, polling every {POLL_INTERVAL:g} s (virtual clock)",
            "What botocore's ImageAvailable waiter does: one GetImage at once (the handle may "
            "be for a build long done), then one each interval until AVAILABLE: "
            "1 + ceil(build time / interval).",
            lambda ib, c: c["build"].wait(poll_interval=POLL_INTERVAL),
            _raw_wait,
            _build,
        ),
        Verb(
            "refresh",
            "build.refresh",
            "One GetImage.",
            lambda ib, c: c["build"].refresh(),
            lambda client, c: client.get_image(imageBuildVersionArn=c["build"].arn),
            _build,
        ),
        Verb(
            "workflows_list",
            "workflows.list (Amazon's, seeded) at the largest page",
            "The seeded workflows fit one page of 100: one ListWorkflows.",
            lambda ib, c: list(ib.workflows.list(owner="Amazon", page_size=LARGEST_PAGE)),
            lambda client, c: _paginate(client, "list_workflows", LARGEST_PAGE, owner="Amazon"),
        ),
        Verb(
            "lifecycle_policies_list",
            "lifecycle_policies.list",
            "One ListLifecyclePolicies (an empty account is one page).",
            lambda ib, c: list(ib.lifecycle_policies.list()),
            lambda client, c: _paginate(client, "list_lifecycle_policies", 25),
        ),
        Verb(
            "plan_empty",
            "plan of a 5-resource stack (2 looked up) on an empty account",
            "Each declaration found by name once, at the largest page: 5 listings for what "
            "is managed, 1 for the component looked up, 2 for the image named as in ARNs "
            "(see latest by ARN name); nothing exists, so nothing to get: 8.",
            lambda ib, c: plan(ib, _stack()),
            lambda client, c: _raw_plan(client, applied=False),
        ),
        Verb(
            "apply_empty",
            "apply of that plan (5 creates)",
            "Per step one listing by name, to see whether anyone made it since the plan (the "
            "conflict check), and one Create, whose answer gives the ARN the next steps use: "
            "10. The apply creates without the read-back `create` makes: the next plan "
            "reads what it needs.",
            lambda ib, c: c["plan"].apply(),
            _raw_apply,
            _planned,
        ),
        Verb(
            "plan_up_to_date",
            "plan + apply of the same stack on an up-to-date account",
            "As on an empty account, plus one Get each for the component, the recipe and "
            "the two configurations, whose listings do not carry the settings compared (a "
            "pipeline listing does): 12. Applying a plan with no change sends nothing.",
            lambda ib, c: plan(ib, _stack()).apply(),
            lambda client, c: _raw_plan(client, applied=True),
            _applied,
        ),
    ]


#: The verbs' keys, in the table's order.
VERBS: tuple[str, ...] = tuple(verb.key for verb in verbs(Settings.quick()))


def request_figures(settings: Settings) -> list[Figure]:
    """One figure per verb: the SDK's requests, held to the raw-boto3 minimum."""
    figures = []
    for verb in verbs(settings):
        sdk, sdk_calls = run_verb(verb, settings, "sdk")
        raw, raw_calls = run_verb(verb, settings, "raw")
        figures.append(
            Figure(
                key=f"requests_{verb.key}",
                title=f"requests: {verb.title} (target: raw boto3)",
                value=len(sdk),
                unit="requests",
                target=len(raw),
                detail={
                    "sdk": sdk,
                    "minimum": raw,
                    "why": verb.why,
                    "sdk_calls": len(sdk_calls),
                    "minimum_calls": len(raw_calls),
                },
            )
        )
    return figures
