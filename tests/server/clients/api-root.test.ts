// The client record and billing routes appear in GET /api/ and /api/schema/, with the access they really enforce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

type Entry = { url: string; methods: string[]; authentication: string };

const ROUTES: Record<string, { section: string; path: string; methods: string[]; access: RegExp }> = {
  clients: { section: 'administration', path: '/api/clients/', methods: ['GET'], access: /Staff users only/ },
  client_detail: { section: 'administration', path: '/api/clients/<uuid:pk>/', methods: ['GET', 'PATCH'], access: /Staff users only/ },
  client_export: { section: 'administration', path: '/api/clients/<uuid:pk>/export/', methods: ['GET'], access: /Staff users only/ },
  audit_log: { section: 'administration', path: '/api/admin/audit-log/', methods: ['GET'], access: /Staff users only/ },
  session_note: {
    section: 'appointments',
    path: '/api/meetings/appointments/<uuid:pk>/note/',
    methods: ['GET', 'PUT'],
    access: /Staff users only; anyone else gets 404/,
  },
  session_note_sign: {
    section: 'appointments',
    path: '/api/meetings/appointments/<uuid:pk>/note/sign/',
    methods: ['POST'],
    access: /Staff users only/,
  },
  session_note_addenda: {
    section: 'appointments',
    path: '/api/meetings/appointments/<uuid:pk>/note/addenda/',
    methods: ['POST'],
    access: /Staff users only/,
  },
  invoices: {
    section: 'administration',
    path: '/api/billing/invoices/',
    methods: ['GET', 'POST'],
    access: /client sees their own issued invoices/,
  },
  invoice_detail: {
    section: 'administration',
    path: '/api/billing/invoices/<uuid:pk>/',
    methods: ['GET'],
    access: /Authenticated users only/,
  },
  invoice_issue: {
    section: 'administration',
    path: '/api/billing/invoices/<uuid:pk>/issue/',
    methods: ['POST'],
    access: /Staff users only/,
  },
  invoice_mark_paid: {
    section: 'administration',
    path: '/api/billing/invoices/<uuid:pk>/mark-paid/',
    methods: ['POST'],
    access: /Staff users only/,
  },
  invoice_void: { section: 'administration', path: '/api/billing/invoices/<uuid:pk>/void/', methods: ['POST'], access: /Staff users only/ },
  invoice_pdf: {
    section: 'administration',
    path: '/api/billing/invoices/<uuid:pk>/pdf/',
    methods: ['GET'],
    access: /Authenticated users only/,
  },
};

let ts: TestServer;
let origin: string;

beforeAll(async () => {
  ts = await startTestServer();
  origin = ts.server.url.replace(/\/$/, '');
});
afterAll(() => ts.stop());

describe('the client record and billing in the API documents', () => {
  it('lists every route in its section of GET /api/ with its methods and access', async () => {
    const sections = (await ts.api.get('/api/')).body.endpoints as Record<string, { endpoints: Record<string, Entry> }>;
    for (const [key, route] of Object.entries(ROUTES)) {
      const entry = sections[route.section].endpoints[key];
      expect(entry, key).toBeDefined();
      expect(entry.url).toBe(`${origin}${route.path}`);
      expect(entry.methods.sort()).toEqual([...route.methods].sort());
      expect(entry.authentication, key).toMatch(route.access);
    }
  });

  it('describes every route in /api/schema/ with its request schema', async () => {
    const { paths } = (await ts.api.get('/api/schema/')).body;
    for (const route of Object.values(ROUTES)) {
      const path = route.path.replace(/<uuid:([a-z_]+)>/g, '{$1}');
      expect(
        Object.keys(paths[path] ?? {})
          .map((m) => m.toUpperCase())
          .sort(),
        path,
      ).toEqual([...route.methods].sort());
    }
    const note = paths['/api/meetings/appointments/{pk}/note/'].put.requestBody.content['application/json'].schema;
    expect(note.properties.template.enum).toEqual(['soap', 'dap', 'free']);
    const invoice = paths['/api/billing/invoices/'].post.requestBody.content['application/json'].schema;
    expect(invoice.required).toEqual(expect.arrayContaining(['client', 'appointments']));
  });

  it('shows no note text in the examples', async () => {
    const root = JSON.stringify((await ts.api.get('/api/')).body.endpoints.appointments.endpoints.session_note);
    expect(root).toContain('"subjective":"…"');
  });
});
