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
}

/**
 * Denies the apps' IAM user every SQS action on queues outside its environment's prefix, whatever
 * else its policies allow: preview's keys can never read or purge a production queue.
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
            NotResource: `arn:aws:sqs:${props.region}:${props.accountId}:${props.queuePrefix}*`,
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
