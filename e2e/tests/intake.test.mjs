// A defender asks for help with no account: sends a request (the plain form, and
// the guided path), keeps the codename and practises it, follows the request on
// /status (reads, replies, reports a new risk), withdraws another request; and a
// caseworker sees what a defender just sent among the new requests.
//
// The defender's journeys run in English, Russian and Georgian, each with
// JavaScript on and off. Controls are found by name, id and value, never by their
// labels, so a journey reads the same in every language (and still runs while a
// translation shows placeholders).

import { publicJourney, describe, assert } from '../lib/harness.mjs';
import { staffJourney, signIn, enrol, staffNav, text, STAFF_CONCURRENCY } from '../lib/staff.mjs';

/**
 * Each language sends from another country: the focal point of each (from the
 * demo directory, data/demo/directory.json) receives what is sent to "the focal
 * point for my country", the form's default.
 */
const LANGUAGES = [
  { lang: 'en', prefix: '', country: 'AM', focalPoint: 'Sevan Protection Coalition', javaScriptModes: [true, false] },
  // The same pages and handlers in other words: JavaScript off, as Tor Browser at
  // its safest level, is the case that matters (English covers JavaScript on).
  { lang: 'ru', prefix: '/ru', country: 'KG', focalPoint: 'Sary-Chelek Protection Coalition', javaScriptModes: [false] },
  { lang: 'ka', prefix: '/ka', country: 'GE', focalPoint: 'Samgori Protection Coalition', javaScriptModes: [false] },
];

/** The demo's first organisation: demo-caseworker works there (crates/cli/src/demo.rs). */
const CLINIC = "Ararat Defenders' Legal Clinic";

const CODENAME = /^\S+( \S+){6}$/;

/**
 * The page is in `lang`, and whatever leads on from it (links and forms) keeps the
 * language's prefix, so a defender who chose Russian stays in Russian. `switcher`:
 * whether the page offers the language switch (pages that answer a form do not: a
 * link would lose what the form carried, the codename).
 */
async function assertLanguage(page, { lang, prefix }, { switcher }) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `${page.url()} is in ${lang}`);
  assert.equal(
    await page.locator('nav.languages').count(),
    switcher ? 1 : 0,
    `${page.url()} ${switcher ? 'offers' : 'offers no'} language switch`,
  );
  if (!prefix) return;
  const leaks = await page.evaluate((prefix) => {
    const targets = [
      ...[...document.querySelectorAll('a[href^="/"]')]
        .filter((a) => !a.closest('nav.languages'))
        .map((a) => a.getAttribute('href')),
      ...[...document.querySelectorAll('form[action]')].map((f) => f.getAttribute('action')),
    ];
    return targets.filter((t) => !t.startsWith(prefix + '/') && !t.startsWith('/static/'));
  }, prefix);
  assert.deepEqual(leaks, [], `links and forms of ${page.url()} keep ${prefix}`);
}

/** No page set a cookie: none is in the browser, and no answer tried to set one. */
async function assertNoCookie(visitor) {
  assert.deepEqual(await visitor.context.cookies(), [], 'the browser holds no cookie');
  for (const request of visitor.requests) {
    const response = await request.response();
    const cookie = response && (await response.headerValue('set-cookie'));
    assert.equal(cookie, null, `${request.url()} set a cookie`);
  }
}

/** The frame every defender's page has: a quick exit to another site. */
async function assertQuickExit(page) {
  const href = await page.locator('a#quick-exit').getAttribute('href');
  assert.ok(href && new URL(href).origin !== new URL(page.url()).origin, `the quick exit leaves the site: ${href}`);
}

/**
 * Fills the request form on the page now shown with the required fields (country,
 * urgency, a need) and, when given, a narrative, one risk, a recipient (by its
 * label, "Name (Countries)") and a name; sends it and returns the receipt's
 * codename.
 */
async function sendRequest(visitor, language, request) {
  const page = visitor.page;
  const form = page.locator('form.request');
  assert.equal(await form.getAttribute('autocomplete'), 'off', 'the browser keeps nothing typed here');
  await form.locator('select[name="country"]').selectOption(request.country);
  await form.locator(`input[name="urgency"][value="${request.urgency}"]`).check();
  for (const need of request.needs ?? []) await form.locator(`input[name="needs"][value="${need}"]`).check();
  if (request.narrative) await form.locator('textarea[name="narrative"]').fill(request.narrative);
  if (request.risk) {
    await form.locator('select[name="risks.0.type"]').selectOption(request.risk);
    await form.locator('input[name="risks.0.affects"][value="defender"]').check();
  }
  if (request.sendTo) await form.locator('select[name="send_to"]').selectOption({ label: request.sendTo });
  if (request.name) {
    // Name and contact wait under "more" (a <details>, open without JavaScript too).
    await form.locator('details.more > summary').click();
    await form.locator('input[name="name"]').fill(request.name);
  }
  await visitor.follow(`${language.prefix}/request`, () => form.locator('button[type="submit"]').click(), { status: 201 });
  await assertLanguage(page, language, { switcher: false });
  const codename = await text(page, '#codename');
  assert.match(codename, CODENAME, 'the receipt shows a codename of seven words');
  assert.equal(await page.locator('#codename').getAttribute('lang'), 'en', 'the codename\'s words are English in every language');
  return codename;
}

/** From a page with the status form: types the codename and sends it. */
async function lookUp(visitor, language, codename) {
  const page = visitor.page;
  await page.locator('#status-codename').fill(codename);
  await visitor.follow(`${language.prefix}/status`, () =>
    page.locator(`form[action="${language.prefix}/status"] button[type="submit"]`).click());
  return page;
}

/** Submits the status page's form posted to `action` (reply, report, withdraw). */
function submit(page, language, action) {
  return page.locator(`form[action="${language.prefix}/status/${action}"] button[type="submit"]`).click();
}

for (const language of LANGUAGES) {
  const { lang, prefix } = language;

  publicJourney(`a defender asks for help, keeps the codename and follows the request (${lang})`, async (visitor) => {
    const page = await visitor.visit(`${prefix}/request`);
    await assertLanguage(page, language, { switcher: true });
    await assertQuickExit(page);
    const codename = await sendRequest(visitor, language, {
      country: language.country,
      urgency: 'within_days',
      needs: ['legal'],
      narrative: 'Summoned for questioning twice this month about our monitoring report.',
      risk: 'police_intimidation',
    });
    assert.equal(await text(page, '#receipt-organization'), language.focalPoint, 'the country\'s focal point receives it');
    assert.match(await text(page, '#receipt-date'), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

    // A slip (two words swapped) shows the codename again; typed right, it is gone.
    const words = codename.split(' ');
    [words[0], words[1]] = [words[1], words[0]];
    await page.locator('textarea[name="practice"]').fill(words.join(' '));
    await visitor.follow(`${prefix}/request/practise`, () => page.locator('form[action$="/request/practise"] button').click());
    await assertLanguage(page, language, { switcher: false });
    assert.equal(await page.locator('#practice-result').getAttribute('class'), 'error', 'the slip is told as one');
    assert.equal(await text(page, '#codename'), codename, 'after a slip the codename is shown again');
    await page.locator('textarea[name="practice"]').fill(codename);
    await visitor.follow(`${prefix}/request/practise`, () => page.locator('form[action$="/request/practise"] button').click());
    assert.equal(await page.locator('#practice-result').getAttribute('class'), 'notice', 'typed right, it says so');
    assert.equal(await page.locator('#codename').count(), 0, 'typed right, the codename is no longer shown');
    assert.equal(await page.locator('textarea[name="practice"]').count(), 0, 'and no further practice is offered');

    await visitor.follow(`${prefix}/status`, () => page.locator(`a[href="${prefix}/status"]`).last().click());
    await assertLanguage(page, language, { switcher: true });
    await assertQuickExit(page);
    assert.equal(await page.locator('form:has(#status-codename)').getAttribute('autocomplete'), 'off');
    await lookUp(visitor, language, codename);
    await assertLanguage(page, language, { switcher: false });
    assert.match(await text(page, '#status-state'), /\S/, 'the state of the request is shown');
    assert.match(await text(page, '#status-changes'), /\S/, 'and what changed since the last visit');
    assert.equal(await text(page, 'dl.receipt dd'), language.focalPoint, 'the status names who received it');
    assert.equal(await page.locator('#status-entries').count(), 0, 'no message yet');

    const message = 'I can also come to your office on Friday.';
    await page.locator('#reply-message').fill(message);
    await visitor.follow(`${prefix}/status/reply`, () => submit(page, language, 'reply'));
    assert.equal(await page.locator('#status-notice').count(), 1, 'the reply is confirmed');
    assert.deepEqual(
      (await page.locator('#status-entries > li .text').allTextContents()).map((t) => t.trim()),
      [message],
      'the reply is in the conversation',
    );

    const report = 'They searched our office this morning and took the laptops.';
    await page.locator('#report-risk').selectOption('illegal_search');
    await page.locator('#report-text').fill(report);
    await visitor.follow(`${prefix}/status/report`, () => submit(page, language, 'report'));
    assert.equal(await page.locator('#status-notice').count(), 1, 'the new risk is confirmed');
    const entries = page.locator('#status-entries > li');
    assert.equal(await entries.count(), 2, 'the reply and the new risk');
    assert.equal(await text(entries.nth(1), '.text'), report);
    assert.match(await text(entries.nth(1), '.detail'), /\S/, 'the new risk names its type');

    // A second request (the required fields alone), withdrawn: once confirmed, its
    // codename finds nothing.
    await visitor.visit(`${prefix}/request`);
    const second = await sendRequest(visitor, language, {
      country: language.country,
      urgency: 'within_days',
      needs: ['legal'],
    });
    assert.notEqual(second, codename, 'every request has a codename of its own');
    await visitor.follow(`${prefix}/status`, () => page.locator(`a[href="${prefix}/status"]`).last().click());
    await lookUp(visitor, language, second);
    await visitor.follow(`${prefix}/status/withdraw`, () => submit(page, language, 'withdraw'));
    await assertLanguage(page, language, { switcher: false });
    assert.equal(await page.locator('#withdrawn').count(), 0, 'withdrawing asks first');
    await page.locator('#withdraw-confirm').check();
    await visitor.follow(`${prefix}/status/withdraw`, () => submit(page, language, 'withdraw'));
    assert.equal(await page.locator('#withdrawn').count(), 1, 'the request is withdrawn');
    assert.ok(!(await page.content()).includes(second), 'the withdrawn page no longer holds the codename');

    await visitor.visit(`${prefix}/status`);
    await lookUp(visitor, language, second);
    assert.equal(await page.locator('#status-not-found').count(), 1, 'the withdrawn request is gone');
    assert.equal(await page.locator('#status-state').count(), 0);

    await assertNoCookie(visitor);
  }, { javaScriptModes: language.javaScriptModes });
}

publicJourney('a defender not sure what to ask for answers the guide and sends what it suggests', async (visitor) => {
  const page = await visitor.visit('/request');
  await visitor.follow('/request/guide', () => page.locator('main a[href="/request/guide"]').click());
  const guide = page.locator('form.guide');
  assert.equal(await guide.getAttribute('autocomplete'), 'off');
  for (const happened of ['threatened', 'online']) await guide.locator(`input[name="happened"][value="${happened}"]`).check();
  await guide.locator('input[name="touches"][value="me"]').check();
  await guide.locator('input[name="urgency"][value="within_days"]').check();
  await guide.locator('input[name="safety"][value="unsafe_here"]').check();
  await guide.locator('select[name="country"]').selectOption('AM');
  await guide.locator('input[name="can_travel"][value="yes"]').check();
  await visitor.follow('/request/guide', () => guide.locator('button[type="submit"]').click());

  // Each suggestion links to the search for it; the form below has those needs ticked.
  const finds = await page.locator('ul.suggestions > li a').evaluateAll((links) =>
    links.map((a) => new URL(a.href).searchParams.get('support')));
  assert.ok(finds.length > 0, 'the guide suggests support');
  const form = page.locator('form.request');
  const ticked = await form.locator('input[name="needs"]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual([...ticked].sort(), [...finds].sort(), 'the form asks for what was suggested');
  assert.equal(await form.locator('select[name="country"]').inputValue(), 'AM');
  assert.equal(await form.locator('input[name="urgency"]:checked').getAttribute('value'), 'within_days');
  assert.equal(await form.locator('input[name="can_travel"]:checked').getAttribute('value'), 'yes');

  await visitor.follow('/request', () => form.locator('button[type="submit"]').click(), { status: 201 });
  assert.match(await text(page, '#codename'), CODENAME, 'the guided request has its codename');
  assert.equal(await text(page, '#receipt-organization'), 'Sevan Protection Coalition');
  await assertNoCookie(visitor);
});

// The defender and the caseworker share a server of the journey's own (enrolment
// happens once per account).
describe('intake, staff side', { concurrency: STAFF_CONCURRENCY }, () => {
  staffJourney('a caseworker sees the request a defender just sent, urgent ones marked', async ({ open }) => {
    const defender = await open();
    const english = LANGUAGES[0];
    const stamp = Date.now();
    const urgent = `U. Journey ${stamp} (fictional)`;
    const calm = `N. Journey ${stamp} (fictional)`;
    for (const [name, urgency] of [[calm, 'not_urgent'], [urgent, 'threat_to_life']]) {
      await defender.visit('/request');
      await sendRequest(defender, english, {
        country: 'AM',
        urgency,
        needs: ['legal'],
        narrative: 'A car has waited outside my flat every night since the trial.',
        risk: 'physical_surveillance',
        sendTo: `${CLINIC} (Armenia)`,
        name,
      });
      assert.equal(await text(defender.page, '#receipt-organization'), CLINIC);
    }
    await assertNoCookie(defender);

    const caseworker = await open();
    const page = caseworker.page;
    await signIn(caseworker, 'demo-caseworker');
    await enrol(caseworker, { displayName: 'Demo Caseworker' });
    await caseworker.follow('/staff/requests', () => staffNav(page).getByRole('link', { name: 'New requests' }).click());
    const rows = page.locator('table#new-requests tbody tr');
    const names = (await rows.locator('td:nth-child(4)').allTextContents()).map((n) => n.trim());
    const u = names.indexOf(urgent);
    const n = names.indexOf(calm);
    assert.ok(u >= 0 && n >= 0, `both requests are listed: ${JSON.stringify(names)}`);
    assert.ok(u < n, 'the urgent request comes first');
    assert.equal(await rows.nth(u).getAttribute('class'), 'urgent', 'a threat to life is marked urgent');
    assert.equal(await rows.nth(n).getAttribute('class'), null, 'a request that is not urgent is not marked');
    assert.match(await rows.nth(u).innerText(), /Armenia/);
    assert.ok((await page.locator('ul#request-counts > li.urgent').count()) > 0, 'the counts mark the urgent ones');
  }, {
    // The staff pages run no script (their CSP allows none but the security-key
    // pages'), so JavaScript on would drive the same pages twice.
    javaScriptModes: [false],
  });
});
