import { Construct } from "constructs";
import { App } from "../.gen/providers/cloudfoundry/app";
import { Route } from "../.gen/providers/cloudfoundry/route";

/** CF health checks; the invocation timeout is whole seconds, used by port and http, and held by CC for every type. */
export type CfHealthCheck =
  | { readonly type: "process"; readonly invocationTimeoutSeconds: number }
  | { readonly type: "port"; readonly invocationTimeoutSeconds: number }
  | { readonly type: "http"; readonly endpoint: string; readonly invocationTimeoutSeconds: number };

export interface CfRoute {
  /** GUID of the domain (a data source's id). */
  readonly domainId: string;
  readonly host: string;
  /** @default none: the whole host */
  readonly path?: string;
  /** host.domain/path: names the route's construct. */
  readonly url: string;
  /** The route's Terraform name, from the stack (stacks/addresses.ts): never derived from the tree. */
  readonly logicalId: string;
  /** Whether Terraform refuses to destroy or replace the route (`prevent_destroy`). @default false */
  readonly preventDestroy?: boolean;
}

export interface CfAppProps {
  readonly name: string;
  /**
   * The app's Terraform name, from the stack (stacks/addresses.ts): a stable address that does not
   * depend on the construct tree, so moving this construct never destroys and recreates a running app.
   */
  readonly logicalId: string;
  readonly orgName: string;
  readonly spaceName: string;
  /** GUID of the space, for the routes. */
  readonly spaceId: string;
  readonly memory: string;
  readonly diskQuota: string;
  /** A number, or a token computed at plan time. */
  readonly instances: number;
  readonly healthCheck: CfHealthCheck;
  /**
   * The stack (cflinuxfs3, cflinuxfs4). Optional and computed in the provider: left unset, the app stays
   * on the stack it runs on, and removing it from config plans no change. @default not set
   */
  readonly stack?: string;
  readonly command: string;
  readonly buildpacks: readonly string[];
  /** Seconds CF waits for an instance to become healthy; undefined leaves `timeout` unset (the foundation's default). */
  readonly startupTimeoutSeconds: number | undefined;
  readonly strategy: "rolling";
  /** `enable_ssh`, always set: left unset, the provider switches SSH off on every push. */
  readonly enableSsh: boolean;
  /** Path of the app's zip; a deploy input, never a literal in code. */
  readonly path: string;
  readonly sourceCodeHash: string;
  /** Routes owned by this app through `cloudfoundry_route` destinations. */
  readonly routes: readonly CfRoute[];
  /**
   * Service instance names the app is bound to when it is created (its manifest's `services`, bound
   * before it first starts). Once the app runs, its bindings are ServiceBindings resources and this is
   * left unset: set, any change to it would replace the app (provider notes g).
   */
  readonly serviceBindings: readonly string[];
  /** An expression that is true when the app already runs (its bindings are then resources). */
  readonly runs: string;
  /** Plain variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Variables whose values are tokens from the secret store. */
  readonly secretEnvironment: Readonly<Record<string, string>>;
  /** Names that must be absent from the app, with the reason. */
  readonly unsetEnvironment: readonly { readonly name: string; readonly reason: string }[];
  /** Annotations that explain the app to someone reading `cf curl`. @default none */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Whether Terraform refuses to destroy or replace the app (`prevent_destroy`, which holds for any
   * path to apply); each route says so for itself. @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * One Cloud Foundry app with its routes.
 *
 * Routes are separate `cloudfoundry_route` resources whose destinations point at the app, and the app's
 * own `routes` attribute is never set: the provider replaces (destroys and recreates) an app whose
 * configured `routes` change, so adding a route would have been an outage. Unset variables are
 * guaranteed absent because the provider deletes every variable that is not in configuration.
 */
export class CfApp extends Construct {
  readonly resource: App;
  readonly routes: readonly Route[];

  constructor(scope: Construct, id: string, props: CfAppProps) {
    super(scope, id);
    const hc = props.healthCheck;
    this.resource = new App(this, "app", {
      name: props.name,
      orgName: props.orgName,
      spaceName: props.spaceName,
      memory: props.memory,
      diskQuota: props.diskQuota,
      instances: props.instances,
      healthCheckType: hc.type,
      ...(hc.type === "http" ? { healthCheckHttpEndpoint: hc.endpoint } : {}),
      // Declared for every type: CC keeps it and the provider reads it back (config/types.ts HealthCheck).
      healthCheckInvocationTimeout: hc.invocationTimeoutSeconds,
      ...(props.stack ? { stack: props.stack } : {}),
      command: props.command,
      buildpacks: [...props.buildpacks],
      ...(props.startupTimeoutSeconds !== undefined ? { timeout: props.startupTimeoutSeconds } : {}),
      strategy: props.strategy,
      enableSsh: props.enableSsh,
      path: props.path,
      sourceCodeHash: props.sourceCodeHash,
      environment: { ...props.environment, ...props.secretEnvironment },
      ...(props.annotations ? { annotations: { ...props.annotations } } : {}),
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    const bindings = props.serviceBindings.map((s) => `{ service_instance = ${JSON.stringify(s)}, params = "{}" }`).join(", ");
    this.resource.addOverride("service_bindings", `\${${props.runs} ? null : [${bindings}]}`);
    this.resource.overrideLogicalId(props.logicalId);

    this.routes = props.routes.map((r) => {
      const route = new Route(this, `route-${r.url}`, {
        space: props.spaceId,
        domain: r.domainId,
        host: r.host,
        ...(r.path ? { path: r.path } : {}),
        destinations: [{ appId: this.resource.id }],
        ...(r.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
      });
      route.overrideLogicalId(r.logicalId);
      return route;
    });

    this.node.addValidation({ validate: () => validateEnvironment(props) });
  }
}

/** Problems with an app's variables: a name both set and unset, or set twice. */
export function validateEnvironment(props: Pick<CfAppProps, "name" | "environment" | "secretEnvironment" | "unsetEnvironment">): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(props.secretEnvironment)) {
    if (name in props.environment) problems.push(`${props.name}: ${name} is set both as a plain value and from the secret store`);
  }
  for (const u of props.unsetEnvironment) {
    if (u.name in props.environment || u.name in props.secretEnvironment) {
      problems.push(`${props.name}: ${u.name} must be absent (${u.reason}) but is set; remove it from config`);
    }
  }
  for (const [name, value] of Object.entries(props.environment)) {
    if (value === "None" || value === "null" || value === "") {
      problems.push(`${props.name}: ${name} is "${value}", which the app reads as a truthy string; leave it out instead`);
    }
  }
  return problems;
}
