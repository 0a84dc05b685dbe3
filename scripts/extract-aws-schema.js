#!/usr/bin/env node
// Extracts the part of hashicorp/aws 5.100.0's schema this project uses from the real provider binary
// in a filesystem mirror, for the rehearsal's stand-in provider (which serves schemas, not AWS).
//   node scripts/extract-aws-schema.js <mirror-dir> [outfile]
// A test compares the committed subset with subsetOf() of the real provider's schema whenever the mirror
// is there (__tests__/stacks/terraform-validate.test.ts, from the validation's background run).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const VERSION = "5.100.0";
const ADDRESS = "registry.terraform.io/hashicorp/aws";
/** The AWS types the stacks declare or read; adding one to a stack means adding it here. */
const TYPES = {
  resource_schemas: ["aws_iam_policy", "aws_iam_user_policy_attachment", "aws_sqs_queue"],
  data_source_schemas: ["aws_caller_identity", "aws_sqs_queues", "aws_ssm_parameter"],
};

function extract(mirror) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-aws-schema-"));
  try {
    fs.writeFileSync(
      path.join(dir, "main.tf.json"),
      JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: VERSION } } } }),
    );
    // GOGC=400: the provider's whole schema is a large, short-lived heap, which Go's default collector
    // spends CPU on for nothing (docs/performance.md).
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null", GOGC: "400" };
    const tf = (args) => {
      const r = spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`terraform ${args.join(" ")}: ${r.stderr}`);
      return r.stdout;
    };
    tf(["init", "-backend=false", "-input=false", `-plugin-dir=${path.resolve(mirror)}`]);
    return subsetOf(JSON.parse(tf(["providers", "schema", "-json"])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of `terraform providers schema -json` output this project uses (TYPES), in the same format. */
function subsetOf(all) {
  const aws = all.provider_schemas && all.provider_schemas[ADDRESS];
  if (!aws) throw new Error(`the schema output holds no ${ADDRESS}`);
  const pick = (kind) => Object.fromEntries(TYPES[kind].map((t) => [t, aws[kind][t]]));
  return {
    format_version: all.format_version,
    provider_schemas: {
      [ADDRESS]: { provider: aws.provider, resource_schemas: pick("resource_schemas"), data_source_schemas: pick("data_source_schemas") },
    },
  };
}

module.exports = { extract, subsetOf, TYPES, VERSION };

if (require.main === module) {
  const { jsCli } = require("../bin/cli-conventions");
  const program = jsCli("extract-aws-schema", `Extract the hashicorp/aws ${VERSION} schema subset this project uses from a filesystem mirror`)
    .argument("<mirror-dir>", "a filesystem mirror holding hashicorp/aws (e.g. /opt/tf-plugins)")
    .argument("[outfile]", "where to write it", `providers/aws-${VERSION}.subset.schema.json`)
    .parse();
  const [mirror, outArg] = program.args;
  const out = outArg || path.join(__dirname, "..", "providers", `aws-${VERSION}.subset.schema.json`);
  try {
    fs.writeFileSync(out, JSON.stringify(extract(mirror), null, 1) + "\n");
    process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  } catch (err) {
    process.stderr.write(`extract-aws-schema: ${err.message.split("\n")[0]}\n`);
    process.exit(1);
  }
}
