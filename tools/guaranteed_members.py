"""Which output members EC2 Image Builder is known to send in every answer.

This module holds one reviewed table, ``GUARANTEED``, that ``tools/generate_models.py`` reads to
decide which attributes of a generated output model are non-Optional. The keys are botocore
structure shape names from ``imagebuilder/2019-12-02/service-2.json``; the values are the API
(camelCase) names of the members that every answer carrying that shape includes.

The rule is one-sided on purpose. A member appears here only when the evidence shows the service
sends it every time:

* every AWS-published example answer that carries the shape contains the member (at least one
  example must exist, and one that leaves the member out vetoes it, even an example AWS labels as
  shortened); and
* the member is part of the object's identity or lifecycle (ARN or ID, name, version, type,
  owner, platform, creation date or start time, state or status), or the service cannot store the
  object without it (the create request requires it, and botocore marks it required with no
  example against it).

Everything else stays Optional, including members botocore flags as required: botocore's
``required`` list describes what a request must carry, and for output shapes it is no promise.
``DistributionConfiguration.timeoutMinutes`` is the known case: botocore requires it, yet the
published GetDistributionConfiguration answer has no such key. Shapes with no guaranteed member
are left out of the table (see the comment block after it).

Kinds of evidence, as cited in the comment above each row:

* ``CLI <name> (2020)``: an example answer in the AWS CLI command reference, source file
  ``awscli/examples/imagebuilder/<name>.rst`` in github.com/aws/aws-cli, as published at
  docs.aws.amazon.com/cli/latest/reference/imagebuilder/<name>.html; "(2020)" marks the first
  generation of examples (aws-cli commit 07c4fe36 still carries them), "(2026)" the rewritten or
  new examples (aws-cli commits 042b7ef6, ad841778, b5d54c87, e454fb5e).
* ``docs``: the EC2 Image Builder user guide or the text around a CLI example.
* ``req``: the member is in botocore's ``required`` list for the shape; supporting evidence only.
* ``create-req``: the matching create/put request marks the member required, so the stored
  object has it.

The API reference pages (docs.aws.amazon.com/imagebuilder/latest/APIReference/API_<Op>.html)
were read too: they give the response syntax with every member but mark none of the response
elements as required and carry no example answers, so they only confirm member names.

``EXAMPLE_ANSWERS`` transcribes the published example answers (API form, values exactly as AWS
prints them, timestamps as the strings shown) so that tests can check that every AWS-style answer
structures. Each was checked against botocore's output shapes (member names, JSON types, enum
values; omitted members allowed) and all pass. Note that the CLI prints the members botocore
types as ``timestamp`` (``LifecyclePolicy*.date*``, ``LifecycleExecution.startTime``,
``ImageScanFinding.firstObservedAt``/``updatedAt``,
``PackageVulnerabilityDetails.vendorCreatedAt``/``vendorUpdatedAt``) as ISO-8601 strings; boto3
hands them to the SDK as ``datetime`` objects. Most resource dates (``dateCreated`` and so on)
are plain strings in the model.
"""

from __future__ import annotations

__all__ = ["EXAMPLE_ANSWERS", "GUARANTEED"]

#: Structure shape name -> the API (camelCase) member names every answer carrying that shape includes.
GUARANTEED: dict[str, frozenset[str]] = {
    # ---- components -------------------------------------------------------------------------
    # Component: CLI get-component (2020) shows arn, name, version, type, platform, owner, data,
    #  encrypted, dateCreated, tags. Only one example, so only identity is listed; "state" and
    #  "description" are absent from it and stay Optional.
    "Component": frozenset({"arn", "name", "version", "type", "platform", "owner", "dateCreated"}),
    # ComponentSummary: CLI list-component-build-versions (2020) shows all of these plus
    #  description, changeDescription, tags; no state, so state stays Optional.
    "ComponentSummary": frozenset(
        {"arn", "name", "version", "type", "platform", "owner", "dateCreated"}
    ),
    # ComponentVersion: CLI list-components (2020) shows exactly these seven members.
    "ComponentVersion": frozenset(
        {"arn", "name", "version", "type", "platform", "owner", "dateCreated"}
    ),
    # ComponentConfiguration: every recipe example (CLI get-image (2020) embedded imageRecipe,
    #  get-image-recipe (2026), get-container-recipe (2026)) shows componentArn; req; create-req.
    "ComponentConfiguration": frozenset({"componentArn"}),
    # ---- image recipes ------------------------------------------------------------------------
    # ImageRecipe: CLI get-image-recipe (2026) and the imageRecipe embedded in CLI get-image (2020)
    #  both show arn, name, platform, version, components, parentImage, dateCreated (components and
    #  parentImage are create-req). "owner" is in the 2026 answer but missing from the 2020
    #  embedded copy, so the examples disagree and owner stays Optional; "type" is in neither.
    #  components is left out: CreateImageRecipe does not require it (botocore), and no example
    #  shows a recipe created without components, so an answer for one is unproven.
    "ImageRecipe": frozenset({"arn", "name", "platform", "version", "parentImage", "dateCreated"}),
    # ImageRecipeSummary: CLI list-image-recipes (2020), two entries, both with these six and tags.
    "ImageRecipeSummary": frozenset(
        {"arn", "name", "platform", "owner", "parentImage", "dateCreated"}
    ),
    # ---- container recipes --------------------------------------------------------------------
    # ContainerRecipe: CLI get-container-recipe (2026) shows these plus description,
    #  dockerfileTemplateData, encrypted, tags. components, parentImage and targetRepository are
    #  create-req; dockerfileTemplateData is not (a URI may be given instead), so it stays Optional.
    "ContainerRecipe": frozenset(
        {
            "arn",
            "containerType",
            "name",
            "platform",
            "owner",
            "version",
            "components",
            "parentImage",
            "targetRepository",
            "dateCreated",
        }
    ),
    # ContainerRecipeSummary: CLI list-container-recipes (2026) shows these plus tags.
    "ContainerRecipeSummary": frozenset(
        {"arn", "containerType", "name", "platform", "owner", "parentImage", "dateCreated"}
    ),
    # TargetContainerRepository: CLI get-container-recipe (2026) shows both; req; create-req.
    "TargetContainerRepository": frozenset({"service", "repositoryName"}),
    # ---- images -------------------------------------------------------------------------------
    # Image: CLI get-image (2020, a BUILDING image with recipe, infrastructure and outputResources)
    #  and CLI get-image (2026, BUILDING, "shortened to a subset" by AWS) both show arn, name,
    #  version, platform, state, dateCreated. "type" is missing from the 2020 answer and
    #  "outputResources" from the 2026 one, so both stay Optional (the AVAILABLE narrowing of
    #  issue 13 item 4 must not rely on this table for outputResources). Note that AWS prints the
    #  build version in "version" ("2019.12.03/1", "1.0.0/1").
    "Image": frozenset({"arn", "name", "version", "platform", "state", "dateCreated"}),
    # ImageState: every image example (get-image x2, list-image-build-versions x6,
    #  list-image-pipeline-images (2026)) shows status; reason only on FAILED.
    "ImageState": frozenset({"status"}),
    # ImageSummary: CLI list-image-build-versions (2020, six FAILED/AVAILABLE builds) and
    #  list-image-pipeline-images (2026, one BUILDING build) all show these, outputResources
    #  included (with "amis": [] while building or failed). "type" is only in the 2026 answer.
    "ImageSummary": frozenset(
        {"arn", "name", "version", "platform", "state", "owner", "dateCreated", "outputResources"}
    ),
    # ImageVersion: CLI list-images (2020) shows exactly these six (no type, osVersion, buildType).
    "ImageVersion": frozenset({"arn", "name", "version", "platform", "owner", "dateCreated"}),
    # Ami: the seven AMIs in CLI list-image-build-versions (2020) all show region, image, name and
    #  description (description is optional in EC2 and stays Optional; state/accountId absent).
    "Ami": frozenset({"region", "image", "name"}),
    # ---- pipelines ----------------------------------------------------------------------------
    # ImagePipeline: CLI get-image-pipeline (2020), the two pipelines printed on the
    #  list-image-pipeline-images (2020) page and CLI list-image-pipelines (2026) all show these.
    #  infrastructureConfigurationArn is create-req. imageRecipeArn is in all four but a container
    #  pipeline has containerRecipeArn instead, so it stays Optional; description, schedule and
    #  distributionConfigurationArn are missing from some answers.
    "ImagePipeline": frozenset(
        {"arn", "name", "platform", "infrastructureConfigurationArn", "status", "dateCreated"}
    ),
    # ---- distribution configurations ----------------------------------------------------------
    # DistributionConfiguration: CLI get-distribution-configuration (2020) shows arn, name,
    #  description, distributions, dateCreated, tags. "timeoutMinutes" is absent although botocore
    #  marks it required: it is deliberately NOT listed (and it is not even a request member of
    #  CreateDistributionConfiguration). distributions is create-req.
    "DistributionConfiguration": frozenset({"arn", "name", "distributions", "dateCreated"}),
    # Distribution: both distributions in that answer show region; req; create-req.
    "Distribution": frozenset({"region"}),
    # DistributionConfigurationSummary: CLI list-distribution-configurations (2020) shows arn,
    #  name, description, dateCreated, tags; "regions" is absent, so it stays Optional.
    "DistributionConfigurationSummary": frozenset({"arn", "name", "dateCreated"}),
    # ---- infrastructure configurations --------------------------------------------------------
    # InfrastructureConfiguration: CLI get-infrastructure-configuration (2020) and the copy
    #  embedded in CLI get-image (2020) both show these (and instanceTypes, securityGroupIds,
    #  subnetId, logging, keyPair, terminateInstanceOnFailure, snsTopicArn, tags, which are
    #  optional on create). instanceProfileName is create-req.
    "InfrastructureConfiguration": frozenset({"arn", "name", "instanceProfileName", "dateCreated"}),
    # InfrastructureConfigurationSummary: CLI list-infrastructure-configurations (2020), two
    #  entries: arn, name, dateCreated, tags in both; description in one only; instanceTypes and
    #  instanceProfileName in neither.
    "InfrastructureConfigurationSummary": frozenset({"arn", "name", "dateCreated"}),
    # ---- workflows ----------------------------------------------------------------------------
    # Workflow: CLI get-workflow (2026) shows these plus description, changeDescription, data,
    #  tags, parameters; no "state", so it stays Optional.
    "Workflow": frozenset({"arn", "name", "version", "type", "owner", "dateCreated"}),
    # WorkflowParameterDetail: the parameter in CLI get-workflow (2026) shows name, type,
    #  defaultValue; name and type are req.
    "WorkflowParameterDetail": frozenset({"name", "type"}),
    # WorkflowSummary: CLI list-workflow-build-versions (2026), two entries, these plus
    #  description and changeDescription; no state or tags.
    "WorkflowSummary": frozenset({"arn", "name", "version", "type", "owner", "dateCreated"}),
    # WorkflowVersion: CLI list-workflows (2026), two entries, these plus description.
    "WorkflowVersion": frozenset({"arn", "name", "version", "type", "owner", "dateCreated"}),
    # ---- workflow executions and steps --------------------------------------------------------
    # WorkflowExecutionMetadata: CLI list-workflow-executions (2026), two COMPLETED executions,
    #  show these plus step counts, startTime, endTime, retried. Only finished executions are
    #  shown, so the times and counts stay Optional.
    "WorkflowExecutionMetadata": frozenset(
        {"workflowBuildVersionArn", "workflowExecutionId", "type", "status"}
    ),
    # WorkflowStepMetadata: CLI list-workflow-step-executions (2026), seven steps: these four in
    #  all; inputs missing from one, outputs from three; times present but only for finished or
    #  skipped steps, so they stay Optional.
    "WorkflowStepMetadata": frozenset({"stepExecutionId", "name", "action", "status"}),
    # WorkflowStepExecution: CLI list-waiting-workflow-steps (2026) shows these plus startTime.
    "WorkflowStepExecution": frozenset(
        {
            "stepExecutionId",
            "imageBuildVersionArn",
            "workflowExecutionId",
            "workflowBuildVersionArn",
            "name",
            "action",
        }
    ),
    # ---- lifecycle policies and executions ----------------------------------------------------
    # LifecyclePolicy: CLI get-lifecycle-policy (2026) shows these plus description, tags; docs
    #  (that page) say dateUpdated and dateLastRun are absent until the policy is updated or run.
    #  executionRole, resourceType, policyDetails and resourceSelection are create-req.
    "LifecyclePolicy": frozenset(
        {
            "arn",
            "name",
            "status",
            "executionRole",
            "resourceType",
            "policyDetails",
            "resourceSelection",
            "dateCreated",
        }
    ),
    # LifecyclePolicySummary: CLI list-lifecycle-policies (2026), two entries, these plus
    #  description and tags.
    "LifecyclePolicySummary": frozenset(
        {"arn", "name", "status", "executionRole", "resourceType", "dateCreated"}
    ),
    # LifecyclePolicyDetail: CLI get-lifecycle-policy (2026) shows action and filter; req;
    #  create-req. exclusionRules absent.
    "LifecyclePolicyDetail": frozenset({"action", "filter"}),
    # LifecyclePolicyDetailAction: same answer shows type (and includeResources); type is req.
    "LifecyclePolicyDetailAction": frozenset({"type"}),
    # LifecyclePolicyDetailFilter: same answer shows type, value, unit, retainAtLeast; type and
    #  value are req (unit only applies to AGE filters, retainAtLeast is optional).
    "LifecyclePolicyDetailFilter": frozenset({"type", "value"}),
    # LifecycleExecution: CLI get-lifecycle-execution and list-lifecycle-executions (2026) show
    #  lifecycleExecutionId, resourcesImpactedSummary, state, startTime, and the docs on those
    #  pages say lifecyclePolicyArn is absent for executions started by StartResourceStateUpdate.
    #  startTime is present even for a scheduled update that has not begun.
    "LifecycleExecution": frozenset({"lifecycleExecutionId", "state", "startTime"}),
    # LifecycleExecutionState: all three lifecycle execution answers (2026) show status.
    "LifecycleExecutionState": frozenset({"status"}),
    # LifecycleExecutionResourcesImpactedSummary: both lifecycle execution answers (2026) show
    #  hasImpactedResources, the shape's only member.
    "LifecycleExecutionResourcesImpactedSummary": frozenset({"hasImpactedResources"}),
    # ---- scanning -----------------------------------------------------------------------------
    # ImageScanFinding: CLI list-image-scan-findings (2026), one finding with every member. One
    #  example only, so only the identity of the finding is listed (imagePipelineArn is absent for
    #  images not built by a pipeline).
    "ImageScanFinding": frozenset({"awsAccountId", "imageBuildVersionArn", "type"}),
    # PackageVulnerabilityDetails: the same finding shows vulnerabilityId; req.
    "PackageVulnerabilityDetails": frozenset({"vulnerabilityId"}),
    # ImagePipelineAggregation: CLI list-image-scan-finding-aggregations (2026) shows both
    #  members. Thin: one example.
    "ImagePipelineAggregation": frozenset({"imagePipelineArn", "severityCounts"}),
    # ImagePackage: CLI list-image-packages (2026), five packages, both members in each.
    "ImagePackage": frozenset({"packageName", "packageVersion"}),
    # ---- shared -------------------------------------------------------------------------------
    # LatestVersionReferences: all four ARNs in each of the six answers that carry the shape
    #  (CLI get-workflow, get-container-recipe, get-image-recipe, create-workflow and
    #  create-container-recipe x2, all 2026).
    "LatestVersionReferences": frozenset(
        {
            "latestVersionArn",
            "latestMajorVersionArn",
            "latestMinorVersionArn",
            "latestPatchVersionArn",
        }
    ),
    # ---- operation output wrappers ------------------------------------------------------------
    # requestId and clientToken are never listed. requestId appears in every example whose
    # wrapper has the member (the newer wrappers, e.g. CreateLifecyclePolicyResponse, have none),
    # but it is transport metadata that boto3 also reports in ResponseMetadata; clientToken only
    # echoes the caller's token and is missing from the Update* answers (2020 and 2026).
    # latestVersionReferences in Create*/Get* wrappers is not listed: the 2020 answers of
    # CreateComponent, CreateImageRecipe, GetComponent and GetImage lack it.
    # Create*/Import*/Start*/Cancel*/Retry*/Distribute*: the ARN (or ID) each CLI example shows.
    # CLI create-component (2020)
    "CreateComponentResponse": frozenset({"componentBuildVersionArn"}),
    # CLI create-container-recipe (2026, two examples)
    "CreateContainerRecipeResponse": frozenset({"containerRecipeArn"}),
    # CLI create-distribution-configuration (2020)
    "CreateDistributionConfigurationResponse": frozenset({"distributionConfigurationArn"}),
    # CLI create-image-pipeline (2020)
    "CreateImagePipelineResponse": frozenset({"imagePipelineArn"}),
    # CLI create-image-recipe (2020)
    "CreateImageRecipeResponse": frozenset({"imageRecipeArn"}),
    # CLI create-image (2020)
    "CreateImageResponse": frozenset({"imageBuildVersionArn"}),
    # CLI create-infrastructure-configuration (2020)
    "CreateInfrastructureConfigurationResponse": frozenset({"infrastructureConfigurationArn"}),
    # CLI create-lifecycle-policy (2026, two examples)
    "CreateLifecyclePolicyResponse": frozenset({"lifecyclePolicyArn"}),
    # CLI create-workflow (2026)
    "CreateWorkflowResponse": frozenset({"workflowBuildVersionArn"}),
    # CLI import-component (2020)
    "ImportComponentResponse": frozenset({"componentBuildVersionArn"}),
    # CLI import-disk-image (2026)
    "ImportDiskImageResponse": frozenset({"imageBuildVersionArn"}),
    # CLI import-vm-image (2026)
    "ImportVmImageResponse": frozenset({"imageArn"}),
    # CLI start-image-pipeline-execution (2020)
    "StartImagePipelineExecutionResponse": frozenset({"imageBuildVersionArn"}),
    # CLI cancel-image-creation (2026)
    "CancelImageCreationResponse": frozenset({"imageBuildVersionArn"}),
    # CLI cancel-lifecycle-execution (2026)
    "CancelLifecycleExecutionResponse": frozenset({"lifecycleExecutionId"}),
    # CLI retry-image (2026)
    "RetryImageResponse": frozenset({"imageBuildVersionArn"}),
    # CLI distribute-image (2026)
    "DistributeImageResponse": frozenset({"imageBuildVersionArn"}),
    # CLI send-workflow-step-action (2026)
    "SendWorkflowStepActionResponse": frozenset({"stepExecutionId", "imageBuildVersionArn"}),
    # CLI start-resource-state-update (2026)
    "StartResourceStateUpdateResponse": frozenset({"lifecycleExecutionId", "resourceArn"}),
    # Delete*: the ARN each CLI example echoes.
    # CLI delete-component (2020)
    "DeleteComponentResponse": frozenset({"componentBuildVersionArn"}),
    # CLI delete-container-recipe (2026)
    "DeleteContainerRecipeResponse": frozenset({"containerRecipeArn"}),
    # CLI delete-distribution-configuration (2026)
    "DeleteDistributionConfigurationResponse": frozenset({"distributionConfigurationArn"}),
    # CLI delete-image-pipeline (2020)
    "DeleteImagePipelineResponse": frozenset({"imagePipelineArn"}),
    # CLI delete-image-recipe (2020)
    "DeleteImageRecipeResponse": frozenset({"imageRecipeArn"}),
    # CLI delete-image (2020)
    "DeleteImageResponse": frozenset({"imageBuildVersionArn"}),
    # CLI delete-infrastructure-configuration (2020)
    "DeleteInfrastructureConfigurationResponse": frozenset({"infrastructureConfigurationArn"}),
    # CLI delete-lifecycle-policy (2026)
    "DeleteLifecyclePolicyResponse": frozenset({"lifecyclePolicyArn"}),
    # CLI delete-workflow (2026)
    "DeleteWorkflowResponse": frozenset({"workflowBuildVersionArn"}),
    # Update*: only UpdateLifecyclePolicy's answer (CLI update-lifecycle-policy, 2026) shows its
    # ARN. CLI update-image-pipeline and update-infrastructure-configuration (2020) show only
    # requestId, and update-distribution-configuration shows only requestId in 2020 but the ARN
    # in 2026: those three wrappers are left out.
    "UpdateLifecyclePolicyResponse": frozenset({"lifecyclePolicyArn"}),
    # Put*Policy: the ARN each CLI example echoes (put-component-policy, put-image-policy,
    # put-image-recipe-policy (2020), put-container-recipe-policy (2026)).
    "PutComponentPolicyResponse": frozenset({"componentArn"}),
    "PutImagePolicyResponse": frozenset({"imageArn"}),
    "PutImageRecipePolicyResponse": frozenset({"imageRecipeArn"}),
    "PutContainerRecipePolicyResponse": frozenset({"containerRecipeArn"}),
    # Get*Policy: "policy" in each 2026 example (get-component-policy, get-image-policy,
    # get-image-recipe-policy, get-container-recipe-policy). The 2020 versions printed a
    # capitalised "Policy" key holding text that is not valid JSON; that was a mistake in the
    # docs (corrected in 2026), not an answer, and it is not transcribed below.
    "GetComponentPolicyResponse": frozenset({"policy"}),
    "GetImagePolicyResponse": frozenset({"policy"}),
    "GetImageRecipePolicyResponse": frozenset({"policy"}),
    "GetContainerRecipePolicyResponse": frozenset({"policy"}),
    # Get*: the resource member, in every CLI get-* example.
    # get-component (2020)
    "GetComponentResponse": frozenset({"component"}),
    # get-container-recipe (2026)
    "GetContainerRecipeResponse": frozenset({"containerRecipe"}),
    # get-distribution-configuration (2020)
    "GetDistributionConfigurationResponse": frozenset({"distributionConfiguration"}),
    # get-image-pipeline (2020)
    "GetImagePipelineResponse": frozenset({"imagePipeline"}),
    # get-image-recipe (2026)
    "GetImageRecipeResponse": frozenset({"imageRecipe"}),
    # get-image (2020 and 2026)
    "GetImageResponse": frozenset({"image"}),
    # get-infrastructure-configuration (2020)
    "GetInfrastructureConfigurationResponse": frozenset({"infrastructureConfiguration"}),
    # (2026)
    "GetLifecycleExecutionResponse": frozenset({"lifecycleExecution"}),
    # (2026)
    "GetLifecyclePolicyResponse": frozenset({"lifecyclePolicy"}),
    # get-workflow (2026)
    "GetWorkflowResponse": frozenset({"workflow"}),
    # GetWorkflowExecutionResponse: CLI get-workflow-execution (2026), a COMPLETED execution;
    #  identity and status only (counts and times as for WorkflowExecutionMetadata).
    "GetWorkflowExecutionResponse": frozenset(
        {"workflowBuildVersionArn", "workflowExecutionId", "imageBuildVersionArn", "type", "status"}
    ),
    # GetWorkflowStepExecutionResponse: CLI get-workflow-step-execution (2026), a COMPLETED step;
    #  identity and status only.
    "GetWorkflowStepExecutionResponse": frozenset(
        {
            "stepExecutionId",
            "workflowBuildVersionArn",
            "workflowExecutionId",
            "imageBuildVersionArn",
            "name",
            "action",
            "status",
        }
    ),
    # List*: the list member, in every CLI list-* example (nextToken only when there are more
    # pages). CLI list-lifecycle-execution-resources (2026) prints "resources": [] for an empty
    # result, which supports treating the list member as always present.
    # (2020)
    "ListComponentBuildVersionsResponse": frozenset({"componentSummaryList"}),
    # (2020)
    "ListComponentsResponse": frozenset({"componentVersionList"}),
    # (2026)
    "ListContainerRecipesResponse": frozenset({"containerRecipeSummaryList"}),
    # (2020)
    "ListDistributionConfigurationsResponse": frozenset({"distributionConfigurationSummaryList"}),
    # (2020)
    "ListImageBuildVersionsResponse": frozenset({"imageSummaryList"}),
    # (2026)
    "ListImagePackagesResponse": frozenset({"imagePackageList"}),
    # (2026)
    "ListImagePipelineImagesResponse": frozenset({"imageSummaryList"}),
    # (2026, and the 2020 page)
    "ListImagePipelinesResponse": frozenset({"imagePipelineList"}),
    # (2020)
    "ListImageRecipesResponse": frozenset({"imageRecipeSummaryList"}),
    # (2020)
    "ListImagesResponse": frozenset({"imageVersionList"}),
    # (2020)
    "ListInfrastructureConfigurationsResponse": frozenset(
        {"infrastructureConfigurationSummaryList"}
    ),
    # (2026)
    "ListImageScanFindingsResponse": frozenset({"findings"}),
    # (2026)
    "ListImageScanFindingAggregationsResponse": frozenset({"aggregationType", "responses"}),
    # (2026)
    "ListLifecyclePoliciesResponse": frozenset({"lifecyclePolicySummaryList"}),
    # (2026)
    "ListLifecycleExecutionsResponse": frozenset({"lifecycleExecutions"}),
    # (2026)
    "ListLifecycleExecutionResourcesResponse": frozenset(
        {"lifecycleExecutionId", "lifecycleExecutionState", "resources"}
    ),
    # (2026)
    "ListWaitingWorkflowStepsResponse": frozenset({"steps"}),
    # (2026)
    "ListWorkflowBuildVersionsResponse": frozenset({"workflowSummaryList"}),
    # (2026)
    "ListWorkflowExecutionsResponse": frozenset({"workflowExecutions", "imageBuildVersionArn"}),
    # (2026)
    "ListWorkflowStepExecutionsResponse": frozenset(
        {"steps", "workflowBuildVersionArn", "workflowExecutionId", "imageBuildVersionArn"}
    ),
    # (2026)
    "ListWorkflowsResponse": frozenset({"workflowVersionList"}),
    # CLI list-tags-for-resource (2020)
    "ListTagsForResourceResponse": frozenset({"tags"}),
}

# Shapes reachable from the 77 operations' outputs that have NO guaranteed member, so every
# member stays Optional:
#
# * No example answer carries them (botocore-required members in brackets are therefore
#   uncorroborated and stay Optional):
#   AccountAggregation, AdditionalInstanceConfiguration, AutoDisablePolicy [failureCount],
#   AutoScalingGroupConfiguration [name], ComponentFailureContext, ComponentParameter
#   [name, value], ComponentParameterDetail [name, type], ComponentState, Container,
#   ContainerDistributionConfiguration [targetRepository], DistributionFailureContext,
#   EbsInstanceBlockDeviceSpecification, EcrConfiguration, FastLaunchConfiguration [enabled],
#   FastLaunchLaunchTemplateSpecification, FastLaunchSnapshotConfiguration,
#   GetMarketplaceResourceResponse, ImageAggregation, ImageFailureContext,
#   ImageLoggingConfiguration, ImageScanState, ImageScanningConfiguration, InstanceBlockDeviceMapping,
#   InstanceConfiguration, InstanceMetadataOptions, LaunchTemplateConfiguration [launchTemplateId],
#   LifecycleExecutionResource, LifecycleExecutionResourceAction, LifecycleExecutionResourceState,
#   LifecycleExecutionSnapshotResource, LifecyclePolicyDetailExclusionRules,
#   LifecyclePolicyDetailExclusionRulesAmis, LifecyclePolicyDetailExclusionRulesAmisLastLaunched
#   [unit, value], LifecyclePolicyResourceSelectionRecipe [name, semanticVersion],
#   ParentInstanceConfiguration [autoScalingGroup], PipelineLoggingConfiguration, Placement,
#   ProductCodeListItem [productCodeId, productCodeType], RegionFailure, S3ExportConfiguration
#   [diskImageFormat, roleName, s3Bucket], ScanResultCondition [maximumSeverityLabel],
#   SsmParameterConfiguration [parameterName], SystemsManagerAgent, VulnerabilityIdAggregation,
#   WorkflowConfiguration [workflowArn], WorkflowParameter [name, value], WorkflowState.
# * Examples carry them, but what they show is optional configuration, not identity:
#   AmiDistributionConfiguration, CvssScore, CvssScoreAdjustment, CvssScoreDetails,
#   ImageScanFindingAggregation (a one-of container), ImageTestsConfiguration,
#   InspectorScoreDetails, LaunchPermissionConfiguration,
#   LifecyclePolicyDetailActionIncludeResources, LifecyclePolicyResourceSelection, Logging,
#   OutputResources ("amis" is always shown, but every example is an AMI build; a container
#   build reports "containers"), Remediation, RemediationRecommendation, S3Logs, Schedule,
#   SeverityCounts, VulnerablePackage.
# * Wrappers whose only evidence omits or disagrees on the ARN: UpdateDistributionConfigurationResponse,
#   UpdateImagePipelineResponse, UpdateInfrastructureConfigurationResponse (see above);
#   TagResourceResponse and UntagResourceResponse have no members.
#
# Example answers that contradict botocore's required flags (use them as test cases):
# * GetDistributionConfiguration, CLI get-distribution-configuration (2020):
#   DistributionConfiguration without "timeoutMinutes" (botocore: required).
# No other published answer leaves out a member botocore marks required: Distribution.region,
# ComponentConfiguration.componentArn, TargetContainerRepository.service/repositoryName,
# LifecyclePolicyDetail.action/filter, LifecyclePolicyDetailAction.type,
# LifecyclePolicyDetailFilter.type/value, WorkflowParameterDetail.name/type and
# PackageVulnerabilityDetails.vulnerabilityId are present wherever the shape appears.
# Other published answers that leave out members one might expect (not botocore-required, but
# useful as "structures fine without it" cases): UpdateImagePipeline,
# UpdateInfrastructureConfiguration and UpdateDistributionConfiguration (2020) with only a
# requestId; GetImage (2026) without outputResources; GetImage (2020) without type; the
# ImageRecipe inside GetImage (2020) without owner; GetLifecycleExecution without
# lifecyclePolicyArn; ListInfrastructureConfigurations without instanceTypes/instanceProfileName;
# ListDistributionConfigurations without regions; the Update* answers without clientToken.

#: Example answers transcribed from AWS documentation: (operation, source, answer dict in API form).
EXAMPLE_ANSWERS: tuple[tuple[str, str, dict[str, object]], ...] = (
    (
        "CancelImageCreation",
        "aws-cli awscli/examples/imagebuilder/cancel-image-creation.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
        },
    ),
    (
        "CancelLifecycleExecution",
        "aws-cli awscli/examples/imagebuilder/cancel-lifecycle-execution.rst @ad841778",
        {"lifecycleExecutionId": "lce-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"},
    ),
    (
        "CreateComponent",
        "aws-cli awscli/examples/imagebuilder/create-component.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "componentBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/examplecomponent/2019.12.02/1",
        },
    ),
    (
        "CreateContainerRecipe",
        "aws-cli awscli/examples/imagebuilder/create-container-recipe.rst @b5d54c87",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "containerRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
            "latestVersionReferences": {
                "latestVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/x.x.x",
                "latestMajorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.x.x",
                "latestMinorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.x",
                "latestPatchVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
            },
        },
    ),
    (
        "CreateDistributionConfiguration",
        "aws-cli awscli/examples/imagebuilder/create-distribution-configuration.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "distributionConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/myexampledistribution",
        },
    ),
    (
        "CreateImage",
        "aws-cli awscli/examples/imagebuilder/create-image.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/1",
        },
    ),
    (
        "CreateImagePipeline",
        "aws-cli awscli/examples/imagebuilder/create-image-pipeline.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imagePipelineArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/mywindows2016pipeline",
        },
    ),
    (
        "CreateImageRecipe",
        "aws-cli awscli/examples/imagebuilder/create-image-recipe.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
        },
    ),
    (
        "CreateInfrastructureConfiguration",
        "aws-cli awscli/examples/imagebuilder/create-infrastructure-configuration.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
        },
    ),
    (
        "CreateLifecyclePolicy",
        "aws-cli awscli/examples/imagebuilder/create-lifecycle-policy.rst @e454fb5e",
        {
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "lifecyclePolicyArn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-lifecycle-policy",
        },
    ),
    (
        "CreateWorkflow",
        "aws-cli awscli/examples/imagebuilder/create-workflow.rst @042b7ef6",
        {
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0/1",
            "latestVersionReferences": {
                "latestVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/x.x.x",
                "latestMajorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.x.x",
                "latestMinorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.x",
                "latestPatchVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0",
            },
        },
    ),
    (
        "DeleteComponent",
        "aws-cli awscli/examples/imagebuilder/delete-component.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "componentBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/myexamplecomponent/2019.12.02/1",
        },
    ),
    (
        "DeleteContainerRecipe",
        "aws-cli awscli/examples/imagebuilder/delete-container-recipe.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "containerRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
        },
    ),
    (
        "DeleteDistributionConfiguration",
        "aws-cli awscli/examples/imagebuilder/delete-distribution-configuration.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "distributionConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/my-example-distribution-configuration",
        },
    ),
    (
        "DeleteImage",
        "aws-cli awscli/examples/imagebuilder/delete-image.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/1",
        },
    ),
    (
        "DeleteImagePipeline",
        "aws-cli awscli/examples/imagebuilder/delete-image-pipeline.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imagePipelineArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/mywindows2016pipeline",
        },
    ),
    (
        "DeleteImageRecipe",
        "aws-cli awscli/examples/imagebuilder/delete-image-recipe.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
        },
    ),
    (
        "DeleteInfrastructureConfiguration",
        "aws-cli awscli/examples/imagebuilder/delete-infrastructure-configuration.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
        },
    ),
    (
        "DeleteLifecyclePolicy",
        "aws-cli awscli/examples/imagebuilder/delete-lifecycle-policy.rst @042b7ef6",
        {
            "lifecyclePolicyArn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-lifecycle-policy"
        },
    ),
    (
        "DeleteWorkflow",
        "aws-cli awscli/examples/imagebuilder/delete-workflow.rst @b5d54c87",
        {
            "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0/1"
        },
    ),
    (
        "DistributeImage",
        "aws-cli awscli/examples/imagebuilder/distribute-image.rst @b5d54c87",
        {
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-source-ami/1.0.0/1",
        },
    ),
    (
        "GetComponent",
        "aws-cli awscli/examples/imagebuilder/get-component.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "component": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:component/component-name/1.0.0/1",
                "name": "component-name",
                "version": "1.0.0",
                "type": "TEST",
                "platform": "Linux",
                "owner": "123456789012",
                "data": 'name: HelloWorldTestingDocument\ndescription: This is hello world testing document.\nschemaVersion: 1.0\n\nphases:\n  - name: test\n    steps:\n      - name: HelloWorldStep\n        action: ExecuteBash\n        inputs:\n          commands:\n            - echo "Hello World! Test."\n',
                "encrypted": True,
                "dateCreated": "2020-01-27T20:43:30.306Z",
                "tags": {},
            },
        },
    ),
    (
        "GetComponentPolicy",
        "aws-cli awscli/examples/imagebuilder/get-component-policy.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "policy": '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789111:root"}, "Action": ["imagebuilder:GetComponent", "imagebuilder:ListComponents"], "Resource": ["arn:aws:imagebuilder:us-west-2:123456789012:component/my-shared-component/1.0.0/1"]}]}',
        },
    ),
    (
        "GetContainerRecipe",
        "aws-cli awscli/examples/imagebuilder/get-container-recipe.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "containerRecipe": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
                "containerType": "DOCKER",
                "name": "my-example-container-recipe",
                "description": "A container recipe that installs my application on Amazon Linux",
                "platform": "Linux",
                "owner": "123456789012",
                "version": "1.0.0",
                "components": [
                    {
                        "componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/my-example-container-component/1.0.0/1"
                    }
                ],
                "dockerfileTemplateData": "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:environments }}}\n{{{ imagebuilder:components }}}\n",
                "encrypted": True,
                "parentImage": "amazonlinux:latest",
                "dateCreated": "2026-09-09T19:32:53.983Z",
                "tags": {},
                "targetRepository": {
                    "service": "ECR",
                    "repositoryName": "my-example-container-repo",
                },
            },
            "latestVersionReferences": {
                "latestVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/x.x.x",
                "latestMajorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.x.x",
                "latestMinorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.x",
                "latestPatchVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
            },
        },
    ),
    (
        "GetContainerRecipePolicy",
        "aws-cli awscli/examples/imagebuilder/get-container-recipe-policy.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "policy": '{"Version": "2012-10-17", "Statement": [{"Sid": "AllowSharedAccountContainerRecipeAccess", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789111:root"}, "Action": ["imagebuilder:GetContainerRecipe", "imagebuilder:ListContainerRecipes"], "Resource": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe-shared/1.0.0"}]}',
        },
    ),
    (
        "GetDistributionConfiguration",
        "aws-cli awscli/examples/imagebuilder/get-distribution-configuration.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "distributionConfiguration": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/myexampledistribution",
                "name": "MyExampleDistribution",
                "description": "Copies AMI to eu-west-1 and exports to S3",
                "distributions": [
                    {
                        "region": "us-west-2",
                        "amiDistributionConfiguration": {
                            "name": "Name {{imagebuilder:buildDate}}",
                            "description": "An example image name with parameter references",
                            "amiTags": {"KeyName": "{{ssm:parameter_name}}"},
                            "launchPermission": {"userIds": ["123456789012"]},
                        },
                    },
                    {
                        "region": "eu-west-1",
                        "amiDistributionConfiguration": {
                            "name": "My {{imagebuilder:buildVersion}} image {{imagebuilder:buildDate}}",
                            "amiTags": {"KeyName": "Value"},
                            "launchPermission": {"userIds": ["123456789012"]},
                        },
                    },
                ],
                "dateCreated": "2020-02-19T18:40:10.529Z",
                "tags": {},
            },
        },
    ),
    (
        "GetImage",
        "aws-cli awscli/examples/imagebuilder/get-image.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "image": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/1",
                "name": "MyBasicRecipe",
                "version": "2019.12.03/1",
                "platform": "Windows",
                "state": {"status": "BUILDING"},
                "imageRecipe": {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
                    "name": "MyBasicRecipe",
                    "description": "This example image recipe creates a Windows 2016 image.",
                    "platform": "Windows",
                    "version": "2019.12.03",
                    "components": [
                        {
                            "componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/myexamplecomponent/2019.12.02/1"
                        },
                        {
                            "componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/myimportedcomponent/1.0.0/1"
                        },
                    ],
                    "parentImage": "arn:aws:imagebuilder:us-west-2:aws:image/windows-server-2016-english-full-base-x86/2019.12.17/1",
                    "dateCreated": "2020-02-14T19:46:16.904Z",
                    "tags": {},
                },
                "infrastructureConfiguration": {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
                    "name": "MyExampleInfrastructure",
                    "description": "An example that will retain instances of failed builds",
                    "instanceTypes": ["m5.large", "m5.xlarge"],
                    "instanceProfileName": "EC2InstanceProfileForImageFactory",
                    "securityGroupIds": ["sg-a1b2c3d4"],
                    "subnetId": "subnet-a1b2c3d4",
                    "logging": {
                        "s3Logs": {"s3BucketName": "bucket-name", "s3KeyPrefix": "bucket-path"}
                    },
                    "keyPair": "Sam",
                    "terminateInstanceOnFailure": False,
                    "snsTopicArn": "arn:aws:sns:us-west-2:123456789012:sns-name",
                    "dateCreated": "2020-02-14T21:21:05.098Z",
                    "tags": {},
                },
                "imageTestsConfiguration": {"imageTestsEnabled": True, "timeoutMinutes": 720},
                "dateCreated": "2020-02-14T23:14:13.597Z",
                "outputResources": {"amis": []},
                "tags": {},
            },
        },
    ),
    (
        "GetImage",
        "aws-cli awscli/examples/imagebuilder/get-image.rst @ad841778",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "image": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
                "type": "AMI",
                "name": "my-example-recipe",
                "version": "1.0.0/1",
                "platform": "Linux",
                "enhancedImageMetadataEnabled": True,
                "state": {"status": "BUILDING"},
                "sourcePipelineArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/my-example-pipeline",
                "dateCreated": "2026-09-03T05:44:21.121Z",
                "tags": {},
            },
        },
    ),
    (
        "GetImagePipeline",
        "aws-cli awscli/examples/imagebuilder/get-image-pipeline.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imagePipeline": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/mywindows2016pipeline",
                "name": "MyWindows2016Pipeline",
                "description": "Builds Windows 2016 Images",
                "platform": "Windows",
                "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
                "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
                "distributionConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/myexampledistribution",
                "imageTestsConfiguration": {"imageTestsEnabled": True, "timeoutMinutes": 60},
                "schedule": {
                    "scheduleExpression": "cron(0 0 * * SUN)",
                    "pipelineExecutionStartCondition": "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
                },
                "status": "ENABLED",
                "dateCreated": "2020-02-19T19:04:01.253Z",
                "dateUpdated": "2020-02-19T19:04:01.253Z",
                "tags": {},
            },
        },
    ),
    (
        "GetImagePolicy",
        "aws-cli awscli/examples/imagebuilder/get-image-policy.rst @ad841778",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "policy": '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789111:root"}, "Action": ["imagebuilder:GetImage", "imagebuilder:ListImages"], "Resource": ["arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1"]}]}',
        },
    ),
    (
        "GetImageRecipe",
        "aws-cli awscli/examples/imagebuilder/get-image-recipe.rst @b5d54c87",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageRecipe": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-app-recipe/1.0.0",
                "name": "my-example-app-recipe",
                "description": "An image recipe that installs my application on Amazon Linux 2023",
                "platform": "Linux",
                "owner": "123456789012",
                "version": "1.0.0",
                "components": [
                    {
                        "componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/my-example-app/1.0.0/1"
                    }
                ],
                "parentImage": "arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2023-x86/x.x.x",
                "dateCreated": "2026-09-09T19:30:21.183Z",
                "tags": {},
                "workingDirectory": "/tmp",
            },
            "latestVersionReferences": {
                "latestVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-app-recipe/x.x.x",
                "latestMajorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-app-recipe/1.x.x",
                "latestMinorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-app-recipe/1.0.x",
                "latestPatchVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-app-recipe/1.0.0",
            },
        },
    ),
    (
        "GetImageRecipePolicy",
        "aws-cli awscli/examples/imagebuilder/get-image-recipe-policy.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "policy": '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789111:root"}, "Action": ["imagebuilder:GetImageRecipe", "imagebuilder:ListImageRecipes"], "Resource": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-recipe/1.0.0"}]}',
        },
    ),
    (
        "GetInfrastructureConfiguration",
        "aws-cli awscli/examples/imagebuilder/get-infrastructure-configuration.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "infrastructureConfiguration": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
                "name": "MyExampleInfrastructure",
                "description": "An example that will retain instances of failed builds",
                "instanceTypes": ["m5.large", "m5.xlarge"],
                "instanceProfileName": "EC2InstanceProfileForImageBuilder",
                "securityGroupIds": ["sg-a48c95ef"],
                "subnetId": "subnet-a48c95ef",
                "logging": {
                    "s3Logs": {"s3BucketName": "bucket-name", "s3KeyPrefix": "bucket-path"}
                },
                "keyPair": "Name",
                "terminateInstanceOnFailure": False,
                "snsTopicArn": "arn:aws:sns:us-west-2:123456789012:sns-name",
                "dateCreated": "2020-02-19T19:11:51.858Z",
                "tags": {},
            },
        },
    ),
    (
        "GetLifecycleExecution",
        "aws-cli awscli/examples/imagebuilder/get-lifecycle-execution.rst @ad841778",
        {
            "lifecycleExecution": {
                "lifecycleExecutionId": "lce-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                "resourcesImpactedSummary": {"hasImpactedResources": False},
                "state": {"status": "IN_PROGRESS"},
                "startTime": "2026-09-09T21:42:29.801000+00:00",
            }
        },
    ),
    (
        "GetLifecyclePolicy",
        "aws-cli awscli/examples/imagebuilder/get-lifecycle-policy.rst @e454fb5e",
        {
            "lifecyclePolicy": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-lifecycle-policy",
                "name": "my-example-lifecycle-policy",
                "description": "Deletes AMIs and snapshots for builds older than six months, keeping at least the five most recent",
                "status": "ENABLED",
                "executionRole": "arn:aws:iam::123456789012:role/my-example-lifecycle-role",
                "resourceType": "AMI_IMAGE",
                "policyDetails": [
                    {
                        "action": {
                            "type": "DELETE",
                            "includeResources": {"amis": True, "snapshots": True},
                        },
                        "filter": {"type": "AGE", "value": 6, "unit": "MONTHS", "retainAtLeast": 5},
                    }
                ],
                "resourceSelection": {"tagMap": {"Environment": "my-example-environment"}},
                "dateCreated": "2026-09-09T19:34:38.409000+00:00",
                "tags": {},
            }
        },
    ),
    (
        "GetWorkflow",
        "aws-cli awscli/examples/imagebuilder/get-workflow.rst @ad841778",
        {
            "workflow": {
                "arn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0/1",
                "name": "my-example-workflow",
                "version": "1.0.0",
                "description": "Builds an AMI, and then waits for an external action before the workflow completes",
                "changeDescription": "Initial version",
                "type": "BUILD",
                "owner": "123456789012",
                "data": 'name: my-example-workflow\ndescription: Workflow to build an AMI, then wait for an external action before it completes\nschemaVersion: 1.0\n\nparameters:\n  - name: waitForActionAtEnd\n    type: boolean\n    default: true\n\nsteps:\n  - name: LaunchBuildInstance\n    action: LaunchInstance\n    onFailure: Abort\n    inputs:\n      waitFor: "ssmAgent"\n\n  - name: ApplyBuildComponents\n    action: ExecuteComponents\n    onFailure: Abort\n    inputs:\n      instanceId.$: "$.stepOutputs.LaunchBuildInstance.instanceId"\n\n  - name: CreateOutputAMI\n    action: CreateImage\n    onFailure: Abort\n    inputs:\n      instanceId.$: "$.stepOutputs.LaunchBuildInstance.instanceId"\n\n  - name: TerminateBuildInstance\n    action: TerminateInstance\n    onFailure: Continue\n    inputs:\n      instanceId.$: "$.stepOutputs.LaunchBuildInstance.instanceId"\n\n  - name: WaitForActionAtEnd\n    action: WaitForAction\n    if:\n      booleanEquals: true\n      value: "$.parameters.waitForActionAtEnd"\n',
                "dateCreated": "2026-09-09T19:55:55.731Z",
                "tags": {},
                "parameters": [
                    {"name": "waitForActionAtEnd", "type": "boolean", "defaultValue": ["true"]}
                ],
            },
            "latestVersionReferences": {
                "latestVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/x.x.x",
                "latestMajorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.x.x",
                "latestMinorVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.x",
                "latestPatchVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0",
            },
        },
    ),
    (
        "GetWorkflowExecution",
        "aws-cli awscli/examples/imagebuilder/get-workflow-execution.rst @ad841778",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:aws:workflow/build/build-image/1.0.3/1",
            "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
            "type": "BUILD",
            "status": "COMPLETED",
            "totalStepCount": 7,
            "totalStepsSucceeded": 5,
            "totalStepsFailed": 0,
            "totalStepsSkipped": 2,
            "startTime": "2026-09-09T19:12:23.175Z",
            "endTime": "2026-09-09T19:19:06.158Z",
        },
    ),
    (
        "GetWorkflowStepExecution",
        "aws-cli awscli/examples/imagebuilder/get-workflow-step-execution.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:aws:workflow/build/build-image/1.0.3/1",
            "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
            "name": "LaunchBuildInstance",
            "action": "LaunchInstance",
            "status": "COMPLETED",
            "inputs": '{"waitFor": "ssmAgent"}',
            "outputs": '{"instanceId": "i-1234567890abcdef0"}',
            "startTime": "2026-09-09T19:12:23.418Z",
            "endTime": "2026-09-09T19:14:50.822Z",
            "onFailure": "Abort",
            "timeoutSeconds": 4500,
        },
    ),
    (
        "ImportComponent",
        "aws-cli awscli/examples/imagebuilder/import-component.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "componentBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/myimportedcomponent/1.0.0/1",
        },
    ),
    (
        "ImportDiskImage",
        "aws-cli awscli/examples/imagebuilder/import-disk-image.rst @e454fb5e",
        {
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-imported-image/1.0.0/1",
        },
    ),
    (
        "ImportVmImage",
        "aws-cli awscli/examples/imagebuilder/import-vm-image.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-imported-image/1.0.0/1",
        },
    ),
    (
        "ListComponentBuildVersions",
        "aws-cli awscli/examples/imagebuilder/list-component-build-versions.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "componentSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:component/myexamplecomponent/2019.12.02/1",
                    "name": "MyExampleComponent",
                    "version": "2019.12.02",
                    "platform": "Windows",
                    "type": "BUILD",
                    "owner": "123456789012",
                    "description": "An example component that builds, validates and tests an image",
                    "changeDescription": "Initial version.",
                    "dateCreated": "2020-02-19T18:53:45.940Z",
                    "tags": {"KeyName": "KeyValue"},
                }
            ],
        },
    ),
    (
        "ListComponents",
        "aws-cli awscli/examples/imagebuilder/list-components.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "componentVersionList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:component/component-name/1.0.0",
                    "name": "component-name",
                    "version": "1.0.0",
                    "platform": "Linux",
                    "type": "TEST",
                    "owner": "123456789012",
                    "dateCreated": "2020-01-27T20:43:30.306Z",
                }
            ],
        },
    ),
    (
        "ListContainerRecipes",
        "aws-cli awscli/examples/imagebuilder/list-container-recipes.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "containerRecipeSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe/1.0.0",
                    "containerType": "DOCKER",
                    "name": "my-example-container-recipe",
                    "platform": "Linux",
                    "owner": "123456789012",
                    "parentImage": "amazonlinux:latest",
                    "dateCreated": "2026-09-09T19:31:26.363Z",
                    "tags": {},
                }
            ],
        },
    ),
    (
        "ListDistributionConfigurations",
        "aws-cli awscli/examples/imagebuilder/list-distribution-configurations.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "distributionConfigurationSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/myexampledistribution",
                    "name": "MyExampleDistribution",
                    "description": "Copies AMI to eu-west-1 and exports to S3",
                    "dateCreated": "2020-02-19T18:40:10.529Z",
                    "tags": {"KeyName": "KeyValue"},
                }
            ],
        },
    ),
    (
        "ListImageBuildVersions",
        "aws-cli awscli/examples/imagebuilder/list-image-build-versions.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/7",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/7",
                    "platform": "Windows",
                    "state": {
                        "status": "FAILED",
                        "reason": 'Can\'t start SSM Automation for arn arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/7 during building. Parameter "iamInstanceProfileName" has a null value.',
                    },
                    "owner": "123456789012",
                    "dateCreated": "2020-02-19T18:56:11.511Z",
                    "outputResources": {"amis": []},
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/6",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/6",
                    "platform": "Windows",
                    "state": {"status": "FAILED", "reason": "An internal error has occurred."},
                    "owner": "123456789012",
                    "dateCreated": "2020-02-18T22:49:08.142Z",
                    "outputResources": {
                        "amis": [
                            {
                                "region": "us-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "MyBasicRecipe 2020-02-18T22-49-38.704Z",
                                "description": "This example image recipe creates a Windows 2016 image.",
                            },
                            {
                                "region": "us-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "Name 2020-02-18T22-49-08.131Z",
                                "description": "Copies AMI to eu-west-2 and exports to S3",
                            },
                            {
                                "region": "eu-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "My 6 image 2020-02-18T22-49-08.131Z",
                                "description": "Copies AMI to eu-west-2 and exports to S3",
                            },
                        ]
                    },
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/5",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/5",
                    "platform": "Windows",
                    "state": {"status": "AVAILABLE"},
                    "owner": "123456789012",
                    "dateCreated": "2020-02-18T16:51:48.403Z",
                    "outputResources": {
                        "amis": [
                            {
                                "region": "us-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "MyBasicRecipe 2020-02-18T16-52-18.965Z",
                                "description": "This example image recipe creates a Windows 2016 image.",
                            }
                        ]
                    },
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/4",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/4",
                    "platform": "Windows",
                    "state": {"status": "AVAILABLE"},
                    "owner": "123456789012",
                    "dateCreated": "2020-02-18T16:50:01.827Z",
                    "outputResources": {
                        "amis": [
                            {
                                "region": "us-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "MyBasicRecipe 2020-02-18T16-50-32.280Z",
                                "description": "This example image recipe creates a Windows 2016 image.",
                            }
                        ]
                    },
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/3",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/3",
                    "platform": "Windows",
                    "state": {"status": "AVAILABLE"},
                    "owner": "123456789012",
                    "dateCreated": "2020-02-14T23:14:13.597Z",
                    "outputResources": {
                        "amis": [
                            {
                                "region": "us-west-2",
                                "image": "ami-a1b2c3d4567890ab",
                                "name": "MyBasicRecipe 2020-02-14T23-14-44.243Z",
                                "description": "This example image recipe creates a Windows 2016 image.",
                            }
                        ]
                    },
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/2",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03/2",
                    "platform": "Windows",
                    "state": {
                        "status": "FAILED",
                        "reason": 'SSM execution \'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\' failed with status = \'Failed\' and failure message = \'Step fails when it is verifying the command has completed. Command a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 returns unexpected invocation result: \n{Status=[Failed], ResponseCode=[1], Output=[\n----------ERROR-------\nfailed to run commands: exit status 1], OutputPayload=[{"Status":"Failed","ResponseCode":1,"Output":"\\n----------ERROR-------\\nfailed to run commands: exit status 1","CommandId":"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"}], CommandId=[a1b2c3d4-5678-90ab-cdef-EXAMPLE11111]}. Please refer to Automation Service Troubleshooting Guide for more diagnosis details.\'',
                    },
                    "owner": "123456789012",
                    "dateCreated": "2020-02-14T22:57:42.593Z",
                    "outputResources": {"amis": []},
                    "tags": {},
                },
            ],
        },
    ),
    (
        "ListImagePackages",
        "aws-cli awscli/examples/imagebuilder/list-image-packages.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imagePackageList": [
                {"packageName": "passwd", "packageVersion": "0.80"},
                {"packageName": "dracut-config-ec2", "packageVersion": "3.1"},
                {"packageName": "libsolv", "packageVersion": "0.7.22"},
                {"packageName": "libxcrypt", "packageVersion": "4.4.33"},
                {"packageName": "python3-policycoreutils", "packageVersion": "3.4"},
            ],
        },
    ),
    (
        "ListImagePipelineImages",
        "aws-cli awscli/examples/imagebuilder/list-image-pipeline-images.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
                    "name": "my-example-recipe",
                    "type": "AMI",
                    "version": "1.0.0/1",
                    "platform": "Linux",
                    "state": {"status": "BUILDING"},
                    "owner": "123456789012",
                    "dateCreated": "2026-09-09T19:39:20.458Z",
                    "outputResources": {"amis": []},
                    "tags": {},
                    "buildType": "USER_INITIATED",
                }
            ],
        },
    ),
    (
        "ListImagePipelines",
        "aws-cli awscli/examples/imagebuilder/list-image-pipeline-images.rst @07c4fe36 (2020 example); published on the list-image-pipeline-images page but the answer is a ListImagePipelines one (imagePipelineList)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imagePipelineList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/mywindows2016pipeline",
                    "name": "MyWindows2016Pipeline",
                    "description": "Builds Windows 2016 Images",
                    "platform": "Windows",
                    "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
                    "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
                    "distributionConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/myexampledistribution",
                    "imageTestsConfiguration": {"imageTestsEnabled": True, "timeoutMinutes": 60},
                    "schedule": {
                        "scheduleExpression": "cron(0 0 * * SUN)",
                        "pipelineExecutionStartCondition": "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
                    },
                    "status": "ENABLED",
                    "dateCreated": "2020-02-19T19:04:01.253Z",
                    "dateUpdated": "2020-02-19T19:04:01.253Z",
                    "tags": {"KeyName": "KeyValue"},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/sam",
                    "name": "PipelineName",
                    "platform": "Linux",
                    "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/recipe-name-a1b2c3d45678/1.0.0",
                    "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/infrastructureconfiguration-name-a1b2c3d45678",
                    "imageTestsConfiguration": {"imageTestsEnabled": True, "timeoutMinutes": 720},
                    "status": "ENABLED",
                    "dateCreated": "2019-12-16T18:19:02.068Z",
                    "dateUpdated": "2019-12-16T18:19:02.068Z",
                    "tags": {"KeyName": "KeyValue"},
                },
            ],
        },
    ),
    (
        "ListImagePipelines",
        "aws-cli awscli/examples/imagebuilder/list-image-pipelines.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imagePipelineList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/my-example-pipeline",
                    "name": "my-example-pipeline",
                    "description": "Builds a new version of my image every Sunday",
                    "platform": "Linux",
                    "enhancedImageMetadataEnabled": True,
                    "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/my-example-recipe/1.0.0",
                    "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/my-example-infrastructure",
                    "imageTestsConfiguration": {"imageTestsEnabled": True, "timeoutMinutes": 720},
                    "schedule": {
                        "scheduleExpression": "cron(0 9 ? * SUN *)",
                        "pipelineExecutionStartCondition": "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
                    },
                    "status": "ENABLED",
                    "dateCreated": "2026-09-09T19:52:05.146Z",
                    "dateUpdated": "2026-09-09T19:52:05.146Z",
                    "tags": {},
                }
            ],
        },
    ),
    (
        "ListImageRecipes",
        "aws-cli awscli/examples/imagebuilder/list-image-recipes.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageRecipeSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/mybasicrecipe/2019.12.03",
                    "name": "MyBasicRecipe",
                    "platform": "Windows",
                    "owner": "123456789012",
                    "parentImage": "arn:aws:imagebuilder:us-west-2:aws:image/windows-server-2016-english-full-base-x86/2019.x.x",
                    "dateCreated": "2020-02-19T18:54:25.975Z",
                    "tags": {"KeyName": "KeyValue"},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/recipe-name-a1b2c3d45678/1.0.0",
                    "name": "recipe-name-a1b2c3d45678",
                    "platform": "Linux",
                    "owner": "123456789012",
                    "parentImage": "arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2-x86/2019.11.21",
                    "dateCreated": "2019-12-16T18:19:00.120Z",
                    "tags": {"KeyName": "KeyValue"},
                },
            ],
        },
    ),
    (
        "ListImageScanFindingAggregations",
        "aws-cli awscli/examples/imagebuilder/list-image-scan-finding-aggregations.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "aggregationType": "imagePipelineArn",
            "responses": [
                {
                    "imagePipelineAggregation": {
                        "imagePipelineArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/my-example-pipeline",
                        "severityCounts": {"all": 25, "critical": 1, "high": 7, "medium": 12},
                    }
                }
            ],
        },
    ),
    (
        "ListImageScanFindings",
        "aws-cli awscli/examples/imagebuilder/list-image-scan-findings.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "findings": [
                {
                    "awsAccountId": "123456789012",
                    "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
                    "imagePipelineArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-pipeline/my-example-pipeline",
                    "type": "PACKAGE_VULNERABILITY",
                    "description": "In the Linux kernel, the following vulnerability has been resolved:\n\nvirtio: break and reset virtio devices on device_shutdown()",
                    "title": "CVE-2025-38064 - kernel",
                    "remediation": {"recommendation": {"text": "None Provided"}},
                    "severity": "HIGH",
                    "firstObservedAt": "2026-01-06T20:12:57+00:00",
                    "updatedAt": "2026-01-06T20:12:57+00:00",
                    "inspectorScore": 7.0,
                    "inspectorScoreDetails": {
                        "adjustedCvss": {
                            "scoreSource": "AMAZON_CVE",
                            "cvssSource": "AMAZON_CVE",
                            "version": "3.1",
                            "score": 7.0,
                            "scoringVector": "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H",
                            "adjustments": [],
                        }
                    },
                    "packageVulnerabilityDetails": {
                        "vulnerabilityId": "CVE-2025-38064",
                        "vulnerablePackages": [
                            {
                                "name": "kernel",
                                "version": "4.14.355",
                                "epoch": 0,
                                "release": "280.652.amzn2",
                                "arch": "X86_64",
                                "packageManager": "OS",
                                "fixedInVersion": "0:5.15.189-131.202.amzn2",
                                "remediation": "yum update kernel",
                            }
                        ],
                        "source": "AMAZON_CVE",
                        "cvss": [
                            {
                                "baseScore": 7.0,
                                "scoringVector": "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H",
                                "version": "3.1",
                                "source": "AMAZON_CVE",
                            }
                        ],
                        "relatedVulnerabilities": ["ALAS2-2025-2955", "ALAS2023-2025-1130"],
                        "sourceUrl": "https://alas.aws.amazon.com/cve/json/v1/CVE-2025-38064.json",
                        "vendorSeverity": "Important",
                        "vendorCreatedAt": "2025-06-18T00:00:00+00:00",
                        "vendorUpdatedAt": "2025-06-25T00:00:00+00:00",
                        "referenceUrls": [
                            "https://alas.aws.amazon.com/AL2/ALAS2-2025-2955.html",
                            "https://alas.aws.amazon.com/AL2023/ALAS2023-2025-1130.html",
                        ],
                    },
                    "fixAvailable": "YES",
                }
            ],
        },
    ),
    (
        "ListImages",
        "aws-cli awscli/examples/imagebuilder/list-images.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageVersionList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03",
                    "name": "MyBasicRecipe",
                    "version": "2019.12.03",
                    "platform": "Windows",
                    "owner": "123456789012",
                    "dateCreated": "2020-02-14T21:29:18.810Z",
                }
            ],
        },
    ),
    (
        "ListInfrastructureConfigurations",
        "aws-cli awscli/examples/imagebuilder/list-infrastructure-configurations.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "infrastructureConfigurationSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/myexampleinfrastructure",
                    "name": "MyExampleInfrastructure",
                    "description": "An example that will retain instances of failed builds",
                    "dateCreated": "2020-02-19T19:11:51.858Z",
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:infrastructure-configuration/infrastructureconfiguration-name-a1b2c3d45678",
                    "name": "infrastructureConfiguration-name-a1b2c3d45678",
                    "dateCreated": "2019-12-16T18:19:01.038Z",
                    "tags": {"KeyName": "KeyValue"},
                },
            ],
        },
    ),
    (
        "ListLifecycleExecutionResources",
        "aws-cli awscli/examples/imagebuilder/list-lifecycle-execution-resources.rst @e454fb5e",
        {
            "resources": [],
            "lifecycleExecutionId": "lce-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "lifecycleExecutionState": {"status": "IN_PROGRESS"},
        },
    ),
    (
        "ListLifecycleExecutions",
        "aws-cli awscli/examples/imagebuilder/list-lifecycle-executions.rst @042b7ef6",
        {
            "lifecycleExecutions": [
                {
                    "lifecycleExecutionId": "lce-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                    "resourcesImpactedSummary": {"hasImpactedResources": False},
                    "state": {"status": "IN_PROGRESS"},
                    "startTime": "2026-09-09T21:42:29.801000+00:00",
                }
            ]
        },
    ),
    (
        "ListLifecyclePolicies",
        "aws-cli awscli/examples/imagebuilder/list-lifecycle-policies.rst @ad841778",
        {
            "lifecyclePolicySummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-ami-policy",
                    "name": "my-example-ami-policy",
                    "description": "Deletes AMI image builds after they reach 6 months old",
                    "status": "ENABLED",
                    "executionRole": "arn:aws:iam::123456789012:role/my-example-lifecycle-role",
                    "resourceType": "AMI_IMAGE",
                    "dateCreated": "2026-09-09T19:36:17.612000+00:00",
                    "tags": {},
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-container-policy",
                    "name": "my-example-container-policy",
                    "description": "Deletes container image builds after they reach 6 months old",
                    "status": "ENABLED",
                    "executionRole": "arn:aws:iam::123456789012:role/my-example-lifecycle-role",
                    "resourceType": "CONTAINER_IMAGE",
                    "dateCreated": "2026-09-09T19:36:19.339000+00:00",
                    "tags": {},
                },
            ]
        },
    ),
    (
        "ListTagsForResource",
        "aws-cli awscli/examples/imagebuilder/list-tags-for-resource.rst @07c4fe36 (2020 example)",
        {"tags": {"KeyName": "KeyValue"}},
    ),
    (
        "ListWaitingWorkflowSteps",
        "aws-cli awscli/examples/imagebuilder/list-waiting-workflow-steps.rst @042b7ef6",
        {
            "steps": [
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                    "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-wait-recipe/1.0.0/1",
                    "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                    "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-wait-workflow/1.0.0/1",
                    "name": "WaitForApproval",
                    "action": "WaitForAction",
                    "startTime": "2026-09-09T20:02:59.931Z",
                }
            ]
        },
    ),
    (
        "ListWorkflowBuildVersions",
        "aws-cli awscli/examples/imagebuilder/list-workflow-build-versions.rst @042b7ef6",
        {
            "workflowSummaryList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0/2",
                    "name": "my-example-workflow",
                    "version": "1.0.0",
                    "description": "Workflow to build my example image",
                    "changeDescription": "Added a step to collect image metadata from the build instance",
                    "type": "BUILD",
                    "owner": "123456789012",
                    "dateCreated": "2026-09-09T19:56:38.339Z",
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-workflow/1.0.0/1",
                    "name": "my-example-workflow",
                    "version": "1.0.0",
                    "description": "Workflow to build my example image",
                    "changeDescription": "Initial version",
                    "type": "BUILD",
                    "owner": "123456789012",
                    "dateCreated": "2026-09-09T19:56:35.992Z",
                },
            ]
        },
    ),
    (
        "ListWorkflowExecutions",
        "aws-cli awscli/examples/imagebuilder/list-workflow-executions.rst @e454fb5e",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "workflowExecutions": [
                {
                    "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:aws:workflow/build/build-image/1.0.3/1",
                    "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                    "type": "BUILD",
                    "status": "COMPLETED",
                    "totalStepCount": 7,
                    "totalStepsSucceeded": 5,
                    "totalStepsFailed": 0,
                    "totalStepsSkipped": 2,
                    "startTime": "2026-09-09T19:12:23.175Z",
                    "endTime": "2026-09-09T19:19:06.158Z",
                    "retried": False,
                },
                {
                    "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:aws:workflow/test/test-image/1.0.3/1",
                    "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                    "type": "TEST",
                    "status": "COMPLETED",
                    "totalStepCount": 4,
                    "totalStepsSucceeded": 2,
                    "totalStepsFailed": 0,
                    "totalStepsSkipped": 2,
                    "startTime": "2026-09-09T19:19:11.709Z",
                    "endTime": "2026-09-09T19:21:47.830Z",
                    "retried": False,
                },
            ],
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
        },
    ),
    (
        "ListWorkflowStepExecutions",
        "aws-cli awscli/examples/imagebuilder/list-workflow-step-executions.rst @b5d54c87",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "steps": [
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                    "name": "LaunchBuildInstance",
                    "action": "LaunchInstance",
                    "status": "COMPLETED",
                    "inputs": '{"waitFor": "ssmAgent"}',
                    "outputs": '{"instanceId": "i-1234567890abcdef0"}',
                    "startTime": "2026-09-09T19:12:23.418Z",
                    "endTime": "2026-09-09T19:14:50.822Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                    "name": "ApplyBuildComponents",
                    "action": "ExecuteComponents",
                    "status": "SKIPPED",
                    "inputs": '{"instanceId.$": "$.stepOutputs.LaunchBuildInstance.instanceId"}',
                    "startTime": "2026-09-09T19:14:51.229Z",
                    "endTime": "2026-09-09T19:14:51.229Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE88888",
                    "name": "InventoryCollection",
                    "action": "CollectImageMetadata",
                    "status": "COMPLETED",
                    "inputs": '{"instanceId": "i-1234567890abcdef0"}',
                    "outputs": '{"osVersion": "Amazon Linux 2023", "associationId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEaaaaa"}',
                    "startTime": "2026-09-09T19:14:51.818Z",
                    "endTime": "2026-09-09T19:16:26.267Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                    "name": "RunSanitizeScript",
                    "action": "SanitizeInstance",
                    "status": "COMPLETED",
                    "outputs": '{"status": "Success", "output": "Skipping cleanup\\n", "runCommandId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEbbbbb"}',
                    "startTime": "2026-09-09T19:16:26.742Z",
                    "endTime": "2026-09-09T19:16:36.559Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE00000",
                    "name": "RunSysPrepScript",
                    "action": "RunSysPrep",
                    "status": "SKIPPED",
                    "inputs": '{"instanceId.$": "$.stepOutputs.LaunchBuildInstance.instanceId"}',
                    "startTime": "2026-09-09T19:16:36.973Z",
                    "endTime": "2026-09-09T19:16:36.973Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                    "name": "CreateOutputAMI",
                    "action": "CreateImage",
                    "status": "COMPLETED",
                    "inputs": '{"instanceId": "i-1234567890abcdef0"}',
                    "outputs": '{"imageId": "ami-1234567890abcdef0"}',
                    "startTime": "2026-09-09T19:16:37.499Z",
                    "endTime": "2026-09-09T19:19:02.135Z",
                },
                {
                    "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
                    "name": "TerminateBuildInstance",
                    "action": "TerminateInstance",
                    "status": "COMPLETED",
                    "inputs": '{"instanceId": "i-1234567890abcdef0"}',
                    "startTime": "2026-09-09T19:19:02.546Z",
                    "endTime": "2026-09-09T19:19:06.132Z",
                },
            ],
            "workflowBuildVersionArn": "arn:aws:imagebuilder:us-west-2:aws:workflow/build/build-image/1.0.3/1",
            "workflowExecutionId": "wf-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
        },
    ),
    (
        "ListWorkflows",
        "aws-cli awscli/examples/imagebuilder/list-workflows.rst @042b7ef6",
        {
            "workflowVersionList": [
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/build/my-example-build-workflow/1.0.0",
                    "name": "my-example-build-workflow",
                    "version": "1.0.0",
                    "description": "Builds my example image",
                    "type": "BUILD",
                    "owner": "123456789012",
                    "dateCreated": "2026-09-09T19:56:09.033Z",
                },
                {
                    "arn": "arn:aws:imagebuilder:us-west-2:123456789012:workflow/test/my-example-test-workflow/1.0.0",
                    "name": "my-example-test-workflow",
                    "version": "1.0.0",
                    "description": "Tests my example image",
                    "type": "TEST",
                    "owner": "123456789012",
                    "dateCreated": "2026-09-09T19:56:12.440Z",
                },
            ]
        },
    ),
    (
        "PutComponentPolicy",
        "aws-cli awscli/examples/imagebuilder/put-component-policy.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/examplecomponent/2019.12.02/1",
        },
    ),
    (
        "PutContainerRecipePolicy",
        "aws-cli awscli/examples/imagebuilder/put-container-recipe-policy.rst @b5d54c87",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "containerRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:container-recipe/my-example-container-recipe-shared/1.0.0",
        },
    ),
    (
        "PutImagePolicy",
        "aws-cli awscli/examples/imagebuilder/put-image-policy.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/example-image/2019.12.02/1",
        },
    ),
    (
        "PutImageRecipePolicy",
        "aws-cli awscli/examples/imagebuilder/put-image-recipe-policy.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "imageRecipeArn": "arn:aws:imagebuilder:us-west-2:123456789012:image-recipe/example-image-recipe/2019.12.02/1",
        },
    ),
    (
        "RetryImage",
        "aws-cli awscli/examples/imagebuilder/retry-image.rst @ad841778",
        {
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
        },
    ),
    (
        "SendWorkflowStepAction",
        "aws-cli awscli/examples/imagebuilder/send-workflow-step-action.rst @042b7ef6",
        {
            "stepExecutionId": "step-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-wait-recipe/1.0.0/1",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
        },
    ),
    (
        "StartImagePipelineExecution",
        "aws-cli awscli/examples/imagebuilder/start-image-pipeline-execution.rst @07c4fe36 (2020 example)",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            "imageBuildVersionArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/mybasicrecipe/2019.12.03/1",
        },
    ),
    (
        "StartResourceStateUpdate",
        "aws-cli awscli/examples/imagebuilder/start-resource-state-update.rst @042b7ef6",
        {
            "lifecycleExecutionId": "lce-a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            "resourceArn": "arn:aws:imagebuilder:us-west-2:123456789012:image/my-example-recipe/1.0.0/1",
        },
    ),
    (
        "UpdateDistributionConfiguration",
        "aws-cli awscli/examples/imagebuilder/update-distribution-configuration.rst @042b7ef6",
        {
            "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            "distributionConfigurationArn": "arn:aws:imagebuilder:us-west-2:123456789012:distribution-configuration/my-example-distribution",
        },
    ),
    (
        "UpdateDistributionConfiguration",
        "aws-cli awscli/examples/imagebuilder/update-distribution-configuration.rst @07c4fe36 (2020 example)",
        {"requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
    ),
    (
        "UpdateImagePipeline",
        "aws-cli awscli/examples/imagebuilder/update-image-pipeline.rst @07c4fe36 (2020 example)",
        {"requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
    ),
    (
        "UpdateInfrastructureConfiguration",
        "aws-cli awscli/examples/imagebuilder/update-infrastructure-configuration.rst @07c4fe36 (2020 example)",
        {"requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
    ),
    (
        "UpdateLifecyclePolicy",
        "aws-cli awscli/examples/imagebuilder/update-lifecycle-policy.rst @b5d54c87",
        {
            "lifecyclePolicyArn": "arn:aws:imagebuilder:us-west-2:123456789012:lifecycle-policy/my-example-policy"
        },
    ),
)
