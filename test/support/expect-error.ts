import { expect } from 'chai';
import { ZegoTokenError } from '@zego-token/core';

/** Runs `fn`, which must throw a ZegoTokenError with `code`; returns it for further checks. */
export function expectZegoError(fn: () => unknown, code: number, secrets: readonly string[] = []): ZegoTokenError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ZegoTokenError').to.be.instanceOf(ZegoTokenError);
  const error = thrown as ZegoTokenError;
  expect(error.code, error.message).to.equal(code);
  expect(error.name).to.equal('ZegoTokenError');
  expect(error).to.be.instanceOf(Error);
  for (const secret of secrets) {
    expect(error.message).to.not.include(secret);
    expect(String(error.stack)).to.not.include(secret);
  }
  return error;
}
