// page_test.js — drives the storyline page in headless Chromium.
// usage: node page_test.js BASE_URL [SCREENSHOT_PREFIX]
// Exit 0 when every check passes; prints what failed otherwise.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const base = process.argv[2];
const shots = process.argv[3] || '';
if (!base) {
  console.error('usage: node page_test.js BASE_URL [SCREENSHOT_PREFIX]');
  process.exit(2);
}

function check(cond, what) {
  if (!cond) throw new Error('check failed: ' + what);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-chromium-'));
  let ctx = null;
  const problems = [];
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync',
             '--disable-dev-shm-usage'],
      viewport: { width: 1200, height: 900 },
      timeout: 60000,
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    page.setDefaultTimeout(30000);
    page.on('pageerror', e => problems.push('page error: ' + e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push('console: ' + m.text()); });

    // 1. the home page: stories with an SVG timeline of their events
    await page.goto(base + '/', { waitUntil: 'load' });
    await page.waitForSelector('main[data-ready="#/"]');
    const dots = await page.locator('svg.timeline a.tl-event').count();
    check(dots >= 4, `timeline shows the story's events (got ${dots})`);
    if (shots) await page.screenshot({ path: shots + '-timeline.png', fullPage: true });

    // 2. search in Arabic script
    await page.fill('#q', 'الشرع');
    await page.press('#q', 'Enter');
    await page.waitForSelector('main[data-ready^="#/search"]');
    const langs = await page.locator('li.hit').evaluateAll(els => els.map(e => e.dataset.lang));
    check(langs.includes('vi') && langs.includes('ar') && langs.includes('en'),
          `search الشرع finds vi, ar and en reports (got ${langs.join(',')})`);
    if (shots) await page.screenshot({ path: shots + '-search.png', fullPage: true });

    // 3. open the 2026 event from the results
    const hit = page.locator('li.hit[data-date^="2026"] a.event-link').first();
    check(await hit.count() === 1, 'a 2026 event among the results');
    await hit.click();
    await page.waitForSelector('main[data-ready^="#/event/"] article.event-detail');
    const vi = page.locator('article.report[lang="vi"]');
    const ar = page.locator('article.report[lang="ar"]');
    check(await vi.count() >= 1 && await vi.first().isVisible(), 'the Vietnamese report is shown');
    check(await ar.count() >= 1 && await ar.first().isVisible(), 'the Arabic report is shown');
    check(await ar.first().getAttribute('dir') === 'rtl', 'the Arabic report is right-to-left');
    const date = await page.locator('article.event-detail .meta .date').first().textContent();
    check(/2026/.test(date), `the event is dated 2026 (got ${date})`);
    if (shots) await page.screenshot({ path: shots + '-event.png', fullPage: true });

    // 4. an entity page from the event
    await page.locator('article.event-detail .chip a').first().click();
    await page.waitForSelector('main[data-ready^="#/entity/"] dl.variants');
    if (shots) await page.screenshot({ path: shots + '-entity.png', fullPage: true });

    check(problems.length === 0, 'no script errors: ' + problems.join('; '));
    console.log('web test: ok');
  } catch (e) {
    console.error('web test: ' + e.message);
    if (problems.length) console.error(problems.join('\n'));
    process.exitCode = 1;
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
})();
