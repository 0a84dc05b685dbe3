import type { CfSize } from "./types";

// Sizes as Cloud Foundry reads them: a number of megabytes (M) or gigabytes (G), decimals allowed
// where they come to whole megabytes ("1.5G" is 1536M). One conversion, used by the schema, the stack,
// the report and the checks.

/** Megabytes in a CF size ("512M" → 512, "2G" → 2048, "1.5G" → 1536). */
export function mib(size: CfSize): number {
  const n = Number(size.slice(0, -1));
  return size.endsWith("G") ? n * 1024 : n;
}

/** Why a size is not one Cloud Foundry takes, or undefined when it is. */
export function sizeProblem(size: string): string | undefined {
  if (!/^(\d+(\.\d+)?G|\d+M)$/.test(size)) return 'must be megabytes or gigabytes, e.g. "512M", "2G" or "1.5G"';
  const m = mib(size as CfSize);
  if (m <= 0) return "must be more than 0";
  if (!Number.isInteger(m)) return `must come to whole megabytes: ${size} is ${Number(m.toFixed(3))}M`;
  return undefined;
}

/**
 * The size as the stack sets it: whole gigabytes as G, anything else as M ("1.5G" → "1536M"). A size
 * CF would not take is left as written, so that the check that refuses it names what config says.
 */
export function canonicalSize(size: CfSize): CfSize {
  if (sizeProblem(size)) return size;
  const m = mib(size);
  return m % 1024 === 0 ? `${m / 1024}G` : `${m}M`;
}

/** A MiB figure for people: "512M", "2G", "20.5G". */
export function formatMib(value: number): string {
  if (value < 1024) return `${value}M`;
  return `${Number((value / 1024).toFixed(1))}G`;
}
