// A caseworker on a phone (360 px, no script, as every staff page runs): a pasted
// name over its limit comes back whole with the error beside the field, a long
// web address in an account wraps instead of widening the page, and the list of
// cases shows each row as a card with its labels rather than splitting words
// letter by letter. The case is corrected once, and an error page keeps the
// staff header.

import { describe, assert } from '../lib/harness.mjs';
import { staffJourney, signIn, enrol, staffNav, screenshots, text, STAFF_CONCURRENCY } from '../lib/staff.mjs';

const NARROW = { width: 360, height: 800 };

describe('staff pages on a narrow screen', { concurrency: STAFF_CONCURRENCY }, () => {
  staffJourney('a caseworker on a phone records a case with a long address and a pasted name', async ({ open }) => {
    const caseworker = await open(NARROW);
    const page = caseworker.page;
    await signIn(caseworker, 'demo-caseworker');
    await enrol(caseworker, { displayName: 'Demo Caseworker' });

    await caseworker.visit('/staff/cases/new');
    const pasted = `P. Journey ${Date.now()} `.padEnd(250, 'x');
    const address = `https://example.org/${'reports/'.repeat(20)}hearing-2026-11-30.pdf`;
    const narrative = `The summons is published at ${address} and names three of us.`;
    await page.getByLabel('Name', { exact: true }).fill(pasted);
    await page.getByLabel('Country').selectOption('KG');
    await page.getByLabel('What happened').fill(narrative);
    await caseworker.follow('/staff/cases', () => page.getByRole('button', { name: 'Save the case' }).click(), { status: 400 });
    assert.equal(await text(page, '#name-error'), 'Please shorten this to 200 characters (it has 250).');
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), pasted, 'the paste comes back whole');
    assert.equal(await page.getByLabel('What happened').inputValue(), narrative, 'and so does the rest');
    await screenshots(page, 'staff-case-too-long');

    const name = pasted.slice(0, 40).trim();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await caseworker.follow(/^\/staff\/cases\/[0-9a-f-]{36}\?saved$/, () => page.getByRole('button', { name: 'Save the case' }).click());
    assert.equal(await text(page, 'h1'), name);
    assert.equal(await text(page, 'p.narrative'), narrative);
    await screenshots(page, 'staff-case-long-address');

    // A correction: the form comes filled in, and the case says it is saved.
    await caseworker.follow(/\/edit$/, () => page.getByRole('link', { name: 'Edit the case' }).click());
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), name, 'filled in with the case');
    await page.getByLabel('Urgency').selectOption('detained_now');
    await caseworker.follow(/^\/staff\/cases\/[0-9a-f-]{36}\?saved$/, () => page.getByRole('button', { name: 'Save the case' }).click());
    assert.match(await text(page, 'p.notice'), /^The case is saved\./);
    assert.ok((await page.locator('dl.case').innerText()).includes('Detained now'), 'the correction shows');

    await caseworker.follow('/staff/cases', () => staffNav(page).getByRole('link', { name: 'Cases' }).click());
    await screenshots(page, 'staff-cases-narrow');
    const cell = page.locator('table.cards tbody tr').first().locator('td').nth(1);
    assert.equal(await cell.evaluate((td) => getComputedStyle(td, '::before').content), '"Country"', 'each cell shows its label');
    const width = await cell.evaluate((td) => td.getBoundingClientRect().width);
    assert.ok(width > 250, `a card's cell spans the card (${width} px), its words whole`);

    await caseworker.visit('/staff/cases/00000000-0000-4000-8000-000000000000', { status: 404 });
    assert.equal(await text(page, 'header .brand'), 'Torchlight · staff', 'an error keeps the staff header');
    assert.equal(await page.getByRole('link', { name: 'Go to the staff home' }).count(), 1);
    await screenshots(page, 'staff-not-found');
  }, { javaScriptModes: [false] });
});
