// What the browser tests share: the binary, a free port, waiting for a server, and Debian's
// chromium started for a test run.
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const BIN = process.env.PARAGRAF_BIN || join(process.env.CARGO_TARGET_DIR || '../target', 'debug', 'paragraf');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// On PostgreSQL when PARAGRAF_TEST_POSTGRES names a server (scripts/test runs the browser
// tests a second time so): the environment for the `init` or `demo` that makes the
// installation in `dir`, in a schema of its own named after the directory. The installation
// remembers it in its paragraf.toml, so later commands on `dir` need nothing.
export function dbEnv(dir) {
  const url = process.env.PARAGRAF_TEST_POSTGRES;
  if (!url) return {};
  const schema = 'e2e_' + createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  return { PARAGRAF_DATABASE_URL: url, PARAGRAF_DATABASE_SCHEMA: schema };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check'],
  });
}
