import { Construct } from "constructs";
import { NetworkPolicy } from "../.gen/providers/cloudfoundry/network-policy";

export interface AppToAppPolicyProps {
  /** The GUID (possibly a token) of the app that opens connections. */
  readonly sourceAppId: string;
  /** The GUID (possibly a token) of the app that receives them. */
  readonly destinationAppId: string;
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
          sourceApp: props.sourceAppId,
          destinationApp: props.destinationAppId,
          port: String(props.port),
          protocol: props.protocol,
        },
      ],
    });
    this.resource.overrideLogicalId(props.logicalId);
  }
}
