import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ENVIRONMENTS } from "../config";
import { loadEnvironment } from "../checks";
import { cli, environmentArgument, runProgram, UsageError } from "./cli";
import { withPrerequisites } from "../offline/bootstrap";
import { livePlatformFile } from "../offline/harness";
import { Platform } from "../offline/standin/platform";
import { CF_ROLES, type CfRole } from "../config/identities";
import { startStandin } from "../offline/standin/start";

// npm run standin -- <env> [--platform FILE] [--role ROLE]: the stand-in providers on a seeded
// platform, left running for anyone's own Terraform. It prints the TF_REATTACH_PROVIDERS line to
// export and serves until Ctrl-C (SIGINT) or SIGTERM, then closes both providers and removes their
// sockets and its working directory. The committed seed is copied, never changed; a --platform file is
// served in place, so that what an apply does to it can be read afterwards.
const root = process.cwd();

const ROLES: readonly string[] = CF_ROLES;

const program = cli("standin", "Start the stand-in providers on a seeded platform and print the TF_REATTACH_PROVIDERS line for your own Terraform; Ctrl-C stops them")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .option("--platform <file>", `serve this platform file in place (default: a copy of ${path.join("offline", "platforms", "<env>.json")})`)
  .option("--role <role>", `the CF role of an identity the platform does not name: ${ROLES.join(", ")}`, "SpaceDeveloper")
  .action(async (envName: string, opts: { platform?: string; role: string }) => {
    const env = environmentArgument(envName);
    if (!ROLES.includes(opts.role)) throw new UsageError(`unknown role "${opts.role}"; one of: ${ROLES.join(", ")}`);
    let file: string;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-standin-"));
    const cleanUp = () => fs.rmSync(work, { recursive: true, force: true });
    try {
      if (opts.platform) {
        file = path.resolve(opts.platform);
        try {
          Platform.load(file);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
      } else {
        const resolved = await loadEnvironment(env);
        file = path.join(work, `${env}.platform.json`);
        fs.writeFileSync(file, JSON.stringify(withPrerequisites(Platform.load(livePlatformFile(root, env)).data, resolved), null, 1) + "\n");
      }
    } catch (err) {
      cleanUp();
      throw err;
    }
    // The role of an identity the platform does not name: a provider configuration without `user`
    // (a user the platform names, cf.users, keeps that user's role). Cloud Controller's 403s follow it.
    const standin = await startStandin(root, work, { [env]: file }, opts.role as CfRole);
    const sockets = fs.readdirSync(work).filter((f) => f.endsWith(".sock")).map((f) => path.join(work, f));
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      const done = () => {
        for (const s of sockets) fs.rmSync(s, { force: true });
        cleanUp();
        process.stderr.write(`standin: stopped (${signal}); sockets removed\n`);
        process.exit(0);
      };
      // A Terraform still attached would hold a graceful shutdown open: it gets 3 seconds.
      setTimeout(done, 3000).unref();
      void standin.close().then(done);
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.stdout.write(
      [
        `standin ${env}: cloudfoundry/cloudfoundry 1.16.0 and hashicorp/aws 5.100.0 stand-ins, role ${opts.role} for a provider configuration without a user (cf.users of the platform name the others)`,
        `platform: ${file}${opts.platform ? " (served in place: applies change it)" : " (a copy of the committed seed, removed on exit)"}`,
        "In another shell, in a synthesized stack directory (cdktf.out/stacks/<env>), with a local backend override:",
        `export TF_REATTACH_PROVIDERS='${standin.reattach[env]}'`,
        "Ctrl-C stops the stand-in.",
        "",
      ].join("\n"),
    );
  });
void runProgram(program);
