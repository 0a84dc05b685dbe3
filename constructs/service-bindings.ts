import { Construct } from "constructs";
import { ServiceCredentialBinding } from "../.gen/providers/cloudfoundry/service-credential-binding";
import { DataCloudfoundryServiceCredentialBindings } from "../.gen/providers/cloudfoundry/data-cloudfoundry-service-credential-bindings";

export interface ServiceBindingsProps {
  /** The service instance's name in the space, e.g. notify-db. */
  readonly service: string;
  /** The Terraform name of the bindings and of the data source of those that exist, from the stack (stacks/addresses.ts). */
  readonly logicalId: string;
  /** GUID of the service instance (a data source's id). */
  readonly serviceInstanceId: string;
  /** Apps this service is bound to. */
  readonly apps: readonly string[];
  /**
   * Apps config no longer declares that Terraform forgot rather than destroyed (stacks/lifecycle.ts):
   * they keep running, so the bindings they have keep existing, never unbound by their app's removal.
   * Only those the platform lists as bound are kept. @default none
   */
  readonly keepBoundApps?: readonly string[];
  /** An expression: a map of the space's running apps, name => GUID, read at plan time. */
  readonly liveAppIds: string;
  /** An expression: a map of the space's running apps, name => names of the services bound to it. */
  readonly liveBindings: string;
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
    const list = (names: readonly string[]) => `[${names.map((a) => JSON.stringify(a)).join(", ")}]`;
    const apps = list(props.apps);
    const svc = JSON.stringify(props.service);
    const kept = (props.keepBoundApps ?? []).filter((a) => !props.apps.includes(a));
    // Kept apps come second, so that the first list is always the apps config binds (review/diff.ts reads it).
    const keptEntries = kept.length ? `, { for a in ${list(kept)} : a => a if contains(lookup(${props.liveBindings}, a, []), ${svc}) }` : "";
    this.binding = new ServiceCredentialBinding(this, "binding", {
      type: "app",
      serviceInstance: props.serviceInstanceId,
      app: `\${${props.liveAppIds}[each.key]}`,
    });
    const declared = `{ for a in ${apps} : a => a if contains(keys(${props.liveAppIds}), a) }`;
    this.binding.addOverride("for_each", kept.length ? `\${merge(${declared}${keptEntries})}` : `\${${declared}}`);
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
    existing.addOverride("for_each", `\${{ for a in ${list([...props.apps, ...kept])} : a => a if contains(lookup(${props.liveBindings}, a, []), ${svc}) }}`);
    existing.overrideLogicalId(props.logicalId);
  }
}
