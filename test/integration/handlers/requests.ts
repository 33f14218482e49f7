import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';

/**
 * A Pages Router API request: a real IncomingMessage with the fields Next.js
 * adds before calling the handler (query, cookies, body).
 */
export function createPagesRequest(path: string): IncomingMessage & { query: Record<string, string>; cookies: Record<string, string>; body: unknown } {
  const request = Object.assign(new IncomingMessage(new Socket()), { query: {}, cookies: {}, body: undefined });
  request.method = 'GET';
  request.url = path;
  request.headers = { host: '127.0.0.1:3000', accept: 'application/json' };
  return request;
}

/** A Pages Router API response with the helpers Next.js adds: status(), json(), send(). */
export class PagesResponse {
  statusCode = 200;
  body: unknown;
  finished = false;
  readonly headers = new Map<string, string>();

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  json(body: unknown): void {
    this.setHeader('content-type', 'application/json; charset=utf-8');
    this.send(JSON.stringify(body));
  }

  send(body: unknown): void {
    this.end(body);
  }

  end(body?: unknown): void {
    if (this.finished) throw new Error('The response was already sent');
    this.body = body;
    this.finished = true;
  }
}

/** An App Router route handler request: a web Request, as Next.js passes it. */
export function createRouteRequest(path: string): Request {
  return new Request(new URL(path, 'http://127.0.0.1:3000'), { headers: { accept: 'application/json' } });
}
