import { secretGrants } from "../../checks/secret-grants";
import { ALL_ENVS, app, estateWith, messages } from "./fixtures";

// 4437d60dd: the CBC proxy credentials had been given to every app.
test("a restricted key on an app its catalogue entry does not allow fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").secrets = ["PROVIDER_API_KEY"]));
  expect(messages(secretGrants, envs)).toEqual([
    "production/notify-api: notify-api is given PROVIDER_API_KEY, which config/secrets.ts allows only to sender; " +
      "remove it from the app or, if the app's code really reads it, add the app to allowedApps with the reason",
  ]);
});

test("a secret allowed to no app says so", () => {
  const envs = estateWith((e) => (e.secrets.find((s: any) => s.name === "PROVIDER_API_KEY").allowedApps = []));
  expect(secretGrants.run(envs).map((v) => v.message)).toEqual([expect.stringContaining("allows only to no app;")]);
});

test("the fixture's grants pass in every environment", () => {
  expect(secretGrants.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

test("a new app given several secrets it is not allowed is one line per environment, naming them all", () => {
  const envs = estateWith((e) => {
    e.secrets.push({ name: "OTHER_KEY", kind: "secret", encoding: "string", allowedApps: ["sender", "receipts", "notify-api", "beat"], reason: "Four apps call the other service." });
    app(e, "reporter").secrets = ["PROVIDER_API_KEY", "OTHER_KEY"];
  });
  expect(messages(secretGrants, envs)).toEqual([
    "production/reporter: reporter is given PROVIDER_API_KEY, OTHER_KEY, which config/secrets.ts does not allow it; remove them from the app or, if the app's code really reads them, add the app to allowedApps with the reason",
  ]);
  const one = estateWith((e) => {
    e.secrets.push({ name: "OTHER_KEY", kind: "secret", encoding: "string", allowedApps: ["sender", "receipts", "notify-api", "beat"], reason: "Four apps call the other service." });
    app(e, "reporter").secrets = ["OTHER_KEY"];
  });
  expect(secretGrants.run(one).map((v) => v.message)).toEqual([expect.stringContaining("allows only to sender, receipts and 2 other apps;")]);
});

test("up to three allowed apps are named in full", () => {
  const envs = estateWith((e) => {
    e.secrets.push({ name: "THREE_KEY", kind: "secret", encoding: "string", allowedApps: ["sender", "receipts", "beat"], reason: "Three apps call the other service." });
    app(e, "reporter").secrets = ["THREE_KEY"];
  });
  expect(secretGrants.run(envs).map((v) => v.message)).toEqual([expect.stringContaining("allows only to sender, receipts, beat;")]);
});
