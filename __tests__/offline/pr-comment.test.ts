import * as fs from "fs";
import * as path from "path";
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, renderComment } from "../../offline/pr-comment";
import type { PrPlanResult } from "../../offline/pr-plan";

// The pull request's comment, rendered from a recorded example: three environments planned by
// `scripts/record-pr-comment-example.ts` against snapshots of the rehearsal platforms, for a change that
// moves a worker's memory, drops a queue from config and unbinds a service from the API. The rendering
// is the one docs/pull-requests.md shows; a change to the renderer shows there too.
const ROOT = path.join(__dirname, "..", "..");
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "pr-comment", "results.json"), "utf8")) as PrPlanResult[];
const META = { commit: "4f1c2a9e8b7d6c5b4a3928171615141312111009", fullTextAt: "the log of this build's pr-plan step (the Details link of the notify-estate check)" };
const rendered = renderComment(recorded, META);

test("docs/pull-requests.md shows the comment exactly as it is rendered from the recorded example", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "pull-requests.md"), "utf8");
  const m = /<!-- rendering: start -->\n`````markdown\n([\s\S]*?)`````\n<!-- rendering: end -->/.exec(doc);
  expect(m).not.toBeNull();
  expect(m![1]).toBe(rendered);
});

test("per environment: the snapshot's age, the plan's counts, the guard's verdict; then the diff, the resource lines and the guard's text", () => {
  for (const r of recorded) {
    expect(rendered).toContain(`| ${r.environment} | ${"taken_at" in r.snapshot ? `${r.snapshot.age_hours} h` : "**MISSING**"}`);
    expect(rendered).toContain(`== ${r.environment}\n`);
    for (const l of r.diff) expect(rendered).toContain(l);
    if ("lines" in r.plan) for (const l of r.plan.lines) expect(rendered).toContain(`  ${l}\n`);
    expect(rendered).toContain(r.guard.text);
  }
  expect(rendered.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
});

test("names only: no placeholder of a secret, and no value but what config in this repository says", () => {
  expect(rendered).not.toMatch(/<ssm:|<not from config:|<not exported:/);
  expect(rendered).toMatch(/environment|memory/);
});

test("cut to GitHub's limit, every environment still there with the note where the full text is", () => {
  const long = recorded.map((r) => ({ ...r, plan: { summary: "Plan: 9000 to add, 0 to change, 0 to destroy.", lines: Array.from({ length: 9000 }, (_, i) => `aws_sqs_queue.q${i}: create`) } }));
  const cut = renderComment(long, META);
  expect(cut.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(cut.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2000);
  for (const r of long) expect(cut).toContain(`<summary>${r.environment}: Plan: 9000 to add`);
  expect(cut.split(`Cut here to fit GitHub's comment limit: the full text is in ${META.fullTextAt}.`)).toHaveLength(long.length + 1);
  // Every code block is closed: as many fences open as close.
  expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
  // Short enough: not cut at all.
  expect(rendered).not.toContain("Cut here");
});

test("what a pull request puts in its stack cannot end a code block, open a table cell or mention anyone", () => {
  const hostile = { ...recorded[0], environment: "preview | @everyone", diff: ["app x: command ```\n# injected heading"], plan: { summary: "Plan: 1 to add | x", lines: ["````` ``` end"] } } as PrPlanResult;
  const out = renderComment([hostile], META);
  const fence = /\n(`{3,})text\n/.exec(out)![1];
  expect(fence.length).toBeGreaterThan(5);
  expect(out).toContain(`\n${fence}\n`);
  expect(out).toContain("| preview   @\u200beveryone |");
  // Outside code blocks (where GitHub notifies nobody), no mention.
  const outside = out.replace(new RegExp(`${fence}text\\n[\\s\\S]*?\\n${fence}\\n`, "g"), "");
  expect(outside).not.toContain("@everyone");
  expect(outside).toContain("@\u200beveryone");
});
