import type { CfSize } from "./types";

/** Megabytes in a CF size ("512M" → 512, "2G" → 2048). */
export function mib(size: CfSize): number {
  const n = Number(size.slice(0, -1));
  return size.endsWith("G") ? n * 1024 : n;
}

/** A MiB figure the way `cf app` prints it: whole gigabytes as "NG", otherwise "NM". */
export function formatMib(value: number): string {
  return value % 1024 === 0 ? `${value / 1024}G` : `${value}M`;
}
