import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Jest's own hint after a snapshot changes is `npm test -- -u`: the arguments must reach
// jest, as `npx jest -u` does, and not concurrently, which would run the tests again unchanged. The test
// script is run as written in package.json, through concurrently, with tsc and jest replaced by a
// program that prints the arguments it was given.
const ROOT = path.join(__dirname, "..", "..");

/** The words of a package.json script (double quotes group, as the shell does for these scripts). */
function words(script: string): string[] {
  return [...script.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]));
}

test("npm test -- <args> passes the arguments to jest, and nothing to tsc", () => {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.test;
  const [bin, ...args] = words(script);
  expect(bin).toBe("concurrently");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-npm-test-args-"));
  try {
    const echo = path.join(dir, "echo.js");
    fs.writeFileSync(echo, "process.stdout.write(process.argv[2] + ' ' + JSON.stringify(process.argv.slice(3)) + '\\n');\n");
    const as = (name: string, command: string) => command.replace(new RegExp(`^${name}\\b`), `"${process.execPath}" "${echo}" ${name}`);
    const replaced = args.map((a) => (a.startsWith("tsc") ? as("tsc", a) : a.startsWith("jest") ? as("jest", a) : a));
    expect(replaced.filter((a) => a.includes(echo))).toHaveLength(2);
    // What npm runs for `npm test -- -u -t "a name"`: the script, then the arguments after its own --.
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "concurrently"), [...replaced, "-u", "-t", "a name"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").sort()).toEqual(['jest ["-u","-t","a name"]', "tsc [\"--noEmit\"]"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
