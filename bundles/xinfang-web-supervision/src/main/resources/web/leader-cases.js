/*
 * 领导包案 — the cases leaders of this unit and below took as their own (四定三包: the leader, the measures,
 * the deadline, the responsible unit), open, overdue or closed; a leader sees their own first.
 */
(function (X) {
  'use strict';
  var filter = 'open';
  var mineOnly = null;

  X.page('leader-cases', {
    render: function (main) {
      var t = X.t, el = X.el;
      if (mineOnly === null) { mineOnly = X.hasRole(['leader']) && !X.hasRole(['admin']); }
      var results = el('div', { id: 'leader-results' });
      var choice = el('select', { id: 'l-filter' },
        [['open', '进行中', 'Open'], ['overdue', '已超期', 'Overdue'], ['closed', '已办结', 'Closed'], ['all', '全部', 'All']].map(function (o) {
          return el('option', { value: o[0], text: t(o[1], o[2]), selected: o[0] === filter });
        }));
      choice.addEventListener('change', function () { filter = choice.value; X.rerender(); });
      var mine = el('input', { type: 'checkbox', id: 'l-mine', checked: mineOnly });
      mine.addEventListener('change', function () { mineOnly = mine.checked; X.rerender(); });
      main.appendChild(el('h1', { text: t('领导包案', 'Leader cases (包案)') }));
      main.appendChild(el('p', { class: 'muted', text: t('领导包案实行定领导、定措施、定时限、定责任单位；超过包案时限未办结的标为超期。',
        'A leader owns a case with four fixes: the leader, the measures, the deadline, the responsible unit; past its deadline and not closed it is overdue.') }));
      main.appendChild(el('div', { class: 'actions' },
        el('label', { for: 'l-filter' }, t('范围', 'Show'), ' ', choice), ' ',
        el('label', { for: 'l-mine' }, mine, ' ', t('只看我包案的', 'Only mine'))));
      main.appendChild(results);
      return X.api('GET', '/leader-cases?filter=' + filter + (mineOnly ? '&mine=true' : '')).then(function (answer) {
        results.appendChild(X.sortableTable([
          { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', label: t('事项', 'Subject') },
          { key: 'leader', label: t('包案领导', 'Leader'), render: function (r) { return X.person(r.leader); } },
          { key: 'responsibleUnitName', label: t('责任单位', 'Responsible unit') },
          { key: 'measures', label: t('包案措施', 'Measures'), sortable: false },
          { key: 'targetDate', label: t('包案时限', 'Settle by'), render: function (r) {
            return el('span', {}, r.targetDate, r.overdue ? el('span', { class: 'badge red', text: t('已超期', 'overdue') }) : '');
          } },
          { key: 'progressEntries', label: t('进展', 'Progress'), render: function (r) {
            return r.progressEntries + t('次', '') + (r.lastProgressOn ? t('，最近 ', ', last ') + r.lastProgressOn : '');
          } },
          { key: 'closedOn', label: t('办结', 'Closed') }
        ], answer.items, null, t('领导包案', 'leader-cases')));
      });
    }
  });
}(window.Xinfang));
