import { isDeepStrictEqual } from "util";
import { address } from "../stacks/addresses";
import { isJsonObject, type JsonObject } from "./plan-json";

// cloudfoundry/cloudfoundry 1.16.0 reads every app binding it did not plan itself (all of them after
// an import; every one a cloudfoundry_service_credential_binding makes) with `params = null`, and
// then applies its schema default `"{}"` to that null at every plan: every such app plans an update,
// which is a full push and rolling restart, forever (semantics row 4;
// cloudfoundry/terraform-provider-cloudfoundry#369, open since 1.9.0 added the default). Its Read keeps params from the element
// of the same service instance in the prior state (types_app.go:422-433), so a state that holds "{}"
// for each binding is stable. This writes exactly that into a state, and refuses to write anything
// else: docs/adoption-under-the-real-provider.md says when the deploy runs it and why.

/** One binding element whose params this sets to "{}". */
export interface ParamsFix {
  readonly address: string;
  readonly serviceInstance: string;
}

/**
 * The state with every null `service_bindings[].params` of a cloudfoundry_app set to "{}" and its
 * serial raised by one, or the reason it refuses: not a Terraform v4 state, or (a bug here) any other
 * difference. `fixes` is empty when there is nothing to do, and then `state` is the input unchanged.
 */
export function normaliseBindingParams(input: unknown): { state: JsonObject; fixes: ParamsFix[] } | { problem: string } {
  if (!isJsonObject(input) || input.version !== 4 || typeof input.serial !== "number" || typeof input.lineage !== "string" || !Array.isArray(input.resources)) {
    return { problem: "not a Terraform state (format version 4, with serial, lineage and resources): `terraform state pull` writes one" };
  }
  const state = structuredClone(input) as JsonObject;
  const fixes: ParamsFix[] = [];
  for (const r of state.resources as JsonObject[]) {
    if (!isJsonObject(r) || r.mode !== "managed" || r.type !== "cloudfoundry_app" || !Array.isArray(r.instances)) continue;
    for (const inst of r.instances as JsonObject[]) {
      const bindings = isJsonObject(inst) && isJsonObject(inst.attributes) ? inst.attributes.service_bindings : undefined;
      if (!Array.isArray(bindings)) continue;
      for (const b of bindings) {
        if (isJsonObject(b) && b.params === null) {
          b.params = "{}";
          const key = inst.index_key === undefined ? "" : `[${JSON.stringify(inst.index_key)}]`;
          fixes.push({ address: `${r.module ? `${r.module}.` : ""}${address("cloudfoundry_app", String(r.name))}${key}`, serviceInstance: String(b.service_instance) });
        }
      }
    }
  }
  if (!fixes.length) return { state: input as JsonObject, fixes };
  state.serial = (input.serial as number) + 1;
  const other = differences(input, state).filter((p) => !/^resources\[\d+\]\.instances\[\d+\]\.attributes\.service_bindings\[\d+\]\.params$/.test(p) && p !== "serial");
  if (other.length) return { problem: `refused: the result would also differ at ${other.slice(0, 5).join(", ")}` };
  return { state, fixes };
}

/** Paths at which two JSON values differ. */
function differences(a: unknown, b: unknown, at = ""): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`));
  if (isJsonObject(a) && isJsonObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], at ? `${at}.${k}` : k));
  }
  return [at || "(top level)"];
}
