import type { AppWiring } from "../checks/env-binding-order";
import { parseBindingsForEach } from "../stacks/addresses";
import type { StackJson } from "./diff";

// What NOTIFY-ENV-BINDING-ORDER (checks/env-binding-order.ts) compares, read from a synthesized stack.
// It lives here, not beside the check: the bound apps are read back from the bindings' for_each with
// the reader that sits beside its builder in stacks/addresses.ts, a layer the checks may not import.

/** Each app's variable names and the services config binds it to (the first list of each binding's for_each), from a synthesized stack (cdk.tf.json). */
export function wiringOf(stack: StackJson | undefined): Map<string, AppWiring> {
  const out = new Map<string, { env: string[]; services: string[] }>();
  for (const [name, app] of Object.entries(stack?.resource?.cloudfoundry_app ?? {})) {
    out.set(name, { env: Object.keys((app.environment as Record<string, unknown>) ?? {}), services: [] });
  }
  for (const [service, b] of Object.entries(stack?.resource?.cloudfoundry_service_credential_binding ?? {})) {
    for (const app of parseBindingsForEach(b.for_each).declared) out.get(app)?.services.push(service);
  }
  return out;
}
