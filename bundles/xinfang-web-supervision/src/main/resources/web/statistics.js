/*
 * 统计 — the cases this node holds (its subtree) received in a period, counted from their events: by kind,
 * status, channel, category, month and unit; mass visits, repeats, supervised, major and overdue cases;
 * the on-time rate of each clock; satisfaction; the same period a year before. Every count opens the list
 * of the cases behind it (#/statistics/cases/<from>/<to>/<figure>/<key>), counted by the same rule.
 */
(function (X) {
  'use strict';
  var period = null;
  var STEPS = { TRIAGE: ['分流', 'Triage'], NOTICE: ['受理告知', 'Acceptance notice'], REROUTE: ['核实异议', 'Objection check'],
    HANDLING: ['办理', 'Handling'], REVIEW: ['复查', 'Review'], REREVIEW: ['复核', 'Re-review'], SUPERVISION: ['督办答复', 'Answer to supervision'] };

  var RATINGS = { SATISFIED: ['满意', 'Satisfied'], BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'],
    DISSATISFIED: ['不满意', 'Dissatisfied'] };
  var FIGURES = { total: ['总件数', 'Cases'], kind: ['类别', 'Kind'], status: ['状态', 'Status'], channel: ['渠道', 'Channel'],
    category: ['问题分类', 'Category'], month: ['月份', 'Month'], unit: ['责任单位', 'Unit'], massVisits: ['集体访', 'Mass visits'],
    repeats: ['重复信访', 'Repeats'], supervised: ['督办', 'Supervised'], major: ['重大紧急', 'Major'], overdue: ['超期未办', 'Overdue'],
    onTime: ['按期情况', 'On time'], satisfaction: ['满意度', 'Satisfaction'] };

  function casesLink(figure, key) {
    return '#/statistics/cases/' + [period.from, period.to, figure, key || '-'].map(encodeURIComponent).join('/');
  }

  /** The cases behind one figure, a page of 50 at a time. */
  function renderCases(main, params) {
    var t = X.t, el = X.el;
    var from = params[1], to = params[2], figure = params[3], key = params[4] === '-' ? '' : params[4];
    var offset = Math.max(0, parseInt(params[5] || '0', 10) || 0);
    var owner = params[6] || ''; // only the cases this unit owns (the assessment's count)
    period = { from: from, to: to };
    var f = FIGURES[figure] || [figure, figure];
    main.appendChild(el('p', {}, el('a', { href: '#/statistics', text: t('← 返回统计', '← Back to statistics') })));
    main.appendChild(el('h1', { id: 'stats-cases-title', text: t(f[0], f[1]) + (key ? '：' + key : '') + '（' + from + ' 至 ' + to + '）' }));
    var q = '/statistics/cases?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) + '&figure=' + encodeURIComponent(figure)
      + (key ? '&key=' + encodeURIComponent(key) : '') + (owner ? '&owner=' + encodeURIComponent(owner) : '') + '&offset=' + offset + '&limit=50';
    return X.api('GET', q).then(function (page) {
      main.appendChild(el('p', { id: 'stats-cases-total', 'data-total': String(page.total),
        text: t('共 ' + page.total + ' 件', page.total + ' cases') }));
      main.appendChild(el('section', { class: 'card', id: 'stats-cases' }, X.sortableTable([
        { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
        { key: 'subject', label: t('事项', 'Subject') },
        { key: 'kind', label: t('类别', 'Kind'), render: function (r) { return X.label('kind', r.kind); } },
        { key: 'category', label: t('问题分类', 'Category'), render: function (r) { return r.category || '—'; } },
        { key: 'receivedAt', label: t('收到日期', 'Received') },
        { key: 'ownerName', label: t('责任单位', 'Unit') },
        { key: 'status', label: t('状态', 'Status'), render: function (r) { return X.label('status', r.status); } }
      ], page.items, null, t('统计明细', 'statistics-cases'))));
      var base = '#/statistics/cases/' + [from, to, figure, key || '-'].map(encodeURIComponent).join('/') + '/';
      var tail = owner ? '/' + encodeURIComponent(owner) : '';
      var pager = el('p', { class: 'pager' });
      if (offset > 0) { pager.appendChild(el('a', { href: base + Math.max(0, offset - 50) + tail, text: t('上一页', 'Previous') })); pager.appendChild(document.createTextNode(' ')); }
      if (offset + 50 < page.total) { pager.appendChild(el('a', { href: base + (offset + 50) + tail, text: t('下一页', 'Next') })); }
      main.appendChild(pager);
    });
  }

  X.page('statistics', {
    render: function (main, ctx) {
      var t = X.t, el = X.el;
      if (ctx && ctx.params && ctx.params[0] === 'cases' && ctx.params.length >= 5) { return renderCases(main, ctx.params); }
      if (!period) { var today = X.today(); period = { from: today.substring(0, 8) + '01', to: today }; }
      var from = el('input', { type: 'date', name: 'from', value: period.from });
      var to = el('input', { type: 'date', name: 'to', value: period.to });
      var form = el('form', { class: 'filters', id: 'stats-form' }, X.field('s-from', t('收到日期自', 'Received from'), from),
        X.field('s-to', t('至', 'to'), to), el('div', { class: 'field' }, el('button', { type: 'submit', class: 'primary', text: t('统计', 'Count') }), ' ',
          el('button', { type: 'button', id: 's-export', text: t('导出CSV', 'Export CSV'), onclick: function () {
            X.download('/statistics/export.csv?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to), '信访统计.csv')
              .catch(function (e) { X.toast(e.message, 'bad'); });
          } })),
        el('p', { class: 'form-error', role: 'alert' }));
      form.addEventListener('submit', function (ev) { ev.preventDefault(); period = { from: from.value, to: to.value }; X.rerender(); });
      var results = el('div', { id: 'stats-results' });
      main.appendChild(el('h1', { text: t('统计', 'Statistics') }));
      main.appendChild(form);
      main.appendChild(results);
      function pct(r) { return r == null ? '—' : (Math.round(r * 1000) / 10) + '%'; }
      function table(id, zh, en, counts, label, figure) {
        var rows = Object.keys(counts).map(function (k) { return { key: k, n: counts[k] }; });
        return el('section', { class: 'card', id: id }, el('h2', { text: t(zh, en) }), X.sortableTable([
          { key: 'key', label: t('项目', 'Item'), render: function (r) { return label ? label(r.key) : r.key; } },
          { key: 'n', label: t('件数', 'Cases'), render: function (r) { return el('a', { href: casesLink(figure, r.key), text: String(r.n) }); } }
        ], rows));
      }
      return X.api('GET', '/statistics?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to)).then(function (s) {
        var facts = el('dl', { class: 'facts', id: 'stats-totals' });
        function fact(k, v, id, figure) {
          facts.appendChild(el('dt', { text: k }));
          facts.appendChild(el('dd', { id: id }, figure ? el('a', { href: casesLink(figure), text: String(v) }) : String(v)));
        }
        fact(t('总件数', 'Cases'), s.total, 'stats-total', 'total');
        fact(t('去年同期', 'Same period last year'), s.sameTimeLastYear, 'stats-last-year');
        fact(t('集体访（5人以上）', 'Mass visits (5+)'), s.massVisits, 'stats-mass', 'massVisits');
        fact(t('重复信访', 'Repeats'), s.repeats + '（' + pct(s.repeatRate) + '）', 'stats-repeats', 'repeats');
        fact(t('督办', 'Supervised'), s.supervised, 'stats-supervised', 'supervised');
        fact(t('重大紧急', 'Major'), s.major, 'stats-major', 'major');
        fact(t('超期未办', 'Overdue'), s.overdue, 'stats-overdue', 'overdue');
        fact(t('满意率', 'Satisfied'), pct(s.satisfaction.rate) + t('（评价' + s.satisfaction.rated + '件）', ' (' + s.satisfaction.rated + ' rated)'), 'stats-satisfaction');
        results.appendChild(el('section', { class: 'card' }, el('h2', { text: t('总体', 'Overall') }), facts));
        var onTime = Object.keys(s.onTime).map(function (k) { return { step: k, met: s.onTime[k].met, missed: s.onTime[k].missed, rate: s.onTime[k].rate }; });
        results.appendChild(el('section', { class: 'card', id: 'stats-ontime' }, el('h2', { text: t('按期率', 'On time') }), X.sortableTable([
          { key: 'step', label: t('期限', 'Clock'), render: function (r) { var w = STEPS[r.step]; return w ? t(w[0], w[1]) : r.step; } },
          { key: 'met', label: t('按期', 'Met'), render: function (r) { return el('a', { href: casesLink('onTime', r.step + ':met'), text: String(r.met) }); } },
          { key: 'missed', label: t('超期', 'Missed'), render: function (r) { return el('a', { href: casesLink('onTime', r.step + ':missed'), text: String(r.missed) }); } },
          { key: 'rate', label: t('按期率', 'Rate'), render: function (r) { return pct(r.rate); } }
        ], onTime)));
        results.appendChild(table('stats-kind', '按类别', 'By kind', s.byKind, function (k) { return X.label('kind', k); }, 'kind'));
        results.appendChild(table('stats-status', '按状态', 'By status', s.byStatus, function (k) { return X.label('status', k); }, 'status'));
        results.appendChild(table('stats-channel', '按渠道', 'By channel', s.byChannel, function (k) { return X.label('channel', k); }, 'channel'));
        results.appendChild(table('stats-category', '按问题分类', 'By category', s.byCategory, null, 'category'));
        var unmapped = Object.keys(s.unmappedCategories || {});
        if (unmapped.length) {
          results.appendChild(el('p', { class: 'warn', id: 'stats-unmapped', text: t('以下登记时填写的分类尚未归入分类目录（计入「未映射」），可在「问题分类」页设为别名：',
            'These categories typed before the managed list are counted as unmapped until the list names them: ') + unmapped.map(function (k) {
            return k + '（' + s.unmappedCategories[k] + '）'; }).join('、') }));
        }
        results.appendChild(table('stats-unit', '按责任单位', 'By unit', s.byUnit, function (k) { return s.unitNames[k] || k; }, 'unit'));
        results.appendChild(table('stats-month', '按月', 'By month', s.byMonth, null, 'month'));
        var levels = s.satisfaction.byLevel || {};
        if (Object.keys(levels).length) {
          results.appendChild(table('stats-satisfaction', '满意度评价', 'Satisfaction', levels, function (k) { var w = RATINGS[k]; return w ? t(w[0], w[1]) : k; }, 'satisfaction'));
        }
      }, function (e) { X.showError(form, e); });
    }
  });
}(window.Xinfang));
