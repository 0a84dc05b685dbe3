import { z } from "zod";


// Terraform's JSON plan representation (`terraform show -json <planfile>`, format_version 1.x), as
// far as the tools that judge plans read it. Anything else, a state file, `null`, a truncated plan,
// is refused with one line rather than read as "nothing changes".

const action = z.enum(["no-op", "create", "read", "update", "delete", "forget"]);

const change = z
  .object({
    actions: z.array(action).nonempty(),
    before: z.unknown(),
    after: z.unknown(),
    after_unknown: z.unknown().optional(),
    before_sensitive: z.unknown().optional(),
    after_sensitive: z.unknown().optional(),
    replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
    importing: z.object({ id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

const resourceChange = z
  .object({
    address: z.string().min(1),
    mode: z.enum(["managed", "data"]),
    type: z.string().min(1),
    name: z.string(),
    change,
    action_reason: z.string().optional(),
  })
  .passthrough();

export const planJsonSchema = z
  .object({
    format_version: z.string().regex(/^1\.\d+$/, "a Terraform JSON plan has format_version 1.x"),
    terraform_version: z.string(),
    // Present in every plan, empty ones included, and absent from `terraform show -json` of a state.
    planned_values: z.object({}).passthrough(),
    resource_changes: z.array(resourceChange).optional(),
    resource_drift: z.array(resourceChange).optional(),
  })
  .passthrough();

export type PlanJson = z.infer<typeof planJsonSchema>;
export type ResourceChange = z.infer<typeof resourceChange>;

/** A JSON object: a plan's or a state's object values, read before their shape is known. */
export type JsonObject = Record<string, unknown>;

/** A JSON object (not null, not an array): what a plan's before, after and *_unknown values are when set. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The plan, or the reason it is not one (the first few problems, with their paths). */
export function parsePlan(input: unknown): { plan: PlanJson } | { problem: string } {
  const r = planJsonSchema.safeParse(input);
  if (r.success) return { plan: r.data };
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`)
    .join("; ");
  return { problem: `not a Terraform JSON plan (terraform show -json <planfile>, format 1.x): ${where}` };
}

/** What the input is, when it is a known thing that is not a JSON plan: the hint a person needs next. */
export function notAPlanHint(text: string, input?: unknown): string | undefined {
  if (text.startsWith("PK")) return "the saved binary plan (a zip file), not its JSON: give it `terraform show -json <planfile>`";
  if (/^\s*(Terraform used the selected providers|Terraform will perform|No changes\.|Plan: \d+ to|# \S+\.\S+ (will|must) be)/m.test(text) && !text.trimStart().startsWith("{")) {
    return "`terraform show` text, not JSON: give it `terraform show -json <planfile>`";
  }
  if (isJsonObject(input) && isJsonObject(input.values) && !("planned_values" in input)) return "a Terraform state (`terraform show -json` of a state), not a plan: give it `terraform show -json <planfile>`";
  if (isJsonObject(input) && isJsonObject(input.terraform) && ("resource" in input || "provider" in input)) return "a synthesized stack (cdk.tf.json), not a plan: plan it, then give it `terraform show -json <planfile>`";
  return undefined;
}
