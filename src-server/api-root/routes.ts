// `GET /api/` and `GET /api/schema/`: both rendered from the route table they belong to.
import type { Endpoint } from '../http/route-table.js';
import { operation } from '../http/route-table.js';
import { buildApiRoot } from './document.js';
import { buildOpenApi } from './openapi.js';

export function apiRootEndpoints(allEndpoints: () => Endpoint[]): Endpoint[] {
  return [
    {
      key: 'api_root',
      section: 'meta',
      path: '/api/',
      doc: { description: 'This document: every endpoint with its methods, authentication and examples' },
      methods: {
        GET: operation({
          access: 'anyone',
          summary: 'The API root',
          handler: async ({ request }) => ({ body: buildApiRoot(allEndpoints(), request.origin) }),
        }),
      },
    },
    {
      key: 'schema',
      section: 'meta',
      path: '/api/schema/',
      doc: { description: 'OpenAPI 3.1 schema of the whole API, generated from the same definitions as its validation' },
      methods: {
        GET: operation({
          access: 'anyone',
          summary: 'OpenAPI 3.1 schema',
          handler: async ({ request }) => ({ body: buildOpenApi(allEndpoints(), request.origin) }),
        }),
      },
    },
  ];
}
