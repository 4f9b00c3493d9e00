// The one DOM type the browser snippets name (the DOM lib would bring every browser global into this Node project).
// The tests run the snippets with UIKit's own code (test/docs/integration-guides.test.ts).
interface HTMLElement {
  readonly id: string;
}
