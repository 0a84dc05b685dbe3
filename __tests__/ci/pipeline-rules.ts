import { parse } from "yaml";

// What a pull-request job may hold: no credential that reads or writes an environment. The
// only ((vars)) a pull-request job may reach are the pull-request resource's status token and the
// read-only identity of an artifact resource, and both stay inside their resource's container: no
// task of such a job sees a single ((var)). Written as a function of the pipeline's text so that the
// test runs it on the pipeline and on a fixture pipeline that plans pull requests with each
// environment's plan identity, which it must refuse.

type Step = Record<string, any>;

/** Vars a pull-request job's resources may use, each kept inside its resource container. */
export const PULL_REQUEST_RESOURCE_VARS: readonly RegExp[] = [/^github-access-token$/, /^aws-snapshot-read-(access-key-id|secret-access-key)$/];

const varsIn = (text: string) => [...new Set([...text.matchAll(/\(\(([^)]+)\)\)/g)].map((m) => m[1].trim()))];

/** Every step of a job, hooks included, and those inside in_parallel / do / try / across blocks. */
export function jobSteps(job: Step): Step[] {
  const walk = (plan: Step[]): Step[] =>
    plan.flatMap((s) => [
      s,
      ...walk(s.in_parallel?.steps ?? (Array.isArray(s.in_parallel) ? s.in_parallel : [])),
      ...walk(s.do ?? []),
      ...walk(s.try ? [s.try] : []),
      ...walk(["on_success", "on_failure", "on_error", "on_abort", "ensure"].flatMap((h) => (s[h] ? [s[h]] : []))),
    ]);
  return walk([...(job.plan ?? []), ...["on_success", "on_failure", "on_error", "on_abort", "ensure"].flatMap((h) => (job[h] ? [job[h]] : []))]);
}

/**
 * Why the pipeline lets a pull request reach a credential, one line each; empty when it does not.
 * `readTask` returns a task file's text by the path the pipeline names (`estate/ci/tasks/x.yml`).
 */
export function pullRequestCredentialProblems(pipelineText: string, readTask: (file: string) => string): string[] {
  const pipeline = parse(pipelineText);
  const problems: string[] = [];
  const resources = new Map<string, Step>((pipeline.resources ?? []).map((r: Step) => [r.name, r]));
  const prResources = new Set([...resources.values()].filter((r) => r.type === "pull-request").map((r) => r.name));
  const prJobs = (pipeline.jobs ?? []).filter((j: Step) => jobSteps(j).some((s) => prResources.has(s.get) || prResources.has(s.put)));
  if (!prJobs.length) problems.push("no job gets a pull-request resource: nothing checks pull requests");
  for (const r of prResources) if (resources.get(r)!.source?.disable_forks !== true) problems.push(`${r}: forks are not disabled`);
  const estate = resources.get("estate");
  if (estate?.type !== "git" || estate?.source?.branch !== "main") problems.push("the estate resource (where task files come from) is not main");
  for (const job of prJobs) {
    for (const s of jobSteps(job)) {
      const where = `${job.name}/${s.task ?? s.get ?? s.put ?? Object.keys(s)[0]}`;
      for (const kind of ["set_pipeline", "load_var"]) if (s[kind] !== undefined) problems.push(`${where}: a ${kind} step in a pull-request job`);
      if (s.task) {
        const reached = [...varsIn(JSON.stringify(s.params ?? {})), ...varsIn(JSON.stringify(s.vars ?? {})), ...varsIn(JSON.stringify(s.config ?? {}))];
        if (s.config) problems.push(`${where}: an inline task config (task files come from main only)`);
        if (!s.file || !String(s.file).startsWith("estate/")) problems.push(`${where}: its task file ${s.file} does not come from main`);
        else reached.push(...varsIn(readTask(s.file)));
        for (const v of new Set(reached)) problems.push(`${where}: the task holds ((${v}))`);
        const params = { ...(s.file && String(s.file).startsWith("estate/") ? (parse(readTask(s.file))?.params ?? {}) : {}), ...(s.params ?? {}) };
        for (const k of Object.keys(params).filter((k) => /USER|PASSWORD|TOKEN|SECRET|KEY|CREDENTIAL/i.test(k))) problems.push(`${where}: the task takes ${k}`);
      }
      for (const name of [s.get, s.put].filter(Boolean)) {
        const r = resources.get(name);
        if (!r) continue;
        if (s.put && !prResources.has(name)) problems.push(`${where}: puts to ${name}, which is not the pull request`);
        for (const v of varsIn(JSON.stringify(r.source ?? {}))) {
          if (!PULL_REQUEST_RESOURCE_VARS.some((re) => re.test(v))) problems.push(`${where}: resource ${name} holds ((${v})), which is not a pull-request status token or a read-only artifact identity`);
        }
      }
    }
  }
  // The read-only identity pull requests use belongs to them alone.
  const others = (pipeline.jobs ?? []).filter((j: Step) => !prJobs.includes(j));
  const prVars = new Set(prJobs.flatMap((j: Step) => jobSteps(j).flatMap((s) => [s.get, s.put].filter(Boolean).flatMap((n) => varsIn(JSON.stringify(resources.get(n)?.source ?? {}))))));
  for (const j of others) {
    for (const s of jobSteps(j)) {
      for (const v of varsIn(JSON.stringify({ params: s.params ?? {}, vars: s.vars ?? {} }))) if (prVars.has(v) && v !== "github-access-token") problems.push(`${j.name}: also uses ((${v}))`);
    }
  }
  return problems;
}
