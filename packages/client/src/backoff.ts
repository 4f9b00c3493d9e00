/**
 * Bounded exponential backoff with full jitter (each wait drawn uniformly from zero to its bound), so that clients
 * that failed together do not retry together: the first retry waits up to 1 s, each next one up to twice as long,
 * never more than 8 s.
 */
const FIRST_BOUND_MS = 1000;
const LAST_BOUND_MS = 8000;

/** How long to wait before retry number `retry` (0 for the first), in milliseconds. */
export function backoffDelay(retry: number): number {
  // eslint-disable-next-line no-restricted-properties -- jitter is no secret, and React Native has no Web Crypto
  return Math.random() * Math.min(LAST_BOUND_MS, FIRST_BOUND_MS * 2 ** retry);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (the timer cleared). */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's reason, as fetch does
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal.addEventListener('abort', abort);
  });
}
