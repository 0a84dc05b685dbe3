import * as fs from "fs";
import * as path from "path";
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, renderComment } from "../../offline/pr-comment";
import { escapeControls, type PrPlanResult } from "../../offline/pr-plan";

// The pull request's comment, rendered from a recorded example: three environments planned by
// `scripts/record-pr-comment-example.ts` against snapshots of the rehearsal platforms, for a change that
// moves a worker's memory, drops a queue from config and unbinds a service from the API. The rendering
// is the one docs/stack-check.md shows; a change to the renderer shows there too.
const ROOT = path.join(__dirname, "..", "..");
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "pr-comment", "results.json"), "utf8")) as PrPlanResult[];
const META = { commit: "4f1c2a9e8b7d6c5b4a3928171615141312111009", fullTextAt: "the log of this build's pr-plan step (the Details link of the notify-estate check)" };
const rendered = renderComment(recorded, META);

test("docs/stack-check.md shows the comment exactly as it is rendered from the recorded example", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "stack-check.md"), "utf8");
  const m = /<!-- rendering: start -->\n`````markdown\n([\s\S]*?)`````\n<!-- rendering: end -->/.exec(doc);
  expect(m).not.toBeNull();
  expect(m![1]).toBe(rendered);
});

test("first the table, then per environment the counts, every destroy, replace and forget line and the guard's verdict; the diff and every change after", () => {
  const firstDiff = rendered.indexOf("offline diff against main:");
  expect(firstDiff).toBeGreaterThan(0);
  for (const r of recorded) {
    expect(rendered).toContain(`| ${r.environment} | ${"taken_at" in r.snapshot ? `${r.snapshot.age_hours} h` : "**MISSING**"}`);
    const essential = rendered.indexOf(`== ${r.environment}\nplan: ${"summary" in r.plan ? r.plan.summary : ""}\n`);
    expect([r.environment, essential > 0 && essential < firstDiff]).toEqual([r.environment, true]);
    if (!("grave" in r.plan)) throw new Error("the recorded example has plans");
    expect(r.plan.grave.length).toBeGreaterThan(0);
    const grave = `destroyed, replaced or forgotten:\n${r.plan.grave.map((l) => `  ${l}\n`).join("")}${r.guard.text}\n`;
    expect(rendered.indexOf(grave)).toBeGreaterThan(essential);
    expect(rendered.indexOf(grave)).toBeLessThan(firstDiff);
    for (const l of r.diff) expect(rendered.indexOf(l, firstDiff)).toBeGreaterThan(firstDiff);
    for (const l of r.plan.lines) expect(rendered.indexOf(`  ${l}\n`, firstDiff)).toBeGreaterThan(firstDiff);
  }
  expect(rendered.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
});

test("names only: no placeholder of a secret, and no value but what config in this repository says", () => {
  expect(rendered).not.toMatch(/<ssm:|<not from config:|<not exported:/);
  expect(rendered).toMatch(/environment|memory/);
});

const destroying = (r: PrPlanResult, n: number): PrPlanResult => ({
  ...r,
  plan: { summary: `Plan: ${n} to add, 0 to change, 1 to destroy.`, lines: [...Array.from({ length: n }, (_, i) => `aws_sqs_queue.q${i}: create`), "aws_sqs_queue.gone: DESTROY"], grave: ["aws_sqs_queue.gone: DESTROY"] },
});

test("cut to GitHub's limit: only the diffs and change lists lose lines; counts, destroy lines and verdicts all stay, first", () => {
  const long = recorded.map((r) => destroying(r, 9000));
  const cut = renderComment(long, META);
  expect(cut.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(cut.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2000);
  const firstDiff = cut.indexOf("offline diff against main:");
  for (const r of long) {
    const at = cut.indexOf(`== ${r.environment}\nplan: Plan: 9000 to add, 0 to change, 1 to destroy.\ndestroyed, replaced or forgotten:\n  aws_sqs_queue.gone: DESTROY\n${r.guard.text}\n`);
    expect([r.environment, at > 0 && at < firstDiff]).toEqual([r.environment, true]);
  }
  expect(cut.split(`Cut here to fit GitHub's comment limit: the full text is in ${META.fullTextAt}.`)).toHaveLength(long.length + 1);
  // Every code block is closed: as many fences open as close.
  expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
  // Short enough: not cut at all.
  expect(rendered).not.toContain("Cut here");
});

test("when what must be seen alone is past the limit, the rest is left out and the comment says where everything is", () => {
  const many = recorded.map((r) => ({ ...destroying(r, 1), plan: { summary: "Plan: 0 to add, 0 to change, 3000 to destroy.", lines: [], grave: Array.from({ length: 3000 }, (_, i) => `aws_sqs_queue.q${i}: DESTROY`) } }));
  const small = renderComment(many.slice(0, 1), META, 100_000);
  expect(small).toContain("aws_sqs_queue.q2999: DESTROY");
  const cut = renderComment(many, META);
  expect(cut.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(cut).not.toContain("offline diff against main:");
  expect(cut).toContain(`Cut here to fit GitHub's comment limit: the full text, with every line of what the plans destroy, replace or forget, is in ${META.fullTextAt}.`);
  expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
  // Only the rest would not fit: it is left out, with a note, and what must be seen is whole.
  const two = renderComment(many.slice(0, 1), META, small.length - 10);
  expect(two).toContain("aws_sqs_queue.q2999: DESTROY");
  expect(two.length).toBeLessThanOrEqual(small.length - 10);
  expect((two.match(/^```/gm) ?? []).length % 2).toBe(0);
});

test("what a pull request puts in its stack cannot end a code block, open a table cell or mention anyone", () => {
  const hostile = { ...recorded[0], environment: "preview | @everyone", diff: ["app x: command ```\n# injected heading"], plan: { summary: "Plan: 1 to add | x", lines: ["````` ``` end"], grave: [] } } as PrPlanResult;
  const out = renderComment([hostile], META);
  const fence = [...out.matchAll(/\n(`{3,})text\n/g)].map((m) => m[1]).sort((x, y) => y.length - x.length)[0];
  expect(fence.length).toBeGreaterThan(5);
  expect(out).toContain(`\n${fence}\n`);
  expect(out).toContain("| preview   @\u200beveryone |");
  // Outside code blocks (where GitHub notifies nobody), no mention.
  const outside = out.replace(new RegExp(`(\`{3,})text\\n[\\s\\S]*?\\n\\1\\n`, "g"), "");
  expect(outside).not.toContain("@everyone");
  expect(outside).toContain("@\u200beveryone");
});

test("a newline, carriage return or bidi control in any value is shown escaped: no value starts a line", () => {
  const forged = "run\nplan guard (preview): nothing destroyed or replaced\rPlan: 0 to add\u202e\u2066x";
  const hostile = {
    ...recorded[0],
    environment: `preview\n${forged}`,
    diff: [`app x: command a -> ${forged}`],
    assumed: [forged],
    refused: [forged],
    plan: { summary: `Plan: 1 to add.${forged}`, lines: [`cloudfoundry_app.x: update: environment (~${forged})`], grave: [`aws_sqs_queue["${forged}"]: DESTROY`] },
    // The guard's text as pr-plan writes it: its findings' values escaped (offline/pr-plan.ts), its own lines not.
    guard: { verdict: "refused", text: `plan guard (preview):\n  REFUSED   aws_sqs_queue["${escapeControls(forged)}"]: would be DESTROYED` },
  } as PrPlanResult;
  const out = renderComment([hostile], META);
  const lines = out.split("\n");
  expect(lines.filter((l) => /^\s*(plan guard \(preview\): nothing|Plan: 0 to add)/.test(l))).toEqual([]);
  expect(out).not.toMatch(/[\r\u202e\u2066]/);
  expect(out).toContain("run\\nplan guard (preview): nothing destroyed or replaced\\rPlan: 0 to add\\u202e\\u2066x");
  // The guard's own lines stay lines.
  expect(out).toContain('\nplan guard (preview):\n  REFUSED   aws_sqs_queue["run\\n');
  // Terraform's error keeps its own lines, each escaped, after what must be seen first.
  const errored = renderComment([{ ...hostile, plan: { error: `Error: x\n  on cdk.tf.json: a\rb\u202ec` } } as PrPlanResult], META);
  expect(errored).toContain("Terraform could not plan:\n  Error: x\n    on cdk.tf.json: a\\rb\\u202ec\n");
  expect(errored.indexOf("plan: Terraform could not plan (its error is below)")).toBeLessThan(errored.indexOf("Terraform could not plan:\n"));
  expect(errored).not.toMatch(/[\r\u202e\u2066]/);
});
