import { closest, distance } from "fastest-levenshtein";
import type { EstateConfig } from "./types";

// Names config uses that must resolve to something: the statsd exporter to an app the spaces hold
// (config/defaults.ts otherApps), a retirement to an app or queue some environment has declared
// (config/stateful-history.ts). A misspelt exporter aimed every STATSD_HOST and network policy at an
// app that does not exist; a misspelt retirement destroyed nothing and said nothing.

export interface ReferenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * The nearest candidate to a misspelt name, when it is near enough to be meant: within a third of the
 * name's length in edits (at least 2), as formatIssues suggests keys. "; did you mean "x"?" or "".
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const pool = [...new Set(candidates)].filter((c) => c !== name);
  if (!pool.length) return "";
  const near = closest(name, pool);
  return distance(name, near) <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean "${near}"?` : "";
}

/** Owners ("app x", "queue y") every environment's stateful history records, by kind. */
function historicalOwners(estate: Pick<EstateConfig, "statefulHistory">, kind: "app" | "queue"): Set<string> {
  const owners = new Set<string>();
  for (const addresses of Object.values(estate.statefulHistory ?? {})) {
    for (const owner of Object.values(addresses)) if (owner.startsWith(`${kind} `)) owners.add(owner.slice(kind.length + 1));
  }
  return owners;
}

export function referenceIssues(estate: EstateConfig): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const d = estate.defaults;
  // The schema has checked every type by the time this runs (a value of the wrong type stops zod first).
  const appNames = estate.apps.map((a) => a.name);
  const otherApps = d.otherApps.map((a) => a.name);

  // The exporter is looked up by name in every space; its internal route is STATSD_HOST.
  const exporter = d.statsdExporterApp;
  // An empty name is the schema's to refuse.
  if (exporter && !otherApps.includes(exporter) && !appNames.includes(exporter)) {
    issues.push({
      path: ["defaults", "statsdExporterApp"],
      message:
        `"${exporter}" is no app the spaces hold: neither declared in config/apps.ts nor listed in defaults.otherApps (${otherApps.join(", ") || "none"})` +
        `${didYouMean(exporter, [...otherApps, ...appNames])} Every STATSD_HOST and statsd network policy would aim at it; name the exporter as \`cf apps\` shows it, or list it in otherApps with the reason`,
    });
  }

  // A retirement destroys what an environment declared; a name none ever declared destroys nothing.
  (estate.retired ?? []).forEach((r, i) => {
    const existed = historicalOwners(estate, r.kind);
    const declared = r.kind === "app" ? appNames : estate.queues.map((q) => q.name);
    if (existed.has(r.name) || declared.includes(r.name)) return;
    const retiredToo = new Set((estate.retired ?? []).filter((x) => x !== r && x.kind === r.kind).map((x) => x.name));
    issues.push({
      path: ["retired", i, "name"],
      message:
        `no environment ever declared ${r.kind} "${r.name}" (config/stateful-history.ts), so retiring it destroys nothing` +
        `${didYouMean(r.name, [...existed].filter((n) => !retiredToo.has(n))) || "."} Name the ${r.kind} as it was deployed; if it was deployed after the history was last written, ` +
        "run `npm run history` from a commit that still declares it, then retire it",
    });
  });
  return issues;
}
