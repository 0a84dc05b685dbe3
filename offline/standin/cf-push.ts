import * as fs from "fs";
import { crc32 } from "zlib";
import type { Platform } from "./platform";
import { isUnknown, type Obj, type Value } from "./values";

// An app's push as cloudfoundry/cloudfoundry 1.16.0 makes it (resource_app.go upsert and push, through
// go-cfclient's operation/push.go) and as Cloud Controller answers each step, on the stand-in's
// platform: the artifact opened first, the manifest applied to the app (a patch: what it leaves out,
// CC keeps), the zip uploaded and staged, then either a rolling deployment onto the running app or a
// start, and only after that the environment variables config no longer sets deleted and SSH set.
// Time is modelled, not spent: a deployment that never becomes healthy is recorded as having waited
// its timeout. Each behaviour is a row of semantics.ts, cited by number.

/** Cloud Controller's maximum_health_check_timeout when a foundation does not set its own (semantics row 59). */
export const CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS = 180;
export const CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SOURCE =
  "cloudfoundry/cloud_controller_ng config/cloud_controller.yml:208 (maximum_health_check_timeout: 180); the capi-release cloud_controller_ng job spec's default";

/**
 * Optional-only app attributes the provider puts in the manifest only when set (types_app.go:250-370),
 * which Cloud Controller then leaves as they were (app/actions/process_update.rb:33-55, each
 * `if message.requested?`), and which Read maps back whenever CC holds a value (types_app.go:484-539):
 * left unset in config, the value CC holds comes back after apply (semantics row 63).
 */
export const MANIFEST_KEEPS_WHEN_UNSET = [
  "command",
  "health_check_http_endpoint",
  "health_check_invocation_timeout",
  "health_check_interval",
  "timeout",
  "readiness_health_check_http_endpoint",
  "readiness_health_check_invocation_timeout",
  "readiness_health_check_interval",
] as const;

/** One step of a push, in the order it ran. */
export interface PushStep {
  readonly step: "open-artifact" | "apply-manifest" | "upload-and-stage" | "start" | "rolling-deployment" | "rollback" | "delete-env" | "set-ssh";
  readonly detail: string;
  /** Modelled minutes the provider waited in this step (a deployment's timeout), when it waited. */
  readonly minutes?: number;
}

/** A failed push, as the provider reports it: summary "Error pushing app" and the error's text. */
export class PushError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/**
 * Whether a file is a zip archive `unzip` accepts with something in it (Cloud Controller unpacks the
 * upload with `unzip`, lib/cloud_controller/app_packager.rb:17-28; an empty archive makes it exit 1):
 * an end-of-central-directory record naming at least one entry.
 */
export function isZipWithEntries(bytes: Buffer): boolean {
  const EOCD = 0x06054b50;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return bytes.readUInt16LE(i + 10) > 0;
  }
  return false;
}

/**
 * Writes a zip archive of one stored file: what a rehearsal pushes in place of the app's zip (the
 * stand-in opens it and checks it is a zip, as the provider and Cloud Controller do; semantics rows 60, 61).
 * Every byte of it is ASCII, so it is also text: a search of a rehearsal's files (a pull request's plan
 * looks for leaked secrets in them) sees all of it. For that, the content is short (sizes and offsets
 * below 128) and ends in a counter chosen so that the checksum's bytes are below 128 too.
 */
export function writeRehearsalArtifact(file: string, content = "a rehearsal stands in for the app zip\n"): void {
  const name = Buffer.from("README.txt");
  let data = Buffer.from(content);
  for (let n = 0; [0, 8, 16, 24].some((shift) => (crc32(data) >>> shift) & 0x80); n++) data = Buffer.from(`${content}${n}\n`);
  if (30 + name.length + data.length > 127) throw new Error(`a rehearsal artifact's content must be short (${content.length} characters)`);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  fs.writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
}

/** The foundation's maximum health-check timeout in seconds (semantics row 59). */
export function maximumHealthCheckTimeout(p: Platform): number {
  return p.data.cf.maximumHealthCheckTimeoutSeconds ?? CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS;
}

/**
 * Cloud Controller's refusals of a manifest's process values (BaseHealthCheckPolicy#validate_timeout,
 * app/models/runtime/constraints/base_health_check_policy.rb:36-44), as the failed apply-manifest job
 * reaches the provider: the job's error CF-UnprocessableEntity (10008) "For application '<name>': <Sequel
 * message>" (app/jobs/space_apply_manifest_action_job.rb:17-34), through go-cfclient's job poll
 * (client/job.go:22-37, client/polling.go:49) and push (operation/push.go:417-436).
 */
export function manifestRefusal(p: Platform, app: Obj): string | undefined {
  const max = maximumHealthCheckTimeout(p);
  const timeouts = [app.timeout, ...((app.processes as Obj[] | null) ?? []).map((x) => x?.timeout)].filter((t): t is number => typeof t === "number");
  const over = timeouts.find((t) => t > max);
  if (over === undefined) return undefined;
  return (
    `error waiting for application manifest to finish applying to space ${p.data.cf.space.name}: received state FAILED while waiting for async process: \n` +
    `cfclient error (CF-UnprocessableEntity|10008): For application '${app.name}': health_check_timeout Maximum exceeded: max ${max}s`
  );
}

/**
 * The app after Cloud Controller applies its manifest: what the provider sends replaces, what it leaves
 * out CC keeps (semantics row 63); environment variables are a patch (app/actions/app_apply_manifest.rb:69,
 * deletions come later, semantics row 64); a health check other than http clears the endpoint
 * (process_update.rb:39-41).
 */
export function afterManifest(live: Obj | undefined, pushed: Obj): Obj {
  const out: Obj = { ...(live ?? {}), ...pushed };
  for (const k of MANIFEST_KEEPS_WHEN_UNSET) if ((pushed[k] ?? null) === null && live) out[k] = live[k] ?? null;
  const type = (pushed.health_check_type ?? live?.health_check_type) as Value;
  if (type !== "http" && !isUnknown(type) && (pushed.health_check_http_endpoint ?? null) === null) out.health_check_http_endpoint = null;
  const env = { ...((live?.environment as Obj | null) ?? {}), ...((pushed.environment as Obj | null) ?? {}) };
  out.environment = Object.keys(env).length ? env : null;
  return out;
}

/**
 * The variables the provider deletes after the push: every key of the prior state that config no
 * longer sets (setEnvForUpdate, types_app.go:745-764, sent by resource_app.go:535 after the push).
 */
export function envDeletions(prior: Obj | null, desired: Obj): string[] {
  const before = Object.keys((prior?.environment as Obj | null) ?? {});
  const keep = new Set(Object.keys((desired.environment as Obj | null) ?? {}));
  return before.filter((k) => !keep.has(k)).sort();
}
