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
 * until the server closes the connection. The client only closes its side after `giveUpAfterMs`, as a client
 * tired of waiting would (closing at once would make Node's server drop the request unanswered); no close within
 * `timeoutMs` counts as a hang.
 */
export function rawRequest(port: number, request: string | Buffer, { giveUpAfterMs = 1000, timeoutMs = 5000 } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const giveUp = setTimeout(() => socket.end(), giveUpAfterMs);
    const hang = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer is still an answer
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearTimeout(hang);
      const bytes = Buffer.concat(chunks);
      const headEnd = bytes.indexOf('\r\n\r\n');
      const head = (headEnd < 0 ? bytes : bytes.subarray(0, headEnd)).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      // The first answer only: a server may go on to answer what it made of the rest of the bytes.
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
      const rest = headEnd < 0 ? Buffer.alloc(0) : bytes.subarray(headEnd + 4);
      const body = length === undefined ? rest : rest.subarray(0, Number(length));
      resolve({ status, headers: head, body: body.toString('utf8') });
    });
    socket.write(request);
  });
}

/** A GET for `path`, written byte for byte as given. */
export function get(path: string, userId = 'alice'): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-User-Id: ${userId}\r\nConnection: close\r\n\r\n`;
}
