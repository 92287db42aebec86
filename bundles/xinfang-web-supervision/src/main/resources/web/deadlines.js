/* 期限预警 — overdue cases, cases close to their deadline, every open clock; most urgent first. */
(function (X) {
  'use strict';
  var filter = 'overdue';

  X.page('deadlines', {
    render: function (main) {
      var t = X.t, el = X.el;
      var results = el('div', { id: 'deadline-results' });
      var tabs = el('div', { class: 'actions', role: 'group', 'aria-label': t('范围', 'Scope') });
      [['overdue', '已超期', 'Overdue'], ['approaching', '3日内到期', 'Due within 3 days'], ['open', '全部在办', 'All open']].forEach(function (f) {
        tabs.appendChild(el('button', { type: 'button', 'data-filter': f[0], 'aria-pressed': String(filter === f[0]),
          class: filter === f[0] ? 'primary' : '', text: t(f[1], f[2]), onclick: function () { filter = f[0]; X.rerender(); } }));
      });
      main.appendChild(el('h1', { text: t('期限预警', 'Deadlines') }));
      main.appendChild(el('p', { class: 'muted', text: t('受理告知15日、办理60日（可延长30日）、复查复核各30日（《信访工作条例》第二十三、三十二至三十六条）。',
        'Notice in 15 days, decision in 60 (+30 once), review and re-review 30 each (R2022 Art. 23, 32-36).') }));
      main.appendChild(tabs);
      main.appendChild(results);
      return X.api('GET', '/deadlines?filter=' + filter + '&days=3').then(function (answer) {
        var items = answer.items || answer;
        results.appendChild(X.sortableTable([
          { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', label: t('事项', 'Subject') },
          { key: 'ownerName', label: t('责任单位', 'Owner') },
          { key: 'status', label: t('状态', 'Status'), render: function (r) { return X.label('status', r.status); } },
          { key: 'step', label: t('环节', 'Step'), render: function (r) { return r.deadline ? r.deadline.stepLabel : ''; } },
          { key: 'due', label: t('截止', 'Due'), render: function (r) { return r.deadline ? X.dueText(r.deadline) : ''; }, sort: function (r) { return r.deadline && r.deadline.due; } },
          { key: 'days', label: t('剩余', 'Left'), render: function (r) { return X.deadlineBadge(r.deadline); },
            sort: function (r) { return r.deadline ? r.deadline.daysRemaining : null; } }
        ], items, null, t('期限预警', 'deadlines')));
      });
    }
  });
}(window.Xinfang));
