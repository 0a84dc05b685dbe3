// Facts about the Cloud Foundry foundations the environments run on, as data with their source. The
// schema refuses a `stack` a foundation does not offer, and NOTIFY-HEALTH-CHECK-TIMEOUT a health-check
// timeout above the foundation's maximum: `cf push` would fail on either mid-deploy, after the apps
// before it in the apply had already been pushed.

export interface FoundationFacts {
  /** Root filesystems (`cf stacks`) apps may be pushed onto. */
  readonly stacks: readonly string[];
  /** Where `stacks` comes from, and how to check it again. */
  readonly stacksSource: string;
  /**
   * Cloud Controller's `maximum_health_check_timeout`, in seconds: it refuses an app whose health-check
   * `timeout` is longer ("Maximum exceeded: max <N>s"), so every push of such an app fails.
   */
  readonly maximumHealthCheckTimeoutSeconds: number;
  /** Where maximumHealthCheckTimeoutSeconds comes from, and how a team reads its own foundation's. */
  readonly maximumHealthCheckTimeoutSource: string;
}

/**
 * Cloud Controller's own default for `maximum_health_check_timeout`: cloudfoundry/cloud_controller_ng
 * config/cloud_controller.yml:208 and the capi-release cloud_controller_ng job spec
 * (cc.maximum_health_check_timeout, default 180); enforced in
 * app/models/runtime/constraints/base_health_check_policy.rb:36-44.
 */
export const CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS = 180;

/** By Cloud Foundry API URL (an environment's cfApiUrl, or defaults.cfApiUrl). */
export const FOUNDATIONS: Readonly<Record<string, FoundationFacts>> = {
  "https://api.cloud.service.gov.uk": {
    stacks: ["cflinuxfs3", "cflinuxfs4"],
    stacksSource:
      "GOV.UK PaaS offered cflinuxfs3 (Ubuntu 18.04) and, from 2023, cflinuxfs4 (Ubuntu 22.04) for the move off it; " +
      "the team's own change moved the estate's 17 apps between them. Not read from the live API: confirm with `cf stacks`.",
    maximumHealthCheckTimeoutSeconds: CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS,
    maximumHealthCheckTimeoutSource:
      "Cloud Controller's default (cloud_controller_ng config/cloud_controller.yml:208; capi-release job spec " +
      "cc.maximum_health_check_timeout): GOV.UK PaaS did not publish its own. Not read from the live API: a SpaceDeveloper " +
      "reads it in a sandbox space by pushing a scratch app with `timeout` above it (`cf push probe -t 181` fails with \"Maximum exceeded: max <N>s\"); " +
      "an operator reads cc.maximum_health_check_timeout in the foundation's BOSH manifest.",
  },
};
