/*
 * 督办 — supervision notices raised here or received here, open until answered in writing (R2022
 * Art. 40); supervisors, leaders and unit heads can run the overdue scan now instead of waiting a day.
 */
(function (X) {
  'use strict';
  var openOnly = true;
  var listedOnly = false;

  X.page('supervision', {
    render: function (main) {
      var t = X.t, el = X.el;
      var results = el('div', { id: 'supervision-results' });
      var toggle = el('input', { type: 'checkbox', id: 's-open', checked: openOnly });
      toggle.addEventListener('change', function () { openOnly = toggle.checked; X.rerender(); });
      var listed = el('input', { type: 'checkbox', id: 's-listed', checked: listedOnly });
      listed.addEventListener('change', function () { listedOnly = listed.checked; X.rerender(); });
      var bar = el('div', { class: 'actions' }, el('label', { for: 's-open' }, toggle, ' ', t('只看未办结的', 'Only open')), ' ',
        el('label', { for: 's-listed' }, listed, ' ', t('挂牌督办看板', 'Listed (the board)')));
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
      main.appendChild(el('p', { class: 'muted', text: t('上级机关对超期未办的事项督办，也可在案件页人工督办（可挂牌）；被督办单位书面答复，人工督办的答复经督办单位认可后办结（《信访工作条例》第四十条）。',
        'The level above supervises lapsed cases, or any case by hand from its page (listed or not); the supervised unit answers in writing, and an answer to a supervision by hand closes it once the supervising unit accepts it (R2022 Art. 40).') }));
      main.appendChild(bar);
      main.appendChild(results);
      return X.api('GET', '/supervision?open=' + openOnly + (listedOnly ? '&listed=true' : '')).then(function (answer) {
        results.appendChild(X.sortableTable([
          { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', label: t('事项', 'Subject') },
          { key: 'supervisedUnitName', label: t('被督办单位', 'Supervised unit'), render: function (r) {
            return el('span', {}, r.supervisedUnitName, r.listed ? el('span', { class: 'badge red', text: t('挂牌', 'listed') }) : '');
          } },
          { key: 'raisedByName', label: t('督办单位', 'Raised by') },
          { key: 'raisedOn', label: t('督办日期', 'Raised') },
          { key: 'reason', label: t('督办事由', 'Reason'), sortable: false },
          { key: 'answerDue', label: t('答复期限', 'Answer due') },
          { key: 'answeredOn', label: t('答复', 'Answer'), render: function (r) {
            if (r.answeredOn) {
              return el('span', {}, r.answeredOn + ' ' + (r.answer || '') + ' ', r.state === 'answered'
                ? el('span', { class: 'badge amber', text: t('待认可', 'to accept') }) : el('span', { class: 'badge', text: t('已办结', 'closed') }));
            }
            return el('span', { class: 'badge ' + (r.answerDue < X.today() ? 'red' : 'amber'), text: t('待答复', 'awaiting') });
          }, sort: function (r) { return r.answeredOn; } }
        ], answer.items, null, t('督办', 'supervision')));
      });
    }
  });
}(window.Xinfang));
