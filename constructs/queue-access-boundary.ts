import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";

export interface QueueAccessBoundaryProps {
  readonly environment: string;
  readonly region: string;
  /** Every SQS queue of the environment starts with this (kombu concatenates without a separator). */
  readonly queuePrefix: string;
  /** The IAM user whose keys the environment's apps hold. */
  readonly iamUser: string;
  readonly accountId: string;
  /**
   * Other estates' queues (full SQS names) that an app of this environment consumes (config
   * consumesFrom): admitted by name, one by one, never by another prefix. @default none
   */
  readonly externalQueues?: readonly string[];
}

/**
 * Denies the apps' IAM user every SQS action on queues outside its environment's prefix, whatever
 * else its policies allow: preview's keys can never read or purge a production queue. Another
 * estate's queues that an app here consumes are admitted by exact name. The user is shared by every
 * app of the environment, so every app's keys can reach them: the IAM boundary is per environment,
 * not per app.
 */
export class QueueAccessBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: QueueAccessBoundaryProps) {
    super(scope, id);
    this.policy = new IamPolicy(this, "policy", {
      name: `notify-${props.environment}-sqs-own-queues-only`,
      description: `Deny SQS outside the ${props.environment} queues (prefix "${props.queuePrefix}")`,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyOtherEnvironmentsQueues",
            Effect: "Deny",
            Action: "sqs:*",
            NotResource: notResource(props),
          },
        ],
      }),
    });
    this.policy.overrideLogicalId("sqs_own_queues_only");
    new IamUserPolicyAttachment(this, "attachment", { user: props.iamUser, policyArn: this.policy.arn }).overrideLogicalId(
      "apps_sqs_own_queues_only",
    );
  }
}

function notResource(props: QueueAccessBoundaryProps): string | string[] {
  const own = `arn:aws:sqs:${props.region}:${props.accountId}:${props.queuePrefix}*`;
  const external = [...new Set(props.externalQueues ?? [])].sort().map((name) => `arn:aws:sqs:${props.region}:${props.accountId}:${name}`);
  // A single string while no other estate's queue is read, as the policy has always been.
  return external.length ? [own, ...external] : own;
}
