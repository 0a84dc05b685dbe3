import * as fs from "fs";
import * as path from "path";
import { resolveEstate } from "../../config";
import { buildApp } from "../../stacks/build";
import { livePlatformFile, runProcess, seedLivePlatform } from "../../offline/harness";
import { conformanceEstate } from "../fixtures/conformance-estate";
import { projectRepository, setupOnce } from "../helpers";

// `npm run rehearse -- production --base HEAD~1` on a repository with two commits: the second drops a
// queue from config (forgotten: it stays), unbinds a service from the API (a destroy the plan guard
// refuses) and binds a service no app had to a worker (the service team creates its instance first,
// so the rehearsal assumes it). The base is deployed on the live platform first, so the change shows as what it does to a
// running estate: a forget, an unbind, the guard's verdict, the platform after.
//
// The repository's config is the conformance fixture estate (__tests__/fixtures/conformance-estate.ts)
// and its live platform that estate as it runs: what is under test is the command (a ref deployed,
// then the working tree planned, guarded, applied and read back), and each of its Terraform runs costs
// a third of one on production's 211 resources. The real estate's first deploy is rehearsed in
// rehearsal.test.ts and by `npm run rehearse -- production`. Chosen by what they are, not by name: a
// queue no app consumes or publishes to, a service the API holds that not every app does.

const FIXTURE = conformanceEstate();
const QUEUE = (() => {
  const used = new Set(FIXTURE.apps.flatMap((a) => [...((a.process as { queues?: string[] }).queues ?? []), ...((a.process as { publishesTo?: string[] }).publishesTo ?? [])]));
  const q = FIXTURE.queues.find((x) => !used.has(x.name));
  if (!q) throw new Error("every queue of the fixture is consumed by an app: pick another removal to rehearse");
  return q.name;
})();
const SERVICE = (() => {
  const api = FIXTURE.apps.find((a) => a.name === "notify-api");
  const s = api?.services?.find((x) => !FIXTURE.apps.every((a) => a.services?.includes(x)));
  if (!s) throw new Error("no service of the fixture is bound to the API but not to every app: pick another unbinding to rehearse");
  return s;
})();

/** A service instance the live platform does not have, bound by the change. */
const NEW_SERVICE = "audit-log";
const NEW_SERVICE_APP = FIXTURE.apps.find((a) => a.role === "worker")!.name;

let repo: string;
let result: Awaited<ReturnType<typeof runProcess>>;
setupOnce(async () => {
  const project = projectRepository("notify-rehearse-repo-");
  repo = project.dir;
  const index = path.join(repo, "config", "index.ts");
  fs.appendFileSync(index, `\n// rehearse-change.test.ts: this copy's estate is the conformance fixture.\nObject.assign(estate, ${JSON.stringify(FIXTURE)});\n`);
  // The fixture estate as it runs, where the command reads the live platform.
  const production = resolveEstate(FIXTURE).find((e) => e.name === "production")!;
  const synth = path.join(repo, "fixture-synth");
  buildApp(synth, [production]).synth();
  const live = await seedLivePlatform(repo, synth, production, process.env);
  fs.rmSync(synth, { recursive: true, force: true });
  fs.writeFileSync(livePlatformFile(repo, "production"), JSON.stringify(live, null, 1) + "\n");
  project.commit("the conformance fixture estate, and its live platform");
  fs.appendFileSync(
    index,
    [
      "",
      `(estate.queues as unknown[]).splice(estate.queues.findIndex((q) => q.name === ${JSON.stringify(QUEUE)}), 1);`,
      `const api = estate.apps.findIndex((a) => a.name === "notify-api");`,
      `(estate.apps as unknown[])[api] = { ...estate.apps[api], services: estate.apps[api].services.filter((s) => s !== ${JSON.stringify(SERVICE)}) };`,
      `const worker = estate.apps.findIndex((a) => a.name === ${JSON.stringify(NEW_SERVICE_APP)});`,
      `(estate.apps as unknown[])[worker] = { ...estate.apps[worker], services: [...estate.apps[worker].services, ${JSON.stringify(NEW_SERVICE)}] };`,
      "",
    ].join("\n"),
  );
  project.commit("drop a queue, unbind a service from the API, bind a new service to a worker");
  result = await runProcess(process.execPath, ["bin/run.js", "commands/rehearse.ts", "production", "--base", "HEAD~1"], { cwd: repo, env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
});
afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

test("the base is deployed on the live platform first", () => {
  expect(result.stdout).toMatch(/^rehearse production --base HEAD~1: HEAD~1 \([0-9a-f]{10}\) deployed on offline\/platforms\/production\.json, then the working tree$/m);
  expect(result.stdout).toMatch(/^base: Plan: \d+ to import, .* 0 to destroy\.\n {2}Apply complete!/m);
});

test("a queue dropped from config shows as forgotten, with its dead-letter queue", () => {
  expect(result.stdout).toContain(`  aws_sqs_queue.${QUEUE}: FORGET (stays on the platform, no longer managed)\n`);
  expect(result.stdout).toContain(`  aws_sqs_queue.${QUEUE}-dead-letter: FORGET (stays on the platform, no longer managed)\n`);
});

test("an unbinding shows as a destroy, the guard refuses that plan, and the command fails saying why", () => {
  const address = `cloudfoundry_service_credential_binding.${SERVICE}["notify-api"]`;
  expect(result.stdout).toContain(`  ${address}: DESTROY: UNBIND (notify-api bound to ${SERVICE})\n`);
  expect(result.stdout).toContain(`  REFUSED   ${address}: service binding (the app loses the service's credentials) would be DESTROYED`);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe("rehearse: the plan guard refuses the change's plan: the pipeline's deploy would stop before applying it\n");
});

test("the platform after the apply: the unbinding is gone, the new binding there, the forgotten queue still there, and the next plan is empty", () => {
  const after = result.stdout.slice(result.stdout.indexOf("platform after:"));
  expect(after).toMatch(/^ {2}bindings: \d+$/m);
  expect(after).toContain(`    - notify-api bound to ${SERVICE}\n`);
  expect(after).toContain(`    + ${NEW_SERVICE_APP} bound to ${NEW_SERVICE}\n`);
  expect(after.split("\n").filter((l) => /^ {4}[-+] /.test(l) && after.indexOf(l) < after.indexOf("queues:"))).toHaveLength(2);
  expect(after).toMatch(/^ {2}queues: \d+\n/m);
  expect(result.stdout).toContain("next plan: No changes.");
});
