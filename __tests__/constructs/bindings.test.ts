import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The committed .gen/ bindings are what `node scripts/generate-bindings.js` makes from the committed
// schema: nobody edits generated code by hand, and a schema change comes with its regenerated bindings.
test("regenerating the cloudfoundry bindings from providers/ changes nothing", async () => {
  const { generate } = require("../../scripts/generate-bindings.js");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cf-bindings-"));
  await generate(tmp);
  const list = (root: string): string[] =>
    fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(root, e.name);
      return e.isDirectory() ? list(p).map((q) => path.join(e.name, q)) : [e.name];
    });
  const committed = path.join(__dirname, "..", "..", ".gen");
  const files = list(tmp).sort();
  expect(list(committed).sort()).toEqual(files);
  for (const f of files) {
    expect([f, fs.readFileSync(path.join(committed, f), "utf8") === fs.readFileSync(path.join(tmp, f), "utf8")]).toEqual([f, true]);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});
