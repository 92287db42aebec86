/*
 * 信访摘报 — the monthly digest. #/digest lists the months and lets the office generate one; #/digest/<YYYY-MM>
 * shows a month's digest laid out as the printed 摘报 (masthead with title, issue and issuing unit; the office's
 * text; the figures in tables; charts drawn by Apache ECharts, served by this node at /pages/digest/echarts.js).
 * While a draft, the office edits its text and counts the figures again, and a leader signs it off; a signed
 * digest is shown exactly as stored, with the SHA-256 of the document the node served. Printing gives the
 * digest alone (digest.css), the charts with it, drawn at twice the screen's resolution for paper.
 */
(function (X) {
  'use strict';
  var OFFICE = ['clerk', 'handler', 'head'];
  var LEADERS = ['leader'];
  var CHART = { width: 640, height: 280 };
  var echartsLoading = null;

  /** The page's style sheet (layout of the sheet, print rules), once. */
  function ensureStyle() {
    if (!document.querySelector('link[data-digest-style]')) {
      document.head.appendChild(X.el('link', { rel: 'stylesheet', href: '/pages/digest/digest.css', 'data-digest-style': true }));
    }
  }

  /** ECharts from this node, loaded when a digest is first shown. */
  function loadEcharts() {
    if (window.echarts) { return Promise.resolve(window.echarts); }
    if (!echartsLoading) {
      echartsLoading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = '/pages/digest/echarts.js';
        s.onload = function () { resolve(window.echarts); };
        s.onerror = function () {
          echartsLoading = null;
          reject(new Error(X.t('图表组件加载失败', 'The chart library could not be loaded')));
        };
        document.head.appendChild(s);
      });
    }
    return echartsLoading;
  }

  /** GET of a digest: the document as served, and its SHA-256 from the answer's header. */
  function fetchDigest(month) {
    var session = X.session();
    return fetch('/api/v1/digests/' + encodeURIComponent(month), {
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XinfangWeb', 'Authorization': 'Basic ' + session.auth },
      credentials: 'omit', cache: 'no-store'
    }).then(function (r) {
      return r.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!r.ok) {
          var err = new Error(X.msg(body && body.message) || ('HTTP ' + r.status));
          err.status = r.status;
          throw err;
        }
        return { digest: body, sha256: r.headers.get('X-Content-SHA256'), text: text };
      });
    });
  }

  /** Whether the bytes received hash to the SHA-256 the node gave (only where the browser offers hashing). */
  function verify(text, sha256) {
    if (!window.crypto || !window.crypto.subtle || !sha256) { return Promise.resolve(null); }
    return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (buf) {
      var hex = Array.prototype.map.call(new Uint8Array(buf), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
      return hex === sha256;
    }, function () { return null; });
  }

  function pct(r) { return r == null ? '—' : (Math.round(r * 1000) / 10) + '%'; }
  function change(r) {
    if (r == null) { return '—'; }
    var v = Math.round(r * 1000) / 10;
    return (v > 0 ? X.t('上升', '+') : v < 0 ? X.t('下降', '−') : '') + Math.abs(v) + '%';
  }
  function monthLabel(m) { return X.t(m.substring(0, 4) + '年' + Number(m.substring(5)) + '月', m); }
  function dayLabel(iso) { return iso ? X.dateTime(iso) : ''; }
  /** A code's name: the vocabulary's in English, the name stored with the figures in Chinese. */
  function nameOf(list, item) { return X.lang() === 'en' && list ? X.label(list, item.code) : item.name; }

  function previousMonth() {
    var d = X.today();
    var y = Number(d.substring(0, 4));
    var m = Number(d.substring(5, 7)) - 1;
    if (m === 0) { y -= 1; m = 12; }
    return y + '-' + (m < 10 ? '0' : '') + m;
  }

  // ---------------------------------------------------------------- the list of months

  function renderList(main) {
    var t = X.t, el = X.el;
    main.appendChild(el('h1', { text: t('信访摘报', 'Monthly digest') }));
    if (X.hasRole(OFFICE)) {
      // 年 and 月 as lists in the page's language (the browser's month picker speaks the browser's)
      var month = X.monthPicker('digest-month', previousMonth(), X.today().substring(0, 7));
      var form = el('form', { class: 'filters', id: 'digest-generate', novalidate: true },
        el('fieldset', {}, el('legend', { text: t('月份', 'Month') }), month.node),
        el('div', { class: 'field' }, el('button', { type: 'submit', class: 'primary', text: t('生成摘报', 'Generate') })),
        el('p', { class: 'form-error', role: 'alert' }));
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        X.clearErrors(form);
        X.api('POST', '/digests', { month: month.value() }).then(function (d) {
          X.toast(t('已生成' + monthLabel(d.month) + '摘报草稿', 'Draft of ' + d.month + ' generated'));
          X.go('#/digest/' + d.month);
        }, function (e) { X.showError(form, e); });
      });
      main.appendChild(form);
    }
    var list = el('div', { id: 'digest-list' });
    main.appendChild(list);
    return X.api('GET', '/digests').then(function (a) {
      if (!a.items.length) {
        list.appendChild(el('p', { class: 'muted', text: t('尚未生成摘报。', 'No digest yet.') }));
        return;
      }
      list.appendChild(X.sortableTable([
        { key: 'issueLabel', label: t('期数', 'Issue'), render: function (r) {
          return el('a', { href: '#/digest/' + r.month, 'data-month': r.month, text: t(r.issueLabel, r.month) });
        } },
        { key: 'month', label: t('月份', 'Month'), render: function (r) { return monthLabel(r.month); } },
        { key: 'status', label: t('状态', 'Status'), render: function (r) {
          return el('span', { class: 'status', text: r.status === 'SIGNED' ? t('已签发', 'Signed') : t('草稿', 'Draft') });
        } },
        { key: 'signedAt', label: t('签发', 'Signed off'), render: function (r) {
          return r.signedBy ? X.person(r.signedBy) + ' · ' + dayLabel(r.signedAt) : '—';
        } },
        { key: 'sha256', label: t('校验码（SHA-256）', 'SHA-256'), render: function (r) {
          return el('code', { title: r.sha256, text: r.sha256.substring(0, 16) + '…' });
        } }
      ], a.items, a.title));
    });
  }

  // ---------------------------------------------------------------- one digest

  function table(id, columns, rows) {
    var el = X.el;
    return X.tableBox(el('table', { class: 'grid digest-table', id: id },
      el('thead', {}, el('tr', {}, columns.map(function (c) { return el('th', { scope: 'col', text: c.label }); }))),
      el('tbody', {}, rows.length ? rows.map(function (r) {
        return el('tr', {}, columns.map(function (c) { return el('td', {}, c.render(r)); }));
      }) : el('tr', {}, el('td', { colspan: String(columns.length), class: 'muted', text: X.t('无', 'None') })))));
  }

  function countTable(id, items, list, what) {
    var t = X.t;
    return table(id, [
      { label: what, render: function (r) { return nameOf(list, r); } },
      { label: t('件数', 'Cases'), render: function (r) { return String(r.count); } }
    ], items);
  }

  /** A chart's box: fixed size, so that it prints as drawn. */
  function chartBox(id, caption) {
    return X.el('figure', { class: 'digest-figure' },
      X.el('div', { class: 'digest-chart', id: id, role: 'img', 'aria-label': caption }),
      X.el('figcaption', { text: caption }));
  }

  /** The office's text: a paragraph per line, or the field to write it while a draft may be edited. */
  function textSection(id, heading, value, editable, name, max) {
    var el = X.el, t = X.t;
    var section = el('section', { class: 'digest-section', id: id }, el('h2', { text: heading }));
    var shown = el('div', { class: 'digest-text' + (editable ? ' print-only' : '') });
    function fill(text) {
      X.clear(shown);
      (text || '').split('\n').filter(function (p) { return p.trim(); }).forEach(function (p) { shown.appendChild(el('p', { text: p })); });
      if (!shown.firstChild) { shown.appendChild(el('p', { class: 'muted', text: t('（未填写）', '(not written)') })); }
    }
    fill(value);
    section.appendChild(shown);
    if (editable) {
      var area = el('textarea', { name: name, rows: '5', maxlength: String(max) });
      area.value = value || '';
      area.addEventListener('input', function () { fill(area.value); });
      section.appendChild(X.field('digest-edit-' + name, t('编辑', 'Edit') + '（' + t('不超过' + max + '字', 'at most ' + max + ' characters') + '）', area));
      section.classList.add('editing');
    }
    return section;
  }

  function renderDigest(main, month) {
    var t = X.t, el = X.el;
    ensureStyle();
    var back = el('a', { href: '#/digest', text: t('← 返回摘报列表', '← All digests') });
    var actions = el('div', { class: 'actions digest-actions no-print', id: 'digest-actions' }, back);
    main.appendChild(actions);
    var holder = el('div', { id: 'digest-holder' });
    main.appendChild(holder);
    return Promise.all([fetchDigest(month), loadEcharts()]).then(function (got) {
      var d = got[0].digest, sha256 = got[0].sha256, echarts = got[1];
      var f = d.figures;
      var draft = d.status === 'DRAFT';
      var editable = draft && X.hasRole(OFFICE);

      // -- the buttons
      actions.appendChild(el('button', { type: 'button', id: 'digest-print', text: t('打印', 'Print'), onclick: function () { window.print(); } }));
      var form = el('form', { id: 'digest-form', novalidate: true });
      if (editable) {
        actions.appendChild(el('button', { type: 'button', id: 'digest-regenerate', text: t('刷新数据', 'Count again'), onclick: function () {
          X.api('POST', '/digests/' + d.month + '/regenerate', { version: d.version }).then(function () {
            X.toast(t('已按最新数据重新统计', 'Counted again from the cases held now'));
            X.rerender();
          }, function (e) { X.toast(e.message, 'bad'); });
        } }));
      }
      if (draft && X.hasRole(LEADERS)) {
        var confirmBox = el('div', { class: 'warn no-print', id: 'digest-confirm', hidden: true },
          el('p', { text: t('签发后，本期摘报即固定，以后新登记或变化的案件不再改变其内容。确认以“' + X.person(X.session().display) + '”的名义签发？',
            'Once signed off, this issue is fixed: cases registered or changed later no longer alter it. Sign off as ' + X.person(X.session().display) + '?') }),
          el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'primary', id: 'digest-sign-confirm', text: t('确认签发', 'Sign off'), onclick: function () {
              X.api('POST', '/digests/' + d.month + '/sign-off', { version: d.version }).then(function () {
                X.toast(t('已签发', 'Signed off'));
                X.rerender();
              }, function (e) { X.toast(e.message, 'bad'); });
            } }),
            el('button', { type: 'button', text: t('取消', 'Cancel'), onclick: function () { confirmBox.hidden = true; } })));
        actions.appendChild(el('button', { type: 'button', class: 'primary', id: 'digest-sign', text: t('签发', 'Sign off'), onclick: function () {
          confirmBox.hidden = false;
        } }));
        main.insertBefore(confirmBox, holder);
      }

      // -- the sheet
      var sheet = el('article', { class: 'digest-sheet', id: 'digest-sheet', 'data-status': d.status, 'data-month': d.month });
      sheet.appendChild(el('header', { class: 'digest-masthead' },
        el('div', { class: 'digest-title', id: 'digest-title', text: d.title }),
        el('div', { class: 'digest-issue', text: t(d.issueLabel, d.month + ', issue ' + d.issue) + (draft ? t('（草稿）', ' (draft)') : '') }),
        el('div', { class: 'digest-meta' },
          el('span', { text: t(d.issuer + ' 编', 'Issued by ' + d.issuer) }),
          el('span', { id: 'digest-signed-on', text: d.signedAt ? t(dayLabel(d.signedAt) + ' 签发', 'Signed off ' + dayLabel(d.signedAt)) : t('未签发', 'Not signed off') })),
        el('hr', { class: 'digest-rule' })));
      sheet.appendChild(el('h1', { class: 'digest-heading', text: t(d.heading, 'Petitions in ' + d.month) }));

      sheet.appendChild(textSection('digest-highlights', t('一、本月要情', '1. Highlights of the month'), d.highlights, editable, 'highlights', 3000));

      var tt = f.totals;
      var overview = el('section', { class: 'digest-section', id: 'digest-overview' }, el('h2', { text: t('二、总体情况', '2. Overview') }));
      overview.appendChild(el('p', { class: 'digest-summary', text: t(
        '本月（' + f.period.from + '至' + f.period.to + '）共登记信访事项' + tt.total + '件，上月' + tt.previousMonth + '件，环比' + change(tt.monthOnMonth)
          + '；去年同月' + tt.sameMonthLastYear + '件，同比' + change(tt.yearOnYear) + '。',
        'From ' + f.period.from + ' to ' + f.period.to + ': ' + tt.total + ' matters registered; ' + tt.previousMonth + ' the month before ('
          + change(tt.monthOnMonth) + '); ' + tt.sameMonthLastYear + ' in the same month last year (' + change(tt.yearOnYear) + ').') }));
      overview.appendChild(table('digest-totals', [
        { label: t('项目', 'Item'), render: function (r) { return r[0]; } },
        { label: t('件数 / 比例', 'Cases / share'), render: function (r) { return String(r[1]); } }
      ], [
        [t('本月登记', 'This month'), tt.total], [t('上月', 'Month before'), tt.previousMonth], [t('环比', 'Month on month'), change(tt.monthOnMonth)],
        [t('去年同月', 'Same month last year'), tt.sameMonthLastYear], [t('同比', 'Year on year'), change(tt.yearOnYear)],
        [t('集体访（5人以上）', 'Mass visits (5+)'), tt.massVisits], [t('重复信访', 'Repeats'), tt.repeats + '（' + pct(tt.repeatRate) + '）'],
        [t('督办', 'Supervised'), tt.supervised], [t('重大紧急', 'Major'), tt.major], [t('本月登记件中超期', 'Overdue among them'), tt.overdue]
      ]));
      sheet.appendChild(overview);

      var trend = el('section', { class: 'digest-section', id: 'digest-trend' }, el('h2', { text: t('三、信访走势', '3. Trend') }));
      trend.appendChild(chartBox('digest-chart-trend', t('近12个月登记件数与上年同期对比', 'Matters registered in the last 12 months, against the year before')));
      sheet.appendChild(trend);

      var comp = el('section', { class: 'digest-section', id: 'digest-composition' }, el('h2', { text: t('四、类别与渠道', '4. Kinds and channels') }));
      comp.appendChild(chartBox('digest-chart-kind', t('按信访事项类别', 'By kind of matter')));
      comp.appendChild(countTable('digest-by-kind', f.byKind, 'kind', t('类别', 'Kind')));
      comp.appendChild(chartBox('digest-chart-channel', t('按信访渠道', 'By channel')));
      comp.appendChild(countTable('digest-by-channel', f.byChannel, 'channel', t('渠道', 'Channel')));
      sheet.appendChild(comp);

      var hot = el('section', { class: 'digest-section', id: 'digest-hot' }, el('h2', { text: t('五、热点问题与责任单位', '5. Hot issues and units') }));
      hot.appendChild(el('h3', { text: t('反映集中的问题', 'Most raised issues') }));
      hot.appendChild(countTable('digest-hot-categories', f.hotIssues.categories, null, t('问题分类', 'Category')));
      hot.appendChild(chartBox('digest-chart-unit', t('按责任单位', 'By responsible unit')));
      hot.appendChild(countTable('digest-by-unit', f.byUnit, null, t('责任单位', 'Unit')));
      sheet.appendChild(hot);

      var handling = el('section', { class: 'digest-section', id: 'digest-handling' }, el('h2', { text: t('六、按期办理与群众满意度', '6. Handling on time and satisfaction') }));
      handling.appendChild(table('digest-on-time', [
        { label: t('期限', 'Clock'), render: function (r) { return r.name; } },
        { label: t('按期', 'Met'), render: function (r) { return String(r.met); } },
        { label: t('超期', 'Missed'), render: function (r) { return String(r.missed); } },
        { label: t('按期率', 'Rate'), render: function (r) { return pct(r.rate); } }
      ], f.onTime));
      handling.appendChild(el('p', { id: 'digest-satisfaction', text: t('群众评价' + f.satisfaction.rated + '件，满意率（含基本满意）' + pct(f.satisfaction.rate) + '。',
        f.satisfaction.rated + ' rated; satisfied or basically satisfied: ' + pct(f.satisfaction.rate) + '.') }));
      sheet.appendChild(handling);

      var od = f.overdueCases;
      var overdue = el('section', { class: 'digest-section', id: 'digest-overdue' }, el('h2', { text: t('七、超期未办件', '7. Overdue cases') }));
      overdue.appendChild(el('p', { text: t('截至' + od.asOf + '，超期未办' + od.total + '件' + (od.total > od.items.length ? '（列出超期最久的' + od.items.length + '件）' : '') + '。',
        od.total + ' cases overdue on ' + od.asOf + (od.total > od.items.length ? ' (the ' + od.items.length + ' longest overdue listed)' : '') + '.') }));
      overdue.appendChild(table('digest-overdue-cases', [
        { label: t('编号', 'Number'), render: function (r) { return r.id; } },
        { label: t('事项', 'Subject'), render: function (r) { return r.subject; } },
        { label: t('责任单位', 'Unit'), render: function (r) { return r.unitName; } },
        { label: t('期限', 'Clock'), render: function (r) { return r.stepName; } },
        { label: t('超期天数', 'Days over'), render: function (r) { return String(r.daysOver); } }
      ], od.items));
      sheet.appendChild(overdue);

      sheet.appendChild(textSection('digest-analysis', t('八、分析研判', '8. Analysis'), d.analysis, editable, 'analysis', 5000));
      sheet.appendChild(textSection('digest-suggestions', t('九、工作建议', '9. Suggestions'), d.suggestions, editable, 'suggestions', 3000));

      var foot = el('footer', { class: 'digest-foot', id: 'digest-foot' });
      foot.appendChild(el('p', { id: 'digest-signer', text: d.signedBy
        ? t('签发：' + X.person(d.signedBy.display) + '　' + dayLabel(d.signedAt), 'Signed off by ' + X.person(d.signedBy.display) + ', ' + dayLabel(d.signedAt))
        : t('待签发', 'Awaiting sign-off') }));
      foot.appendChild(el('p', { class: 'muted', text: t('数据统计：' + X.person(d.generatedBy.display) + '　' + dayLabel(d.generatedAt),
        'Counted by ' + X.person(d.generatedBy.display) + ', ' + dayLabel(d.generatedAt))
        + (d.editedBy ? t('；文字：' + X.person(d.editedBy.display) + '　' + dayLabel(d.editedAt), '; text by ' + X.person(d.editedBy.display) + ', ' + dayLabel(d.editedAt)) : '') }));
      var hashLine = el('p', { class: 'digest-hash', id: 'digest-hash' }, t('校验码（SHA-256）：', 'SHA-256: '), el('code', { text: sha256 || '' }));
      foot.appendChild(hashLine);
      verify(got[0].text, sha256).then(function (ok) {
        if (ok !== null) {
          hashLine.appendChild(el('span', { class: 'badge ' + (ok ? 'green' : 'red'), id: 'digest-verified',
            text: ok ? t('本页内容与校验码一致', 'this page matches its hash') : t('内容与校验码不一致', 'does not match its hash') }));
        }
      });
      sheet.appendChild(foot);

      if (editable) {
        form.appendChild(sheet);
        form.appendChild(el('p', { class: 'form-error', role: 'alert' }));
        form.appendChild(el('div', { class: 'actions no-print' }, el('button', { type: 'submit', class: 'primary', id: 'digest-save', text: t('保存文字', 'Save the text') })));
        form.addEventListener('submit', function (ev) {
          ev.preventDefault();
          X.clearErrors(form);
          X.api('PUT', '/digests/' + d.month, {
            highlights: form.elements.highlights.value, analysis: form.elements.analysis.value,
            suggestions: form.elements.suggestions.value, version: d.version
          }).then(function () {
            X.toast(t('已保存', 'Saved'));
            X.rerender();
          }, function (e) { X.showError(form, e); });
        });
        holder.appendChild(form);
      } else {
        holder.appendChild(sheet);
      }
      drawCharts(echarts, f);
    });
  }

  /**
   * The charts, drawn on canvas at twice the screen's resolution (sharp on paper), without animation (complete at
   * once, on screen and in print). Not SVG: ECharts' SVG renderer writes style attributes, which the node's
   * Content-Security-Policy (no inline style) refuses, so its text would lose its size.
   */
  function drawCharts(echarts, f) {
    var t = X.t;
    var base = { animation: false, textStyle: { fontFamily: 'sans-serif' }, color: ['#b3261e', '#5470c6', '#91cc75', '#fac858', '#73c0de', '#3ba272', '#fc8452'] };
    function chart(id, option) {
      var box = document.getElementById(id);
      var c = echarts.init(box, null, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
        width: CHART.width, height: CHART.height });
      var o = {};
      Object.keys(base).forEach(function (k) { o[k] = base[k]; });
      Object.keys(option).forEach(function (k) { o[k] = option[k]; });
      c.setOption(o);
      box.setAttribute('data-rendered', 'true');
    }
    chart('digest-chart-trend', {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('本期', 'This year'), t('上年同期', 'Year before')], top: 0 },
      grid: { left: 40, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: f.trend.months.map(function (m) { return X.lang() === 'en' ? m : Number(m.substring(5)) + '月'; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('本期', 'This year'), type: 'line', data: f.trend.counts, label: { show: true } },
        { name: t('上年同期', 'Year before'), type: 'line', data: f.trend.lastYear, lineStyle: { type: 'dashed' } }
      ]
    });
    chart('digest-chart-kind', {
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['60%', '50%'], label: { formatter: '{b}：{c}（{d}%）' },
        data: f.byKind.map(function (k) { return { name: nameOf('kind', k), value: k.count }; }) }]
    });
    chart('digest-chart-channel', {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: f.byChannel.map(function (c) { return nameOf('channel', c); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: f.byChannel.map(function (c) { return c.count; }), label: { show: true, position: 'top' }, barMaxWidth: 40 }]
    });
    var units = f.byUnit.slice(0, 10).reverse();
    chart('digest-chart-unit', {
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 40, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: units.map(function (u) { return u.name; }) },
      series: [{ type: 'bar', data: units.map(function (u) { return u.count; }), label: { show: true, position: 'right' }, barMaxWidth: 24 }]
    });
  }

  X.page('digest', {
    render: function (main, ctx) {
      ensureStyle();
      var month = ctx.params[0];
      return month ? renderDigest(main, month) : renderList(main);
    }
  });
}(window.Xinfang));
