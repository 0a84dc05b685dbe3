import Table from "cli-table3";

/** A table with a rule under the header and none between rows, so one environment fits a screen. */
export function compactTable(head: string[]): InstanceType<typeof Table> {
  return new Table({
    head,
    style: { head: [], border: [], compact: true },
  });
}

/** Memory for a table: "-" where nothing runs (0 instances take no memory, and "0M" reads like a bug). */
export function memoryCell(mib: number, format: (mib: number) => string): string {
  return mib === 0 ? "-" : format(mib);
}
