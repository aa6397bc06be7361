// A defender who reads Russian: switches the language with the visible switch (no
// JavaScript, no cookie), searches, reads a service, and every page stays Russian.

import { publicJourney, assert } from '../lib/harness.mjs';

async function assertRussian(page) {
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('⟦'), 'a message is missing on ' + page.url());
  const current = page.locator('nav.languages a[aria-current="true"]');
  assert.equal((await current.textContent()).trim(), 'Русский');
}

publicJourney('a defender switches to Russian and finds help', async (visitor) => {
  const page = await visitor.visit('/');
  const switcher = page.locator('nav.languages');
  await visitor.follow('/ru/', () => switcher.getByRole('link', { name: 'Русский' }).click());
  await assertRussian(page);

  await page.locator('#country').selectOption('KG');
  await page.locator('#support').selectOption('digital_security');
  await visitor.follow('/ru/find', () => page.locator('form.search button[type="submit"]').click());
  await assertRussian(page);
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('country'), 'KG');
  assert.equal(search.get('support'), 'digital_security');
  const results = page.locator('ol.results > li');
  assert.ok((await results.count()) > 0, 'the search found no service');
  assert.ok(!(await page.locator('#results-heading').textContent()).includes('Kyrgyzstan'));

  const first = results.first().locator('h3 a');
  const serviceName = (await first.textContent()).trim();
  await visitor.follow(/^\/ru\/services\//, () => first.click());
  await assertRussian(page);
  assert.equal((await page.locator('h1').textContent()).trim(), serviceName);

  // The switch leads to the same service in another language.
  const servicePath = new URL(page.url()).pathname.replace(/^\/ru/, '');
  await visitor.follow('/uk' + servicePath, () =>
    page.locator('nav.languages').getByRole('link', { name: 'Українська' }).click());
  assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
});
