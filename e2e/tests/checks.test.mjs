// The page checks themselves: each must fail on a page that breaks its rule, or a
// green suite would prove nothing. The bad pages are answered by the browser
// (request interception), so neither the server nor any other host sees them.

import { test, assert, Visitor, url } from '../lib/harness.mjs';

const BAD_PAGE = url('/__e2e/bad-page');
const FOREIGN = 'http://third-party.invalid/tracker.css';

async function visitorServing(html) {
  const visitor = await Visitor.open({ javaScript: false });
  await visitor.context.route(
    (u) => u.href === BAD_PAGE || u.href === FOREIGN,
    (route) =>
      route.request().url() === FOREIGN
        ? route.fulfill({ status: 200, contentType: 'text/css', body: '' })
        : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  return visitor;
}

const PAGE = (body, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><main>${body}</main></body></html>`;

test('checks: a sound page passes', async () => {
  const visitor = await visitorServing(PAGE('<h1>Fine</h1><label for="c">Country</label><select id="c"><option>A</option></select>'));
  try {
    await visitor.visit(BAD_PAGE);
  } finally {
    await visitor.close();
  }
});

test('checks: axe rejects an unlabelled control and an image without text', async () => {
  // The axe context does not share the visitor's routes, and needs none: it is
  // answered with the visitor's snapshot.
  const visitor = await visitorServing(PAGE('<h1>Bad</h1><select><option>A</option></select><img src="data:,">'));
  try {
    await assert.rejects(visitor.visit(BAD_PAGE), /accessibility violations[\s\S]*(select-name|image-alt)/);
  } finally {
    await visitor.close();
  }
});

test('checks: a request to another origin fails the page', async () => {
  const visitor = await visitorServing(PAGE('<h1>Tracked</h1>', `<link rel="stylesheet" href="${FOREIGN}">`));
  try {
    await assert.rejects(visitor.visit(BAD_PAGE), /requests to origins other than/);
  } finally {
    await visitor.close();
  }
});

test('checks: a page over the transfer budget fails', async () => {
  const visitor = await visitorServing(PAGE(`<h1>Heavy</h1><p>${'x'.repeat(120 * 1024)}</p>`));
  try {
    await assert.rejects(visitor.visit(BAD_PAGE), /over the budget/);
  } finally {
    await visitor.close();
  }
});
