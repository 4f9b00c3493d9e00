// The one DOM call that the client guides' snippets (test/docs/snippets/client-*.ts) and the browser test's pages
// (test/browser/) make: the DOM library would bring every browser global into this Node.js project's tests.
interface HTMLElement {
  readonly id: string;
}
declare const document: { getElementById(elementId: string): HTMLElement | null };
