#!/usr/bin/env node
// npm run bench: whole-process timings (median and spread over repeated runs) of the commands
// people run, the stock ts-node path for comparison, and synth of generated 10x and 100x estates.
// It measures; it asserts nothing (tests never time anything). Runs take a few minutes.
//   node bench/bench.js [--quick]     --quick: fewer repetitions, no 100x estate, no ts-node
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const Table = require("cli-table3");
const { jsCli } = require("../bin/cli-conventions");

const options = jsCli("bench", "Time the commands people run (median, min, max over repeated whole-process runs); takes minutes")
  .option("--quick", "fewer repetitions, no 100x estate, no ts-node or cdktf CLI")
  .option("--budgets", "only the commands with a budget of their own: npm test, npm run test:unit, the rehearsal, the conformance suite")
  .parse()
  .opts();
const root = path.join(__dirname, "..");
const quick = Boolean(options.quick);
const budgetsOnly = Boolean(options.budgets);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notify-bench-"));
const env = { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: path.join(tmp, "cdktf.out") };

// With `cpu`, the command runs under GNU time, whose last line on stderr is the user and system CPU
// seconds of the whole process tree it waited for (npm, tsc, jest and its workers, Terraform).
const TIME = "/usr/bin/time";
function run(cmd, args, { cpu = false } = {}) {
  const [file, argv] = cpu ? [TIME, ["-f", "%U %S", cmd, ...args]] : [cmd, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stderr}`);
  if (!cpu) return { ms, stdout: r.stdout };
  const [user, sys] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  if (!(user >= 0 && sys >= 0)) throw new Error(`${TIME} printed no CPU times for ${cmd} ${args.join(" ")}:\n${r.stderr.slice(-500)}`);
  return { ms, stdout: r.stdout, cpuSeconds: user + sys };
}

// The machine is shared: the 1-minute load average before each sample says how busy it was (on 2
// cores, a load above 2 means the sample waited for a CPU).
// `cpu`: also the CPU seconds each run cost (median), which a busy machine changes less than the wall time.
function measure(label, cmd, args, times, { cpu = false } = {}) {
  run(cmd, args); // warm: builds the bundle, fills the page cache
  const loads = [];
  const runs = Array.from({ length: times }, () => {
    loads.push(os.loadavg()[0]);
    return run(cmd, args, { cpu });
  });
  const samples = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const cpuSeconds = cpu ? runs.map((r) => r.cpuSeconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)] : undefined;
  const load = `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`;
  const row = { label, runs: times, median, min: samples[0], max: samples[samples.length - 1], cpuSeconds, load };
  process.stderr.write(`  ${label}: median ${fmt(median)}${cpu ? `, ${cpuSeconds.toFixed(1)} CPU-s` : ""} over ${times} (load ${load})\n`);
  return row;
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const n = (full, q) => (quick ? q : full);

process.stderr.write(`benchmarking on ${os.cpus().length} x ${os.cpus()[0].model}, node ${process.version}\n`);
const rows = [];
if (!budgetsOnly) {
  rows.push(measure("synth process (node bin/run.js main.ts, as cdktf.json runs it)", process.execPath, ["bin/run.js", "main.ts"], n(21, 7)));
  rows.push(measure("synth process with CDK Terrain (node bin/run.js main.ts --lib cdktn)", process.execPath, ["bin/run.js", "main.ts", "--lib", "cdktn"], n(11, 5)));
  rows.push(measure("npm run synth", "npm", ["run", "-s", "synth"], n(11, 5)));
  rows.push(measure("npm run report", "npm", ["run", "-s", "report"], n(11, 5)));
  if (fs.existsSync(path.join(root, "review", "diff.ts"))) {
    rows.push(measure("npm run diff -- --base HEAD", "npm", ["run", "-s", "diff", "--", "--base", "HEAD"], n(5, 3)));
  }
  if (!quick) {
    rows.push(measure("stock path: ts-node main.ts (type-checking, as `cdktf init` sets up)", path.join(root, "node_modules", ".bin", "ts-node"), ["main.ts"], 3));
    rows.push(measure("cdktf synth (CLI + fast path)", path.join(root, "node_modules", ".bin", "cdktf"), ["synth", "--output", env.CDKTF_OUTDIR], 3));
  }
}
rows.push(measure("npm run rehearse -- production (the pipeline's deploy twice, stand-in providers)", "npm", ["run", "-s", "rehearse", "--", "production"], n(3, 1)));
rows.push(measure("npm run conformance -- --target standin (every scenario, stand-in providers)", "npm", ["run", "-s", "conformance", "--", "--target", "standin"], n(3, 1)));
const testLabel = process.env.NOTIFY_TF_PROVIDER_MIRROR
  ? "npm test (tsc + jest, with the real-Terraform validation, as ci/run)"
  : "npm test (tsc + jest; real-Terraform validation skipped: NOTIFY_TF_PROVIDER_MIRROR unset)";
rows.push(measure(testLabel, "npm", ["test", "--silent"], n(3, 1), { cpu: true }));
rows.push(measure("npm run test:unit (jest's unit project: no Terraform, no process started)", "npm", ["run", "-s", "test:unit"], n(5, 3), { cpu: true }));

const scale = [];
for (const factor of budgetsOnly ? [] : quick ? [1, 10] : [1, 10, 100]) {
  const times = factor === 100 ? 1 : n(5, 3);
  const row = measure(`synth of a generated ${factor}x estate`, process.execPath, ["bin/run.js", "bench/scale.ts", String(factor)], times);
  const detail = JSON.parse(run(process.execPath, ["bin/run.js", "bench/scale.ts", String(factor)]).stdout);
  scale.push({ ...row, factor, apps: detail.apps, queues: detail.queues });
}

const table = new Table({ head: ["command", "runs", "median", "min", "max", "CPU (median, user+sys)", "load (1 min)"], style: { head: [], border: [], compact: true } });
for (const r of rows) table.push([r.label, r.runs, fmt(r.median), fmt(r.min), fmt(r.max), r.cpuSeconds === undefined ? "" : `${r.cpuSeconds.toFixed(1)} s`, r.load]);
const growth = new Table({ head: ["estate", "apps per env (x3 envs)", "queues per env (x3 envs)", "median (whole process)", "vs 1x"], style: { head: [], border: [], compact: true } });
const base = scale[0]?.median;
for (const s of scale) growth.push([`${s.factor}x`, s.apps, s.queues, fmt(s.median), `${(s.median / base).toFixed(1)}x`]);
process.stdout.write(`${table.toString()}\n${scale.length ? `${growth.toString()}\n` : ""}`);
process.stdout.write(`machine: ${os.cpus().length} cores (${os.cpus()[0].model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
