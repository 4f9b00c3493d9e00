/**
 * What a room payload may say about streams: stream IDs in ZEGO's set, never an empty list (ZEGO reads `[]` as "any
 * stream"), and a 04 payload string with a UTF-8 form. Checked by every generator: buildRoomPayload, generateToken04
 * and the token issuer.
 */
import { expect } from 'chai';
import {
  buildRoomPayload,
  createTokenIssuer,
  decodeToken,
  ErrorCode,
  generateToken04,
  isZegoStreamId,
  MAX_STREAM_ID_BYTES,
  type TokenResponseBody,
} from '@zego-token/core';
import { expectZegoError } from '../support/expect-error.js';
import { APP_ID, SECRET } from '../support/fixtures.js';

// ZEGO's documented symbols without '/', which the Web SDK refuses in a stream ID (1000016).
const ZEGO_SYMBOLS = "~!@#$%^&*()_+=-`;',.<>\\";

/** [what, stream ID]: each a stream ID ZEGO's clients accept. */
const goodIds: Array<[string, string]> = [
  ['letters and digits', 'stream1'],
  ['every ZEGO symbol', ZEGO_SYMBOLS],
  ['one character', 's'],
  ['256 characters', 's'.repeat(MAX_STREAM_ID_BYTES)],
  ['a room-style ID', 'host-cam_#1'],
];

/** [what, stream ID]: each refused with PAYLOAD_INVALID. */
const badIds: Array<[string, string]> = [
  ['empty', ''],
  ['257 characters', 's'.repeat(MAX_STREAM_ID_BYTES + 1)],
  ['a space', 'my stream'],
  ['a tab', 'a\tb'],
  ['a NUL', 'a\u0000b'],
  ['a C1 control', 'a\u0085b'],
  ['DEL', 'a\u007fb'],
  ['a non-ASCII letter', 'café'],
  ['an emoji (a surrogate pair)', '😀'],
  ['a lone high surrogate', 'a\uD800'],
  ['a lone low surrogate', '\uDC00b'],
  ['a bidi override', 'a\u202Eb'],
  ['a quote', 'a"b'],
  ['a question mark', 'a?b'],
  ['a colon', 'a:b'],
  ['a slash (in ZEGO’s documented set, refused by the Web SDK)', 'cam/1'],
  ['a pipe', 'a|b'],
  ['braces', 'a{b}'],
];

describe('stream IDs', () => {
  describe('isZegoStreamId', () => {
    for (const [what, id] of goodIds) it(`accepts ${what}`, () => expect(isZegoStreamId(id)).to.equal(true));
    for (const [what, id] of badIds) it(`refuses ${what}`, () => expect(isZegoStreamId(id)).to.equal(false));
    it('refuses what is not a string', () => {
      for (const value of [7, null, undefined, ['s'], {}]) expect(isZegoStreamId(value)).to.equal(false);
    });
  });

  /** Every generator that writes a stream list, as a function of the list. */
  const generators: Array<[string, (streams: unknown) => unknown]> = [
    ['buildRoomPayload', (streams) => buildRoomPayload({ roomId: 'r', streamIdList: streams as string[] })],
    [
      'generateToken04',
      (streams) =>
        generateToken04({ appId: APP_ID, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, payload: { roomId: 'r', streamIdList: streams as string[] } }),
    ],
    ['createTokenIssuer (a fixed list)', (streams) => createTokenIssuer({ appId: APP_ID, secret: SECRET, streamIdList: streams as string[] })],
  ];

  for (const [name, generate] of generators) {
    describe(name, () => {
      it('takes stream IDs in ZEGO’s set and writes them as given', () => {
        const ids = goodIds.map(([, id]) => id);
        expect(() => generate(ids)).to.not.throw();
      });

      for (const [what, id] of badIds) {
        it(`refuses a stream ID with ${what} (PAYLOAD_INVALID)`, () => {
          expectZegoError(() => generate(['ok', id]), ErrorCode.PAYLOAD_INVALID);
        });
      }

      it('refuses [] (PAYLOAD_INVALID): ZEGO reads an empty list as any stream; the message says how to deny publishing', () => {
        const error = expectZegoError(() => generate([]), ErrorCode.PAYLOAD_INVALID);
        expect(error.message).to.include('any stream').and.include('privilege: { publish: false }');
      });

      it('refuses a list that is not an array, or holds holes or non-strings (PAYLOAD_INVALID)', () => {
        // eslint-disable-next-line no-sparse-arrays
        for (const streams of ['s', { 0: 's', length: 1 }, new Set(['s']), [, 's'], ['s', 7], [['s']]]) {
          expectZegoError(() => generate(streams), ErrorCode.PAYLOAD_INVALID);
        }
      });
    });
  }

  it('the issuer writes the stream list it checked, into the token', async () => {
    const issuer = createTokenIssuer({ appId: APP_ID, secret: SECRET, streamIdList: ['cam', ZEGO_SYMBOLS] });
    const body = (await issuer.issue({ userId: 'u', roomId: 'r', request: null })).body as TokenResponseBody;
    const decoded = decodeToken(body.token, SECRET);
    expect(decoded.version === '04' && decoded.room?.streamIdList).to.deep.equal(['cam', ZEGO_SYMBOLS]);
  });
});

describe('04 payload strings', () => {
  const generate = (payload: string): string =>
    generateToken04({ appId: APP_ID, userId: 'u', secret: SECRET, effectiveTimeInSeconds: 60, payload });

  for (const [what, payload] of [
    ['a lone high surrogate', 'x\uD83D'],
    ['a lone low surrogate', '\uDE00x'],
    ['a reversed pair', '\uDE00\uD83D'],
  ] as const) {
    it(`refuses a payload with ${what} (PAYLOAD_INVALID): it has no UTF-8 form, and strict JSON readers refuse it`, () => {
      expectZegoError(() => generate(payload), ErrorCode.PAYLOAD_INVALID);
    });
  }

  it('takes any well-formed string, surrogate pairs included, and seals it unchanged', () => {
    for (const payload of ['', 'app-defined', '😀 房间', '{"custom":true}']) {
      const decoded = decodeToken(generate(payload), SECRET);
      expect(decoded.version === '04' && decoded.payload).to.equal(payload);
    }
  });
});
