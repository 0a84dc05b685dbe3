import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { loadEstate } from "../../checks";
import { buildApp } from "../../stacks/build";
import { filesUnder, synthDir } from "../helpers";

test("skipping cdktf's cross-stack preparing pass changes nothing: no environment references another", async () => {
  const { environments } = await loadEstate();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "fast-path-"));
  const stock = buildApp(path.join(root, "stock"), environments);
  for (const stack of stock.node.children) {
    // Back to cdktf's own prepareStack, which resolves every element in preparing mode.
    delete (stack as Partial<TerraformStack>).prepareStack;
    expect((stack as TerraformStack).prepareStack).toBe(TerraformStack.prototype.prepareStack);
  }
  stock.synth();
  const fast = filesUnder(synthDir());
  expect(Object.keys(fast).filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(3);
  expect(fast).toEqual(filesUnder(path.join(root, "stock")));
  fs.rmSync(root, { recursive: true, force: true });
});
