// What a synthesized stack may contain (plan/stack-check.ts reads this): reviewed data, not code.
// Everything here is what stacks/ synthesizes today; anything else in a stack is refused before any
// Terraform reads it. Adding an entry is a reviewed change: say where stacks/ creates it and, for a
// function, why it is pure (reads no file, no environment, no clock, no randomness, calls no provider).

/** The two providers, by the name their resource types start with, and the registry source they are installed from. */
export const PROVIDER_SOURCES: Readonly<Record<string, string>> = {
  cloudfoundry: "registry.terraform.io/cloudfoundry/cloudfoundry",
  aws: "hashicorp/aws",
};

/** Managed resource types, each with the file of stacks/ or constructs/ that creates it. */
export const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  cloudfoundry_app: "constructs/cf-app.ts (App)",
  cloudfoundry_route: "stacks/environment-stack.ts (Route)",
  cloudfoundry_network_policy: "constructs/app-to-app-policy.ts (NetworkPolicy)",
  cloudfoundry_service_credential_binding: "constructs/service-bindings.ts (ServiceCredentialBinding)",
  aws_sqs_queue: "constructs/celery-queue.ts (SqsQueue)",
  aws_iam_policy: "constructs/queue-access-boundary.ts (IamPolicy)",
  aws_iam_user_policy_attachment: "constructs/queue-access-boundary.ts (IamUserPolicyAttachment)",
};

/** Data source types, each with the file of stacks/ or constructs/ that reads it. */
export const DATA_TYPES: Readonly<Record<string, string>> = {
  cloudfoundry_org: "stacks/environment-stack.ts (DataCloudfoundryOrg)",
  cloudfoundry_space: "stacks/environment-stack.ts (DataCloudfoundrySpace)",
  cloudfoundry_domain: "stacks/environment-stack.ts (DataCloudfoundryDomain)",
  cloudfoundry_app: "stacks/environment-stack.ts (DataCloudfoundryApp)",
  cloudfoundry_apps: "stacks/environment-stack.ts (DataCloudfoundryApps)",
  cloudfoundry_routes: "constructs/adoption.ts (DataCloudfoundryRoutes)",
  cloudfoundry_service_instance: "stacks/environment-stack.ts (DataCloudfoundryServiceInstance)",
  cloudfoundry_service_credential_bindings: "constructs/service-bindings.ts (DataCloudfoundryServiceCredentialBindings)",
  aws_caller_identity: "stacks/environment-stack.ts (DataAwsCallerIdentity)",
  aws_ssm_parameter: "stacks/environment-stack.ts (DataAwsSsmParameter)",
  aws_sqs_queues: "constructs/adoption.ts (DataAwsSqsQueues)",
};

/**
 * Terraform's built-in functions a stack may call, each with why it is pure. The built-in table is
 * hashicorp/terraform internal/lang/functions.go (v1.11, the pinned Terraform: ci/image/Dockerfile);
 * none of these is in its impureFunctions list (bcrypt, timestamp, uuid), none takes a path, and
 * none removes Terraform's sensitive mark. Every other name is refused, and by name these for what
 * they would do: file, fileexists, fileset, filebase64, filebase64sha256, filebase64sha512, filemd5,
 * filesha1, filesha256, filesha512 and templatefile read files of the machine that runs Terraform;
 * abspath and pathexpand read its working directory and HOME; `provider::<name>::<function>` runs
 * provider code; nonsensitive prints what Terraform would hide.
 */
export const FUNCTIONS: Readonly<Record<string, string>> = {
  coalesce: "the first argument that is not null or empty (stacks/environment-stack.ts live_instances)",
  contains: "whether a list holds a value (the adoption and binding for_each expressions)",
  endswith: "whether a string ends with another (constructs/adoption.ts queue lookups)",
  keys: "the keys of a map (constructs/service-bindings.ts)",
  lookup: "a map's value for a key, or a default (the binding and adoption expressions)",
  merge: "a map of the entries of both maps (stacks/addresses.ts bindingsForEach, with apps kept bound)",
  max: "the largest of numbers (constructs/cf-app.ts instances never below what runs)",
  one: "the only element of a list, or null (stacks/environment-stack.ts live_instances)",
  try: "the first argument that evaluates without an error (stacks/environment-stack.ts live_instances)",
};

/** What a function the list refuses would do, for the refusal's line: the reason, by name. */
export const REFUSED_FUNCTION_REASONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ["file", "fileexists", "fileset", "filebase64", "filebase64sha256", "filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "templatefile"].map((f) => [
      f,
      "it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)",
    ]),
  ),
  abspath: "it reads the working directory of the machine that runs Terraform",
  pathexpand: "it reads HOME of the machine that runs Terraform",
  nonsensitive: "it removes Terraform's sensitive mark, so that a secret is printed",
  bcrypt: "it is impure (random salt): its result differs on every run",
  timestamp: "it is impure (the clock): its result differs on every run",
  uuid: "it is impure (random): its result differs on every run",
};

/** Top-level keys of a stack: the block kinds stacks/ writes. "//" is cdktf's metadata, which Terraform ignores. */
export const TOP_LEVEL_KEYS: readonly string[] = ["//", "terraform", "provider", "variable", "locals", "data", "resource", "import", "removed"];

/** Meta-arguments a resource may have, besides its type's own attributes (as stacks/ writes them). */
export const RESOURCE_META_ARGUMENTS: readonly string[] = ["count", "for_each", "depends_on", "lifecycle"];
/** Meta-arguments a data source may have. */
export const DATA_META_ARGUMENTS: readonly string[] = ["count", "for_each", "depends_on"];
/**
 * Every key Terraform itself reads in a resource or data block; those not in the lists above are
 * refused (a provisioner or connection runs commands or opens remote logins from the machine that
 * applies; a provider argument picks a configuration other than the pinned one; dynamic blocks and
 * lifecycle conditions are not written by stacks/).
 */
export const TERRAFORM_BLOCK_KEYS: readonly string[] = ["count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection", "dynamic"];
/** Keys of a resource's lifecycle block that stacks/ writes. */
export const LIFECYCLE_KEYS: readonly string[] = ["create_before_destroy", "prevent_destroy"];
/** Keys of an import block (constructs/adoption.ts). */
export const IMPORT_KEYS: readonly string[] = ["to", "id", "for_each"];
/** Keys of a removed block (stacks/environment-stack.ts removals), and of its lifecycle. */
export const REMOVED_KEYS: readonly string[] = ["from", "lifecycle"];
export const REMOVED_LIFECYCLE_KEYS: readonly string[] = ["destroy"];
/** The input variables stacks/ declares (stacks/environment-stack.ts artifactInputs), and the keys each may have. */
export const VARIABLES: readonly string[] = ["app_artifact_path", "app_artifact_sha256"];
export const VARIABLE_KEYS: readonly string[] = ["type", "description"];

/**
 * Attributes that name a file of the machine that applies, with the only value they may have: the
 * provider uploads whatever file `path` names, so it is the deploy's own input, nothing else.
 */
export const FILE_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cloudfoundry_app: { path: "${var.app_artifact_path}" },
};
