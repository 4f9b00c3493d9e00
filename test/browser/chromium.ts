/**
 * Debian's Chromium (`CHROMIUM=/path/to/chromium` for another build), driven by playwright-core with no browser
 * download, as both browser tests launch it: headless, offline by construction (no host name resolves but the
 * test's 127.0.0.1), in a throw-away profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** Options for the context, passed on to Playwright (a viewport, a colour scheme). */
export type ChromiumOptions = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'executablePath' | 'args'>;

/** A browser context in a new profile; `close` ends the browser and deletes the profile. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'zego-token-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    ...options,
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Offline by construction: every host name but the test's fails to resolve (ZEGO's servers included).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // UIKit asks for a camera and a microphone (left off when joining): fake ones, and no permission prompt.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}
