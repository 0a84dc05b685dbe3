import { Construct } from "constructs";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";

export interface CeleryQueueProps {
  /** The queue name as celery knows it (without the environment prefix). */
  readonly queueName: string;
  /** The SQS name: environment prefix + queue name. */
  readonly sqsName: string;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  /** Apps that consume it, in this estate or outside it. */
  readonly consumers: readonly string[];
  readonly environment: string;
  /**
   * Refuse `terraform destroy` and any replacement of the queue (its messages would be lost).
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/** An SQS queue that celery (kombu) uses as a broker queue. */
export class CeleryQueue extends Construct {
  readonly queue: SqsQueue;

  constructor(scope: Construct, id: string, props: CeleryQueueProps) {
    super(scope, id);
    this.queue = new SqsQueue(this, "queue", {
      name: props.sqsName,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds,
      messageRetentionSeconds: props.messageRetentionSeconds,
      // Explicit, so that a plan never silently changes encryption.
      sqsManagedSseEnabled: true,
      tags: {
        // AWS tag values may not contain commas.
        consumers: props.consumers.join(" "),
        environment: props.environment,
        "managed-by": "notify-estate",
      },
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    // Stable address aws_sqs_queue.<queue name>: a renamed construct must not destroy a queue with messages.
    this.queue.overrideLogicalId(props.queueName);
  }
}
