import type { Check, Violation } from "./types";

/** Routes are unique within an environment, differ between environments, and only web apps have public ones. */
export const routes: Check = {
  id: "NOTIFY-ROUTES",
  description: "Stops two apps claiming one route, a second environment's push failing on a shared route (10a6f32a0), and workers on the public domain.",
  run: (environments) => {
    const out: Violation[] = [];
    const seenIn = new Map<string, string>();
    for (const env of environments) {
      const owners = new Map<string, string>();
      for (const app of env.apps) {
        for (const r of app.routes) {
          const v = (message: string) => out.push({ check: routes.id, environment: env.name, subject: app.name, message });
          const other = owners.get(r.url);
          if (other) v(`${r.url} is routed to both ${other} and ${app.name}; give one of them another host or path in config/apps.ts`);
          owners.set(r.url, app.name);
          const otherEnv = seenIn.get(r.url);
          if (otherEnv && otherEnv !== env.name) v(`${r.url} is used in both ${otherEnv} and ${env.name}; each environment needs its own domain or host`);
          seenIn.set(r.url, env.name);
          if (r.kind === "public" && app.role !== "web") {
            v(`${app.name} is a ${app.role} but has the public route ${r.url}; only web apps take public traffic`);
          }
        }
      }
    }
    return out;
  },
};
