#!/usr/bin/env node
// Generates the cloudfoundry/cloudfoundry 1.16.0 bindings from the committed schema.
// `cdktf get` cannot reach the Terraform registry from our machines, and no prebuilt
// @cdktf/provider-cloudfoundry package exists, so the schema in providers/ is the source.
//   node scripts/generate-bindings.js [outdir]   (default: .gen/cloudfoundry)
const path = require("path");
const fs = require("fs");

async function generate(outdir) {
  // Loaded here, not at the top: the generator is slow to load, which --help and a usage error do not need.
  const { generateProviderBindingsFromSchema } = require("@cdktf/provider-generator");
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "providers", "cloudfoundry-1.16.0.schema.json"), "utf8"),
  );
  fs.rmSync(outdir, { recursive: true, force: true });
  await generateProviderBindingsFromSchema(outdir, schema);
}

module.exports = { generate };

if (require.main === module) {
  const { jsCli } = require("../bin/cli-conventions");
  const program = jsCli("generate:bindings", "Regenerate the cloudfoundry/cloudfoundry 1.16.0 bindings from providers/cloudfoundry-1.16.0.schema.json")
    .argument("[outdir]", "where to write them", ".gen")
    .parse();
  const outdir = path.resolve(program.args[0] || path.join(__dirname, "..", ".gen"));
  generate(outdir).then(
    () => console.log(`cloudfoundry bindings written to ${path.relative(process.cwd(), outdir) || "."}`),
    (err) => {
      console.error(`generate:bindings: ${err.message}`);
      process.exit(1);
    },
  );
}
