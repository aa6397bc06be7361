// Keyboard only: the skip link, then the search form with Tab, arrow keys and Enter.

import { publicJourney, assert } from '../lib/harness.mjs';

/** What has focus: its id, tag and text, enough to say where the keyboard is. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { id: e.id, tag: e.tagName.toLowerCase(), text: e.textContent.trim(), value: e.value };
  });
}

/** Arrow down through a focused select until `value` is chosen, as a person would. */
async function arrowTo(page, value) {
  for (let i = 0; i < 300; i++) {
    if ((await focused(page)).value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`never reached ${value} with the arrow keys`);
}

/** Relative luminance of a CSS rgb()/rgba() colour (WCAG 2.1). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Where the keyboard is must be visible (WCAG 2.4.7), and the focus ring must stand
 * out from what surrounds it by 3:1 (WCAG 1.4.11); axe checks neither.
 */
async function assertFocusVisible(page) {
  const ring = await page.evaluate(() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    let background = 'rgb(255, 255, 255)';
    for (let n = e.parentElement; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) {
        background = c;
        break;
      }
    }
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, background, id: e.id || e.tagName };
  });
  assert.ok(ring.style !== 'none' && ring.width >= 2, `focus on ${ring.id} shows no outline: ${JSON.stringify(ring)}`);
  const ratio = contrast(ring.color, ring.background);
  assert.ok(ratio >= 3, `focus ring on ${ring.id} contrasts ${ratio.toFixed(2)}:1 with ${ring.background}`);
}

async function tabTo(page, expected) {
  await page.keyboard.press('Tab');
  const now = await focused(page);
  assert.equal(now.id || now.tag, expected, `Tab moved focus to ${JSON.stringify(now)}`);
  await assertFocusVisible(page);
}

publicJourney('a keyboard user skips to the content and searches', async (visitor) => {
  const page = await visitor.visit('/');

  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Skip to content', 'the skip link comes first');
  await assertFocusVisible(page);
  const box = await page.locator('a.skip').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  // Following the anchor is a same-document navigation that may land after the key
  // press returns, especially on a loaded machine: wait for it instead of sampling.
  await page.waitForURL((url) => url.hash === '#main', { timeout: 10_000 });

  await tabTo(page, 'country');
  await arrowTo(page, 'KG');
  await tabTo(page, 'region');
  await tabTo(page, 'support');
  await arrowTo(page, 'digital_security');
  await tabTo(page, 'summary');
  await tabTo(page, 'button');
  await visitor.follow('/find', () => page.keyboard.press('Enter'));

  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('country'), 'KG');
  assert.equal(search.get('support'), 'digital_security');
  assert.ok((await page.locator('ol.results > li').count()) > 0, 'the search found services');
});
