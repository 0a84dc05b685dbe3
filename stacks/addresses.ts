// Every Terraform name and address this project builds, and the expression formats another module
// reads back (the instance count, the apps a service's bindings are for), each written once: the
// builder and its parser sit side by side.
//
// Why here, in stacks/, and not in config/: constructs are a lower layer than stacks and may import
// config only, but these are not configuration, they are the stack's naming rules (what Terraform
// calls an object, and so what a rename would destroy). So a construct names nothing itself: the stack
// hands it the Terraform names and the expressions from this module (CfApp's logicalId and instance
// count, CeleryQueue's terraformNames, ServiceBindings' for_each, ...), and review/, plan/, offline/,
// rehearsal/ and commands/ read addresses and those expressions back from here too.
//
// Renaming anything here destroys and recreates what it names (a running app, a queue with its
// messages): it needs a moved block or `terraform state mv` in the same change.
// __tests__/stacks/addresses.test.ts pins the formats with literals.

const APP = "cloudfoundry_app";
const ROUTE = "cloudfoundry_route";
const QUEUE = "aws_sqs_queue";
const BINDING = "cloudfoundry_service_credential_binding";

/** `<type>.<name>`: a managed resource's address. */
export function address(type: string, name: string): string {
  return `${type}.${name}`;
}

/** `data.<type>.<name>`: a data source's address. */
export function dataAddress(type: string, name: string): string {
  return `data.${type}.${name}`;
}

/** `${<address>.<attribute>}`: a reference to an attribute, as cdktf writes it into the JSON. */
export function reference(of: string, attribute: string): string {
  return `\${${of}.${attribute}}`;
}

// Apps ------------------------------------------------------------------------------------------------

/** An app's Terraform name is its CF name: moving its construct must never destroy a running app. */
export function appLogicalId(app: string): string {
  return app;
}

/** `cloudfoundry_app.<name>`. */
export function appAddress(app: string): string {
  return address(APP, appLogicalId(app));
}

/** The app an address `cloudfoundry_app.<name>` names, or undefined for any other address. */
export function appOfAddress(a: string): string | undefined {
  return a.startsWith(`${APP}.`) ? a.slice(APP.length + 1) : undefined;
}

/** The app a reference `${cloudfoundry_app.<name>.id}` (or a data source's) names; anything else as it is. */
export function appOfReference(ref: unknown): string {
  return String(ref).replace(/^\$\{(?:data\.)?cloudfoundry_app\.([^.]+)\.id\}$/, "$1");
}

// Routes ----------------------------------------------------------------------------------------------

/** A route's Terraform name: derived from its URL (host.domain/path), never from the construct tree. */
export function routeLogicalId(url: string): string {
  return `route_${url.replace(/[^a-zA-Z0-9]+/g, "_").replace(/^_|_$/g, "")}`;
}

/** `cloudfoundry_route.<name>`, for a route's Terraform name (routeLogicalId). */
export function routeAddress(logicalId: string): string {
  return address(ROUTE, logicalId);
}

/** The Terraform name of a route address, or undefined for any other address. */
export function routeOfAddress(a: string): string | undefined {
  return a.startsWith(`${ROUTE}.`) ? a.slice(ROUTE.length + 1) : undefined;
}

// Queues ----------------------------------------------------------------------------------------------

/** A queue's Terraform name is its celery name (without the environment prefix). */
export function queueLogicalId(queue: string): string {
  return queue;
}

/** Its dead-letter queue's: the celery name + `-dead-letter`. */
export function deadLetterQueueLogicalId(queue: string): string {
  return `${queue}-dead-letter`;
}

/** `aws_sqs_queue.<name>`: a queue address is also the prefix of its dead-letter queue's. */
export function queueAddress(queue: string): string {
  return address(QUEUE, queueLogicalId(queue));
}

/** `aws_sqs_queue.<name>-dead-letter`. */
export function deadLetterQueueAddress(queue: string): string {
  return address(QUEUE, deadLetterQueueLogicalId(queue));
}

// Service bindings ------------------------------------------------------------------------------------

/** One resource per service instance, named by the service, with an instance per app. */
export function bindingLogicalId(service: string): string {
  return service;
}

/** `cloudfoundry_service_credential_binding.<service>["<app>"]`, or the resource itself without an app. */
export function bindingAddress(service: string, app?: string): string {
  return `${address(BINDING, bindingLogicalId(service))}${app === undefined ? "" : `[${JSON.stringify(app)}]`}`;
}

/** The for_each form an import block targets: `cloudfoundry_service_credential_binding.<service>[each.key]`. */
export function bindingEachAddress(service: string): string {
  return `${bindingAddress(service)}[each.key]`;
}

/** The service and app a binding address names (bindingAddress with an app), or undefined. */
export function parseBindingAddress(a: string): { service: string; app: string } | undefined {
  const m = /^cloudfoundry_service_credential_binding\.([^[]+)\["([^"]+)"\]$/.exec(a);
  return m ? { service: m[1], app: m[2] } : undefined;
}

/** The data source that lists a service's existing bindings, named like the bindings. */
export function existingBindingsAddress(service: string): string {
  return dataAddress("cloudfoundry_service_credential_bindings", bindingLogicalId(service));
}

/** `["<app>", ...]`: a list of app names as an HCL literal. */
const appList = (apps: readonly string[]) => `[${apps.map((a) => JSON.stringify(a)).join(", ")}]`;

/** `{ for a in ["<app>", ...] : a => a if contains(lookup(local.live_bindings, a, []), "<service>") }`: those of the apps the platform lists as bound to the service. */
const boundOf = (service: string, apps: readonly string[]) =>
  `{ for a in ${appList(apps)} : a => a if contains(lookup(${localAddress(LOCALS.liveBindings)}, a, []), ${JSON.stringify(service)}) }`;

/** Apps kept bound that config does not bind itself (those it binds are in the first list only). */
const keptOnly = (apps: readonly string[], kept: readonly string[]) => kept.filter((a) => !apps.includes(a));

/**
 * A service's bindings' for_each: an instance per app config binds that runs (named in
 * `local.live_app_ids`), `${{ for a in ["<app>", ...] : a => a if contains(keys(local.live_app_ids), a) }}`;
 * with kept apps (forgotten, still running), merged with those of them the platform lists as bound:
 * `${merge(<that map>, { for a in ["<kept>", ...] : a => a if contains(lookup(local.live_bindings, a, []), "<service>") })}`.
 * The apps config binds are always the first list: parseBindingsForEach tells the two apart by order.
 */
export function bindingsForEach(service: string, apps: readonly string[], kept: readonly string[] = []): string {
  const declared = `{ for a in ${appList(apps)} : a => a if contains(keys(${localAddress(LOCALS.liveAppIds)}), a) }`;
  const others = keptOnly(apps, kept);
  return others.length ? `\${merge(${declared}, ${boundOf(service, others)})}` : `\${${declared}}`;
}

/** The apps of a bindingsForEach: `declared`, those config binds (the first list), and `kept`, the forgotten apps (any later list); none for any other value. */
export function parseBindingsForEach(v: unknown): { declared: string[]; kept: string[] } {
  const lists = [...String(v ?? "").matchAll(/for a in \[([^\]]*)\]/g)].map((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]));
  return { declared: lists[0] ?? [], kept: lists.slice(1).flat() };
}

/** The for_each of the data source of a service's existing bindings (existingBindingsAddress): those of the apps (and kept apps) the platform lists as bound to it. */
export function existingBindingsForEach(service: string, apps: readonly string[], kept: readonly string[] = []): string {
  return `\${${boundOf(service, [...apps, ...keptOnly(apps, kept)])}}`;
}

/** The apps an existingBindingsForEach reads, in order; none for any other value. */
export function parseExistingBindingsForEach(v: unknown): string[] {
  const { declared, kept } = parseBindingsForEach(v);
  return [...declared, ...kept];
}

// Network policies ------------------------------------------------------------------------------------

/** One policy per relationship: `<source>_to_<destination>_<protocol>_<port>`. */
export function networkPolicyLogicalId(source: string, destination: string, protocol: string, port: number): string {
  return `${source}_to_${destination}_${protocol}_${port}`;
}

/** `cloudfoundry_network_policy.<name>`, for a policy's Terraform name (networkPolicyLogicalId). */
export function networkPolicyAddress(logicalId: string): string {
  return address("cloudfoundry_network_policy", logicalId);
}

// Data sources ----------------------------------------------------------------------------------------

/** A domain data source's Terraform name: `domain-` + the domain without its dots. */
export function domainLogicalId(domain: string): string {
  return `domain-${domain.replace(/[^a-zA-Z0-9-]/g, "")}`;
}

/** `data.cloudfoundry_domain.<name>`. */
export function domainAddress(domain: string): string {
  return dataAddress("cloudfoundry_domain", domainLogicalId(domain));
}

/** The lists of what runs (apps, routes, queues), read at plan time, are all named `live`. */
export const LIVE = "live";
export const LIVE_APPS = dataAddress("cloudfoundry_apps", LIVE);
export const LIVE_ROUTES = dataAddress("cloudfoundry_routes", LIVE);
export const LIVE_QUEUES = dataAddress("aws_sqs_queues", LIVE);

/** The AWS account the stack runs in: `data.aws_caller_identity.current`. */
export const ACCOUNT = "current";

// Locals and the instance count -----------------------------------------------------------------------

/** The locals the stack derives from the live apps, by name. */
export const LOCALS = { liveInstances: "live_instances", liveAppIds: "live_app_ids", liveBindings: "live_bindings" } as const;

/** `local.<name>`. */
export function localAddress(name: string): string {
  return `local.${name}`;
}

/** An autoscaled app's deployed count, at least `least` (its floor or autoscaler minimum, whichever is higher): `${max(<least>, lookup(local.live_instances, "<app>", 0))}`. */
export function liveInstancesExpression(least: number, app: string): string {
  return `\${max(${least}, lookup(${localAddress(LOCALS.liveInstances)}, "${app}", 0))}`;
}

/** The least count and app of a liveInstancesExpression, or undefined for any other value. */
export function parseLiveInstances(v: unknown): { least: number; app: string } | undefined {
  const m = typeof v === "string" ? /^\$\{max\((\d+), lookup\(local\.live_instances, "([^"]+)", 0\)\)\}$/.exec(v) : null;
  return m ? { least: Number(m[1]), app: m[2] } : undefined;
}
