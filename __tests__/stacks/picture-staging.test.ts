import { picture } from "./picture";
import { synth } from "../helpers";

// staging's stack as a reviewer reads it (picture.ts), in a snapshot of its own: after a reviewed change,
// `npx jest -u` records it, and the pull request's diff of __snapshots__/picture-staging.test.ts.snap is the change.
test("staging: the reviewed picture of the stack", () => {
  expect(picture(synth("staging"), "staging").text).toMatchSnapshot();
});
