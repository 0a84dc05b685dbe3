import { autoscalerLimits, diffAutoscaler, type AutoscalerLimitsFile } from "../../review/autoscaler";
import { renderDiff } from "../../review/diff";
import { environments } from "../helpers";

// Autoscaler limits are config this stack does not deploy: written as an artifact, shown in the diff.
test("the artifact holds every autoscaled app's limits, as config says, and only those", () => {
  for (const env of environments()) {
    const file = autoscalerLimits(env);
    const autoscaled = env.apps.filter((a) => a.instances.mode === "autoscaled");
    expect(Object.keys(file.apps).sort()).toEqual(autoscaled.map((a) => a.name).sort());
    for (const a of autoscaled) expect(file.apps[a.name]).toEqual(a.instances.mode === "autoscaled" ? { min: a.instances.autoscaler.min, max: a.instances.autoscaler.max } : undefined);
    expect(file.note).toMatch(/^Not deployed by this stack/);
  }
});

const file = (apps: AutoscalerLimitsFile["apps"]): AutoscalerLimitsFile => ({ environment: "production", note: "", apps });

test("a limit change, an app newly autoscaled and one no longer, each in a line saying it is not deployed here", () => {
  expect(diffAutoscaler(file({ b: { min: 2, max: 5 }, a: { min: 35, max: 35 }, c: { min: 1, max: 1 } }), file({ a: { min: 35, max: 40 }, b: { min: 2, max: 5 }, d: { min: 1, max: 2 } }))).toEqual([
    "autoscaler a: min/max 35/35 -> 35/40 (not deployed by this stack: update the autoscaler's variables)",
    "autoscaler c: min/max 1/1 -> (not autoscaled) (not deployed by this stack: update the autoscaler's variables)",
    "autoscaler d: min/max (not autoscaled) -> 1/2 (not deployed by this stack: update the autoscaler's variables)",
  ]);
  expect(diffAutoscaler(undefined, file({ a: { min: 1, max: 1 } }))).toEqual([]);
  expect(diffAutoscaler(file({ a: { min: 1, max: 1 } }), undefined)).toEqual([]);
  expect(diffAutoscaler(file({ a: { min: 1, max: 2 } }), file({ a: { min: 1, max: 2 } }))).toEqual([]);
});

test("the diff of an environment whose only change is a limit reports it, and counts as a change", () => {
  const stack = { resource: {} };
  const { text, changed } = renderDiff(["production"], { production: stack }, { production: stack }, () => ["autoscaler a: min/max 1/1 -> 1/2 (not deployed by this stack: update the autoscaler's variables)"]);
  expect(changed).toBe(true);
  expect(text).toBe("production:\n  autoscaler a: min/max 1/1 -> 1/2 (not deployed by this stack: update the autoscaler's variables)\n");
});

test("a raised minimum says the next deploy runs at least it; a lowered one, or a changed maximum alone, does not", () => {
  expect(diffAutoscaler(file({ s: { min: 18, max: 30 }, l: { min: 5, max: 10 }, m: { min: 2, max: 5 } }), file({ s: { min: 20, max: 30 }, l: { min: 4, max: 10 }, m: { min: 2, max: 6 } }))).toEqual([
    "autoscaler l: min/max 5/10 -> 4/10 (not deployed by this stack: update the autoscaler's variables)",
    "autoscaler m: min/max 2/5 -> 2/6 (not deployed by this stack: update the autoscaler's variables)",
    "autoscaler s: min/max 18/30 -> 20/30 (the next deploy runs at least 20; not deployed by this stack: update the autoscaler's variables)",
  ]);
});
