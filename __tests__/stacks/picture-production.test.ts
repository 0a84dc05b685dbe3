import { picture } from "./picture";
import { synth } from "../helpers";

// production's stack as a reviewer reads it (picture.ts), in a snapshot of its own: after a reviewed change,
// `npx jest -u` records it, and the pull request's diff of __snapshots__/picture-production.test.ts.snap is the change.
test("production: the reviewed picture of the stack", () => {
  expect(picture(synth("production"), "production").text).toMatchSnapshot();
});
