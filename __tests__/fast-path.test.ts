import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { loadCheckedEstate } from "../checks";
import { buildApp } from "../stacks/build";

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) =>
    fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    });
  walk(dir);
  return out;
}

test("skipping cdktf's cross-stack preparing pass changes nothing: no environment references another", () => {
  const { environments } = loadCheckedEstate();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "fast-path-"));
  buildApp(path.join(root, "fast"), environments).synth();
  const stock = buildApp(path.join(root, "stock"), environments);
  for (const stack of stock.node.children) {
    // Back to cdktf's own prepareStack, which resolves every element in preparing mode.
    delete (stack as Partial<TerraformStack>).prepareStack;
    expect((stack as TerraformStack).prepareStack).toBe(TerraformStack.prototype.prepareStack);
  }
  stock.synth();
  const fast = files(path.join(root, "fast"));
  expect(Object.keys(fast).filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(3);
  expect(fast).toEqual(files(path.join(root, "stock")));
  fs.rmSync(root, { recursive: true, force: true });
});
