// The staff side's journeys need what the public ones do not: a server of their own
// (TOTP enrolment happens once per account, a code cannot be replayed within its
// 30 s step, and the panic button seals the whole server), an authenticator app,
// and a few steps every staff journey repeats (sign in, enrol).
//
//   staffJourney('an admin does X', async ({ open, server }) => {
//     const admin = await open();                     // a Visitor on this journey's server
//     await signIn(admin, 'demo-admin');              // password, then /staff/enrol
//     await enrol(admin);                             // TOTP, recovery codes, staff home
//   });
//
// Each run starts `torchlight demo` on a fresh data directory: on SQLite, and on
// a fresh PostgreSQL database when TORCHLIGHT_TEST_PG_URL names a server (as
// scripts/test.sh does), each with JavaScript on and off.

import { spawn, execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, Visitor, artefact, slug } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The binary under test: e2e/run.sh sets TORCHLIGHT_E2E_BINARY to the one it built or was given. */
export const BINARY =
  process.env.TORCHLIGHT_E2E_BINARY ||
  join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'debug', 'torchlight');

/** Published in the README; see crates/cli/src/demo.rs. */
export const DEMO_PASSWORD = 'demo password 2026';

/**
 * The names of the demo's first organisation's cases, sorted: three recorded by
 * staff (A to C) and 28 requests (D to AE) at every stage of case work
 * (crates/cli/src/demo.rs).
 */
export const DEMO_CASES = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''),
  'AA', 'AB', 'AC', 'AD', 'AE',
].map((letters) => `${letters}. Demo (fictional)`).sort();
export const DEMO_PASSPHRASE = 'torchlight demo passphrase';

const PG_URL = process.env.TORCHLIGHT_TEST_PG_URL || '';

/** Engines the staff journeys run on: SQLite always, PostgreSQL when a server is given. */
export const ENGINES = PG_URL ? ['SQLite', 'PostgreSQL'] : ['SQLite'];

/**
 * How many staff runs of a test file go at once (a describe's `concurrency`). Each
 * run has a server, a data directory and browser contexts of its own, so they
 * share nothing but the file's Chromium. TORCHLIGHT_E2E_STAFF_CONCURRENCY=1 runs
 * them one by one (easier to read a failure's log).
 */
export const STAFF_CONCURRENCY = Math.max(1, Number(process.env.TORCHLIGHT_E2E_STAFF_CONCURRENCY) || 3);

// ---------------------------------------------------------------------------
// An authenticator app: RFC 4648 base32 and RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits).

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of clean) {
    const index = alphabet.indexOf(c);
    if (index < 0) throw new Error(`not base32: ${JSON.stringify(c)} in ${JSON.stringify(text)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code of `key` (bytes) at `unixSeconds`. */
export function totp(key, unixSeconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

// ---------------------------------------------------------------------------
// A demo server of the journey's own.

// Asynchronous, so that creating one journey's database does not stall the
// journeys running beside it.
function psql(sql) {
  return new Promise((resolve, reject) => {
    execFile('psql', [PG_URL, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], (error, _stdout, stderr) => {
      if (!error) return resolve();
      if (error.code === 'ENOENT') {
        return reject(new Error('psql is missing: the PostgreSQL journeys create their databases with it (apt-get install postgresql-client)'));
      }
      reject(new Error(`psql failed on ${JSON.stringify(sql)}: ${stderr || error.message}`));
    });
  });
}

function withDatabase(adminUrl, name) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.href;
}

/**
 * Starts `torchlight demo` on a fresh data directory (and, for PostgreSQL, a fresh
 * database), as e2e/run.sh starts the suite's server: in an empty directory,
 * configured only by its flags (and TORCHLIGHT_INSECURE_TEST_HASHING). Resolves
 * when /healthz answers.
 */
export async function startDemo(engine) {
  const dir = mkdtempSync(join(tmpdir(), 'torchlight-e2e-staff-'));
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('TORCHLIGHT_')) delete env[name];
  // Cheap Argon2id for the demo keyring and passwords (debug builds only honour it).
  env.TORCHLIGHT_INSECURE_TEST_HASHING = 'true';
  let database = null;
  if (engine === 'PostgreSQL') {
    database = `tl_e2e_${randomUUID().replace(/-/g, '')}`;
    await psql(`CREATE DATABASE ${database}`);
    env.TORCHLIGHT_DATABASE_URL = withDatabase(PG_URL, database);
  }
  const log = join(dir, 'server.log');
  const child = spawn(BINARY, ['demo', '--data-dir', join(dir, 'data'), '--listen', '127.0.0.1:0'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', openSync(log, 'w')],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const server = {
    engine,
    dir,
    log,
    baseUrl: '',
    /** Stops the server, keeps its log in `keepLogAs` if given, removes what it made. */
    async stop(keepLogAs) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (keepLogAs) copyFileSync(log, artefact('failures', keepLogAs));
      await rm(dir, { recursive: true, force: true });
      if (database) await psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`torchlight demo exited before it was ready:\n${readFileSync(log, 'utf8')}`);
      }
      const found = stdout.split('\n')[0].match(/http:\/\/[0-9.:]+/);
      if (found) {
        server.baseUrl = found[0];
        const ok = await fetch(`${server.baseUrl}/healthz`).then((r) => r.ok, () => false);
        if (ok) return server;
      }
      if (Date.now() > deadline) throw new Error(`torchlight demo was not ready within 60 s:\n${readFileSync(log, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Journeys.

/**
 * A staff journey runs once per engine (or on `engines` only), with JavaScript on
 * and off, each time on a fresh demo server. `journey` gets `open(options)`, which opens a Visitor on
 * that server (one per person), `server`, and `shots`, true for the one run that
 * takes the screenshots. On failure every visitor's page is kept as a screenshot
 * and the server's log beside it.
 */
export function staffJourney(name, journey, { javaScriptModes = [true, false], engines = ENGINES } = {}) {
  for (const engine of engines.filter((e) => ENGINES.includes(e))) {
    for (const javaScript of javaScriptModes) {
      const label = `${name} (${engine}, JavaScript ${javaScript ? 'on' : 'off'})`;
      test(label, async () => {
        const server = await startDemo(engine);
        const visitors = [];
        const open = async (options = {}) => {
          const visitor = await Visitor.open({ ...options, javaScript, baseUrl: server.baseUrl });
          visitors.push(visitor);
          return visitor;
        };
        let failed = false;
        try {
          await journey({ open, server, shots: engine === 'SQLite' && !javaScript });
        } catch (error) {
          failed = true;
          for (const [i, visitor] of visitors.entries()) {
            await visitor.page
              .screenshot({ path: artefact('failures', `${slug(label)}-${i + 1}.png`), fullPage: true })
              .catch(() => {});
          }
          throw error;
        } finally {
          for (const visitor of visitors) await visitor.close().catch(() => {});
          await server.stop(failed ? `${slug(label)}.server.log` : undefined);
        }
      });
    }
  }
  if (!PG_URL) {
    // Said out loud, not skipped quietly: the PostgreSQL half needs a server.
    test(`${name} (PostgreSQL)`, { skip: 'TORCHLIGHT_TEST_PG_URL is not set (scripts/test.sh sets it)' }, () => {});
  }
}

/** Text of the first element matching `selector`, trimmed. */
export async function text(page, selector) {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/**
 * Signs in with username and password and lands on `expected` (the enrol page for
 * a demo account's first sign-in).
 */
export async function signIn(visitor, username, password = DEMO_PASSWORD, expected = '/staff/enrol') {
  const page = await visitor.visit('/staff/login');
  assert.equal(await text(page, 'h1'), 'Staff sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await visitor.follow(expected, () => page.getByRole('button', { name: 'Sign in' }).click());
  return page;
}

/**
 * On the enrol page: reads the key as a person types it into an authenticator app,
 * enters the app's code, checks the 10 recovery codes, and goes on to the staff
 * home. Returns the recovery codes. `shot`, if given, is called on the enrol page.
 */
export async function enrol(visitor, { displayName, shot } = {}) {
  const page = visitor.page;
  assert.equal(new URL(page.url()).pathname, '/staff/enrol');
  assert.equal(await text(page, 'h1'), 'Set up your authenticator app');
  const secret = await text(page, '#totp-secret');
  assert.match(secret, /^[A-Z2-7]{16,}$/, 'the key is shown in base32 for typing by hand');
  assert.equal(await page.locator('figure.qr svg').count(), 1, 'the QR code is an inline SVG');
  if (shot) await shot(page);
  // No waiting for a fresh step: the server also accepts the previous step's code,
  // so a code made in the last second of its step stays good for 30 s more, and
  // enrolment is the account's first code (no earlier step to be later than).
  await page.getByLabel('Code').fill(totp(base32Decode(secret)));
  await visitor.follow('/staff/enrol', () => page.getByRole('button', { name: 'Confirm' }).click());

  assert.equal(await text(page, 'h1'), 'Your recovery codes');
  const codes = (await page.locator('#recovery-codes li').allTextContents()).map((c) => c.trim());
  assert.equal(codes.length, 10, `10 recovery codes: ${JSON.stringify(codes)}`);
  assert.equal(new Set(codes).size, 10, 'the recovery codes differ');
  for (const code of codes) assert.match(code, /^([a-z2-7]{4}-){3}[a-z2-7]{4}$/i, 'a recovery code is 16 base32 characters in groups of four');

  await visitor.follow('/staff', () => page.getByRole('link', { name: 'I have written them down' }).click());
  if (displayName) assert.equal(await text(page, 'h1'), `Welcome, ${displayName}`);
  return codes;
}

/** The staff navigation in the page header. */
export function staffNav(page) {
  return page.getByRole('navigation', { name: 'Staff' });
}

/** Signs out with the header's button and lands on the login page. */
export async function signOut(visitor) {
  const page = visitor.page;
  await visitor.follow('/staff/login', () => page.getByRole('button', { name: 'Sign out', exact: true }).click());
  assert.equal(await text(page, 'h1'), 'Staff sign-in');
}

/**
 * Screenshots of the page now shown at 360 and 1280 px into
 * artefacts/screenshots/NAME-WIDTH.png, checking that nothing scrolls sideways at
 * 360 px (unless `fits` is false: a known overflow, asserted by a todo test
 * instead). The viewport is put back afterwards.
 */
export async function screenshots(page, name, { fits = true } = {}) {
  const before = page.viewportSize();
  try {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (fits) assert.ok(scrollWidth <= width, `${name} (${page.url()}) is ${scrollWidth} px wide at ${width} px`);
      const file = artefact('screenshots', `${slug(name)}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot: ${file}`);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}
