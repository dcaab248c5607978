// `GET /api/` and `GET /api/schema/`: both rendered from the route table they belong to.
import type { Endpoint } from '../http/route-table.js';
import { operation } from '../http/route-table.js';
import { buildApiRoot } from './document.js';
import { buildOpenApi } from './openapi.js';

export function apiRootEndpoints(allEndpoints: () => Endpoint[]): Endpoint[] {
  // The document depends only on the route table (fixed once the app is built) and the origin asked on: the last one
  // is kept serialised, so a request sends bytes instead of building and serialising 18 kB again.
  let rendered: { origin: string; json: Buffer } | null = null;
  const apiRootJson = (origin: string): Buffer => {
    if (rendered?.origin !== origin) rendered = { origin, json: Buffer.from(JSON.stringify(buildApiRoot(allEndpoints(), origin))) };
    return rendered.json;
  };
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
          handler: async ({ request }) => ({
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: apiRootJson(request.origin),
            // The same bytes for every request to this origin as long as the server runs.
            replay: { until: Infinity, readsNoData: true },
          }),
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
