import { ENVS, synth } from "./helpers";

// Terraform addresses of stateful resources. Renaming one destroys and recreates the thing behind it
// (a running app, a queue with messages); a change here needs a `terraform state mv` in the same PR.
describe.each(ENVS)("%s", (env) => {
  test("apps are addressed by their CF name", () => {
    expect(Object.keys(synth(env).resource.cloudfoundry_app).map((n) => `cloudfoundry_app.${n}`).sort()).toEqual(
      [
      "cloudfoundry_app.notify-api",
      "cloudfoundry_app.notify-api-sms-receipts",
      "cloudfoundry_app.notify-api-db-migration",
      "cloudfoundry_app.notify-delivery-celery-beat",
      "cloudfoundry_app.notify-delivery-worker-jobs",
      "cloudfoundry_app.notify-delivery-worker-research",
      "cloudfoundry_app.notify-delivery-worker-sender",
      "cloudfoundry_app.notify-delivery-worker-periodic",
      "cloudfoundry_app.notify-delivery-worker-reporting",
      "cloudfoundry_app.notify-delivery-worker-priority",
      "cloudfoundry_app.notify-delivery-worker-letters",
      "cloudfoundry_app.notify-delivery-worker-retry-tasks",
      "cloudfoundry_app.notify-delivery-worker-internal",
      "cloudfoundry_app.notify-delivery-worker-broadcasts",
      "cloudfoundry_app.notify-delivery-worker-receipts",
      "cloudfoundry_app.notify-delivery-worker-service-callbacks",
      "cloudfoundry_app.notify-delivery-worker-save-api-notifications",
      ].sort(),
    );
  });

  test("queues are addressed by their celery name, dead-letter queues by that name + -dead-letter", () => {
    const queues = Object.keys(synth(env).resource.aws_sqs_queue);
    expect(queues.filter((n) => n.endsWith("-dead-letter")).sort()).toEqual(
      queues.filter((n) => !n.endsWith("-dead-letter")).map((n) => `${n}-dead-letter`).sort(),
    );
    expect(queues.filter((n) => !n.endsWith("-dead-letter")).map((n) => `aws_sqs_queue.${n}`).sort()).toEqual(
      [
      "aws_sqs_queue.periodic-tasks",
      "aws_sqs_queue.priority-tasks",
      "aws_sqs_queue.database-tasks",
      "aws_sqs_queue.send-sms-tasks",
      "aws_sqs_queue.send-email-tasks",
      "aws_sqs_queue.research-mode-tasks",
      "aws_sqs_queue.reporting-tasks",
      "aws_sqs_queue.job-tasks",
      "aws_sqs_queue.retry-tasks",
      "aws_sqs_queue.notify-internal-tasks",
      "aws_sqs_queue.process-ftp-tasks",
      "aws_sqs_queue.create-letters-pdf-tasks",
      "aws_sqs_queue.service-callbacks",
      "aws_sqs_queue.service-callbacks-retry",
      "aws_sqs_queue.letter-tasks",
      "aws_sqs_queue.sms-callbacks",
      "aws_sqs_queue.antivirus-tasks",
      "aws_sqs_queue.sanitise-letter-tasks",
      "aws_sqs_queue.save-api-email-tasks",
      "aws_sqs_queue.save-api-sms-tasks",
      "aws_sqs_queue.broadcast-tasks",
      "aws_sqs_queue.govuk-alerts",
      "aws_sqs_queue.ses-callbacks",
      ].sort(),
    );
  });

  test("routes are addressed by their URL", () => {
    const routes = Object.keys(synth(env).resource.cloudfoundry_route);
    const domain = { preview: "notify_works", staging: "staging_notify_works", production: "notifications_service_gov_uk" }[env];
    expect(routes).toEqual(
      expect.arrayContaining([
        `route_api_${domain}`,
        `route_api_${domain}_notifications_sms_mmg`,
        `route_api_${domain}_notifications_sms_firetext`,
        `route_notify_api_${env}_cloudapps_digital`,
      ]),
    );
    expect(routes).toHaveLength(3 + 16);
  });
});

test("production queues and dead-letter queues refuse to be destroyed; other environments may be torn down", () => {
  for (const q of Object.values(synth("production").resource.aws_sqs_queue) as any[]) {
    expect(q.lifecycle).toEqual({ prevent_destroy: true });
  }
  for (const q of Object.values(synth("preview").resource.aws_sqs_queue) as any[]) expect(q).not.toHaveProperty("lifecycle");
});
