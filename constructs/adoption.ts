import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DataCloudfoundryRoutes } from "../.gen/providers/cloudfoundry/data-cloudfoundry-routes";
import { DataAwsSqsQueues } from "@cdktf/provider-aws/lib/data-aws-sqs-queues";

export interface AdoptionProps {
  /** GUID of the space: routes are listed there. */
  readonly spaceId: string;
  /** Every queue of the environment starts with this. */
  readonly queuePrefix: string;
  /** The address of the data source that lists the space's apps (`data.cloudfoundry_apps.<name>`). */
  readonly liveAppsAddress: string;
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
    this.routes.overrideLogicalId("live");
    this.queues = new DataAwsSqsQueues(this, "queues", { queueNamePrefix: props.queuePrefix });
    this.queues.overrideLogicalId("live");
    TerraformStack.of(this).addOverride("import", this.imports);
  }

  /** Import the app named `name` into `address` (cloudfoundry_app.<name>) if it runs. */
  app(address: string, name: string): void {
    this.add(address, `{ for a in ${this.props.liveAppsAddress}.apps : a.id => a.id if a.name == ${hcl(name)} }`);
  }

  /** Import the route host.domain/path into `address` if it exists; `domainId` is an expression. */
  route(address: string, domainId: string, host: string, path: string | undefined): void {
    const cond = [
      `r.domain == ${domainId}`,
      `(r.host == null ? "" : r.host) == ${hcl(host)}`,
      `(r.path == null ? "" : r.path) == ${hcl(path ?? "")}`,
    ].join(" && ");
    this.add(address, `{ for r in data.cloudfoundry_routes.live.routes : r.id => r.id if ${cond} }`);
  }

  /** Import the queue named `sqsName` into `address` if it exists (its id is its URL). */
  queue(address: string, sqsName: string): void {
    this.add(address, `{ for u in data.aws_sqs_queues.live.queue_urls : u => u if endswith(u, ${hcl(`/${sqsName}`)}) }`);
  }

  /** An import block built elsewhere (service bindings build their own). */
  addBlock(block: ImportBlock): void {
    this.imports.push(block);
  }

  private add(to: string, forEach: string): void {
    this.imports.push({ for_each: `\${${forEach}}`, to, id: "${each.value}" });
  }
}

/** A string literal in Terraform's expression syntax. */
function hcl(s: string): string {
  return JSON.stringify(s);
}
