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
import { CfApp, routeLogicalId } from "../constructs/cf-app";
import { Adoption } from "../constructs/adoption";
import { ServiceBindings } from "../constructs/service-bindings";
import { CeleryQueue } from "../constructs/celery-queue";
import { AppToAppPolicy } from "../constructs/app-to-app-policy";
import { QueueAccessBoundary } from "../constructs/queue-access-boundary";
import type { ResolvedApp, ResolvedEnvironment } from "../config";
import { effectiveFloor } from "../config/invariants";
import { forgottenAddresses } from "./lifecycle";

export const CLOUDFOUNDRY_PROVIDER_VERSION = "1.16.0";
export const AWS_PROVIDER_VERSION = "5.100.0";

export interface EnvironmentStackProps {
  readonly environment: ResolvedEnvironment;
}

/** One environment (CF space + its SQS queues): `cdktf diff <env>` and `cdktf deploy <env>` act on it. */
export class EnvironmentStack extends TerraformStack {
  readonly apps: Readonly<Record<string, CfApp>> = {};
  readonly queues: Readonly<Record<string, CeleryQueue>> = {};

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    const env = props.environment;

    // Credentials come from the environment of whoever plans: CF_USER/CF_PASSWORD (or CF_ACCESS_TOKEN)
    // for Cloud Foundry, the usual AWS_* variables or profile for AWS.
    new CloudfoundryProvider(this, "cloudfoundry", { apiUrl: env.cfApiUrl });
    new AwsProvider(this, "aws", { region: env.awsRegion });
    // Exact versions: a provider upgrade is a reviewed change, never a side effect of `terraform init`.
    this.addOverride("terraform.required_providers.cloudfoundry.version", CLOUDFOUNDRY_PROVIDER_VERSION);
    this.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);
    this.addOverride("terraform.required_providers.aws.source", "hashicorp/aws");
    // Each environment's state in its own bucket and key, encrypted, with S3's native lock file so that
    // two applies can never run at once. Offline work (tests, synth, the diff, terraform validate) never
    // initialises a backend, so nobody needs a flag to work without AWS credentials.
    new S3Backend(this, { bucket: env.state.bucket, key: env.state.key, region: env.state.region, encrypt: true });
    // cdktf 0.21 has no typed option for use_lockfile (Terraform >= 1.10).
    this.addOverride("terraform.backend.s3.use_lockfile", true);

    const artifactPath = new TerraformVariable(this, "app_artifact_path", {
      type: "string",
      description: "Path of the notifications-api zip to push (the provider uploads it on every apply).",
    });
    const artifactHash = new TerraformVariable(this, "app_artifact_sha256", {
      type: "string",
      description: "SHA-256 of that zip, so that a new build is a planned change.",
    });

    // Things this estate uses but does not own.
    const org = new DataCloudfoundryOrg(this, "org", { name: env.org });
    const space = new DataCloudfoundrySpace(this, "space", { name: env.space, org: org.id });
    const domains = new Map<string, DataCloudfoundryDomain>();
    const domainId = (name: string) => {
      let d = domains.get(name);
      if (!d) {
        d = new DataCloudfoundryDomain(this, `domain-${name}`, { name });
        d.overrideLogicalId(domainLogicalId(name));
        domains.set(name, d);
      }
      return d.id;
    };
    const serviceInstances = new Map<string, DataCloudfoundryServiceInstance>();
    for (const name of new Set(env.apps.flatMap((a) => a.services))) {
      serviceInstances.set(name, new DataCloudfoundryServiceInstance(this, `service-${name}`, { name, space: space.id }));
    }
    const exporter = new DataCloudfoundryApp(this, "statsd-exporter", {
      name: env.statsd.exporterApp,
      spaceName: env.space,
      orgName: env.org,
    });

    // Live instance counts, read at plan time. cloudfoundry_apps returns an empty list rather than an
    // error for an app that does not exist yet; in provider 1.16.0 the count is on the web process.
    const live = new DataCloudfoundryApps(this, "live-apps", { space: space.id });
    live.overrideLogicalId("live");
    const liveInstances = new TerraformLocal(
      this,
      "live_instances",
      '${{ for a in data.cloudfoundry_apps.live.apps : a.name => coalesce(try(one([for p in a.processes : p.instances if p.type == "web"]), 0), 0) }}',
    );
    liveInstances.overrideLogicalId("live_instances");
    new TerraformLocal(this, "live_app_ids", "${{ for a in data.cloudfoundry_apps.live.apps : a.name => a.id }}").overrideLogicalId("live_app_ids");
    new TerraformLocal(
      this,
      "live_bindings",
      "${{ for a in data.cloudfoundry_apps.live.apps : a.name => (a.service_bindings == null ? [] : [for b in a.service_bindings : b.service_instance]) }}",
    ).overrideLogicalId("live_bindings");

    const parameters = new Map<string, string>();
    for (const p of env.parameters) {
      const data = new DataAwsSsmParameter(this, `ssm-${p.name}`, { name: p.parameterName, withDecryption: p.kind === "secret" });
      // Secrets stay sensitive all the way into the plan; settings are shown so that reviewers see them.
      parameters.set(p.name, p.kind === "secret" ? data.value : data.insecureValue);
    }

    // Production's stateful objects refuse destruction and replacement in Terraform itself (any path to
    // apply, a person's cdktf deploy included), unless config accepts that address for a reviewed change.
    const accepted = new Set(env.allowedDestructiveChanges.map((a) => a.address));
    const preventDestroy = (address: string) => env.name === "production" && !accepted.has(address);

    // The first deploy against a running estate imports what exists instead of creating it again.
    const adoption = new Adoption(this, "adoption", { spaceId: space.id, queuePrefix: env.queuePrefix, liveAppsAddress: "data.cloudfoundry_apps.live" });

    const apps: Record<string, CfApp> = {};
    for (const app of env.apps) {
      apps[app.name] = new CfApp(this, app.name, {
        name: app.name,
        orgName: env.org,
        spaceName: env.space,
        spaceId: space.id,
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
        path: artifactPath.stringValue,
        sourceCodeHash: artifactHash.stringValue,
        routes: app.routes.map((r) => ({ domainId: domainId(r.domain), host: r.host, path: r.path, url: r.url })),
        serviceBindings: app.services,
        runs: `contains(keys(local.live_app_ids), ${JSON.stringify(app.name)})`,
        environment: app.env,
        secretEnvironment: Object.fromEntries(app.secretEnv.map((s) => [s.name, parameters.get(s.name) ?? ""])),
        unsetEnvironment: app.unsetEnv,
        annotations: app.oneOffTask ? { "notify/one-off-task": `${app.oneOffTask.name}: ${app.oneOffTask.command}` } : undefined,
        preventDestroy,
      });
    }
    this.apps = apps;
    for (const app of env.apps) {
      adoption.app(`cloudfoundry_app.${app.name}`, app.name);
      for (const r of app.routes) {
        adoption.route(`cloudfoundry_route.${routeLogicalId(r.url)}`, `data.cloudfoundry_domain.${domainLogicalId(r.domain)}.id`, r.host, r.path);
      }
    }

    for (const app of env.apps.filter((a) => a.sendsStatsd)) {
      new AppToAppPolicy(this, `statsd-${app.name}`, {
        source: { name: app.name, id: apps[app.name].resource.id },
        destination: { name: env.statsd.exporterApp, id: exporter.id },
        port: env.statsd.port,
        protocol: "udp",
      });
    }

    const account = new DataAwsCallerIdentity(this, "aws-account");
    account.overrideLogicalId("current");
    const queues: Record<string, CeleryQueue> = {};
    for (const q of env.queues) {
      queues[q.name] = new CeleryQueue(this, `queue-${q.name}`, {
        queueName: q.name,
        sqsName: q.sqsName,
        visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
        messageRetentionSeconds: q.messageRetentionSeconds,
        deadLetter: q.deadLetter,
        region: env.awsRegion,
        accountId: account.accountId,
        consumers: [...q.consumers, ...(q.externalConsumer ? [q.externalConsumer.app] : [])],
        environment: env.name,
        preventDestroy,
      });
    }
    this.queues = queues;
    for (const q of env.queues) {
      adoption.queue(`aws_sqs_queue.${q.name}`, q.sqsName);
      adoption.queue(`aws_sqs_queue.${q.name}-dead-letter`, q.deadLetter.sqsName);
    }

    // An app forgotten rather than retired keeps running: its bindings stay (an app's removal from
    // config alone must never unbind the services it still runs with).
    const forgottenApps = [...new Set(forgottenAddresses(env).filter((x) => x.startsWith("cloudfoundry_app.")).map((x) => x.slice("cloudfoundry_app.".length)))];
    for (const [name, instance] of serviceInstances) {
      const bound = env.apps.filter((a) => a.services.includes(name)).map((a) => a.name);
      const bindings = new ServiceBindings(this, `bindings-${name}`, {
        service: name,
        serviceInstanceId: instance.id,
        apps: bound,
        keepBoundApps: forgottenApps,
        after: bound.map((a) => `cloudfoundry_app.${a}`),
        liveAppIds: "local.live_app_ids",
        liveBindings: "local.live_bindings",
      });
      adoption.addBlock(bindings.importBlock);
    }

    // An app, route or queue that config no longer declares is forgotten, never destroyed, unless
    // config/retired.ts retires it (then it is destroyed, and the plan guard shows the reason).
    const forgotten = forgottenAddresses(env);
    if (forgotten.length) this.addOverride("removed", forgotten.map((from) => ({ from, lifecycle: { destroy: false } })));

    new QueueAccessBoundary(this, "queue-access-boundary", {
      environment: env.name,
      region: env.awsRegion,
      queuePrefix: env.queuePrefix,
      iamUser: env.appsIamUser,
      accountId: account.accountId,
      externalQueues: env.apps.flatMap((a) => a.externalQueues?.sqsNames ?? []),
    });
    withoutCrossStackPass(this);
  }
}

/** The Terraform name of a domain data source (data.cloudfoundry_domain.<this>). */
function domainLogicalId(name: string): string {
  return `domain-${name.replace(/[^a-zA-Z0-9-]/g, "")}`;
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
 * The instance count a deploy sets. Fixed apps get their count. Autoscaled apps get the larger of the
 * live count and the floor (never below an incident floor, config/invariants.ts): leaving `instances`
 * unset makes provider 1.16.0 push 1 instance on any change, and a lower literal would scale the app
 * down while the autoscaler is frozen by the deploy.
 */
export function deployInstances(env: Pick<ResolvedEnvironment, "name">, app: ResolvedApp): number {
  if (app.instances.mode === "fixed") return app.instances.count;
  return Token.asNumber(`\${max(${effectiveFloor(env, app)}, lookup(local.live_instances, "${app.name}", 0))}`);
}
