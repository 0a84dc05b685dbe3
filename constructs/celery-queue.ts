import { Construct } from "constructs";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";

export interface CeleryQueueProps {
  /** The SQS name: environment prefix + queue name. */
  readonly sqsName: string;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  /** Where messages go after `maxReceiveCount` receives, and how long they stay there. */
  readonly deadLetter: { readonly sqsName: string; readonly maxReceiveCount: number; readonly messageRetentionSeconds: number };
  /** Region and account the queues live in, to name their ARNs in their own policies. */
  readonly region: string;
  readonly accountId: string;
  /** Apps that consume it, in this estate or outside it. */
  readonly consumers: readonly string[];
  readonly environment: string;
  /**
   * The Terraform names of the queue and its dead-letter queue, from the stack (stacks/addresses.ts):
   * stable addresses, so that a renamed construct never destroys a queue with messages.
   */
  readonly terraformNames: { readonly queue: string; readonly deadLetter: string };
  /**
   * Whether Terraform refuses to destroy or replace each queue (its messages would be lost):
   * `prevent_destroy`, which holds for any path to apply, a person's `cdktf deploy` included.
   * @default neither
   */
  readonly preventDestroy?: { readonly queue: boolean; readonly deadLetter: boolean };
}

// Policies are JSON text with Terraform interpolations inside (the ARNs): plain JSON.stringify gives
// Terraform the same document as Fn.jsonencode, at a fraction of cdktf's synth cost.

/** A queue policy that refuses any request not made over TLS. */
function httpsOnly(arn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "DenyPlainHttp", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
  });
}

/**
 * An SQS queue that celery (kombu) uses as a broker queue, with its dead-letter queue. Both are
 * encrypted and accept requests over HTTPS only. The policy is the queue's own `policy` attribute
 * (its ARN spelled out, so the queue does not refer to itself): one resource per queue, not two.
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
    const lifecycle = (prevent: boolean | undefined) => (prevent ? { lifecycle: { preventDestroy: true } } : {});

    const arn = (name: string) => `arn:aws:sqs:${props.region}:${props.accountId}:${name}`;
    this.deadLetterQueue = new SqsQueue(this, "dead-letter", {
      name: props.deadLetter.sqsName,
      policy: httpsOnly(arn(props.deadLetter.sqsName)),
      messageRetentionSeconds: props.deadLetter.messageRetentionSeconds,
      sqsManagedSseEnabled: true,
      tags: { ...tags, "dead-letter-of": props.sqsName },
      ...lifecycle(props.preventDestroy?.deadLetter),
    });
    this.deadLetterQueue.overrideLogicalId(props.terraformNames.deadLetter);

    this.queue = new SqsQueue(this, "queue", {
      name: props.sqsName,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds,
      messageRetentionSeconds: props.messageRetentionSeconds,
      // Explicit, so that a plan never silently changes encryption.
      sqsManagedSseEnabled: true,
      policy: httpsOnly(arn(props.sqsName)),
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.deadLetter.maxReceiveCount }),
      tags,
      ...lifecycle(props.preventDestroy?.queue),
    });
    this.queue.overrideLogicalId(props.terraformNames.queue);
  }
}
