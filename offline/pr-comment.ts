import type { PrPlanResult } from "./pr-plan";
import { detailLines, escapeControls, escapeStrings, essentialLines, SNAPSHOT_STALE_AFTER_HOURS } from "./pr-plan";

// The pull request's comment: one per push, replacing the last (the pipeline's put deletes the
// resource's earlier comments). First what a reader must see and a cut never removes: a table of
// each environment's snapshot age, plan counts and guard verdict, then per environment the plan's
// counts, every line that destroys, replaces or forgets, what the stack check refused, and the
// guard's verdict. Then, folded, per environment the rest (the offline reviewer diff, every change
// the plan makes): only that is cut to GitHub's comment limit, whole lines from the end, saying where
// the full text is. Names only: everything in it comes from the candidate stack and the sanitized
// snapshot, which hold no secret value.
//
// A value cannot shape the comment: every value's control, bidi and invisible characters are shown
// escaped (escapeControls, once more here, whatever wrote the result), so a newline or carriage
// return in a value never starts a line; a fence longer than any run of backticks in the text holds
// each block; table cells cannot open a cell, a tag or a mention.

/** GitHub refuses an issue or pull-request comment body longer than this (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The first line of every comment this renders: how a reader (or a script) recognises it. */
export const COMMENT_MARKER = "<!-- notify-estate pr-plan -->";

/** A code fence longer than any run of backticks in `text`, so that nothing in it can end the block. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** A text as a fenced block. */
const block = (text: string) => {
  const f = fence(text);
  return `${f}text\n${text}${text.endsWith("\n") ? "" : "\n"}${f}\n`;
};

/** Markdown-inert: a table cell cannot start a new cell, a line, a tag or a mention. */
const cell = (s: string) =>
  escapeControls(s)
    .replace(/[|]/g, " ")
    .replace(/@/g, "@\u200b")
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));

/**
 * The result with every value escaped again: each string of it, and each line of the two multi-line
 * texts (the guard's and Terraform's error), whose own line breaks stay.
 */
function displayable(r: PrPlanResult): PrPlanResult {
  const lines = (t: string) => t.split("\n").map(escapeControls).join("\n");
  const plan = "error" in r.plan ? { error: lines(r.plan.error) } : escapeStrings(r.plan);
  return { ...escapeStrings({ ...r, plan: undefined, guard: undefined }), plan, guard: { verdict: r.guard.verdict, text: lines(r.guard.text) } };
}

function age(r: PrPlanResult): string {
  if ("missing" in r.snapshot) return "**MISSING**";
  return `${r.snapshot.age_hours} h${r.snapshot.stale ? ` **STALE** (> ${SNAPSHOT_STALE_AFTER_HOURS} h)` : ""}`;
}

function planCell(r: PrPlanResult): string {
  if ("summary" in r.plan) return cell(r.plan.summary);
  if ("error" in r.plan) return "**Terraform could not plan**";
  return r.refused?.length ? "**refused by the stack check**" : "not planned";
}

const verdict = (r: PrPlanResult) => (r.guard.verdict === "safe" ? "safe" : r.guard.verdict === "refused" ? "**REFUSED**" : "not run");

/** One environment's folded rest: the offline diff and every change, cut to `text`, with the note when cut. */
function details(r: PrPlanResult, text: string, cut: boolean, fullTextAt: string): string {
  const title = `${r.environment}: the offline diff and every change`;
  return `<details${r.guard.verdict === "safe" ? "" : " open"}><summary>${cell(title)}</summary>\n\n${block(text)}${cut ? `\nCut here to fit GitHub's comment limit: the full text is in ${fullTextAt}.\n` : ""}\n</details>\n`;
}

/** Whole lines of `text` from the start, at most `n` characters. */
function firstLines(text: string, n: number): string {
  let out = "";
  for (const l of text.split("\n")) {
    if (out.length + l.length + 1 > n) break;
    out += `${l}\n`;
  }
  return out;
}

/**
 * The comment for one push. `commit` is the pull request's head; `fullTextAt` says where the full
 * text is (the pr-plan step's log of the build).
 */
export function renderComment(given: readonly PrPlanResult[], meta: { commit: string; fullTextAt: string }, limit = GITHUB_COMMENT_LIMIT): string {
  const results = given.map(displayable);
  const essential = results.map((r) => essentialLines(r).join("\n")).join("\n\n");
  const head = [
    COMMENT_MARKER,
    `### Plans of ${cell(meta.commit.slice(0, 12))} against the live estate`,
    "",
    "Planned offline by real Terraform against each environment's sanitized snapshot (taken by the hourly drift job), with no credential, once main's stack check accepted the stack; judged by main's plan guard. Names only: no secret value is in a snapshot.",
    "",
    "| environment | snapshot age | plan | plan guard |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${cell(r.environment)} | ${age(r)} | ${planCell(r)} | ${verdict(r)} |`),
    "",
    "What the plans destroy, replace or forget, and the guard's verdicts (never cut):",
    "",
    block(essential),
    "",
  ].join("\n");
  const texts = results.map((r) => `${detailLines(r).join("\n")}\n`);
  const full = head + results.map((r, i) => details(r, texts[i], false, meta.fullTextAt)).join("\n");
  if (full.length <= limit) return full;
  const note = `\nThe rest (the offline diffs and every change) does not fit GitHub's comment limit: the full text is in ${meta.fullTextAt}.\n`;
  const overhead = head.length + results.map((r) => details(r, "", true, meta.fullTextAt).length + 1 + 2 * 8).reduce((a, b) => a + b, 0);
  if (overhead > limit) {
    // What must be seen does not fit either: it is cut, whole lines, saying so (never silently).
    const cutNote = `\nCut here to fit GitHub's comment limit: the full text, with every line of what the plans destroy, replace or forget, is in ${meta.fullTextAt}.\n`;
    return head.length + note.length <= limit ? head + note : `${firstLines(head, limit - cutNote.length - 8)}${fence(head)}\n${cutNote}`;
  }
  // Each environment gets an equal share of what is left; one that needs less gives the rest away.
  let budget = limit - overhead;
  const order = texts.map((t, i) => ({ i, len: t.length })).sort((a, b) => a.len - b.len);
  const allowed: number[] = [];
  order.forEach(({ i, len }, k) => {
    const share = Math.floor(budget / (order.length - k));
    allowed[i] = Math.min(len, share);
    budget -= allowed[i];
  });
  return head + results.map((r, i) => details(r, texts[i].length <= allowed[i] ? texts[i] : firstLines(texts[i], allowed[i]), texts[i].length > allowed[i], meta.fullTextAt)).join("\n");
}
