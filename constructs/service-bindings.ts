import { Construct } from "constructs";
import { ServiceCredentialBinding } from "../.gen/providers/cloudfoundry/service-credential-binding";
import { DataCloudfoundryServiceCredentialBindings } from "../.gen/providers/cloudfoundry/data-cloudfoundry-service-credential-bindings";

export interface ServiceBindingsProps {
  /** The Terraform name of the bindings and of the data source of those that exist, from the stack (stacks/addresses.ts). */
  readonly logicalId: string;
  /** GUID of the service instance (a data source's id). */
  readonly serviceInstanceId: string;
  /**
   * The bindings' for_each, from the stack (stacks/addresses.ts bindingsForEach, whose reader review/
   * uses to learn which apps a service is bound to): an instance per app config binds that already
   * runs, and per app Terraform forgot rather than destroyed (stacks/lifecycle.ts) that the platform
   * lists as bound. Those keep running, so their bindings keep existing, never unbound by the app's removal.
   */
  readonly forEach: string;
  /** The for_each of the data source of the bindings that exist (stacks/addresses.ts existingBindingsForEach). */
  readonly existingForEach: string;
  /** An expression: a map of the space's running apps, name => GUID, read at plan time. */
  readonly liveAppIds: string;
  /**
   * The apps' Terraform addresses (cloudfoundry_app.<name>): bindings are made after those apps are applied. Without the ordering a new
   * binding can be made while its app is pushed, and the app's apply result then holds a binding its
   * plan did not (Terraform: "Provider produced inconsistent result after apply").
   */
  readonly after: readonly string[];
}

/**
 * One service instance bound to apps: `cloudfoundry_service_credential_binding.<service>["<app>"]`.
 *
 * Bindings are their own resources, so binding or unbinding a service changes the binding, never the
 * app (the app's `service_bindings` forces a replacement on any change, provider notes g). Each binding
 * names its app by the GUID the platform lists at plan time, which an app update does not change; a
 * binding that took `cloudfoundry_app.x.id` would be replaced on every app update (that id is planned
 * unknown). So a binding exists here only for an app that already runs: a new app is bound through its
 * manifest when it is created (it starts with its database), and its next deploy imports those bindings.
 * Bindings that exist are imported, found through the platform's list of each app's services (the
 * binding data source fails when nothing matches, so it is read only where a binding exists).
 */
export class ServiceBindings extends Construct {
  readonly binding: ServiceCredentialBinding;

  constructor(scope: Construct, id: string, props: ServiceBindingsProps) {
    super(scope, id);
    this.binding = new ServiceCredentialBinding(this, "binding", {
      type: "app",
      serviceInstance: props.serviceInstanceId,
      app: `\${${props.liveAppIds}[each.key]}`,
    });
    this.binding.addOverride("for_each", props.forEach);
    this.binding.overrideLogicalId(props.logicalId);
    // Terraform's JSON syntax takes bare addresses in depends_on, not interpolations.
    this.binding.addOverride("depends_on", [...props.after]);
    // An unbinding must stick. Terraform destroys a dependent before it updates what it depends on, so
    // an unbinding in a deploy that also pushes the app (any new zip) deleted the binding and the push
    // re-bound it from its manifest, untracked (semantics row 18). Create-before-destroy
    // reverses that edge: the app is pushed first (the service is still bound, nothing to do), then
    // the binding is deleted. Terraform records this in state, so it holds for every path to apply
    // (a person's cdktf deploy too). It propagates to the apps: their replacement would be
    // create-then-delete, which the plan guard refuses outright (plan/plan-guard.ts).
    this.binding.addOverride("lifecycle.create_before_destroy", true);

    // The bindings that already exist, by app: the stack's import blocks read them (constructs/adoption.ts).
    const existing = new DataCloudfoundryServiceCredentialBindings(this, "existing", {
      serviceInstance: props.serviceInstanceId,
      app: `\${${props.liveAppIds}[each.key]}`,
    });
    existing.addOverride("for_each", props.existingForEach);
    existing.overrideLogicalId(props.logicalId);
  }
}
