
// The Cloud Foundry role each pipeline identity holds in its environment's space: what the foundation's
// space managers grant, written down once so that rehearsals log in as the pipeline does
// (offline/bootstrap.ts gives the stand-in platform these users) and docs/identities.md explains.
//
// The plan identity is SpaceDeveloper, the only space role that can read an app's manifest, which
// provider 1.16.0 reads on every app refresh and in both app data sources (CC can_read_secrets_in_space?:
// admin, admin-read-only or SpaceDeveloper; semantics row 52). admin-read-only would read without
// writing, but it is a global role a GOV.UK PaaS tenant cannot normally get. So the plan identity can
// write the space too: it is given only to trusted jobs that run main's code (the drift job),
// never to a pull request's, and its AWS side stays read-only (ci/iam/plan-identity.json).

/** Cloud Foundry space roles (and the global read-only admin) an identity can hold. */
export const CF_ROLES = ["SpaceDeveloper", "SpaceSupporter", "SpaceAuditor", "SpaceManager", "admin", "admin-read-only"] as const;
export type CfRole = (typeof CF_ROLES)[number];

/** The identity names the pipeline uses, as ((cf-<kind>-<env>-username)) credentials. */
export type IdentityKind = "plan" | "deploy";

export const CF_ROLE_OF: Readonly<Record<IdentityKind, CfRole>> = {
  deploy: "SpaceDeveloper",
  plan: "SpaceDeveloper",
};

/** The CF user name of an identity: the stem of its ((cf-<kind>-<env>-username)) credential. */
export function cfIdentity(kind: IdentityKind, env: string): string {
  return `cf-${kind}-${env}`;
}

/** Who may log in to an environment's space, with their roles (the stand-in platform's cf.users). */
export function cfUsers(env: string): Record<string, CfRole> {
  return Object.fromEntries((Object.keys(CF_ROLE_OF) as IdentityKind[]).map((k) => [cfIdentity(k, env), CF_ROLE_OF[k]]));
}
