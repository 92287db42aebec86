/*
 * Xinfang staff application: the shell. Login against the node's API (the same JAAS realm and roles),
 * language (zh-CN first, English second), navigation built from the pages installed on this node
 * (/pages.json: each page is contributed by a bundle, so a village shows fewer than the district),
 * and small helpers the pages share. No framework, no build step, nothing loaded from elsewhere.
 */
(function () {
  'use strict';

  var dom = window.XinfangDom; // /assets/dom.js, loaded first
  var el = dom.el;
  var clear = dom.clear;

  var pages = {};          // id -> {meta from pages.json, impl from the page's script}
  var session = null;      // {user, roles, node, auth}
  var current = null;      // the route being shown
  var LANG_KEY = 'xinfang.lang';
  var AUTH_KEY = 'xinfang.auth';
  /*
   * One login per browser: the credentials the API is called with are kept in this origin's localStorage
   * (scripts of other origins cannot read it) as {auth, seen}, so that every tab of the app shares them.
   * They are wiped on logout, which every other tab follows (storage event), and after idleMinutes without
   * use (/config.json, etc/org.xinfang.web.cfg session.idle.minutes), whichever tab notices first.
   */
  var idleMinutes = 30;
  var TOUCH_EVERY_MS = 15000; // how often use is written down

  function stored() {
    try {
      var s = JSON.parse(localStorage.getItem(AUTH_KEY) || 'null');
      return s && typeof s.auth === 'string' && typeof s.seen === 'number' ? s : null;
    } catch (e) { return null; }
  }

  function idle(s) { return Date.now() - s.seen > idleMinutes * 60000; }

  function remember(auth) { localStorage.setItem(AUTH_KEY, JSON.stringify({ auth: auth, seen: Date.now() })); }

  function forget() { localStorage.removeItem(AUTH_KEY); }

  /** The person is using the app: the login stays (written at most every TOUCH_EVERY_MS). */
  function touch() {
    if (!session) { return; }
    var s = stored();
    if (s && s.auth === session.auth && !idle(s) && Date.now() - s.seen > TOUCH_EVERY_MS) { remember(session.auth); }
  }

  /** Ends this tab's login when another tab logged out, or when the browser's login went unused too long. */
  function checkSession() {
    if (!session) { return; }
    var s = stored();
    if (!s || s.auth !== session.auth) {
      logout(t('已在其他标签页退出登录', 'You logged out in another tab'), true);
    } else if (idle(s)) {
      logout(t('长时间未操作，已自动退出登录', 'You were logged out after a while without use'));
    }
  }

  function lang() { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; }

  /** The text in the chosen language. */
  function t(zh, en) { return lang() === 'en' ? en : zh; }

  /** The part of an API message "中文 / English" in the chosen language. */
  function msg(text) { return dom.half(text, lang() === 'en'); }


  /** An API error: status, and the API's {error, message, field}. */
  function ApiError(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = msg(this.body.message) || ('HTTP ' + status);
  }

  /**
   * Calls /api/v1 + path with the session's credentials; resolves with the JSON answer. {@code extra}: more headers
   * (the registration form asks for the minimal answer: Prefer: return=minimal).
   */
  function api(method, path, body, auth, extra) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XinfangWeb' };
    if (extra) { Object.keys(extra).forEach(function (k) { headers[k] = extra[k]; }); }
    var credentials = auth || (session && session.auth);
    if (credentials) { headers.Authorization = 'Basic ' + credentials; }
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/api/v1' + path, init).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
        if (!r.ok) {
          if (r.status === 401 && session && !auth) { logout(t('登录已失效，请重新登录', 'Your session has ended; please log in again')); }
          throw new ApiError(r.status, json);
        }
        return json;
      });
    }, function () {
      throw new ApiError(0, { message: '无法连接本节点，请检查网络 / cannot reach this node; check the network' });
    });
  }

  /** Downloads a file of the API (an export) with the session's credentials, under the given name. */
  function download(path, name) {
    var headers = { 'X-Requested-With': 'XinfangWeb' };
    if (session && session.auth) { headers.Authorization = 'Basic ' + session.auth; }
    return fetch('/api/v1' + path, { headers: headers, credentials: 'omit', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new ApiError(r.status, { message: t('导出失败', 'The export failed') + ' (' + r.status + ')' }); }
      return r.blob();
    }).then(function (blob) {
      var a = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }

  function toast(text, kind) {
    var box = document.getElementById('toast');
    box.textContent = text;
    box.className = 'toast show' + (kind ? ' ' + kind : '');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.className = 'toast'; }, 5000);
  }

  /** Encodes user:password for HTTP Basic (UTF-8). */
  function basic(user, password) {
    var bytes = new TextEncoder().encode(user + ':' + password);
    var bin = '';
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin);
  }

  function hasRole(roles) {
    if (!session) { return false; }
    if (!roles || roles.length === 0 || session.roles.indexOf('admin') >= 0) { return true; }
    return roles.some(function (r) { return session.roles.indexOf(r) >= 0; });
  }

  /** A labelled form field with a place for its error: the same messages as the API, next to the field. */
  function field(id, label, control, hint) {
    control.id = id;
    var error = el('div', { class: 'error', id: id + '-error', 'aria-live': 'polite' });
    var hintEl = hint ? el('div', { class: 'hint', id: id + '-hint', text: hint }) : null;
    control.setAttribute('aria-describedby', (hint ? id + '-hint ' : '') + id + '-error');
    // an error goes away as soon as the field is changed
    ['input', 'change'].forEach(function (type) {
      control.addEventListener(type, function () { error.textContent = ''; control.removeAttribute('aria-invalid'); });
    });
    return el('div', { class: 'field', 'data-field': control.name || id },
      el('label', { for: id, text: label }), control, hintEl, error);
  }

  /**
   * A month picked from two lists, 年 and 月, in the page's language (the browser's own month picker speaks the
   * browser's language: "October 2026" in a Chinese page). Fields `<id>-year` and `<id>` (named `month`, where the
   * API's errors about the month land); no month after `max` (YYYY-MM); years back to five before it, or to the
   * value's. `onchange(YYYY-MM)` after a pick. Answers {node, value()}.
   */
  function monthPicker(id, value, max, onchange) {
    var maxYear = +max.substring(0, 4), maxMonth = +max.substring(5, 7), shownYear = +value.substring(0, 4);
    var years = el('select', { name: 'year' });
    for (var y = maxYear; y >= Math.min(shownYear, maxYear - 5); y--) {
      years.appendChild(el('option', { value: String(y), text: t(y + '年', String(y)), selected: y === shownYear }));
    }
    var months = el('select', { name: 'month' });
    var EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    function fillMonths(wanted) {
      clear(months);
      var last = +years.value === maxYear ? maxMonth : 12;
      for (var m = 1; m <= last; m++) {
        var v = (m < 10 ? '0' : '') + m;
        months.appendChild(el('option', { value: v, text: t(m + '月', EN[m - 1]), selected: v === wanted }));
      }
    }
    fillMonths(value.substring(5, 7));
    function current() { return years.value + '-' + months.value; }
    years.addEventListener('change', function () { fillMonths(months.value); if (onchange) { onchange(current()); } });
    months.addEventListener('change', function () { if (onchange) { onchange(current()); } });
    return { node: el('div', { class: 'month-pick' }, field(id + '-year', t('年', 'Year'), years), field(id, t('月', 'Month'), months)),
      value: current };
  }

  /**
   * The browser's own file field speaks the browser's language ("Choose Files", "No file chosen"): after `field`
   * has placed `input`, it is hidden from view (still focusable and read by assistive technology) behind a button
   * and the chosen files' names in the page's language.
   */
  function fileChooser(input) {
    var none = t('未选择文件', 'No file chosen');
    var names = el('span', { class: 'file-names', text: none });
    input.classList.add('file-native');
    input.addEventListener('change', function () {
      names.textContent = input.files.length
        ? Array.prototype.map.call(input.files, function (f) { return f.name; }).join(t('、', ', ')) : none;
    });
    input.parentNode.insertBefore(el('span', { class: 'file-choose' },
      el('label', { for: input.id, class: 'file-button', text: t('选择文件', 'Choose files') }), names), input.nextSibling);
    return input;
  }

  /** Shows an error on the field it names (a JSON path like petitioners[0].idNumber); true if shown there. */
  function fieldError(form, path, text) {
    var box = form.querySelector('[data-field="' + (window.CSS && CSS.escape ? CSS.escape(path) : path) + '"]');
    if (!box) { return false; }
    var control = box.querySelector('input, select, textarea');
    box.querySelector('.error').textContent = text;
    if (control) { control.setAttribute('aria-invalid', 'true'); }
    return true;
  }

  function clearErrors(form) {
    form.querySelectorAll('.error').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var general = form.querySelector('.form-error');
    if (general) { general.textContent = ''; }
  }

  /** Puts an API error on its field, or above the form's buttons; focuses the field at fault. */
  function showError(form, error) {
    var body = error.body || {};
    var text = msg(body.message) || error.message;
    if (body.field && fieldError(form, body.field, text)) {
      var c = form.querySelector('[data-field="' + body.field + '"] input, [data-field="' + body.field + '"] select, [data-field="' + body.field + '"] textarea');
      if (c) { c.focus(); }
      return;
    }
    var general = form.querySelector('.form-error');
    if (general) { general.textContent = text; } else { toast(text, 'bad'); }
  }

  function date(iso) { return iso ? String(iso).substring(0, 10) : ''; }

  function dateTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return iso; }
    return d.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  /** Days left on a clock as a badge: amber when close (3 days or fewer), red when overdue. */
  function deadlineBadge(d) {
    if (!d) { return el('span', { class: 'badge none', text: '—' }); }
    var left = d.daysRemaining;
    var cls = left < 0 ? 'red' : left <= 3 ? 'amber' : 'green';
    var text = left < 0 ? t('超期' + (-left) + '天', (-left) + ' d overdue')
      : left === 0 ? t('今天到期', 'due today') : t('剩' + left + '天', left + ' d left');
    if (d.provisional) {
      text += t('（暂定）', ' (provisional)');
    }
    return el('span', { class: 'badge ' + cls, title: (d.stepLabel || d.step) + ' · ' + t('截止', 'due') + ' ' + dueText(d),
      'data-days': left, 'data-provisional': d.provisional ? 'true' : null, text: text });
  }

  /**
   * A due day as people read it: marked provisional when it rests on a year whose State Council notice
   * is not loaded yet (make-up working days may still move it).
   */
  function dueText(d) {
    return d.due + (d.provisional ? t('（暂定：当年放假安排尚未公布）', ' (provisional: that year\'s holiday notice is not out yet)') : '');
  }

  /** A table whose header buttons sort its rows; columns: {key, label, render(row), sort(row)}. */
  /**
   * Saves a table as CSV: UTF-8 with a byte-order mark and CRLF lines (Excel and WPS read the Chinese), every
   * field quoted, a field a spreadsheet would take for a formula prefixed with '. It holds what the user sees on
   * the screen and nothing more, so personal data is masked exactly as there.
   */
  function exportTable(table, name) {
    function field(text) {
      var v = (text || '').replace(/\s+/g, ' ').trim();
      if (/^[=+\-@\t\r]/.test(v)) { v = "'" + v; }
      return '"' + v.replace(/"/g, '""') + '"';
    }
    var lines = [];
    table.querySelectorAll('tr').forEach(function (tr) {
      var cells = tr.querySelectorAll('th, td');
      if (cells.length === 1 && cells[0].classList.contains('muted')) { return; }
      lines.push(Array.prototype.map.call(cells, function (c) { return field(c.textContent); }).join(','));
    });
    var blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    var a = el('a', { href: URL.createObjectURL(blob), download: name + '.csv' });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /**
   * A data table in its own sideways-scrolling box: the page never scrolls sideways (WCAG 1.4.10 reflow), only a
   * wide table inside its box. Short texts stay on one line (no word broken one or two characters a line), long
   * ones wrap from a readable width (class long). Call again after changing the rows (markCells).
   */
  function tableBox(table) {
    markCells(table);
    return el('div', { class: 'table-wrap' }, table);
  }

  function markCells(table) {
    table.querySelectorAll('td').forEach(function (td) {
      td.classList.toggle('long', td.textContent.trim().length > 16);
    });
  }

  function sortableTable(columns, rows, caption, exportName) {
    var state = { key: null, dir: 1 };
    var tbody = el('tbody');
    var headRow = el('tr');
    var table = el('table', { class: 'grid' }, caption ? el('caption', { text: caption }) : null, el('thead', {}, headRow), tbody);
    function fill() {
      clear(tbody);
      var sorted = rows.slice();
      if (state.key) {
        var col = columns.filter(function (c) { return c.key === state.key; })[0];
        sorted.sort(function (a, b) {
          var x = col.sort ? col.sort(a) : a[col.key];
          var y = col.sort ? col.sort(b) : b[col.key];
          if (x == null) { return 1; }
          if (y == null) { return -1; }
          return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
        });
      }
      if (sorted.length === 0) {
        tbody.appendChild(el('tr', {}, el('td', { colspan: columns.length, class: 'muted', text: t('没有记录', 'Nothing to show') })));
      }
      sorted.forEach(function (row) {
        tbody.appendChild(el('tr', {}, columns.map(function (c) {
          var v = c.render ? c.render(row) : row[c.key];
          return el('td', { 'data-col': c.key }, v == null ? '' : v);
        })));
      });
      markCells(table);
      headRow.querySelectorAll('th').forEach(function (th) {
        th.setAttribute('aria-sort', th.dataset.key === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
      });
    }
    columns.forEach(function (c) {
      var th = el('th', { scope: 'col', 'data-key': c.key });
      if (c.sortable === false) { th.textContent = c.label; }
      else {
        th.appendChild(el('button', { type: 'button', class: 'sort', text: c.label, onclick: function () {
          state.dir = state.key === c.key ? -state.dir : 1;
          state.key = c.key;
          fill();
        } }));
      }
      headRow.appendChild(th);
    });
    fill();
    if (exportName) {
      // the list as a file Excel and WPS open: what the table shows, in its order (see exportTable)
      var button = el('button', { type: 'button', class: 'export', 'data-export': exportName, text: t('导出CSV', 'Export CSV'),
        onclick: function () { exportTable(table, exportName); } });
      return el('div', { class: 'exportable' }, el('p', { class: 'actions' }, button), tableBox(table));
    }
    return tableBox(table);
  }

  // ---------------------------------------------------------------- vocabulary and checks the API also makes

  var vocab = {
    kind: [['SUGGESTION', '建议意见', 'Suggestion'], ['ACCUSATION', '检举控告', 'Accusation'], ['CLAIM', '申诉求决', 'Claim']],
    channel: [['WALK_IN', '来访', 'Visit'], ['LETTER', '来信', 'Letter'], ['PHONE', '来电', 'Phone'], ['ONLINE', '网上', 'Online'],
      ['FAX', '传真', 'Fax'], ['EMAIL', '电邮', 'E-mail']],
    status: [['REGISTERED', '已登记', 'Registered'], ['TRIAGED', '已分流', 'Assigned'], ['ACCEPTED', '已受理', 'Accepted'],
      ['OBJECTED', '已提出异议', 'Objected'], ['DECIDED', '已答复', 'Decided'], ['MEDIATED', '调解结案', 'Mediated'],
      ['REVIEW_REQUESTED', '已申请复查', 'Review requested'], ['REVIEWED', '已复查', 'Reviewed'],
      ['REREVIEW_REQUESTED', '已申请复核', 'Re-review requested'], ['REREVIEWED', '已复核', 'Re-reviewed'],
      ['TERMINATED', '已终结', 'Concluded'], ['REDIRECTED', '已导入其他渠道', 'Redirected'], ['NOT_ACCEPTED', '不予受理', 'Not accepted'],
      ['REPLIED', '已回复', 'Suggestion answered'], ['ARCHIVED', '历史办结', 'Closed (historic)']],
    // what can happen to a case (the API's EventType; its typeLabel is Chinese only)
    event: [['REGISTERED', '登记', 'Registered'], ['ASSIGNED', '交办', 'Assigned'], ['RECEIVED', '签收', 'Received'],
      ['ACCEPTED', '受理', 'Accepted'], ['REPLIED', '回复建议意见', 'Suggestion answered'], ['DELIVERED', '送达', 'Delivered'],
      ['OBJECTED', '提出异议', 'Objected'], ['OBJECTION_DECLINED', '不同意异议', 'Objection declined'],
      ['EXTENDED', '延长办理期限', 'Extended'], ['DECIDED', '出具处理意见', 'Decided'],
      ['MEDIATED', '调解结案', 'Mediated'], ['REVIEW_REQUESTED', '申请复查', 'Review requested'], ['REVIEWED', '出具复查意见', 'Reviewed'],
      ['REREVIEW_REQUESTED', '申请复核', 'Re-review requested'], ['HEARING_STARTED', '听证开始', 'Hearing started'],
      ['HEARING_ENDED', '听证结束', 'Hearing ended'], ['REREVIEWED', '出具复核意见', 'Re-reviewed'], ['TERMINATED', '终结', 'Concluded'],
      ['REDIRECTED', '导入其他渠道', 'Redirected'], ['NOT_ACCEPTED', '不予受理', 'Not accepted'], ['LINKED', '重复信访并案', 'Linked'],
      ['SUPERVISED', '督办', 'Supervised'], ['SUPERVISION_ANSWERED', '书面答复督办', 'Supervision answered'],
      ['SUPERVISION_ACCEPTED', '认可督办答复', 'Answer to supervision accepted'],
      ['SUPERVISION_RETURNED', '退回督办答复', 'Answer to supervision sent back'],
      ['LEADER_TOOK', '领导包案', 'Taken by a leader'], ['LEADER_PROGRESS', '包案进展', 'Leader\'s progress'],
      ['LEADER_CLOSED', '包案办结', 'Closed by the leader'], ['HEARING_SCHEDULED', '安排听证', 'Hearing scheduled'],
      ['HEARING_RECORDED', '听证记录', 'Hearing recorded'], ['MAJOR_FLAGGED', '标记重大紧急', 'Flagged as major or urgent'],
      ['MAJOR_RECEIVED', '收到重大紧急事项报告', 'Major matter reported'],
      ['MAJOR_ACKNOWLEDGED', '确认知悉重大紧急事项', 'Major matter acknowledged'],
      ['RESPONSE_OPENED', '启动应急联动/联席会议', 'Joint response opened'], ['RESPONSE_MEETING', '联动会议', 'Joint response meeting'],
      ['RESPONSE_CLOSED', '结束应急联动/联席会议', 'Joint response closed'],
      ['RATED', '信访人评价', 'Rated by the petitioner'], ['ARCHIVED', '历史办结', 'Closed (historic)']],
    role: [['clerk', '登记员', 'Clerk'], ['handler', '承办人', 'Handler'], ['head', '负责人', 'Unit head'], ['leader', '领导', 'Leader'],
      ['supervisor', '督查', 'Supervisor'], ['admin', '系统管理员', 'Administrator']]
  };

  // how the API shows people who are not in a staff list (Person.display()): Chinese only there
  var FIXED_PEOPLE = { '系统管理员': 'System administrator', '未登记人员': 'Not in the staff list', '信访人': 'The petitioner',
    '系统自动督办': 'Automatic supervision' };

  /** A person as the API displays them ("王芳 · 清河镇信访办主任"); the few fixed names in the chosen language. */
  function person(display) {
    if (display == null || display === '') { return ''; }
    return FIXED_PEOPLE[display] ? t(display, FIXED_PEOPLE[display]) : display;
  }

  /**
   * A conflict notice in words: 您（或经办人）于 … 的「环节」未被 上级单位 采纳：理由. "您" when the step was the
   * logged-in person's (the notice names people, not logins, so it is matched by name).
   */
  function conflictText(c) {
    var mine = session && session.named && c.actorName === session.display;
    var step = label('event', c.type);
    var reason = msg(c.reason);
    return t((mine ? '您' : person(c.actorName)) + '于' + dateTime(c.at) + '办理的「' + step + '」未被' + c.refusedByName + '采纳'
        + (reason ? '：' + reason : '。'),
      (mine ? 'Your step “' + step + '”' : 'The step “' + step + '” by ' + person(c.actorName)) + ' of ' + dateTime(c.at)
        + ' was not taken by ' + c.refusedByName + (reason ? ': ' + reason : '.'));
  }

  /** The label of a code in the chosen language, from vocab[list]. */
  function label(list, code) {
    var hit = vocab[list].filter(function (v) { return v[0] === code; })[0];
    return hit ? t(hit[1], hit[2]) : code;
  }

  /** A <select> of a vocabulary; with a first empty option when blank is given. */
  function select(list, name, blank) {
    var s = el('select', { name: name });
    if (blank) { s.appendChild(el('option', { value: '', text: blank })); }
    vocab[list].forEach(function (v) { s.appendChild(el('option', { value: v[0], text: t(v[1], v[2]) })); });
    return s;
  }

  var PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
    '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];

  /** What is wrong with a resident ID number (GB 11643), in the API's words; null when nothing is. */
  function idProblem(value) {
    var id = String(value).trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) { return t('身份证号码应为18位，前17位为数字，末位为数字或X', 'must be 18 characters: 17 digits and a digit or X'); }
    if (PROVINCES.indexOf(id.substring(0, 2)) < 0) { return t('身份证号码的地址码无效', 'the address code is not a valid region'); }
    var y = +id.substring(6, 10), m = +id.substring(10, 12), d = +id.substring(12, 14);
    var birth = new Date(Date.UTC(y, m - 1, d));
    if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
      return t('身份证号码中的出生日期无效', 'the birth date is not a valid date');
    }
    if (y < 1850 || birth.getTime() > Date.now()) { return t('身份证号码中的出生日期不合理', 'the birth date is out of range'); }
    var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (+id.charAt(i)) * weights[i]; }
    if ('10X98765432'.charAt(sum % 11) !== id.charAt(17)) {
      return t('身份证号码校验码错误', 'the check digit (GB 11643, ISO 7064 MOD 11-2) does not match');
    }
    return null;
  }

  function phoneProblem(value) {
    return /^\+?[0-9][0-9 ()\-]{4,19}$/.test(String(value).trim()) ? null
      : t('电话号码格式不正确（数字、空格、+、-、括号）', 'phone: digits, spaces, +, - and brackets only');
  }

  /** Today in the office's time zone, as YYYY-MM-DD. */
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }

  // ---------------------------------------------------------------- navigation and pages

  /**
   * The page and its parameters from the address: #/<page>/<params...>?<name>=<value>&... — the path params as
   * ctx.params, the query (a list's filters and page, kept so a list can be bookmarked) as ctx.query.
   */
  function route() {
    var hash = location.hash.replace(/^#\/?/, '');
    var query = {};
    var mark = hash.indexOf('?');
    if (mark >= 0) {
      new URLSearchParams(hash.substring(mark + 1)).forEach(function (value, name) { query[name] = value; });
      hash = hash.substring(0, mark);
    }
    var parts = hash.split('/').filter(function (p) { return p.length > 0; }).map(decodeURIComponent);
    return { id: parts[0] || '', params: parts.slice(1), query: query };
  }

  function go(hash) { if (location.hash === hash) { render(); } else { location.hash = hash; } }

  function navItems() {
    return Object.keys(pages).map(function (k) { return pages[k].meta; })
      .filter(function (m) { return m.navigation && hasRole(m.roles); })
      .sort(function (a, b) { return a.order - b.order; });
  }

  function renderNav() {
    var nav = document.getElementById('nav');
    clear(nav);
    var list = el('ul');
    var r = route();
    navItems().forEach(function (m) {
      list.appendChild(el('li', {}, el('a', { href: '#/' + m.id, 'aria-current': r.id === m.id ? 'page' : null,
        'data-page': m.id, text: m.title[lang()] || m.title.zh })));
    });
    nav.appendChild(list);
    nav.hidden = false;
  }

  function loadScript(src) {
    return new Promise(function (resolve) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { console.error('page script failed: ' + src); resolve(); };
      document.head.appendChild(s);
    });
  }

  function loadPages() {
    return fetch('/pages.json', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (m) { pages[m.id] = { meta: m, impl: null }; });
      return Promise.all(list.map(function (m) { return loadScript(m.script); }));
    });
  }

  /** Called by each page's script: Xinfang.page('cases', {render: function (main, ctx) {...}}). */
  function page(id, impl) {
    if (!pages[id]) { pages[id] = { meta: { id: id, order: 999, title: { zh: id, en: id }, roles: [], navigation: false } }; }
    pages[id].impl = impl;
  }

  function render() {
    var main = document.getElementById('main');
    if (!session) { renderLogin(main); return; }
    var r = route();
    var first = navItems()[0];
    if (!r.id) {
      if (first) { go('#/' + first.id); return; }
      clear(main).appendChild(el('p', { text: t('本节点未安装页面', 'No pages are installed on this node') }));
      return;
    }
    renderNav();
    var p = pages[r.id];
    clear(main);
    if (!p || !p.impl || !hasRole(p.meta.roles)) {
      main.appendChild(el('h1', { text: t('页面不存在', 'Page not found') }));
      main.appendChild(el('p', { text: t('本节点没有这个页面，或当前用户无权查看。', 'This node has no such page, or your role may not see it.') }));
      return;
    }
    current = r;
    document.title = (p.meta.title[lang()] || p.meta.title.zh) + ' · ' + t('信访工作平台', 'Xinfang');
    // each render draws into its own element: an answer that arrives after the user has moved on
    // lands in a detached element instead of over the page now shown
    var view = el('div', { class: 'view', 'data-view': r.id });
    main.appendChild(alertBox());
    main.appendChild(view);
    try {
      var done = p.impl.render(view, context(r));
      if (done && done.catch) {
        done.catch(function (e) { view.appendChild(el('p', { class: 'form-error', role: 'alert', text: e.message || String(e) })); });
      }
    } catch (e) {
      view.appendChild(el('p', { class: 'form-error', role: 'alert', text: e.message || String(e) }));
    }
  }

  /**
   * 重大紧急: the major matters flagged below this node that no named person here has acknowledged, on every
   * page until someone does (R2022 Art. 25). Filled in when the answer comes; empty when there are none.
   */
  function alertBox() {
    var box = el('div', { id: 'major-alerts', role: 'alert', 'aria-live': 'assertive' });
    api('GET', '/alerts').then(function (a) {
      if (!a.items.length) { return; }
      box.className = 'warn alerts';
      box.appendChild(el('strong', { text: t('重大紧急信访事项待确认知悉（' + a.items.length + '件）：',
        'Major or urgent matters to acknowledge (' + a.items.length + '): ') }));
      box.appendChild(el('ul', {}, a.items.map(function (m) {
        return el('li', { 'data-case': m.id }, el('a', { href: '#/case/' + encodeURIComponent(m.id), text: m.subject }),
          ' · ' + m.flaggedByName + ' · ' + dateTime(m.flaggedAt) + ' · ' + m.reason);
      })));
    }, function () { /* the page itself reports what is wrong with the connection */ });
    return box;
  }

  function context(r) {
    return { params: r.params, query: r.query || {}, user: session, api: api, t: t, msg: msg, el: el, go: go, toast: toast };
  }

  // ---------------------------------------------------------------- login

  function renderLogin(main) {
    document.getElementById('nav').hidden = true;
    document.getElementById('logout').hidden = true;
    showWho();
    document.title = t('登录', 'Log in') + ' · ' + t('信访工作平台', 'Xinfang');
    var user = el('input', { name: 'user', autocomplete: 'username', required: true });
    var password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    var form = el('form', { class: 'card login', novalidate: true },
      el('h1', { text: t('工作人员登录', 'Staff login') }),
      el('p', { class: 'muted', text: t('使用本节点分配的账号登录。', 'Log in with the account this node issued to you.') }),
      field('login-user', t('用户名', 'User name'), user),
      field('login-password', t('密码', 'Password'), password),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: t('登录', 'Log in') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearErrors(form);
      if (!user.value.trim()) { fieldError(form, 'user', t('请输入用户名', 'Enter your user name')); user.focus(); return; }
      if (!password.value) { fieldError(form, 'password', t('请输入密码', 'Enter your password')); password.focus(); return; }
      var auth = basic(user.value.trim(), password.value);
      api('GET', '/me', undefined, auth).then(function (me) {
        session = sessionOf(me, auth);
        remember(auth);
        started();
      }, function (e) {
        form.querySelector('.form-error').textContent = e.status === 401
          ? t('用户名或密码错误', 'Wrong user name or password')
          : e.status === 403 ? t('该账号没有工作人员角色', 'This account has no staff role') : e.message;
        password.value = '';
        password.focus();
      });
    });
    clear(main).appendChild(form);
    user.focus();
  }

  /**
   * Who is logged in, from /me: the login only for the API's credentials, the person (name and title)
   * for everything shown; {@code named} is false when the staff list does not name the account.
   */
  function sessionOf(me, auth) {
    return { user: me.user, roles: me.roles, node: me.node, auth: auth, name: me.name, title: me.title,
      display: me.display, named: me.named === true };
  }

  /** The header: the person by name and title (roles as a tooltip), the node by its unit's name. */
  function showWho() {
    var who = document.getElementById('who');
    if (!session) { who.textContent = ''; who.removeAttribute('title'); return; }
    who.textContent = person(session.display) + (session.named ? '' : t('（未在人员名册中登记）', ' (not in the staff list)'));
    who.title = t('角色：', 'Roles: ') + session.roles.map(function (r) { return label('role', r); }).join(t('、', ', '));
    document.getElementById('node-name').textContent = session.node.unitName;
  }

  function started() {
    document.getElementById('logout').hidden = false;
    showWho();
    render();
  }

  /** Ends the login in this tab, and (unless another tab ended it already) in every tab of the browser. */
  function logout(reason, elsewhere) {
    var was = session;
    session = null;
    var s = stored();
    if (!elsewhere && (!s || !was || s.auth === was.auth)) { forget(); }
    document.getElementById('node-name').textContent = '';
    location.hash = '';
    render();
    if (reason) { toast(reason, 'bad'); }
  }

  function applyLanguage() {
    document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
    var button = document.getElementById('lang');
    button.textContent = lang() === 'en' ? '中文' : 'English';
    button.setAttribute('lang', lang() === 'en' ? 'zh-CN' : 'en');
    button.setAttribute('aria-label', lang() === 'en' ? '切换到中文' : 'Switch to English');
    document.getElementById('brand-title').textContent = t('信访工作平台', 'Xinfang petition platform');
    document.getElementById('logout').textContent = t('退出登录', 'Log out');
    document.getElementById('skip-link').textContent = t('跳到正文', 'Skip to content');
    document.getElementById('nav').setAttribute('aria-label', t('主导航', 'Main navigation'));
  }

  function boot() {
    applyLanguage();
    document.getElementById('lang').addEventListener('click', function () {
      localStorage.setItem(LANG_KEY, lang() === 'en' ? 'zh' : 'en');
      applyLanguage();
      showWho();
      render();
    });
    document.getElementById('logout').addEventListener('click', function () { logout(); });
    ['click', 'keydown', 'input'].forEach(function (type) { document.addEventListener(type, touch, true); });
    // another tab logged in or out: follow it
    window.addEventListener('storage', function (ev) {
      if (ev.key !== AUTH_KEY && ev.key !== null) { return; }
      var s = stored();
      if (session) { checkSession(); }
      if (!session && s && !idle(s)) { resume(s.auth); }
    });
    setInterval(checkSession, 15000);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { checkSession(); } });
    window.addEventListener('hashchange', function () {
      render();
      document.getElementById('main').focus();
    });
    sessionStorage.removeItem(AUTH_KEY); // where an older version kept the login, per tab
    Promise.all([loadPages(), loadConfig()]).then(function () {
      var s = stored();
      if (s && idle(s)) { forget(); s = null; }
      if (!s) { render(); return; }
      resume(s.auth);
    });
  }

  /** Logs this tab in with the browser's login (another tab's), if the node still takes it. */
  function resume(auth) {
    return api('GET', '/me', undefined, auth).then(function (me) {
      var s = stored();
      if (!s || s.auth !== auth) { render(); return; } // logged out meanwhile
      session = sessionOf(me, auth);
      remember(auth);
      started();
    }, function (e) {
      if (e.status === 401 || e.status === 403) { forget(); }
      render();
    });
  }

  /** The app's settings from the node (how long a login lasts unused); the defaults when unreadable. */
  function loadConfig() {
    return fetch('/config.json', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (c) {
      if (c && c.idleMinutes > 0) { idleMinutes = c.idleMinutes; }
    }, function () { /* keep the default */ });
  }

  window.Xinfang = {
    page: page, api: api, t: t, msg: msg, el: el, clear: clear, go: go, toast: toast, field: field,
    fieldError: fieldError, clearErrors: clearErrors, showError: showError, date: date, dateTime: dateTime,
    deadlineBadge: deadlineBadge, dueText: dueText, sortableTable: sortableTable, tableBox: tableBox, monthPicker: monthPicker, fileChooser: fileChooser, exportTable: exportTable, hasRole: hasRole, lang: lang,
    vocab: vocab, label: label, select: select, idProblem: idProblem, phoneProblem: phoneProblem, today: today,
    person: person, conflictText: conflictText, download: download,
    session: function () { return session; }, rerender: render
  };

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', boot); } else { boot(); }
}());
