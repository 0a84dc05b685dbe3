import * as fs from "fs";
import { randomUUID } from "crypto";
import type { CfRole } from "../../config/identities";
import type { PushStep } from "./cf-push";
import type { Obj } from "./values";

// What exists on the stand-in's "platform" for one environment: the Cloud Foundry org, space, domains,
// service instances and apps this estate does not own, the AWS account's SSM parameters, and every
// object a Terraform apply (or the seed) has created, as the platform would report it. Kept in a JSON
// file so that state survives between Terraform runs, like a real foundation does.

export interface PlatformData {
  /** What this platform models, for a person reading the file. */
  readonly description: string;
  readonly cf: {
    readonly org: { readonly name: string; readonly id: string };
    readonly space: { readonly name: string; readonly id: string };
    readonly domains: Record<string, string>;
    readonly serviceInstances: Record<string, { readonly id: string; readonly type: string }>;
    /** Apps in the space that this estate reads but does not own (the statsd exporter). */
    readonly foreignApps: Record<string, Obj>;
    /**
     * Who may log in, and the role each holds in the space (`PERMISSIONS` in semantics.ts; semantics row 52): the
     * provider configuration's `user` is looked up here.
     */
    readonly users?: Record<string, CfRole>;
    /**
     * Cloud Controller's `maximum_health_check_timeout` on this foundation, in seconds: a push whose
     * health-check `timeout` is above it fails (semantics row 59). @default 180, CC's own default
     * (CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SOURCE in cf-push.ts); a foundation's operators may raise it.
     */
    readonly maximumHealthCheckTimeoutSeconds?: number;
    /**
     * Names of apps whose new droplet never becomes healthy on this platform: a rolling push of one
     * waits out its deployment, rolls back and fails (semantics row 62). @default none
     */
    readonly unhealthyApps?: readonly string[];
  };
  readonly aws: {
    readonly accountId: string;
    readonly region: string;
    readonly callerArn: string;
    readonly parameters: Record<string, { readonly type: "SecureString" | "String"; readonly value: string; readonly version: number }>;
    /** IAM users that exist in the account (a policy attaches only to one of them; semantics row 85). @default none */
    readonly iamUsers?: readonly string[];
  };
  /** Objects by resource type and id, as the platform reports them. */
  readonly resources: Record<string, Record<string, Obj>>;
}

export class Platform {
  /**
   * The steps of each app's last push, by app name, in the order they ran (semantics rows 62, 64). Kept
   * in memory only: a record of what this process's stand-in did, not a fact of the platform file.
   */
  readonly pushes = new Map<string, readonly PushStep[]>();

  private constructor(
    readonly data: PlatformData,
    private readonly file: string | undefined,
  ) {}

  static load(file: string): Platform {
    let data: PlatformData;
    try {
      data = JSON.parse(fs.readFileSync(file, "utf8")) as PlatformData;
    } catch (err) {
      throw new Error(`cannot read the platform ${file}: ${(err as Error).message}`);
    }
    if (!data?.cf?.space?.id || !data?.aws?.accountId || typeof data.resources !== "object") {
      throw new Error(`${file} is not a stand-in platform (needs cf.space.id, aws.accountId and resources)`);
    }
    return new Platform(data, file);
  }

  static inMemory(data: PlatformData): Platform {
    return new Platform(data, undefined);
  }

  objects(type: string): Record<string, Obj> {
    return ((this.data.resources as Record<string, Record<string, Obj>>)[type] ??= {});
  }

  get(type: string, id: string): Obj | undefined {
    return this.objects(type)[id];
  }

  put(type: string, id: string, obj: Obj): void {
    this.objects(type)[id] = obj;
    this.save();
  }

  remove(type: string, id: string): void {
    delete this.objects(type)[id];
    this.save();
  }

  newGuid(): string {
    return randomUUID();
  }

  /** Written whole to a temporary file, then renamed: a reader never sees half a platform. */
  save(): void {
    if (!this.file) return;
    const tmp = `${this.file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 1) + "\n");
    fs.renameSync(tmp, this.file);
  }
}
