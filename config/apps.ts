import type { AppDefinition, Process } from "./types";

// The 17 apps of alphagov/notifications-api's manifest.yml.j2 at 2d6ee2eb7 (start commands from its
// scripts/paas_app_wrapper.sh). Values equal to the shared
// defaults (1G memory, 1G disk, process health check) are left out.

const EVERY_APP_SERVICES = ["notify-db", "logit-ssl-syslog-drain"] as const;

const gunicorn: Process = { kind: "gunicorn", workers: 4, workerClass: "eventlet", workerConnections: 256 };

const worker = (concurrency: number, queues: readonly string[], prefetchMultiplier?: number): Process =>
  prefetchMultiplier === undefined
    ? { kind: "celery-worker", concurrency, queues }
    : { kind: "celery-worker", concurrency, queues, prefetchMultiplier };

// Secrets every process that touches SQS, Redis or signed payloads needs. Beat only publishes.
const TASK_RUNTIME = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "SECRET_KEY", "DANGEROUS_SALT", "REDIS_URL"];
// Apps whose tasks call MMG or Firetext (provider_tasks.deliver_sms runs on send-sms, priority,
// notify-internal and retry queues at 2d6ee2eb7).
const SMS_SENDING = ["MMG_API_KEY", "FIRETEXT_API_KEY", "FIRETEXT_INTERNATIONAL_API_KEY"];

const STATSD_OFF_REASON =
  "The API apps send metrics through notify-prometheus (gds_metrics), not statsd (fff004da2). The 2022 " +
  "manifest meant to switch statsd off with STATSD_HOST: None but rendered the string 'None', which kept a " +
  "statsd client trying to resolve host None; absent is what was meant.";

export const apps: readonly AppDefinition[] = [
  {
    name: "notify-api",
    role: "web",
    notifyAppName: "api",
    diskQuota: "2G",
    // Port, not http: http checks timed out under traffic spikes and CF killed healthy instances
    // (adf81ef68); 3 s since an API instance failed a 1 s check while still serving (5aaf109ae, 9de3a9ff4).
    healthCheck: { type: "port", invocationTimeoutSeconds: 3 },
    process: gunicorn,
    scaling: { mode: "autoscaled" },
    publicRoutes: [{ host: "api" }],
    // Prometheus scraping and Splunk router logs are for the main API only (9b34a2a9a).
    services: [...EVERY_APP_SERVICES, "notify-prometheus", "notify-splunk"],
    // 30 → 15: 30 x 4 workers x 35 instances (+ overflow) could take 5600 of the 5000 connections and
    // deadlocked under load tests (ad8cf3f3a).
    database: { poolSize: 15 },
    sendsStatsd: false,
    secrets: [
      ...TASK_RUNTIME,
      "INTERNAL_CLIENT_API_KEYS",
      "ROUTE_SECRET_KEY_1",
      "ROUTE_SECRET_KEY_2",
      "DOCUMENT_DOWNLOAD_API_KEY",
      "TEMPLATE_PREVIEW_API_KEY",
      "MMG_INBOUND_SMS_AUTH",
      "MMG_INBOUND_SMS_USERNAME",
      "FIRETEXT_INBOUND_SMS_AUTH",
    ],
    unsetEnv: [{ name: "STATSD_HOST", reason: STATSD_OFF_REASON }],
  },
  {
    name: "notify-api-sms-receipts",
    role: "web",
    notifyAppName: "api",
    diskQuota: "2G",
    healthCheck: { type: "port", invocationTimeoutSeconds: 3 },
    process: gunicorn,
    scaling: { mode: "autoscaled" },
    // SMS delivery receipts split from the main API so that a flood of them cannot starve it
    // (9d5b629da, 39d7c347b). CF path routes are prefixes; the inbound SMS paths
    // (/notifications/sms/receive/...) stay on notify-api.
    publicRoutes: [
      { host: "api", path: "/notifications/sms/mmg" },
      { host: "api", path: "/notifications/sms/firetext" },
    ],
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: false,
    secrets: [...TASK_RUNTIME, "ROUTE_SECRET_KEY_1", "ROUTE_SECRET_KEY_2"],
    unsetEnv: [{ name: "STATSD_HOST", reason: STATSD_OFF_REASON }],
  },
  {
    name: "notify-api-db-migration",
    role: "task",
    notifyAppName: "api",
    process: gunicorn,
    // Its web process never runs; the Makefile runs the migration as a CF task.
    scaling: { mode: "fixed", count: 0 },
    // The Makefile pushes it with --no-route; the manifest's default route was never meant.
    defaultRoute: false,
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: [],
    oneOffTask: { name: "api_db_migration", command: "flask db upgrade" },
  },
  {
    name: "notify-delivery-celery-beat",
    role: "scheduler",
    notifyAppName: "delivery-celery-beat",
    // 128M → 512M: beat crashed hovering at ~90% memory (2d6ee2eb7).
    memory: "512M",
    process: { kind: "celery-beat", publishesTo: ["periodic-tasks", "reporting-tasks"] },
    // Two beats would schedule every task twice.
    scaling: { mode: "fixed", count: 1 },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
  },
  {
    name: "notify-delivery-worker-jobs",
    role: "worker",
    notifyAppName: "delivery-worker-jobs",
    memory: "2G",
    process: worker(4, ["database-tasks", "job-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: TASK_RUNTIME,
  },
  {
    name: "notify-delivery-worker-research",
    role: "worker",
    notifyAppName: "delivery-worker-research",
    process: worker(4, ["research-mode-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    // Research mode fakes provider responses; it never calls MMG or Firetext.
    secrets: TASK_RUNTIME,
  },
  {
    name: "notify-delivery-worker-sender",
    role: "worker",
    notifyAppName: "delivery-worker-sender",
    // 3G → 4G: OOM crashes under very large emails left too few instances and a queue backlog (1ac3ca250).
    memory: "4G",
    diskQuota: "2G",
    process: { kind: "celery-multi", nodes: 3, concurrencyPerNode: 4, queues: ["send-sms-tasks", "send-email-tasks"] },
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: [...TASK_RUNTIME, ...SMS_SENDING],
  },
  {
    name: "notify-delivery-worker-periodic",
    role: "worker",
    notifyAppName: "delivery-worker-periodic",
    process: worker(2, ["periodic-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: [...TASK_RUNTIME, "CRONITOR_KEYS", "ZENDESK_API_KEY"],
  },
  {
    name: "notify-delivery-worker-reporting",
    role: "worker",
    notifyAppName: "delivery-worker-reporting",
    // Prefetch 1: long nightly tasks were all reserved by one instance while others idled (a23716210).
    process: worker(4, ["reporting-tasks"], 1),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    // 1200 → 2400 → 7200 s: nightly ft_notification_status queries hit the statement timeout
    // (603acc8b1, edad1c9a2).
    database: { poolSize: 1, statementTimeoutSeconds: 7200 },
    sendsStatsd: true,
    secrets: [...TASK_RUNTIME, "CRONITOR_KEYS"],
    unsetEnv: [
      {
        name: "CELERYD_MAX_TASKS_PER_CHILD",
        reason:
          "Restarting a process after every task slowed parallel reporting; removed in 7ad0c4103 (2022-01-24), " +
          "which had to be followed by a hand-typed `cf unset-env`.",
      },
    ],
  },
  {
    name: "notify-delivery-worker-priority",
    role: "worker",
    notifyAppName: "delivery-worker-priority",
    process: worker(4, ["priority-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: [...TASK_RUNTIME, ...SMS_SENDING],
  },
  {
    name: "notify-delivery-worker-letters",
    role: "worker",
    notifyAppName: "delivery-worker-letters",
    // 1G → 2G: hovering near 90% memory like the sender (1ac3ca250).
    memory: "2G",
    process: worker(4, ["create-letters-pdf-tasks", "letter-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: TASK_RUNTIME,
  },
  {
    name: "notify-delivery-worker-retry-tasks",
    role: "worker",
    notifyAppName: "delivery-worker-retry-tasks",
    process: worker(4, ["retry-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    // deliver_sms retries on retry-tasks.
    secrets: [...TASK_RUNTIME, ...SMS_SENDING],
  },
  {
    name: "notify-delivery-worker-internal",
    role: "worker",
    notifyAppName: "delivery-worker-internal",
    process: worker(4, ["notify-internal-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    // Notify's own messages (2FA codes, invites) are delivered from notify-internal-tasks.
    secrets: [...TASK_RUNTIME, ...SMS_SENDING],
  },
  {
    name: "notify-delivery-worker-broadcasts",
    role: "worker",
    notifyAppName: "delivery-worker-broadcasts",
    // Concurrency 2 (78db0f9c2). Prefetch 1: a retrying broadcast task reserved behind ten others
    // passed the 310 s visibility timeout and was sent twice (0ddebc63a).
    process: worker(2, ["broadcast-tasks"], 1),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: [...TASK_RUNTIME, "CBC_PROXY_AWS_ACCESS_KEY_ID", "CBC_PROXY_AWS_SECRET_ACCESS_KEY", "ZENDESK_API_KEY"],
  },
  {
    name: "notify-delivery-worker-receipts",
    role: "worker",
    notifyAppName: "delivery-worker-receipts",
    process: worker(4, ["ses-callbacks", "sms-callbacks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: TASK_RUNTIME,
  },
  {
    name: "notify-delivery-worker-service-callbacks",
    role: "worker",
    notifyAppName: "delivery-worker-service-callbacks",
    diskQuota: "2G",
    process: worker(4, ["service-callbacks", "service-callbacks-retry"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: TASK_RUNTIME,
  },
  {
    name: "notify-delivery-worker-save-api-notifications",
    role: "worker",
    notifyAppName: "delivery-worker-save-api-notifications",
    diskQuota: "2G",
    // Persists API notifications off the request path to relieve the database (a13bcc669).
    process: worker(4, ["save-api-email-tasks", "save-api-sms-tasks"]),
    scaling: { mode: "autoscaled" },
    services: EVERY_APP_SERVICES,
    database: { poolSize: 1 },
    sendsStatsd: true,
    secrets: TASK_RUNTIME,
  },
];
