import * as path from "path";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { goJsonError, normalizeJson, policiesEquivalent } from "../../offline/standin/aws-json";
import { Platform } from "../../offline/standin/platform";
import { StandinError, StandinProvider } from "../../offline/standin/provider";
import { standinSchemas } from "../../offline/standin/start";
import { conform, UNKNOWN, type Obj } from "../../offline/standin/values";
import { standinTestSpace } from "../fixtures/small-estate";

// hashicorp/aws 5.100.0 at its edges (offline/standin/aws-resources.ts, semantics rows 80-86): what the
// stand-in refused, normalised, stored and failed like the real provider after these rows, and did not
// before them. The real provider's answers to the same inputs are compared by the aws-real
// conformance lane (docs/conformance.md).
const ROOT = path.join(__dirname, "..", "..");
const { aws: AWS } = standinSchemas(ROOT);
const SPACE = standinTestSpace([]);

function fresh() {
  const platform = Platform.inMemory(bootstrapPlatform(SPACE));
  return { platform, aws: new StandinProvider("aws", AWS, platform, false) };
}
const type = (t: string) => fresh().aws.resourceType(t);
const queue = (values: Obj = {}): Obj => conform({ name: "previewq", ...values }, type("aws_sqs_queue")) as Obj;
const iamPolicy = (values: Obj = {}): Obj => conform({ name: "p", policy: POLICY, ...values }, type("aws_iam_policy")) as Obj;
const attachment = (user: string, arn: string): Obj => conform({ user, policy_arn: arn }, type("aws_iam_user_policy_attachment")) as Obj;

/** Terraform's proposal: config, with the prior value of every computed attribute config leaves null. */
function plan(aws: StandinProvider, t: string, prior: Obj | null, config: Obj) {
  const attrs = aws.schema.resource_schemas[t].block.attributes!;
  const proposed = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === null && attrs[k]?.computed && prior ? prior[k] : v]));
  return aws.plan(t, prior, proposed, config);
}
const apply = (aws: StandinProvider, t: string, prior: Obj | null, config: Obj) => aws.apply(t, prior, plan(aws, t, prior, config).planned) as Obj;
const failure = (f: () => unknown): StandinError => {
  try {
    f();
  } catch (err) {
    if (err instanceof StandinError) return err;
    throw err;
  }
  throw new Error("no error");
};

const ARN = "arn:aws:sqs:eu-west-1:000000000000:previewq";
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Sid: "A", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
    { Sid: "B", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::000000000000:root"] }, Action: ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource: [ARN] },
  ],
});
/** The same policy, its statements and actions reordered, keys in another order, one-element lists as strings. */
const POLICY_REORDERED = JSON.stringify({
  Statement: [
    { Resource: ARN, Action: ["sqs:ReceiveMessage", "sqs:SendMessage"], Principal: { AWS: "arn:aws:iam::000000000000:root" }, Effect: "Allow", Sid: "B" },
    { Condition: { Bool: { "aws:SecureTransport": ["false"] } }, Resource: [ARN], Action: ["sqs:*"], Principal: { AWS: "*" }, Effect: "Deny", Sid: "A" },
  ],
  Version: "2012-10-17",
});
const redrive = (count: number | string) => JSON.stringify({ deadLetterTargetArn: `${ARN}-dead-letter`, maxReceiveCount: count });

describe("validation (ValidateResourceConfig)", () => {
  test("[row 80] out-of-range numbers and invalid JSON are refused at validate, every problem at once, in the provider's words", () => {
    const { aws } = fresh();
    const problems = aws.validate(
      "aws_sqs_queue",
      queue({ visibility_timeout_seconds: 99999, max_message_size: 300000, delay_seconds: -1, message_retention_seconds: 30, redrive_policy: `{"deadLetterTargetArn":"${ARN}", maxReceiveCount: 5}` }),
    );
    expect(problems.map((d) => d.summary)).toEqual([
      "expected delay_seconds to be in the range (0 - 900), got -1",
      "expected max_message_size to be in the range (1024 - 262144), got 300000",
      "expected message_retention_seconds to be in the range (60 - 1209600), got 30",
      "expected visibility_timeout_seconds to be in the range (0 - 43200), got 99999",
      `"redrive_policy" contains an invalid JSON: invalid character 'm' looking for beginning of object key string`,
    ]);
    expect(problems.every((d) => d.severity === "ERROR")).toBe(true);
    // The limits themselves pass; an unknown value (a reference resolved at apply) is not validated.
    expect(aws.validate("aws_sqs_queue", queue({ visibility_timeout_seconds: 43200, max_message_size: 262144, redrive_policy: UNKNOWN }))).toEqual([]);
    const iam = (policy: string) => aws.validate("aws_iam_policy", iamPolicy({ policy })).map((d) => d.summary);
    expect(iam("[]")).toEqual([`"policy" contains an invalid JSON policy: contains a JSON array, not a JSON object`]);
    expect(iam('{"Version": }')).toEqual([`"policy" contains an invalid JSON policy: invalid character '}' looking for beginning of value, at byte offset 13`]);
    expect(iam(" {}")).toEqual([`"policy" contains an invalid JSON policy: leading space characters are not allowed`]);
    expect(iam('"policy.json"')).toEqual([`"policy" contains an invalid JSON policy: contains a JSON-encoded string, not a JSON-encoded object (have you passed a JSON-encoded filename instead of the content of that file?)`]);
    expect(iam("")).toEqual([`"policy" is an empty string, which is not a valid JSON value`]);
    expect(aws.validate("aws_iam_policy", iamPolicy())).toEqual([]);
  });

  test("[row 80] Go's encoding/json messages, which StringIsJSON passes on", () => {
    const cases: [string, string | undefined][] = [
      ['{"a":1}', undefined],
      ['{"a":1', "unexpected end of JSON input"],
      ["", "unexpected end of JSON input"],
      ['{"a" 1}', "invalid character '1' after object key"],
      ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
      ["[1 2]", "invalid character '2' after array element"],
      ["{'a':1}", `invalid character '\\'' looking for beginning of object key string`],
      ["nul", "unexpected end of JSON input"],
      ["nulx", "invalid character 'x' in literal null (expecting 'l')"],
      ["{} x", "invalid character 'x' after top-level value"],
      ["-x", "invalid character 'x' in numeric literal"],
    ];
    expect(cases.map(([text]) => [text, goJsonError(text)])).toEqual(cases);
  });
});

describe("plan", () => {
  test("[row 81] a new queue with a name SQS refuses fails at plan; a FIFO name must end .fifo; content-based deduplication is FIFO only", () => {
    const { aws } = fresh();
    expect(failure(() => plan(aws, "aws_sqs_queue", null, queue({ name: "notify.preview" }))).summary).toBe("invalid queue name: notify.preview");
    expect(failure(() => plan(aws, "aws_sqs_queue", null, queue({ name: "q".repeat(81) }))).summary).toBe(`invalid queue name: ${"q".repeat(81)}`);
    expect(() => plan(aws, "aws_sqs_queue", null, queue({ name: "q".repeat(80) }))).not.toThrow();
    expect(() => plan(aws, "aws_sqs_queue", null, queue({ name: "jobs.fifo", fifo_queue: true }))).not.toThrow();
    expect(failure(() => plan(aws, "aws_sqs_queue", null, queue({ name: "jobs", fifo_queue: true }))).summary).toBe("invalid queue name: jobs");
    expect(failure(() => plan(aws, "aws_sqs_queue", null, queue({ content_based_deduplication: true }))).summary).toBe("content-based deduplication can only be set for FIFO queue");
  });

  test("[row 82] equivalent JSON plans no change: a reordered queue or IAM policy, a redrive policy with its keys reordered; a new document is planned normalised", () => {
    const { aws } = fresh();
    const created = apply(aws, "aws_sqs_queue", null, queue({ policy: POLICY, redrive_policy: redrive(5) }));
    expect(created.policy).toBe(normalizeJson(POLICY));
    const reordered = queue({ policy: POLICY_REORDERED, redrive_policy: JSON.stringify({ maxReceiveCount: 5, deadLetterTargetArn: `${ARN}-dead-letter` }) });
    expect(plan(aws, "aws_sqs_queue", created, reordered).planned).toEqual(created);
    // A real change is planned, as its normalised text.
    const changed = plan(aws, "aws_sqs_queue", created, queue({ policy: POLICY, redrive_policy: redrive(6) })).planned as Obj;
    expect(changed.redrive_policy).toBe(`{"deadLetterTargetArn":"${ARN}-dead-letter","maxReceiveCount":6}`);
    const pol = apply(aws, "aws_iam_policy", null, iamPolicy());
    expect(plan(aws, "aws_iam_policy", pol, iamPolicy({ policy: POLICY_REORDERED })).planned).toEqual(pol);
    expect(policiesEquivalent(POLICY, POLICY.replace('"sqs:SendMessage"', '"sqs:DeleteMessage"'))).toBe(false);
  });

  test("[row 82] a read keeps the state's document when the platform's is equivalent", () => {
    const { aws, platform } = fresh();
    const created = apply(aws, "aws_sqs_queue", null, queue({ policy: POLICY }));
    const state = { ...created, policy: POLICY_REORDERED };
    expect((aws.read("aws_sqs_queue", state) as Obj).policy).toBe(POLICY_REORDERED);
    platform.put("aws_sqs_queue", String(created.id), { ...platform.get("aws_sqs_queue", String(created.id))!, policy: POLICY.replace("Deny", "Allow") });
    expect((aws.read("aws_sqs_queue", state) as Obj).policy).toBe(POLICY.replace("Deny", "Allow"));
  });

  test("[row 83] an IAM policy's path is planned \"/\" when config leaves it unset", () => {
    const { aws } = fresh();
    expect((plan(aws, "aws_iam_policy", null, iamPolicy()).planned as Obj).path).toBe("/");
    expect(apply(aws, "aws_iam_policy", null, iamPolicy()).arn).toBe("arn:aws:iam::000000000000:policy/p");
  });
});

describe("apply", () => {
  test("[row 84] \"maxReceiveCount\":\"50\" never converges: the apply fails as the waiter's timeout, state keeps the text sent, SQS holds 50, and the next plan changes it again", () => {
    const { aws, platform } = fresh();
    const created = apply(aws, "aws_sqs_queue", null, queue({ redrive_policy: redrive(5) }));
    const config = queue({ redrive_policy: redrive("50") });
    const { planned } = plan(aws, "aws_sqs_queue", created, config);
    const err = failure(() => aws.apply("aws_sqs_queue", created, planned));
    expect(err.summary).toBe(
      `waiting for SQS Queue (${created.url}) attributes update: timeout while waiting for state to become 'equal' (last state: 'notequal', timeout: 3m0s)`,
    );
    expect((err.state as Obj).redrive_policy).toBe(`{"deadLetterTargetArn":"${ARN}-dead-letter","maxReceiveCount":"50"}`);
    expect(platform.get("aws_sqs_queue", String(created.id))!.redrive_policy).toBe(`{"deadLetterTargetArn":"${ARN}-dead-letter","maxReceiveCount":50}`);
    const refreshed = aws.read("aws_sqs_queue", err.state as Obj) as Obj;
    expect((plan(aws, "aws_sqs_queue", refreshed, config).planned as Obj).redrive_policy).toBe((err.state as Obj).redrive_policy);
    // A number converges.
    const fixed = apply(aws, "aws_sqs_queue", refreshed, queue({ redrive_policy: redrive(50) }));
    expect(plan(aws, "aws_sqs_queue", aws.read("aws_sqs_queue", fixed) as Obj, queue({ redrive_policy: redrive(50) })).planned).toEqual(fixed);
    expect(failure(() => apply(aws, "aws_sqs_queue", null, queue({ name: "other", redrive_policy: redrive("3") }))).summary).toMatch(/^waiting for SQS Queue \(.*\/other\) attributes create: timeout/);
  });

  test("[row 85] attaching the boundary policy to an IAM user that does not exist fails with IAM's 404 NoSuchEntity and creates nothing", () => {
    const { aws, platform } = fresh();
    const arn = "arn:aws:iam::000000000000:policy/p";
    const err = failure(() => apply(aws, "aws_iam_user_policy_attachment", null, attachment("nobody", arn)));
    expect(err.summary).toMatch(
      /^attaching IAM Policy \(arn:aws:iam::000000000000:policy\/p\) to IAM User \(nobody\): operation error IAM: AttachUserPolicy, https response error StatusCode: 404, RequestID: [0-9a-f-]{36}, NoSuchEntity: The user with name nobody cannot be found\.$/,
    );
    expect(platform.objects("aws_iam_user_policy_attachment")).toEqual({});
    expect(() => apply(aws, "aws_iam_user_policy_attachment", null, attachment(SPACE.appsIamUser, arn))).not.toThrow();
  });

  test("[row 86] attachment_count is the policy's attachments as the last read saw them", () => {
    const { aws } = fresh();
    const pol = apply(aws, "aws_iam_policy", null, iamPolicy());
    expect(pol.attachment_count).toBe(0);
    apply(aws, "aws_iam_user_policy_attachment", null, attachment(SPACE.appsIamUser, String(pol.arn)));
    expect((aws.read("aws_iam_policy", pol) as Obj).attachment_count).toBe(1);
  });
});
