import { UsageError } from "../../io/errors";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigError } from "../../config";
import { cleanUpInterruptedSynths, synthAtomically } from "../../stacks/synth";
import { filesUnder } from "../helpers";

test("a failing synth leaves the previous output exactly as it was and no temporary directory", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
  const out = path.join(root, "cdktf.out");
  fs.mkdirSync(path.join(out, "stacks", "production"), { recursive: true });
  fs.writeFileSync(path.join(out, "stacks", "production", "cdk.tf.json"), "previous");
  const before = filesUnder(out);
  expect(() =>
    synthAtomically(out, (tmp) => {
      fs.mkdirSync(path.join(tmp, "stacks", "production"), { recursive: true });
      fs.writeFileSync(path.join(tmp, "stacks", "production", "cdk.tf.json"), "half");
      throw new ConfigError(["production/notify-api: broken"]);
    }),
  ).toThrow(ConfigError);
  expect(filesUnder(out)).toEqual(before);
  expect(fs.readdirSync(root)).toEqual(["cdktf.out"]);
  fs.rmSync(root, { recursive: true, force: true });
});

test("a successful synth replaces the output and keeps Terraform's working files", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
  const out = path.join(root, "cdktf.out");
  fs.mkdirSync(path.join(out, "stacks", "preview", ".terraform"), { recursive: true });
  fs.writeFileSync(path.join(out, "stacks", "preview", ".terraform", "marker"), "init done");
  fs.writeFileSync(path.join(out, "stale.json"), "old");
  fs.writeFileSync(path.join(out, "stacks", "preview", "plan"), "a plan of the previous configuration");
  synthAtomically(out, (tmp) => {
    fs.mkdirSync(path.join(tmp, "stacks", "preview"), { recursive: true });
    fs.writeFileSync(path.join(tmp, "stacks", "preview", "cdk.tf.json"), "new");
  });
  expect(filesUnder(out)).toEqual({
    [path.join("stacks", "preview", "cdk.tf.json")]: "new",
    [path.join("stacks", "preview", ".terraform", "marker")]: "init done",
  });
  expect(fs.readdirSync(root)).toEqual(["cdktf.out"]);
  fs.rmSync(root, { recursive: true, force: true });
});

test("refuses an output directory that contains the working directory (it would be replaced): the caller's mistake, exit 2", () => {
  for (const dir of [process.cwd(), path.dirname(process.cwd())]) {
    expect(() => synthAtomically(dir, () => undefined)).toThrow(UsageError);
    expect(() => synthAtomically(dir, () => undefined)).toThrow(/^cannot synthesize into .*: it holds the working directory .*; name a directory of its own \(CDKTF_OUTDIR=cdktf.out, the default\)$/);
  }
});

describe("what interrupted synths left behind", () => {
  // A pid no process has: the largest Linux allows is 4194304.
  const DEAD = 4194303;
  const write = (dir: string, text: string) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "marker"), text);
  };

  test("half-written and superseded directories of dead synths are removed; a running synth's are left alone", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
    const out = path.join(root, "cdktf.out");
    write(out, "current");
    write(`${out}.tmp-${DEAD}`, "half");
    write(`${out}.old-${DEAD - 1}`, "superseded");
    write(`${out}.tmp-${process.ppid}`, "another synth, still running");
    synthAtomically(out, (tmp) => write(tmp, "new"));
    expect(fs.readdirSync(root).sort()).toEqual(["cdktf.out", `cdktf.out.tmp-${process.ppid}`]);
    expect(fs.readFileSync(path.join(out, "marker"), "utf8")).toBe("new");
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("an output moved aside by a synth that died before the swap is recovered", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
    const out = path.join(root, "cdktf.out");
    write(`${out}.old-${DEAD}`, "the last good output");
    cleanUpInterruptedSynths(out);
    expect(fs.readdirSync(root)).toEqual(["cdktf.out"]);
    expect(fs.readFileSync(path.join(out, "marker"), "utf8")).toBe("the last good output");
    fs.rmSync(root, { recursive: true, force: true });
  });
});
