import type { EnvironmentConfig } from "./types";

// staging: autoscaler limits from alphagov/notifications-paas-autoscaler's Makefile at 7865458
// (and its config.tpl.yml at 2eb71fd).
export const staging: EnvironmentConfig = {
  name: "staging",
  space: "staging",
  publicDomain: "staging-notify.works",
  // 230G. The PaaS space quota is not in any public source: this is the budget the estate is held to,
  // the 2022 estate at every autoscaler maximum rounded up to the next 10G. Confirm it against
  // `cf space-quota` for the space and lower it here if the real quota is smaller.
  // The state bucket and the apps' IAM user are this project's own names: create them once per
  // environment before the first `cdktf deploy` (docs/deploying.md: Bootstrapping an environment).
  state: { bucket: "govuk-notify-estate-tfstate-staging", key: "notify-estate/staging.tfstate", region: "eu-west-1" },
  appsIamUser: "notify-paas-apps-staging",
  spaceMemoryQuotaMib: 235520,
  // This project\'s budget, not the PaaS quota (not public): NOTIFY-MEMORY-QUOTA warns until it is confirmed
  // with `cf space-quota` and this says "measured".
  spaceMemoryQuotaSource: "assumed",
  queuePrefix: "staging",
  scaling: {
    "notify-api": { autoscaler: { min: 4, max: 25 } }, // API
    // Instance counts set by hand while its load was unknown (9d5b629da, 39d7c347b).
    "notify-api-sms-receipts": {
      autoscaler: { min: 4, max: 15 }, // MIN_INSTANCE_COUNT_HIGH / MAX_INSTANCE_COUNT_API_SMS_RECEIPTS
      deployFloor: 2,
    },
    "notify-delivery-worker-jobs": { autoscaler: { min: 1, max: 2 } }, // JOBS
    "notify-delivery-worker-research": { autoscaler: { min: 2, max: 4 } }, // RESEARCH
    "notify-delivery-worker-sender": { autoscaler: { min: 4, max: 20 } }, // SENDER
    "notify-delivery-worker-periodic": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-reporting": { autoscaler: { min: 1, max: 2 } }, // REPORTING
    "notify-delivery-worker-priority": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-letters": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-retry-tasks": { autoscaler: { min: 5, max: 10 } }, // MAX_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_MEDIUM
    "notify-delivery-worker-internal": { autoscaler: { min: 2, max: 5 } }, // LOW
    "notify-delivery-worker-broadcasts": { autoscaler: { min: 2, max: 2 } }, // BROADCASTS
    "notify-delivery-worker-receipts": { autoscaler: { min: 4, max: 20 } }, // RECEIPTS
    "notify-delivery-worker-service-callbacks": { autoscaler: { min: 2, max: 7 } }, // MIN_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_CALLBACK
    "notify-delivery-worker-save-api-notifications": { autoscaler: { min: 4, max: 25 } }, // SAVE_API_NOTIFICATIONS
  },
};
