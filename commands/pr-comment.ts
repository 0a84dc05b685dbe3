import { writeOutputFile } from "../io/files";
import { cli, Refusal, runProgram } from "./cli";
import { renderComment } from "../offline/pr-comment";
import type { PrPlanResult } from "../offline/pr-plan";
import { readUntrustedJson } from "../plan/strict-json";

// npm run -s pr-comment -- <result.json>... --commit <sha> --out comment.md: the pull request's comment
// from the results npm run pr-plan wrote, one per environment. Prints the full text (the build log is
// where the comment points when it is cut); writes the comment, cut to GitHub's limit.
const program = cli("pr-comment", "Render the pull request's comment from pr-plan results")
  .argument("<results...>", "result files written by npm run pr-plan -- ... --result <file> (or a JSON list of results)")
  .requiredOption("--commit <sha>", "the pull request's head commit")
  .requiredOption("--out <file>", "where to write the comment (Markdown)")
  .option("--full-text-at <where>", "where the full text is, for the note when the comment is cut", "the log of this build's pr-plan step (the Details link of the notify-estate check)")
  .action((files: string[], opts: { commit: string; out: string; fullTextAt: string }) => {
    // A file holds one result (pr-plan --result) or a list of them.
    const results = files.flatMap((f) => {
      const read = readUntrustedJson(f, "the pr-plan result");
      const list = (Array.isArray(read) ? read : [read]) as PrPlanResult[];
      for (const r of list) {
        const known = typeof r?.environment === "string" && r.snapshot && r.plan && ["safe", "refused", "not run"].includes(r.guard?.verdict) && typeof r.guard.text === "string";
        // A plan without its destroy, replace and forget lines is a result of an older pr-plan: the comment shows those first.
        if (!known || ("summary" in r.plan && !Array.isArray(r.plan.grave))) throw new Refusal([`${f} is not a pr-plan result of this version (npm run pr-plan -- ... --result <file>)`]);
      }
      return list;
    });
    const comment = renderComment(results, { commit: opts.commit, fullTextAt: opts.fullTextAt });
    writeOutputFile(opts.out, comment, "the comment");
    process.stdout.write(comment);
  });
void runProgram(program);
