import { Construct } from "constructs";
import { NetworkPolicy } from "../.gen/providers/cloudfoundry/network-policy";

export interface AppToAppPolicyProps {
  /** The app that opens connections (its GUID, possibly a token). */
  readonly source: { readonly name: string; readonly id: string };
  /** The app that receives them. */
  readonly destination: { readonly name: string; readonly id: string };
  readonly port: number;
  readonly protocol: "tcp" | "udp";
  /** The policy's Terraform name, from the stack (stacks/addresses.ts). */
  readonly logicalId: string;
}

/**
 * A container-to-container policy: one relationship between two apps, one resource, so that adding
 * an app adds a policy and touches no other.
 */
export class AppToAppPolicy extends Construct {
  readonly resource: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AppToAppPolicyProps) {
    super(scope, id);
    this.resource = new NetworkPolicy(this, "policy", {
      policies: [
        {
          sourceApp: props.source.id,
          destinationApp: props.destination.id,
          port: String(props.port),
          protocol: props.protocol,
        },
      ],
    });
    this.resource.overrideLogicalId(props.logicalId);
  }
}
