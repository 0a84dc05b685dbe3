import type { PrPlanResult } from "./pr-plan";
import { renderResultText, SNAPSHOT_STALE_AFTER_HOURS } from "./pr-plan";

// The pull request's comment: one per push, replacing the last (the pipeline's put deletes
// the resource's earlier comments), per environment the offline reviewer diff, the plan's counts and
// resource lines, the plan guard's verdict and the snapshot's age. Names only: everything in it comes
// from the candidate stack and the sanitized snapshot, which hold no secret value. Cut to GitHub's
// comment limit, saying where the full text is.

/** GitHub refuses an issue or pull-request comment body longer than this (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The first line of every comment this renders: how a reader (or a script) recognises it. */
export const COMMENT_MARKER = "<!-- notify-estate pr-plan -->";

/** A code fence longer than any run of backticks in `text`, so that nothing in it can end the block. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** Markdown-inert: a table cell cannot start a new cell, a line or a mention. */
const cell = (s: string) => s.replace(/[|\n\r]/g, " ").replace(/@/g, "@\u200b").replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));

function age(r: PrPlanResult): string {
  if ("missing" in r.snapshot) return "**MISSING**";
  return `${r.snapshot.age_hours} h${r.snapshot.stale ? ` **STALE** (> ${SNAPSHOT_STALE_AFTER_HOURS} h)` : ""}`;
}

function planCell(r: PrPlanResult): string {
  if ("summary" in r.plan) return cell(r.plan.summary);
  if ("error" in r.plan) return "**Terraform could not plan**";
  return "not planned";
}

const verdict = (r: PrPlanResult) => (r.guard.verdict === "safe" ? "safe" : r.guard.verdict === "refused" ? "**REFUSED**" : "not run");

function section(r: PrPlanResult, body: string, cut: boolean, fullTextAt: string): string {
  const f = fence(body);
  const title = `${r.environment}: ${"summary" in r.plan ? r.plan.summary : "no plan"} guard ${r.guard.verdict}`;
  return `<details${r.guard.verdict === "safe" ? "" : " open"}><summary>${cell(title)}</summary>\n\n${f}text\n${body}${body.endsWith("\n") ? "" : "\n"}${f}\n${cut ? `\nCut here to fit GitHub's comment limit: the full text is in ${fullTextAt}.\n` : ""}\n</details>\n`;
}

/**
 * The comment for one push. `commit` is the pull request's head; `fullTextAt` says where the full
 * text is (the pr-plan step's log of the build).
 */
export function renderComment(results: readonly PrPlanResult[], meta: { commit: string; fullTextAt: string }, limit = GITHUB_COMMENT_LIMIT): string {
  const head = [
    COMMENT_MARKER,
    `### Plans of ${cell(meta.commit.slice(0, 12))} against the live estate`,
    "",
    "Planned offline by real Terraform against each environment's sanitized snapshot (taken by the hourly drift job), with no credential; judged by main's plan guard. Names only: no secret value is in a snapshot.",
    "",
    "| environment | snapshot age | plan | plan guard |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${cell(r.environment)} | ${age(r)} | ${planCell(r)} | ${verdict(r)} |`),
    "",
    "",
  ].join("\n");
  const texts = results.map((r) => renderResultText(r));
  const full = head + results.map((r, i) => section(r, texts[i], false, meta.fullTextAt)).join("\n");
  if (full.length <= limit) return full;
  // Each environment gets an equal share of what is left; one that needs less gives the rest away.
  const overhead = head.length + results.map((r) => section(r, "", true, meta.fullTextAt).length + 1 + 2 * 8).reduce((a, b) => a + b, 0);
  let budget = Math.max(0, limit - overhead);
  const order = texts.map((t, i) => ({ i, len: t.length })).sort((a, b) => a.len - b.len);
  const allowed: number[] = [];
  order.forEach(({ i, len }, k) => {
    const share = Math.floor(budget / (order.length - k));
    allowed[i] = Math.min(len, share);
    budget -= allowed[i];
  });
  const cutText = (t: string, n: number) => {
    if (t.length <= n) return t;
    const lines = t.split("\n");
    let out = "";
    for (const l of lines) {
      if (out.length + l.length + 1 > n) break;
      out += `${l}\n`;
    }
    return out;
  };
  const body = head + results.map((r, i) => section(r, cutText(texts[i], allowed[i]), texts[i].length > allowed[i], meta.fullTextAt)).join("\n");
  return body.length <= limit ? body : body.slice(0, limit);
}
