import { lintSource } from "@secretlint/core";
import { secretLiterals } from "../../checks/secret-literals";
import { loadEstate } from "../../checks";
import { ALL_ENVS, app, configWith, estateWith } from "./fixtures";

// The scanner itself, counted: the check promises one scan per distinct name=value.
jest.mock("@secretlint/core", () => {
  const actual = jest.requireActual("@secretlint/core");
  return { ...actual, lintSource: jest.fn(actual.lintSource) };
});

// A credential typed into config as a plain env value would be in Git and in every plan. Seeded with
// the examples; each finding names app, variable and rule, never the value.
const withEnv = (vars: Record<string, string>) =>
  estateWith((e) => {
    const api = app(e, "notify-api");
    api.env = { ...(api.env ?? {}), ...vars };
  });

test.each([
  ["a database URI with a password", "SQLALCHEMY_DATABASE_URI", "postgres://notify:hunter2@db.example.org:5432/notify", "password in a URI"],
  ["a Redis URI with a password", "REDIS_SOMETHING", "rediss://:s3cr3tpassw0rd@redis.example.org:6379", "password in a URI"],
  ["an AWS access key id", "SOME_KEY", "AKIA2E0A8F3B244C9986", "AWS access key id"],
  ["an HTTP URL with basic auth", "WEBHOOK", "https://notify:hunter2@hooks.example.org/x", "secretlint:basicauth"],
  ["a private key", "SIGNING_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxyz\n-----END RSA PRIVATE KEY-----", "secretlint:privatekey"],
  ["a GitHub token", "GH", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "secretlint:github"],
])("refused: %s, naming app, variable and rule but never the value", async (_what, name, value, rule) => {
  const found = await secretLiterals.run(withEnv({ [name]: value }));
  expect(found.map((v) => `${v.environment}/${v.subject}`)).toEqual(["production/notify-api"]);
  expect(found[0].message).toContain(`${name} holds what looks like a credential (`);
  expect(found[0].message).toContain(rule);
  for (const part of value.split(/[:@/\n]/).filter((p) => p.length >= 6)) expect(found[0].message).not.toContain(part);
});

test("a value that breaks several rules names each, in order, once", async () => {
  const found = await secretLiterals.run(withEnv({ WEBHOOK: "https://notify:hunter2@hooks.example.org/AKIA2E0A8F3B244C9986" }));
  expect(found.map((v) => v.message)).toEqual([
    "WEBHOOK holds what looks like a credential (AWS access key id, password in a URI, secretlint:basicauth); the value is not shown. " +
      "Move it to the secret store: declare it in config/secrets.ts and list it under the app's secrets",
  ]);
});

test.each([
  ["a byte-order mark", "\uFEFF"],
  ["a no-break space", "\u00A0"],
])("a URI with a password is refused when pasted with %s before it", async (_what, prefix) => {
  const found = await secretLiterals.run(withEnv({ SQLALCHEMY_DATABASE_URI: `${prefix}postgres://notify:hunter2@db.example.org/notify` }));
  expect(found.map((v) => `${v.subject}: ${v.message.split(";")[0]}`)).toEqual(["notify-api: SQLALCHEMY_DATABASE_URI holds what looks like a credential (password in a URI)"]);
});

test("every app and environment that holds the value is named, each once per variable", async () => {
  const envs = estateWith((e) => {
    for (const name of ["notify-api", "sender"]) app(e, name).env = { ...(app(e, name).env ?? {}), DB: "postgres://notify:hunter2@db/notify", PLAIN: "1" };
  }, ["staging", "production"]);
  expect((await secretLiterals.run(envs)).map((v) => `${v.check} ${v.environment}/${v.subject}: ${v.message.split(" ")[0]}`)).toEqual([
    "NOTIFY-SECRET-LITERALS staging/notify-api: DB",
    "NOTIFY-SECRET-LITERALS staging/sender: DB",
    "NOTIFY-SECRET-LITERALS production/notify-api: DB",
    "NOTIFY-SECRET-LITERALS production/sender: DB",
  ]);
});

test("a variable the same on many apps and in every environment is scanned once (the synth scans the whole estate)", async () => {
  const envs = estateWith((e) => e.apps.forEach((a: any) => (a.env = { ...(a.env ?? {}), SHARED: "postgres://notify:hunter2@db/notify" })), ALL_ENVS);
  const values = envs.flatMap((e) => e.apps.flatMap((a) => Object.entries(a.env).map(([name, value]) => `${name}=${value}`)));
  const scans = jest.mocked(lintSource);
  scans.mockClear();
  const found = await secretLiterals.run(envs);
  expect(found).toHaveLength(envs.flatMap((e) => e.apps).length);
  expect(scans).toHaveBeenCalledTimes(new Set(values).size);
  expect(new Set(values).size).toBeLessThan(values.length);
});

test("ordinary settings pass: URLs without passwords, hosts, numbers, commands", async () => {
  const found = await secretLiterals.run(
    withEnv({ MMG_URL: "https://api.mmg.co.uk/jsonv2a/api.php", API_HOST: "api.notifications.service.gov.uk", POOL: "15", CMD: "flask db upgrade" }),
  );
  expect(found).toEqual([]);
});

test("the committed estate holds no secret literal, and the synth's own check path refuses one", async () => {
  await expect(loadEstate()).resolves.toBeDefined();
  const config = configWith((e) => (app(e, "notify-api").env = { SQLALCHEMY_DATABASE_URI: "postgres://notify:hunter2@db/notify" }));
  // One line for the app's own setting, naming every environment it is in.
  await expect(loadEstate(config)).rejects.toThrow(/NOTIFY-SECRET-LITERALS\] preview\+staging\+production\/notify-api: SQLALCHEMY_DATABASE_URI holds what looks like a credential/);
});

describe("tokens refused by value, whatever the variable's name", () => {
  const JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub3RpZnktYWRtaW4iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMH0.Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTBhYmNkZWZn";
  test("without the token detectors the preset passes a JWT: the attack ran", async () => {
    const preset = await lintSource({
      source: { filePath: "SESSION_JWT.env", content: `SESSION_JWT=${JWT}\n`, contentType: "text" },
      options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: (await import("@secretlint/secretlint-rule-preset-recommend")).creator }] }, maskSecrets: true, noPhysicFilePath: true },
    });
    expect(preset.messages).toEqual([]);
  });

  test.each([
    ["a JWT in SESSION_JWT", "SESSION_JWT", JWT, "JSON Web Token"],
    ["a JWT inside a URL, under an innocent name", "CALLBACK", `https://hooks.example.org/cb?token=${JWT}`, "JSON Web Token"],
    ["an unsigned JWT (alg none, empty signature)", "X", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "JSON Web Token"],
    ["a random base64 token", "SETTING_A", "DSq/Dw48wwbkXjPmDdNY3M2IxTLn+J4TdeadE8+q", "high-entropy token"],
    ["a random hex token", "SETTING_B", "0d4e53a6ccdeadfc0c4ac4b1b36e36e245f20404", "high-entropy token"],
  ])("refused: %s", async (_what, name, value, rule) => {
    const found = await secretLiterals.run(withEnv({ [name]: value }));
    expect(found.map((v) => v.message.split(";")[0])).toEqual([`${name} holds what looks like a credential (${rule})`]);
    expect(found[0].message).not.toContain(value.slice(-12));
  });

  test.each([
    ["a long hyphenated name", "notify-delivery-worker-save-api-notifications-dead-letter"],
    ["a JWT look-alike whose header is not JSON", "eyJhbGciOi.eyJzdWIi.x"],
    ["a JWT look-alike whose header has no alg", "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2ln"],
    ["a random token one character too short", "DSq/Dw48wwbkXjPmDdNY3M2IxTLn+J4"],
    ["a long hex run of low entropy", "00000000000000000000000000000000000000ff"],
    ["a long path of words and digits", "https://api.example.org/v2/notifications/sms/receive/mmg/12"],
    ["a base64 run with no digit (words)", "ThisIsAVeryLongCamelCaseIdentifierWithNoDigits"],
  ])("passes: %s", async (_what, value) => {
    expect(await secretLiterals.run(withEnv({ PLAIN_SETTING: value }))).toEqual([]);
  });

  test("a JWT is taken out of the value before tokens are read: what stood either side of it is not joined into one", async () => {
    const { tokenFindings } = await import("../../checks/secret-literals");
    expect(tokenFindings(`K7pQ2mX9vL4wR8tZ${JWT}/B3nH6cF1dJ5gS0yA`)).toEqual(["JSON Web Token"]);
    // Joined, the two halves would be one high-entropy token.
    expect(tokenFindings("K7pQ2mX9vL4wR8tZ/B3nH6cF1dJ5gS0yA")).toEqual(["high-entropy token"]);
  });

  test("the thresholds: a token at the entropy limit passes, one above it is refused", async () => {
    const { tokenFindings, entropy, BASE64_ENTROPY_LIMIT, HEX_ENTROPY_LIMIT, MIN_TOKEN_LENGTH } = await import("../../checks/secret-literals");
    expect([MIN_TOKEN_LENGTH, BASE64_ENTROPY_LIMIT, HEX_ENTROPY_LIMIT]).toEqual([32, 4.5, 3.0]);
    expect(entropy("aabb")).toBe(1);
    expect(entropy("abcd")).toBe(2);
    // 8 symbols, each 4 times: exactly 3 bits, the hex limit (not over it); one more symbol is over.
    const atHexLimit = "01234567".repeat(4);
    expect([entropy(atHexLimit), tokenFindings(atHexLimit)]).toEqual([3, []]);
    expect(tokenFindings("0123456789".repeat(4))).toEqual(["high-entropy token"]);
    // 32 distinct base64 characters with a digit: 5 bits; 16 distinct, twice: 4 bits, under 4.5.
    expect(tokenFindings("abcdefghijklmnopqrstuvwxyzABCDE1")).toEqual(["high-entropy token"]);
    expect(tokenFindings("abcdefghijklmno1".repeat(2))).toEqual([]);
    expect(tokenFindings("abcdefghijklmnopqrstuvwxyzABCD1")).toEqual([]);
    // 16 characters once and 8 twice: exactly 4.5 bits, the limit (not over it).
    const atBase64Limit = "abcdefghijklmnop0123456q0123456q";
    expect([entropy(atBase64Limit), tokenFindings(atBase64Limit)]).toEqual([4.5, []]);
    // 34 distinct letters (over 5 bits) but no digit: words, not a token.
    expect(tokenFindings("abcdefghijklmnopqrstuvwxyzABCDEFGH")).toEqual([]);
  });
});
