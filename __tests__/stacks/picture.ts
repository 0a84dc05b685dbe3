// One environment's synthesized stack as a reviewer reads it: one line per app, queue, network policy,
// binding and piece of plumbing, sorted, derived from cdk.tf.json (what Terraform gets), never from
// config. The per-environment picture-<env>.test.ts files pin it with toMatchSnapshot, so that a config
// change shows as a diff of a few lines, and `npx jest -u` records it.
//
// Nothing is dropped silently. A resource type, or a top-level block, this file does not know makes
// it throw. Within a known type, each attribute is either rendered by name below, or falls to the
// "rest": shown once on the type's "every ...:" line when every resource of the type has the same
// value, else on the resource's own line. So a new attribute appears in the picture.

import { parseBindingsForEach, parseExistingBindingsForEach } from "../../stacks/addresses";

/** A synthesized stack, as Terraform reads it (helpers.ts's Synthesized, loosely typed). */
export type Stack = Record<string, any>;

export interface Picture {
  /** The picture, one line each, ending with a newline. */
  readonly text: string;
  /** Every address the picture rendered: "resource.<type>.<name>" and "data.<type>.<name>". */
  readonly covered: readonly string[];
}

/** Resource types the picture renders. Any other type makes picture() throw. */
export const KNOWN_RESOURCE_TYPES = [
  "aws_iam_policy",
  "aws_iam_user_policy_attachment",
  "aws_sqs_queue",
  "cloudfoundry_app",
  "cloudfoundry_network_policy",
  "cloudfoundry_route",
  "cloudfoundry_service_credential_binding",
] as const;

/** Top-level blocks of cdk.tf.json the picture renders ("//" is cdktf's metadata). */
const KNOWN_BLOCKS = new Set(["//", "terraform", "provider", "variable", "locals", "data", "resource", "import", "removed", "moved", "output"]);

type Obj = Record<string, any>;

const withoutMetadata = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(withoutMetadata) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "//").map(([k, x]) => [k, withoutMetadata(x)])) : v;

const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(withoutMetadata(v)));
const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const byKey = <T>(o: Record<string, T> | undefined): [string, T][] => sorted(Object.keys(o ?? {})).map((k) => [k, o![k]]);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An IAM policy document as one line per statement: "Sid: Effect Action on|outside Resource [if Condition]". */
function policyText(doc: unknown): string {
  let parsed: Obj;
  try {
    parsed = typeof doc === "string" ? JSON.parse(doc) : (doc as Obj);
  } catch {
    return show(doc);
  }
  const statements = ([] as Obj[]).concat(parsed?.Statement ?? []);
  const list = (v: unknown) => ([] as unknown[]).concat(v).map(show).join(" + ");
  return statements
    .map((s) => {
      const { Sid, Effect, Action, NotAction, Resource, NotResource, Principal, Condition, ...other } = s;
      return [
        `${Sid ?? "(no Sid)"}: ${Effect}`,
        Principal !== undefined ? `for ${show(Principal)}` : "",
        Action !== undefined ? list(Action) : `all but ${list(NotAction)}`,
        Resource !== undefined ? `on ${list(Resource)}` : `outside ${list(NotResource)}`,
        Condition !== undefined ? `if ${show(Condition)}` : "",
        Object.keys(other).length ? show(other) : "",
      ]
        .filter(Boolean)
        .join(" ");
    })
    .join("; ");
}

/** Reads a resource's attributes by name, remembering which; the others are its "rest". */
class Attributes {
  private readonly taken = new Set<string>(["//"]);
  constructor(private readonly obj: Obj) {}
  get(key: string): any {
    this.taken.add(key);
    return this.obj[key];
  }
  /** Untaken attributes as "key=value", tags flattened to "tags.<key>"; `self` (the resource's own name) shown as <name>. */
  rest(self?: string, format: (key: string, v: unknown) => string = (_k, v) => show(v)): string[] {
    const out: string[] = [];
    for (const [k, v] of byKey(this.obj)) {
      if (this.taken.has(k)) continue;
      if (k === "tags" && v && typeof v === "object") {
        for (const [t, tv] of byKey(v as Obj)) out.push(`tags.${t}=${show(tv)}`);
        continue;
      }
      let text = format(k, v);
      if (self) text = text.split(self).join("<name>");
      out.push(`${k}=${text}`);
    }
    return out;
  }
}

/**
 * Splits each item's rest into what most items share (shown once, on the header) and what is an item's
 * own: per attribute, the value most items have (a tie goes to unset, then to the smaller text) is
 * shared; an item with another value, or none, shows it on its line. So one app that differs is one line.
 */
function common(rests: string[][]): { shared: string[]; own: string[][] } {
  const keyOf = (x: string) => x.slice(0, x.indexOf("="));
  const shared: string[] = [];
  const own = rests.map(() => [] as string[]);
  for (const k of sorted(new Set(rests.flat().map(keyOf)))) {
    const values = rests.map((r) => r.find((x) => keyOf(x) === k));
    const count = (v: string | undefined) => values.filter((x) => x === v).length;
    let mode: string | undefined;
    for (const v of sorted(new Set(values.filter((x): x is string => x !== undefined)))) if (count(v) > count(mode)) mode = v;
    if (mode !== undefined) shared.push(mode);
    values.forEach((v, i) => v !== mode && own[i].push(v ?? `${k}=(unset)`));
  }
  return { shared, own };
}
const every = (count: string, each: string, shared: string[]) => `${count}${shared.length ? `; every ${each} unless its line says otherwise: ${shared.join(", ")}` : ""}`;
const own = (xs: string[]) => (xs.length ? `, ${xs.join(", ")}` : "");

/** "${cloudfoundry_app.x.id}" → the app's name; "${data.cloudfoundry_app.y.id}" → its name + " (not managed here)". */
function appRef(stack: Stack, ref: unknown): string {
  const m = /^\$\{(data\.)?cloudfoundry_app\.([^.}]+)\.id\}$/.exec(String(ref));
  if (!m) return show(ref);
  const target = (m[1] ? stack.data : stack.resource)?.cloudfoundry_app?.[m[2]];
  if (!target) return `${show(ref)} (NOT IN THE STACK)`;
  return m[1] ? `${target.name} (not managed here)` : String(target.name);
}

/** "${data.cloudfoundry_domain.x.id}" → the domain's name. */
function domainRef(stack: Stack, ref: unknown): string {
  const m = /^\$\{data\.cloudfoundry_domain\.([^.}]+)\.id\}$/.exec(String(ref));
  return m && stack.data?.cloudfoundry_domain?.[m[1]] ? String(stack.data.cloudfoundry_domain[m[1]].name) : show(ref);
}


export function picture(stack: Stack, env: string): Picture {
  const unknownBlocks = Object.keys(stack).filter((k) => !KNOWN_BLOCKS.has(k));
  if (unknownBlocks.length) throw new Error(`picture.ts does not know the top-level block(s) ${unknownBlocks.join(", ")}: render them in __tests__/stacks/picture.ts`);
  const unknownTypes = Object.keys(stack.resource ?? {}).filter((t) => !(KNOWN_RESOURCE_TYPES as readonly string[]).includes(t));
  if (unknownTypes.length) throw new Error(`picture.ts does not know the resource type(s) ${unknownTypes.join(", ")}: render them in __tests__/stacks/picture.ts`);

  const r: Record<string, Record<string, Obj>> = stack.resource ?? {};
  const d: Record<string, Record<string, Obj>> = stack.data ?? {};
  const covered: string[] = [];
  const lines: string[] = [`# ${env}: what Terraform gets, from the synthesized stack (after a reviewed change: npx jest -u)`];
  const section = (title: string) => lines.push("", `## ${title}`);

  // --- Terraform settings, providers, inputs.
  section("terraform");
  for (const [k, v] of byKey(stack.terraform as Obj)) {
    if (k === "backend" || k === "required_providers") {
      for (const [name, body] of byKey(v as Obj)) lines.push(`${k === "backend" ? "backend" : "requires"} ${name}: ${byKey(body as Obj).map(([x, y]) => `${x}=${show(y)}`).join(", ")}`);
    } else lines.push(`terraform ${k}: ${show(v)}`);
  }
  for (const [name, blocks] of byKey(stack.provider as Obj)) for (const b of [].concat(blocks as any)) lines.push(`provider ${name}: ${byKey(b as Obj).filter(([x]) => x !== "//").map(([x, y]) => `${x}=${show(y)}`).join(", ")}`);
  for (const [name, v] of byKey(stack.variable as Obj)) {
    const { description: _prose, ...rest } = withoutMetadata(v) as Obj;
    lines.push(`variable ${name}: ${byKey(rest).map(([x, y]) => `${x}=${show(y)}`).join(", ")}${"default" in rest ? "" : ", no default"}`);
  }
  for (const [name, v] of byKey(stack.locals as Obj)) if (name !== "//") lines.push(`local ${name} = ${show(v)}`);
  for (const [name, v] of byKey(stack.output as Obj)) lines.push(`output ${name}: ${show(v)}`);

  // --- Service bindings (rendered on each app, and here).
  const bindingsOf = new Map<string, string[]>();
  const bindingLines: string[] = [];
  const bindingRests: string[][] = [];
  for (const [id, b] of byKey(r.cloudfoundry_service_credential_binding)) {
    covered.push(`resource.cloudfoundry_service_credential_binding.${id}`);
    const a = new Attributes(b);
    const si = /^\$\{data\.cloudfoundry_service_instance\.([^.}]+)\.id\}$/.exec(String(a.get("service_instance")));
    const service = si && d.cloudfoundry_service_instance?.[si[1]] ? String(d.cloudfoundry_service_instance[si[1]].name) : show(b.service_instance);
    const { declared, kept } = parseBindingsForEach(a.get("for_each"));
    for (const app of declared) bindingsOf.set(app, [...(bindingsOf.get(app) ?? []), service]);
    const after = a.get("depends_on");
    const inOrder = JSON.stringify(after) === JSON.stringify(declared.map((x) => `cloudfoundry_app.${x}`));
    const parts = [`binding ${service}: ${plural(declared.length, "app")}`];
    if (kept.length) parts.push(`kept where bound on forgotten ${sorted(kept).join(" ")}`);
    if (!inOrder) parts.push(`depends_on=${show(after)}`);
    const existing = d.cloudfoundry_service_credential_bindings?.[id];
    if (existing) {
      covered.push(`data.cloudfoundry_service_credential_bindings.${id}`);
      const e = new Attributes(existing);
      const lists = parseExistingBindingsForEach(e.get("for_each"));
      if (JSON.stringify(lists) !== JSON.stringify([...declared, ...kept])) parts.push(`existing bindings read for ${lists.join(" ")}`);
      e.get("service_instance");
      if (existing.app === b.app) e.get("app");
      const erest = e.rest(id);
      if (erest.length) parts.push(`existing: ${erest.join(", ")}`);
    }
    bindingLines.push(parts.join(", "));
    bindingRests.push(a.rest(id));
  }

  // --- Routes, by the app they point at.
  const routesOf = new Map<string, string[]>();
  const orphanRoutes: string[] = [];
  const routeAttrs = byKey(r.cloudfoundry_route).map(([id, route]) => {
    covered.push(`resource.cloudfoundry_route.${id}`);
    const a = new Attributes(route);
    const url = `${a.get("host") ? `${route.host}.` : ""}${domainRef(stack, a.get("domain"))}${a.get("path") ?? ""}`;
    const dests = ([] as Obj[]).concat(a.get("destinations") ?? []).map((x) => x.app_id);
    return { url, dests, rest: a.rest() };
  });
  const routes = common(routeAttrs.map((x) => x.rest));
  routeAttrs.forEach(({ url, dests }, i) => {
    const text = `${url}${routes.own[i].length ? ` (${routes.own[i].join(", ")})` : ""}`;
    const apps = dests.filter((x) => /^\$\{cloudfoundry_app\.[^.}]+\.id\}$/.test(x) && r.cloudfoundry_app?.[x.slice(19, -4)]);
    if (dests.length === 1 && apps.length === 1) routesOf.set(apps[0], [...(routesOf.get(apps[0]) ?? []), text]);
    else orphanRoutes.push(`route ${text} -> ${dests.length ? dests.map((x) => appRef(stack, x)).join(", ") : "(no app)"}`);
  });

  // --- Apps.
  const appLines: string[][] = [];
  const appRests: string[][] = [];
  for (const [id, app] of byKey(r.cloudfoundry_app)) {
    covered.push(`resource.cloudfoundry_app.${id}`);
    const a = new Attributes(app);
    const name = String(a.get("name"));
    const inst = a.get("instances");
    const floor = typeof inst === "string" ? /^\$\{max\((\d+), lookup\(local\.live_instances, "([^"]+)", 0\)\)\}$/.exec(inst) : null;
    const instances = inst === undefined ? "UNSET" : floor && floor[2] === name ? `max(${floor[1]}, live count)` : show(inst);
    const type = a.get("health_check_type");
    const endpoint = a.get("health_check_http_endpoint");
    const invocation = a.get("health_check_invocation_timeout");
    const health = `${type ?? "default"}${endpoint !== undefined ? ` ${endpoint}` : ""}${invocation !== undefined ? ` (${invocation} s)` : ""}`;
    const ref = `\${cloudfoundry_app.${id}.id}`;
    const env = (a.get("environment") ?? {}) as Obj;
    const values = Object.values(env).map(String);
    const secrets = values.filter((v) => /^\$\{data\.aws_ssm_parameter\.[^.}]+\.value\}$/.test(v)).length;
    const settings = values.filter((v) => /^\$\{data\.aws_ssm_parameter\.[^.}]+\.insecure_value\}$/.test(v)).length;
    const services = bindingsOf.get(name) ?? [];
    const pushed = a.get("service_bindings");
    const pushedWith = [...String(pushed ?? "").matchAll(/service_instance = "([^"]+)"/g)].map((m) => m[1]);
    const pushedForm = `\${contains(keys(local.live_app_ids), "${name}") ? null : [`;
    const line = [
      `app ${name}${id !== name ? ` (address ${id})` : ""}: instances ${instances}`,
      `memory ${a.get("memory") ?? "UNSET"}`,
      `disk ${a.get("disk_quota") ?? "UNSET"}`,
      `health ${health}`,
      `routes ${(routesOf.get(ref) ?? []).sort().join(" ") || "none"}`,
      `services ${services.join(" ") || "none"}`,
      `env ${Object.keys(env).length} (${secrets} secret, ${settings} setting, ${values.length - secrets - settings} literal)`,
    ];
    if (pushed !== undefined && (!String(pushed).startsWith(pushedForm) || JSON.stringify(sorted(pushedWith)) !== JSON.stringify(sorted(services)))) line.push(`pushed with ${show(pushed)}`);
    appLines.push([line.join(", "), `  command: ${a.get("command") ?? "(buildpack default)"}`]);
    appRests.push(a.rest(name, (k, v) => (k === "annotations" ? byKey(v as Obj).map(([x, y]) => `${x}: ${y}`).join("; ") : show(v))));
  }
  const apps = common(appRests);
  section(every(plural(appLines.length, "app"), "app", apps.shared));
  appLines.forEach(([line, command], i) => lines.push(line + own(apps.own[i]), command));
  section(every(plural(routeAttrs.length, "route"), "route", routes.shared));
  lines.push(routeAttrs.length ? "(each on its app's line)" : "none");
  lines.push(...orphanRoutes);

  // --- Queues, each with its dead-letter queue.
  const q = r.aws_sqs_queue ?? {};
  const dlqOf = new Map<string, { id: string; maxReceiveCount: unknown; other: string }>();
  const queueRest = (k: string, v: unknown) => (k === "policy" ? policyText(v) : show(v));
  const queueItems: { line: string; rest: string[] }[] = [];
  const asDeadLetter = new Set<string>();
  for (const [id, queue] of byKey(q)) {
    if (!queue.redrive_policy) continue;
    let redrive: Obj = {};
    try {
      redrive = JSON.parse(queue.redrive_policy);
    } catch {
      /* shown raw below */
    }
    const { deadLetterTargetArn, maxReceiveCount, ...other } = redrive;
    const m = /^\$\{aws_sqs_queue\.([^.}]+)\.arn\}$/.exec(String(deadLetterTargetArn));
    if (m && q[m[1]]) asDeadLetter.add(m[1]);
    dlqOf.set(id, { id: m && q[m[1]] ? m[1] : "", maxReceiveCount, other: Object.keys(other).length || !m ? show(queue.redrive_policy) : "" });
  }
  for (const [id, queue] of byKey(q)) {
    if (asDeadLetter.has(id)) continue;
    covered.push(`resource.aws_sqs_queue.${id}`);
    const a = new Attributes(queue);
    const name = String(a.get("name"));
    const consumers = queue.tags?.consumers;
    const parts = [`queue ${name}${name.endsWith(id) ? "" : ` (address ${id})`}: visibility ${a.get("visibility_timeout_seconds") ?? "default"} s`, `retention ${a.get("message_retention_seconds") ?? "default"} s`];
    a.get("redrive_policy");
    const dl = dlqOf.get(id);
    if (!dl) parts.push("NO DEAD-LETTER QUEUE");
    else if (!dl.id) parts.push(`redrive_policy ${dl.other}`);
    else {
      covered.push(`resource.aws_sqs_queue.${dl.id}`);
      const dq = new Attributes(q[dl.id]);
      const dname = String(dq.get("name"));
      const extra = [`retention ${dq.get("message_retention_seconds") ?? "default"} s`];
      const vis = dq.get("visibility_timeout_seconds");
      if (vis !== undefined) extra.push(`visibility ${vis} s`);
      const tags = dq.get("tags") ?? {};
      const { "dead-letter-of": of, consumers: dc, ...dtags } = tags;
      if (of !== name) extra.push(`tags.dead-letter-of=${show(of)}`);
      if (dc !== consumers) extra.push(`tags.consumers=${show(dc)}`);
      const drest = dq.rest(dname, queueRest);
      for (const [t, v] of byKey(dtags as Obj)) drest.push(`tags.${t}=${show(v)}`);
      // The dead-letter queue's other attributes count with the queues': shared, or shown here.
      queueItems.push({ line: "", rest: drest });
      parts.push(`dead-letter ${dname === `${name}-dead-letter` ? "<name>-dead-letter" : dname} after ${dl.maxReceiveCount} receives (${extra.join(", ")})${dl.other ? ` redrive_policy ${dl.other}` : ""}`);
    }
    const rest = a.rest(name, queueRest).filter((x) => x !== `tags.consumers=${show(consumers)}`);
    parts.push(`consumers ${consumers ?? "(none tagged)"}`);
    queueItems.push({ line: parts.join(", "), rest });
  }
  const queues = common(queueItems.map((x) => x.rest));
  section(every(`${plural(queueItems.filter((x) => x.line).length, "queue")}, each with its dead-letter queue`, "queue and dead-letter queue", queues.shared));
  // A dead-letter queue's own rest goes on the line of the queue it belongs to, which follows it.
  let pending: string[] = [];
  queueItems.forEach((item, i) => {
    if (!item.line) {
      pending = queues.own[i].map((x) => `dead-letter ${x}`);
      return;
    }
    lines.push(item.line + own([...queues.own[i], ...pending]));
    pending = [];
  });

  // --- Network policies.
  const policyItems: { lines: string[]; rest: string[] }[] = [];
  for (const [id, p] of byKey(r.cloudfoundry_network_policy)) {
    covered.push(`resource.cloudfoundry_network_policy.${id}`);
    const a = new Attributes(p);
    const entries = ([] as Obj[]).concat(a.get("policies") ?? []);
    policyItems.push({
      lines: entries.length
        ? entries.map((e) => {
            const { source_app, destination_app, protocol, port, ...other } = withoutMetadata(e) as Obj;
            return `policy ${appRef(stack, source_app)} -> ${appRef(stack, destination_app)} ${protocol} ${port}${Object.keys(other).length ? ` ${show(other)}` : ""}`;
          })
        : [`policy ${id}: NO POLICIES`],
      rest: a.rest(),
    });
  }
  const policies = common(policyItems.map((x) => x.rest));
  section(every(plural(policyItems.length, "network policy", "network policies"), "network policy", policies.shared));
  lines.push(...sorted(policyItems.flatMap((x, i) => x.lines.map((l) => l + own(policies.own[i])))));

  const bindings = common(bindingRests);
  section(every(plural(bindingLines.length, "service binding"), "service binding", bindings.shared));
  lines.push(...bindingLines.map((l, i) => l + own(bindings.own[i])));

  // --- IAM.
  section("iam");
  for (const [id, p] of byKey(r.aws_iam_policy)) {
    covered.push(`resource.aws_iam_policy.${id}`);
    const a = new Attributes(p);
    lines.push(`iam policy ${a.get("name")} (${id}): ${policyText(a.get("policy"))}${own(a.rest(undefined))}`);
  }
  for (const [id, att] of byKey(r.aws_iam_user_policy_attachment)) {
    covered.push(`resource.aws_iam_user_policy_attachment.${id}`);
    const a = new Attributes(att);
    const pm = /^\$\{aws_iam_policy\.([^.}]+)\.arn\}$/.exec(String(a.get("policy_arn")));
    const policy = pm && r.aws_iam_policy?.[pm[1]] ? String(r.aws_iam_policy[pm[1]].name) : show(att.policy_arn);
    lines.push(`iam attach ${policy} -> user ${a.get("user")} (${id})${own(a.rest())}`);
  }

  // --- What the stack reads.
  section("reads");
  for (const [type, byName] of byKey(d)) {
    if (type === "cloudfoundry_service_credential_bindings") continue;
    if (type === "aws_ssm_parameter") continue;
    for (const [id, body] of byKey(byName)) {
      covered.push(`data.${type}.${id}`);
      lines.push(`data ${type}.${id}: ${byKey(withoutMetadata(body) as Obj).map(([k, v]) => `${k}=${show(v)}`).join(", ") || "(no arguments)"}`);
    }
  }
  for (const [id, body] of byKey(d.cloudfoundry_service_credential_bindings)) {
    if (!r.cloudfoundry_service_credential_binding?.[id]) {
      covered.push(`data.cloudfoundry_service_credential_bindings.${id}`);
      lines.push(`data cloudfoundry_service_credential_bindings.${id}: ${show(body)}`);
    }
  }
  const ssm = byKey(d.aws_ssm_parameter);
  const kinds = ssm.map(([, p]) => (p.with_decryption ? "secret" : "setting"));
  lines.push(`ssm parameters: ${ssm.length} (${kinds.filter((k) => k === "secret").length} secret, ${kinds.filter((k) => k === "setting").length} setting)`);
  ssm.forEach(([id, p], i) => {
    covered.push(`data.aws_ssm_parameter.${id}`);
    const a = new Attributes(p);
    lines.push(`ssm ${kinds[i]} ${a.get("name")}${id !== `ssm-${String(p.name).split("/").pop()}` ? ` (${id})` : ""}${own(a.rest(undefined).filter((x) => !x.startsWith("with_decryption=")))}`);
  });

  // --- Imports, removed and moved blocks.
  section("adoption and forgetting");
  const imports = ([] as Obj[]).concat(stack.import ?? []);
  const importedTypes = new Map<string, number>();
  // "type.name" or "type.name[each.key]": the resource an import block brings into the state.
  const target = (i: Obj) => String(i.to).replace(/\[[^\]]*\]$/, "");
  for (const i of imports) importedTypes.set(target(i).split(".")[0], (importedTypes.get(target(i).split(".")[0]) ?? 0) + 1);
  lines.push(`imports: ${imports.length}${imports.length ? ` (${sorted(importedTypes.keys()).map((t) => `${t} ${importedTypes.get(t)} of ${Object.keys(r[t] ?? {}).length}`).join(", ")})` : ""}`);
  const addresses = new Set(Object.entries(r).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)));
  for (const i of imports) if (!addresses.has(target(i))) lines.push(`import to ${i.to}: NOT A RESOURCE OF THE STACK`);
  for (const x of ([] as Obj[]).concat(stack.removed ?? [])) lines.push(`removed ${x.from}: ${show(x.lifecycle ?? {})}`);
  for (const x of ([] as Obj[]).concat(stack.moved ?? [])) lines.push(`moved ${x.from} -> ${x.to}`);
  if (!stack.removed?.length && !stack.moved?.length) lines.push("removed/moved: none");

  return { text: `${lines.join("\n")}\n`, covered: sorted(covered) };
}
