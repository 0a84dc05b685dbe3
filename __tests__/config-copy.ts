/**
 * A deep copy of config that tests can change freely. Not structuredClone: config holds functions
 * (derived env values such as NEW_RELIC_APP_NAME) that structuredClone refuses; they are kept by
 * reference, as they are pure. Written here rather than taken from a library: config is plain
 * arrays, objects, strings, numbers, booleans and functions, nothing else.
 */
export function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => copyOf(v)) as unknown as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, copyOf(v)])) as T;
  }
  return value;
}
