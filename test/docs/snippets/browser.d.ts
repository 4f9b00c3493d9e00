// The one DOM call the client guides' snippets make (the DOM library would bring every browser global into this
// Node.js project). The browser test (test/browser/) runs the client with the real SDKs in Chromium.
interface HTMLElement {
  readonly id: string;
}
declare const document: { getElementById(elementId: string): HTMLElement | null };
