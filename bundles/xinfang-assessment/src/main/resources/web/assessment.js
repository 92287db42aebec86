/*
 * 目标考核 — the yearly assessment of the departments and townships below this node: a ranked table of
 * scores, each indicator's rate and points, and the cases that cost the points one click away (the
 * statistics list of that unit's cases). The rules (weights) are edited at the top of the network; a
 * leader closes a year that is over, after which it is shown exactly as closed.
 */
(function (X) {
  'use strict';
  var year = null;

  function pct(r) { return r == null ? '—' : (Math.round(r * 1000) / 10) + '%'; }

  X.page('assessment', {
    render: function (main) {
      var t = X.t, el = X.el;
      var thisYear = parseInt(X.today().substring(0, 4), 10);
      if (!year) { year = thisYear; }
      main.appendChild(el('h1', { text: t('目标考核', 'Assessment') }));
      var pick = el('select', { id: 'a-year', name: 'year' });
      for (var y = thisYear; y >= thisYear - 5; y--) { pick.appendChild(el('option', { value: String(y), text: y + t('年度', '') })); }
      pick.value = String(year);
      pick.addEventListener('change', function () { year = parseInt(pick.value, 10); X.rerender(); });
      main.appendChild(el('div', { class: 'filters' }, X.field('a-year', t('考核年度', 'Year'), pick)));
      return Promise.all([X.api('GET', '/assessments?year=' + year), X.api('GET', '/assessments/rules'), X.api('GET', '/node')]).then(function (r) {
        var a = r[0], rules = r[1], node = r[2];
        var state = a.closed
          ? t('已关账：' + (a.closedBy.display || a.closedBy.name) + '于' + a.closedAt.substring(0, 10) + '关账，以下为关账时的结果（校验码 ' + a.digest.substring(0, 16) + '…）。',
            'Closed by ' + (a.closedBy.display || a.closedBy.name) + ' on ' + a.closedAt.substring(0, 10) + ': shown as closed (digest ' + a.digest.substring(0, 16) + '…).')
          : t('统计至 ' + a.to + '，按当前案件实时计算；年度结束后由领导关账固定。', 'Counted to ' + a.to + ' from the cases as they are now; a leader closes the year when it is over.');
        main.appendChild(el('p', { id: 'a-state', class: a.closed ? 'ok' : 'hint', 'data-closed': String(a.closed), text: state }));
        var head = [el('th', { text: t('名次', 'Rank') }), el('th', { text: t('单位', 'Unit') }), el('th', { text: t('得分', 'Score') }),
          el('th', { text: t('件数', 'Cases') })];
        var indicators = a.units.length ? a.units[0].indicators.map(function (i) { return i; }) : [];
        indicators.forEach(function (i) { head.push(el('th', { text: t(i.label, i.labelEn) + '（' + i.weight + t('分', '') + '）' })); });
        var body = el('tbody');
        a.units.forEach(function (u) {
          var tr = el('tr', { 'data-unit': u.unit }, el('td', { class: 'rank', text: String(u.rank) }), el('td', { text: u.unitName }),
            el('td', { class: 'score', text: String(u.score) }), el('td', { text: String(u.cases) }));
          u.indicators.forEach(function (i) {
            var cell = el('td', { 'data-indicator': i.indicator });
            if (!i.applies) {
              cell.appendChild(document.createTextNode(t('不计', 'n/a')));
            } else {
              cell.appendChild(document.createTextNode(pct(i.rate) + ' · ' + i.points + '/' + i.weight));
            }
            if (i.indicator === 'SCREENING' && i.lost > 0) {
              cell.appendChild(document.createTextNode(' '));
              cell.appendChild(el('a', { class: 'lost', href: '#/screening', text: t('迟报或未报' + i.lost + '个月', i.lost + ' months late') }));
            }
            if (i.casesLost && i.lost > 0) {
              var c = i.casesLost;
              cell.appendChild(document.createTextNode(' '));
              cell.appendChild(el('a', { class: 'lost', href: '#/statistics/cases/' + [c.from, c.to, c.figure, c.key || '-', '0', c.owner].map(encodeURIComponent).join('/'),
                text: t('失分' + i.lost + '件', i.lost + ' lost') }));
            }
            tr.appendChild(cell);
          });
          body.appendChild(tr);
        });
        var table = el('table', { class: 'grid', id: 'a-table' }, el('thead', {}, el('tr', {}, head)), body);
        main.appendChild(el('section', { class: 'card' }, el('p', { class: 'actions' }, el('button', { type: 'button', class: 'export',
          id: 'a-export', text: t('导出CSV', 'Export CSV'), onclick: function () { X.exportTable(table, t(year + '年度目标考核', 'assessment-' + year)); } })), X.tableBox(table)));
        if (!a.closed && year < thisYear && X.hasRole(['leader'])) {
          main.appendChild(el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', id: 'a-close',
            text: t('关账（固定' + year + '年度考核结果）', 'Close ' + year), onclick: function () {
              X.api('POST', '/assessments/' + year + '/close').then(function () { X.toast(t('已关账', 'Closed')); X.rerender(); },
                function (e) { X.toast(e.message, 'bad'); });
            } })));
        }
        // the rules: weights per indicator
        var editable = !node.parent && X.hasRole(['head']);
        var form = el('form', { class: 'card', id: 'a-rules', novalidate: true }, el('h2', { text: t('考核规则（第' + rules.version + '版）', 'Rules (version ' + rules.version + ')') }),
          el('p', { class: 'hint', text: node.parent ? t('考核规则由上级统一制定，经同步下发。', 'The rules are kept above and synced down.')
            : t('各项指标的分值；某单位没有应计件数的指标不计入其满分，得分按百分制折算。', 'Points per indicator; an indicator with nothing to count is left out of a unit\'s total, and the score is scaled to 100.') }));
        var inputs = {};
        Object.keys(rules.weights).forEach(function (k) {
          inputs[k] = el('input', { type: 'number', min: 0, max: 100, name: 'weights.' + k, value: String(rules.weights[k]), disabled: !editable });
          form.appendChild(X.field('w-' + k, t(rules.labels[k].zh, rules.labels[k].en), inputs[k]));
        });
        form.appendChild(el('p', { class: 'form-error', role: 'alert' }));
        if (editable) {
          form.appendChild(el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'a-save', text: t('保存规则', 'Save the rules') })));
          form.addEventListener('submit', function (ev) {
            ev.preventDefault();
            var weights = {};
            Object.keys(inputs).forEach(function (k) { weights[k] = parseInt(inputs[k].value, 10); });
            X.api('PUT', '/assessments/rules', { version: rules.version, weights: weights }).then(function () {
              X.toast(t('规则已保存，将同步到下级节点', 'Saved; synced down')); X.rerender();
            }, function (e) { X.showError(form, e); });
          });
        }
        main.appendChild(form);
      });
    }
  });
}(window.Xinfang));
