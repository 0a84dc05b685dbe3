import { getExpressionAst } from "@cdktf/hcl2json";
import { bindingsForEach } from "../../stacks/addresses";
import { checkStack, stackPins } from "../../plan/stack-check";
import { DATA_TYPES, FUNCTIONS, RESOURCE_TYPES } from "../../plan/stack-allow-list";
import { ENVS, environment, synth } from "../helpers";

// The estate's own stacks against the stack check, and the allow-list against what stacks/ writes:
// the list is exactly what the three synthesized stacks use (and the expressions stacks/ builds for
// cases today's config does not reach), so that it neither refuses the estate nor keeps an entry
// nothing needs.

test.each(ENVS)("%s: the synthesized stack is accepted", async (name) => {
  expect(await checkStack(synth(name), stackPins(environment(name)))).toEqual([]);
});

test("the resource and data types allowed are those the three stacks declare", () => {
  const used = (kind: "resource" | "data") => [...new Set(ENVS.flatMap((e) => Object.keys(synth(e)[kind])))].sort();
  expect(used("resource")).toEqual(Object.keys(RESOURCE_TYPES).sort());
  expect(used("data")).toEqual(Object.keys(DATA_TYPES).sort());
});

/** The function names an HCL template calls, by the parser the check uses. */
async function functionsIn(template: string): Promise<string[]> {
  const names: string[] = [];
  const walk = (n: any) => {
    if (n.type === "function") names.push(n.meta.name);
    (n.children ?? []).forEach(walk);
  };
  walk(await getExpressionAst("t", `<<T\n${template}\nT\n`));
  return names;
}

test("the functions allowed are those the stacks call, and merge, which bindings of apps kept bound call", async () => {
  const templates = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.includes("${")) templates.add(v);
    } else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  ENVS.forEach((e) => collect(synth(e)));
  templates.add(bindingsForEach("a-service", ["an-app"], ["a-kept-app"]));
  const used = new Set<string>();
  for (const t of templates) (await functionsIn(t)).forEach((f) => used.add(f));
  expect([...used].sort()).toEqual(Object.keys(FUNCTIONS).sort());
});
