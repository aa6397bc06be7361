// What each public page costs on the wire, screenshots at phone and desktop widths,
// and no sideways scrolling on a 360 px screen.

import { writeFileSync } from 'node:fs';
import { test, assert, Visitor, artefact, ARTEFACTS, slug } from '../lib/harness.mjs';

const SEARCH = '/find?country=KG&support=digital_security';

/** The public pages, the service and organisation found through the search. */
async function publicPages() {
  const visitor = await Visitor.open({ javaScript: false });
  try {
    const page = await visitor.visit(SEARCH);
    const service = await page.locator('ol.results > li h3 a').first().getAttribute('href');
    const organization = await page.locator('ol.results > li .org a').first().getAttribute('href');
    return [
      { name: 'home', path: '/', screenshot: true },
      { name: 'find', path: SEARCH, screenshot: true },
      { name: 'find, no match', path: '/find?country=AZ&support=psychological&format=in_person' },
      { name: 'service', path: service, screenshot: true },
      { name: 'organisation', path: organization },
      { name: 'bad search (400)', path: '/find?country=XX', status: 400 },
    ];
  } finally {
    await visitor.close();
  }
}

const pages = await publicPages();
console.log(`artefacts: ${ARTEFACTS}`);

test('public pages: transfer per page, within budget', async () => {
  const rows = [];
  for (const { name, path, status } of pages) {
    // A fresh context per page: a first visit, nothing cached.
    const visitor = await Visitor.open({ javaScript: false });
    try {
      await visitor.visit(path, { status });
      const { bytes, requests } = visitor.pages.at(-1);
      rows.push({ name, path, requests, bytes });
    } finally {
      await visitor.close();
    }
  }
  const table = [
    '| page | path | requests | bytes | KB |',
    '|---|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | \`${r.path}\` | ${r.requests} | ${r.bytes} | ${(r.bytes / 1024).toFixed(1)} |`),
  ].join('\n');
  writeFileSync(artefact('transfer.md'), table + '\n');
  console.log(`Transfer per public page (HTML, CSS and everything else, headers included):\n${table}`);
  for (const r of rows.filter((r) => r.name === 'home' || r.name === 'find')) {
    assert.ok(r.bytes < 100 * 1024, `${r.name} page transfers ${r.bytes} bytes, over 100 KB`);
  }
});

for (const width of [360, 1280]) {
  test(`public pages at ${width} px: screenshots, no horizontal overflow`, async () => {
    const visitor = await Visitor.open({ javaScript: false, width, height: 800 });
    try {
      for (const { name, path, status, screenshot } of pages) {
        const page = await visitor.visit(path, { status });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${name} (${path}) is ${scrollWidth} px wide at ${width} px`);
        if (screenshot) {
          const file = artefact('screenshots', `${slug(name)}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`screenshot: ${file}`);
        }
      }
    } finally {
      await visitor.close();
    }
  });
}
