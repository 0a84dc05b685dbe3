import type { CfSize } from "./types";

/** Megabytes in a CF size ("512M" → 512, "2G" → 2048). */
export function mib(size: CfSize): number {
  const n = Number(size.slice(0, -1));
  return size.endsWith("G") ? n * 1024 : n;
}

/** A MiB figure for people: "512M", "2G", "20.5G". */
export function formatMib(value: number): string {
  if (value < 1024) return `${value}M`;
  return `${Number((value / 1024).toFixed(1))}G`;
}
