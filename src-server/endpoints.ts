// Every endpoint of the server, feature by feature: the one route table that routing, `/api/` and the schema derive from.
import { apiRootEndpoints } from './api-root/routes.js';
import { authEndpoints } from './auth/routes.js';
import { auditEndpoints } from './audit/routes.js';
import { billingEndpoints } from './billing/routes.js';
import { calendarEndpoints } from './calendar/routes.js';
import { notesEndpoints } from './notes/routes.js';
import { clientsEndpoints } from './clients/routes.js';
import type { ServerCore } from './core.js';
import type { Endpoint } from './http/route-table.js';
import type { Throttle } from './http/throttle.js';
import { outboxEndpoints } from './mail/outbox-routes.js';
import { meetingsEndpoints } from './meetings/routes.js';
import { settingsEndpoints } from './settings/routes.js';
import { setupEndpoints } from './setup/routes.js';
import { SetupSecret } from './setup/setup-secret.js';

export interface EndpointDependencies {
  throttles: Record<string, Throttle>;
  lanUrls: () => string[];
  /** The one-time first-run setup secret; without one, setup refuses every request. */
  setupSecret?: SetupSecret;
}

export function allEndpoints(core: ServerCore, deps: EndpointDependencies): Endpoint[] {
  const endpoints: Endpoint[] = [
    ...apiRootEndpoints(() => endpoints),
    ...authEndpoints(core),
    ...meetingsEndpoints(core),
    ...calendarEndpoints(core),
    ...settingsEndpoints(core, deps.lanUrls),
    ...outboxEndpoints(core.outbox),
    ...clientsEndpoints(core),
    ...notesEndpoints(core),
    ...billingEndpoints(core),
    ...auditEndpoints(core),
    ...setupEndpoints(core, deps.lanUrls, deps.setupSecret ?? new SetupSecret()),
  ];
  return endpoints;
}
