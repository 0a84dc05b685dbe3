// Facts about the Cloud Foundry foundations the environments run on, as data with their source. The
// schema refuses a `stack` a foundation does not offer: `cf push` would fail on it mid-deploy, after
// the apps before it in the apply had already been pushed.

export interface FoundationFacts {
  /** Root filesystems (`cf stacks`) apps may be pushed onto. */
  readonly stacks: readonly string[];
  /** Where `stacks` comes from, and how to check it again. */
  readonly stacksSource: string;
}

/** By Cloud Foundry API URL (an environment's cfApiUrl, or defaults.cfApiUrl). */
export const FOUNDATIONS: Readonly<Record<string, FoundationFacts>> = {
  "https://api.cloud.service.gov.uk": {
    stacks: ["cflinuxfs3", "cflinuxfs4"],
    stacksSource:
      "GOV.UK PaaS offered cflinuxfs3 (Ubuntu 18.04) and, from 2023, cflinuxfs4 (Ubuntu 22.04) for the move off it; " +
      "the team's own change moved the estate's 17 apps between them. Not read from the live API: confirm with `cf stacks`.",
  },
};
