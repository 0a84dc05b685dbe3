import { getExpressionAst } from "@cdktf/hcl2json";
import { resolveEstate, type ResolvedEnvironment } from "../../config";
import { checkStack, functionProblems, shown, stackPins, structureProblems, type StackPins } from "../../plan/stack-check";
import { smallEstate } from "../fixtures/small-estate";

// The stack check on a small fixture stack: what stacks/ writes for the small estate's production
// (pinned backend and providers, one of each block kind), then one seeded violation per rule. The
// real estate's three stacks are judged in stack-check-estate.test.ts.
//
// The parser is the real one, watched: how often it is called, and once made to answer with an
// expression kind the check does not know.
jest.mock("@cdktf/hcl2json", () => {
  const actual = jest.requireActual("@cdktf/hcl2json");
  return { ...actual, getExpressionAst: jest.fn(actual.getExpressionAst) };
});
const parser = getExpressionAst as jest.MockedFunction<typeof getExpressionAst>;
const env: ResolvedEnvironment = resolveEstate(smallEstate()).find((e) => e.name === "production")!;
const pins: StackPins = stackPins(env);

/** A stack shaped as stacks/ writes one: every top-level kind, an allowed type of each, the pins. */
function fixture(): any {
  return {
    "//": { metadata: { backend: "s3" } },
    terraform: JSON.parse(JSON.stringify(pins.terraform)),
    provider: JSON.parse(JSON.stringify(pins.provider)),
    variable: { app_artifact_path: { type: "string", description: "the zip" }, app_artifact_sha256: { type: "string" } },
    locals: { live_app_ids: "${{ for a in data.cloudfoundry_apps.live.apps : a.name => a.id }}" },
    data: {
      cloudfoundry_apps: { live: { space: "x" } },
      aws_ssm_parameter: { p: { name: "/p", with_decryption: true } },
      cloudfoundry_service_credential_bindings: { b: { for_each: '${{ for a in ["x"] : a => a if contains(keys(local.live_app_ids), a) }}', app: "${each.key}" } },
    },
    resource: {
      cloudfoundry_app: { api: { name: "api", path: "${var.app_artifact_path}", instances: '${max(2, lookup(local.live_instances, "api", 0))}', lifecycle: { prevent_destroy: true } } },
      aws_sqs_queue: { q: { name: "q", tags: { "${one([1])}": "${coalesce(try(x, null), 1)}" } } },
      cloudfoundry_service_credential_binding: { b: { for_each: "${merge({}, {})}", count: 1, depends_on: ["cloudfoundry_app.api"], lifecycle: { create_before_destroy: true } } },
    },
    import: [{ to: "cloudfoundry_app.api", id: "${each.value}", for_each: '${{ for a in data.cloudfoundry_apps.live.apps : a.id => a.id if endswith(a.name, "api") }}' }],
    removed: [{ from: "aws_sqs_queue.old", lifecycle: { destroy: false } }],
  };
}

const problems = (stack: unknown) => checkStack(stack, pins);
const withChange = (change: (s: any) => void) => {
  const s = fixture();
  change(s);
  return problems(s);
};

test("the fixture stack is accepted: every kind stacks/ writes, every allowed function, the pins", async () => {
  expect(await problems(fixture())).toEqual([]);
  // A provider as one object is the same configuration as a list of it.
  expect(await withChange((s) => (s.provider.aws = s.provider.aws[0]))).toEqual([]);
});

test("the pins are the environment's config, as stacks/ writes them", () => {
  expect(pins).toEqual({
    environment: "production",
    terraform: {
      backend: { s3: { bucket: env.state.bucket, encrypt: true, key: env.state.key, region: env.state.region, use_lockfile: true } },
      required_providers: {
        aws: { source: "hashicorp/aws", version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
        cloudfoundry: { source: "registry.terraform.io/cloudfoundry/cloudfoundry", version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      },
    },
    provider: { aws: [{ region: env.awsRegion }], cloudfoundry: [{ api_url: env.cfApiUrl }] },
  });
});

describe("refused, one line each naming the block or field and why", () => {
  const BACKEND = "the production state backend and the two providers are pinned (stacks/environment-stack.ts)";
  test.each([
    ["a module", (s: any) => (s.module = { m: { source: "git::https://x" } }), ["module: a top-level block kind stacks/ never writes (modules, outputs, checks, moved and others are refused)"]],
    ["an output", (s: any) => (s.output = { o: { value: "x" } }), ["output: a top-level block kind stacks/ never writes (modules, outputs, checks, moved and others are refused)"]],
    ["a terraform cloud block", (s: any) => (s.terraform.cloud = { organization: "x" }), [`terraform.cloud: not allowed: ${BACKEND}`]],
    ["another state bucket", (s: any) => (s.terraform.backend.s3.bucket = "attacker"), [`terraform.backend.s3.bucket: "attacker", must be ${shown(env.state.bucket)}: ${BACKEND}`]],
    [
      "a local backend",
      (s: any) => (s.terraform.backend = { local: { path: "/tmp/x" } }),
      [
        `terraform.backend.local: not allowed: ${BACKEND}`,
        `terraform.backend.s3: missing, must be ${shown(pins.terraform.backend && (pins.terraform.backend as any).s3)}: ${BACKEND}`,
      ],
    ],
    ["a third provider required", (s: any) => (s.terraform.required_providers.http = { source: "hashicorp/http" }), [`terraform.required_providers.http: not allowed: ${BACKEND}`]],
    ["another provider version", (s: any) => (s.terraform.required_providers.aws.version = "6.0.0"), [`terraform.required_providers.aws.version: "6.0.0", must be ${shown(pins.terraform.required_providers && (pins.terraform.required_providers as any).aws.version)}: ${BACKEND}`]],
    [
      "a second aws configuration",
      (s: any) => s.provider.aws.push({ alias: "attacker", region: "eu-west-1", endpoints: [{ sqs: "https://attacker.example" }] }),
      [
        `provider.aws: [{"region":"${env.awsRegion}"},{"alias":"attacker","region":"eu-west-1","endpoints":[{"sqs":"https://attacker.example"}]}], must be [{"region":"${env.awsRegion}"}]: one aws configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`,
      ],
    ],
    ["another Cloud Foundry API", (s: any) => (s.provider.cloudfoundry = [{ api_url: "https://attacker.example" }]), [`provider.cloudfoundry: [{"api_url":"https://attacker.example"}], must be [{"api_url":"${env.cfApiUrl}"}]: one cloudfoundry configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`]],
    [
      "another provider configured",
      (s: any) => (s.provider.external = [{}]),
      ["provider.external: only the cloudfoundry and aws providers are declared"],
    ],
    ["a terraform_data", (s: any) => (s.resource.terraform_data = { x: { input: "y" } }), ['resource.terraform_data.x: resource type "terraform_data" is not one this estate declares (it needs provider "terraform")']],
    ["a null_resource", (s: any) => (s.resource.null_resource = { x: {} }), ['resource.null_resource.x: resource type "null_resource" is not one this estate declares (it needs provider "null")']],
    ["an aws type the estate does not use", (s: any) => (s.resource.aws_s3_object = { x: { source: "/etc/passwd" } }), ['resource.aws_s3_object.x: resource type "aws_s3_object" is not one this estate declares']],
    ["an external data source", (s: any) => (s.data.external = { x: { program: ["sh"] } }), ['data.external.x: data source type "external" is not one this estate declares (it needs provider "external")']],
    ["a data type of a resource type", (s: any) => (s.data.aws_sqs_queue = { x: { name: "q" } }), ['data.aws_sqs_queue.x: data source type "aws_sqs_queue" is not one this estate declares']],
    ["a local-exec provisioner", (s: any) => (s.resource.aws_sqs_queue.q.provisioner = [{ "local-exec": { command: "env" } }]), ["resource.aws_sqs_queue.q.provisioner: a provisioner runs commands on the machine that applies, with its credentials"]],
    ["a connection", (s: any) => (s.resource.aws_sqs_queue.q.connection = { host: "x" }), ["resource.aws_sqs_queue.q.connection: a connection opens a remote login from the machine that applies"]],
    ["a provider argument", (s: any) => (s.resource.aws_sqs_queue.q.provider = "aws.attacker"), ["resource.aws_sqs_queue.q.provider: only the one pinned configuration of each provider is used"]],
    ["a dynamic block", (s: any) => (s.resource.aws_sqs_queue.q.dynamic = { x: {} }), ["resource.aws_sqs_queue.q.dynamic: stacks/ never writes dynamic here"]],
    ["a data source's lifecycle", (s: any) => (s.data.cloudfoundry_apps.live.lifecycle = { postcondition: [{ condition: false, error_message: "x" }] }), ["data.cloudfoundry_apps.live.lifecycle: stacks/ never writes lifecycle here"]],
    ["a data source's provider", (s: any) => (s.data.cloudfoundry_apps.live.provider = "cloudfoundry.x"), ["data.cloudfoundry_apps.live.provider: only the one pinned configuration of each provider is used"]],
    ["a lifecycle condition", (s: any) => (s.resource.aws_sqs_queue.q.lifecycle = { postcondition: [] }), ["resource.aws_sqs_queue.q.lifecycle.postcondition: not allowed: stacks/ writes only create_before_destroy and prevent_destroy"]],
    ["a lifecycle that is not a block", (s: any) => (s.resource.aws_sqs_queue.q.lifecycle = "x"), ["resource.aws_sqs_queue.q.lifecycle: not a block (an object)"]],
    ["an app pushing another file", (s: any) => (s.resource.cloudfoundry_app.api.path = "/root/.git-credentials"), ['resource.cloudfoundry_app.api.path: "/root/.git-credentials", must be "${var.app_artifact_path}": the provider uploads the file it names']],
    ["a variable stacks/ does not declare", (s: any) => (s.variable.token = { default: "x" }), ["variable.token: not a variable stacks/ declares (app_artifact_path, app_artifact_sha256)"]],
    ["a variable's validation", (s: any) => (s.variable.app_artifact_path.validation = []), ["variable.app_artifact_path.validation: not allowed: stacks/ writes only a type and a description"]],
    ["a variable that is not a block", (s: any) => (s.variable.app_artifact_path = "x"), ["variable.app_artifact_path: not a block (an object)"]],
    ["variables that are not an object", (s: any) => (s.variable = []), ["variable: not an object of variables"]],
    ["locals that are not an object", (s: any) => (s.locals = "x"), ["locals: not an object of locals"]],
    ["an import's provider", (s: any) => (s.import[0].provider = "aws.x"), ["import.provider: not allowed: an import block has only to, id and for_each here"]],
    ["an import that is not a block", (s: any) => s.import.push("x"), ["import: every entry must be a block (an object)"]],
    ["a removed block's provisioner", (s: any) => (s.removed[0].provisioner = [{ "local-exec": { command: "env" } }]), ["removed.provisioner: not allowed: a removed block has only from and lifecycle here (a provisioner would run at destroy)"]],
    ["a removed block's lifecycle beyond destroy", (s: any) => (s.removed[0].lifecycle.x = 1), ["removed.lifecycle.x: not allowed: only destroy"]],
    ["a removed block's lifecycle that is not a block", (s: any) => (s.removed = { from: "x", lifecycle: 1 }), ["removed.lifecycle: not a block (an object)"]],
    ["resources that are not an object", (s: any) => (s.resource = []), ["resource: not an object of types"]],
    ["resources that are null", (s: any) => (s.resource = null), ["resource: not an object of types"]],
    ["a removed entry that is not a block", (s: any) => s.removed.push("x"), ["removed: every entry must be a block (an object)"]],
    ["a block name a line would not show plainly", (s: any) => (s.resource.aws_sqs_queue["a queue"] = { provisioner: [] }), ['resource.aws_sqs_queue."a queue".provisioner: a provisioner runs commands on the machine that applies, with its credentials']],
    [
      "no provider block",
      (s: any) => delete s.provider,
      [
        `provider.aws: [], must be [{"region":"${env.awsRegion}"}]: one aws configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`,
        `provider.cloudfoundry: [], must be [{"api_url":"${env.cfApiUrl}"}]: one cloudfoundry configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`,
      ],
    ],
    ["a removed block without a lifecycle (accepted)", (s: any) => (s.removed = [{ from: "aws_sqs_queue.x" }]), []],
    ["a type that is not an object", (s: any) => (s.resource.aws_sqs_queue = "x"), ["resource.aws_sqs_queue: not an object of named blocks"]],
    ["a block that is not an object", (s: any) => (s.data.aws_ssm_parameter.p = ["x"]), ["data.aws_ssm_parameter.p: not a block (an object)"]],
    ["providers that are not an object", (s: any) => (s.provider = "x"), [
      "provider: not an object of providers",
      `provider.aws: missing, must be [{"region":"${env.awsRegion}"}]: one aws configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`,
      `provider.cloudfoundry: missing, must be [{"api_url":"${env.cfApiUrl}"}]: one cloudfoundry configuration, as config sets it for production (an alias, endpoint or URL would send credentials elsewhere)`,
    ].map((l) => l.replace("missing, must be", "[], must be"))],
  ] as [string, (s: any) => void, string[]][])("%s", async (_name, change, expected) => {
    expect(await withChange(change)).toEqual(expected);
  });

  test("a stack that is not an object, or has no terraform block", async () => {
    expect(await problems([])).toEqual(["the stack is not a JSON object"]);
    expect(await problems("x")).toEqual(["the stack is not a JSON object"]);
    expect(await withChange((s) => delete s.terraform)).toEqual([`terraform: missing, must be ${shown(pins.terraform)}: ${BACKEND}`]);
  });
});

describe("functions: only the allow-list, found by parsing each template", () => {
  const local = (expr: string) => withChange((s) => (s.locals.x = expr));
  test.each([
    ['${file("/proc/self/environ")}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${fileset("/", "**")}', 'locals.x: function "fileset": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${templatefile("a", {})}', 'locals.x: function "templatefile": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${pathexpand("~")}', 'locals.x: function "pathexpand": it reads HOME of the machine that runs Terraform'],
    ['${abspath(".")}', 'locals.x: function "abspath": it reads the working directory of the machine that runs Terraform'],
    ["${nonsensitive(data.aws_ssm_parameter.p.value)}", 'locals.x: function "nonsensitive": it removes Terraform\'s sensitive mark, so that a secret is printed'],
    ["${uuid()}", 'locals.x: function "uuid": it is impure (random): its result differs on every run'],
    ["${timestamp()}", 'locals.x: function "timestamp": it is impure (the clock): its result differs on every run'],
    ['${bcrypt("x")}', 'locals.x: function "bcrypt": it is impure (random salt): its result differs on every run'],
    ['${provider::aws::arn_parse("x")}', 'locals.x: function "provider::aws::arn_parse": a provider-defined or namespaced function runs code the allow-list has not reviewed'],
    ['${core::file("x")}', 'locals.x: function "core::file": a provider-defined or namespaced function runs code the allow-list has not reviewed'],
    ['${parseint("x", 10)}', 'locals.x: function "parseint": it is not in the allow-list of pure functions (plan/stack-allow-list.ts FUNCTIONS)'],
    // Wherever an expression can be: a for, a conditional, an index, parentheses, an object key, a directive, a nested template, a splat.
    ['${[for x in [1] : x if file("a") != ""]}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${true ? 1 : file("a")}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${local.m[file("a")]}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${(file("a")).b}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${ {(file("k")) = 1} }', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['%{ if file("a") == "" }x%{ endif }', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['%{ for l in split("\\n", file("a")) }${l}%{ endfor }', 'locals.x: function "split": it is not in the allow-list of pure functions (plan/stack-allow-list.ts FUNCTIONS)'],
    ['${"${file("a")}"}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${ <<EOT\n${file("a")}\nEOT\n}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${local.l[*].x[file("a")]}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
    ['${-abs(1)}', 'locals.x: function "abs": it is not in the allow-list of pure functions (plan/stack-allow-list.ts FUNCTIONS)'],
    // The heredoc's marker in the template cannot end it early.
    ['STACKCHECK\n${file("a")}\nSTACKCHECKX\n${file("b")}', 'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)'],
  ])("%s", async (expr, line) => {
    const found = await local(expr);
    // One line per function and place; "for ... split(file())" names both.
    expect(found).toContain(line);
    expect(found.every((l) => l.startsWith("locals.x: function "))).toBe(true);
  });

  test("each function is named once per place, every refused one of it", async () => {
    expect(await local('${file("a")}${file("b")}${fileset("/", "*")}')).toEqual([
      'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)',
      'locals.x: function "fileset": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)',
    ]);
  });

  test("in a key, a list, a nested attribute, a provider block: every string is read as Terraform reads it", async () => {
    const s = fixture();
    s.resource.aws_sqs_queue.q.tags = { '${file("k")}': "v" };
    s.resource.cloudfoundry_app.api.environment = { A: ["x", '${file("l")}'] };
    s.data.aws_ssm_parameter.p.name = '${file("d")}';
    const reason = "it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)";
    expect(await functionProblems(s)).toEqual([
      `data.aws_ssm_parameter.p.name: function "file": ${reason}`,
      `resource.cloudfoundry_app.api.environment.A.[1]: function "file": ${reason}`,
      `resource.aws_sqs_queue.q.tags."\${file(\\"k\\")}" (the key): function "file": ${reason}`,
    ]);
  });

  test("what is not an expression is not judged: escaped interpolations, plain strings, names of functions as text", async () => {
    expect(await local('$${file("a")} %%{ if file("b") } file("c") pathexpand(x)')).toEqual([]);
    expect(await local("plain")).toEqual([]);
  });

  test("a template that does not parse is refused, naming where and the parser's words (not the template again)", async () => {
    expect(await local("${ file( }")).toEqual([
      'locals.x: the template does not parse ("cdk.tf.json:1,10-11: Invalid expression; Expected the start of an expression, but found an invalid expression token. "): a template this check cannot read is refused',
    ]);
  });

  test("an expression kind the parser names and the check does not know is refused", async () => {
    const actual = jest.requireActual("@cdktf/hcl2json").getExpressionAst;
    const answer = { type: "newKind", children: [{ type: "function", children: [], meta: { name: "file" } }, { type: "function", children: [] }] };
    parser.mockImplementation(async (file, text) => (text.includes("a.new.kind") ? (answer as any) : actual(file, text)));
    const found = await local("${ a.new.kind }");
    parser.mockImplementation(actual);
    expect(found).toEqual([
      'locals.x: an expression of kind "newKind" this check does not know',
      'locals.x: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)',
      // A call the parser did not name is refused too.
      'locals.x: function "undefined": it is not in the allow-list of pure functions (plan/stack-allow-list.ts FUNCTIONS)',
    ]);
  });

  test("each distinct template is parsed once, and a string with no ${ or %{ not at all", async () => {
    const s = fixture();
    s.locals = { a: '${file("same")}', b: '${file("same")}', c: "no template here", d: "%{ if true }x%{ endif }" };
    s.resource = {};
    s.data = {};
    s.import = [];
    s.removed = [];
    parser.mockClear();
    expect(await functionProblems(s)).toEqual([
      'locals.a: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)',
      'locals.b: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)',
    ]);
    expect(parser.mock.calls.map((c) => c[1])).toEqual(["<<STACKCHECK\n${file(\"same\")}\nSTACKCHECK\n", "<<STACKCHECK\n%{ if true }x%{ endif }\nSTACKCHECK\n"]);
  });

  test("the eleventh element of a list is named by its index", async () => {
    const found = await withChange((s) => (s.resource.cloudfoundry_app.api.environment = { A: [...Array(10).fill("x"), '${file("l")}'] }));
    expect(found).toEqual(['resource.cloudfoundry_app.api.environment.A.[10]: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)']);
  });

  test("a hostile name or value is shown escaped: no newline, carriage return or bidi control reaches a line", async () => {
    const lines = await withChange((s) => {
      s.resource.aws_sqs_queue["q\nPlan: 0 to destroy\r\u202e"] = { provisioner: [] };
    });
    expect(lines).toEqual(['resource.aws_sqs_queue."q\\nPlan: 0 to destroy\\r\\u202e".provisioner: a provisioner runs commands on the machine that applies, with its credentials']);
    expect(shown("a\u2066b\u200fc\u0085d\u00ade\ufefff\u061cg\u2028")).toBe('"a\\u2066b\\u200fc\\u0085d\\u00ade\\ufefff\\u061cg\\u2028"');
    expect(shown("x".repeat(201))).toBe(`"${"x".repeat(200)}..."`);
    expect(shown("x".repeat(200))).toBe(`"${"x".repeat(200)}"`);
    expect(shown({ a: 1 })).toBe('{"a":1}');
  });

  test("the structure alone, without parsing: a stack with only pins is accepted", () => {
    expect(structureProblems({ terraform: pins.terraform, provider: pins.provider }, pins)).toEqual([]);
  });
});
