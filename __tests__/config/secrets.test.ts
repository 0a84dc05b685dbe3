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
      // A setting is on the app only where its parameter exists (environments) and the app may hold it.
      for (const name of settingNames.filter((n) => n in app.environment)) {
        expect([appName, name, app.environment[name]]).toEqual([appName, name, `\${data.aws_ssm_parameter.ssm-${name}.insecure_value}`]);
      }
      // A setting for every app, whose parameter exists here, is on every app.
      const everywhere = estate.secrets.filter((d) => d.kind === "setting" && d.allowedApps === "all" && (!d.environments || d.environments.includes(env)));
      expect(everywhere.map((d) => d.name).filter((n) => !(n in app.environment))).toEqual([]);
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

test("the 2022 over-grant is gone: each catalogued secret only on its allowed apps (named, or of an allowed role)", () => {
  expect(estate.secrets.length).toBeGreaterThan(0);
  const envs = resolveEstate();
  for (const env of envs) {
    for (const app of env.apps) {
      for (const s of app.secretEnv) {
        const def = estate.secrets.find((d) => d.name === s.name)!;
        if (def.allowedApps === "all") continue;
        const role = estate.apps.find((a) => a.name === app.name)!.role;
        expect([s.name, app.name, def.allowedApps.includes(app.name) || (def.allowedRoles ?? []).includes(role)]).toEqual([s.name, app.name, true]);
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
