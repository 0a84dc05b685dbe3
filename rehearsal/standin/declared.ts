// Behaviours of the real providers that this stand-in serves, by name, for the conformance suite
// (rehearsal/conformance.ts NEEDS_STANDIN_BEHAVIOUR): a scenario whose real outcome depends on one
// of these runs on the stand-in only once it is listed here, with the test that shows the stand-in
// does it. A live foundation needs no such list: it is the real thing.
//
//   "app.stopped-not-refreshed": cloudfoundry 1.16.0 never reads `stopped` from CF; Read keeps the
//     state's value (resource_app.go:487-489; CF-PROVIDER-BEHAVIOUR.md row 9).
export const DECLARED_BEHAVIOURS: ReadonlySet<string> = new Set<string>([]);
