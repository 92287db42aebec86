/*
 * 统计 — the cases this node holds (its subtree) received in a period, counted from their events: by kind,
 * status, channel, category, month and unit; mass visits, repeats, supervised, major and overdue cases;
 * the on-time rate of each clock; satisfaction; the same period a year before. The counts by status and
 * kind open the case list behind them.
 */
(function (X) {
  'use strict';
  var period = null;
  var STEPS = { TRIAGE: ['分流', 'Triage'], NOTICE: ['受理告知', 'Acceptance notice'], REROUTE: ['核实异议', 'Objection check'],
    HANDLING: ['办理', 'Handling'], REVIEW: ['复查', 'Review'], REREVIEW: ['复核', 'Re-review'], SUPERVISION: ['督办答复', 'Answer to supervision'] };

  X.page('statistics', {
    render: function (main) {
      var t = X.t, el = X.el;
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
      function table(id, zh, en, counts, label, link) {
        var rows = Object.keys(counts).map(function (k) { return { key: k, n: counts[k] }; });
        return el('section', { class: 'card', id: id }, el('h2', { text: t(zh, en) }), X.sortableTable([
          { key: 'key', label: t('项目', 'Item'), render: function (r) {
            var text = label ? label(r.key) : r.key;
            return link ? el('a', { href: link(r.key), text: text }) : text;
          } },
          { key: 'n', label: t('件数', 'Cases') }
        ], rows));
      }
      return X.api('GET', '/statistics?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to)).then(function (s) {
        var facts = el('dl', { class: 'facts', id: 'stats-totals' });
        function fact(k, v, id) { facts.appendChild(el('dt', { text: k })); facts.appendChild(el('dd', { id: id, text: String(v) })); }
        fact(t('总件数', 'Cases'), s.total, 'stats-total');
        fact(t('去年同期', 'Same period last year'), s.sameTimeLastYear, 'stats-last-year');
        fact(t('集体访（5人以上）', 'Mass visits (5+)'), s.massVisits, 'stats-mass');
        fact(t('重复信访', 'Repeats'), s.repeats + '（' + pct(s.repeatRate) + '）', 'stats-repeats');
        fact(t('督办', 'Supervised'), s.supervised, 'stats-supervised');
        fact(t('重大紧急', 'Major'), s.major, 'stats-major');
        fact(t('超期未办', 'Overdue'), s.overdue, 'stats-overdue');
        fact(t('满意率', 'Satisfied'), pct(s.satisfaction.rate) + t('（评价' + s.satisfaction.rated + '件）', ' (' + s.satisfaction.rated + ' rated)'), 'stats-satisfaction');
        results.appendChild(el('section', { class: 'card' }, el('h2', { text: t('总体', 'Overall') }), facts));
        var onTime = Object.keys(s.onTime).map(function (k) { return { step: k, met: s.onTime[k].met, missed: s.onTime[k].missed, rate: s.onTime[k].rate }; });
        results.appendChild(el('section', { class: 'card', id: 'stats-ontime' }, el('h2', { text: t('按期率', 'On time') }), X.sortableTable([
          { key: 'step', label: t('期限', 'Clock'), render: function (r) { var w = STEPS[r.step]; return w ? t(w[0], w[1]) : r.step; } },
          { key: 'met', label: t('按期', 'Met') }, { key: 'missed', label: t('超期', 'Missed') },
          { key: 'rate', label: t('按期率', 'Rate'), render: function (r) { return pct(r.rate); } }
        ], onTime)));
        results.appendChild(table('stats-kind', '按类别', 'By kind', s.byKind, function (k) { return X.label('kind', k); }, null));
        results.appendChild(table('stats-status', '按状态', 'By status', s.byStatus, function (k) { return X.label('status', k); },
          function (k) { return '#/cases/status/' + k; }));
        results.appendChild(table('stats-channel', '按渠道', 'By channel', s.byChannel, function (k) { return X.label('channel', k); }, null));
        results.appendChild(table('stats-category', '按问题分类', 'By category', s.byCategory, null, null));
        results.appendChild(table('stats-unit', '按责任单位', 'By unit', s.byUnit, function (k) { return s.unitNames[k] || k; }, null));
        results.appendChild(table('stats-month', '按月', 'By month', s.byMonth, null, null));
      }, function (e) { X.showError(form, e); });
    }
  });
}(window.Xinfang));
