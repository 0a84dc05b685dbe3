import type { EnvironmentConfig } from "./types";

// preview: autoscaler limits from alphagov/notifications-paas-autoscaler's Makefile at 7865458
// (and its config.tpl.yml at 2eb71fd).
export const preview: EnvironmentConfig = {
  name: "preview",
  space: "preview",
  publicDomain: "notify.works",
  // 40G. The PaaS space quota is not in any public source: this is the budget the estate is held to,
  // the 2022 estate at every autoscaler maximum rounded up to the next 10G. Confirm it against
  // `cf space-quota` for the space and lower it here if the real quota is smaller.
  // The state bucket and the apps' IAM user are this project's own names: create them once per
  // environment before the first `cdktf deploy` (docs/deploying.md: Bootstrapping an environment).
  state: { bucket: "govuk-notify-estate-tfstate-preview", key: "notify-estate/preview.tfstate", region: "eu-west-1" },
  appsIamUser: "notify-paas-apps-preview",
  spaceMemoryQuotaMib: 40960,
  // This project\'s budget, not the PaaS quota (not public): NOTIFY-MEMORY-QUOTA warns until it is confirmed
  // with `cf space-quota` and this says "measured".
  spaceMemoryQuotaSource: "assumed",
  queuePrefix: "preview",
  scaling: {
    "notify-api": { autoscaler: { min: 1, max: 2 } }, // API
    // Instance counts set by hand while its load was unknown (9d5b629da, 39d7c347b).
    "notify-api-sms-receipts": {
      autoscaler: { min: 1, max: 1 }, // MIN_INSTANCE_COUNT_HIGH / MAX_INSTANCE_COUNT_API_SMS_RECEIPTS
      deployFloor: 1,
    },
    "notify-delivery-worker-jobs": { autoscaler: { min: 1, max: 2 } }, // JOBS
    "notify-delivery-worker-research": { autoscaler: { min: 1, max: 2 } }, // RESEARCH
    "notify-delivery-worker-sender": { autoscaler: { min: 1, max: 2 } }, // SENDER
    "notify-delivery-worker-periodic": { autoscaler: { min: 1, max: 1 } }, // LOW
    "notify-delivery-worker-reporting": { autoscaler: { min: 1, max: 2 } }, // REPORTING
    "notify-delivery-worker-priority": { autoscaler: { min: 1, max: 1 } }, // LOW
    "notify-delivery-worker-letters": { autoscaler: { min: 1, max: 1 } }, // LOW
    "notify-delivery-worker-retry-tasks": { autoscaler: { min: 1, max: 1 } }, // MAX_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_MEDIUM
    "notify-delivery-worker-internal": { autoscaler: { min: 1, max: 1 } }, // LOW
    "notify-delivery-worker-broadcasts": { autoscaler: { min: 2, max: 2 } }, // BROADCASTS
    "notify-delivery-worker-receipts": { autoscaler: { min: 1, max: 2 } }, // RECEIPTS
    "notify-delivery-worker-service-callbacks": { autoscaler: { min: 1, max: 1 } }, // MIN_INSTANCE_COUNT_LOW / MAX_INSTANCE_COUNT_CALLBACK
    "notify-delivery-worker-save-api-notifications": { autoscaler: { min: 1, max: 2 } }, // SAVE_API_NOTIFICATIONS
  },
};
