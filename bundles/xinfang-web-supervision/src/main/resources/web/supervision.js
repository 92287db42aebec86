/*
 * 督办 — supervision notices raised here or received here, open until answered in writing (R2022
 * Art. 40); supervisors, leaders and unit heads can run the overdue scan now instead of waiting a day.
 */
(function (X) {
  'use strict';
  var openOnly = true;

  X.page('supervision', {
    render: function (main) {
      var t = X.t, el = X.el;
      var results = el('div', { id: 'supervision-results' });
      var toggle = el('input', { type: 'checkbox', id: 's-open', checked: openOnly });
      toggle.addEventListener('change', function () { openOnly = toggle.checked; X.rerender(); });
      var bar = el('div', { class: 'actions' }, el('label', { for: 's-open' }, toggle, ' ', t('只看未答复的', 'Only unanswered')));
      if (X.hasRole(['supervisor', 'leader', 'head'])) {
        bar.appendChild(el('button', { type: 'button', id: 's-scan', class: 'primary', text: t('立即检查超期并督办', 'Scan for overdue cases now'),
          onclick: function (ev) {
            ev.target.disabled = true;
            X.api('POST', '/supervision/scan').then(function (r) {
              X.toast(t('新督办 ' + r.supervised.length + ' 件', r.supervised.length + ' cases supervised'));
              X.rerender();
            }, function (e) { ev.target.disabled = false; X.toast(e.message, 'bad'); });
          } }));
      }
      main.appendChild(el('h1', { text: t('督办', 'Supervision') }));
      main.appendChild(el('p', { class: 'muted', text: t('上级机关对超期未办的事项督办，被督办单位应于30日内书面答复（《信访工作条例》第四十条）。',
        'The level above supervises lapsed cases; the supervised unit answers in writing within 30 days (R2022 Art. 40).') }));
      main.appendChild(bar);
      main.appendChild(results);
      return X.api('GET', '/supervision?open=' + openOnly).then(function (answer) {
        results.appendChild(X.sortableTable([
          { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', label: t('事项', 'Subject') },
          { key: 'ownerName', label: t('被督办单位', 'Supervised unit') },
          { key: 'raisedByName', label: t('督办单位', 'Raised by') },
          { key: 'raisedOn', label: t('督办日期', 'Raised') },
          { key: 'reason', label: t('督办事由', 'Reason'), sortable: false },
          { key: 'answerDue', label: t('答复期限', 'Answer due') },
          { key: 'answeredOn', label: t('答复', 'Answer'), render: function (r) {
            return r.answeredOn ? r.answeredOn + ' ' + (r.answer || '') : el('span', { class: 'badge ' + (r.answerDue < X.today() ? 'red' : 'amber'), text: t('待答复', 'awaiting') });
          }, sort: function (r) { return r.answeredOn; } }
        ], answer.items));
      });
    }
  });
}(window.Xinfang));
