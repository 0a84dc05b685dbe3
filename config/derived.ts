// Env variables config derives from structured settings, each with the setting that drives it: an
// override in env would win silently and let, say, an app and its queues disagree on the prefix.
export const DERIVED_ENV: Readonly<Record<string, string>> = Object.freeze({
  NOTIFICATION_QUEUE_PREFIX: "queuePrefix in config/<environment>.ts, the value that names the queues, so that apps and queues cannot disagree",
  NOTIFY_APP_NAME: "notifyAppName in config/apps.ts",
  SQLALCHEMY_POOL_SIZE: "database.poolSize in config/apps.ts, which the connection check counts",
  SQLALCHEMY_STATEMENT_TIMEOUT: "database.statementTimeoutSeconds in config/apps.ts",
  CELERYD_PREFETCH_MULTIPLIER: "process.prefetchMultiplier in config/apps.ts, which the visibility-timeout check counts",
  STATSD_HOST: "sendsStatsd in config/apps.ts, which also adds the network policy to the exporter",
});
