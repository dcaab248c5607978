// The seed-compatible `GET /api/` document, derived from the route table so that it cannot drift from the routes.
import type { Access, ApiSection, Endpoint } from '../http/route-table.js';
import { API_MESSAGE, DESCRIPTIVE_SECTIONS, JITSI_INTEGRATION, PROJECT_STRUCTURE, SECTIONS } from './seed-text.js';

/** What each access level requires, in the seed's words. */
export const ACCESS_TEXT: Record<Access, string> = {
  anyone: 'None required',
  user: 'Required (Authenticated users only)',
  staff: 'Required (Staff users only)',
  local: 'None required, but only from the practice computer itself (loopback; never through a proxy or tunnel)',
};

/** The strictest access among an endpoint's methods: what its `authentication` text must say. */
export function endpointAccess(endpoint: Endpoint): Access {
  const order: Access[] = ['anyone', 'local', 'user', 'staff'];
  return Object.values(endpoint.methods).reduce<Access>(
    (strictest, op) => (order.indexOf(op!.access) > order.indexOf(strictest) ? op!.access : strictest),
    'anyone',
  );
}

export function endpointEntry(endpoint: Endpoint, origin: string): Record<string, unknown> {
  const { description, authentication, ...rest } = endpoint.doc;
  return {
    description,
    url: `${origin}${endpoint.path}`,
    methods: Object.keys(endpoint.methods),
    authentication: authentication ?? ACCESS_TEXT[endpointAccess(endpoint)],
    ...rest,
  };
}

export function buildApiRoot(endpoints: Endpoint[], origin: string): Record<string, unknown> {
  const sections: Record<ApiSection, Record<string, unknown>> = {
    authentication: { ...SECTIONS.authentication, endpoints: {} },
    appointments: { ...SECTIONS.appointments, endpoints: {}, jitsi_integration: JITSI_INTEGRATION },
    administration: { ...SECTIONS.administration, endpoints: {} },
    meta: { ...SECTIONS.meta, endpoints: {} },
  };
  for (const endpoint of endpoints) {
    (sections[endpoint.section].endpoints as Record<string, unknown>)[endpoint.key] = endpointEntry(endpoint, origin);
  }
  return {
    ...API_MESSAGE,
    base_url: `${origin}/api/`,
    project_structure: PROJECT_STRUCTURE,
    endpoints: sections,
    ...DESCRIPTIVE_SECTIONS,
  };
}
