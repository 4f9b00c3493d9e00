import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/** An Express app, a Koa callback or any request listener (Koa's returns a promise, which Node ignores). */
export type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A listening server on a free loopback port. */
export async function listen(listener: Listener): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => void listener(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export interface RawResponse {
  /** 0 when the server closed the connection without an HTTP answer. */
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends `request` bytes exactly as given (no client-side URL normalisation or validation) and reads the answer
 * until the server closes the connection; gives up after `timeoutMs`, which counts as a hang.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer is still an answer
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8') });
    });
    socket.end(request);
  });
}

/** A GET for `path`, written byte for byte as given. */
export function get(path: string, userId = 'alice'): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-User-Id: ${userId}\r\nConnection: close\r\n\r\n`;
}
