import Table from "cli-table3";
import { paint, PLAIN, visible, type OutputStyle } from "./output";

type Cell = string | number;

/** Room the borders and padding of a compact table take: "│ a │ b │" is 3 per column, plus 1. */
const chrome = (columns: number) => columns * 3 + 1;
const widthOf = (cell: Cell) => Math.max(...String(cell).split("\n").map((l) => visible(l).length));
const longestWord = (cell: Cell) => Math.max(...visible(String(cell)).split(/\s+/).map((w) => w.length));

/**
 * A table with a rule under the header and none between rows, so one environment fits a screen. It
 * fits the width of the output: headers wrap at spaces when that is enough; otherwise each row is
 * printed as a block ("first cell" then "  header  value" lines), which any width can hold.
 */
export function renderTable(head: readonly string[], rows: readonly (readonly Cell[])[], out: OutputStyle = PLAIN): string {
  const columns = head.length;
  const natural = head.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i] ?? ""))));
  const styledHead = head.map((h) => paint("bold", h, out));
  const table = (colWidths?: number[]) => {
    const t = new Table({
      head: styledHead,
      style: { head: [], border: [], compact: true },
      ...(colWidths ? { colWidths: colWidths.map((w) => w + 2), wordWrap: true, wrapOnWordBoundary: true } : {}),
    });
    for (const r of rows) t.push([...r]);
    return t.toString();
  };
  if (out.width === undefined || natural.reduce((a, b) => a + b, 0) + chrome(columns) <= out.width) return table();
  // Headers wrap at their spaces; cells (numbers, names) never wrap.
  const least = head.map((h, i) => Math.max(longestWord(h), ...rows.map((r) => widthOf(r[i] ?? ""))));
  const spare = out.width - chrome(columns) - least.reduce((a, b) => a + b, 0);
  if (spare >= 0) {
    const widths = [...least];
    let left = spare;
    // Give the spare room back to the columns whose headers wrap most, one character at a time.
    while (left > 0 && widths.some((w, i) => w < natural[i])) {
      const i = widths.map((w, k) => natural[k] - w).reduce((best, d, k, all) => (d > all[best] ? k : best), 0);
      widths[i] += 1;
      left -= 1;
    }
    return table(widths);
  }
  const label = Math.max(...head.slice(1).map((h) => h.length));
  return rows
    .map((r) => [paint("bold", String(r[0]), out), ...head.slice(1).map((h, i) => `  ${h.padEnd(label)}  ${r[i + 1] ?? ""}`)].join("\n"))
    .join("\n");
}

/** Memory for a table: "-" where nothing runs (0 instances take no memory, and "0M" reads like a bug). */
export function memoryCell(mib: number, format: (mib: number) => string): string {
  return mib === 0 ? "-" : format(mib);
}
