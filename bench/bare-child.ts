// The baseline: a bare node:http server answering fixed JSON bodies (one per path, sent by the orchestrator over IPC).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

let bodies = new Map<string, Buffer>();

const server = http.createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});

process.on('message', (message: { bodies: Record<string, string> }) => {
  bodies = new Map(Object.entries(message.bodies).map(([route, body]) => [route, Buffer.from(body)]));
  process.send!({ type: 'bodies-set' });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
server.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
