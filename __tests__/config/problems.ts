import { ConfigError, resolveEstate, type EstateConfig } from "../../config";
import { smallEstate } from "../fixtures/small-estate";

/**
 * What loading config says of a fixture estate after `mutate` changed it: every problem, one line
 * each, or none. On the small fixture estate by default (__tests__/fixtures/small-estate.ts), so
 * that config tests do not move with the real one.
 */
export function problems(mutate: (e: any) => void, copy: any = smallEstate()): string[] {
  mutate(copy);
  try {
    resolveEstate(copy as EstateConfig);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  return [];
}
