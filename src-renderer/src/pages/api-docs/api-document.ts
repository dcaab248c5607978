// Reading the live `GET /api/` document (the seed's shape) into sections and endpoints the viewer can list and filter.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface EndpointDoc {
  key: string;
  section: string;
  url: string;
  path: string;
  methods: string[];
  authentication: string;
  description: string;
  /** Everything else the entry documents (fields, parameters, examples, responses). */
  details: { [key: string]: Json };
  example: Json | undefined;
}

export interface SectionDoc {
  key: string;
  description: string;
  basePath: string;
  endpoints: EndpointDoc[];
  extras: [string, Json][];
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSections(document: { [key: string]: Json }): SectionDoc[] {
  const sections = isObject(document.endpoints) ? document.endpoints : {};
  return Object.entries(sections).map(([sectionKey, section]) => {
    const body = isObject(section) ? section : {};
    const entries = isObject(body.endpoints) ? body.endpoints : {};
    return {
      key: sectionKey,
      description: String(body.description ?? ''),
      basePath: String(body.base_path ?? ''),
      extras: Object.entries(body).filter(([key]) => !['description', 'base_path', 'endpoints'].includes(key)),
      endpoints: Object.entries(entries).map(([key, entry]) => {
        const fields = isObject(entry) ? entry : {};
        const url = String(fields.url ?? '');
        return {
          key,
          section: sectionKey,
          url,
          path: url.replace(/^https?:\/\/[^/]+/, ''),
          methods: Array.isArray(fields.methods) ? fields.methods.map(String) : [],
          authentication: String(fields.authentication ?? ''),
          description: String(fields.description ?? ''),
          example: fields.example_request,
          details: Object.fromEntries(
            Object.entries(fields).filter(
              ([name]) => !['url', 'methods', 'authentication', 'description', 'example_request'].includes(name),
            ),
          ),
        };
      }),
    };
  });
}

/** The document's other top-level parts (workflows, quick start, notes), in its order. */
export function readGuides(document: { [key: string]: Json }): [string, Json][] {
  return Object.entries(document).filter(([key]) => !['message', 'version', 'base_url', 'endpoints'].includes(key));
}

export function matches(endpoint: EndpointDoc, query: string): boolean {
  if (!query) return true;
  const haystack = [
    endpoint.key,
    endpoint.path,
    endpoint.description,
    endpoint.authentication,
    endpoint.methods.join(' '),
    JSON.stringify(endpoint.details),
  ]
    .join(' ')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** A curl line a developer can paste: the method, the auth header when needed, the example body. */
export function curlExample(endpoint: EndpointDoc, method: string): string {
  const lines = [`curl -X ${method} '${endpoint.url}'`];
  if (!/^none required/i.test(endpoint.authentication)) lines.push(`  -H 'Authorization: Bearer <access token>'`);
  if (endpoint.example !== undefined && method !== 'GET' && method !== 'DELETE') {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(endpoint.example, null, 2).replaceAll('\n', '\n  ')}'`);
  }
  return lines.join(' \\\n');
}

export function humanKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
