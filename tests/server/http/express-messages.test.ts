// Requests and responses born with the Express app's prototypes (src-server/http/express-messages.ts): Express's own
// prototype swap then changes nothing, and everything Express adds to a request and a response still works.
import http from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressMessages } from '../../../src-server/http/express-messages.js';

describe('express messages', () => {
  const app = express();
  app.set('trust proxy', 'loopback');
  const seen: { request: boolean; response: boolean }[] = [];
  app.get('/echo/:name', (req, res) => {
    seen.push({ request: Object.getPrototypeOf(req) === app.request, response: Object.getPrototypeOf(res) === app.response });
    res.status(201).json({ name: req.params.name, query: req.query, ip: req.ip, path: req.path, accepts: req.accepts('json') });
  });
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer(expressMessages(app), app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('makes each request and response with the app’s prototypes, so Express has nothing to swap', async () => {
    const res = await fetch(`${base}/echo/ada?x=1`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'ada', query: { x: '1' }, ip: '203.0.113.9', path: '/echo/ada', accepts: 'json' });
    expect(seen).toEqual([{ request: true, response: true }]);
  });

  it('keeps node’s own classes in the chain', () => {
    const options = expressMessages(app);
    const socket = new Socket();
    const request = new options.IncomingMessage!(socket);
    expect(request).toBeInstanceOf(http.IncomingMessage);
    expect(new options.ServerResponse!(request)).toBeInstanceOf(http.ServerResponse);
    socket.destroy();
  });
});
