import * as fs from "fs";
import * as path from "path";
import { estate, resolveEstate, type EnvironmentName, type EstateConfig } from "../config";
import { buildApp } from "../stacks/build";
import { queueAddress } from "../stacks/addresses";
import { loadEnvironment } from "../checks";
import { cli, removeWorkDirectory, runProgram, workDirectory } from "./cli";
import { withPrerequisites } from "../offline/bootstrap";
import { livePlatformFile, Rehearsal } from "../offline/harness";
import { Platform } from "../offline/standin/platform";

// npm run plan-fixtures: rewrites the plan guard's fixtures that Terraform itself writes. Each scenario
// adopts the live estate of an environment in a rehearsal, then plans one change against it and keeps
// `terraform show -json` of that plan, reduced to the resources that change.
const root = process.cwd();
const OUT = path.join(root, "__tests__", "fixtures", "plans", "rehearsed");

interface Scenario {
  readonly name: string;
  readonly env: EnvironmentName;
  readonly what: string;
  readonly config?: (c: EstateConfig) => EstateConfig;
  readonly stack?: (stack: any) => void;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: "in-place-update",
    env: "production",
    what: "notify-delivery-worker-letters memory 2G -> 3G: an in-place update",
    config: (c) => ({ ...c, apps: c.apps.map((a) => (a.name === "notify-delivery-worker-letters" ? { ...a, memory: "3G" } : a)) }),
  },
  {
    name: "replace-app",
    env: "staging",
    what: "notify-api's org_name edited in the synthesized stack: the app is replaced (production refuses this in Terraform itself: prevent_destroy)",
    stack: (s) => (s.resource.cloudfoundry_app["notify-api"].org_name = "another-org"),
  },
  {
    name: "delete-queue",
    env: "preview",
    what: "govuk-alerts removed from the synthesized stack with no removed block (config alone would only forget it)",
    stack: (s) => {
      delete s.resource.aws_sqs_queue["govuk-alerts"];
      delete s.resource.aws_sqs_queue["govuk-alerts-dead-letter"];
      // The queue's address is also the prefix of its dead-letter queue's: both imports go.
      s.import = s.import.filter((i: any) => !i.to.startsWith(queueAddress("govuk-alerts")));
    },
  },
  {
    name: "below-floor",
    env: "production",
    what: "notify-api instances edited to 10 in the synthesized stack",
    stack: (s) => (s.resource.cloudfoundry_app["notify-api"].instances = 10),
  },
];

function synthesize(config: EstateConfig, dir: string): void {
  buildApp(dir, resolveEstate(config)).synth();
}

/** The plan reduced to what changes, still exactly as Terraform wrote each entry. */
function reduce(plan: any): object {
  return {
    format_version: plan.format_version,
    terraform_version: plan.terraform_version,
    planned_values: { root_module: {} },
    resource_changes: (plan.resource_changes ?? []).filter((c: any) => !c.change.actions.every((a: string) => a === "no-op" || a === "read")),
  };
}

const program = cli("plan-fixtures", "Rewrite the plan guard's fixtures from plans Terraform writes in rehearsals")
  .action(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const readme: string[] = ["# Plans written by Terraform", "", "Written by `npm run plan-fixtures` (commands/plan-fixtures.ts): each adopts an environment's", "live estate in a rehearsal, plans one change, and keeps `terraform show -json` reduced to the", "resources that change. Values are the stand-in's made-up ones.", ""];
    for (const s of SCENARIOS) {
      const work = workDirectory("plan-fixture");
      const base = path.join(work, "base");
      synthesize(estate, base);
      const resolved = await loadEnvironment(s.env);
      const r = await Rehearsal.start(root, base, { [s.env]: withPrerequisites(Platform.load(livePlatformFile(root, s.env)).data, resolved) }, { inherit: process.env, work: path.join(work, "rehearsal") });
      try {
        await r.plan(s.env);
        await r.apply(s.env);
        await r.settleState(s.env);
        const changed = path.join(work, "changed");
        synthesize(s.config ? s.config(estate) : estate, changed);
        if (s.stack) {
          const file = path.join(changed, "stacks", s.env, "cdk.tf.json");
          const json = JSON.parse(fs.readFileSync(file, "utf8"));
          s.stack(json);
          fs.writeFileSync(file, JSON.stringify(json));
        }
        r.useStack(s.env, changed);
        const { json, summary } = await r.plan(s.env, "change.plan");
        fs.writeFileSync(path.join(OUT, `${s.name}.json`), JSON.stringify(reduce(json), null, 1) + "\n");
        readme.push(`- \`${s.name}.json\` (${s.env}): ${s.what}. Terraform: ${summary}`);
        process.stdout.write(`${s.name}: ${summary}\n`);
      } finally {
        await r.close();
        removeWorkDirectory(work);
      }
    }
    fs.writeFileSync(path.join(OUT, "README.md"), readme.join("\n") + "\n");
  });
void runProgram(program);
