// Layout and language checks the browser tests run on every page they reach (issue 14, point 5):
// - reflow (WCAG 1.4.10): nothing makes the page scroll sideways, except a data table inside its own
//   scrolling box (.table-wrap); checked at 1366 px and at 640 px (1280 px at 200% zoom);
// - no word broken inside: a short Chinese text (a status badge, a header, a cell, a button, a label) is not
//   laid out one or two characters a line;
// - Chinese mode speaks Chinese: no Latin-letter word in the visible text, except codes (case numbers,
//   查询码), the names of file formats and standards, and what a test typed on purpose.

/**
 * What breaks the layout of the page as shown now: elements that stick out to the right of the viewport
 * outside a scrolling box, and short Chinese texts laid out on more lines than they need.
 */
export async function layoutProblems(page, alsoShort = '') {
  return page.evaluate((alsoShort) => {
    const problems = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
    const path = (e) => { const p = []; for (let x = e; x && x !== document.body && p.length < 4; x = x.parentElement) { p.unshift(name(x)); } return p.join(' > '); };
    const scrollsInside = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) { return true; }
      }
      return false;
    };
    const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden'; };
    if (root.scrollWidth > width + 1) { problems.push(`the page scrolls sideways (${root.scrollWidth} > ${width} px)`); }
    const reported = new Set();
    for (const e of document.body.querySelectorAll('*')) {
      if (!shown(e) || scrollsInside(e)) { continue; }
      const r = e.getBoundingClientRect();
      if (r.right > width + 1 && ![...reported].some((x) => x.contains(e))) {
        reported.add(e);
        problems.push(`${path(e)} sticks out ${Math.round(r.right - width)} px`);
      }
    }
    // short Chinese texts: one line up to 8 characters, at most two lines up to 16, three up to 24
    // the lines a text takes: its text boxes' tops, those less than half a line apart counted as one line
    const lines = (e) => {
      const tops = [];
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim()) { continue; }
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const rect of range.getClientRects()) { if (rect.width > 0) { tops.push(rect.top); } }
      }
      tops.sort((a, b) => a - b);
      const half = parseFloat(getComputedStyle(e).fontSize) * 0.6;
      let count = 0;
      let last = -Infinity;
      for (const top of tops) { if (top - last > half) { count++; last = top; } }
      return count;
    };
    for (const e of document.body.querySelectorAll('.badge, .status, th, td, button, nav a, label, dt, .tile > span, h1, h2'
      + (alsoShort ? ', ' + alsoShort : ''))) {
      const text = e.textContent.replace(/\s+/g, '');
      if (!shown(e) || !/[\u4e00-\u9fff]/.test(text) || text.length > 24 || e.querySelector('input, select, textarea, table')) { continue; }
      const n = lines(e);
      if (n > (text.length <= 8 ? 1 : text.length <= 16 ? 2 : 3)) { problems.push(`${path(e)} 「${text}」 takes ${n} lines`); }
    }
    return problems;
  }, alsoShort);
}

/**
 * The Latin-letter words in the visible text of a page in Chinese mode (and in its form controls'
 * placeholders and titles), less those allowed: codes of letters and digits (case numbers, 查询码), file
 * formats (CSV, PDF, JPEG, PNG), standards (GB/T), the X of an ID number and anything in {@code typed}.
 */
export async function englishWords(page, typed = []) {
  const text = await page.evaluate(() => {
    // the language switch names the other language in that language (English), as switches do
    const lang = document.querySelector('#lang');
    const parts = [lang ? document.body.innerText.split(lang.innerText).join(' ') : document.body.innerText];
    document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((e) => {
      if (e !== lang && e.getBoundingClientRect().width > 0) {
        parts.push(e.getAttribute('placeholder') || '', e.getAttribute('title') || '', e.getAttribute('aria-label') || '');
      }
    });
    parts.push(document.title);
    // the browser's own month picker speaks the browser's language ("October 2026"), whatever the page's
    if ([...document.querySelectorAll('input[type=month], input[type=week]')].some((e) => e.getBoundingClientRect().width > 0)) {
      parts.push('NativeMonthPicker');
    }
    return parts.join('\n');
  });
  let rest = text;
  for (const t of typed) { if (t) { rest = rest.split(t).join(' '); } }
  rest = rest.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ') // e-mail addresses
    .replace(/(https?:\/\/|\/)[\w\-./#?=&%]*/g, ' ') // addresses (/portal/) are no words
    .replace(/\b(?=[A-Z0-9]*\d)[A-Z0-9]{6,}\b/gi, ' ') // codes: case numbers, 查询码, ID numbers
    .replace(/\b\d{17}[\dX]\b/g, ' ');
  // file formats and encodings, the spreadsheet programs an office saves them with, MB, standards' names
  // (GB/T 2260), the X that ends some ID numbers, the paper size
  const allowed = new Set(['CSV', 'PDF', 'JPEG', 'PNG', 'UTF', 'Excel', 'WPS', 'MB', 'GB', 'T', 'X', 'A4']);
  return [...new Set((rest.match(/[A-Za-z][A-Za-z0-9]*/g) || []).filter((w) => !allowed.has(w)))];
}
