import * as fs from "fs";
import * as path from "path";
import { Platform } from "./platform";
import { StandinProvider, type ProviderSchemaJson } from "./provider";
import type { CfRole } from "../../config/identities";
import { serve, type Served } from "./server";

// Starts the two stand-in providers (cloudfoundry/cloudfoundry 1.16.0 and hashicorp/aws 5.100.0) for
// each environment's platform, each pair on its own sockets, and returns the TF_REATTACH_PROVIDERS
// value that points Terraform at that environment's pair.

export const CF_ADDRESS = "registry.terraform.io/cloudfoundry/cloudfoundry";
export const AWS_ADDRESS = "registry.terraform.io/hashicorp/aws";

function schemaOf(file: string, address: string): ProviderSchemaJson {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const s = json.provider_schemas?.[address];
  if (!s) throw new Error(`${file} holds no schema for ${address}`);
  return s as ProviderSchemaJson;
}

/** The provider schemas the stand-ins serve: the committed ones in `root`'s providers/. */
export function standinSchemas(root: string): { readonly cf: ProviderSchemaJson; readonly aws: ProviderSchemaJson } {
  return {
    cf: schemaOf(path.join(root, "providers", "cloudfoundry-1.16.0.schema.json"), CF_ADDRESS),
    aws: schemaOf(path.join(root, "providers", "aws-5.100.0.subset.schema.json"), AWS_ADDRESS),
  };
}

export interface RunningStandin {
  /** TF_REATTACH_PROVIDERS for each environment. */
  readonly reattach: Readonly<Record<string, string>>;
  readonly platforms: Readonly<Record<string, Platform>>;
  close(): Promise<void>;
}

/**
 * @param role the CF role of an identity the platform does not name (a provider configuration without
 *   `user`): SpaceDeveloper, the deploy identity's, unless given.
 */
export async function startStandin(root: string, socketDir: string, platformFiles: Readonly<Record<string, string>>, role: CfRole = "SpaceDeveloper"): Promise<RunningStandin> {
  const { cf: cfSchema, aws: awsSchema } = standinSchemas(root);
  const served: Served[] = [];
  const reattach: Record<string, string> = {};
  const platforms: Record<string, Platform> = {};
  for (const [env, file] of Object.entries(platformFiles)) {
    const platform = Platform.load(file);
    platforms[env] = platform;
    const cf = await serve(new StandinProvider("cloudfoundry", cfSchema, platform, true, role), path.join(socketDir, `${env}-cf.sock`));
    const aws = await serve(new StandinProvider("aws", awsSchema, platform, false), path.join(socketDir, `${env}-aws.sock`));
    served.push(cf, aws);
    reattach[env] = JSON.stringify({ [CF_ADDRESS]: cf.reattach, [AWS_ADDRESS]: aws.reattach });
  }
  return { reattach, platforms, close: async () => void (await Promise.all(served.map((s) => s.close()))) };
}
