import { Construct } from "constructs";
import { S3Backend, TerraformLocal, TerraformStack, TerraformVariable, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { CloudfoundryProvider } from "../.gen/providers/cloudfoundry/provider";
import { DataCloudfoundryOrg } from "../.gen/providers/cloudfoundry/data-cloudfoundry-org";
import { DataCloudfoundrySpace } from "../.gen/providers/cloudfoundry/data-cloudfoundry-space";
import { DataCloudfoundryDomain } from "../.gen/providers/cloudfoundry/data-cloudfoundry-domain";
import { DataCloudfoundryApp } from "../.gen/providers/cloudfoundry/data-cloudfoundry-app";
import { DataCloudfoundryApps } from "../.gen/providers/cloudfoundry/data-cloudfoundry-apps";
import { DataCloudfoundryServiceInstance } from "../.gen/providers/cloudfoundry/data-cloudfoundry-service-instance";
import { CfApp } from "../constructs/cf-app";
import { Adoption } from "../constructs/adoption";
import { ServiceBindings } from "../constructs/service-bindings";
import { CeleryQueue } from "../constructs/celery-queue";
import { AppToAppPolicy } from "../constructs/app-to-app-policy";
import { QueueAccessBoundary } from "../constructs/queue-access-boundary";
import type { ResolvedApp, ResolvedEnvironment } from "../config";
import { effectiveFloor } from "../config/invariants";
import { forgottenAddresses, queueConstructId } from "./lifecycle";
import * as addr from "./addresses";

export const CLOUDFOUNDRY_PROVIDER_VERSION = "1.16.0";
export const AWS_PROVIDER_VERSION = "5.100.0";

export interface EnvironmentStackProps {
  readonly environment: ResolvedEnvironment;
}

/** What the platform already has that the apps and bindings refer to: looked up, never managed here. */
interface Platform {
  readonly spaceId: string;
  readonly serviceInstances: ReadonlyMap<string, DataCloudfoundryServiceInstance>;
  readonly exporterId: string;
}

/**
 * One environment (CF space + its SQS queues): `cdktf diff <env>` and `cdktf deploy <env>` act on it.
 * The constructor only composes the steps below, in the order they add to the stack (the order of the
 * synthesized JSON, so it stays as it is).
 */
export class EnvironmentStack extends TerraformStack {
  readonly apps: Readonly<Record<string, CfApp>>;
  readonly queues: Readonly<Record<string, CeleryQueue>>;
  private readonly env: ResolvedEnvironment;
  /** The addresses config accepts a destroy or replace for (allowedDestructiveChanges without a `change`: one for an in-place change lifts nothing). */
  private readonly accepted: ReadonlySet<string>;
  private readonly domains = new Map<string, DataCloudfoundryDomain>();

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    this.env = props.environment;
    this.accepted = new Set(this.env.allowedDestructiveChanges.filter((a) => a.change === undefined).map((a) => a.address));
    this.providers();
    this.backend();
    const artifact = this.artifactInputs();
    const platform = this.platform();
    this.liveLocals(platform.spaceId);
    const parameters = this.secretStore();
    const adoption = this.adoption(platform.spaceId);
    this.apps = this.cfApps(platform.spaceId, artifact, parameters);
    this.adoptApps(adoption);
    this.networkPolicies(platform.exporterId);
    const accountId = this.account();
    this.queues = this.celeryQueues(accountId);
    this.adoptQueues(adoption);
    this.bindings(platform.serviceInstances, adoption);
    this.removals();
    this.queueBoundary(accountId);
    withoutCrossStackPass(this);
  }

  /** Both providers, pinned to exact versions: a provider upgrade is a reviewed change, never a side effect of `terraform init`. */
  private providers(): void {
    // Credentials come from the environment of whoever plans: CF_USER/CF_PASSWORD (or CF_ACCESS_TOKEN)
    // for Cloud Foundry, the usual AWS_* variables or profile for AWS.
    new CloudfoundryProvider(this, "cloudfoundry", { apiUrl: this.env.cfApiUrl });
    new AwsProvider(this, "aws", { region: this.env.awsRegion });
    this.addOverride("terraform.required_providers.cloudfoundry.version", CLOUDFOUNDRY_PROVIDER_VERSION);
    this.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);
    this.addOverride("terraform.required_providers.aws.source", "hashicorp/aws");
  }

  /** Each environment's state in its own bucket and key, encrypted and locked, so that two applies never run at once. */
  private backend(): void {
    // S3's native lock file. Offline work (tests, synth, the diff, terraform validate) never
    // initialises a backend, so nobody needs a flag to work without AWS credentials.
    const state = this.env.state;
    new S3Backend(this, { bucket: state.bucket, key: state.key, region: state.region, encrypt: true });
    // cdktf 0.21 has no typed option for use_lockfile (Terraform >= 1.10).
    this.addOverride("terraform.backend.s3.use_lockfile", true);
  }

  /** The zip every app pushes and its hash are deploy inputs (variables), never literals in code. */
  private artifactInputs(): { path: string; sha256: string } {
    const path = new TerraformVariable(this, "app_artifact_path", {
      type: "string",
      description: "Path of the notifications-api zip to push (the provider uploads it on every apply).",
    });
    const sha256 = new TerraformVariable(this, "app_artifact_sha256", {
      type: "string",
      description: "SHA-256 of that zip, so that a new build is a planned change.",
    });
    return { path: path.stringValue, sha256: sha256.stringValue };
  }

  /** What this estate uses but does not own (org, space, service instances, the statsd exporter) is looked up. */
  private platform(): Platform {
    const env = this.env;
    const org = new DataCloudfoundryOrg(this, "org", { name: env.org });
    const space = new DataCloudfoundrySpace(this, "space", { name: env.space, org: org.id });
    const serviceInstances = new Map<string, DataCloudfoundryServiceInstance>();
    for (const name of new Set(env.apps.flatMap((a) => a.services))) {
      serviceInstances.set(name, new DataCloudfoundryServiceInstance(this, `service-${name}`, { name, space: space.id }));
    }
    const exporter = new DataCloudfoundryApp(this, "statsd-exporter", {
      name: env.statsd.exporterApp,
      spaceName: env.space,
      orgName: env.org,
    });
    return { spaceId: space.id, serviceInstances, exporterId: exporter.id };
  }

  /** A domain is looked up once, when the first route on it is declared. */
  private domainId(name: string): string {
    let d = this.domains.get(name);
    if (!d) {
      d = new DataCloudfoundryDomain(this, `domain-${name}`, { name });
      d.overrideLogicalId(addr.domainLogicalId(name));
      this.domains.set(name, d);
    }
    return d.id;
  }

  /** Live instance counts, app ids and bindings are read at plan time, from the space's list of apps. */
  private liveLocals(spaceId: string): void {
    // cloudfoundry_apps returns an empty list rather than an error for an app that does not exist yet;
    // in provider 1.16.0 the count is on the web process.
    const live = new DataCloudfoundryApps(this, "live-apps", { space: spaceId });
    live.overrideLogicalId(addr.LIVE);
    const local = (name: string, expression: string) => new TerraformLocal(this, name, expression).overrideLogicalId(name);
    local(
      addr.LOCALS.liveInstances,
      `\${{ for a in ${addr.LIVE_APPS}.apps : a.name => coalesce(try(one([for p in a.processes : p.instances if p.type == "web"]), 0), 0) }}`,
    );
    local(addr.LOCALS.liveAppIds, `\${{ for a in ${addr.LIVE_APPS}.apps : a.name => a.id }}`);
    local(
      addr.LOCALS.liveBindings,
      `\${{ for a in ${addr.LIVE_APPS}.apps : a.name => (a.service_bindings == null ? [] : [for b in a.service_bindings : b.service_instance]) }}`,
    );
  }

  /** Secrets stay sensitive all the way into the plan; settings are shown so that reviewers see them. */
  private secretStore(): Map<string, string> {
    const parameters = new Map<string, string>();
    for (const p of this.env.parameters) {
      const data = new DataAwsSsmParameter(this, `ssm-${p.name}`, { name: p.parameterName, withDecryption: p.kind === "secret" });
      parameters.set(p.name, p.kind === "secret" ? data.value : data.insecureValue);
    }
    return parameters;
  }

  /**
   * Production's stateful objects refuse destruction and replacement in Terraform itself (any path to
   * apply, a person's cdktf deploy included), unless config accepts that address for a reviewed change.
   */
  private protects(address: string): boolean {
    return this.env.name === "production" && !this.accepted.has(address);
  }

  /** The first deploy against a running estate imports what exists instead of creating it again. */
  private adoption(spaceId: string): Adoption {
    return new Adoption(this, "adoption", {
      spaceId,
      queuePrefix: this.env.queuePrefix,
      live: {
        apps: addr.LIVE_APPS,
        routes: { logicalId: addr.LIVE, address: addr.LIVE_ROUTES },
        queues: { logicalId: addr.LIVE, address: addr.LIVE_QUEUES },
      },
    });
  }

  /** Every app of config, with its routes, at the address of its CF name. */
  private cfApps(spaceId: string, artifact: { path: string; sha256: string }, parameters: ReadonlyMap<string, string>): Record<string, CfApp> {
    const env = this.env;
    const apps: Record<string, CfApp> = {};
    for (const app of env.apps) {
      apps[app.name] = new CfApp(this, app.name, {
        name: app.name,
        logicalId: addr.appLogicalId(app.name),
        orgName: env.org,
        spaceName: env.space,
        spaceId,
        memory: app.memory,
        diskQuota: app.diskQuota,
        instances: deployInstances(env, app),
        healthCheck: app.healthCheck,
        stack: app.stack,
        command: app.command,
        buildpacks: [env.buildpack],
        startupTimeoutSeconds: env.startupTimeoutSeconds,
        strategy: env.deployStrategy,
        enableSsh: env.sshEnabled,
        path: artifact.path,
        sourceCodeHash: artifact.sha256,
        routes: app.routes.map((r) => {
          const logicalId = addr.routeLogicalId(r.url);
          return { domainId: this.domainId(r.domain), host: r.host, path: r.path, url: r.url, logicalId, preventDestroy: this.protects(addr.routeAddress(logicalId)) };
        }),
        serviceBindings: app.services,
        runs: `contains(keys(${addr.localAddress(addr.LOCALS.liveAppIds)}), ${JSON.stringify(app.name)})`,
        environment: app.env,
        secretEnvironment: Object.fromEntries(app.secretEnv.map((s) => [s.name, parameters.get(s.name) ?? ""])),
        unsetEnvironment: app.unsetEnv,
        annotations: app.oneOffTask ? { "notify/one-off-task": `${app.oneOffTask.name}: ${app.oneOffTask.command}` } : undefined,
        preventDestroy: this.protects(addr.appAddress(app.name)),
      });
    }
    return apps;
  }

  /** Each app and each of its routes is imported when it already runs. */
  private adoptApps(adoption: Adoption): void {
    for (const app of this.env.apps) {
      adoption.app(addr.appAddress(app.name), app.name);
      for (const r of app.routes) {
        adoption.route(addr.routeAddress(addr.routeLogicalId(r.url)), `${addr.domainAddress(r.domain)}.id`, r.host, r.path);
      }
    }
  }

  /** Every app that sends statsd may reach the exporter over UDP: one policy per app. */
  private networkPolicies(exporterId: string): void {
    const env = this.env;
    for (const app of env.apps.filter((a) => a.sendsStatsd)) {
      new AppToAppPolicy(this, `statsd-${app.name}`, {
        sourceAppId: this.apps[app.name].resource.id,
        destinationAppId: exporterId,
        port: env.statsd.port,
        protocol: "udp",
        logicalId: addr.networkPolicyLogicalId(app.name, env.statsd.exporterApp, "udp", env.statsd.port),
      });
    }
  }

  /** The AWS account the queues live in, looked up so that their ARNs can be spelled out. */
  private account(): string {
    const account = new DataAwsCallerIdentity(this, "aws-account");
    account.overrideLogicalId(addr.ACCOUNT);
    return account.accountId;
  }

  /** Every queue of config with its dead-letter queue, at the address of its celery name. */
  private celeryQueues(accountId: string): Record<string, CeleryQueue> {
    const env = this.env;
    const queues: Record<string, CeleryQueue> = {};
    for (const q of env.queues) {
      queues[q.name] = new CeleryQueue(this, queueConstructId(q.name), {
        sqsName: q.sqsName,
        visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
        messageRetentionSeconds: q.messageRetentionSeconds,
        deadLetter: q.deadLetter,
        region: env.awsRegion,
        accountId,
        consumers: [...q.consumers, ...(q.externalConsumer ? [q.externalConsumer.app] : [])],
        environment: env.name,
        terraformNames: { queue: addr.queueLogicalId(q.name), deadLetter: addr.deadLetterQueueLogicalId(q.name) },
        preventDestroy: { queue: this.protects(addr.queueAddress(q.name)), deadLetter: this.protects(addr.deadLetterQueueAddress(q.name)) },
      });
    }
    return queues;
  }

  /** Each queue and its dead-letter queue is imported when it already exists. */
  private adoptQueues(adoption: Adoption): void {
    for (const q of this.env.queues) {
      adoption.queue(addr.queueAddress(q.name), q.sqsName);
      adoption.queue(addr.deadLetterQueueAddress(q.name), q.deadLetter.sqsName);
    }
  }

  /**
   * Each service instance is bound to the apps that use it, after those apps, and its existing bindings
   * are imported; an app forgotten rather than retired keeps running, so its bindings stay (an app's
   * removal from config alone must never unbind the services it still runs with).
   */
  private bindings(serviceInstances: ReadonlyMap<string, DataCloudfoundryServiceInstance>, adoption: Adoption): void {
    const env = this.env;
    const forgottenApps = [...new Set(forgottenAddresses(env).flatMap((a) => addr.appOfAddress(a) ?? []))];
    for (const [name, instance] of serviceInstances) {
      const bound = env.apps.filter((a) => a.services.includes(name)).map((a) => a.name);
      new ServiceBindings(this, `bindings-${name}`, {
        logicalId: addr.bindingLogicalId(name),
        serviceInstanceId: instance.id,
        forEach: addr.bindingsForEach(name, bound, forgottenApps),
        existingForEach: addr.existingBindingsForEach(name, bound, forgottenApps),
        after: bound.map(addr.appAddress),
        liveAppIds: addr.localAddress(addr.LOCALS.liveAppIds),
      });
      adoption.bindings(addr.bindingEachAddress(name), addr.existingBindingsAddress(name));
    }
  }

  /**
   * An app, route or queue that config no longer declares is forgotten, never destroyed, unless
   * config/retired.ts retires it (then it is destroyed, and the plan guard shows the reason).
   */
  private removals(): void {
    const forgotten = forgottenAddresses(this.env);
    if (forgotten.length) this.addOverride("removed", forgotten.map((from) => ({ from, lifecycle: { destroy: false } })));
  }

  /** The apps' IAM user may touch no queue outside its environment's prefix (and the other estates' queues it consumes). */
  private queueBoundary(accountId: string): void {
    const env = this.env;
    new QueueAccessBoundary(this, "queue-access-boundary", {
      environment: env.name,
      region: env.awsRegion,
      queuePrefix: env.queuePrefix,
      iamUser: env.appsIamUser,
      accountId,
      externalQueues: env.apps.flatMap((a) => a.externalQueues?.sqsNames ?? []),
    });
  }
}

/**
 * Environments are independent by design: preview must never read from or wait for production. So no
 * stack references another, and cdktf's preparing pass, which resolves every element once more only
 * to discover cross-stack references, has nothing to find; skipping it saves a third of the synth. A
 * test synthesizes with and without the pass and requires identical output.
 */
export function withoutCrossStackPass(stack: TerraformStack): void {
  stack.prepareStack = () => {
    stack.ensureBackendExists();
  };
}

/**
 * The fewest instances a deploy runs of an app: a fixed app's count; for an autoscaled app the larger
 * of its floor (never below an incident floor, config/invariants.ts) and its autoscaler minimum, so
 * that raising the minimum in config is the one line that brings the app up to it.
 */
export function deployMinimum(env: Pick<ResolvedEnvironment, "name">, app: ResolvedApp): number {
  if (app.instances.mode === "fixed") return app.instances.count;
  return Math.max(effectiveFloor(env, app), app.instances.autoscaler.min);
}

/**
 * The instance count a deploy sets. Fixed apps get their count. Autoscaled apps get the larger of the
 * live count and deployMinimum: leaving `instances` unset makes provider 1.16.0 push 1 instance on any
 * change, and a lower literal would scale the app down while the autoscaler is frozen by the deploy.
 */
export function deployInstances(env: Pick<ResolvedEnvironment, "name">, app: ResolvedApp): number {
  if (app.instances.mode === "fixed") return app.instances.count;
  return Token.asNumber(addr.liveInstancesExpression(deployMinimum(env, app), app.name));
}
