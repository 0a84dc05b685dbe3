import type { SecretDefinition } from "./types";

// Every credential-sourced variable of alphagov/notifications-api's manifest.yml.j2 at 2d6ee2eb7 (28 =
// 26 common + the two CBC proxy keys). The 2022
// template gave all 26 common ones to all 17 apps; here each secret names the apps allowed to hold it,
// and an app receives it only when its definition (config/apps.ts) asks for it. Usage was read from
// alphagov/notifications-api at 2d6ee2eb7. Values live in SSM Parameter Store, never in this repo.

const WEB = ["notify-api", "notify-api-sms-receipts"];
const SMS_SENDERS = [
  "notify-delivery-worker-sender",
  "notify-delivery-worker-priority",
  "notify-delivery-worker-internal",
  "notify-delivery-worker-retry-tasks",
];
// Every process that runs tasks: the web apps and every worker, including one added later (it still
// receives a secret only when its own definition lists it).
const TASK_RUNNERS = { allowedApps: [] as string[], allowedRoles: ["web", "worker"] as const };

const setting = (name: string, encoding: "string" | "json" = "string"): SecretDefinition => ({
  name,
  kind: "setting",
  encoding,
  allowedApps: "all",
  reason: "Not a credential: an address or switch the team keeps out of the public repo; every app reads it at start-up.",
});

export const secrets: readonly SecretDefinition[] = [
  setting("ADMIN_BASE_URL"),
  setting("API_HOST_NAME"),
  setting("HIGH_VOLUME_SERVICE", "json"),
  setting("DOCUMENT_DOWNLOAD_API_HOST"),
  setting("REDIS_ENABLED"),
  setting("TEMPLATE_PREVIEW_API_HOST"),
  setting("DVLA_EMAIL_ADDRESSES", "json"),
  {
    name: "AWS_ACCESS_KEY_ID",
    kind: "secret",
    encoding: "string",
    ...TASK_RUNNERS,
    allowedApps: ["notify-delivery-celery-beat"],
    reason: "SQS broker and S3/SES access for every process that publishes or runs tasks; the migration task needs none.",
  },
  {
    name: "AWS_SECRET_ACCESS_KEY",
    kind: "secret",
    encoding: "string",
    ...TASK_RUNNERS,
    allowedApps: ["notify-delivery-celery-beat"],
    reason: "Pairs with AWS_ACCESS_KEY_ID.",
  },
  {
    name: "SECRET_KEY",
    kind: "secret",
    encoding: "string",
    ...TASK_RUNNERS,
    reason: "Signs and encrypts notification payloads between the API and the workers; beat and the migration never read them.",
  },
  {
    name: "DANGEROUS_SALT",
    kind: "secret",
    encoding: "string",
    ...TASK_RUNNERS,
    reason: "Salt for the same signing as SECRET_KEY.",
  },
  {
    name: "REDIS_URL",
    kind: "secret",
    encoding: "string",
    ...TASK_RUNNERS,
    reason: "Rate limits, counters and template cache used by the API and the task code; beat and the migration do not use Redis.",
  },
  {
    name: "INTERNAL_CLIENT_API_KEYS",
    kind: "secret",
    encoding: "json",
    allowedApps: ["notify-api"],
    reason: "Authenticates admin, document download and functional tests to the API (app/authentication/auth.py).",
  },
  {
    name: "ROUTE_SECRET_KEY_1",
    kind: "secret",
    encoding: "string",
    allowedApps: WEB,
    reason: "Web apps reject requests without the proxy header secret (CHECK_PROXY_HEADER in staging and production).",
  },
  {
    name: "ROUTE_SECRET_KEY_2",
    kind: "secret",
    encoding: "string",
    allowedApps: WEB,
    reason: "Second proxy header secret, for rotation.",
  },
  {
    name: "CRONITOR_KEYS",
    kind: "secret",
    encoding: "json",
    allowedApps: ["notify-delivery-worker-periodic", "notify-delivery-worker-reporting"],
    reason: "Only the nightly and reporting tasks carry @cronitor (nightly_tasks.py, reporting_tasks.py, collate on periodic).",
  },
  {
    name: "DOCUMENT_DOWNLOAD_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: ["notify-api"],
    reason: "Files are uploaded to document download while the API handles the request.",
  },
  {
    name: "ZENDESK_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: ["notify-delivery-worker-periodic", "notify-delivery-worker-broadcasts"],
    reason: "Tickets are raised only by scheduled/nightly checks (periodic) and broadcast failures.",
  },
  {
    name: "MMG_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: SMS_SENDERS,
    reason: "deliver_sms calls MMG from the send-sms, priority, notify-internal and retry queues only.",
  },
  {
    name: "FIRETEXT_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: SMS_SENDERS,
    reason: "Firetext is the second SMS provider; same senders as MMG_API_KEY.",
  },
  {
    name: "FIRETEXT_INTERNATIONAL_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: SMS_SENDERS,
    reason: "Firetext's separate key for international SMS (f3fdd3b09); only needed where SMS is sent.",
  },
  {
    name: "MMG_INBOUND_SMS_AUTH",
    kind: "secret",
    encoding: "json",
    allowedApps: ["notify-api"],
    reason: "Basic auth of inbound SMS from MMG on /notifications/sms/receive/mmg, served by notify-api.",
  },
  {
    name: "MMG_INBOUND_SMS_USERNAME",
    kind: "secret",
    encoding: "json",
    allowedApps: ["notify-api"],
    reason: "As MMG_INBOUND_SMS_AUTH.",
  },
  {
    name: "FIRETEXT_INBOUND_SMS_AUTH",
    kind: "secret",
    encoding: "json",
    allowedApps: ["notify-api"],
    reason: "Basic auth of inbound SMS from Firetext on /notifications/sms/receive/firetext, served by notify-api.",
  },
  {
    name: "TEMPLATE_PREVIEW_API_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: ["notify-api"],
    reason: "Only the API's template preview endpoints call template preview over HTTP (app/template/rest.py).",
  },
  {
    name: "CBC_PROXY_AWS_ACCESS_KEY_ID",
    kind: "secret",
    encoding: "string",
    allowedApps: ["notify-delivery-worker-broadcasts"],
    reason: "IAM credentials for the CBC proxy: the fewer instances holding them the better (4437d60dd).",
  },
  {
    name: "CBC_PROXY_AWS_SECRET_ACCESS_KEY",
    kind: "secret",
    encoding: "string",
    allowedApps: ["notify-delivery-worker-broadcasts"],
    reason: "Pairs with CBC_PROXY_AWS_ACCESS_KEY_ID (4437d60dd).",
  },
];
