import { createHash } from "crypto";

// Values a rehearsal platform makes up where a real foundation has its own: GUIDs, the AWS account,
// and the value of each credential (nobody's real secret is in this repository). Shared by the
// bootstrap platform (offline/bootstrap.ts, from config) and the live seed (offline/live-seed.ts, from
// the upstream record), which must agree: an app seeded with a credential's made-up value reads the
// same value from the SSM parameter bootstrapping put it in.

/** The AWS account the rehearsal pretends to be in: an obviously made-up id. */
export const REHEARSAL_ACCOUNT_ID = "000000000000";

/** A stable GUID for a name, so that regenerated platforms read the same. */
export function stableGuid(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("/")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The made-up value of the credential or setting NAME, in its SSM parameter and in a seeded app's environment. */
export function madeUpCredential(name: string): string {
  return `stand-in-${name.toLowerCase()}`;
}
