// The monthly digest (信访摘报) in a real headless Chromium against a real district started by DigestIT:
// the office's clerk generates the digest of XF_MONTH on the page 信访摘报, sees its charts drawn (ECharts from
// the node itself, nothing fetched from elsewhere), writes the highlights and saves them; the head, who is a
// leader, signs it off; the signed digest shows the signer by name and title and the SHA-256 the node served,
// which the page checks against the bytes it received. Printing gives the digest alone with its charts.
// Screenshots and a PDF go to XF_SHOTS (digest-draft.png, digest.png, digest-print.png, digest.pdf).
//
// Each check throws with what it expected; the process exits non-zero on the first failure and DigestIT fails
// with this output.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) { throw new Error(`environment variable ${name} is required`); }
  return v;
};
const DISTRICT = env('XF_DISTRICT');
const PASSWORD = env('XF_STAFF_PASSWORD');
const SHOTS = env('XF_SHOTS');
const MONTH = env('XF_MONTH');               // YYYY-MM, a month DigestIT registered cases in
const HIGHLIGHTS = env('XF_HIGHLIGHTS');     // the text the clerk writes
const CHROMIUM = process.env.XF_CHROMIUM || '/usr/bin/chromium';
const LEADER = '陈静 · 青溪区信访局局长';
mkdirSync(SHOTS, { recursive: true });

const log = (...a) => console.log(new Date().toISOString().substring(11, 19), ...a);
function check(cond, what) { if (!cond) { throw new Error('FAILED: ' + what); } log('ok:', what); }

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    // the browser of an office in China: its own controls (date pickers, file fields) in Chinese
    '--lang=zh-CN']
});
const problems = [];
const elsewhere = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') { problems.push('console error: ' + m.text()); } });
  // an office without internet: every request goes to the node itself
  page.on('request', (r) => { if (!r.url().startsWith(DISTRICT) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) { elsewhere.push(r.url()); } });
  return page;
}

async function login(page, user) {
  await page.goto(DISTRICT + '/');
  await page.waitForSelector('#login-user');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await page.click('form.login button[type=submit]');
  await page.waitForSelector('nav a[data-page]');
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true });
  log('screenshot', name + '.png');
}

/**
 * Waits until all four charts are drawn: a canvas in each box, of the box's size, with ink on it (pixels that are
 * not blank); answers each chart's id, its share of inked pixels and the categories ECharts holds for it.
 */
async function chartsDrawn(page) {
  await page.waitForFunction(() => {
    const ids = ['digest-chart-trend', 'digest-chart-kind', 'digest-chart-channel', 'digest-chart-unit'];
    return ids.every((id) => {
      const c = document.querySelector('#' + id + ' canvas');
      return c && c.getBoundingClientRect().width > 300 && c.getBoundingClientRect().height > 200;
    });
  });
  return page.$$eval('.digest-chart', (boxes) => boxes.map((box) => {
    const c = box.querySelector('canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { inked++; } }
    const option = window.echarts.getInstanceByDom(box).getOption();
    const axis = (option.yAxis && option.yAxis[0] && option.yAxis[0].data) || (option.xAxis && option.xAxis[0] && option.xAxis[0].data) || [];
    const pie = option.series[0].data.map((d) => d.name || '');
    return { id: box.id, ink: inked / (c.width * c.height), names: axis.concat(pie).join(' ') };
  }));
}

try {
  // ---------------------------------------------------------------- the clerk generates the draft
  const clerk = await newPage();
  await login(clerk, 'clerk');
  check((await clerk.$$eval('nav a[data-page]', (as) => as.map((a) => a.dataset.page))).includes('digest'),
    'the district\'s navigation has 信访摘报');
  await clerk.click('nav a[data-page=digest]');
  await clerk.waitForSelector('#digest-generate');
  await clerk.selectOption('#digest-month-year', MONTH.substring(0, 4));
  await clerk.selectOption('#digest-month', MONTH.substring(5, 7));
  await clerk.click('#digest-generate button[type=submit]');
  await clerk.waitForSelector('#digest-sheet[data-status=DRAFT]');
  const charts = await chartsDrawn(clerk);
  check(charts.length === 4 && charts.every((c) => c.ink > 0.01), 'four charts drawn, with ink on each: '
    + charts.map((c) => c.id + ' ' + (Math.round(c.ink * 1000) / 10) + '%').join(', '));
  check(charts.find((c) => c.id === 'digest-chart-unit').names.includes('清河镇'), 'the unit chart names the units by name (清河镇)');
  check((await clerk.textContent('#digest-title')).trim() === '青溪区信访摘报', 'the masthead reads 青溪区信访摘报');
  check((await clerk.textContent('.digest-issue')).includes('第' + Number(MONTH.substring(5)) + '期'), 'the issue number is the month\'s');
  check((await clerk.textContent('#digest-by-unit')).includes('清河镇'), 'the table by unit names the units');
  check(await clerk.$('#digest-sign') === null, 'a clerk is offered no sign-off');
  check(await clerk.$eval('script[src="/pages/digest/echarts.js"]', (s) => !!s), 'ECharts is loaded from the node itself');
  await clerk.fill('#digest-edit-highlights', HIGHLIGHTS);
  await clerk.fill('#digest-edit-analysis', '征地拆迁类问题集中在清河镇，需持续关注。');
  await clerk.click('#digest-save');
  await clerk.waitForFunction((h) => {
    const p = document.querySelector('#digest-highlights .digest-text');
    return p && p.textContent.includes(h) && document.querySelector('#digest-foot') && document.querySelector('#digest-foot').textContent.includes('文字');
  }, HIGHLIGHTS);
  await chartsDrawn(clerk);
  await shot(clerk, 'digest-draft');

  // ---------------------------------------------------------------- the leader signs it off
  const head = await newPage();
  await login(head, 'head');
  await head.goto(DISTRICT + '/#/digest/' + MONTH);
  await head.waitForSelector('#digest-sheet[data-status=DRAFT]');
  await head.click('#digest-sign');
  await head.waitForSelector('#digest-confirm:not([hidden])');
  await head.click('#digest-sign-confirm');
  await head.waitForSelector('#digest-sheet[data-status=SIGNED]');
  await chartsDrawn(head);
  check((await head.textContent('#digest-signer')).includes(LEADER), 'the signed digest names the leader: ' + LEADER);
  check((await head.textContent('#digest-highlights')).includes(HIGHLIGHTS), 'the highlights the clerk wrote are in it');
  check(await head.$('#digest-save') === null && await head.$('#digest-regenerate') === null && await head.$('#digest-sign') === null,
    'a signed digest offers no edit, no recount, no sign-off');
  const hash = (await head.textContent('#digest-hash code')).trim();
  check(/^[0-9a-f]{64}$/.test(hash), 'the page shows the SHA-256 of the document: ' + hash);
  // hashing needs a secure context; the test's loopback address is one
  await head.waitForSelector('#digest-verified');
  check((await head.textContent('#digest-verified')).includes('一致'), 'the page finds the bytes it received match the hash');
  await shot(head, 'digest');

  // ---------------------------------------------------------------- print: the digest alone, charts included
  await head.emulateMedia({ media: 'print' });
  check(await head.$eval('header.top', (h) => getComputedStyle(h).display === 'none'), 'printing hides the application\'s header');
  check(await head.$eval('nav', (n) => getComputedStyle(n).display === 'none'), 'printing hides the navigation');
  check(await head.$eval('#digest-actions', (n) => getComputedStyle(n).display === 'none'), 'printing hides the buttons');
  const printed = await chartsDrawn(head);
  check(printed.length === 4 && printed.every((c) => c.ink > 0.01), 'the charts are there in print');
  await shot(head, 'digest-print');
  await head.pdf({ path: join(SHOTS, 'digest.pdf'), format: 'A4', printBackground: true });
  log('saved digest.pdf');
  await head.emulateMedia({ media: 'screen' });

  // ---------------------------------------------------------------- the list
  await head.goto(DISTRICT + '/#/digest');
  await head.waitForSelector('#digest-list a[data-month="' + MONTH + '"]');
  check((await head.textContent('#digest-list')).includes(LEADER), 'the list shows who signed it off');
  check((await head.textContent('#digest-list')).includes(hash.substring(0, 16)), 'the list shows its hash');

  check(elsewhere.length === 0, 'nothing was fetched from anywhere but the node' + (elsewhere.length ? ': ' + elsewhere.join(' ') : ''));
  check(problems.length === 0, 'no script errors and no refused content (CSP)' + (problems.length ? ': ' + problems.join(' | ') : ''));
  console.log('RESULT ' + JSON.stringify({ month: MONTH, sha256: hash }));
  log('all digest browser checks passed');
} catch (e) {
  console.error(e.stack || String(e));
  if (problems.length) { console.error('page problems: ' + problems.join(' | ')); }
  for (const ctx of browser.contexts()) {
    for (const [i, p] of ctx.pages().entries()) {
      try { await p.screenshot({ path: join(SHOTS, `digest-failure-${browser.contexts().indexOf(ctx)}-${i}.png`), fullPage: true }); } catch (ignored) { /* closed */ }
    }
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
