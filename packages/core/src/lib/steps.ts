/**
 * One definition of a procedure that calls a platform which is synchronous on Node.js (node:crypto) and answers with
 * promises on Web Crypto: the procedure is a generator that hands each platform call's result to its driver
 * (`yield* call(platform.x(...))`) and gets the value back; {@link runSync} hands a value straight back,
 * {@link runAsync} awaits it first. A call that throws (sync, at the call) or rejects (async, thrown in at the
 * `yield*`) throws inside the procedure's same statement, so one `try` around it handles both.
 */

/** A procedure's steps: it yields what a platform call returned and is given back its value. */
export type Steps<T> = Generator<unknown, T, unknown>;

/** The value of a platform call (awaited by {@link runAsync}; as it is by {@link runSync}). */
export function* call<T>(result: T | Promise<T>): Steps<T> {
  return (yield result) as T;
}

/** Runs `steps` on a synchronous platform: every call's result is its value. */
export function runSync<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (step.done !== true) step = steps.next(step.value);
  return step.value;
}

/** Runs `steps` on a platform that answers with promises: each is awaited, a rejection thrown into the procedure. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let step = steps.next();
  while (step.done !== true) {
    let value: unknown;
    try {
      value = await step.value;
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(value);
  }
  return step.value;
}
