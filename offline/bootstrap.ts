import type { ResolvedEnvironment } from "../config";
import { cfUsers } from "../config/identities";
import { madeUpCredential, REHEARSAL_ACCOUNT_ID, stableGuid } from "./made-up";
import type { PlatformData } from "./standin/platform";

export { REHEARSAL_ACCOUNT_ID, stableGuid } from "./made-up";

// What must exist before this estate can be deployed at all (docs/deploying.md: Bootstrapping an environment):
// the org and space, the domains its routes use, the service instances its apps bind, the statsd
// exporter app, and one SSM parameter per secret or setting. Derived from config, with stand-in GUIDs
// and values: it is a rehearsal platform, not a copy of a real one. No app, route or queue of this
// estate exists on it: that is the empty platform the first deploy of a new environment meets.

export function bootstrapPlatform(env: ResolvedEnvironment): PlatformData {
  const domains = new Set<string>(env.apps.flatMap((a) => a.routes.map((r) => r.domain)));
  const services = new Set<string>(env.apps.flatMap((a) => a.services));
  return {
    description: `stand-in platform for ${env.name}: bootstrap objects derived from config by offline/bootstrap.ts; every GUID and value is made up`,
    cf: {
      org: { name: env.org, id: stableGuid(env.name, "org", env.org) },
      space: { name: env.space, id: stableGuid(env.name, "space", env.space) },
      domains: Object.fromEntries([...domains].sort().map((d) => [d, stableGuid(env.name, "domain", d)])),
      serviceInstances: Object.fromEntries([...services].sort().map((s) => [s, { id: stableGuid(env.name, "service", s), type: "managed" }])),
      foreignApps: {
        [env.statsd.exporterApp]: {
          id: stableGuid(env.name, "app", env.statsd.exporterApp),
          name: env.statsd.exporterApp,
          instances: 1,
          memory: "256M",
        },
      },
      users: cfUsers(env.name),
    },
    aws: {
      accountId: REHEARSAL_ACCOUNT_ID,
      region: env.awsRegion,
      callerArn: `arn:aws:iam::${REHEARSAL_ACCOUNT_ID}:user/rehearsal`,
      parameters: Object.fromEntries(
        env.parameters.map((p) => [
          p.parameterName,
          { type: p.kind === "secret" ? ("SecureString" as const) : ("String" as const), value: madeUpCredential(p.name), version: 1 },
        ]),
      ),
      // The apps' IAM user, created by bootstrapping: the queue boundary policy attaches to it.
      iamUsers: [env.appsIamUser],
    },
    resources: {},
  };
}

/**
 * A live platform with whatever the current config needs bootstrapped first and the fixture lacks:
 * a service instance a change binds, a domain a new route uses, the SSM parameter of a new secret. The
 * service team and bootstrapping create those before a deploy, so a rehearsal of the change assumes
 * them; everything this estate deploys is left as the fixture has it.
 */
export function withPrerequisites(live: PlatformData, env: ResolvedEnvironment): PlatformData {
  const needed = bootstrapPlatform(env);
  return {
    ...live,
    cf: {
      ...live.cf,
      domains: { ...needed.cf.domains, ...live.cf.domains },
      serviceInstances: { ...needed.cf.serviceInstances, ...live.cf.serviceInstances },
      foreignApps: { ...needed.cf.foreignApps, ...live.cf.foreignApps },
      users: { ...needed.cf.users, ...live.cf.users },
    },
    aws: { ...live.aws, parameters: { ...needed.aws.parameters, ...live.aws.parameters }, iamUsers: [...new Set([...(needed.aws.iamUsers ?? []), ...(live.aws.iamUsers ?? [])])] },
  };
}
