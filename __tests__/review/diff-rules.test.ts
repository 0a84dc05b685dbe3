import { diffStack, renderDiff, withoutMetadata, type StackJson } from "../../review/diff";

// The offline diff, one reviewer-visible fact at a time, on small stacks built here (not the live
// estate): every app field, env variables (secrets never shown), routes, bindings, queues, policies,
// parameters, other resources and Terraform settings.
const SSM = (name: string) => `\${data.aws_ssm_parameter.ssm-${name}.value}`;
function base(): any {
  return {
    terraform: { backend: { s3: { bucket: "b" } } },
    data: {
      cloudfoundry_domain: { "domain-example": { name: "notify.example" } },
      cloudfoundry_app: { "statsd-exporter": { name: "exporter" } },
      aws_ssm_parameter: { "ssm-SECRET_KEY": { name: "/notify/preview/SECRET_KEY" } },
    },
    resource: {
      cloudfoundry_app: {
        api: {
          "//": { metadata: { path: "preview/api/app" } },
          memory: "1G",
          disk_quota: "1G",
          instances: "${max(2, lookup(local.live_instances, \"api\", 0))}",
          health_check_type: "http",
          health_check_http_endpoint: "/_status",
          health_check_invocation_timeout: 1,
          command: "run",
          buildpacks: ["python"],
          strategy: "rolling",
          timeout: 900,
          environment: { PLAIN: "a", SECRET_KEY: SSM("SECRET_KEY"), GONE: "x" },
        },
        worker: { memory: "2G", instances: 3, environment: {} },
      },
      cloudfoundry_route: {
        r1: { host: "api", domain: "${data.cloudfoundry_domain.domain-example.id}", destinations: [{ app_id: "${cloudfoundry_app.api.id}" }] },
        r2: { host: "www", domain: "${data.cloudfoundry_domain.domain-example.id}", path: "/x", destinations: [{ app_id: "${cloudfoundry_app.api.id}" }] },
      },
      cloudfoundry_service_credential_binding: {
        db: { for_each: '${{ for a in ["api", "worker"] : a => a if contains(keys(local.live_app_ids), a) }}' },
      },
      aws_sqs_queue: {
        q: { name: "previewq", visibility_timeout_seconds: 310, message_retention_seconds: 345600, sqs_managed_sse_enabled: true, redrive_policy: "{}", tags: { a: "b" } },
      },
      cloudfoundry_network_policy: {
        p: { policies: [{ source_app: "${cloudfoundry_app.worker.id}", destination_app: "${data.cloudfoundry_app.statsd-exporter.id}", protocol: "udp", port: "8125" }] },
      },
      aws_iam_policy: { boundary: { policy: "{}" } },
    },
  };
}
const changed = (f: (s: any) => void) => {
  const s = base();
  f(s);
  return diffStack(base(), s);
};

test("no change, no lines; cdktf's metadata is not a change", () => {
  expect(diffStack(base(), base())).toEqual([]);
  expect(changed((s) => (s.resource.cloudfoundry_app.api["//"] = { metadata: { path: "elsewhere" } }))).toEqual([]);
  expect(withoutMetadata([{ "//": 1, a: [{ "//": 2, b: 3 }] }])).toEqual([{ a: [{ b: 3 }] }]);
});

test.each([
  ["memory", "2G", "app api: memory 1G -> 2G"],
  ["disk_quota", "2G", "app api: disk 1G -> 2G"],
  ["instances", "${max(5, lookup(local.live_instances, \"api\", 0))}", "app api: instances max(2, live count) -> max(5, live count)"],
  ["health_check_type", "port", "app api: health check http -> port"],
  ["health_check_http_endpoint", "/x", "app api: health check endpoint /_status -> /x"],
  ["health_check_invocation_timeout", 2, "app api: health check timeout (s) 1 -> 2"],
  ["command", "go", "app api: command run -> go"],
  ["buildpacks", ["go"], 'app api: buildpacks ["python"] -> ["go"]'],
  ["strategy", "none", "app api: deploy strategy rolling -> none"],
  ["timeout", 60, "app api: startup timeout (s) 900 -> 60"],
])("every app field shows when it changes: %s", (field, value, line) => {
  expect(changed((s) => (s.resource.cloudfoundry_app.api[field] = value))).toEqual([line]);
});

test("a field set where it was unset, and a plain instance count", () => {
  expect(changed((s) => (s.resource.cloudfoundry_app.worker.disk_quota = "2G"))).toEqual(["app worker: disk (unset) -> 2G"]);
  expect(changed((s) => (s.resource.cloudfoundry_app.worker.instances = 4))).toEqual(["app worker: instances 3 -> 4"]);
});

test("env variables: added with their plain value or as from the secret store, removed, changed; a secret's value never", () => {
  expect(
    changed((s) => {
      const env = s.resource.cloudfoundry_app.api.environment;
      env.NEW = "v";
      env.NEW_SECRET = SSM("NEW_SECRET");
      delete env.GONE;
      env.PLAIN = "b";
      env.SECRET_KEY = SSM("OTHER");
    }),
  ).toEqual([
    "app api: env +NEW = v",
    "app api: env +NEW_SECRET (from the secret store)",
    "app api: env -GONE (removed on apply)",
    "app api: env PLAIN a -> b",
    "app api: env SECRET_KEY now read from a different source",
  ]);
  expect(changed((s) => (s.resource.cloudfoundry_app.api.environment.PLAIN = SSM("PLAIN")))).toEqual(["app api: env PLAIN now read from a different source"]);
});

test("apps added and removed: a removal says whether it is forgotten or destroyed", () => {
  expect(changed((s) => (s.resource.cloudfoundry_app.new = { memory: "1G" }))).toEqual(["app + new (new app)"]);
  expect(changed((s) => delete s.resource.cloudfoundry_app.worker)).toEqual(["app - worker (RETIRED: DESTROYS THE APP)"]);
  expect(
    changed((s) => {
      delete s.resource.cloudfoundry_app.worker;
      s.removed = [{ from: "cloudfoundry_app.worker", lifecycle: { destroy: false } }];
    }),
  ).toEqual(["app - worker (forgotten: it keeps running, no longer managed; retire it in config/retired.ts to destroy it)"]);
});

test("routes as URLs: added, removed, moved to another app", () => {
  expect(changed((s) => (s.resource.cloudfoundry_route.r3 = { host: "new", domain: "${data.cloudfoundry_domain.domain-example.id}", destinations: [{ app_id: "${cloudfoundry_app.worker.id}" }] }))).toEqual([
    "route + new.notify.example -> worker",
  ]);
  expect(changed((s) => delete s.resource.cloudfoundry_route.r2)).toEqual(["route - www.notify.example/x (was api)"]);
  expect(changed((s) => (s.resource.cloudfoundry_route.r1.destinations = [{ app_id: "${cloudfoundry_app.worker.id}" }]))).toEqual(["route api.notify.example: api -> worker"]);
  expect(changed((s) => (s.resource.cloudfoundry_route.r1.domain = "unknown-domain"))).toEqual(["route + api.unknown-domain -> api", "route - api.notify.example (was api)"]);
});

test("bindings: added and removed, in place, saying what each does", () => {
  expect(changed((s) => (s.resource.cloudfoundry_service_credential_binding.db.for_each = '${{ for a in ["api"] : a => a }}'))).toEqual([
    "binding - db -> worker (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)",
  ]);
  expect(changed((s) => (s.resource.cloudfoundry_service_credential_binding.redis = { for_each: '${{ for a in ["worker"] : a => a }}' }))).toEqual([
    "binding + redis -> worker (in place; the app sees it after its next restart: its next deploy or cf restart)",
  ]);
});

test.each([
  ["name", "previewq2", "queue q: SQS name previewq -> previewq2"],
  ["visibility_timeout_seconds", 400, "queue q: visibility timeout (s) 310 -> 400"],
  ["message_retention_seconds", 60, "queue q: retention (s) 345600 -> 60"],
  ["sqs_managed_sse_enabled", false, "queue q: encryption true -> false"],
  ["redrive_policy", '{"x":1}', 'queue q: redrive policy {} -> {"x":1}'],
  ["lifecycle", { prevent_destroy: true }, "queue q: prevent_destroy set (Terraform refuses to destroy or replace it)"],
  ["tags", { a: "c" }, 'queue q: tags {"a":"b"} -> {"a":"c"}'],
])("every queue field shows when it changes: %s", (field, value, line) => {
  expect(changed((s) => (s.resource.aws_sqs_queue.q[field] = value))).toEqual([line]);
});

test("queues added and removed: a removal says whether it is forgotten or destroyed", () => {
  expect(changed((s) => (s.resource.aws_sqs_queue.n = { name: "previewn" }))).toEqual(["queue + n"]);
  expect(changed((s) => delete s.resource.aws_sqs_queue.q)).toEqual(["queue - q (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)"]);
  expect(
    changed((s) => {
      delete s.resource.aws_sqs_queue.q;
      s.removed = [{ from: "aws_sqs_queue.q", lifecycle: { destroy: false } }];
    }),
  ).toEqual(["queue - q (forgotten: it and its messages stay, no longer managed)"]);
});

test("network policies, by app names, the exporter by its CF name", () => {
  expect(changed((s) => delete s.resource.cloudfoundry_network_policy.p)).toEqual(["network policy - worker -> exporter udp/8125"]);
  expect(changed((s) => (s.resource.cloudfoundry_network_policy.p.policies[0].port = "9000"))).toEqual([
    "network policy + worker -> exporter udp/9000",
    "network policy - worker -> exporter udp/8125",
  ]);
});

test("parameters read from the secret store: added and no longer read", () => {
  expect(changed((s) => (s.data.aws_ssm_parameter["ssm-NEW"] = { name: "/notify/preview/NEW" }))).toEqual(["secret store + /notify/preview/NEW (must exist before the apply)"]);
  expect(changed((s) => delete s.data.aws_ssm_parameter["ssm-SECRET_KEY"])).toEqual(["secret store - /notify/preview/SECRET_KEY (no longer read)"]);
});

test("any other resource is named when added, removed or changed, and Terraform settings too", () => {
  expect(changed((s) => (s.resource.aws_iam_policy.boundary.policy = '{"a":1}'))).toEqual(["aws_iam_policy.boundary changed"]);
  expect(changed((s) => delete s.resource.aws_iam_policy.boundary)).toEqual(["aws_iam_policy.boundary removed"]);
  expect(changed((s) => (s.resource.aws_iam_user_policy_attachment = { a: {} }))).toEqual(["aws_iam_user_policy_attachment.a added"]);
  expect(changed((s) => (s.terraform.backend.s3.bucket = "c"))).toEqual([
    "ENVIRONMENT IDENTITY: STATE s3 b -> s3 c (this environment would manage another's; check it is meant)",
    "terraform settings (backend or provider versions) changed",
  ]);
});

test("renderDiff: per environment, new and removed environments, and whether anything changed", () => {
  const one = { preview: base() as StackJson };
  expect(renderDiff(["preview"], one, one)).toEqual({ text: "preview: no changes\n", changed: false });
  expect(renderDiff(["preview"], {}, one)).toEqual({ text: "preview: new environment\n", changed: true });
  expect(renderDiff(["preview"], one, {})).toEqual({ text: "preview: REMOVED (every resource of it would be destroyed)\n", changed: true });
  const head = base();
  head.resource.cloudfoundry_app.api.memory = "2G";
  expect(renderDiff(["preview", "staging"], { ...one, staging: base() }, { preview: head, staging: base() })).toEqual({
    text: "preview:\n  app api: memory 1G -> 2G\nstaging: no changes\n",
    changed: true,
  });
});

test("every list comes out sorted, whatever order config declares things in", () => {
  const lines = changed((s) => {
    const apps = s.resource.cloudfoundry_app;
    apps.zeta = { memory: "1G" };
    apps.alpha = { memory: "1G" };
    delete apps.worker;
    const env = apps.api.environment;
    env.ZZ = "1";
    env.AA = "1";
    delete env.GONE;
    delete env.PLAIN;
    env.SECRET_KEY = "plain now";
    const dom = "${data.cloudfoundry_domain.domain-example.id}";
    s.resource.cloudfoundry_route.z = { host: "zz", domain: dom, destinations: [{ app_id: "${cloudfoundry_app.api.id}" }] };
    s.resource.cloudfoundry_route.a = { host: "aa", domain: dom, destinations: [{ app_id: "${cloudfoundry_app.api.id}" }] };
    s.resource.cloudfoundry_route.r1.destinations = [];
    s.resource.cloudfoundry_route.r2.destinations = [{ app_id: "${cloudfoundry_app.zeta.id}" }];
    s.resource.aws_sqs_queue.zq = {};
    s.resource.aws_sqs_queue.aq = {};
    s.resource.cloudfoundry_service_credential_binding.db.for_each = '${{ for a in ["zeta", "alpha"] : a => a }}';
    s.resource.cloudfoundry_network_policy.p.policies = [
      { source_app: "${cloudfoundry_app.zeta.id}", destination_app: "${data.cloudfoundry_app.statsd-exporter.id}", protocol: "udp", port: "8125" },
      { source_app: "${cloudfoundry_app.alpha.id}", destination_app: "${data.cloudfoundry_app.statsd-exporter.id}", protocol: "udp", port: "8125" },
    ];
    s.resource.cloudfoundry_network_policy.q = { policies: [{ source_app: "${cloudfoundry_app.alpha.id}", destination_app: "${cloudfoundry_app.api.id}", protocol: "tcp", port: "8080" }] };
    s.data.aws_ssm_parameter["ssm-Z"] = { name: "/z" };
    s.data.aws_ssm_parameter["ssm-A"] = { name: "/a" };
  });
  expect(lines).toEqual([
    "app + alpha (new app)",
    "app + zeta (new app)",
    "app - worker (RETIRED: DESTROYS THE APP)",
    "app api: env +AA = 1",
    "app api: env +ZZ = 1",
    "app api: env -GONE (removed on apply)",
    "app api: env -PLAIN (removed on apply)",
    "app api: env SECRET_KEY now read from a different source",
    "route + aa.notify.example -> api",
    "route + zz.notify.example -> api",
    "route api.notify.example: api -> ",
    "route www.notify.example/x: api -> zeta",
    "queue + aq",
    "queue + zq",
    "binding + db -> alpha (made with the new app: it starts with it)",
    "binding + db -> zeta (made with the new app: it starts with it)",
    "binding - db -> api (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)",
    "binding - db -> worker (goes with the retired app)",
    "network policy + alpha -> api tcp/8080",
    "network policy + zeta -> exporter udp/8125; alpha -> exporter udp/8125",
    "network policy - worker -> exporter udp/8125",
    "secret store + /a (must exist before the apply)",
    "secret store + /z (must exist before the apply)",
  ]);
});

test("missing stacks and empty ones: everything is an addition or a removal, nothing crashes", () => {
  expect(diffStack(undefined, { resource: { cloudfoundry_app: { a: {} } } })).toEqual(["app + a (new app)"]);
  expect(diffStack({ resource: { aws_sqs_queue: { q: {} } }, terraform: {} }, {})).toEqual(["queue - q (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)", "terraform settings (backend or provider versions) changed"]);
  expect(diffStack({}, {})).toEqual([]);
  expect(diffStack({ resource: { cloudfoundry_service_credential_binding: { b: {} } } }, {})).toEqual([]);
});

test("only exact references are read as the live count or an app's name", () => {
  expect(changed((s) => (s.resource.cloudfoundry_app.api.instances = 'x${max(2, lookup(local.live_instances, "api", 0))}'))).toEqual([
    'app api: instances max(2, live count) -> x${max(2, lookup(local.live_instances, "api", 0))}',
  ]);
  expect(changed((s) => (s.resource.cloudfoundry_route.r1.destinations = [{ app_id: "x${cloudfoundry_app.worker.id}" }]))).toEqual(["route api.notify.example: api -> x${cloudfoundry_app.worker.id}"]);
  expect(changed((s) => (s.resource.cloudfoundry_route.r1.destinations = [{ app_id: "${cloudfoundry_app.worker.id}x" }]))).toEqual(["route api.notify.example: api -> ${cloudfoundry_app.worker.id}x"]);
});

test("a multi-line environment is indented line by line", () => {
  const head = base();
  head.resource.cloudfoundry_app.api.memory = "2G";
  head.resource.cloudfoundry_app.api.disk_quota = "2G";
  expect(renderDiff(["preview"], { preview: base() }, { preview: head }).text).toBe("preview:\n  app api: memory 1G -> 2G\n  app api: disk 1G -> 2G\n");
});

test("an IAM policy change lists the resources it now names and no longer names", () => {
  const withPolicy = (notResource: string | string[]) => {
    const s = base();
    s.resource.aws_iam_policy = { boundary: { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Action: "sqs:*", NotResource: notResource }] }) } };
    return s;
  };
  expect(diffStack(withPolicy("arn:own*"), withPolicy(["arn:own*", "arn:theirs"]))).toEqual(["aws_iam_policy.boundary changed: NotResource + arn:theirs"]);
  expect(diffStack(withPolicy(["arn:own*", "arn:theirs"]), withPolicy("arn:own*"))).toEqual(["aws_iam_policy.boundary changed: NotResource - arn:theirs"]);
  const opaque = (p: string) => {
    const s = base();
    s.resource.aws_iam_policy = { boundary: { policy: p } };
    return s;
  };
  expect(diffStack(opaque("${data.x.json}"), opaque("${data.y.json}"))).toEqual(["aws_iam_policy.boundary changed"]);
});

test("a route forgotten with its app says so; a route deleted from an app that stays does not", () => {
  expect(
    changed((s) => {
      delete s.resource.cloudfoundry_route.r2;
      s.removed = [{ from: "cloudfoundry_route.r2", lifecycle: { destroy: false } }];
    }),
  ).toEqual(["route - www.notify.example/x (forgotten with api: it stays, no longer managed)"]);
  expect(changed((s) => delete s.resource.cloudfoundry_route.r2)).toEqual(["route - www.notify.example/x (was api)"]);
});

test("removals, changes and moves come out sorted too, whatever order the stacks list them in", () => {
  const dom = "${data.cloudfoundry_domain.domain-example.id}";
  const exporter = "${data.cloudfoundry_app.statsd-exporter.id}";
  // Both stacks declare everything in reverse order.
  const stack = (v: string) => ({
    data: { cloudfoundry_domain: { "domain-example": { name: "notify.example" } }, cloudfoundry_app: { "statsd-exporter": { name: "exporter" } }, aws_ssm_parameter: { "ssm-Z": { name: "/z" }, "ssm-A": { name: "/a" } } },
    resource: {
      cloudfoundry_app: { zeta: { memory: v, environment: { ZZ: v, AA: v } }, alpha: { memory: v, environment: { ZZ: v, AA: v } } },
      cloudfoundry_route: {
        z: { host: "zz", domain: dom, destinations: [{ app_id: `\${cloudfoundry_app.${v === "1G" ? "zeta" : "alpha"}.id}` }] },
        a: { host: "aa", domain: dom, destinations: [{ app_id: `\${cloudfoundry_app.${v === "1G" ? "zeta" : "alpha"}.id}` }] },
      },
      aws_sqs_queue: { zq: { visibility_timeout_seconds: v }, aq: { visibility_timeout_seconds: v } },
      cloudfoundry_service_credential_binding: { db: { for_each: '${{ for a in ["zeta", "alpha"] : a => a }}' } },
      cloudfoundry_network_policy: {
        z: { policies: [{ source_app: "${cloudfoundry_app.zeta.id}", destination_app: exporter, protocol: "udp", port: "8125" }] },
        a: { policies: [{ source_app: "${cloudfoundry_app.alpha.id}", destination_app: exporter, protocol: "udp", port: "8125" }] },
      },
    },
  });
  expect(diffStack(stack("1G"), stack("2G"))).toEqual([
    "2 apps restart (each is pushed again, rolling): alpha, zeta",
    "apps (2): memory 1G -> 2G (alpha, zeta)",
    "apps (2): env AA 1G -> 2G (alpha, zeta)",
    "apps (2): env ZZ 1G -> 2G (alpha, zeta)",
    "route aa.notify.example: zeta -> alpha",
    "route zz.notify.example: zeta -> alpha",
    "queue aq: visibility timeout (s) 1G -> 2G",
    "queue zq: visibility timeout (s) 1G -> 2G",
  ]);
  const empty = { data: { cloudfoundry_domain: { "domain-example": { name: "notify.example" } } }, resource: {} };
  expect(diffStack(stack("1G"), empty)).toEqual([
    "app - alpha (RETIRED: DESTROYS THE APP)",
    "app - zeta (RETIRED: DESTROYS THE APP)",
    "route - aa.notify.example (was zeta)",
    "route - zz.notify.example (was zeta)",
    "queue - aq (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)",
    "queue - zq (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)",
    "binding - db -> alpha (goes with the retired app)",
    "binding - db -> zeta (goes with the retired app)",
    "network policy - alpha -> exporter udp/8125",
    "network policy - zeta -> exporter udp/8125",
    "secret store - /a (no longer read)",
    "secret store - /z (no longer read)",
  ]);
});

test("a route to two apps names both; a stack without data or resources is read as empty", () => {
  expect(changed((s) => (s.resource.cloudfoundry_route.r1.destinations = [{ app_id: "${cloudfoundry_app.api.id}" }, { app_id: "${cloudfoundry_app.worker.id}" }]))).toEqual([
    "route api.notify.example: api -> api, worker",
  ]);
  expect(diffStack({ resource: { cloudfoundry_network_policy: { p: { policies: [{ source_app: "${cloudfoundry_app.a.id}", destination_app: "${cloudfoundry_app.b.id}", protocol: "tcp", port: "80" }] } } } }, undefined)).toEqual([
    "network policy - a -> b tcp/80",
  ]);
  expect(diffStack(undefined, { removed: [{ from: "x.y" }] } as any)).toEqual([]);
});

test("an instance expression with anything after it is shown as written", () => {
  expect(changed((s) => (s.resource.cloudfoundry_app.api.instances = '${max(2, lookup(local.live_instances, "api", 0))} + 1'))).toEqual([
    'app api: instances max(2, live count) -> ${max(2, lookup(local.live_instances, "api", 0))} + 1',
  ]);
});

test("IAM policy changes: Resource and NotResource, several at once, sorted; other policy-bearing types are only named", () => {
  const withPolicy = (statement: object) => {
    const s = base();
    s.resource.aws_iam_policy = { p: { policy: JSON.stringify({ Statement: [statement] }) } };
    s.resource.aws_s3_bucket_policy = { b: { policy: JSON.stringify({ Statement: [statement] }) } };
    return s;
  };
  expect(diffStack(withPolicy({ Resource: ["arn:z", "arn:old"] }), withPolicy({ Resource: ["arn:z", "arn:b", "arn:a"] }))).toEqual([
    "aws_iam_policy.p changed: Resource + arn:a; Resource + arn:b; Resource - arn:old",
    "aws_s3_bucket_policy.b changed",
  ]);
  expect(diffStack(withPolicy({ Effect: "Allow" }), withPolicy({ Effect: "Deny" }))).toEqual(["aws_iam_policy.p changed", "aws_s3_bucket_policy.b changed"]);
});

test("a route on the bare domain, and one with no destination, read as CF prints them", () => {
  expect(changed((s) => (s.resource.cloudfoundry_route.bare = { domain: "${data.cloudfoundry_domain.domain-example.id}" }))).toEqual(["route + notify.example -> "]);
});

test("stack: set or moved is a change restaged by the next push; unset again plans nothing and says so", () => {
  expect(changed((s) => (s.resource.cloudfoundry_app.api.stack = "cflinuxfs4"))).toEqual(["app api: stack (as it runs) -> cflinuxfs4 (restaged onto it by the next push)"]);
  const on3 = (s: any) => (s.resource.cloudfoundry_app.api.stack = "cflinuxfs3");
  const from3 = (f: (s: any) => void) => {
    const b = base();
    on3(b);
    const h = base();
    f(h);
    return diffStack(b, h);
  };
  expect(from3((s) => (s.resource.cloudfoundry_app.api.stack = "cflinuxfs4"))).toEqual(["app api: stack cflinuxfs3 -> cflinuxfs4 (restaged onto it by the next push)"]);
  expect(from3(() => undefined)).toEqual(["app api: stack no longer set in config (no change planned: it stays on cflinuxfs3 until config names another)"]);
});

test("an acceptance that lifts prevent_destroy on an app, a route or a queue says so; setting it again too", () => {
  const guarded = (s: any) => {
    for (const r of [s.resource.cloudfoundry_app.api, s.resource.cloudfoundry_route.r1, s.resource.aws_sqs_queue.q]) r.lifecycle = { prevent_destroy: true };
  };
  const b = base();
  guarded(b);
  const lifted = base();
  guarded(lifted);
  delete lifted.resource.cloudfoundry_app.api.lifecycle;
  delete lifted.resource.cloudfoundry_route.r1.lifecycle;
  delete lifted.resource.aws_sqs_queue.q.lifecycle;
  const why = "(accepted in allowedDestructiveChanges: Terraform may now destroy or replace it, by any path to apply, until that line goes)";
  expect(diffStack(b, lifted)).toEqual([`app api: prevent_destroy LIFTED ${why}`, `route api.notify.example: prevent_destroy LIFTED ${why}`, `queue q: prevent_destroy LIFTED ${why}`]);
  const set = "prevent_destroy set (Terraform refuses to destroy or replace it)";
  expect(diffStack(lifted, b)).toEqual([`app api: ${set}`, `route api.notify.example: ${set}`, `queue q: ${set}`]);
});

test("bindings of a forgotten app (the second list) are kept: neither an unbinding when its app leaves config, nor a new binding for another service", () => {
  const keep = (apps: string, kept: string) => `\${merge({ for a in [${apps}] : a => a if contains(keys(local.live_app_ids), a) }, { for a in [${kept}] : a => a if contains(lookup(local.live_bindings, a, []), "db") })}`;
  expect(changed((s) => (s.resource.cloudfoundry_service_credential_binding.db.for_each = keep('"api"', '"worker"')))).toEqual([]);
  expect(
    changed((s) => {
      s.resource.cloudfoundry_service_credential_binding.db.for_each = keep('"api"', '"worker"');
      s.resource.cloudfoundry_service_credential_binding.redis = { for_each: keep('"api"', '"worker"') };
    }),
  ).toEqual(["binding + redis -> api (in place; the app sees it after its next restart: its next deploy or cf restart)"]);
});

test("a kept binding of a forgotten app goes when its service leaves the stack, and says so", () => {
  const b = base();
  b.resource.cloudfoundry_service_credential_binding.db.for_each = '${merge({ for a in ["api"] : a => a }, { for a in ["gone"] : a => a if contains(lookup(local.live_bindings, a, []), "db") })}';
  const h = base();
  delete h.resource.cloudfoundry_service_credential_binding.db;
  expect(diffStack(b, h).filter((l) => l.startsWith("binding ")).map((l) => l.split(" (")[0])).toEqual(["binding ? db -> gone", "binding - db -> api"]);
});

describe("an environment's identity changed is said first, in capitals", () => {
  const identityBase = () => {
    const s = base();
    s.provider = { cloudfoundry: [{ api_url: "https://api.example" }], aws: [{ region: "eu-west-1" }] };
    s.data.cloudfoundry_org = { org: { name: "notify" } };
    s.data.cloudfoundry_space = { space: { name: "staging" } };
    s.resource.aws_iam_user_policy_attachment = { a: { user: "apps-staging", policy_arn: "x" } };
    return s;
  };
  const moved = (f: (s: any) => void) => {
    const s = identityBase();
    f(s);
    return diffStack(identityBase(), s);
  };
  test.each([
    ["SPACE", (s: any) => (s.data.cloudfoundry_space.space.name = "production"), "SPACE staging -> production"],
    ["ORG", (s: any) => (s.data.cloudfoundry_org.org.name = "other"), "ORG notify -> other"],
    ["CLOUD FOUNDRY API", (s: any) => (s.provider.cloudfoundry[0].api_url = "http://api.example"), "CLOUD FOUNDRY API https://api.example -> http://api.example"],
    ["APPS' IAM USER", (s: any) => (s.resource.aws_iam_user_policy_attachment.a.user = "apps-production"), "APPS' IAM USER apps-staging -> apps-production"],
    ["DOMAINS", (s: any) => (s.data.cloudfoundry_domain["domain-example"].name = "notify.prod"), "DOMAINS notify.example -> notify.prod"],
  ])("%s", (_what, f, said) => {
    const lines = moved(f);
    expect(lines[0]).toBe(`ENVIRONMENT IDENTITY: ${said} (this environment would manage another's; check it is meant)`);
  });
  test("unchanged identity says nothing", () => expect(moved(() => undefined)).toEqual([]));
});

test("an app removed without retirement keeps running: the policy that goes says its traffic (metrics) stops", () => {
  const lines = changed((s) => {
    delete s.resource.cloudfoundry_app.worker;
    s.removed = [{ from: "cloudfoundry_app.worker", lifecycle: { destroy: false } }];
    s.resource.cloudfoundry_network_policy.p.policies = [];
  });
  expect(lines).toContain(
    "network policy - worker -> exporter udp/8125 (worker KEEPS RUNNING, forgotten: this traffic STOPS, e.g. its metrics; retire it in config/retired.ts to stop it too)",
  );
});

test("one change to many apps is one line naming them, after the number of apps that restart", () => {
  const lines = changed((s) => {
    for (const a of Object.values(s.resource.cloudfoundry_app) as any[]) a.environment = { ...a.environment, NEW_FLAG: "1" };
  });
  expect(lines).toEqual(["2 apps restart (each is pushed again, rolling): api, worker", "apps (2): env +NEW_FLAG = 1 (api, worker)"]);
});
