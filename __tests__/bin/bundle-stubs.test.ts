import * as fs from "fs";
import * as path from "path";

// bin/run.js replaces a private module of the CDK library in its bundle (token creation stacks, for
// speed). A replacement that lacks a function the library calls fails only at synth, and only with
// that library: cdktn's first synth here failed so (captureCreationStack). Held here against the real
// module and the real call sites of every library the bundle can be built with.
const ROOT = path.join(__dirname, "..", "..");
const { LIBRARIES, STUBS } = require("../../bin/bundle-stubs") as {
  LIBRARIES: string[];
  STUBS: { name: string; filter: RegExp; replaces: string[]; contents: string }[];
};

/** A stub's source loaded as a CommonJS module, as the bundle loads it. */
function load(contents: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function("exports", "module", "require", contents)(module.exports, module, require);
  return module.exports;
}

/** Every file of a package's lib/, with the name each file binds a require of `target` to. */
function callers(libDir: string, target: string): { file: string; calls: string[] }[] {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []));
  const out: { file: string; calls: string[] }[] = [];
  for (const file of files(libDir)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:const|var|let)\s+(\w+)\s*=\s*require\("([^"]+)"\)/g)) {
      if (path.resolve(path.dirname(file), m[2]) + ".js" !== target && path.resolve(path.dirname(file), m[2]) !== target) continue;
      const calls = [...text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, "g"))].map((c) => c[1]);
      out.push({ file: path.relative(libDir, file), calls });
    }
  }
  return out;
}

const replaced = STUBS.flatMap((stub) => stub.replaces.map((rel) => ({ stub, rel, lib: rel.split("/")[0] })));

test("the stubs replace a private module of every library the bundle can be built with", () => {
  expect(LIBRARIES).toEqual(["cdktf", "cdktn"]);
  expect(replaced.map((r) => r.rel).sort()).toEqual(LIBRARIES.map((l) => `${l}/lib/tokens/private/stack-trace.js`));
});

describe.each(replaced)("$stub.name in place of $rel", ({ stub, rel, lib }) => {
  const real = path.join(ROOT, "node_modules", rel);

  test("its filter matches the real module's path, and only that module among the library's and constructs' own", () => {
    expect(fs.existsSync(real)).toBe(true);
    expect(stub.filter.test(real)).toBe(true);
    // constructs keeps a module of the same name that the stub must not hide.
    expect(stub.filter.test(path.join(ROOT, "node_modules", "constructs", "lib", "private", "stack-trace.js"))).toBe(false);
    expect(stub.filter.test(path.join(ROOT, "node_modules", lib, "lib", "tokens", "private", "intrinsic.js"))).toBe(false);
  });

  test("it exports every function the real module exports, each returning what the real one returns: an array", () => {
    const realExports = require(real) as Record<string, unknown>;
    const stubExports = load(stub.contents);
    const names = Object.keys(realExports);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect([name, typeof stubExports[name]]).toEqual([name, typeof realExports[name]]);
      if (typeof realExports[name] !== "function") continue;
      expect([name, Array.isArray((realExports[name] as () => unknown)())]).toEqual([name, true]);
      expect([name, (stubExports[name] as () => unknown)()]).toEqual([name, []]);
    }
  });

  test("it exports every function the library calls on it", () => {
    const sites = callers(path.join(ROOT, "node_modules", lib, "lib"), real);
    expect(sites.length).toBeGreaterThan(0);
    const stubExports = load(stub.contents);
    for (const { file, calls } of sites) {
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect([file, call, typeof stubExports[call]]).toEqual([file, call, "function"]);
    }
  });
});

// jest.config.js applies the same stub (__tests__/bundle-stub-transform.js): in-process synths in the
// tests then spend no CPU on creation stacks, and run the code the bundle runs.
test.each(["cdktf", "cdktn"])("under jest, %s's token creation-stack module is the bundle's stub", (lib) => {
  const loaded = require(path.join(ROOT, "node_modules", lib, "lib", "tokens", "private", "stack-trace.js"));
  const stub = load(STUBS.find((s) => s.name === "no-token-creation-stacks")!.contents);
  expect(Object.keys(loaded).sort()).toEqual(Object.keys(stub).sort());
  expect(loaded.captureStackTrace()).toEqual([]);
  expect(loaded.captureCreationStack()).toEqual([]);
});
