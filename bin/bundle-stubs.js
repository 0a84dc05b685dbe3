// The modules bin/run.js replaces in its bundle, kept apart from it so that a test can load each
// replacement and hold it against the real module of every library the bundle may be built with
// (__tests__/bin/bundle-stubs.test.ts): a stub that lacks a function the library calls breaks the synth
// of one library and not the other (cdktn's stack-trace module has captureCreationStack, cdktf's has not).

/** The CDK libraries bin/run.js can bundle (`--lib`): cdktf, and CDK Terrain, its continuation. */
const LIBRARIES = ["cdktf", "cdktn"];

const STUBS = [
  {
    // Only TerraformAsset uses archiver (slow to load), and no stack here has an asset. cdktn
    // does not use archiver at all (it zips with fflate).
    name: "no-archiver",
    filter: /[\\/]node_modules[\\/]archiver[\\/]index\.js$/,
    replaces: [], // no library's private module: a third-party package, loaded by cdktf only
    contents: 'module.exports = () => { throw new Error("archiver is left out of this bundle: TerraformAsset is not used"); };',
  },
  {
    // Every token records the stack that created it, only to decorate the message of a token error
    // (a cost on every synth). Both libraries keep the same private module; cdktn adds
    // captureCreationStack (which honours CDKTN_DISABLE_CREATION_STACK) and calls that instead.
    name: "no-token-creation-stacks",
    filter: /[\\/]node_modules[\\/](cdktf|cdktn)[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/,
    replaces: LIBRARIES.map((lib) => `${lib}/lib/tokens/private/stack-trace.js`),
    contents: [
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      "exports.captureStackTrace = function captureStackTrace() { return []; };",
      "exports.captureCreationStack = function captureCreationStack() { return []; };",
    ].join("\n"),
  },
];

module.exports = { LIBRARIES, STUBS };
