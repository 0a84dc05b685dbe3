import type { SharedDefaults } from "./types";

// Facts shared by every environment: alphagov/notifications-api at 2d6ee2eb7 (manifest.yml.j2 for the
// platform and app defaults, app/config.py for the broker and database).
export const defaults: SharedDefaults = {
  cfApiUrl: "https://api.cloud.service.gov.uk",
  org: "govuk-notify",
  sharedAppsDomain: "cloudapps.digital",
  internalDomain: "apps.internal",
  awsRegion: "eu-west-1",
  buildpack: "python_buildpack",
  // A public Terraform monitoring config looks the exporter up by this name in each space; its
  // internal route is notify-statsd-exporter-<env>.apps.internal (088f23418).
  statsdExporterApp: "notify-statsd-exporter",
  otherApps: [
    {
      name: "notify-statsd-exporter",
      reason: "The PaaS statsd exporter the delivery apps send metrics to over UDP 8125 (088f23418); deployed by the team's monitoring config, not by this estate.",
    },
  ],
  statsdPort: 8125,
  memory: "1G",
  diskQuota: "1G",
  // Invocation timeout 1 s: what manifest.yml.j2 gave every app (`health-check-invocation-timeout`
  // defaulting to 1), and what Cloud Controller holds for each (process checks included).
  healthCheck: { type: "process", invocationTimeoutSeconds: 1 },
  deployStrategy: "rolling",
  // No startupTimeoutSeconds: the manifest set no `timeout`, so the apps run with the foundation's
  // default (60 s in Cloud Controller's own defaults). The Makefile's CF_STARTUP_TIMEOUT=15 is how long the
  // cf CLI waited, in minutes; as a `timeout` (900 s) Cloud Controller would refuse every push above
  // its maximum_health_check_timeout (180 s by default: NOTIFY-HEALTH-CHECK-TIMEOUT).
  // What the apps run with today: nobody set it, and CF enables SSH on a new app when the space allows
  // it. Explicit because cloudfoundry 1.16.0 pushes `enabled: false` when the config leaves it unset
  // (semantics row 10): the first deploy would have switched `cf ssh` off on every app.
  sshEnabled: true,
  env: {
    FLASK_APP: "application.py",
  },
  unsetEnv: [
    {
      name: "STATSD_PREFIX",
      reason: "Unused since metrics go to the PaaS statsd exporter, which only our apps feed (f56795655, 2020-03-04).",
    },
    {
      name: "PERFORMANCE_PLATFORM_ENDPOINTS",
      reason: "The performance platform client and its nightly stats task were removed (41d95378e, 2021-03-11).",
    },
    {
      name: "API_INTERNAL_SECRETS",
      reason: "Replaced by INTERNAL_CLIENT_API_KEYS (e1dec3f9b, 2021-08-05); a stale copy would be a live credential nobody reads.",
    },
  ],
  ssmPrefix: "/notify",
  queue: {
    // kombu creates every queue with the broker's visibility_timeout (config CELERY transport options).
    // A task reserved but not acknowledged within it reappears and runs twice (0ddebc63a, e7efeec30).
    visibilityTimeoutSeconds: 310,
    // SQS's own default (4 days), which kombu-created queues had; now explicit so that a plan shows a change.
    messageRetentionSeconds: 345600,
    deadLetter: {
      // A task whose retry ETA is further away than the visibility timeout is received again every
      // 310 s while celery holds it; 50 receives is over four hours of waiting, longer than any
      // countdown in notifications-api (retries back off 5 minutes at most), so only messages that
      // really cannot be processed are moved.
      maxReceiveCount: 50,
      // SQS's maximum: nothing moved aside is lost before someone looks at it.
      messageRetentionSeconds: 1209600,
    },
  },
  database: {
    // ad8cf3f3a: "With a limit of 5000 connections ...".
    connectionLimit: 5000,
    connectionLimitSource: "public",
    // Kept free for `cf conduit` connections, the db-migration task and the platform's own monitoring.
    reservedConnections: 100,
    // This project's own allowance, not a measured figure: a breach of it alone warns.
    reservedConnectionsSource: "assumed",
  },
};
