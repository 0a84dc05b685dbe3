import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { runProcess } from "../../offline/harness";
import { CF_ROLES } from "../../config/identities";

// `npm run standin -- <env>` serves the stand-in for anyone's own Terraform: it prints the
// TF_REATTACH_PROVIDERS line, serves on the sockets it names, and on Ctrl-C (SIGINT) or SIGTERM stops
// and leaves no socket behind.
const ROOT = path.join(__dirname, "..", "..");
const entry = [path.join(ROOT, "bin", "run.js"), "commands/standin.ts"];

/** Starts the command and resolves with the reattach value once it has printed its export line. */
function start(args: string[]): Promise<{ child: ChildProcess; reattach: Record<string, { Addr: { String: string } }>; stdout: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [...entry, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d) => (stderr += d));
    child.stdout!.on("data", (d) => {
      stdout += d;
      const line = /^export TF_REATTACH_PROVIDERS='(.*)'$/m.exec(stdout);
      if (line) resolve({ child, reattach: JSON.parse(line[1]), stdout: () => stdout, exited });
    });
    void exited.then((code) => reject(new Error(`exited ${code} before printing the line:\n${stdout}${stderr}`)));
  });
}

const connects = (socket: string) =>
  new Promise<boolean>((resolve) => {
    const c = net.connect(socket, () => {
      c.end();
      resolve(true);
    });
    c.on("error", () => resolve(false));
  });

beforeAll(async () => {
  // The bundle is built once, before the tests below start the command.
  await runProcess(process.execPath, [...entry, "--help"], { cwd: ROOT, env: process.env });
});

test.each([["SIGINT"], ["SIGTERM"]] as const)("it prints the reattach line for both providers, serves on its sockets, and %s stops it leaving no socket", async (signal) => {
  const { child, reattach, exited } = await start(["preview"]);
  const sockets = Object.values(reattach).map((p) => p.Addr.String);
  expect(Object.keys(reattach).sort()).toEqual(["registry.terraform.io/cloudfoundry/cloudfoundry", "registry.terraform.io/hashicorp/aws"]);
  for (const s of sockets) expect(await connects(s)).toBe(true);
  child.kill(signal);
  expect(await exited).toBe(0);
  for (const s of sockets) expect([s, fs.existsSync(s)]).toEqual([s, false]);
  // Its working directory (the platform copy) goes too.
  expect(fs.existsSync(path.dirname(sockets[0]))).toBe(false);
});

test("--platform serves a platform file in place and leaves it; --role names an identity", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-standin-cli-"));
  try {
    const file = path.join(dir, "mine.json");
    fs.copyFileSync(path.join(ROOT, "offline", "platforms", "staging.json"), file);
    const { child, stdout, exited } = await start(["staging", "--platform", file, "--role", "SpaceAuditor"]);
    expect(stdout()).toContain(`platform: ${file} (served in place: applies change it)`);
    expect(stdout()).toMatch(/role SpaceAuditor/);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("an unknown role, a file that is not a platform, and an unknown environment are refused (exit 2)", async () => {
  const results = await Promise.all([
    runProcess(process.execPath, [...entry, "preview", "--role", "root"], { cwd: ROOT, env: process.env }),
    runProcess(process.execPath, [...entry, "preview", "--platform", path.join(ROOT, "package.json")], { cwd: ROOT, env: process.env }),
    runProcess(process.execPath, [...entry, "prod"], { cwd: ROOT, env: process.env }),
  ]);
  expect(results.map((r) => [r.code, r.stdout])).toEqual([[2, ""], [2, ""], [2, ""]]);
  expect(results[0].stderr).toBe(`standin: unknown role "root"; one of: ${CF_ROLES.join(", ")}\n`);
  expect(results[1].stderr).toMatch(/^standin: .*package\.json is not a stand-in platform/);
  expect(results[2].stderr).toBe('standin: unknown environment "prod"; one of: preview, staging, production\n');
});
