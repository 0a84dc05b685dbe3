import * as fs from "fs";
import * as path from "path";
import { environment, environments, ENVS, synth } from "../helpers";

// The two AWS identities of each environment (docs/deploying.md: Credentials and permissions), as the policy
// documents in ci/iam/ that an administrator attaches. Rendered here for every environment from the
// same config the stacks use, so that a renamed bucket, prefix or user cannot leave them behind.
const IAM = path.join(__dirname, "..", "..", "ci", "iam");
const ACCOUNT = "123456789012"; // any account: the documents take it as a parameter
type Statement = { Sid: string; Effect: string; Action: string[]; Resource: string | string[]; Condition?: unknown };

function render(file: string, envName: string): { Version: string; Statement: Statement[] } {
  const env = environment(envName);
  const values: Record<string, string> = {
    account_id: ACCOUNT,
    region: env.awsRegion,
    environment: env.name,
    queue_prefix: env.queuePrefix,
    state_bucket: env.state.bucket,
    state_key: env.state.key,
    apps_iam_user: env.appsIamUser,
  };
  const text = fs.readFileSync(path.join(IAM, file), "utf8").replace(/\$\{(\w+)\}/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`${file}: unknown placeholder \${${k}}`);
    return values[k];
  });
  return JSON.parse(text);
}
const resources = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
const actions = (doc: { Statement: Statement[] }) => new Set(doc.Statement.flatMap((s) => s.Action));
/** IAM's own wildcard matching of an ARN pattern. */
const matches = (pattern: string, arn: string) =>
  new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(arn);

// What Terraform calls for each AWS type the stacks declare or read. A new type in a stack fails the
// coverage test below until the deploy identity (and, for reads, the plan identity) can handle it.
const NEEDS: Record<string, { read: string[]; write: string[] }> = {
  aws_sqs_queue: {
    read: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags"],
    write: ["sqs:CreateQueue", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue"],
  },
  aws_iam_policy: {
    read: ["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions"],
    write: ["iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion"],
  },
  aws_iam_user_policy_attachment: { read: ["iam:ListAttachedUserPolicies"], write: ["iam:AttachUserPolicy"] },
  aws_ssm_parameter: { read: ["ssm:GetParameter", "kms:Decrypt"], write: [] },
  aws_caller_identity: { read: [], write: [] }, // sts:GetCallerIdentity needs no permission
  aws_sqs_queues: { read: ["sqs:ListQueues"], write: [] }, // adoption: which queues already exist
};

describe.each(ENVS)("%s", (env) => {
  const plan = render("plan-identity.json", env);
  const deploy = render("deploy-identity.json", env);

  test("both documents are IAM policies with named, allow-only statements", () => {
    for (const doc of [plan, deploy]) {
      expect(doc.Version).toBe("2012-10-17");
      for (const s of doc.Statement) {
        expect([s.Sid, s.Effect, Array.isArray(s.Action), s.Action.every((a) => /^[a-z0-9]+:[A-Za-z]+$/.test(a))]).toEqual([s.Sid, "Allow", true, true]);
      }
      expect(new Set(doc.Statement.map((s) => s.Sid)).size).toBe(doc.Statement.length);
    }
  });

  test("the plan identity can read and write nothing: no action outside Get/List/Describe and SSM's decrypt", () => {
    for (const a of actions(plan)) expect([a, /^[a-z0-9]+:(Get|List|Describe)[A-Za-z]*$/.test(a) || a === "kms:Decrypt"]).toEqual([a, true]);
    // It cannot take the state lock, so a pull request's plan can never hold up a deploy.
    expect(actions(plan).has("s3:PutObject")).toBe(false);
  });

  test("decryption is only through SSM, for both identities", () => {
    for (const doc of [plan, deploy]) {
      const kms = doc.Statement.filter((s) => s.Action.some((a) => a.startsWith("kms:")));
      for (const s of kms) expect(s.Condition).toEqual({ StringEquals: { "kms:ViaService": `ssm.eu-west-1.amazonaws.com` } });
    }
  });

  test("neither identity reaches another environment's queues, parameters, state or user", () => {
    const own = environment(env);
    for (const other of environments().filter((e) => e.name !== env)) {
      const foreign = [
        `arn:aws:sqs:${other.awsRegion}:${ACCOUNT}:${other.queuePrefix}database-tasks`,
        `arn:aws:ssm:${other.awsRegion}:${ACCOUNT}:parameter/notify/${other.name}/SECRET_KEY`,
        `arn:aws:s3:::${other.state.bucket}/${other.state.key}`,
        `arn:aws:iam::${ACCOUNT}:user/${other.appsIamUser}`,
      ];
      for (const doc of [plan, deploy]) {
        for (const arn of foreign) {
          const hits = doc.Statement.filter((s) => resources(s).some((r) => r !== "*" && matches(r, arn))).map((s) => s.Sid);
          expect([arn, hits]).toEqual([arn, []]);
        }
      }
    }
    // and they do reach their own
    expect(deploy.Statement.some((s) => resources(s).some((r) => matches(r, `arn:aws:sqs:eu-west-1:${ACCOUNT}:${own.queuePrefix}database-tasks`)))).toBe(true);
  });

  test("the deploy identity may attach only the queue boundary policy to the apps' user", () => {
    const attach = deploy.Statement.filter((s) => s.Action.includes("iam:AttachUserPolicy"));
    expect(attach).toHaveLength(1);
    expect(attach[0].Condition).toEqual({ ArnEquals: { "iam:PolicyARN": `arn:aws:iam::${ACCOUNT}:policy/notify-${env}-sqs-own-queues-only` } });
    expect(synth(env).resource.aws_iam_policy.sqs_own_queues_only.name).toBe(`notify-${env}-sqs-own-queues-only`);
  });

  test("every AWS type the stack uses is covered: the plan identity can read it, the deploy identity can read and write it", () => {
    const stack = synth(env);
    const types = [...Object.keys(stack.resource), ...Object.keys(stack.data)].filter((t) => t.startsWith("aws_"));
    for (const t of types) {
      expect([t, t in NEEDS]).toEqual([t, true]);
      for (const a of NEEDS[t].read) expect([t, a, actions(plan).has(a), actions(deploy).has(a)]).toEqual([t, a, true, true]);
      for (const a of NEEDS[t].write) expect([t, a, actions(deploy).has(a)]).toEqual([t, a, true]);
    }
  });
});
