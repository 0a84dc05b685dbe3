import type { EnvironmentName, ResolvedEnvironment } from "../config";

/** One breach of one guardrail: where, the numbers on both sides, the limit and the fix. */
export interface Violation {
  readonly check: string;
  readonly environment: EnvironmentName;
  /** The app or queue it is about, or "environment" for environment-wide figures. */
  readonly subject: string;
  readonly message: string;
  /** The figure that breached, for acknowledgements that accept up to a figure. */
  readonly value?: number;
  /**
   * Set when the breach depends only on an assumed figure (which one, and how to confirm it): it warns
   * instead of refusing until config says the figure is measured or public.
   */
  readonly assumed?: string;
  /** Breaches an incident invariant (config/invariants.ts): no acknowledgement can accept it. */
  readonly invariant?: boolean;
}

/** A guardrail over the resolved config of every environment. */
export interface Check {
  /** Stable id, used by acknowledgements in config: never rename one. */
  readonly id: string;
  /** One sentence: what it stops. */
  readonly description: string;
  readonly run: (environments: readonly ResolvedEnvironment[]) => Violation[];
}
