// A caseworker's day and the defender's side of it, in English and in Russian:
// the defender asks for a lawyer and digital security; the caseworker finds the
// request, takes it, assesses the risk, refuses one need with a reason and
// grants the other, records the support, writes and closes the case; the
// defender reads both decisions (the refusal with its reason and other services
// for that need) and the message, replies and reports a new risk; the case
// reopens and its follow-up is due.
//
// Controls are found by id, name and value, never by their labels, so the
// journey reads the same in every language. The caseworker chooses Russian on
// the staff home (the account's preference); the defender's pages carry /ru.

import { describe, assert } from '../lib/harness.mjs';
import { staffJourney, signIn, enrol, text, screenshots, STAFF_CONCURRENCY } from '../lib/staff.mjs';

/** The demo's first organisation: demo-caseworker works there (crates/cli/src/demo.rs). */
const CLINIC = "Ararat Defenders' Legal Clinic";
const CLINIC_ID = '46547cc2-2801-5942-a3f0-bf8fcf1ce921';

const LANGUAGES = [
  { lang: 'en', prefix: '', javaScriptModes: [true, false] },
  // JavaScript off, as Tor Browser at its safest: the case that matters.
  { lang: 'ru', prefix: '/ru', javaScriptModes: [false] },
];

/** Sends the defender's request to the clinic and returns the codename. */
async function ask(defender, { prefix }, name) {
  const page = await defender.visit(`${prefix}/request`);
  const form = page.locator('form.request');
  await form.locator('select[name="country"]').selectOption('AM');
  await form.locator('input[name="urgency"][value="threat_to_life"]').check();
  for (const need of ['legal', 'digital_security']) await form.locator(`input[name="needs"][value="${need}"]`).check();
  await form.locator('textarea[name="narrative"]').fill('Summoned twice; my phone was taken at the border.');
  await form.locator('select[name="risks.0.type"]').selectOption('threat_to_life');
  await form.locator('input[name="risks.0.affects"][value="defender"]').check();
  await form.locator('select[name="send_to"]').selectOption(CLINIC_ID);
  await form.locator('details.more > summary').click();
  await form.locator('input[name="name"]').fill(name);
  await defender.follow(`${prefix}/request`, () => form.locator('button[type="submit"]').click(), { status: 201 });
  return text(page, '#codename');
}

/** Looks the request up on the status page. */
async function lookUp(defender, { prefix }, codename) {
  const page = await defender.visit(`${prefix}/status`);
  await page.locator('#status-codename').fill(codename);
  await defender.follow(`${prefix}/status`, () =>
    page.locator(`form[action="${prefix}/status"] button[type="submit"]`).click());
  return page;
}

/** Submits a form of the case page and lands back on the case, at `done`. */
async function send(caseworker, form, done) {
  await caseworker.follow(new RegExp(`^/staff/cases/[0-9a-f-]{36}\\?done=${done}$`), () =>
    form.locator('button[type="submit"]').first().click());
}

describe('case work', { concurrency: STAFF_CONCURRENCY }, () => {
  for (const language of LANGUAGES) {
    const { lang, prefix } = language;
    staffJourney(`a caseworker triages, assesses, decides and writes; the defender reads and reports (${lang})`, async ({ open, shots }) => {
      const defender = await open();
      const name = `D. Journey ${Date.now()} (fictional)`;
      const codename = await ask(defender, language, name);

      const caseworker = await open();
      const page = caseworker.page;
      await signIn(caseworker, 'demo-caseworker');
      await enrol(caseworker, { displayName: 'Demo Caseworker' });
      if (lang !== 'en') {
        // The account's language: every staff page in it from now on.
        await page.locator('#staff-locale').selectOption(lang);
        await caseworker.follow('/staff', () => page.locator('#language-form button[type="submit"]').click());
        assert.equal(await page.locator('html').getAttribute('lang'), lang, 'the staff home follows the choice');
      }

      // The queue: counted, unnamed; the request found by its name among the new.
      await caseworker.visit('/staff/triage');
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.ok(Number(await text(page, '#triage-total td')) >= 1, 'the queue counts the request');
      assert.ok(!(await page.content()).includes(name), 'the queue shows no names');
      if (shots) await screenshots(page, `staff-triage-${lang}`);
      await caseworker.visit('/staff/requests');
      await caseworker.follow(/^\/staff\/cases\/[0-9a-f-]{36}$/, () =>
        page.locator('table#new-requests a', { hasText: name }).click());
      const casePath = new URL(page.url()).pathname;

      // Taken: to me, out of "new".
      const me = page.locator('#assignee option', { hasText: 'Demo Caseworker' });
      await page.locator('#assignee').selectOption(await me.getAttribute('value'));
      await send(caseworker, page.locator('#assign-form'), 'assigned');
      assert.equal(await text(page, '#case-assignee'), 'Demo Caseworker');
      await send(caseworker, page.locator('#status-form:has(button[value="open"])'), 'status');
      assert.equal(await page.locator('#case-status').getAttribute('data-status'), 'open');

      // Assessed: high threats and vulnerabilities, little capacity.
      await caseworker.follow(`${casePath}/assess`, () => page.locator('#assess-link').click());
      for (const radio of await page.locator('#assess-form input[type="radio"]').all()) {
        const field = await radio.getAttribute('name');
        const value = await radio.getAttribute('value');
        if (value === (field.startsWith('capacity_') ? '1' : '3')) await radio.check();
      }
      await page.locator('#assess-note').fill('Border seizure; the family is watched.');
      await send(caseworker, page.locator('#assess-form'), 'assessed');
      assert.equal(await page.locator('#assessments > li').count(), 1, 'the assessment is kept');
      assert.equal(await page.locator('#assessments strong.risk-critical').count(), 1, 'critical');
      assert.match(await text(page, '#assessments > li > p:nth-of-type(2)'), /3[.,]00 .* 1[.,]00/, 'the reasoning shows');

      // Digital security refused with a reason, the lawyer granted.
      const digital = page.locator('#decide-defender-digital_security form');
      await digital.locator('input[name="outcome"][value="refused"]').check();
      await digital.locator('select[name="reason"]').selectOption('lack_of_resources');
      await digital.locator('textarea[name="explanation"]').fill('Our only technologist is away until January.');
      await send(caseworker, digital, 'decided');
      const legal = page.locator('#decide-defender-legal form');
      await legal.locator('input[name="outcome"][value="granted"]').check();
      await send(caseworker, legal, 'decided');
      assert.equal(await page.locator('#decisions p.decision-refused').count(), 1);
      assert.equal(await page.locator('#decisions p.decision-granted').count(), 1);

      // The support given: a lawyer's fee, no receipt.
      await page.locator('#support summary').click();
      const support = page.locator('#support-form');
      await support.locator('#support-type').selectOption('legal');
      await support.locator('#support-amount').fill('60000');
      await support.locator('#support-currency').fill('AMD');
      await support.locator('#support-from').fill('2026-12-02');
      await support.locator('#support-provider').fill(CLINIC);
      await send(caseworker, support, 'support');
      assert.match(await page.locator('#support-records').innerText(), /60000 AMD/);

      const message = 'A lawyer will call you today from a number ending in 42.';
      await page.locator('#message-text').fill(message);
      await send(caseworker, page.locator('#message-form'), 'message');
      if (shots) await screenshots(page, `staff-case-work-${lang}`);
      await send(caseworker, page.locator('#status-form:has(button[value="closed"])'), 'status');
      assert.equal(await page.locator('#case-status').getAttribute('data-status'), 'closed');

      // The defender reads both decisions, the reason and where else to turn.
      const status = await lookUp(defender, language, codename);
      assert.equal(await status.locator('html').getAttribute('lang'), lang);
      const decisions = status.locator('#status-decisions > li');
      assert.equal(await decisions.count(), 2, 'both decisions');
      const refusal = status.locator('#status-decisions > li.decision-refused');
      assert.match(await refusal.innerText(), /Our only technologist is away until January\./);
      assert.ok((await refusal.locator('ul.alternatives > li a').count()) > 0, 'other services for the refused need');
      const alternative = await refusal.locator('ul.alternatives > li a').first().getAttribute('href');
      assert.ok(alternative.startsWith(`${prefix}/services/`), `in the defender's language: ${alternative}`);
      assert.equal(await status.locator('#status-decisions > li.decision-granted').count(), 1);
      assert.ok((await status.locator('#status-entries').innerText()).includes(message), 'the message');
      assert.ok(!(await status.content()).includes('Border seizure'), 'the assessment stays with the organisation');
      if (shots) await screenshots(status, `status-decisions-${lang}`);

      await status.locator('#reply-message').fill('Thank you, I will answer.');
      await defender.follow(`${prefix}/status/reply`, () =>
        status.locator(`form[action="${prefix}/status/reply"] button[type="submit"]`).click());
      await status.locator('#report-risk').selectOption('illegal_detention');
      await status.locator('#report-text').fill('My brother was detained this morning.');
      await defender.follow(`${prefix}/status/report`, () =>
        status.locator(`form[action="${prefix}/status/report"] button[type="submit"]`).click());
      assert.equal(await status.locator('#status-notice').count(), 1, 'the new risk is confirmed');

      // The case is open again, the new risk on it, its follow-up due now.
      await caseworker.visit(casePath);
      assert.equal(await page.locator('#case-status').getAttribute('data-status'), 'open', 'reopened');
      assert.ok((await page.locator('#case-entries').innerText()).includes('My brother was detained this morning.'));
      await caseworker.visit('/staff/follow-ups');
      const due = page.locator(`#follow-up-list tr:has(a[href="${casePath}"])`);
      assert.equal(await due.count(), 1, 'the follow-up is listed');
      assert.equal(await due.getAttribute('class'), 'overdue', 'and due now');
    // On SQLite: the same journey runs over HTTP on both engines
    // (crates/web/tests/http/casework.rs); here it is the browser's.
    }, { javaScriptModes: language.javaScriptModes, engines: ['SQLite'] });
  }
});
