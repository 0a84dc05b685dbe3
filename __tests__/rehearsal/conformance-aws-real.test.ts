import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProcess } from "../../offline/harness";
import {
  awsModule,
  awsRealSkipReason,
  compareSteps,
  MOTO_DEVIATIONS,
  MOTO_VERSION,
  normaliseError,
  report,
  type AwsStepId,
  type StepRecord,
} from "../../rehearsal/conformance-aws-real";

// `npm run conformance -- --target aws-real`: the real hashicorp/aws against moto, compared with the
// stand-in. The lane itself is not run here (it costs minutes of CPU: docs/performance.md); what is
// tested is how it compares and names what it finds, when it refuses to run, and that an interrupted
// run leaves no moto server and no work directory behind.
const ROOT = path.join(__dirname, "..", "..");

const record = (values: Partial<StepRecord> = {}): StepRecord => ({ summary: "No changes.", changes: {}, attributes: {}, errors: [], facts: {}, ...values });

describe("comparing the two targets", () => {
  test("the same plan is SAME; a change only the real side plans, made of moto's deviations alone, is named moto with its source", () => {
    const respaced = '{"deadLetterTargetArn": "arn:aws:sqs:eu-west-1:000000000000:q-dead-letter", "maxReceiveCount": 5}';
    const compact = '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:000000000000:q-dead-letter","maxReceiveCount":5}';
    const real = {
      adopt: record({ summary: "Plan: 1 to import", changes: { "aws_sqs_queue.q": "update+import", "aws_sqs_queue.r": "update+import" }, attributes: { "aws_sqs_queue.r": { max_message_size: [1048576, 262144] } } }),
      "second-deploy": record({
        summary: "Plan: 0 to add, 2 to change, 0 to destroy.",
        changes: { "aws_sqs_queue.q": "update", "aws_sqs_queue.r": "update" },
        attributes: { "aws_sqs_queue.q": { redrive_policy: [respaced, compact], policy: [null, "{}"] }, "aws_sqs_queue.r": { max_message_size: [1048576, 262144] } },
      }),
    } as Partial<Record<AwsStepId, StepRecord>>;
    const standin = {
      adopt: record({ summary: "Plan: 1 to import", changes: { "aws_sqs_queue.q": "update+import", "aws_sqs_queue.r": "import" } }),
      "second-deploy": record(),
    } as Partial<Record<AwsStepId, StepRecord>>;
    const findings = compareSteps(real, standin);
    expect(findings.map((f) => [f.step, f.kind])).toEqual([
      ["adopt", "moto"],
      ["second-deploy", "moto"],
      ["second-deploy", "moto"],
    ]);
    expect(findings[0].text).toMatch(/^aws_sqs_queue.r: real update\+import \(max_message_size 1048576 -> 262144\), stand-in import: moto message-size-1mib$/);
    expect(findings[1].text).toMatch(/moto redrive-respaced, policy-wiped$/);
    expect(findings[2].text).toMatch(/moto message-size-1mib$/);
    expect(compareSteps({ adopt: real.adopt }, { adopt: { ...standin.adopt!, changes: { "aws_sqs_queue.q": "update+import", "aws_sqs_queue.r": "update+import" } } })[0].kind).toBe("same");
    const text = report(findings, ["header"]);
    expect(text).toContain("MOTO  adopt: 1 resource (aws_sqs_queue.r): real update+import (...), stand-in import: moto message-size-1mib");
    for (const d of MOTO_DEVIATIONS) expect(text).toContain(`${d.id}: ${d.what} (getmoto/moto 5.2.1 moto/sqs/`);
  });

  test("anything else is a DIFF: another attribute, another action, an error or a fact one side alone has", () => {
    const real = {
      changes: record({ changes: { "aws_sqs_queue.q": "update" }, attributes: { "aws_sqs_queue.q": { visibility_timeout_seconds: [30, 90] } } }),
      validation: record({ errors: ["expected visibility_timeout_seconds to be in the range (0 - 43200), got 99999"] }),
      "forget-and-rename": record({ facts: { "q exists after apply": true } }),
    } as Partial<Record<AwsStepId, StepRecord>>;
    const standin = {
      changes: record(),
      validation: record(),
      "forget-and-rename": record({ facts: { "q exists after apply": false } }),
    } as Partial<Record<AwsStepId, StepRecord>>;
    const findings = compareSteps(real, standin);
    expect(findings.map((f) => [f.step, f.kind, f.text])).toEqual([
      ["changes", "difference", "aws_sqs_queue.q: real update (visibility_timeout_seconds 30 -> 90), stand-in no change"],
      ["forget-and-rename", "difference", "q exists after apply: real true, stand-in false"],
      ["validation", "difference", "real error only: expected visibility_timeout_seconds to be in the range (0 - 43200), got 99999"],
    ]);
    expect(report(findings, [])).toMatch(/^DIFF {2}changes: aws_sqs_queue.q: real update/m);
  });

  test("errors compare without request ids and queue URL hosts, which differ between any two runs", () => {
    expect(normaliseError("waiting for SQS Queue (http://127.0.0.1:36775/000000000000/conformance-json) attributes update: x, RequestID: ipEFLSozXoxu, NoSuchEntity")).toBe(
      normaliseError("waiting for SQS Queue (https://sqs.eu-west-1.amazonaws.com/000000000000/conformance-json) attributes update: x, RequestID: 4b1c-9e, NoSuchEntity"),
    );
  });

  test("the AWS part keeps the import blocks that adopt AWS resources and no other", () => {
    const stack = {
      terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" }, cloudfoundry: {} } },
      provider: { aws: [{ region: "eu-west-1" }], cloudfoundry: [{}] },
      resource: { aws_sqs_queue: { q: { name: "q" } }, cloudfoundry_app: { a: {} } },
      data: { aws_sqs_queues: { live: {} }, cloudfoundry_space: { s: {} } },
      import: [
        { to: "aws_sqs_queue.q", id: "${each.value}", for_each: "${x}" },
        { to: "cloudfoundry_app.a", id: "${each.value}", for_each: "${y}" },
      ],
    };
    const m = awsModule(stack);
    expect([Object.keys(m.resource), Object.keys(m.data), m.import.map((i: { to: string }) => i.to)]).toEqual([["aws_sqs_queue"], ["aws_sqs_queues"], ["aws_sqs_queue.q"]]);
  });
});

describe("where it cannot run", () => {
  const ok = (stdout = "") => ({ status: 0, stdout }) as never;
  const failing = { status: 1, stdout: "" } as never;
  let mirror = "";
  beforeAll(() => {
    mirror = fs.mkdtempSync(path.join(os.tmpdir(), "notify-aws-mirror-"));
    fs.mkdirSync(path.join(mirror, "registry.terraform.io", "hashicorp", "aws", "5.100.0"), { recursive: true });
  });
  afterAll(() => fs.rmSync(mirror, { recursive: true, force: true }));

  test("it names what is missing: the mirror, the provider in it, terraform, moto, moto's version", () => {
    expect(awsRealSkipReason(undefined, () => ok())).toMatch(/^NOTIFY_TF_PROVIDER_MIRROR is not set/);
    expect(awsRealSkipReason("/nonexistent", () => ok())).toBe("no hashicorp/aws 5.100.0 under /nonexistent");
    expect(awsRealSkipReason(mirror, () => failing)).toBe("terraform is not on PATH");
    expect(awsRealSkipReason(mirror, ((cmd: string) => (cmd === "terraform" ? ok() : failing)) as never)).toMatch(/^moto is not installed in python3/);
    expect(awsRealSkipReason(mirror, ((cmd: string) => (cmd === "terraform" ? ok() : ok("5.1.0"))) as never)).toMatch(/^python3 has moto 5.1.0, not 5.2.1/);
    expect(awsRealSkipReason(mirror, ((cmd: string) => (cmd === "terraform" ? ok() : ok("5.2.1"))) as never)).toBeUndefined();
  });

  const conformance = (args: string[], env: NodeJS.ProcessEnv) =>
    runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/conformance.ts", "--target", "aws-real", ...args], { cwd: ROOT, env: { ...process.env, ...env } });

  test("without the mirror it refuses (exit 1) and says why; --dry-run says the same and runs nothing; live's options are refused (exit 2)", async () => {
    const env = { NOTIFY_TF_PROVIDER_MIRROR: "" };
    const [run, dry, misused] = await Promise.all([conformance([], env), conformance(["--dry-run"], env), conformance(["--space", "x"], env)]);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining("conformance --target aws-real cannot run here: NOTIFY_TF_PROVIDER_MIRROR is not set")]);
    expect([dry.code, dry.stdout]).toEqual([0, expect.stringContaining("cannot run here: NOTIFY_TF_PROVIDER_MIRROR is not set")]);
    expect(dry.stdout).toContain("  max-receive-count-string: ");
    expect(misused.code).toBe(2);
  });
});

/** Pids of the processes whose parent is `ppid` and whose command line contains `text` (Linux /proc). */
function childrenOf(ppid: number, text: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        return Number(stat.replace(/^.*\) /s, "").split(" ")[1]) === ppid && fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const skip = awsRealSkipReason(process.env.NOTIFY_TF_PROVIDER_MIRROR);
(skip ? test.skip : test).each([["SIGTERM", 143], ["SIGINT", 130]] as const)(
  `%s while moto runs stops moto and removes the work directory (exit %i)${skip ? ` [skipped: ${skip}]` : ""}`,
  async (signal, code) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notify-aws-real-interrupt-"));
    try {
      // The signal goes to the command alone, not its process group: moto must be stopped by the command.
      const child = spawn(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/conformance.ts", "--target", "aws-real"], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      let moto: number[] = [];
      while (!moto.length) {
        moto = childrenOf(child.pid!, "moto.server");
        if (!moto.length) await new Promise((r) => setTimeout(r, 20));
      }
      child.kill(signal);
      expect(await exited).toBe(code);
      await new Promise((r) => setTimeout(r, 200));
      expect([moto.filter((pid) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ")), fs.readdirSync(tmp)]).toEqual([[], []]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
);

test("ci/run runs the lane after the stand-in suite where it can, and otherwise says it skipped and why; the CI image installs the moto it checks for", () => {
  const ciRun = fs.readFileSync(path.join(ROOT, "ci", "run"), "utf8");
  // The reason is the dry run's own "cannot run here: <why>" line (the test above shows it is printed).
  expect(ciRun).toContain("reason=$(npm run -s conformance -- --target aws-real --dry-run | sed -n 's/^cannot run here: //p')");
  expect(ciRun).toContain('echo "ci: conformance --target aws-real skipped: $reason"');
  expect(ciRun.indexOf("--target aws-real\n")).toBeGreaterThan(ciRun.indexOf("--target standin"));
  const dockerfile = fs.readFileSync(path.join(ROOT, "ci", "image", "Dockerfile"), "utf8");
  expect(dockerfile).toContain(`'moto[server]==${MOTO_VERSION}'`);
});

test("the same update on both sides must change the same attributes, moto's own changes aside", () => {
  const respaced = '{"a": 1}';
  const real = { changes: record({ changes: { "aws_sqs_queue.q": "update" }, attributes: { "aws_sqs_queue.q": { visibility_timeout_seconds: [30, 90], redrive_policy: [respaced, '{"a":1}'] } } }) } as Partial<Record<AwsStepId, StepRecord>>;
  const same = { changes: record({ changes: { "aws_sqs_queue.q": "update" }, attributes: { "aws_sqs_queue.q": { visibility_timeout_seconds: [30, 90] } } }) } as Partial<Record<AwsStepId, StepRecord>>;
  const other = { changes: record({ changes: { "aws_sqs_queue.q": "update" }, attributes: { "aws_sqs_queue.q": { visibility_timeout_seconds: [30, 90], tags: [{}, { a: "b" }] } } }) } as Partial<Record<AwsStepId, StepRecord>>;
  expect(compareSteps(real, same).map((f) => f.kind)).toEqual(["same"]);
  expect(compareSteps(real, other).map((f) => [f.kind, f.text])).toEqual([["difference", "aws_sqs_queue.q: both update, but the attributes differ: real visibility_timeout_seconds, stand-in visibility_timeout_seconds, tags"]]);
});
