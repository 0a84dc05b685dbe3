import { PLAIN, type OutputStyle } from "./output";
import { renderTable } from "./table";
import { formatMib } from "../config";
import type { EnvironmentReport } from "./report";

/** The headline table `npm run synth` prints after writing the stacks. */
export function summary(reports: readonly EnvironmentReport[], outdir: string, out: OutputStyle = PLAIN): string {
  const rows: (string | number)[][] = [];
  for (const r of reports) {
    const t = r.totals;
    rows.push([
      r.environment,
      r.apps.length,
      `${t.instances.deploy} / ${t.instances.min} / ${t.instances.max}`,
      `${formatMib(t.memoryMib.atMin)} / ${formatMib(t.memoryMib.atMax)}`,
      `${t.dbConnections.deploy} / ${t.dbConnections.max} (${t.dbConnections.budget})`,
      t.queues,
      `${t.secretExposures.now} (${t.secretExposures.in2022})`,
      r.acknowledgements.length,
    ]);
  }
  const files = reports.map((r) => `  ${outdir}/stacks/${r.environment}/cdk.tf.json`).join("\n");
  return (
    `${renderTable(["environment", "apps", "instances deploy / min / max", "memory at min / max", "db conns deploy / max (budget)", "queues", "secret grants (2022)", "acks"], rows, out)}\n"deploy" is the fewest instances a deploy runs (the larger of the floor and the autoscaler minimum); it keeps the live count where that is higher. ` +
    `Details: npm run report.\nWrote:\n${files}\n  ${outdir}/report.json\n`
  );
}
