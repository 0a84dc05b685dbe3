import type { Acknowledgement } from "../config";
import type { Violation } from "./types";

/**
 * How far above the figure its check measures an acknowledgement's `accepted` may be, in percent. An
 * acknowledgement records the figure a reviewer accepted; its own `marginPercent` already lets a
 * breach grow a little beyond it without a new review.
 */
export const ACCEPTED_HEADROOM_PERCENT = 10;

/**
 * NOTIFY-ACKNOWLEDGED-FIGURE: an acknowledgement accepts at most ACCEPTED_HEADROOM_PERCENT above what
 * its check measures now. Raising production's NOTIFY-DB-CONNECTIONS acknowledgement from the measured
 * 5507 connections to 999999 passed in silence and disarmed the database check for any growth. A figure
 * given to a check that measures none is refused too: it would read as a limit that is not there. Run
 * by runChecks over the acknowledged breaches; not itself acknowledgeable.
 */
export const acknowledgedFigure = {
  id: "NOTIFY-ACKNOWLEDGED-FIGURE",
  description: "Stops an acknowledgement accepting far more than its check measures (5507 connections raised to 999999 disarmed the database check).",
  run: (acknowledged: readonly { readonly violation: Violation; readonly acknowledgement: Acknowledgement }[]): Violation[] =>
    acknowledged.flatMap(({ violation: v, acknowledgement: a }): Violation[] => {
      if (a.accepted === undefined) return [];
      const at = { check: acknowledgedFigure.id, environment: v.environment, subject: v.subject };
      if (v.value === undefined) {
        return [{ ...at, message: `its acknowledgement of ${v.check} says accepted: ${a.accepted}, but ${v.check} measures no figure: remove accepted (the acknowledgement accepts the breach as it is)` }];
      }
      const most = Math.floor(v.value * (1 + ACCEPTED_HEADROOM_PERCENT / 100));
      if (a.accepted <= most) return [];
      return [
        {
          ...at,
          value: a.accepted,
          message:
            `its acknowledgement of ${v.check} accepts ${a.accepted}, but ${v.check} measures ${v.value}: accepted may be at most ` +
            `${ACCEPTED_HEADROOM_PERCENT} % above what is measured (${most}); set accepted: ${v.value}`,
        },
      ];
    }),
};
