import { Construct } from "constructs";
import { Fn } from "cdktf";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";

export interface CeleryQueueProps {
  /** The queue name as celery knows it (without the environment prefix). */
  readonly queueName: string;
  /** The SQS name: environment prefix + queue name. */
  readonly sqsName: string;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  /** Where messages go after `maxReceiveCount` receives, and how long they stay there. */
  readonly deadLetter: { readonly sqsName: string; readonly maxReceiveCount: number; readonly messageRetentionSeconds: number };
  /** Apps that consume it, in this estate or outside it. */
  readonly consumers: readonly string[];
  readonly environment: string;
  /**
   * Refuse `terraform destroy` and any replacement of the queue (its messages would be lost).
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * An SQS queue that celery (kombu) uses as a broker queue, with its dead-letter queue. Both are
 * encrypted and accept requests over HTTPS only.
 */
export class CeleryQueue extends Construct {
  readonly queue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: CeleryQueueProps) {
    super(scope, id);
    const tags = {
      // AWS tag values may not contain commas.
      consumers: props.consumers.join(" "),
      environment: props.environment,
      "managed-by": "notify-estate",
    };
    const lifecycle = props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {};

    this.deadLetterQueue = new SqsQueue(this, "dead-letter", {
      name: props.deadLetter.sqsName,
      messageRetentionSeconds: props.deadLetter.messageRetentionSeconds,
      sqsManagedSseEnabled: true,
      tags: { ...tags, "dead-letter-of": props.sqsName },
      ...lifecycle,
    });
    this.deadLetterQueue.overrideLogicalId(`${props.queueName}-dead-letter`);

    this.queue = new SqsQueue(this, "queue", {
      name: props.sqsName,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds,
      messageRetentionSeconds: props.messageRetentionSeconds,
      // Explicit, so that a plan never silently changes encryption.
      sqsManagedSseEnabled: true,
      redrivePolicy: Fn.jsonencode({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.deadLetter.maxReceiveCount }),
      tags,
      ...lifecycle,
    });
    // Stable address aws_sqs_queue.<queue name>: a renamed construct must not destroy a queue with messages.
    this.queue.overrideLogicalId(props.queueName);

    for (const [suffix, q] of [["", this.queue], ["-dead-letter", this.deadLetterQueue]] as const) {
      new SqsQueuePolicy(this, `https-only${suffix}`, {
        queueUrl: q.url,
        policy: Fn.jsonencode({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyPlainHttp",
              Effect: "Deny",
              Principal: "*",
              Action: "sqs:*",
              Resource: q.arn,
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      }).overrideLogicalId(`${props.queueName}${suffix}`);
    }
  }
}
