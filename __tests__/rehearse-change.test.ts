import * as fs from "fs";
import * as path from "path";
import { estate } from "../config";
import { run } from "../rehearsal/rehearse";
import { projectRepository } from "./helpers";

// `npm run rehearse -- production --base HEAD~1` on a repository with two commits: the second drops a
// queue from config (forgotten: it stays) and unbinds a service from the API (a destroy the plan guard
// refuses). The base is deployed on the live platform first, so the change shows as what it does to a
// running estate: a forget, an unbind, the guard's verdict, the platform after. Chosen by what they
// are, not by today's names: any queue no app consumes or publishes to, any service the API holds
// that not every app does.
jest.setTimeout(240_000);

const QUEUE = (() => {
  const used = new Set(estate.apps.flatMap((a) => [...((a.process as { queues?: string[] }).queues ?? []), ...((a.process as { publishesTo?: string[] }).publishesTo ?? [])]));
  const q = estate.queues.find((x) => !used.has(x.name));
  if (!q) throw new Error("every queue is consumed by an app of the estate: pick another removal to rehearse");
  return q.name;
})();
const SERVICE = (() => {
  const api = estate.apps.find((a) => a.name === "notify-api");
  const s = api?.services?.find((x) => !estate.apps.every((a) => a.services?.includes(x)));
  if (!s) throw new Error("no service is bound to the API but not to every app: pick another unbinding to rehearse");
  return s;
})();

let repo: string;
let result: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  const project = projectRepository("notify-rehearse-repo-");
  repo = project.dir;
  fs.appendFileSync(
    path.join(repo, "config", "queues.ts"),
    `\n(queues as QueueDefinition[]).splice(queues.findIndex((q) => q.name === ${JSON.stringify(QUEUE)}), 1);\n`,
  );
  fs.appendFileSync(
    path.join(repo, "config", "apps.ts"),
    `\n(apps as AppDefinition[])[apps.findIndex((a) => a.name === "notify-api")] = { ...apps.find((a) => a.name === "notify-api")!, services: apps.find((a) => a.name === "notify-api")!.services!.filter((s) => s !== ${JSON.stringify(SERVICE)}) };\n`,
  );
  project.commit("drop a queue, unbind a service from the API");
  result = await run(process.execPath, ["bin/run.js", "rehearsal/rehearse-main.ts", "production", "--base", "HEAD~1"], { cwd: repo, env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
});
afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

test("the base is deployed on the live platform first", () => {
  expect(result.stdout).toMatch(/^rehearse production --base HEAD~1: HEAD~1 \([0-9a-f]{10}\) deployed on rehearsal\/platforms\/production\.json, then the working tree$/m);
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

test("the platform after the apply: the binding is gone, the forgotten queue is still there, and the next plan is empty", () => {
  const after = result.stdout.slice(result.stdout.indexOf("platform after:"));
  expect(after).toMatch(/^ {2}bindings: (\d+) \(was (\d+)\)$/m);
  const [, now, was] = /^ {2}bindings: (\d+) \(was (\d+)\)$/m.exec(after)!;
  expect(Number(was) - Number(now)).toBe(1);
  expect(after).toContain(`    - notify-api bound to ${SERVICE}\n`);
  expect(after).toMatch(/^ {2}queues: \d+\n/m);
  expect(result.stdout).toContain("next plan: No changes.");
});
