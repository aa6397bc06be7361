// A caseworker adds a security key and then signs in with it instead of a code.
// Chromium's virtual authenticator (DevTools protocol) stands in for the key. The
// browser API needs script, so this journey runs with JavaScript on only; with it
// off, the same pages must still offer the code (checked at the end).
//
// WebAuthn binds a key to the site's host name and refuses bare IP addresses, so
// the journey opens the demo at http://localhost:PORT, the origin the server
// derives for a loopback address.

import { test, describe, assert, Visitor } from '../lib/harness.mjs';
import { ENGINES, STAFF_CONCURRENCY, startDemo, signIn, enrol, signOut, text, DEMO_PASSWORD, DEMO_CASES } from '../lib/staff.mjs';

// One server per engine: the engines' runs go side by side.
describe('security keys', { concurrency: STAFF_CONCURRENCY }, () => {
  for (const engine of ENGINES) {
    test(`a caseworker signs in with a security key (${engine})`, async () => {
      const server = await startDemo(engine);
      const baseUrl = server.baseUrl.replace('127.0.0.1', 'localhost');
      const visitor = await Visitor.open({ javaScript: true, baseUrl });
      let failed = false;
      try {
        const cdp = await visitor.context.newCDPSession(visitor.page);
        await cdp.send('WebAuthn.enable');
        const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
          options: {
            protocol: 'ctap2',
            transport: 'usb',
            hasResidentKey: true,
            hasUserVerification: true,
            isUserVerified: true,
            automaticPresenceSimulation: true,
          },
        });

        await signIn(visitor, 'demo-caseworker');
        const recoveryCodes = await enrol(visitor, { displayName: 'Demo Caseworker' });

        let page = visitor.page;
        await visitor.follow('/staff/security-keys', () =>
          page.getByRole('link', { name: 'Security keys and passkeys' }).click(),
        );
        assert.equal(await text(page, 'h1'), 'Security keys and passkeys');
        const policy = (await page.request.get(page.url())).headers()['content-security-policy'];
        assert.match(policy, /script-src 'self'/, 'the key page allows its own script');
        // Adding a key needs the password and a second factor again (a recovery
        // code here: the authenticator's code of this step was spent at enrolment).
        assert.equal(await text(page, '#step-up-heading'), 'Confirm it is you');
        await page.getByLabel('Current password').fill(DEMO_PASSWORD);
        await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]);
        await visitor.follow('/staff/security-keys', () =>
          page.getByRole('button', { name: 'Confirm' }).click(),
        );
        await page.getByLabel('Name of the key').fill('blue key');
        await visitor.follow('/staff/security-keys', () =>
          page.getByRole('button', { name: 'Add a security key' }).click(),
        );
        assert.equal(await page.locator('table.keys tbody tr').count(), 1, 'the key is listed');
        assert.equal(await text(page, 'table.keys td'), 'blue key');
        const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        assert.equal(credentials.length, 1, 'the authenticator holds one credential for the site');

        await signOut(visitor);
        page = await signIn(visitor, 'demo-caseworker', DEMO_PASSWORD, '/staff/verify');
        await visitor.follow('/staff', () => page.getByRole('button', { name: 'Use my security key' }).click());
        assert.equal(await text(page, 'h1'), 'Welcome, Demo Caseworker');
        await visitor.visit('/staff/cases');
        // The demo's three cases and its four requests.
        assert.equal(await page.locator('table.cases tbody tr').count(), DEMO_CASES.length, 'the key opened the cases');

        // Without script the sign-in page still takes a code, and offers no dead button.
        const noScript = await Visitor.open({ javaScript: false, baseUrl });
        try {
          const p = await signIn(noScript, 'demo-caseworker', DEMO_PASSWORD, '/staff/verify');
          assert.ok(await p.getByLabel('Code').isVisible(), 'the code field is there');
          assert.equal(
            await p.getByRole('button', { name: 'Use my security key' }).count(),
            0,
            'no visible key button without script',
          );
        } finally {
          await noScript.close();
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        await visitor.close().catch(() => {});
        await server.stop(failed ? `security-key-${engine}.server.log` : undefined);
      }
    });
  }
});
