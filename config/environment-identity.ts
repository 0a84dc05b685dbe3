import { ENVIRONMENTS, type EnvironmentConfig, type EstateConfig } from "./types";

// What makes an environment itself: where it deploys (API, org, space), where its Terraform state
// lives, whose keys its apps hold, which queues and which public domain are its own. Each value
// belongs to one environment only. One copied from another environment's file synthesizes a stack
// that deploys into, or locks, or cuts off that other environment: staging with production's space
// would push staging's config onto production's apps while staging's diff says "no changes", and
// staging with production's apps IAM user would attach "deny SQS outside the staging queues" to the
// user production's workers hold.

/** The facts an environment's identity is read from (a ResolvedEnvironment has them all). */
export interface IdentitySource {
  readonly name: string;
  readonly cfApiUrl: string;
  readonly org: string;
  readonly space: string;
  readonly state: { readonly bucket: string; readonly key: string };
  readonly appsIamUser: string;
  readonly queuePrefix: string;
  readonly publicDomain: string;
}

export interface IdentityField {
  /** The field as config names it, e.g. "state.bucket". */
  readonly field: string;
  /** What it is, for people, e.g. "Terraform state bucket". */
  readonly what: string;
  /**
   * Whether environments may share the value: every environment of this estate runs on one Cloud
   * Foundry API and in one org (defaults), and is told apart by the rest.
   */
  readonly shared: boolean;
  /** Whether the value is a name that must not name another environment (a domain may contain a word like "staging" legitimately). */
  readonly namesItsEnvironment: boolean;
  /** The file an environment's value is set in. */
  readonly setIn: (env: string) => string;
  /** How to give an environment its own value. */
  readonly fix: string;
  readonly get: (env: IdentitySource) => string;
}

const ownFile = (env: string) => `config/${env}.ts`;

/** Every identity field, in the order problems are reported. */
export const ENVIRONMENT_IDENTITY: readonly IdentityField[] = [
  { field: "cfApiUrl", what: "Cloud Foundry API", shared: true, namesItsEnvironment: false, setIn: (e) => `${ownFile(e)} (cfApiUrl) or config/defaults.ts`, fix: "", get: (e) => e.cfApiUrl },
  { field: "org", what: "Cloud Foundry org", shared: true, namesItsEnvironment: false, setIn: () => "config/defaults.ts (org)", fix: "", get: (e) => e.org },
  { field: "space", what: "Cloud Foundry space", shared: false, namesItsEnvironment: true, setIn: ownFile, fix: "each environment deploys into its own space", get: (e) => e.space },
  { field: "state.bucket", what: "Terraform state bucket", shared: false, namesItsEnvironment: true, setIn: ownFile, fix: "each environment keeps its state in its own bucket (docs/deploying.md: Bootstrapping an environment)", get: (e) => e.state.bucket },
  { field: "state.key", what: "Terraform state key", shared: false, namesItsEnvironment: true, setIn: ownFile, fix: "each environment keeps its state under its own key", get: (e) => e.state.key },
  { field: "appsIamUser", what: "apps' IAM user", shared: false, namesItsEnvironment: true, setIn: ownFile, fix: "each environment's apps hold their own IAM user, denied SQS outside their own queues", get: (e) => e.appsIamUser },
  { field: "queuePrefix", what: "SQS queue prefix", shared: false, namesItsEnvironment: true, setIn: ownFile, fix: "each environment's queues have their own prefix", get: (e) => e.queuePrefix },
  { field: "publicDomain", what: "public domain", shared: false, namesItsEnvironment: false, setIn: ownFile, fix: "each environment's public routes are on its own domain", get: (e) => e.publicDomain },
];

/** An environment of config as an identity source: its own values, over the shared defaults. */
export function identityOf(estate: Pick<EstateConfig, "defaults">, env: EnvironmentConfig): IdentitySource {
  return {
    name: env.name,
    cfApiUrl: env.cfApiUrl ?? estate.defaults.cfApiUrl,
    org: estate.defaults.org,
    space: env.space,
    state: env.state,
    appsIamUser: env.appsIamUser,
    queuePrefix: env.queuePrefix,
    publicDomain: env.publicDomain,
  };
}

export interface IdentityIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** The environment names a value contains as words ("notify-paas-apps-production" names production). */
function namedEnvironments(value: string): string[] {
  const words = new Set(value.toLowerCase().split(/[^a-z0-9]+/));
  return ENVIRONMENTS.filter((e) => words.has(e));
}

/**
 * Every identity value of one environment that another environment owns: the same value in two
 * environments, or a name that names another environment. When one of two environments sharing a value
 * is named by it ("production" as both spaces), only the other is refused; otherwise both are, each
 * naming the other. One line per environment and field.
 */
export function identityIssues(estate: Pick<EstateConfig, "defaults" | "environments">): IdentityIssue[] {
  const issues: IdentityIssue[] = [];
  const sources = estate.environments.map((e) => identityOf(estate, e));
  sources.forEach((env, i) => {
    for (const f of ENVIRONMENT_IDENTITY) {
      if (f.shared) continue;
      const value = f.get(env);
      // An empty value is the schema's to refuse (the types are checked before this runs).
      if (value === "") continue;
      const named = namedEnvironments(value);
      const sharers = sources.filter((o, j) => j !== i && f.get(o) === value);
      // A sharer named by the value owns it; this environment, not named by it, is the one to fix.
      const owners = sharers.filter((o) => named.includes(o.name) && !named.includes(env.name));
      const others = owners.length ? owners : named.includes(env.name) ? [] : sharers;
      const path: (string | number)[] = ["environments", i, ...f.field.split(".")];
      const here = `${env.name}: ${f.field} "${value}"`;
      if (others.length) {
        issues.push({
          path,
          message: `${here} is ${others.map((o) => `${o.name}'s ${f.what} (${f.setIn(o.name)})`).join(" and ")}: ${f.fix}; set ${env.name}'s own ${f.field} in ${f.setIn(env.name)}`,
        });
      } else if (f.namesItsEnvironment && !named.includes(env.name) && named.length) {
        issues.push({
          path,
          message: `${here} names ${named.join(" and ")}, another environment: ${f.fix}; set ${env.name}'s own ${f.field} in ${f.setIn(env.name)}`,
        });
      }
    }
  });
  return issues;
}
