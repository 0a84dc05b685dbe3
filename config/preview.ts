import type { EnvironmentConfig } from "./types";

// preview: autoscaler limits from notifications-paas-autoscaler Makefile at 7865458 (ESTATE.md §8).
export const preview: EnvironmentConfig = {
  name: "preview",
  space: "preview",
  publicDomain: "notify.works",
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
