import { copyOf } from "../config-copy";
import { estate, resolveEstate } from "../../config";
import { environment, environments, ENVS, synth } from "../helpers";

/** Each environment's queue prefix, as config sets it. */
const PREFIX = Object.fromEntries(environments().map((e) => [e.name, e.queuePrefix])) as Record<string, string>;

/** The boundary admits the environment's prefix, and by exact name any other estate's queue an app reads (consumesFrom). */
const ownAndExternal = (env: string) => {
  const arn = (name: string) => `arn:aws:sqs:eu-west-1:\${data.aws_caller_identity.current.account_id}:${name}`;
  const external = environment(env).apps.flatMap((a) => a.externalQueues?.sqsNames ?? []);
  return external.length ? [arn(`${PREFIX[env]}*`), ...[...new Set(external)].sort().map(arn)] : arn(`${PREFIX[env]}*`);
};

describe.each(ENVS)("%s", (env) => {
  test("state is in its own S3 bucket and key, encrypted, with native locking", () => {
    expect(synth(env).terraform.backend).toEqual({
      s3: {
        bucket: `govuk-notify-estate-tfstate-${env}`,
        key: `notify-estate/${env}.tfstate`,
        region: "eu-west-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  test("every queue has a dead-letter queue after 50 receives, kept 14 days", () => {
    const queues = synth(env).resource.aws_sqs_queue;
    const main = Object.keys(queues).filter((k) => !k.endsWith("-dead-letter"));
    expect(main.sort()).toEqual(environment(env).queues.map((q) => q.name).sort());
    for (const name of main) {
      expect(JSON.parse(queues[name].redrive_policy)).toEqual({
        deadLetterTargetArn: `\${aws_sqs_queue.${name}-dead-letter.arn}`,
        maxReceiveCount: 50,
      });
      const dlq = queues[`${name}-dead-letter`];
      expect(dlq).toMatchObject({ name: `${PREFIX[env]}${name}-dead-letter`, message_retention_seconds: 1209600, sqs_managed_sse_enabled: true });
    }
  });

  test("every queue and dead-letter queue refuses plain HTTP, in its own policy", () => {
    const queues = synth(env).resource.aws_sqs_queue;
    expect(Object.keys(queues)).toHaveLength(2 * environment(env).queues.length);
    for (const q of Object.values(queues) as any[]) {
      expect(JSON.parse(q.policy)).toEqual({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyPlainHttp",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: `arn:aws:sqs:eu-west-1:\${data.aws_caller_identity.current.account_id}:${q.name}`,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      });
    }
    expect(synth(env).resource).not.toHaveProperty("aws_sqs_queue_policy");
  });

  test("the apps' AWS user is denied SQS outside its environment's queue prefix", () => {
    const s = synth(env);
    expect(JSON.parse(s.resource.aws_iam_policy.sqs_own_queues_only.policy).Statement).toEqual([
      {
        Sid: "DenyOtherEnvironmentsQueues",
        Effect: "Deny",
        Action: "sqs:*",
        NotResource: ownAndExternal(env),
      },
    ]);
    expect(s.resource.aws_iam_user_policy_attachment.apps_sqs_own_queues_only).toEqual(
      expect.objectContaining({ user: `notify-paas-apps-${env}`, policy_arn: "${aws_iam_policy.sqs_own_queues_only.arn}" }),
    );
  });
});

test("no environment's queue prefix may start another's (the IAM boundary would leak): config refuses it", () => {
  const prefixes = Object.values(PREFIX);
  for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  const copy = copyOf(estate) as any;
  copy.environments.find((e: any) => e.name === "staging").queuePrefix = "live";
  copy.environments.find((e: any) => e.name === "preview").queuePrefix = "liv";
  expect(() => resolveEstate(copy)).toThrow(/queue prefix "liv" of preview starts production's "live"/);
});
