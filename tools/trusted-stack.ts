import { isDeepStrictEqual } from "util";

// A pull request's code is not trusted, yet its plan needs credentials (read-only ones). So CI does not
// run the pull request's program with credentials: it synthesizes it without any, and a script from
// main (trusted) lets Terraform plan the result only if it passes this check against main's own
// synthesis of the same environment. The pull request may change what is declared; it may not change
// whom Terraform talks to or how (providers, their settings, the backend), nor bring in a resource or
// data source type main does not use (a data source can call out: aws_lambda_invocation,
// hashicorp/http, external), nor print a secret (nonsensitive()) or run a command (provisioners).

/** A synthesized stack as Terraform reads it; only the top level is typed here. */
export type StackJson = Record<string, unknown>;

/** Top-level blocks a stack may have. Anything else (module, output, ...) is refused. */
const ALLOWED_TOP_LEVEL = new Set(["//", "terraform", "provider", "resource", "data", "locals", "variable", "import", "removed", "moved", "check"]);
/** Blocks that must be exactly as main synthesizes them. */
const PINNED = ["terraform", "provider"] as const;
/** Escape hatches: a function that unmarks secrets, blocks that run commands or reach hosts. */
const FORBIDDEN_TEXT: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /nonsensitive\s*\(/, why: "nonsensitive() would print a secret in the plan output" },
  { pattern: /"provisioner"\s*:/, why: "a provisioner runs commands on the CI worker" },
  { pattern: /"connection"\s*:/, why: "a connection block reaches other hosts" },
];

const typesOf = (stack: StackJson, block: "resource" | "data"): Set<string> =>
  new Set(Object.keys((stack[block] as Record<string, unknown> | undefined) ?? {}));

/**
 * Why `candidate` (a pull request's synthesized stack) may not be planned with credentials, judged
 * against `reference` (main's synthesized stack of the same environment). Empty when it may.
 */
export function untrustedStackProblems(env: string, candidate: unknown, reference: StackJson): string[] {
  if (typeof candidate !== "object" || candidate === null || Array.isArray(candidate)) {
    return [`${env}: the pull request's cdk.tf.json is not a JSON object; nothing was planned`];
  }
  const stack = candidate as StackJson;
  const problems: string[] = [];
  for (const key of Object.keys(stack)) {
    if (!ALLOWED_TOP_LEVEL.has(key)) {
      problems.push(`${env}: top-level block "${key}" is not allowed in a pull request plan (allowed: ${[...ALLOWED_TOP_LEVEL].join(", ")})`);
    }
  }
  for (const key of PINNED) {
    if (!isDeepStrictEqual(stack[key], reference[key])) {
      problems.push(
        `${env}: the "${key}" block differs from main's (${JSON.stringify(stack[key])} vs ${JSON.stringify(reference[key])}); ` +
          "providers, their settings and the backend change only through main: land that change first, then plan",
      );
    }
  }
  for (const block of ["resource", "data"] as const) {
    const known = typesOf(reference, block);
    for (const type of typesOf(stack, block)) {
      if (!known.has(type)) {
        problems.push(
          `${env}: ${block} type "${type}" is not used on main; a new type lands on main before a pull request may plan with it ` +
            "(the offline diff and the deploy to preview still show it)",
        );
      }
    }
  }
  const text = JSON.stringify(stack);
  for (const { pattern, why } of FORBIDDEN_TEXT) {
    if (pattern.test(text)) problems.push(`${env}: the stack contains ${pattern.source.replace(/\\s\*|\\/g, "")}: ${why}`);
  }
  return problems;
}
