// fast-check generators of hostile HTTP requests, built from the route table so every new route is fuzzed too.
import fc from 'fast-check';
import { z } from 'zod';
import type { Endpoint } from '../../src-server/http/route-table.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Values a client could send in place of any field: wrong types, edge numbers, unicode, huge and look-alike strings. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u202e',
      'null',
      'true',
      '0',
      '-1',
      '9'.repeat(400),
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '%00',
      '../../etc/passwd',
    ),
    fc.constantFrom('x'.repeat(5_000), 'é'.repeat(70_000)),
    fc.emailAddress(),
    fc.uuid().map(String),
    fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString()),
    fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom(
      '2026-02-30',
      '2026-13-01',
      '0000-00-00',
      '2026-01-15T25:00:00Z',
      'morning',
      'afternoon',
      'evening',
      'registration',
      'password_reset',
      'scheduled',
      'pending_review',
    ),
    fc.integer(),
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.5, 15, 240, 241),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The field names a zod object schema knows (through pipes and wrappers), so bodies hit real fields. */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return fieldNames(schema.in as z.ZodType);
  return [];
}

function objectWithFields(names: string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = names.length > 0 ? fc.subarray(names) : fc.constant<string[]>([]);
  return fc
    .tuple(
      known,
      fc.array(anyValue, { minLength: names.length, maxLength: names.length }),
      fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 2 }),
    )
    .map(([chosen, values, extra]) => ({ ...extra, ...Object.fromEntries(chosen.map((name) => [name, values[names.indexOf(name)]])) }));
}

function bodyFor(names: string[]): fc.Arbitrary<Buffer | null> {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null');
  return fc.oneof(
    { weight: 6, arbitrary: objectWithFields(names).map(json) },
    { weight: 1, arbitrary: anyValue.map(json) },
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,2',
          'undefined',
          '{"email": "a@b.c",}',
          '\uFEFF{}',
          '{"__proto__": {"is_staff": true}}',
          '{"constructor": {"prototype": {"x": 1}}}',
        )
        .map((text) => Buffer.from(text)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  '*/*',
  'application/json; boundary=',
];

function paramValue(type: string, knownIds: string[]): fc.Arbitrary<string> {
  const garbage = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom('..', '%2e%2e', '%00', 'null', '0', '-1', '1e9', 'a'.repeat(300)),
  );
  if (type === 'uuid') return fc.oneof(fc.constantFrom(...knownIds), fc.uuid().map(String), garbage);
  if (type === 'date')
    return fc.oneof(
      fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2026-02-30', '9999-99-99'),
      garbage,
    );
  return garbage;
}

function pathFor(endpoint: Endpoint, knownIds: string[]): fc.Arbitrary<string> {
  const parts = endpoint.path.split(/(<\w+:\w+>)/);
  const segments = parts.map((part) => {
    const converter = /^<(\w+):\w+>$/.exec(part);
    return converter ? paramValue(converter[1], knownIds).map(encodeURIComponent) : fc.constant(part);
  });
  return fc.tuple(fc.tuple(...segments), fc.boolean()).map(([values, slash]) => {
    const joined = values.join('');
    return slash ? joined : joined.replace(/\/$/, '');
  });
}

function queryFor(names: string[]): fc.Arbitrary<string> {
  const keys = [...names, 'page', 'page_size', 'status', 'search', 'email'];
  return fc
    .dictionary(
      fc.constantFrom(...keys),
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('0', '-1', '100', '101', '1e3', '99999999999999999999', 'NaN', '')),
      { maxKeys: 3 },
    )
    .map((query) => {
      const text = new URLSearchParams(query).toString();
      return text ? `?${text}` : '';
    });
}

/** Any request against one endpoint: its methods and others, its fields with hostile values, any content type and credential. */
export function requestFor(endpoint: Endpoint, credentials: fc.Arbitrary<string | null>, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const declared = Object.keys(endpoint.methods);
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.constantFrom(...declared) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE') },
    )
    .chain((method) => {
      const operation = endpoint.methods[method as keyof Endpoint['methods']];
      return fc.record({
        method: fc.constant(method),
        path: fc.tuple(pathFor(endpoint, knownIds), queryFor(fieldNames(operation?.query))).map(([path, query]) => path + query),
        body: bodyFor(fieldNames(operation?.body)),
        contentType: fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
        authorization: credentials,
      });
    })
    .map(({ method, path, body, contentType, authorization }) => ({
      method,
      path,
      body,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(authorization ? { authorization } : {}) },
    }));
}
