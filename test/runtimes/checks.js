/**
 * The checks the runtime matrix runs in every runtime (test/runtimes/run.mjs). A plain script with no import or
 * export, so each runtime can load it its own way (an ES module in Node, Bun, Deno and workerd, a script in the edge
 * runtime's context): it defines globalThis.runZegoChecks({ web, node, vectors, fetch }), which answers
 * [{ name, ok, detail? }]. `node` is @zego-token/core where node:crypto exists, else undefined; `web` is
 * @zego-token/core/web, run everywhere; `fetch` is { zegoToken, runFetchContract }: @zego-token/fetch as the runtime
 * resolves it (its Web Crypto build, by export conditions, where node:crypto is absent) and the handler's contract
 * table (fetch-contract.ts, shared with the fetch adapter's tests).
 */
globalThis.runZegoChecks = async function runZegoChecks({ web, node, vectors, fetch }) {
  const SECRET = '0123456789abcdef0123456789abcdef';
  const results = [];
  async function check(name, body) {
    try {
      await body();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, detail: String(error && error.stack ? error.stack : error) });
    }
  }
  function assert(condition, message) {
    if (!condition) throw new Error(message);
  }
  async function rejectsWith(promise, code) {
    try {
      await promise;
    } catch (error) {
      assert(error instanceof web.ZegoTokenError && error.code === code, `expected code ${code}, got ${String(error)}`);
      return;
    }
    throw new Error(`expected a rejection with code ${code}`);
  }

  const kinds = [
    { name: '04-GCM', generate: 'generateToken04', options: { appId: 1234567890, userId: 'alice', secret: SECRET, effectiveTimeInSeconds: 600, payload: { roomId: 'lobby_#1', privilege: { publish: false } } }, expect: { version: '04', mode: 'gcm' } },
    { name: '04-CBC', generate: 'generateToken04', options: { appId: 7, userId: 'ユーザー', secret: SECRET, effectiveTimeInSeconds: 600, mode: 'cbc' }, expect: { version: '04', mode: 'cbc' } },
    { name: '03', generate: 'generateToken03', options: { appId: 42, roomId: 'demo', userId: 'demo', secret: SECRET, effectiveTimeInSeconds: 600 }, expect: { version: '03', mode: 'cbc' } },
  ];
  function assertClaims(claims, kind, path) {
    assert(claims.version === kind.expect.version && claims.mode === kind.expect.mode, `${path}: version/mode ${claims.version}/${claims.mode}`);
    assert(claims.appId === kind.options.appId && claims.userId === kind.options.userId, `${path}: app or user differs`);
    assert(claims.expireTime - claims.createTime === 600, `${path}: lifetime differs`);
    if (kind.options.payload) assert(claims.room && claims.room.roomId === 'lobby_#1' && claims.room.privilege.publish === false, `${path}: room differs`);
    if (kind.options.roomId) assert(claims.roomId === kind.options.roomId, `${path}: 03 room differs`);
  }

  for (const kind of kinds) {
    await check(`web round trip ${kind.name}`, async () => {
      const token = await web[kind.generate](kind.options);
      assert(token.startsWith(kind.expect.version), 'version prefix');
      assertClaims(await web.decodeToken(token, SECRET), kind, 'web → web');
      assertClaims(await web.verifyToken(token, SECRET, { appId: kind.options.appId, userId: kind.options.userId }), kind, 'web verify');
    });
    if (node) {
      await check(`node round trip ${kind.name}, and across paths`, async () => {
        const fromNode = node[kind.generate](kind.options);
        assertClaims(node.decodeToken(fromNode, SECRET), kind, 'node → node');
        assertClaims(await web.decodeToken(fromNode, SECRET), kind, 'node → web');
        const fromWeb = await web[kind.generate](kind.options);
        assertClaims(node.decodeToken(fromWeb, SECRET), kind, 'web → node');
      });
    }
  }

  await check('reference vectors decode to their expected claims', async () => {
    assert(vectors.length >= 39, `only ${vectors.length} vectors`);
    for (const vector of vectors) {
      const decoders = [['web', (t, s) => web.decodeToken(t, s)]];
      if (node) decoders.push(['node', (t, s) => node.decodeToken(t, s)]);
      for (const [path, decode] of decoders) {
        const claims = await decode(vector.token, vector.secret);
        const e = vector.expected;
        for (const key of ['version', 'appId', 'userId', 'createTime', 'expireTime', 'nonce']) {
          assert(claims[key] === e[key], `${path} ${vector.id}: ${key}`);
        }
        assert(claims.mode === (e.mode || 'cbc'), `${path} ${vector.id}: mode`);
      }
    }
  });

  await check('wrong secret, altered and malformed tokens are refused (codes 9, 8, 5)', async () => {
    const token = await web.generateToken04(kinds[0].options);
    await rejectsWith(web.decodeToken(token, 'fedcba9876543210fedcba9876543210'), web.ErrorCode.TOKEN_DECRYPTION_FAILED);
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    await rejectsWith(web.decodeToken(flipped, SECRET), web.ErrorCode.TOKEN_DECRYPTION_FAILED);
    await rejectsWith(web.decodeToken(`${token} `, SECRET), web.ErrorCode.TOKEN_MALFORMED);
    await rejectsWith(web.generateToken04({ ...kinds[0].options, secret: 'short' }), web.ErrorCode.SECRET_INVALID);
  });

  await check('the doctor: a good token, a damaged one, and one keyed with MD5 of the secret (Web Crypto has no MD5)', async () => {
    const token = await web.generateToken04(kinds[0].options);
    const good = await web.diagnoseToken(token, { secret: SECRET, appId: 1234567890, userId: 'alice', roomId: 'lobby_#1' });
    assert(good.ok === true && good.token && good.token.userId === 'alice', `good: ${JSON.stringify(good.findings)}`);
    const damaged = await web.diagnoseToken(token.replace(/\+/g, ' ').slice(0, 60), { secret: SECRET });
    assert(damaged.ok === false && damaged.findings.some((f) => f.code === 'truncated'), `damaged: ${JSON.stringify(damaged.findings)}`);
    // A GCM token for app 7 keyed with MD5 of SECRET (AES-128), made with test/support/format-decoder.ts's sealRawToken.
    const md5Keyed =
      '04AAAAAHE/wRAADAcHBwcHBwcHBwcHBwBvL1oEoEbeTsCUa6chvY8LlJq4crJLkeQ+rzMpskeNFbSXg1RwNbNosgM2VRB4DdzYdYmSF3Rc3BcoVJ5Cf4ID7+XZ1aSfw1Mq/U0GSni2VZbosI7bsNyindfhErfx2zwPYWtSnd28rycSVqgFix7IAQ==';
    const derived = await web.diagnoseToken(md5Keyed, { secret: SECRET, now: 1_900_000_000 });
    assert(derived.findings.some((f) => f.code === 'wrong_key_derivation' && /MD5/.test(f.message)), `md5: ${JSON.stringify(derived.findings)}`);
  });

  await check('issuer: 200 with a token that decodes, no-store', async () => {
    const issuer = web.createTokenIssuer({ appId: 1234567890, secret: SECRET });
    const response = await issuer.issue({ userId: 'alice', roomId: 'lobby', request: null });
    assert(response.status === 200 && response.headers['cache-control'] === 'no-store', `status ${response.status}`);
    const claims = await web.decodeToken(response.body.token, SECRET);
    assert(claims.userId === 'alice' && claims.room.roomId === 'lobby' && claims.expireTime === response.body.expiresAt, 'token claims');
  });
  await check('issuer: 401, 400, 403, as the HTTP contract says', async () => {
    const issuer = web.createTokenIssuer({ appId: 1, secret: SECRET, privilege: ({ roomId }) => roomId !== 'closed' && {} });
    const answer = (userId, roomId) => issuer.issue({ userId, roomId, request: null });
    const statuses = [await answer(null, 'lobby'), await answer('alice', 'lobby 1'), await answer('alice', 'closed')].map((r) => r.status);
    assert(statuses.join() === '401,400,403', `statuses ${statuses.join()}`);
  });
  // The fetch handler's contract table (200, 401, 400, 403, identity route, 404, 405, no-store, a Worker's env),
  // with tokens decoded by the web path.
  const contract = await fetch.runFetchContract({ zegoToken: fetch.zegoToken, decodeToken: web.decodeToken });
  if (contract.length < 10) results.push({ name: 'fetch: the contract table', ok: false, detail: `only ${contract.length} checks` });
  for (const { name, error } of contract) results.push(error === undefined ? { name: `fetch: ${name}`, ok: true } : { name: `fetch: ${name}`, ok: false, detail: error });
  return results;
};
