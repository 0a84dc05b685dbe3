import type { ResolvedEnvironment } from "../config";
import { isJsonObject, type PlanJson } from "./plan-json";

// A Terraform plan carries its own environment: the stacks put the environment's space on every app,
// its queue prefix on every queue name, its public domain on its public routes and its IAM user on the
// queue boundary's attachment (stacks/environment-stack.ts). A tool that judges a plan "for
// production" reads that, not only the name it is given: a production plan taking notify-api from 35
// to 20 would pass the plan guard under `preview` with exit 0, since preview's floors are lower.
// Terraform's JSON plan has no backend block, so the state key cannot be read from it.

/** Which attribute of which resource or data source type says which environment, and how. */
interface Marker {
  readonly type: string;
  readonly attribute: string;
  /** What the value is, in a message: "space", "queue name". */
  readonly what: string;
  /** The environment's own value, as a message shows it. */
  readonly own: (env: ResolvedEnvironment) => string;
  /** Whether the value belongs to the environment. */
  readonly belongs: (value: string, env: ResolvedEnvironment) => boolean;
  /** A value that belongs to no environment is evidence too (a plan of another space), unless it may be shared. */
  readonly sharedValuesPossible?: boolean;
}

const underDomain = (url: string, domain: string) => url === domain || url.endsWith(`.${domain}`) || url.startsWith(`${domain}/`) || url.includes(`.${domain}/`);

const MARKERS: readonly Marker[] = [
  { type: "cloudfoundry_app", attribute: "space_name", what: "space", own: (e) => e.space, belongs: (v, e) => v === e.space },
  { type: "cloudfoundry_space", attribute: "name", what: "space", own: (e) => e.space, belongs: (v, e) => v === e.space },
  { type: "aws_sqs_queue", attribute: "name", what: "queue name", own: (e) => `${e.queuePrefix}...`, belongs: (v, e) => v.startsWith(e.queuePrefix) },
  { type: "aws_sqs_queues", attribute: "queue_name_prefix", what: "queue prefix", own: (e) => e.queuePrefix, belongs: (v, e) => v === e.queuePrefix },
  { type: "aws_iam_user_policy_attachment", attribute: "user", what: "IAM user", own: (e) => e.appsIamUser, belongs: (v, e) => v === e.appsIamUser },
  // Routes on the shared apps domain are named alike in every environment: only a public domain decides.
  { type: "cloudfoundry_route", attribute: "url", what: "public route", own: (e) => `*.${e.publicDomain}`, belongs: (v, e) => underDomain(v, e.publicDomain), sharedValuesPossible: true },
];

export interface Evidence {
  readonly address: string;
  readonly marker: Marker;
  readonly value: string;
  /** The environments it belongs to (the longest match only, so "staging-notify.works" is not also "notify.works"). */
  readonly environments: readonly string[];
}

interface Values {
  readonly address: string;
  readonly type: string;
  readonly values: unknown;
}

/** Every resource's values the plan holds: changes (before and after), planned values, prior state, constant config expressions. */
function allValues(plan: PlanJson): Values[] {
  const out: Values[] = [];
  for (const c of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    out.push({ address: c.address, type: c.type, values: c.change.before }, { address: c.address, type: c.type, values: c.change.after });
  }
  const walkModule = (m: unknown) => {
    if (!isJsonObject(m)) return;
    for (const r of Array.isArray(m.resources) ? m.resources : []) {
      if (isJsonObject(r) && typeof r.type === "string") out.push({ address: String(r.address ?? r.type), type: r.type, values: r.values });
    }
    for (const child of Array.isArray(m.child_modules) ? m.child_modules : []) walkModule(child);
  };
  walkModule(plan.planned_values.root_module);
  const prior = (plan as Record<string, unknown>).prior_state;
  if (isJsonObject(prior) && isJsonObject(prior.values)) walkModule(prior.values.root_module);
  const config = (plan as Record<string, unknown>).configuration;
  if (isJsonObject(config) && isJsonObject(config.root_module)) {
    for (const r of Array.isArray(config.root_module.resources) ? config.root_module.resources : []) {
      if (!isJsonObject(r) || typeof r.type !== "string" || !isJsonObject(r.expressions)) continue;
      const constants = Object.fromEntries(Object.entries(r.expressions).filter(([, e]) => isJsonObject(e) && "constant_value" in e).map(([k, e]) => [k, (e as Record<string, unknown>).constant_value]));
      out.push({ address: String(r.address ?? r.type), type: r.type, values: constants });
    }
  }
  return out;
}

/** What in the plan says which environment it is for. */
export function planEvidence(plan: PlanJson, environments: readonly ResolvedEnvironment[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const { address, type, values } of allValues(plan)) {
    if (!isJsonObject(values)) continue;
    for (const marker of MARKERS.filter((m) => m.type === type)) {
      const value = values[marker.attribute];
      if (typeof value !== "string" || !value) continue;
      const key = JSON.stringify([address, marker.attribute, value]);
      if (seen.has(key)) continue;
      seen.add(key);
      const matches = environments.filter((e) => marker.belongs(value, e));
      const longest = Math.max(0, ...matches.map((e) => marker.own(e).length));
      const envs = matches.filter((e) => marker.own(e).length === longest).map((e) => e.name);
      if (!envs.length && marker.sharedValuesPossible) continue;
      out.push({ address, marker, value, environments: envs });
    }
  }
  return out;
}

/**
 * The problems with judging this plan as one of `named`: it is another environment's, mixes
 * environments, names a space or queue no environment has, or holds nothing that says. Empty when the
 * plan is the named environment's.
 */
export function planEnvironmentProblems(plan: PlanJson, named: string, environments: readonly ResolvedEnvironment[]): string[] {
  const evidence = planEvidence(plan, environments);
  const target = environments.find((e) => e.name === named);
  if (!target) return [`unknown environment "${named}"`];
  const say = (e: Evidence) => `${e.address} ${e.marker.attribute} "${e.value}"`;
  if (!evidence.length) {
    return [
      `cannot tell which environment this plan is for: it holds no app space, queue name, public route or IAM user of any environment. ` +
        `Give it the whole output of \`terraform show -json <planfile>\` of the ${named} stack.`,
    ];
  }
  const others = new Map<string, Evidence[]>();
  const strangers: Evidence[] = [];
  for (const e of evidence) {
    if (!e.environments.length) strangers.push(e);
    for (const env of e.environments.filter((n) => n !== named)) others.set(env, [...(others.get(env) ?? []), e]);
  }
  const problems: string[] = [];
  for (const [env, items] of others) {
    const mixed = evidence.some((e) => e.environments.includes(named));
    problems.push(
      `this is a plan of ${env}${mixed ? ` (as well as ${named})` : ""}, not ${named}: ${say(items[0])}${items.length > 1 ? ` and ${items.length - 1} more` : ""} (${named}'s ${items[0].marker.what} is "${items[0].marker.own(target)}"). ` +
        `Judge it as ${env}, or plan ${named} and give that plan.`,
    );
  }
  if (strangers.length) {
    problems.push(
      `this plan is for no environment of this estate: ${say(strangers[0])}${strangers.length > 1 ? ` and ${strangers.length - 1} more` : ""} (${named}'s ${strangers[0].marker.what} is "${strangers[0].marker.own(target)}"). Plan ${named} and give that plan.`,
    );
  }
  return problems;
}
