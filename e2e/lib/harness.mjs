// Shared machinery of the browser journeys: one Chromium per test file, a
// `Visitor` per journey, and the checks every page a journey visits must pass
// (no third-party request, a transfer budget, no serious axe violation).
//
// A journey is a few lines:
//
//   publicJourney('a defender does X', async (visitor) => {
//     const page = await visitor.visit('/');          // goto + page checks
//     await visitor.follow('/x', () =>                 // act, wait, page checks
//       page.getByRole('link', { name: 'X' }).click());
//   });

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const E2E_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

function requiredEnv(name) {
  const value = process.env[name];
  // Never skip quietly: a suite without a server is a broken run, not an empty one.
  if (!value) throw new Error(`${name} is not set; run the suite through e2e/run.sh`);
  return value;
}

export const BASE_URL = requiredEnv('TORCHLIGHT_E2E_URL').replace(/\/+$/, '');
export const ORIGIN = new URL(BASE_URL).origin;
export const ARTEFACTS = process.env.TORCHLIGHT_E2E_ARTEFACTS || join(E2E_DIR, 'artefacts');
export const CHROMIUM = process.env.TORCHLIGHT_E2E_CHROMIUM || '/usr/bin/chromium';

/** The budget for a public page on a slow connection. */
export const PAGE_BUDGET_BYTES = 100 * 1024;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_BLOCKING = new Set(['serious', 'critical']);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `path` on the suite's server, or on the server at `base` (a URL without trailing slash). */
export function url(path, base = BASE_URL) {
  return new URL(path, base + '/').href;
}

export function artefact(...parts) {
  const path = join(ARTEFACTS, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** The launch of the file's Chromium (a promise), once started. */
let launched;

/**
 * The file's Chromium, started on first use and closed after the file's tests.
 * The launch itself is shared: journeys running side by side that ask at once
 * get the same browser, not one each (an extra one would never be closed, and
 * would keep the file's process from exiting).
 */
export function getBrowser() {
  if (!launched) {
    launched = chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright gives each launch a fresh temporary --user-data-dir of its own.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }
  return launched;
}

after(async () => {
  // A launch that failed has failed the journeys that asked for it already.
  const browser = await launched?.catch(() => null);
  if (browser) await browser.close();
});

/**
 * The axe pages of the file: idle ones wait here for the next check. They live
 * in one context of their own with axe as its init script, so every document
 * loaded there gets axe before its own scripts, and a page's renderer compiles
 * axe once, not on every check. A fresh context, page and script tag per check
 * cost about three times as much. There are as many as there were checks at once
 * (one per journey running); the snapshot is all a check leaves in its page, and
 * the next check replaces the document. The server's pages keep nothing in
 * storage, and the snapshots are answered by the route, so no check sees another's
 * cookies.
 */
const idleAxePages = [];
/** The snapshot each axe page answers its document request with. */
const axeSnapshots = new WeakMap();
let axeContext;

async function takeAxePage() {
  const idle = idleAxePages.pop();
  if (idle) return idle;
  axeContext ??= (async () => {
    const context = await (await getBrowser()).newContext({ bypassCSP: true, javaScriptEnabled: true });
    await context.addInitScript({ content: AXE_SOURCE });
    return context;
  })();
  const page = await (await axeContext).newPage();
  // Requests carry no #fragment: the snapshot's URL is matched without it.
  await page.route(
    (u) => axeSnapshots.has(page) && u.href === withoutFragment(axeSnapshots.get(page).url),
    (route) => {
      const snapshot = axeSnapshots.get(page);
      return snapshot && route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: snapshot.html })
        : route.continue();
    },
  );
  return page;
}

/** A page whose check broke off (a timeout, a crash) is closed, not reused. */
async function giveBackAxePage(page, reusable) {
  axeSnapshots.delete(page);
  if (reusable && !page.isClosed()) idleAxePages.push(page);
  else await page.close().catch(() => {});
}

/**
 * One person's browser session. Every request of every page is recorded, so the
 * page checks can see third-party requests and count the bytes of each page.
 */
export class Visitor {
  /**
   * `baseUrl`: the server this visitor talks to (default: the suite's server from
   * TORCHLIGHT_E2E_URL); its origin is the only one pages may request from.
   */
  static async open({
    javaScript = true,
    width = 1280,
    height = 800,
    budget = PAGE_BUDGET_BYTES,
    baseUrl = BASE_URL,
  } = {}) {
    const b = await getBrowser();
    const context = await b.newContext({
      javaScriptEnabled: javaScript,
      viewport: { width, height },
    });
    const visitor = new Visitor(context, await context.newPage(), { javaScript, budget, baseUrl });
    return visitor;
  }

  constructor(context, page, { javaScript, budget, baseUrl = BASE_URL }) {
    this.context = context;
    this.page = page;
    this.javaScript = javaScript;
    this.budget = budget;
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
    /** Every request the context made, in order, for the third-party check. */
    this.requests = [];
    /** Requests of the page now shown: a new top-level navigation starts afresh. */
    this.current = [];
    /** One entry per checked page: { url, status, bytes, requests }. */
    this.pages = [];
    context.on('request', (request) => {
      this.requests.push(request);
      const newPage =
        request.isNavigationRequest() &&
        request.frame() === page.mainFrame() &&
        !request.redirectedFrom();
      if (newPage) this.current = [];
      this.current.push(request);
    });
  }

  /** Opens a path (or URL) and runs the page checks. Returns the page. */
  async visit(path, { status = 200 } = {}) {
    const response = await this.page.goto(url(path, this.baseUrl), { waitUntil: 'load' });
    assert.ok(response, `no response for ${path}`);
    await this.checkPage({ status: response.status(), expectedStatus: status });
    return this.page;
  }

  /**
   * Runs `action` (a click, a key press) that leads to another page, waits until
   * the page at `path` has loaded, then runs the page checks. `path` is a string
   * the URL's path must equal, a RegExp tested on path and query, or a predicate
   * on the URL. Returns the page.
   */
  async follow(path, action, { status = 200 } = {}) {
    const mainFrame = this.page.mainFrame();
    const started = this.page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === mainFrame);
    // A form posted to its own URL (or a redirect back to it) leaves the URL as it
    // was: only the new document's commit tells that the old page is gone, so the
    // checks never run on the page the action left.
    const committed = this.page.waitForEvent('framenavigated', { predicate: (f) => f === mainFrame });
    await action();
    await started;
    await committed;
    const matches =
      typeof path === 'string' ? (u) => u.pathname === path
      : path instanceof RegExp ? (u) => path.test(u.pathname + u.search)
      : path;
    await this.page.waitForURL(matches, { waitUntil: 'load' });
    const navigations = this.current.filter((r) => r.isNavigationRequest() && r.frame() === mainFrame);
    const response = navigations.length > 0 ? await navigations.at(-1).response() : null;
    assert.ok(response, `no response for ${this.page.url()}`);
    await this.checkPage({ status: response.status(), expectedStatus: status });
    return this.page;
  }

  /** The checks every page must pass, whatever the journey. */
  async checkPage({ status, expectedStatus }) {
    const pageUrl = this.page.url();
    assert.equal(status, expectedStatus, `${pageUrl} answered ${status}`);
    this.assertNoThirdParty();
    const requests = [...this.current];
    const bytes = await transferBytes(requests);
    assert.ok(
      bytes <= this.budget,
      `${pageUrl} transferred ${bytes} bytes, over the budget of ${this.budget}`,
    );
    await this.assertAccessible(pageUrl);
    this.pages.push({ url: pageUrl, status, bytes, requests: requests.length });
  }

  assertNoThirdParty() {
    const foreign = this.requests
      .map((r) => r.url())
      .filter((u) => !u.startsWith('data:') && new URL(u).origin !== this.origin);
    assert.deepEqual(foreign, [], `requests to origins other than ${this.origin}`);
  }

  /** No serious or critical axe violation on the page this visitor was shown (see runAxe). */
  async assertAccessible(pageUrl) {
    const html = await this.page.content();
    const key = axeKey(html);
    // The analysis is shared while it runs: journeys going side by side reach the
    // same pages at about the same time.
    let verdict = axeVerdicts.get(key);
    if (!verdict) {
      verdict = runAxe(pageUrl, html);
      axeVerdicts.set(key, verdict);
      // A check that broke off is no verdict: the next visit tries again.
      verdict.catch(() => axeVerdicts.delete(key));
    }
    const violations = await verdict;
    const blocking = violations.filter((v) => AXE_BLOCKING.has(v.impact));
    const lesser = violations.filter((v) => !AXE_BLOCKING.has(v.impact));
    for (const v of lesser) console.log(`axe (${v.impact}) ${pageUrl}: ${v.id}: ${v.help}`);
    assert.deepEqual(
      blocking.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `accessibility violations on ${pageUrl}`,
    );
  }

  async close() {
    await this.context.close();
  }
}

/**
 * What axe found on each page of the file, by the page's HTML with its tokens and
 * numbers blanked (`axeKey`). A journey sees the same page on both engines and
 * with JavaScript on and off, differing only in ids, tokens, secrets and times,
 * none of which an accessibility rule reads; each such page is analysed once, and
 * its violations (kept, not only a pass) are asserted on every visit. Holds the
 * analyses as promises.
 */
const axeVerdicts = new Map();

/**
 * `html` with SVG path data, hidden fields' values, codenames, UUIDs, tokens (16
 * or more URL-safe or base64 characters) and digits blanked: a QR code's drawing,
 * like a secret, is no matter for an accessibility rule (its role and label stay
 * in the key). A codename (seven words, `class="codename"` where it is shown, a
 * hidden field where a form carries it on) is the one thing that tells apart two
 * defenders' receipts and status pages.
 */
export function axeKey(html) {
  return html
    .replace(/ d="[^"]*"/g, ' d=""')
    .replace(/(<input type="hidden"[^>]* value=")[^"]*"/g, '$1"')
    .replace(/(<[a-z]+ class="codename"[^>]*>)[^<]*/g, '$1')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'U')
    .replace(/[A-Za-z0-9_+/=-]{16,}/g, 'T')
    .replace(/[0-9]+/g, '0');
}

/**
 * axe-core runs in a separate JavaScript-enabled context that bypasses the
 * server's CSP (which rightly forbids injected scripts), on the very HTML the
 * visitor was shown: the same URL, answered with a snapshot of the page. The
 * snapshot also covers pages no second GET can reproduce (a POST's answer). The
 * axe pages are the file's (see takeAxePage): each check loads its snapshot as a
 * new document in one that no other check is using.
 */
async function runAxe(pageUrl, html) {
  const page = await takeAxePage();
  let reusable = false;
  try {
    axeSnapshots.set(page, { url: pageUrl, html });
    // Only a URL that differs from the page's last one by its #fragment alone
    // would be a same-document move (no new document): that one goes by way of
    // about:blank.
    if (new URL(pageUrl).hash && withoutFragment(page.url()) === withoutFragment(pageUrl)) {
      await page.goto('about:blank');
    }
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    assert.ok(response, `the axe page loaded no new document for ${pageUrl}`);
    // Only violations are read: resultTypes spares axe the selectors of every
    // node that passed (same rules, same violations, about a fifth faster).
    const violations = await page.evaluate(
      async (tags) =>
        (await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations,
      AXE_TAGS,
    );
    // axe has answered: the page is in a known state and can serve the next check.
    reusable = true;
    return violations;
  } finally {
    await giveBackAxePage(page, reusable);
  }
}

/** Bytes on the wire (headers and body as sent) of the given requests. */
export async function transferBytes(requests) {
  let total = 0;
  for (const request of requests) {
    const response = await request.response();
    if (!response) continue;
    await response.finished();
    const sizes = await request.sizes();
    total += sizes.responseHeadersSize + sizes.responseBodySize;
  }
  return total;
}

function withoutFragment(href) {
  const u = new URL(href);
  u.hash = '';
  return u.href;
}

/** File-name-safe form of a test's name. */
export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * A public journey runs twice: with JavaScript enabled and disabled (Tor Browser's
 * safest level), or only in the `javaScriptModes` given. On failure the page is
 * kept as a screenshot in the artefacts.
 */
export function publicJourney(name, journey, { javaScriptModes = [true, false], ...options } = {}) {
  for (const javaScript of javaScriptModes) {
    const label = `${name} (JavaScript ${javaScript ? 'on' : 'off'})`;
    test(label, async () => {
      const visitor = await Visitor.open({ ...options, javaScript });
      try {
        await journey(visitor);
      } catch (error) {
        await visitor.page
          .screenshot({ path: artefact('failures', `${slug(label)}.png`), fullPage: true })
          .catch(() => {});
        throw error;
      } finally {
        await visitor.close();
      }
    });
  }
}

export { before, after, test, describe, assert };
