import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DataCloudfoundryRoutes } from "../.gen/providers/cloudfoundry/data-cloudfoundry-routes";
import { DataAwsSqsQueues } from "@cdktf/provider-aws/lib/data-aws-sqs-queues";

export interface AdoptionProps {
  /** GUID of the space: routes are listed there. */
  readonly spaceId: string;
  /** Every queue of the environment starts with this. */
  readonly queuePrefix: string;
  /**
   * What runs, read at plan time, from the stack (stacks/addresses.ts): the address of the data source
   * that lists the space's apps, and the Terraform name and address of the two lists this construct
   * makes itself (the space's routes, the environment's queues).
   */
  readonly live: {
    readonly apps: string;
    readonly routes: { readonly logicalId: string; readonly address: string };
    readonly queues: { readonly logicalId: string; readonly address: string };
  };
}

interface ImportBlock {
  readonly for_each: string;
  readonly to: string;
  readonly id: string;
}

/**
 * Adopts what already runs: for every app, route and queue the stack declares, an import block whose
 * id is looked up at plan time from what the platform lists. When the object exists and Terraform
 * does not manage it yet (the first deploy against a running estate), it is imported rather than
 * created (creating it would fail: names are unique). When it does not exist (a new environment, a
 * new app), the block imports nothing and the object is created. Once managed, the block is a no-op.
 *
 * Terraform >= 1.7 (for_each on import). Network policies cannot be imported in cloudfoundry 1.16.0:
 * the first deploy creates them again, which the policy server accepts for a policy that exists
 * (README: adopting an environment). The queue-boundary IAM policy has no listing data source: if it
 * exists, import it once by hand.
 */
export class Adoption extends Construct {
  private readonly imports: ImportBlock[] = [];
  private readonly routes: DataCloudfoundryRoutes;
  private readonly queues: DataAwsSqsQueues;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: AdoptionProps,
  ) {
    super(scope, id);
    this.routes = new DataCloudfoundryRoutes(this, "routes", { space: props.spaceId });
    this.routes.overrideLogicalId(props.live.routes.logicalId);
    this.queues = new DataAwsSqsQueues(this, "queues", { queueNamePrefix: props.queuePrefix });
    this.queues.overrideLogicalId(props.live.queues.logicalId);
    TerraformStack.of(this).addOverride("import", this.imports);
  }

  /** Import the app named `name` into `address` if it runs. */
  app(address: string, name: string): void {
    this.add(address, `{ for a in ${this.props.live.apps}.apps : a.id => a.id if a.name == ${hcl(name)} }`);
  }

  /** Import the route host.domain/path into `address` if it exists; `domainId` is an expression. */
  route(address: string, domainId: string, host: string, path: string | undefined): void {
    const cond = [
      `r.domain == ${domainId}`,
      `(r.host == null ? "" : r.host) == ${hcl(host)}`,
      `(r.path == null ? "" : r.path) == ${hcl(path ?? "")}`,
    ].join(" && ");
    this.add(address, `{ for r in ${this.props.live.routes.address}.routes : r.id => r.id if ${cond} }`);
  }

  /** Import the queue named `sqsName` into `address` if it exists (its id is its URL). */
  queue(address: string, sqsName: string): void {
    this.add(address, `{ for u in ${this.props.live.queues.address}.queue_urls : u => u if endswith(u, ${hcl(`/${sqsName}`)}) }`);
  }

  /**
   * Import, into `address` (a for_each binding resource, keyed by app), every binding that the data
   * source at `existing` lists (constructs/service-bindings.ts reads them where they exist).
   */
  bindings(address: string, existing: string): void {
    this.add(address, `{ for a, d in ${existing} : a => d.credential_bindings[0].id }`);
  }

  private add(to: string, forEach: string): void {
    this.imports.push({ for_each: `\${${forEach}}`, to, id: "${each.value}" });
  }
}

/** A string literal in Terraform's expression syntax. */
function hcl(s: string): string {
  return JSON.stringify(s);
}
