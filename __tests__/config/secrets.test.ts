import { estate, resolveEstate } from "../../config";
import { ENVS, filesUnder, synth, synthDir } from "../helpers";

const secretNames = estate.secrets.filter((s) => s.kind === "secret").map((s) => s.name);
const settingNames = estate.secrets.filter((s) => s.kind === "setting").map((s) => s.name);

describe.each(ENVS)("%s", (env) => {
  test("every secret variable is a sensitive reference to its own SSM parameter", () => {
    const s = synth(env);
    for (const [appName, app] of Object.entries(s.resource.cloudfoundry_app) as [string, any][]) {
      for (const name of secretNames.filter((n) => n in app.environment)) {
        expect([appName, name, app.environment[name]]).toEqual([appName, name, `\${data.aws_ssm_parameter.ssm-${name}.value}`]);
        expect(s.data.aws_ssm_parameter[`ssm-${name}`]).toMatchObject({ name: `/notify/${env}/${name}`, with_decryption: true });
      }
      for (const name of settingNames) {
        expect(app.environment[name]).toBe(`\${data.aws_ssm_parameter.ssm-${name}.insecure_value}`);
      }
    }
  });

  test("no variable that looks like a credential has a literal value", () => {
    for (const [appName, app] of Object.entries(synth(env).resource.cloudfoundry_app) as [string, any][]) {
      for (const [name, value] of Object.entries(app.environment) as [string, string][]) {
        if (/(KEY|SECRET|PASSWORD|TOKEN|AUTH|KEYS|SALT|USERNAME|URL)(_\d+)?$/.test(name) && name !== "STATSD_HOST") {
          expect([appName, name, value]).toEqual([appName, name, expect.stringMatching(/^\$\{data\.aws_ssm_parameter\./)]);
        }
      }
    }
  });
});

test("the 2022 over-grant is gone: each catalogued secret only on its allowed apps", () => {
  expect(estate.secrets.length).toBeGreaterThan(0);
  const envs = resolveEstate();
  for (const env of envs) {
    for (const app of env.apps) {
      for (const s of app.secretEnv) {
        const def = estate.secrets.find((d) => d.name === s.name)!;
        if (def.allowedApps !== "all") expect([s.name, def.allowedApps]).toEqual([s.name, expect.arrayContaining([app.name])]);
      }
    }
  }
});

test("no secret value or parameter content is written anywhere under cdktf.out", () => {
  // The program never sees a secret value: the synthesized files only name parameters. A canary that
  // an SSM lookup would return must therefore never appear, nor any literal for a secret variable.
  const files = filesUnder(synthDir());
  expect(Object.keys(files).filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(3);
  for (const [f, text] of Object.entries(files)) {
    for (const name of secretNames) {
      const literal = new RegExp(`"${name}":\\s*"(?!\\$\\{data\\.aws_ssm_parameter\\.ssm-${name}\\.value\\})`);
      expect([f, name, literal.test(text)]).toEqual([f, name, false]);
    }
    expect(text).not.toMatch(/"(value|insecure_value)":/);
  }
});
