import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { UsageError } from "../../io/errors";
import { duplicateKey, readUntrustedJson } from "../../plan/strict-json";

// The reader of untrusted JSON: what it refuses, before anything reads the content.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-strict-json-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const refusal = (file: string, limit?: number) => {
  try {
    readUntrustedJson(file, "the candidate stack", limit);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`${file} was not refused`);
};

describe("duplicate keys", () => {
  test.each([
    ['{"a":1,"a":2}', "$.\"a\""],
    ['{"locals":{"x":1},"resource":{},"locals":{"y":2}}', '$."locals"'],
    ['{"resource":{"aws_sqs_queue":{"q":{"name":"a","name":"b"}}}}', '$."resource"."aws_sqs_queue"."q"."name"'],
    ['[{"a":1},{"b":1,"b":2}]', '$[1]."b"'],
    // The same key spelt with an escape is the same key to every reader.
    ['{"provider":{},"\\u0070rovider":{}}', '$."provider"'],
    ['{"a":{"k":1},"b":{"k":1},"c":[{"k":1},{"k":"}{\\"k\\":"}],"a\\"":1,"a":2}', '$."a"'],
  ])("%s: refused at %s", (text, where) => {
    JSON.parse(text);
    expect(duplicateKey(text)).toBe(where);
  });

  test("the same key in different objects, and keys that only look alike, are not duplicates", () => {
    expect(duplicateKey('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"A":1,"a ":2,"x":"\\"a\\":1,\\"a\\":2"}')).toBeUndefined();
  });

  test("refused with the key's path, naming the file", () => {
    const f = write("dup.json", '{"locals":{},"locals":{"x":"${nonsensitive(var.s)}"}}');
    expect(refusal(f)).toBe(`refused the candidate stack ${f}: the key at $."locals" appears twice in one object (a JSON reader keeps one of them, Terraform reads both)`);
  });
});

describe("what is refused before the content is read", () => {
  test("a symlink, even to a good file", () => {
    const good = write("good.json", "{}");
    const link = path.join(dir, "link.json");
    fs.symlinkSync(good, link);
    expect(refusal(link)).toBe(`refused the candidate stack ${link}: it is a symlink; give the file itself`);
  });

  test("a symlink on the way to the file", () => {
    fs.mkdirSync(path.join(dir, "real"));
    write("real/x.json", "{}");
    fs.symlinkSync(path.join(dir, "real"), path.join(dir, "via"));
    expect(refusal(path.join(dir, "via", "x.json"))).toMatch(/a directory on its path is a symlink/);
  });

  test("a directory, a FIFO, a device", () => {
    expect(refusal(dir)).toMatch(/it is not a regular file$/);
    const fifo = path.join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(refusal(fifo)).toMatch(/it is not a regular file$/);
    expect(refusal("/dev/zero")).toMatch(/it is not a regular file$/);
  });

  test("a file beyond the limit, naming its size and the limit", () => {
    const f = write("big.json", `{"a":"${"x".repeat(100)}"}`);
    expect(refusal(f, 50)).toBe(`refused the candidate stack ${f}: it is 108 bytes, more than the limit of 50 bytes`);
  });

  test("not UTF-8, empty, not JSON, missing", () => {
    expect(refusal(write("latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])))).toMatch(/it is not UTF-8 text$/);
    expect(refusal(write("empty.json", " \n"))).toMatch(/it is empty$/);
    expect(refusal(write("trailing.json", '{"a":1,}'))).toMatch(/it is not JSON: /);
    expect(refusal(path.join(dir, "none.json"))).toMatch(/cannot read it \(ENOENT\)$/);
  });

  test("a good file is read", () => {
    expect(readUntrustedJson(write("ok.json", '{"a":[1,{"b":"c"}]}'), "x")).toEqual({ a: [1, { b: "c" }] });
  });
});
