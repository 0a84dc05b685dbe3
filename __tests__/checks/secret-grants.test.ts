import { secretGrants } from "../../checks/secret-grants";
import { app, estateWith, messages } from "./fixtures";

// 4437d60dd: the CBC proxy credentials had been given to every app.
test("CBC proxy keys on the API fail", () => {
  const envs = estateWith((e) => app(e, "notify-api").secrets.push("CBC_PROXY_AWS_ACCESS_KEY_ID"));
  expect(messages(secretGrants, envs)).toEqual([
    "production/notify-api: notify-api is given CBC_PROXY_AWS_ACCESS_KEY_ID, which config/secrets.ts allows only to " +
      "notify-delivery-worker-broadcasts; remove it from the app or, if the app's code really reads it, add the app to allowedApps with the reason",
  ]);
});

test("the committed grants pass", () => {
  expect(secretGrants.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
