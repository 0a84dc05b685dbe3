import { getExpressionAst } from "@cdktf/hcl2json";
import type { ResolvedEnvironment } from "../config";
import { AWS_PROVIDER_VERSION, CLOUDFOUNDRY_PROVIDER_VERSION } from "../stacks/environment-stack";
import {
  DATA_META_ARGUMENTS,
  DATA_TYPES,
  FILE_ATTRIBUTES,
  FUNCTIONS,
  IMPORT_KEYS,
  LIFECYCLE_KEYS,
  PROVIDER_SOURCES,
  REFUSED_FUNCTION_REASONS,
  REMOVED_KEYS,
  REMOVED_LIFECYCLE_KEYS,
  RESOURCE_META_ARGUMENTS,
  RESOURCE_TYPES,
  TERRAFORM_BLOCK_KEYS,
  TOP_LEVEL_KEYS,
  VARIABLE_KEYS,
  VARIABLES,
} from "./stack-allow-list";

/**
 * stack-check: a synthesized stack (cdk.tf.json) holds only what this estate declares, before any
 * Terraform reads it (the deploy and drift jobs with credentials, pr-plan with a snapshot).
 *
 * Incident: Terraform runs whatever a stack says with the credentials of the job that runs it. A
 * pushed change put a `local-exec` provisioner on a new queue (it wrote CF_PASSWORD out at apply), and
 * a pull request's `file()`/`fileset()` printed the job's files, the GitHub token among them, into its
 * own plan comment, while the comment said only "queue: create" and the guard said safe.
 *
 * An allow-list, refusing by default: the two declared providers, pinned as stacks/ pins them; the
 * environment's own state backend; the resource and data types, block kinds, meta-arguments and
 * variables stacks/ writes (plan/stack-allow-list.ts); and in every string, which Terraform reads as
 * a template, only the pure functions of that list, found by parsing the template with HCL's own
 * parser (@cdktf/hcl2json: hashicorp/hcl compiled to WebAssembly). What it does not know it refuses.
 */
export const STACK_CHECK_ID = "stack-check";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** What the stack of one environment must pin: its state backend and both providers' configuration. */
export interface StackPins {
  readonly environment: string;
  readonly terraform: JsonObject;
  readonly provider: JsonObject;
}

/** The pins of an environment, from its config, exactly as stacks/environment-stack.ts writes them. */
export function stackPins(env: ResolvedEnvironment): StackPins {
  return {
    environment: env.name,
    terraform: {
      backend: { s3: { bucket: env.state.bucket, encrypt: true, key: env.state.key, region: env.state.region, use_lockfile: true } },
      required_providers: {
        aws: { source: PROVIDER_SOURCES.aws, version: AWS_PROVIDER_VERSION },
        cloudfoundry: { source: PROVIDER_SOURCES.cloudfoundry, version: CLOUDFOUNDRY_PROVIDER_VERSION },
      },
    },
    provider: { aws: [{ region: env.awsRegion }], cloudfoundry: [{ api_url: env.cfApiUrl }] },
  };
}

/** The longest part of a value a line shows (characters). */
export const SHOWN_LIMIT = 200;

/** A name or value as a line shows it: control, bidi and other invisible characters escaped, long values cut. */
export function shown(v: unknown): string {
  const text = typeof v === "string" ? v : JSON.stringify(v);
  const cut = text.length > SHOWN_LIMIT ? `${text.slice(0, SHOWN_LIMIT)}...` : text;
  return (typeof v === "string" ? JSON.stringify(cut) : cut).replace(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A path in the stack as a line shows it: `resource.aws_sqs_queue.fn.tags`. */
const at = (path: readonly string[]) => path.map((p) => (/^([\w-]+|\[\d+\])$/.test(p) ? p : shown(p))).join(".");

/** Problems with `actual` where it must be exactly `expected`: a key too many, a key missing, a value that differs. */
function pinned(path: readonly string[], actual: Json | undefined, expected: Json, why: string, out: string[]): void {
  if (isObject(expected) && isObject(actual)) {
    for (const k of Object.keys(actual)) if (!(k in expected)) out.push(`${at([...path, k])}: not allowed: ${why}`);
    for (const k of Object.keys(expected)) pinned([...path, k], actual[k], expected[k], why, out);
    return;
  }
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    out.push(`${at(path)}: ${actual === undefined ? "missing" : shown(actual)}, must be ${shown(expected)}: ${why}`);
  }
}

/** Keys of `block` that are not in `allowed`, each a problem saying why. */
function onlyKeys(path: readonly string[], block: JsonObject, allowed: readonly string[], why: string, out: string[]): void {
  for (const k of Object.keys(block)) if (!allowed.includes(k)) out.push(`${at([...path, k])}: not allowed: ${why}`);
}

/** A provider block as a list of configurations: JSON allows one object or a list. */
const configurations = (v: Json | undefined): Json => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Every block of a `resource` or `data` map: [type, name, body], and a problem for anything not shaped so. */
function blocks(kind: string, v: Json | undefined, out: string[]): [string, string, JsonObject][] {
  if (v === undefined) return [];
  if (!isObject(v)) {
    out.push(`${kind}: not an object of types`);
    return [];
  }
  const found: [string, string, JsonObject][] = [];
  for (const [type, byName] of Object.entries(v)) {
    if (!isObject(byName)) {
      out.push(`${at([kind, type])}: not an object of named blocks`);
      continue;
    }
    for (const [name, body] of Object.entries(byName)) {
      if (isObject(body)) found.push([type, name, body]);
      else out.push(`${at([kind, type, name])}: not a block (an object)`);
    }
  }
  return found;
}

/** A list of objects (import, removed), or a problem. */
function objects(key: string, v: Json | undefined, out: string[]): JsonObject[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  const good = list.filter(isObject);
  if (good.length !== list.length) out.push(`${key}: every entry must be a block (an object)`);
  return good;
}

/** The structure: top-level keys, pins, types, block kinds, meta-arguments, variables. */
export function structureProblems(stack: unknown, pins: StackPins): string[] {
  if (!isObject(stack)) return ["the stack is not a JSON object"];
  const out: string[] = [];
  for (const k of Object.keys(stack)) {
    if (!TOP_LEVEL_KEYS.includes(k)) out.push(`${at([k])}: a top-level block kind stacks/ never writes (modules, outputs, checks, moved and others are refused)`);
  }
  pinned(["terraform"], stack.terraform, pins.terraform, `the ${pins.environment} state backend and the two providers are pinned (stacks/environment-stack.ts)`, out);
  const providers: JsonObject = isObject(stack.provider) ? stack.provider : {};
  if (stack.provider !== undefined && !isObject(stack.provider)) out.push("provider: not an object of providers");
  for (const name of Object.keys(providers)) {
    if (!(name in pins.provider)) out.push(`${at(["provider", name])}: only the cloudfoundry and aws providers are declared`);
  }
  for (const name of Object.keys(pins.provider)) {
    pinned(["provider", name], configurations(providers[name]), pins.provider[name], `one ${name} configuration, as config sets it for ${pins.environment} (an alias, endpoint or URL would send credentials elsewhere)`, out);
  }
  const typeOf = (type: string) => type.split("_")[0];
  for (const [kind, types, meta] of [
    ["resource", RESOURCE_TYPES, RESOURCE_META_ARGUMENTS],
    ["data", DATA_TYPES, DATA_META_ARGUMENTS],
  ] as const) {
    for (const [type, name, body] of blocks(kind, stack[kind], out)) {
      const where = [kind, type, name];
      if (!(type in types)) {
        out.push(`${at(where)}: ${kind === "data" ? "data source" : "resource"} type ${shown(type)} is not one this estate declares${typeOf(type) in PROVIDER_SOURCES ? "" : ` (it needs provider ${shown(typeOf(type))})`}`);
        continue;
      }
      for (const k of Object.keys(body)) {
        if (TERRAFORM_BLOCK_KEYS.includes(k) && !meta.includes(k)) out.push(`${at([...where, k])}: ${blockKeyReason(k)}`);
      }
      if (!meta.includes("lifecycle")) continue;
      if (isObject(body.lifecycle)) onlyKeys([...where, "lifecycle"], body.lifecycle, LIFECYCLE_KEYS, "stacks/ writes only create_before_destroy and prevent_destroy", out);
      else if (body.lifecycle !== undefined) out.push(`${at([...where, "lifecycle"])}: not a block (an object)`);
      for (const [attribute, value] of Object.entries(FILE_ATTRIBUTES[type] ?? {})) {
        if (attribute in body && body[attribute] !== value) out.push(`${at([...where, attribute])}: ${shown(body[attribute])}, must be ${shown(value)}: the provider uploads the file it names`);
      }
    }
  }
  if (stack.variable !== undefined) {
    if (!isObject(stack.variable)) out.push("variable: not an object of variables");
    else {
      for (const [name, body] of Object.entries(stack.variable)) {
        if (!VARIABLES.includes(name)) out.push(`${at(["variable", name])}: not a variable stacks/ declares (${VARIABLES.join(", ")})`);
        else if (!isObject(body)) out.push(`${at(["variable", name])}: not a block (an object)`);
        else onlyKeys(["variable", name], body, VARIABLE_KEYS, "stacks/ writes only a type and a description", out);
      }
    }
  }
  if (stack.locals !== undefined && !isObject(stack.locals)) out.push("locals: not an object of locals");
  for (const i of objects("import", stack.import, out)) onlyKeys(["import"], i, IMPORT_KEYS, "an import block has only to, id and for_each here", out);
  for (const r of objects("removed", stack.removed, out)) {
    onlyKeys(["removed"], r, REMOVED_KEYS, "a removed block has only from and lifecycle here (a provisioner would run at destroy)", out);
    if (isObject(r.lifecycle)) onlyKeys(["removed", "lifecycle"], r.lifecycle, REMOVED_LIFECYCLE_KEYS, "only destroy", out);
    else if (r.lifecycle !== undefined) out.push("removed.lifecycle: not a block (an object)");
  }
  return out;
}

function blockKeyReason(key: string): string {
  switch (key) {
    case "provisioner":
      return "a provisioner runs commands on the machine that applies, with its credentials";
    case "connection":
      return "a connection opens a remote login from the machine that applies";
    case "provider":
      return "only the one pinned configuration of each provider is used";
    default:
      return `stacks/ never writes ${key} here`;
  }
}

/** Every string of the stack, keys included (Terraform reads both as templates), with where it is. */
function strings(v: Json, path: string[]): [string, string][] {
  if (typeof v === "string") return [[v, at(path)]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, [...path, `[${i}]`]));
  if (!isObject(v)) return [];
  return Object.entries(v).flatMap(([k, x]): [string, string][] => [[k, `${at([...path, k])} (the key)`], ...strings(x, [...path, k])]);
}

/** An AST node as @cdktf/hcl2json returns it (lib/syntax-tree.d.ts): its type, its children, and for a call, the function's name. */
interface Node {
  readonly type: string;
  readonly children: readonly Node[];
  readonly meta?: { readonly name?: unknown };
}

/**
 * The expression kinds the parser reports (@cdktf/hcl2json lib/syntax-tree.d.ts). "" is a node it
 * walks but does not name (parentheses, an object key, a splat's symbol): its children are walked.
 * A kind not listed is refused: a newer parser may name an expression this check cannot judge.
 */
const NODE_TYPES = new Set(["", "template", "templateWrap", "templateJoin", "tuple", "object", "for", "function", "scopeTraversal", "relativeTraversal", "literalValue", "index", "splat", "conditional", "unaryOp", "binaryOp"]);

/** The names of the functions an expression calls, or what in it this check cannot judge. */
function calls(node: Node, found: string[], unknown: string[]): void {
  if (!NODE_TYPES.has(node.type)) unknown.push(node.type);
  if (node.type === "function") found.push(String(node.meta?.name));
  for (const c of node.children) calls(c, found, unknown);
}

/**
 * A string as Terraform reads a string of a .tf.json file: a template (hashicorp/hcl json/spec.md,
 * "Expression Evaluation": strings are template expressions in JSON). The parser reads native syntax,
 * so the template goes in as a heredoc, the one native form whose text is the template as it is (no
 * escapes); its closing marker is a word the string does not contain, so nothing in it can end it.
 */
function asHeredoc(template: string): string {
  let marker = "STACKCHECK";
  while (template.includes(marker)) marker += "X";
  return `<<${marker}\n${template}\n${marker}\n`;
}

function functionReason(name: string): string {
  if (name.includes("::")) return "a provider-defined or namespaced function runs code the allow-list has not reviewed";
  return REFUSED_FUNCTION_REASONS[name] ?? "it is not in the allow-list of pure functions (plan/stack-allow-list.ts FUNCTIONS)";
}

/**
 * The function calls of every template in the stack that the allow-list refuses. A string with no
 * `${` and no `%{` holds no expression (those two open every interpolation and directive of HCL's
 * template grammar, hashicorp/hcl hclsyntax/spec.md "Templates"), so only the others are parsed,
 * each distinct one once.
 */
export async function functionProblems(stack: unknown): Promise<string[]> {
  const parsed = new Map<string, { calls: string[]; unknown: string[] } | { error: string }>();
  const out: string[] = [];
  for (const [text, path] of strings(stack as Json, [])) {
    if (!text.includes("${") && !text.includes("%{")) continue;
    if (!parsed.has(text)) {
      try {
        // The parser returns null only for the JSON literal null, which a heredoc never is.
        const ast = (await getExpressionAst("cdk.tf.json", asHeredoc(text))) as Node;
        const found: string[] = [];
        const unknown: string[] = [];
        calls(ast, found, unknown);
        parsed.set(text, { calls: found, unknown });
      } catch (err) {
        parsed.set(text, { error: String((err as Error).message).replace(/^getExpressionAst errors on input string '[\s\S]*': /, "") });
      }
    }
    const r = parsed.get(text)!;
    if ("error" in r) {
      out.push(`${path}: the template does not parse (${shown(r.error)}): a template this check cannot read is refused`);
      continue;
    }
    for (const u of r.unknown) out.push(`${path}: an expression of kind ${shown(u)} this check does not know`);
    for (const name of [...new Set(r.calls)]) {
      if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) out.push(`${path}: function ${shown(name)}: ${functionReason(name)}`);
    }
  }
  return out;
}

/** Every problem of a stack for an environment: the structure first, then the functions; none means accepted. */
export async function checkStack(stack: unknown, pins: StackPins): Promise<string[]> {
  const structure = structureProblems(stack, pins);
  return [...structure, ...(isObject(stack) ? await functionProblems(stack) : [])];
}
