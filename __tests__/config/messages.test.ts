import { problems } from "./problems";
import { unusualCharacters } from "../../config/schema";
import { app, env } from "../checks/fixtures";

// What a refused value is said as: the file to edit, the value as written, the character that is
// not what it looks like.

test("an environment file that exports nothing is named as that file, not config/<environment>.ts", () => {
  expect(problems((e) => (e.environments[2] = undefined))).toEqual(["config/production.ts: environments[#3]: Required; it is missing"]);
});

test.each([
  [Infinity, "Infinity"],
  [-Infinity, "-Infinity"],
  [NaN, "NaN"],
])("%s is said as written, not as JSON's null", (value, said) => {
  const found = problems((e) => (env(e, "production").scaling["notify-api"].deployFloor = value));
  expect(found.length).toBeGreaterThan(0);
  for (const line of found) expect(line).toMatch(new RegExp(`^config/production.ts: environments\\[production\\].scaling.notify-api.deployFloor: .*; got ${said.replace("-", "\\-")}$`));
});

test("a name with an invisible or look-alike character says which character, where", () => {
  const found = problems((e) => (app(e, "sender").name = "sen\u200bder"));
  expect(found[0]).toMatch(/; got "sen\u200bder"; character 4 is U\+200B ZERO WIDTH SPACE$/);
  expect(unusualCharacters("notify-\u0430pi")).toBe('; character 8 is U+0430 "\u0430", not an ASCII letter, digit or sign');
  expect(unusualCharacters("a\tb\u00a0c")).toBe("; character 2 is U+0009 a control character, character 4 is U+00A0 NO-BREAK SPACE");
  expect(unusualCharacters("\u200b\u200b\u200b\u200bx")).toBe("; character 1 is U+200B ZERO WIDTH SPACE, character 2 is U+200B ZERO WIDTH SPACE, character 3 is U+200B ZERO WIDTH SPACE and 1 more");
  expect(unusualCharacters("notify-api")).toBe("");
});
