import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { instanceFigures, type ResolvedApp, type ResolvedEnvironment } from "../config";

/** How a secret appears in a manifest: a reference to where the value lives, never the value. */
export function secretReference(parameterName: string): string {
  return `((ssm:${parameterName}))`;
}

function instancesFor(app: ResolvedApp): { value: number; comment: string } {
  if (app.instances.mode === "fixed") return { value: app.instances.count, comment: " fixed on every deploy" };
  const { autoscaler } = app.instances;
  return {
    value: instanceFigures(app).deploy,
    comment: ` at least; a deploy keeps the live count if higher (autoscaler ${autoscaler.min}-${autoscaler.max})`,
  };
}

/**
 * One app's effective configuration in one environment as a Cloud Foundry manifest: what
 * `CF_APP=<app> CF_SPACE=<env> make generate-manifest` renders in notifications-api, with secrets as references.
 */
export function manifestFor(env: ResolvedEnvironment, app: ResolvedApp): string {
  const hc = app.healthCheck;
  const instances = instancesFor(app);
  const entry: Record<string, unknown> = {
    name: app.name,
    buildpacks: [env.buildpack],
    ...(app.stack ? { stack: app.stack } : {}),
    memory: app.memory,
    disk_quota: app.diskQuota,
    instances: instances.value,
    command: app.command,
    "health-check-type": hc.type,
    ...(hc.type === "http" ? { "health-check-http-endpoint": hc.endpoint } : {}),
    "health-check-invocation-timeout": hc.invocationTimeoutSeconds,
    ...(env.startupTimeoutSeconds !== undefined ? { timeout: env.startupTimeoutSeconds } : {}),
    ...(app.routes.length ? { routes: app.routes.map((r) => ({ route: r.url })) } : { "no-route": true }),
    services: [...app.services],
    env: {
      ...Object.fromEntries(Object.entries(app.env).sort(([a], [b]) => a.localeCompare(b))),
      ...Object.fromEntries(
        [...app.secretEnv].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, secretReference(s.parameterName)]),
      ),
    },
  };
  const doc = new Document({ applications: [entry] });
  doc.commentBefore =
    ` ${app.name} in ${env.name} (space ${env.org}/${env.space}), from config/ of notify-estate.\n` +
    ` Secrets are references to SSM parameters; Terraform reads the values at plan time.\n` +
    ` Deployed with strategy ${env.deployStrategy} by \`cdktf deploy ${env.name}\`, not by cf push.`;
  const apps = doc.get("applications");
  const node = isSeq(apps) ? (apps.items[0] as YAMLMap) : undefined;
  if (node && isMap(node)) {
    const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === "instances");
    if (pair?.value && typeof pair.value === "object") (pair.value as { comment?: string }).comment = instances.comment;
    if (app.unsetEnv.length || app.oneOffTask) {
      node.comment = [
        ...app.unsetEnv.map((u) => ` must be absent: ${u.name} (${u.reason})`),
        ...(app.oneOffTask ? [` one-off task: cf run-task ${app.name} --command "${app.oneOffTask.command}" --name ${app.oneOffTask.name}`] : []),
      ].join("\n");
    }
  }
  return `---\n${doc.toString({ lineWidth: 0 })}`;
}
