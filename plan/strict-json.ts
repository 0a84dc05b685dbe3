import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../io/errors";

// What reads a file a pull request produced (its synthesized cdk.tf.json) or one that travelled
// through storage (a snapshot) reads it here, and refuses before anything else looks at it:
//  - a symlink anywhere on its path, or anything but a regular file (a FIFO that never ends, a device,
//    /proc/self/environ behind a link): what is read must be the file that was named;
//  - a file larger than the stated limit, set far above any synthesized stack or snapshot;
//  - text that is not UTF-8, or not JSON;
//  - a duplicate key in any object. JSON.parse keeps the last of two equal keys, Terraform's JSON
//    reader sees both: a check that reads the document with JSON.parse would judge another document
//    than the one Terraform plans (a duplicate key can hide a nonsensitive() local or a second
//    provider configuration).

/** The largest untrusted JSON file read: 8 MiB, many times a synthesized production stack or a snapshot. */
export const UNTRUSTED_JSON_LIMIT_BYTES = 8 * 1024 * 1024;

/** Where a duplicate key is, as a path ($.resource.aws_sqs_queue."x"), or undefined when there is none. */
export function duplicateKey(text: string): string | undefined {
  // Only called on text JSON.parse accepted: strings, numbers, literals and punctuation only.
  type Frame = { kind: "object"; keys: Set<string>; key?: string } | { kind: "array"; index: number };
  const stack: Frame[] = [];
  const where = () =>
    "$" +
    stack
      .map((f) => (f.kind === "object" ? (f.key === undefined ? "" : `.${JSON.stringify(f.key)}`) : `[${f.index}]`))
      .join("");
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === "object") {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          top.key = key;
          return where();
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === "{") {
      stack.push({ kind: "object", keys: new Set() });
      expectKey = true;
    } else if (c === "[") {
      stack.push({ kind: "array", index: 0 });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "object") expectKey = true;
      else if (top?.kind === "array") top.index++;
    }
  }
  return undefined;
}

/**
 * The JSON document in `file`, read as untrusted input. Every refusal is a UsageError naming the
 * file, what is wrong and the limit, before any part of the content is used.
 */
export function readUntrustedJson(file: string, what: string, limitBytes = UNTRUSTED_JSON_LIMIT_BYTES): unknown {
  const refuse = (why: string): never => {
    throw new UsageError(`refused ${what} ${file}: ${why}`);
  };
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    return refuse(`cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (st.isSymbolicLink()) refuse("it is a symlink; give the file itself");
  if (!st.isFile()) refuse("it is not a regular file");
  if (fs.realpathSync(file) !== path.resolve(file)) refuse("a directory on its path is a symlink; give the file's real path");
  if (st.size > limitBytes) refuse(`it is ${st.size} bytes, more than the limit of ${limitBytes} bytes`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  let bytes: Buffer;
  try {
    const again = fs.fstatSync(fd);
    if (!again.isFile() || again.ino !== st.ino) refuse("it changed while it was being opened");
    const buf = Buffer.alloc(limitBytes + 1);
    let n = 0;
    for (let r; n < buf.length && (r = fs.readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > limitBytes) refuse(`it grew beyond the limit of ${limitBytes} bytes while it was read`);
    bytes = buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse("it is not UTF-8 text");
  }
  if (!text.trim()) refuse("it is empty");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return refuse(`it is not JSON: ${(err as Error).message}`);
  }
  const dup = duplicateKey(text);
  if (dup) refuse(`the key at ${dup} appears twice in one object (a JSON reader keeps one of them, Terraform reads both)`);
  return parsed;
}
