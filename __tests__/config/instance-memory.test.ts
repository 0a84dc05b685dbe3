import { problems as configProblems } from "./problems";
import { CLOUD_CONTROLLER_MEMORY_LIMIT, INSTANCE_MEMORY_LIMITS, instanceMemoryLimit } from "../../config/platform-limits";
import { app, env } from "../checks/fixtures";

// One instance's memory beyond what its foundation allows is a config error (not a quota warning), on
// the small fixture estate moved onto a foundation whose limit is known.
const GOVUK = "https://api.cloud.service.gov.uk";
/** The fixture estate on GOV.UK PaaS (the foundation whose memory limit these tests judge). */
function problems(mutate: (e: any) => void): string[] {
  return configProblems((copy) => {
    copy.defaults.cfApiUrl = GOVUK;
    mutate(copy);
  });
}
const limit = INSTANCE_MEMORY_LIMITS[GOVUK];
const said = "at most 8G (8192 MiB, assumed: its source is in config/platform-limits.ts)";

test("memory 100000G is refused at load, naming the app, the value, the limit and its source", () => {
  expect(problems((e) => (app(e, "sender").memory = "100000G"))).toEqual([
    `config/apps.ts: apps[sender].memory: sender's memory is 102400000 MiB, more than one instance may have on ${GOVUK}: ${said} in preview, staging, production; lower it, or run more instances instead; got "100000G"`,
  ]);
});

test("at the limit passes; one megabyte over is refused", () => {
  expect(problems((e) => (app(e, "sender").memory = "8G"))).toEqual([]);
  expect(problems((e) => (app(e, "sender").memory = "8193M"))).toHaveLength(1);
});

test("an environment's own memory is checked in that environment only; a default over the limit is one line", () => {
  expect(problems((e) => (app(e, "sender").byEnvironment = { production: { memory: "9G" } }))).toEqual([
    `config/apps.ts: apps[sender].byEnvironment.production.memory: sender's production memory is 9216 MiB, more than one instance may have on ${GOVUK}: ${said} in production; lower it, or run more instances instead; got "9G"`,
  ]);
  // The sender's 9G elsewhere is replaced in production by its own 1G: only preview and staging take it.
  expect(problems((e) => {
    app(e, "sender").memory = "9G";
    app(e, "sender").byEnvironment = { production: { memory: "1G" } };
  })[0]).toMatch(/ in preview, staging; lower it/);
  expect(problems((e) => (e.defaults.memory = "16G"))).toEqual([
    `config/defaults.ts: defaults.memory: the default memory is 16384 MiB, more than one instance may have on ${GOVUK}: ${said} in preview, staging, production; lower it, or run more instances instead; got "16G"`,
  ]);
  // A default no app takes is not a problem of any environment.
  expect(problems((e) => {
    e.defaults.memory = "16G";
    for (const a of e.apps) a.memory = "1G";
  })).toEqual([]);
});

test("an environment on another foundation is held to that foundation's limit: Cloud Controller's own bound when unknown", () => {
  expect(instanceMemoryLimit("https://api.cf.example")).toBe(CLOUD_CONTROLLER_MEMORY_LIMIT);
  expect(problems((e) => {
    app(e, "sender").memory = "9G";
    env(e, "preview").cfApiUrl = "https://api.cf.example";
  })[0]).toMatch(/ in staging, production; lower it/);
  expect(problems((e) => {
    e.defaults.cfApiUrl = "https://api.cf.example";
    app(e, "sender").memory = "2147483648M";
  })[0]).toMatch(/is 2147483648 MiB, more than one instance may have on https:\/\/api\.cf\.example: at most 2097152G \(2147483647 MiB, public: /);
});

test("a size CF does not take is left to the size rule (one problem, not two)", () => {
  expect(problems((e) => (app(e, "sender").memory = "100000GB"))).toEqual(['config/apps.ts: apps[sender].memory: must be megabytes or gigabytes, e.g. "512M", "2G" or "1.5G"; got "100000GB"']);
});

test("every limit says where it comes from", () => {
  for (const l of [...Object.values(INSTANCE_MEMORY_LIMITS), CLOUD_CONTROLLER_MEMORY_LIMIT]) expect(l.source.length).toBeGreaterThan(40);
  expect(limit.figureSource).toBe("assumed");
});

test("a default memory is checked only where some app takes it: an app's own memory there, or its environment's, replaces it", () => {
  const onlyBeatTakesIt = (e: any) => {
    e.defaults.memory = "16G";
    for (const a of e.apps) if (a.name !== "beat") a.memory = "1G";
  };
  expect(problems(onlyBeatTakesIt)[0]).toMatch(/^config\/defaults\.ts: defaults\.memory: .* in preview, staging, production; /);
  expect(problems((e) => {
    onlyBeatTakesIt(e);
    app(e, "beat").byEnvironment = { production: { memory: "512M" } };
  })[0]).toMatch(/ in preview, staging; lower it/);
  // Another foundation's limit is said as its figure's source says.
  expect(problems((e) => {
    e.defaults.cfApiUrl = "https://api.cf.example";
    app(e, "sender").memory = "2147483648M";
  })[0]).toContain("(2147483647 MiB, public: its source is in config/platform-limits.ts)");
});
