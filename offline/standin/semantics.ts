// What the stand-in providers do, as data with its provenance: every behaviour of the real
// cloudfoundry/cloudfoundry v1.16.0 and hashicorp/aws 5.100.0 providers (and of Cloud Controller
// behind them) that the stand-in implements, each row citing the upstream source file and lines it
// was read from, or saying "assumed" and why. provider.ts reads its behaviour from the tables below; a
// test (__tests__/offline/standin-semantics.test.ts) fails when a row is not exercised by a test whose
// title carries "[row N]".
//
// Row ids are stable. Code comments and docs across this project, this file included, cite a row as
// "semantics row N" (or "semantics rows N, M"): the entry of `ROWS` below whose id is N. Test titles
// tag the rows they exercise as "[row N]".
//
// CF paths are in cloudfoundry/terraform-provider-cloudfoundry at v1.16.0 (`cloudfoundry/provider/…`),
// the plugin framework v1.19.0 (`internal/fwserver/…`), Cloud Controller (`app/…`, `lib/…`) and
// go-cfclient (`operation/push.go`) at main. AWS paths are hashicorp/terraform-provider-aws
// `internal/service/<svc>/…`.

import type { CfRole } from "../../config/identities";

/** A behaviour of the real providers that the stand-in implements. */
export interface SemanticsRow {
  /** A stable id, cited elsewhere as "semantics row N". */
  readonly id: number;
  readonly behaviour: string;
  /** Where the real behaviour is written, file:line; or "assumed: <why>". */
  readonly source: string;
  /**
   * "match": what a plain model of the provider does anyway; "fixed": what a plain model gets wrong,
   * so the stand-in implements it deliberately; "assumed": the source does not settle it, so the
   * stand-in's choice is named as an assumption.
   */
  readonly status: "match" | "fixed" | "assumed";
}

export const ROWS: readonly SemanticsRow[] = [
  { id: 1, status: "match", behaviour: "app name, space_name, org_name force replacement", source: "resource_app.go:73-93 (RequiresReplace)" },
  { id: 2, status: "match", behaviour: "app sidecars force replacement", source: "resource_app.go:290-298" },
  { id: 3, status: "match", behaviour: "app service_bindings: RequiresReplace then UseStateForUnknown, which copies the prior STATE value; Terraform keeps the replace only when planned differs from prior", source: "resource_app.go:160-171; framework setplanmodifier/use_state_for_unknown.go:42-58; requires_replace_if.go:63-72; observed with Terraform 1.11" },
  { id: 4, status: "fixed", behaviour: "binding params: read/import keep params only from the prior state's element of that service instance, else null; the schema default \"{}\" is applied to every null params at every plan", source: "types_app.go:409-438 (422-433 prior lookup); resource_app.go:179-185 (Default \"{}\"); fwschemadata/data_default.go:33-100; cloudfoundry/terraform-provider-cloudfoundry#369" },
  { id: 5, status: "match", behaviour: "configured app routes force replacement (RequiresReplaceIfConfigured)", source: "resource_app.go:189-199" },
  { id: 6, status: "match", behaviour: "app id has no plan modifier (unknown on update); a rolling push keeps the GUID", source: "resource_app.go:326-329; go-cfclient operation/push.go:201-282" },
  { id: 7, status: "fixed", behaviour: "app created_at has no UseStateForUnknown: unknown on every update", source: "resource_app.go:330-333 (Computed, no plan modifier; compare utils.go:72-80)" },
  { id: 8, status: "fixed", behaviour: "app stopped: Default false + UseStateForUnknown, never unknown at plan", source: "resource_app.go:218-226; server_planresourcechange.go:477-521" },
  { id: 9, status: "fixed", behaviour: "app stopped is never read from CF: refresh copies the state's value, import leaves it null", source: "resource_app.go:487-489; mapAppValuesToType has no Stopped" },
  { id: 10, status: "fixed", behaviour: "app enable_ssh unset: planned unknown, and every push sends features/ssh enabled=false", source: "resource_app.go:541 (UpdateSSH(desiredState.EnableSSH.ValueBool())); fixture resource_app_bits.yaml #35-#36" },
  { id: 11, status: "match", behaviour: "other Optional+Computed app attributes are unknown on update when unset", source: "resource_app.go:94-112,189-217,358-428; types_app.go:177-367" },
  { id: 12, status: "match", behaviour: "an unknown instance count is pushed as 1", source: "resource_app.go:512-515" },
  { id: 13, status: "match", behaviour: "refreshed environment shows cf set-env as drift; an apply removes every key not in config", source: "types_app.go:457-462,745-764; resource_app.go:521,535" },
  { id: 14, status: "match", behaviour: "refreshed instances shows cf scale as drift", source: "types_app.go:508" },
  { id: 15, status: "match", behaviour: "attributes CF cannot report keep Terraform's value on read and are null after import", source: "types_app.go:672-682 (CopyConfigAttributes), :404-406" },
  { id: 16, status: "fixed", behaviour: "memory and disk_quota are read in CC's units (\"1024M\") unless the prior state holds an equal value", source: "types_app.go:509-519; fixture manifests show 1024M" },
  { id: 17, status: "match", behaviour: "an app update keeps the app (same GUID): a push onto it", source: "resource_app.go:493-595; go-cfclient operation/push.go:201-282" },
  { id: 18, status: "match", behaviour: "a push binds every service its manifest lists (the planned service_bindings) that is not bound yet, and never unbinds", source: "types_app.go:200-227; CC app/actions/app_apply_manifest.rb:71,144-177" },
  { id: 19, status: "fixed", behaviour: "deleting an app deletes its bindings and its route mappings", source: "CC app/actions/app_delete.rb:70,77,85-87" },
  { id: 20, status: "fixed", behaviour: "creating an app whose name exists pushes onto that app (adopts it, same GUID)", source: "resource_app.go:445-447; go-cfclient operation/push.go:71-82,201-282,362-415" },
  { id: 21, status: "match", behaviour: "route space, domain, host, path, port force replacement", source: "resource_route.go:55-101" },
  { id: 22, status: "match", behaviour: "route id, url, created_at, protocol keep state (UseStateForUnknown)", source: "resource_route.go:54,102-115,168; utils.go:72-95" },
  { id: 23, status: "fixed", behaviour: "nested computed attributes left null (route destinations' id, app_process_type, port, protocol) are unknown at plan and filled at apply", source: "server_planresourcechange.go:414-540 (MarkComputedNilsAsUnknown); types_route.go:128-145" },
  { id: 24, status: "match", behaviour: "a route follows an app update: destinations replaced by the set difference only", source: "resource_route.go:290-312; CC app/actions/update_route_destinations.rb:28-40" },
  { id: 25, status: "match", behaviour: "creating a route that exists fails", source: "CC app/actions/route_create.rb:130-174 \"Route already exists\"" },
  { id: 26, status: "match", behaviour: "routes import by GUID", source: "resource_route.go:374-380" },
  { id: 27, status: "match", behaviour: "every service credential binding input but labels/annotations forces replacement", source: "resource_service_credential_binding.go:60-99" },
  { id: 28, status: "match", behaviour: "binding id and created_at keep state; other computed attributes do not", source: "resource_service_credential_binding.go:100-111" },
  { id: 29, status: "match", behaviour: "bindings import by GUID; parameters come from state only (null after import)", source: "resource_service_credential_binding.go:290,398-404" },
  { id: 30, status: "match", behaviour: "creating a binding that exists fails", source: "CC app/actions/service_credential_binding_app_create.rb:79,85-90,144-146" },
  { id: 31, status: "match", behaviour: "creating a binding touches only the binding (no restart, the app's attribute changes on its next refresh)", source: "resource_service_credential_binding.go:179-271" },
  { id: 32, status: "match", behaviour: "network policies: no replacement; an update removes and adds the difference", source: "resource_network_policy.go:55-112,195-235" },
  { id: 33, status: "match", behaviour: "network policies cannot be imported", source: "resource_network_policy.go:22-25 (no ImportState)" },
  { id: 34, status: "match", behaviour: "re-creating an existing network policy is accepted", source: "policy-server store.go createWithTx; policy.go PolicyTable.Create (INSERT … WHERE NOT EXISTS)" },
  { id: 35, status: "fixed", behaviour: "a network policy read keeps the resource and intersects its policies with what exists: removed out of band is an update, not a create", source: "resource_network_policy.go:163-193" },
  { id: 36, status: "match", behaviour: "cloudfoundry_apps lists each app's service bindings (from its manifest)", source: "datasource_apps.go:276-305; types_app.go:784-806" },
  { id: 37, status: "match", behaviour: "cloudfoundry_apps with no match is an empty list, not an error", source: "datasource_apps.go:270-310; datasource_apps_test.go:42-63" },
  { id: 38, status: "fixed", behaviour: "cloudfoundry_apps entries: space_name is the space GUID, binding params null, top-level process attributes null, routes are the manifest's; an unknown space is an error", source: "datasource_apps.go:246-254,304; types_app.go:797-820" },
  { id: 39, status: "match", behaviour: "cloudfoundry_routes with no match is []; cloudfoundry_route with no match is an error", source: "datasource_routes.go:163-187; datasource_route.go:181-187; types_route.go:75,104-110" },
  { id: 40, status: "match", behaviour: "service credential binding data sources fail when nothing matches", source: "datasource_service_credential_bindings.go:153-159; datasource_service_credential_binding.go:156-162" },
  { id: 41, status: "match", behaviour: "the singular cloudfoundry_app data source fails for a missing app, and answers in its own schema (from the manifest)", source: "datasource_app.go:278-293" },
  { id: 42, status: "match", behaviour: "aws_sqs_queue name, name_prefix, fifo_queue ForceNew", source: "sqs/queue.go queueSchema" },
  { id: 43, status: "match", behaviour: "queue id is its URL; import by URL", source: "sqs/queue.go resourceQueueCreate (d.SetId(QueueUrl)); website/docs/r/sqs_queue.html.markdown" },
  { id: 44, status: "fixed", behaviour: "creating a queue that exists returns the existing queue when the attributes match, fails with QueueNameExists when they differ", source: "sqs/queue.go resourceQueueCreate; SQS CreateQueue API reference (QueueNameExists)" },
  { id: 45, status: "fixed", behaviour: "aws_sqs_queue SDKv2 Defaults (content_based_deduplication false, delay_seconds 0, fifo_queue false, max_message_size 262144, message_retention_seconds 345600, receive_wait_time_seconds 0, visibility_timeout_seconds 30) are planned where config leaves them unset; SQS reports its value of every attribute, so an imported or refreshed queue holds those values, never null", source: "sqs/queue.go:47-51,58-63,64-69,91-96,97-102,129-133,166-171 (Default); :280-322 resourceQueueRead (GetQueueAttributes All, APIAttributesToResourceData, kms_data_key_reuse_period_seconds 300 when 0); sqs/consts.go defaultQueue* values; SQS CreateQueue API reference (attribute defaults)" },
  { id: 46, status: "match", behaviour: "aws_iam_policy name, name_prefix, path, description ForceNew", source: "iam/policy.go schema" },
  { id: 47, status: "match", behaviour: "IAM policy id is its ARN, import by ARN; creating an existing name fails", source: "iam/policy.go (d.SetId(Policy.Arn)); IAM EntityAlreadyExists" },
  { id: 48, status: "match", behaviour: "aws_iam_user_policy_attachment user, policy_arn ForceNew", source: "iam/user_policy_attachment.go schema" },
  { id: 49, status: "fixed", behaviour: "attachment id: create stores \"<user>-<unique id>\"; import takes \"<user>/<policy_arn>\" and stores \"<user>-<policy_arn>\"", source: "iam/user_policy_attachment.go Create (id.PrefixedUniqueId), resourceUserPolicyAttachmentImport" },
  { id: 50, status: "assumed", behaviour: "attaching a policy that is already attached is accepted", source: "assumed: NOT DETERMINABLE: AttachUserPolicy's idempotency was not read; the stand-in accepts it" },
  { id: 51, status: "match", behaviour: "SDKv2 keeps computed values on update; tags_all = tags at plan", source: "SDKv2 semantics; iam/policy.go CustomizeDiff verify.SetTagsDiff" },
  { id: 52, status: "fixed", behaviour: "permissions: reading an app's manifest (every app refresh and import, both app data sources) needs SpaceDeveloper, admin or admin-read-only; every write needs SpaceDeveloper (or admin)", source: "resource_app.go:461; datasource_apps.go:279; datasource_app.go:293; CC app/controllers/v3/app_manifests_controller.rb:11-12; lib/cloud_controller/permissions.rb:50-52,92-94,248-251" },
  // Rows 53-79: Cloud Foundry at the provider's and Cloud Controller's edges (validators, CC's limits, the push).
  { id: 53, status: "fixed", behaviour: "validate: an app needs exactly one of path and docker_image (\"No attribute specified when one (and only one) of [docker_image,path] is required\")", source: "resource_app.go:113-119 (stringvalidator.ExactlyOneOf); terraform-plugin-framework-validators v0.19.0 internal/schemavalidator/exactly_one_of.go:59-125, helpers/validatordiag/diag.go:51-58" },
  { id: 54, status: "fixed", behaviour: "validate: processes conflicts with the 14 app-level process attributes; no_route and random_route with routes and each other; docker_credentials also requires docker_image", source: "resource_app.go:127-133,235-249,266-289; framework-validators v0.19.0 internal/schemavalidator/conflicts_with.go:56-105, also_requires.go:56-105" },
  { id: 55, status: "fixed", behaviour: "validate: SizeAtLeast(1) on the app's buildpacks, service_bindings, routes, environment, processes, sidecars, a route's destinations and a network policy's policies (an empty list or map is refused)", source: "resource_app.go:104-111,160-167,189-195,227-233,266-270,290-295; resource_route.go:116-123; resource_network_policy.go:60-65; framework-validators v0.19.0 setvalidator/listvalidator/mapvalidator size_at_least.go:25-45" },
  { id: 56, status: "fixed", behaviour: "validate: enums (OneOf) of strategy, health_check_type, readiness_health_check_type, app routes' and route destinations' protocol, a policy's protocol, a binding's type", source: "resource_app.go:153-159,206-213,377-396; resource_route.go:155-161; resource_network_policy.go:98-106; resource_service_credential_binding.go:60-66; framework-validators v0.19.0 stringvalidator/one_of.go:29-50" },
  { id: 57, status: "fixed", behaviour: "validate: integer bounds: app_deployed_running_timeout >= 1, app_deployed_running_check_interval 1-30, a route destination's port 1024-65535 and weight 1-100", source: "resource_app.go:251-265; resource_route.go:140-153; framework-validators v0.19.0 int64validator/at_least.go:25-45, at_most.go, between.go:29-60" },
  { id: 58, status: "fixed", behaviour: "validate: strings: a route's host at least 1 character and path at least 2; a policy's apps are UUIDs and its port a number or a range", source: "resource_route.go:75-91; resource_network_policy.go:68-97; internal/validation/uuidvalidator.go:16-18; framework-validators v0.19.0 stringvalidator/length_at_least.go:29-60, regex_matches.go:22-50, any.go:50-65" },
  { id: 59, status: "fixed", behaviour: "a push whose health-check timeout is above the foundation's maximum_health_check_timeout (platform cf.maximumHealthCheckTimeoutSeconds, default 180) fails at apply with CC's message, the app unchanged", source: "CC app/models/runtime/constraints/base_health_check_policy.rb:36-44; config/cloud_controller.yml:208; app/actions/process_update.rb:57-62; app/jobs/space_apply_manifest_action_job.rb:17-34; go-cfclient client/job.go:22-37, client/polling.go:49, operation/push.go:417-436; resource_app.go:526-532" },
  { id: 60, status: "fixed", behaviour: "the artifact at path is opened before anything is sent: a missing file fails the push with the os.Open error, nothing changed", source: "resource_app.go:563-571 (os.Open), :526-532 (\"Error pushing app\")" },
  { id: 61, status: "fixed", behaviour: "an artifact that is not a zip (with entries) fails after the manifest was applied: the package goes FAILED and the push fails; the manifest's changes stay on the app", source: "go-cfclient operation/push.go:222-248,362-396,458-473; client/package.go:145-153; CC lib/cloud_controller/app_packager.rb:17-28,100-105; lib/cloud_controller/packager/package_upload_handler.rb:19" },
  { id: 62, status: "fixed", behaviour: "a rolling push onto a running app whose new instances never become healthy (platform cf.unhealthyApps) waits instances x 1 minute (modelled, not slept), rolls back to the last revision and fails the apply; a push that starts a stopped or new app does not wait", source: "go-cfclient operation/push.go:201-282 (rolling; 262-279 rollback and its error), :284-302 (instances x 1 minute), :403-414 (start without waiting); client/polling.go:9,27-53; resource_app.go:526-532" },
  { id: 63, status: "fixed", behaviour: "an Optional-only process attribute config leaves unset (health_check_invocation_timeout, timeout, command, ...) is left out of the manifest, CC keeps what it holds, and Read maps it back: the applied state differs from the plan, so Terraform raises \"Provider produced inconsistent result after apply\"", source: "types_app.go:250-370 (only non-null sent), :484-539 (read when CC holds a value; 505-507 health_check_invocation_timeout); CC app/actions/process_update.rb:33-55 (message.requested?); terraform internal/terraform/node_resource_abstract_instance.go (AssertObjectCompatible, Terraform 1.11.4)" },
  { id: 64, status: "fixed", behaviour: "a push's order: the manifest (scale, variables added or changed, process values) on the running app first, then upload, staging and the deployment, and only after it the variables config no longer sets are deleted and SSH set; a failed deployment leaves the manifest's changes and the old variables", source: "go-cfclient operation/push.go:222-279,362-415; CC app/actions/app_apply_manifest.rb:69 (env is a patch); resource_app.go:526-545; types_app.go:745-764 (setEnvForUpdate)" },
  { id: 65, status: "fixed", behaviour: "a network policy's protocol left unset is \"tcp\" at plan (schema default), not unknown", source: "resource_network_policy.go:98-106 (Default: stringdefault.StaticString(\"tcp\"))" },
  { id: 66, status: "fixed", behaviour: "an app's routes read as the routes mapped to it (any cloudfoundry_route's destinations too), each with its protocol; none is null", source: "types_app.go:443-456; CC app/presenters/v3/app_manifest_presenters/route_properties_presenter.rb:6-30 (.presence)" },
  { id: 67, status: "fixed", behaviour: "an app's buildpacks, service_bindings, routes and environment read null, not an empty list or map, when CC reports none", source: "types_app.go:393-398,409-442,443-456,457-462" },
  { id: 68, status: "fixed", behaviour: "a policy port range whose ends are equal (\"8080-8080\") is held as one port and read back as \"8080\", which Read's intersection with state drops: such a policy is re-added at every plan", source: "types_network_policy.go:35-47,57-75,80-83; resource_network_policy.go:163-193 (lo.Intersect)" },
  { id: 69, status: "fixed", behaviour: "cloudfoundry_apps applies its org filter: an org GUID CC does not know is an error", source: "datasource_apps.go:229-268" },
  { id: 70, status: "fixed", behaviour: "data sources that find nothing fail with the provider's own summary and detail (org, space, domain, service instance, app, apps)", source: "datasource_org.go:102-111; datasource_space.go:102-143; datasource_domain.go:115-124; datasource_service_instance.go:157-166; datasource_app.go:257-292; datasource_apps.go:231-254; go-cfclient client/pager.go:10-11; CC app/controllers/v3/application_controller.rb:69-71" },
  // hashicorp/aws 5.100.0 at its edges. Line numbers are those of the 5.100.0 release binary's line table
  // (its pclntab: function and closure start lines of internal/service/…), read against the source.
  { id: 80, status: "fixed", behaviour: "ValidateResourceConfig runs the schema's ValidateFuncs on known values, every problem at once: aws_sqs_queue delay_seconds 0-900, kms_data_key_reuse_period_seconds 60-86400, max_message_size 1024-262144, message_retention_seconds 60-1209600, visibility_timeout_seconds 0-43200 (\"expected <attr> to be in the range (<min> - <max>), got <n>\"), policy/redrive_policy/redrive_allow_policy StringIsJSON (\"'<attr>' contains an invalid JSON: <Go's parser error>\", the name in double quotes); aws_iam_policy policy ValidIAMPolicyJSON", source: "sqs/queue.go:58-63,76-85,91-96,97-102,117-128,134-143,144-153,166-171 (ValidateFunc); iam/policy.go:40-106 (policy ValidateFunc verify.ValidIAMPolicyJSON, verify/validate.go:179); terraform-plugin-sdk v2.36.1 helper/validation/int.go:16-30 (IntBetween), strings.go:213-226 (StringIsJSON); Go encoding/json scanner.go (error texts)" },
  { id: 81, status: "fixed", behaviour: "aws_sqs_queue CustomizeDiff at plan: a new queue's name must match ^[0-9A-Za-z_-]{1,80}$ (FIFO: {1,75}\\.fifo$), else \"invalid queue name: <name>\"; content_based_deduplication only on a FIFO queue", source: "sqs/queue.go:377-417 (resourceQueueCustomizeDiff)" },
  { id: 82, status: "fixed", behaviour: "JSON attributes are planned and stored as NormalizeJsonString writes them (keys sorted, compact); a queue or IAM policy equivalent to the state's plans no change (statement order, string vs one-element list), and a read keeps the state's equivalent document; a redrive policy has no DiffSuppressFunc, so only its normalised text compares (\"50\" is not 50); SDKv2 marks its responses legacy_type_system, so Terraform accepts planned values that differ from config", source: "sqs/queue.go:117-128 (policy DiffSuppressFunc verify.SuppressEquivalentPolicyDiffs, StateFunc :124), :144-153 (redrive_policy StateFunc :149, no DiffSuppressFunc); iam/policy.go:40-106 (StateFunc :93), :159 resourcePolicyRead (verify.PolicyToSet, verify/json.go:176); verify/json.go:23; awspolicyequivalence v1.7.0 aws_policy_equivalence.go:33; terraform-plugin-sdk v2.36.1 helper/structure/normalize_json.go:11-28, helper/schema/grpc_provider.go:785,1067 (LegacyTypeSystem)" },
  { id: 83, status: "fixed", behaviour: "aws_iam_policy path has Default \"/\": planned \"/\" where config leaves it unset", source: "iam/policy.go:40-106 (path Default \"/\")" },
  { id: 84, status: "fixed", behaviour: "after CreateQueue or SetQueueAttributes the provider waits (3 minutes) until SQS reports every attribute it sent, redrive policies compared as parsed JSON; SQS keeps maxReceiveCount as a number, so \"maxReceiveCount\":\"50\" never matches: the apply fails with the waiter's timeout, the state keeps the planned text, and every later plan shows the change again (the stand-in fails at once, without waiting)", source: "sqs/queue.go:197 (resourceQueue: Timeouts Create/Update 3m), :220 resourceQueueCreate, :324 resourceQueueUpdate, :535-599 (statusQueueAttributeState, verify.JSONStringsEqual verify/json.go:102), :603 waitQueueAttributesPropagated; maxReceiveCount a number: SQS API reference RedrivePolicy, as moto 5.2.1 moto/sqs/models.py:397-399 keeps it" },
  { id: 85, status: "fixed", behaviour: "attaching a policy to an IAM user that does not exist fails at apply with IAM's 404 NoSuchEntity (no retry), and nothing is created", source: "iam/user_policy_attachment.go:54 resourceUserPolicyAttachmentCreate, :124-138 attachPolicyToUser (retries ConcurrentModificationException only; \"attaching IAM Policy (%s) to IAM User (%s): %w\"); IAM AttachUserPolicy API reference (NoSuchEntity, 404)" },
  { id: 86, status: "fixed", behaviour: "aws_iam_policy attachment_count is GetPolicy's AttachmentCount: the users (and groups, roles) the policy is attached to, read at every refresh", source: "iam/policy.go:159 resourcePolicyRead (d.Set(\"attachment_count\", policy.AttachmentCount))" },
];

/** An attribute path inside a resource: "name", or "service_bindings[].params" for a nested one. */
export type AttrPath = string;

/** How one resource type behaves beyond its schema; each field names the rows it implements. */
export interface ResourceSemantics {
  /** Terraform-plugin-framework (plans computed nulls unknown on any change) or SDKv2 (keeps them). */
  readonly sdk: "framework" | "sdkv2";
  /** RequiresReplace / ForceNew. */
  readonly requiresReplace: { readonly attrs: readonly string[]; readonly rows: readonly number[] };
  /** RequiresReplaceIfConfigured. */
  readonly requiresReplaceIfConfigured?: { readonly attrs: readonly string[]; readonly rows: readonly number[] };
  /** UseStateForUnknown: on an update the planned value is the prior state's. */
  readonly useStateForUnknown?: { readonly attrs: readonly string[]; readonly rows: readonly number[] };
  /** Schema defaults, applied to a null value whose config is null, at every plan. */
  readonly defaults?: { readonly values: Readonly<Record<AttrPath, string | boolean | number>>; readonly rows: readonly number[] };
  /** Attributes the platform cannot report: a read keeps Terraform's value, an import has none. */
  readonly notReadable?: { readonly attrs: readonly string[]; readonly rows: readonly number[] };
  /** Attributes the provider never reads from the platform: a read copies state, an import has null. */
  readonly neverRefreshed?: { readonly attrs: readonly string[]; readonly rows: readonly number[] };
  /** What the push fills for an attribute still unknown at apply (the platform's value afterwards). */
  readonly unknownAtApply?: { readonly values: Readonly<Record<AttrPath, string | boolean | number | "prior">>; readonly rows: readonly number[] };
  /** Creating an object whose natural key exists: fail as the platform does, or adopt it. */
  readonly createOverExisting: {
    readonly key: readonly string[];
    readonly outcome: "fail" | "adopt" | "adopt-if-attributes-match" | "accept";
    readonly error?: string;
    readonly rows: readonly number[];
  };
  /** Objects deleted with this one (by the platform, not by Terraform). */
  readonly deleteCascades?: { readonly what: readonly ("bindings" | "route-mappings")[]; readonly rows: readonly number[] };
  readonly importable: { readonly value: boolean; readonly rows: readonly number[] };
}

export const RESOURCES: Readonly<Record<string, ResourceSemantics>> = {
  cloudfoundry_app: {
    sdk: "framework",
    requiresReplace: { attrs: ["name", "space_name", "org_name", "sidecars", "service_bindings"], rows: [1, 2, 3] },
    requiresReplaceIfConfigured: { attrs: ["routes"], rows: [5] },
    // id (semantics row 6) and created_at (semantics row 7) have no UseStateForUnknown; stopped's is moot (it has a default).
    useStateForUnknown: { attrs: ["service_bindings"], rows: [3, 6, 7] },
    defaults: { values: { "service_bindings[].params": "{}", stopped: false }, rows: [4, 8] },
    notReadable: { attrs: ["path", "source_code_hash", "strategy", "app_deployed_running_timeout", "app_deployed_running_check_interval", "docker_credentials", "no_route", "random_route"], rows: [15] },
    neverRefreshed: { attrs: ["stopped"], rows: [9] },
    unknownAtApply: {
      values: {
        instances: 1,
        enable_ssh: false,
        stack: "prior",
        health_check_type: "prior",
        readiness_health_check_type: "prior",
        log_rate_limit_per_second: "prior",
        memory: "prior",
        disk_quota: "prior",
        buildpacks: "prior",
        routes: "prior",
      },
      rows: [10, 11, 12],
    },
    createOverExisting: { key: ["name"], outcome: "adopt", rows: [20] },
    deleteCascades: { what: ["bindings", "route-mappings"], rows: [19] },
    importable: { value: true, rows: [15, 16] },
  },
  cloudfoundry_route: {
    sdk: "framework",
    requiresReplace: { attrs: ["space", "domain", "host", "path", "port"], rows: [21] },
    useStateForUnknown: { attrs: ["id", "created_at", "url", "protocol"], rows: [22] },
    unknownAtApply: { values: { "destinations[].app_process_type": "web", "destinations[].port": 8080, "destinations[].protocol": "http1" }, rows: [23] },
    createOverExisting: { key: ["domain", "host", "path"], outcome: "fail", error: "Route already exists", rows: [25] },
    importable: { value: true, rows: [26] },
  },
  cloudfoundry_network_policy: {
    sdk: "framework",
    requiresReplace: { attrs: [], rows: [32] },
    defaults: { values: { "policies[].protocol": "tcp" }, rows: [65] },
    createOverExisting: { key: ["policies"], outcome: "accept", rows: [34] },
    importable: { value: false, rows: [33] },
  },
  cloudfoundry_service_credential_binding: {
    sdk: "framework",
    requiresReplace: { attrs: ["type", "name", "service_instance", "app", "parameters"], rows: [27] },
    useStateForUnknown: { attrs: ["id", "created_at"], rows: [28] },
    unknownAtApply: { values: { credential_binding: "{}" }, rows: [28] },
    createOverExisting: { key: ["app", "service_instance"], outcome: "fail", error: "The app is already bound to the service instance", rows: [30] },
    importable: { value: true, rows: [29] },
  },
  aws_sqs_queue: {
    sdk: "sdkv2",
    requiresReplace: { attrs: ["name", "name_prefix", "fifo_queue"], rows: [42] },
    defaults: {
      values: { content_based_deduplication: false, delay_seconds: 0, fifo_queue: false, max_message_size: 262_144, message_retention_seconds: 345_600, receive_wait_time_seconds: 0, visibility_timeout_seconds: 30 },
      rows: [45],
    },
    unknownAtApply: { values: { kms_data_key_reuse_period_seconds: 300 }, rows: [45] },
    createOverExisting: { key: ["name"], outcome: "adopt-if-attributes-match", error: "QueueNameExists", rows: [44] },
    importable: { value: true, rows: [43] },
  },
  aws_iam_policy: {
    sdk: "sdkv2",
    requiresReplace: { attrs: ["name", "name_prefix", "path", "description"], rows: [46] },
    defaults: { values: { path: "/" }, rows: [83] },
    createOverExisting: { key: ["name"], outcome: "fail", error: "EntityAlreadyExists", rows: [47] },
    importable: { value: true, rows: [47] },
  },
  aws_iam_user_policy_attachment: {
    sdk: "sdkv2",
    requiresReplace: { attrs: ["user", "policy_arn"], rows: [48] },
    createOverExisting: { key: ["user", "policy_arn"], outcome: "accept", rows: [50] },
    importable: { value: true, rows: [49] },
  },
};

/**
 * What Cloud Controller gives a new app for what its first push leaves unset (and an existing app
 * keeps, semantics row 11). Assumed: CC's defaults on a foundation like GOV.UK PaaS (cflinuxfs4 stack, port
 * health check, 1G memory and disk, no log rate limit); the real values depend on the foundation's
 * configuration, which nobody here read.
 */
export const CC_NEW_APP_DEFAULTS = {
  values: { stack: "cflinuxfs4", health_check_type: "port", readiness_health_check_type: "process", log_rate_limit_per_second: "-1", memory: "1024M", disk_quota: "1024M", buildpacks: [], routes: [] } as Readonly<Record<string, string | readonly never[]>>,
  source: "assumed: Cloud Controller's defaults on the foundation (config/cloud_controller.yml), not read",
  rows: [11],
} as const;


/** What a call to Cloud Controller needs, by the kind of call the provider makes. */
export interface Permission {
  readonly call: string;
  readonly roles: readonly CfRole[];
  readonly source: string;
  readonly rows: readonly number[];
}

export const PERMISSIONS: Readonly<Record<"read" | "readManifest" | "write", Permission>> = {
  /** Listing and reading the space's objects (routes, domains, service instances, bindings, org, space). */
  read: {
    call: "GET /v3/<resource> in the space",
    roles: ["SpaceDeveloper", "SpaceSupporter", "SpaceAuditor", "SpaceManager", "admin", "admin-read-only"],
    source: "CC lib/cloud_controller/permissions.rb can_read_from_space? (every space role); assumed for the binding list's details",
    rows: [52],
  },
  /** GET /v3/apps/:guid/manifest: every app Read and import, cloudfoundry_apps, cloudfoundry_app. */
  readManifest: {
    call: "GET /v3/apps/:guid/manifest",
    roles: ["SpaceDeveloper", "admin", "admin-read-only"],
    source: "resource_app.go:461; datasource_apps.go:279; datasource_app.go:293; CC app/controllers/v3/app_manifests_controller.rb:11-12; permissions.rb:50-52,92-94,248-251 (can_read_secrets_in_space?)",
    rows: [52],
  },
  /** Every create, update and delete (push, map a route, bind, add a policy). */
  write: {
    call: "POST/PATCH/DELETE in the space",
    roles: ["SpaceDeveloper", "admin"],
    source: "CC lib/cloud_controller/permissions.rb can_write_to_active_space? (SpaceDeveloper or admin)",
    rows: [52],
  },
};

/**
 * Cloud Controller's 403 as the provider shows it: summary "Error reading app" for a manifest read
 * (resource_app.go Read, datasource_app.go, datasource_apps.go), the detail go-cfclient's text of CC's
 * error CF-NotAuthorized (code 10003, "You are not authorized to perform the requested action";
 * CC errors/v3.yml). The exact detail format of go-cfclient is assumed.
 */
export const CC_NOT_AUTHORIZED = "cfclient error (CF-NotAuthorized|10003): You are not authorized to perform the requested action";
