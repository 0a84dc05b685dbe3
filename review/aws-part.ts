import type { StackJson } from "./diff";

/**
 * The AWS part of a synthesized environment (queues, queue policies, IAM, SSM parameters) as a
 * standalone Terraform JSON module: what hashicorp/aws can validate without the cloudfoundry provider,
 * which has no offline mirror here. No backend: validation never touches state.
 */
export function awsPart(stack: StackJson & { provider?: Record<string, unknown> }): Record<string, unknown> {
  const aws = <T>(blocks: Record<string, T> | undefined) => Object.fromEntries(Object.entries(blocks ?? {}).filter(([type]) => type.startsWith("aws_")));
  const requiredProviders = (stack.terraform?.required_providers ?? {}) as Record<string, unknown>;
  return {
    terraform: { required_providers: { aws: requiredProviders.aws } },
    provider: { aws: stack.provider?.aws },
    data: aws(stack.data),
    resource: aws(stack.resource),
  };
}
