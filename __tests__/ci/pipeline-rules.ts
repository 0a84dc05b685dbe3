import { parse } from "yaml";

// What each job and task of the Concourse pipeline can reach, judged by reach, not by spelling:
// every get and put is resolved to its resource (`get: estate, resource: estate-pr` is the pull
// request), every resource to its type and that type to the image it runs (a custom type that runs
// the pull-request resource's image is a pull request whatever it is called), every git resource to
// its repository and branch, every task input to the resource directory or task output it is, and
// every task output to where its inputs came from. Then, refusing by default:
//   - a task file loaded from anything but main's own directory, an inline task config, a task image
//     from an artifact;
//   - a job that holds any credential beyond a pull request's (status token, snapshot read) getting
//     anything but main and data resources (an S3 object, the clock);
//   - a task holding a credential that is given a resource's code directory or anything derived from
//     pull-request content, whose commands are not written in its task file (bash -c), that runs
//     anything but Terraform and the shell's file tools, that sets any parameter but the environment's
//     name and credentials, or that names a configuration file a tool reads on start;
//   - a task that runs pull-request content (any input derived from a pull request) holding a
//     credential or given any resource's directory: only main's export task (copies files without
//     .git, runs nothing from its input) takes a pull request's directory;
//   - a privileged task or resource type (its container reaches the worker), a pipeline or var file
//     loaded from anything but main;
//   - in a pull-request job: set_pipeline and load_var steps, puts to anything but the pull request,
//     puts that do not name their inputs, and resources holding anything but the status token and
//     the snapshots' read identity.
// Written as a function of the pipeline's text and a task-file reader, so that the tests run it on
// the pipeline and on fixture pipelines of each attack.

type Step = Record<string, any>;

/** Vars a pull-request job's resources may use, each kept inside its resource container. */
export const PULL_REQUEST_RESOURCE_VARS: readonly RegExp[] = [/^github-access-token$/, /^aws-snapshot-read-(access-key-id|secret-access-key)$/];
/** Concourse's own resource types this pipeline may use, and what a resource of each holds. */
export const CORE_TYPES: Readonly<Record<string, "code" | "data">> = { git: "code", s3: "data", time: "data" };
/** The image of the pull-request resource type (github.com/telia-oss/github-pr-resource). */
export const PULL_REQUEST_IMAGE = "teliaoss/github-pr-resource";
/** Main: the only git repository and branch whose code may load task files or reach a credential. */
export const MAIN = { uri: "https://github.com/alphagov/notify-estate.git", branch: "main" } as const;
/** The one task file that may take a pull request's directory: it copies the files without .git. */
export const EXPORT_TASK = "ci/tasks/export.yml";
/** What may run in a task that holds a credential: Terraform and the shell's file tools. */
export const CREDENTIALED_COMMANDS: ReadonlySet<string> = new Set(["terraform", "umask", "[", "echo", "exit", "export", "mkdir", "cp", "ln", "sha256sum", "cut", "head", "set"]);
/** The parameters a task that holds a credential may have: the environment's name and its credentials. */
export const CREDENTIALED_PARAMS: ReadonlySet<string> = new Set(["ENVIRONMENT", "CF_USER", "CF_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
/** Files a tool reads on start from where it runs or from home (npm, yarn, Terraform, git, shells). */
export const TOOL_CONFIG_FILES: readonly string[] = [".npmrc", ".yarnrc", ".terraformrc", "terraform.rc", ".gitconfig", ".bashrc", ".bash_profile", ".profile"];

type Origin = "main" | "data" | "pull-request" | "other";
/** Where an artifact of a job comes from: a resource's own directory (`raw`) or a task's output. */
interface Artifact {
  readonly origin: Origin;
  readonly raw: boolean;
  /** The resource, for a resource's directory; what it is, for any artifact. */
  readonly resource?: string;
  readonly why: string;
}
const RANK: Record<Origin, number> = { data: 0, main: 1, "pull-request": 2, other: 3 };

const varsIn = (text: string) => [...new Set([...text.matchAll(/\(\(([^)]+)\)\)/g)].map((m) => m[1].trim()))];
const HOOKS = ["on_success", "on_failure", "on_error", "on_abort", "ensure"];

/** Every step of a job, hooks included, and those inside in_parallel / do / try blocks. */
export function jobSteps(job: Step): Step[] {
  const walk = (plan: Step[]): Step[] =>
    plan.flatMap((s) => [
      s,
      ...walk(s.in_parallel?.steps ?? (Array.isArray(s.in_parallel) ? s.in_parallel : [])),
      ...walk(s.do ?? []),
      ...walk(s.try ? [s.try] : []),
      ...walk(HOOKS.flatMap((h) => (s[h] ? [s[h]] : []))),
    ]);
  return walk([...(job.plan ?? []), ...HOOKS.flatMap((h) => (job[h] ? [job[h]] : []))]);
}

/**
 * The commands a bash script runs: the first word of each simple command, those inside `$(...)`
 * included, keywords and assignments skipped; and what the script uses that this reader does not
 * follow (backquotes, subshells, groups, here-documents, process substitution, arithmetic), which a
 * caller refuses rather than guesses at.
 */
export function scriptCommands(script: string): { commands: string[]; unread: string[] } {
  const commands: string[] = [];
  const unread: string[] = [];
  const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!"]);
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let dropNext = false;
  let quote: string | null = null;
  const endWord = () => {
    if (inWord && !dropNext) words.push(word);
    if (inWord) dropNext = false;
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    let ws = words;
    words = [];
    while (ws.length && (KEYWORDS.has(ws[0]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(ws[0]))) ws = ws.slice(1);
    // A loop's header (`for name in words`) runs nothing; its body's commands follow `do`.
    if (ws.length && ws[0] !== "for") commands.push(ws[0]);
  };
  /** From just after `$(` to just after its `)`: the commands inside are read as a script of their own. */
  const nested = (start: number): number => {
    let depth = 1;
    let q: string | null = null;
    let j = start;
    for (; j < script.length; j++) {
      const c = script[j];
      if (q === "'") {
        if (c === "'") q = null;
      } else if (c === "\\") j++;
      else if (q === '"') {
        if (c === '"') q = null;
        else if (c === "$" && script[j + 1] === "(") (depth++, j++);
      } else if (c === "'" || c === '"') q = c;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) break;
    }
    if (depth !== 0) unread.push("an unclosed $(");
    const inner = scriptCommands(script.slice(start, j));
    commands.push(...inner.commands);
    unread.push(...inner.unread);
    return j + 1;
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      i++;
    } else if (quote === '"') {
      if (c === '"') (quote = null), i++;
      else if (c === "\\") (word += next ?? ""), (i += 2);
      else if (c === "$" && next === "(") (word += "$(...)"), (i = nested(i + 2));
      else if (c === "`") unread.push("backquotes"), i++;
      else (word += c), i++;
    } else if (c === "#" && !inWord) {
      while (i < script.length && script[i] !== "\n") i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      i++;
    } else if (c === "\\") {
      if (next !== "\n") (word += next ?? ""), (inWord = true);
      i += 2;
    } else if (c === "$" && next === "(") {
      if (script[i + 2] === "(") unread.push("arithmetic $((");
      word += "$(...)";
      inWord = true;
      i = nested(i + 2);
    } else if (c === "$" && next === "{") {
      const end = script.indexOf("}", i);
      word += script.slice(i, end < 0 ? script.length : end + 1);
      inWord = true;
      i = end < 0 ? script.length : end + 1;
    } else if (c === "`") {
      unread.push("backquotes");
      i++;
    } else if (c === " " || c === "\t") {
      endWord();
      i++;
    } else if (c === "\n" || c === ";" || c === "&" || c === "|") {
      endCommand();
      i++;
    } else if (c === ">" || c === "<") {
      if (next === "(") unread.push("process substitution");
      if (c === "<" && next === "<") unread.push("a here-document or here-string");
      // A redirection: a file descriptor's digits before it belong to it, and its target is not a word.
      if (inWord && /^\d+$/.test(word)) (word = ""), (inWord = false);
      else endWord();
      i++;
      while (script[i] === ">" || script[i] === "&" || script[i] === "<") i++;
      dropNext = true;
    } else if (c === "(" || c === ")" || c === "{" || c === "}") {
      unread.push(`"${c}" (a subshell, group or function)`);
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (quote) unread.push("an unclosed quote");
  endCommand();
  return { commands, unread: [...new Set(unread)] };
}

/**
 * Why the pipeline lets pull-request content or a non-main input reach a credential, or a token reach
 * pull-request content, one line each; empty when it does not. `readTask` returns a task file's text by
 * the path the pipeline names (`estate/ci/tasks/x.yml`), and throws when there is none.
 */
export function pipelineProblems(pipelineText: string, readTask: (file: string) => string): string[] {
  const pipeline = parse(pipelineText) ?? {};
  const problems: string[] = [];
  const resources = new Map<string, Step>((pipeline.resources ?? []).map((r: Step) => [r.name, r]));
  const types = new Map<string, Step>((pipeline.resource_types ?? []).map((t: Step) => [t.name, t]));

  /** A resource's origin, through its type (custom types first, as Concourse resolves them) to the image it runs. */
  const resourceOrigin = (name: string): Artifact => {
    const r = resources.get(name);
    if (!r) return { origin: "other", raw: true, resource: name, why: `no resource is named ${name}` };
    const custom = types.get(r.type);
    if (custom) {
      const image = custom.type === "registry-image" ? custom.source?.repository : undefined;
      if (image === PULL_REQUEST_IMAGE) return { origin: "pull-request", raw: true, resource: name, why: `resource ${name}: pull-request content (type ${r.type} runs ${PULL_REQUEST_IMAGE})` };
      return { origin: "other", raw: true, resource: name, why: `resource ${name}: type ${r.type} runs ${image ?? `a ${custom.type} image`}, which no rule here knows` };
    }
    const kind = CORE_TYPES[r.type];
    if (!kind) return { origin: "other", raw: true, resource: name, why: `resource ${name}: type ${r.type}, which no rule here knows` };
    if (kind === "data") return { origin: "data", raw: true, resource: name, why: `resource ${name}: ${r.type} data` };
    const source = r.source ?? {};
    const extra = Object.keys(source).filter((k) => k !== "uri" && k !== "branch");
    if (source.uri === MAIN.uri && source.branch === MAIN.branch && !extra.length) return { origin: "main", raw: true, resource: name, why: `resource ${name}: main` };
    const what = extra.length ? `with ${extra.join(", ")} set` : `on branch ${source.branch ?? "(none)"} of ${source.uri}`;
    return { origin: "other", raw: true, resource: name, why: `resource ${name}: a git resource ${what}, not main` };
  };

  for (const t of types.values()) if (t.privileged === true) problems.push(`resource type ${t.name}: privileged: its containers would reach the worker and every container on it`);
  for (const name of resources.keys()) {
    const o = resourceOrigin(name);
    if (/no rule here knows/.test(o.why)) problems.push(`${o.why}: refused`);
  }
  const isPullRequest = (name: string | undefined) => name !== undefined && resourceOrigin(name).origin === "pull-request";
  const prResources = [...resources.keys()].filter(isPullRequest);
  for (const r of prResources) if (resources.get(r)!.source?.disable_forks !== true) problems.push(`${r}: forks are not disabled`);

  const resourceOf = (s: Step): string | undefined => (s.get !== undefined || s.put !== undefined ? (s.resource ?? s.get ?? s.put) : undefined);
  const stepName = (s: Step) => s.task ?? s.get ?? s.put ?? Object.keys(s)[0];
  const resourceVars = (name: string | undefined) => (name ? varsIn(JSON.stringify(resources.get(name)?.source ?? {})) : []);
  const notPullRequestVar = (v: string) => !PULL_REQUEST_RESOURCE_VARS.some((re) => re.test(v));

  interface TaskView {
    step: Step;
    where: string;
    config?: Step;
    file?: string;
    vars: string[];
    credentialKeys: string[];
    params: Record<string, unknown>;
  }

  const jobs: Step[] = pipeline.jobs ?? [];
  const prJobs = jobs.filter((j) => jobSteps(j).some((s) => isPullRequest(resourceOf(s))));
  if (!prJobs.length) problems.push("no job gets a pull-request resource: nothing checks pull requests");

  for (const job of jobs) {
    const steps = jobSteps(job);
    const artifacts = new Map<string, Artifact[]>();
    const add = (name: string, a: Artifact) => {
      const list = artifacts.get(name) ?? [];
      if (!list.some((x) => x.origin === a.origin && x.raw === a.raw && x.why === a.why)) artifacts.set(name, [...list, a]);
      return list.length !== artifacts.get(name)!.length;
    };
    for (const s of steps) if (s.get !== undefined) add(s.get, resourceOrigin(resourceOf(s)!));

    // Each task step with its task file read (once), what it holds and which parameters it sets.
    const tasks: TaskView[] = steps
      .filter((s) => s.task !== undefined)
      .map((s) => {
        const where = `${job.name}/${s.task}`;
        let config: Step | undefined;
        let fileText = "";
        if (s.config) problems.push(`${where}: an inline task config (task files come from main only)`);
        if (s.image !== undefined) problems.push(`${where}: its image comes from the artifact ${s.image}, not from its task file`);
        if (typeof s.file === "string") {
          try {
            fileText = readTask(s.file);
            config = parse(fileText) ?? {};
          } catch {
            problems.push(`${where}: its task file ${s.file} cannot be read`);
          }
        } else if (!s.config) problems.push(`${where}: no task file`);
        config ??= s.config;
        const vars = [...new Set([...varsIn(JSON.stringify(s.params ?? {})), ...varsIn(JSON.stringify(s.vars ?? {})), ...varsIn(JSON.stringify(s.config ?? {})), ...varsIn(fileText)])];
        const params = { ...(config?.params ?? {}), ...(s.params ?? {}) };
        const credentialKeys = Object.keys(params).filter((k) => /USER|PASSWORD|TOKEN|SECRET|KEY|CREDENTIAL/i.test(k) && params[k] !== null && params[k] !== undefined && params[k] !== "");
        return { step: s, where, config, file: s.file, vars, credentialKeys, params };
      });

    const inputsOf = (t: TaskView) =>
      ((t.config?.inputs ?? []) as Step[]).map((i) => {
        const artifact = t.step.input_mapping?.[i.name] ?? i.name;
        return { name: i.name as string, artifact: artifact as string, from: artifacts.get(artifact) ?? [] };
      });
    // Outputs take the worst origin of the task's inputs, until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of tasks) {
        const from = inputsOf(t).flatMap((i) => i.from);
        const worst = from.reduce<Origin>((o, a) => (RANK[a.origin] > RANK[o] ? a.origin : o), "data");
        const why = worst === "pull-request" ? `an output of ${t.where}, derived from pull-request content` : `an output of ${t.where}`;
        for (const o of (t.config?.outputs ?? []) as Step[]) {
          if (add(t.step.output_mapping?.[o.name] ?? o.name, { origin: worst, raw: false, why })) changed = true;
        }
      }
    }

    // A privileged container reaches the worker, and through it every other container's credentials.
    for (const t of tasks.filter((x) => x.step.privileged === true)) problems.push(`${t.where}: runs privileged: a privileged container reaches the worker and every container on it`);
    // A pipeline or var file, like a task file, comes from main's own directory.
    for (const s of steps.filter((x) => (x.set_pipeline !== undefined || x.load_var !== undefined) && typeof x.file === "string")) {
      const art = String(s.file).split("/")[0];
      const from = artifacts.get(art) ?? [];
      if (!from.length || from.some((a) => !(a.origin === "main" && a.raw))) problems.push(`${job.name}/${s.set_pipeline ?? s.load_var}: its file ${s.file} does not come from main`);
    }

    const taskVars = tasks.flatMap((t) => t.vars);
    const resourceHeld = steps.flatMap((s) => resourceVars(resourceOf(s)));
    const jobCredentials = [...new Set([...taskVars, ...resourceHeld.filter(notPullRequestVar)])];
    const isPrJob = prJobs.includes(job);

    // A job that holds a credential gets main and data, nothing else.
    if (jobCredentials.length) {
      for (const s of steps.filter((x) => x.get !== undefined)) {
        const a = resourceOrigin(resourceOf(s)!);
        if (a.origin !== "main" && a.origin !== "data") problems.push(`${job.name}: holds ((${jobCredentials[0]})) and gets ${s.get} (${a.why})`);
      }
    }

    for (const t of tasks) {
      const inputs = inputsOf(t);
      // Task files come from main's own directory, whatever name the job gives it.
      if (typeof t.file === "string") {
        const art = t.file.split("/")[0];
        const from = artifacts.get(art) ?? [];
        if (!from.length) problems.push(`${t.where}: its task file ${t.file} comes from ${art}, which nothing in the job provides`);
        for (const a of from) if (!(a.origin === "main" && a.raw)) problems.push(`${t.where}: its task file ${t.file} comes from ${art} (${a.why}), not main`);
      }
      for (const i of inputs.filter((x) => !x.from.length)) problems.push(`${t.where}: its input ${i.name} (${i.artifact}) comes from nothing in the job`);
      const holds = t.vars.length > 0 || t.credentialKeys.length > 0;
      const runsPullRequest = inputs.some((i) => i.from.some((a) => a.origin === "pull-request"));
      const run: Step = t.config?.run ?? {};
      const runArgs: string[] = (run.args ?? []).map(String);
      const inputNames = inputs.map((i) => i.name);
      const runsFromInput = [run.path, ...runArgs].some((p) => typeof p === "string" && inputNames.some((n) => p === n || p.startsWith(`${n}/`)));

      if (holds) {
        const first = t.vars.length ? `((${t.vars[0]}))` : t.credentialKeys[0];
        const more = (t.vars.length || t.credentialKeys.length) - 1;
        const held = more ? `${first} and ${more} more` : first;
        for (const i of inputs) {
          for (const a of i.from) {
            if (a.raw && a.origin !== "data") problems.push(`${t.where}: holds ${held} and is given ${i.name} (${a.why}): a task holding a credential reads only data resources and what main's tasks wrote in this build`);
            else if (a.origin === "pull-request" || a.origin === "other") problems.push(`${t.where}: holds ${held} and is given ${i.name} (${a.why})`);
          }
        }
        const script = run.path === "bash" || run.path === "sh" ? runArgs[runArgs.indexOf("-c") + 1] : undefined;
        if (script === undefined || runArgs.indexOf("-c") < 0) {
          problems.push(`${t.where}: holds ${held} and runs ${[run.path, ...runArgs].join(" ")}: a task holding a credential runs bash -c with its commands written in its task file`);
        } else {
          const { commands, unread } = scriptCommands(script);
          for (const c of [...new Set(commands)].filter((x) => !CREDENTIALED_COMMANDS.has(x))) problems.push(`${t.where}: holds ${held} and runs ${c}: only Terraform and the shell's file tools (${[...CREDENTIALED_COMMANDS].join(" ")}) run beside a credential`);
          for (const u of unread) problems.push(`${t.where}: holds ${held} and its script uses ${u}, which this check does not follow: refused`);
        }
        if (run.path === "bash" && !(runArgs.includes("--norc") && runArgs.includes("--noprofile"))) problems.push(`${t.where}: holds ${held} and runs bash without --noprofile --norc: bash would read startup files`);
        if (runsFromInput) problems.push(`${t.where}: holds ${held} and runs ${[run.path, ...runArgs].join(" ")} from an input`);
        if (run.dir !== undefined) problems.push(`${t.where}: holds ${held} and runs in ${run.dir}`);
        for (const k of Object.keys(t.params).filter((x) => !CREDENTIALED_PARAMS.has(x))) problems.push(`${t.where}: holds ${held} and sets ${k}: only ${[...CREDENTIALED_PARAMS].join(", ")} reach a task holding a credential`);
        const text = JSON.stringify({ run, params: t.params });
        for (const f of TOOL_CONFIG_FILES.filter((x) => text.includes(x))) problems.push(`${t.where}: holds ${held} and names ${f}, a configuration file a tool reads on start`);
      }

      if (runsPullRequest) {
        for (const v of t.vars) problems.push(`${t.where}: the task holds ((${v}))`);
        for (const k of t.credentialKeys) problems.push(`${t.where}: the task takes ${k}`);
        const exporter =
          t.file === `${t.file?.split("/")[0]}/${EXPORT_TASK}` &&
          !runsFromInput &&
          inputs.length === 1 &&
          !Object.keys(t.params).length &&
          !holds;
        if (!exporter) {
          for (const i of inputs) {
            for (const a of i.from.filter((x) => x.raw)) problems.push(`${t.where}: runs pull-request content and is given ${i.name}: the directory of ${a.why} (a resource's directory holds what its \`in\` wrote; the pull-request resource's .git holds its token)`);
          }
        }
      }
    }

    if (isPrJob) {
      for (const s of steps) {
        const where = `${job.name}/${stepName(s)}`;
        for (const kind of ["set_pipeline", "load_var"]) if (s[kind] !== undefined) problems.push(`${where}: a ${kind} step in a pull-request job`);
        const name = resourceOf(s);
        if (name === undefined) continue;
        if (s.put !== undefined && !isPullRequest(name)) problems.push(`${where}: puts to ${name}, which is not the pull request`);
        if (s.put !== undefined && !Array.isArray(s.inputs)) problems.push(`${where}: puts to ${name} without naming its inputs: every artifact of the build would be mounted beside the resource's credential`);
        for (const v of resourceVars(name).filter(notPullRequestVar)) problems.push(`${where}: resource ${name} holds ((${v})), which is not a pull-request status token or a read-only artifact identity`);
      }
    }
  }

  // The read-only identity pull requests use belongs to them alone.
  const prVars = new Set(prJobs.flatMap((j) => jobSteps(j).flatMap((s) => resourceVars(resourceOf(s)))));
  for (const j of jobs.filter((x) => !prJobs.includes(x))) {
    for (const s of jobSteps(j)) {
      for (const v of varsIn(JSON.stringify({ params: s.params ?? {}, vars: s.vars ?? {} }))) if (prVars.has(v) && v !== "github-access-token") problems.push(`${j.name}: also uses ((${v}))`);
    }
  }
  return [...new Set(problems)];
}
