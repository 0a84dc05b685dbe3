import { untrustedStackProblems } from "../tools/trusted-stack";
import { synth } from "./helpers";

// What CI lets a pull request's synthesized stack do before it plans it with credentials. The
// reference is main's stack (here: this tree's production stack); the candidate is a copy with one
// seeded change.
const reference = synth("production") as unknown as Record<string, any>;
const candidate = (change: (s: Record<string, any>) => void) => {
  const copy = JSON.parse(JSON.stringify(reference));
  change(copy);
  return copy;
};
const refused = (change: (s: Record<string, any>) => void) => untrustedStackProblems("production", candidate(change), reference);

test("main's own stack, and any change to what it declares, may be planned", () => {
  expect(untrustedStackProblems("production", reference, reference)).toEqual([]);
  expect(refused((s) => (s.resource.cloudfoundry_app["notify-api"].memory = "2G"))).toEqual([]);
  expect(refused((s) => delete s.resource.aws_sqs_queue["antivirus-tasks"])).toEqual([]);
});

test.each([
  ["a provider pointed at another host (it would receive the CF password)", (s: any) => (s.provider.cloudfoundry[0].api_url = "https://cf.example.org"), /"provider" block differs/],
  ["an AWS provider with its own endpoints", (s: any) => (s.provider.aws[0].endpoints = [{ sts: "https://x.example" }]), /"provider" block differs/],
  ["another backend", (s: any) => (s.terraform.backend.s3.bucket = "someone-elses"), /"terraform" block differs/],
  ["another provider", (s: any) => (s.terraform.required_providers.http = { source: "hashicorp/http" }), /"terraform" block differs/],
  ["a data source type main does not use", (s: any) => (s.data.aws_lambda_invocation = { x: { function_name: "f", input: "{}" } }), /data type "aws_lambda_invocation" is not used on main/],
  ["a resource type main does not use", (s: any) => (s.resource.aws_iam_access_key = { k: { user: "u" } }), /resource type "aws_iam_access_key"/],
  ["an output", (s: any) => (s.output = { o: { value: "x" } }), /top-level block "output"/],
  ["a module (fetched from anywhere)", (s: any) => (s.module = { m: { source: "git::https://x.example/m" } }), /top-level block "module"/],
  ["nonsensitive()", (s: any) => (s.locals.leak = "${nonsensitive(data.aws_ssm_parameter.ssm-SECRET_KEY.value)}"), /nonsensitive\(/],
  ["a provisioner", (s: any) => (s.resource.cloudfoundry_app["notify-api"].provisioner = [{ "local-exec": { command: "env" } }]), /provisioner/],
])("refused: %s", (_what, change, message) => {
  const problems = refused(change);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.join("\n")).toMatch(message);
  expect(problems.every((p) => p.startsWith("production: "))).toBe(true);
});

test("something that is not a stack is refused, never waved through", () => {
  for (const bad of [null, [], "{}", 42]) expect(untrustedStackProblems("production", bad, reference)).toHaveLength(1);
  expect(untrustedStackProblems("production", {}, reference).length).toBeGreaterThan(0);
});
