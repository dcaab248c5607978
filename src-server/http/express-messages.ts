// Requests and responses born with the Express app's prototypes, for http(s).createServer's options.
// Express otherwise swaps each request's and response's prototype (Object.setPrototypeOf) as it arrives. V8 then
// gives every request fresh hidden classes and keeps its objects alive into the old generation, where they pile up
// until a full collection: the built server's RSS grew by 50–90 MB over 10,000 requests. Born with the right
// prototype, Express's swap changes nothing and a request's objects die young.
import http from 'node:http';
import type { Express } from 'express';

export interface ExpressMessages {
  IncomingMessage?: typeof http.IncomingMessage;
  ServerResponse?: typeof http.ServerResponse;
}

/**
 * A constructor that runs `base` on an object whose own prototype is `prototype`. `base` is called, not
 * `Reflect.construct`ed: a new.target other than `base` makes V8 build new hidden classes per object, the very cost
 * this avoids.
 */
function bornWith<Base extends typeof http.IncomingMessage | typeof http.ServerResponse>(base: Base, prototype: object): Base {
  function Message(this: object, ...args: unknown[]): void {
    Reflect.apply(base, this, args);
  }
  Message.prototype = prototype;
  return Message as unknown as Base;
}

/** Node's own constructors are plain functions, so they can be called on another prototype; a class could not be. */
const callable = [http.IncomingMessage, http.ServerResponse].every((base) => !Function.prototype.toString.call(base).startsWith('class'));

/** The options that make `app`'s requests and responses; none where Node's constructors are classes. */
export function expressMessages(app: Express): ExpressMessages {
  if (!callable) return {};
  return {
    IncomingMessage: bornWith(http.IncomingMessage, app.request),
    ServerResponse: bornWith(http.ServerResponse, app.response),
  };
}
