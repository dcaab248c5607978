// OpenAPI 3.1 of the whole surface, generated from the same route table and zod schemas that validate requests.
import { z } from 'zod';
import type { Endpoint, HttpMethod } from '../http/route-table.js';
import { API_MESSAGE } from './seed-text.js';

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Validation error: {field: ["message"]}',
  '401': 'Not authenticated or token not valid: {detail, code}',
  '403': 'Authenticated but not allowed: {detail}',
  '404': 'Not found: {detail}',
  '409': 'State conflict: {detail, code}',
  '429': 'Throttled, see Retry-After: {detail}',
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function queryParameters(schema: z.ZodType | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const described = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(described.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: described.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function buildOpenApi(endpoints: Endpoint[], origin: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/<(?:uuid|date|str):([a-z_]+)>/g, '{$1}');
    const pathParameters = [...endpoint.path.matchAll(/<(uuid|date|str):([a-z_]+)>/g)].map(([, type, name]) => ({
      name,
      in: 'path',
      required: true,
      schema:
        type === 'uuid' ? { type: 'string', format: 'uuid' } : type === 'date' ? { type: 'string', format: 'date' } : { type: 'string' },
    }));
    const item: Record<string, unknown> = {};
    for (const [method, op] of Object.entries(endpoint.methods) as [HttpMethod, NonNullable<Endpoint['methods'][HttpMethod]>][]) {
      const errors = Object.fromEntries(
        Object.entries(ERROR_RESPONSES)
          .filter(([status]) => (status !== '401' && status !== '403') || op.access !== 'anyone')
          .map(([status, description]) => [status, { description }]),
      );
      item[method.toLowerCase()] = {
        operationId: `${endpoint.key}_${method.toLowerCase()}`.replace(/[^A-Za-z0-9_]/g, '_'),
        summary: op.summary,
        description: typeof endpoint.doc.description === 'string' ? endpoint.doc.description : undefined,
        tags: [endpoint.section],
        security: op.access === 'user' || op.access === 'staff' ? [{ bearerAuth: [] }] : [],
        'x-access': op.access,
        parameters: [...pathParameters, ...queryParameters(op.query)],
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
        responses: { [String(op.status ?? 200)]: { description: 'Success' }, ...errors },
      };
    }
    paths[path] = item;
  }
  return {
    openapi: '3.1.0',
    info: { title: API_MESSAGE.message, version: API_MESSAGE.version },
    servers: [{ url: origin }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
