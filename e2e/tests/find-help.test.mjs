// Public journeys of a defender looking for help, each run with JavaScript on and off.

import { publicJourney, assert } from '../lib/harness.mjs';

publicJourney('a defender finds help and reads a service', async (visitor) => {
  const page = await visitor.visit('/');
  await page.getByLabel('Where are you?').selectOption({ label: 'Kyrgyzstan' });
  await page.getByLabel('What do you need?').selectOption({ label: 'Digital security assistance' });
  await visitor.follow('/find', () => page.getByRole('button', { name: 'Find help' }).click());

  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('country'), 'KG');
  assert.equal(search.get('support'), 'digital_security');
  const results = page.locator('ol.results > li');
  assert.ok((await results.count()) > 0, 'the search found no service');
  for (const why of await results.locator('.why').allTextContents()) {
    assert.match(why, /^Why it matches:\s*\S/, 'every result says why it matches');
  }

  const first = results.first().locator('h3 a');
  const serviceName = (await first.textContent()).trim();
  await visitor.follow(/^\/services\//, () => first.click());
  assert.equal((await page.locator('h1').textContent()).trim(), serviceName);
  const criteria = page.locator('h2:text-is("Who can ask for it") + p');
  assert.match(await criteria.textContent(), /\S{3}/, 'the service states its eligibility criteria');
  const response = page.locator('dt:text-is("Usually answers") + dd');
  assert.match(await response.textContent(), /\S/, 'the service states its response time');

  const organization = page.getByRole('main').getByRole('link').first();
  const organizationName = (await organization.textContent()).trim();
  await visitor.follow(/^\/organizations\//, () => organization.click());
  assert.equal((await page.locator('h1').textContent()).trim(), organizationName);
  const services = await page.locator('ul.services a').allTextContents();
  assert.ok(services.includes(serviceName), `${organizationName} lists ${serviceName}`);
});

publicJourney('an empty search suggests searches that find help', async (visitor) => {
  const page = await visitor.visit('/');
  await page.getByLabel('Where are you?').selectOption({ label: 'Azerbaijan' });
  await page.getByLabel('What do you need?').selectOption({ label: 'Psychological support' });
  await page.getByText('More filters').click();
  await page.getByLabel('How').selectOption({ label: 'in person' });
  await visitor.follow('/find', () => page.getByRole('button', { name: 'Find help' }).click());

  assert.match(await page.locator('#results-heading').textContent(), /no service matches/);
  assert.equal(await page.locator('ol.results > li').count(), 0);
  const suggestion = page.locator('ul.suggestions a').first();
  assert.ok((await suggestion.count()) > 0, 'an empty search offers suggestions');
  const target = new URL(await suggestion.getAttribute('href'), page.url());
  await visitor.follow((u) => u.href === target.href, () => suggestion.click());
  assert.ok((await page.locator('ol.results > li').count()) > 0, 'the suggestion finds services');
});

publicJourney('a malformed search gets a 400 page naming the parameter', async (visitor) => {
  const page = await visitor.visit('/find?country=XX', { status: 400 });
  const alert = page.getByRole('alert');
  assert.equal(await alert.count(), 1, 'the error is announced to screen readers');
  assert.match(await alert.textContent(), /\bcountry\b/, 'the error names the parameter');
});
