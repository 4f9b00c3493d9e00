// The two calls of Bun's and Deno's own types that the guides' snippets use (bun-types and Deno's lib would bring
// their whole runtimes' globals into this Node project). The runtime matrix runs the snippets in Bun and Deno.
declare const Bun: {
  serve(options: { port: number; fetch: (request: Request, server: unknown) => Response | Promise<Response> }): unknown;
};
declare const Deno: {
  serve(options: { port: number }, handler: (request: Request, info: unknown) => Response | Promise<Response>): unknown;
};
