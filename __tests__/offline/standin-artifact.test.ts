import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isZipWithEntries, writeRehearsalArtifact } from "../../offline/standin/cf-push";
import { standinArtifact } from "../fixtures/standin-artifact";

// The stand-in opens the artifact at an app's path as the provider does; a rehearsal's own artifact
// must be a zip that real tools accept. Checked with unzip, a process: so apart from the unit tests.
const ARTIFACT = standinArtifact();

test("the rehearsal's artifact is a zip with one entry that unzip accepts, and plain ASCII text", () => {
  for (const content of ["x", "a conformance run stands in for the app zip\n", "a rehearsal stands in for the app zip\n"]) {
    const file = path.join(path.dirname(ARTIFACT), "again.zip");
    writeRehearsalArtifact(file, content);
    const bytes = fs.readFileSync(file);
    expect([content, isZipWithEntries(bytes), bytes.every((b) => b < 0x80)]).toEqual([content, true, true]);
    expect(execFileSync("unzip", ["-p", file]).toString()).toMatch(new RegExp(`^${content.replace(/\n$/, "")}`));
  }
});
