// Jest loads cdktf's token creation-stack module as bin/run.js's bundle does: replaced by the stub in
// bin/bundle-stubs.js (held against the real module by __tests__/bin/bundle-stubs.test.ts). Under jest each
// captured stack also goes through jest's source maps, so the real module costs each worker seconds of
// CPU creating stacks that only decorate a token error's message (docs/performance.md).
const crypto = require("crypto");
const { STUBS } = require("../bin/bundle-stubs");

const STUB = STUBS.find((s) => s.name === "no-token-creation-stacks");

module.exports = {
  process(_source, filename) {
    if (!STUB.filter.test(filename)) throw new Error(`bundle-stub-transform: ${filename} is not a module bin/bundle-stubs.js replaces`);
    return { code: STUB.contents };
  },
  getCacheKey(_source, filename) {
    return crypto.createHash("sha256").update(filename).update("\0").update(STUB.contents).digest("hex");
  },
};
