import type { EnvironmentConfig } from "./types";

// production: autoscaler limits from alphagov/notifications-paas-autoscaler's Makefile at 7865458
// (and its config.tpl.yml at 2eb71fd).
export const production: EnvironmentConfig = {
  name: "production",
  space: "production",
  publicDomain: "notifications.service.gov.uk",
  // 460G. The PaaS space quota is not in any public source: this is the budget the estate is held to,
  // the 2022 estate at every autoscaler maximum rounded up to the next 10G. Confirm it against
  // `cf space-quota` for the space and lower it here if the real quota is smaller.
  // The state bucket and the apps' IAM user are this project's own names: create them once per
  // environment before the first `cdktf deploy` (docs/deploying.md: Bootstrapping an environment).
  state: { bucket: "govuk-notify-estate-tfstate-production", key: "notify-estate/production.tfstate", region: "eu-west-1" },
  appsIamUser: "notify-paas-apps-production",
  spaceMemoryQuotaMib: 471040,
  // This project\'s budget, not the PaaS quota (not public): NOTIFY-MEMORY-QUOTA warns until it is confirmed
  // with `cf space-quota` and this says "measured".
  spaceMemoryQuotaSource: "assumed",
  queuePrefix: "live",
  acknowledgements: [
    {
      check: "NOTIFY-DB-CONNECTIONS",
      // API 3500 + sms-receipts 660 + workers 1347 = 5507 at every maximum, against 5000 - 100 reserved.
      accepted: 5507,
      // About 110 connections: room for a small worker or two (a one-instance worker adds 4) without
      // reopening this review; the API or a pool size change still fails it.
      marginPercent: 2,
      reason:
        "The 2022 estate as it ran: every app at its autoscaler maximum at once would take 5507 connections. " +
        "The peaks do not coincide (the API is pinned at 35, reporting peaks at night, receipts and senders by day) " +
        "and ad8cf3f3a halved the API pool so that load degrades gracefully; growth beyond 2 % over 5507 fails again.",
    },
  ],
  scaling: {
    // Deploys take up to five minutes and the autoscaler cannot act during one: 502s under a traffic
    // spike mid-deploy led to scaling up to 25 first (9c2ded00c).
    "notify-api": {
      autoscaler: { min: 35, max: 35 }, // API
      deployFloor: 25,
    },
    "notify-api-sms-receipts": {
      autoscaler: { min: 4, max: 15 }, // MIN_INSTANCE_COUNT_HIGH / MAX_INSTANCE_COUNT_API_SMS_RECEIPTS
      deployFloor: 10,
      acknowledgements: [
        {
          check: "NOTIFY-DEPLOY-FLOOR",
          reason:
            "Pinned at 10 in production before its load was known (9d5b629da: 'hard coded instance counts to 10 " +
            "on prod'); the autoscaler minimum of 4 came later. Keeping 10 through a deploy, when the autoscaler is " +
            "frozen, is the safer side until the receipts load is measured.",
        },
      ],
    },
    "notify-delivery-worker-jobs": { autoscaler: { min: 2, max: 25 } }, // JOBS
    "notify-delivery-worker-research": { autoscaler: { min: 2, max: 60 } }, // RESEARCH
    "notify-delivery-worker-sender": { autoscaler: { min: 18, max: 30 } }, // SENDER
    "notify-delivery-worker-periodic": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-reporting": { autoscaler: { min: 3, max: 3 } }, // REPORTING
    "notify-delivery-worker-priority": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-letters": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-retry-tasks": { autoscaler: { min: 5, max: 10 } }, // MAX_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_MEDIUM
    "notify-delivery-worker-internal": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-broadcasts": { autoscaler: { min: 2, max: 2 } }, // BROADCASTS
    "notify-delivery-worker-receipts": { autoscaler: { min: 4, max: 50 } }, // RECEIPTS
    "notify-delivery-worker-service-callbacks": { autoscaler: { min: 2, max: 30 } }, // MIN_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_CALLBACK
    "notify-delivery-worker-save-api-notifications": { autoscaler: { min: 18, max: 50 } }, // SAVE_API_NOTIFICATIONS
  },
};
