import type { QueueDefinition } from "./types";

// The 23 queues: the 22 QueueNames constants of alphagov/notifications-api's app/config.py at 2d6ee2eb7
// and ses-callbacks. Consumers inside the
// estate are derived from the apps' `-Q` lists; the four consumed elsewhere name their consumer.
export const queues: readonly QueueDefinition[] = [
  { name: "periodic-tasks" },
  { name: "priority-tasks" },
  { name: "database-tasks" },
  { name: "send-sms-tasks" },
  { name: "send-email-tasks" },
  { name: "research-mode-tasks" },
  // Nightly billing and notification-status tasks run for up to two hours (edad1c9a2).
  {
    name: "reporting-tasks",
    longRunningTasks: true,
    maxTaskSeconds: 7200,
    maxTaskSecondsSource: "public",
    acknowledgements: [
      {
        check: "NOTIFY-VISIBILITY-TIMEOUT",
        // 0 s retry + prefetch 1 x concurrency 4 x 7200 s + 30 s margin = 28830 s against 310 s.
        accepted: 28830,
        reason:
          "A task reserved behind a two-hour report outlives the 310 s visibility timeout and can be delivered twice. " +
          "The nightly tasks rebuild whole days of ft_* rows and are idempotent, the risk a23716210 weighed when it " +
          "chose prefetch 1 over acks_late; fixing it needs a reporting queue with its own, longer timeout.",
      },
    ],
  },
  { name: "job-tasks" },
  { name: "retry-tasks" },
  { name: "notify-internal-tasks" },
  {
    name: "process-ftp-tasks",
    externalConsumer: { app: "notifications-ftp", reason: "Runs zip-and-send-letter-pdfs to send letters to DVLA." },
  },
  { name: "create-letters-pdf-tasks" },
  { name: "service-callbacks" },
  { name: "service-callbacks-retry" },
  { name: "letter-tasks" },
  { name: "sms-callbacks" },
  {
    name: "antivirus-tasks",
    externalConsumer: { app: "notify-antivirus", reason: "Scans precompiled letters; the autoscaler scales it on this queue." },
  },
  {
    name: "sanitise-letter-tasks",
    externalConsumer: {
      app: "notify-template-preview-celery",
      reason: "Sanitises uploaded letters; the autoscaler scales it on this queue.",
    },
  },
  { name: "save-api-email-tasks" },
  { name: "save-api-sms-tasks" },
  // Retries back off up to 240 s (not 300) so that a reserved retry is picked up 70 s before the 310 s
  // visibility timeout; each send takes 2-4 s (0ddebc63a).
  { name: "broadcast-tasks", maxRetryDelaySeconds: 240, maxTaskSeconds: 4, maxTaskSecondsSource: "public" },
  {
    name: "govuk-alerts",
    externalConsumer: { app: "notifications-govuk-alerts", reason: "Runs publish-govuk-alerts to publish alerts.service.gov.uk." },
  },
  // Not a QueueNames constant: the SES/SNS lambda outside this repo feeds it (tests/test_all_queues_used.py).
  { name: "ses-callbacks" },
];
