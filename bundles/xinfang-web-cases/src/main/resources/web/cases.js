/*
 * 案件 — the inbox: the cases this node holds, with filters, the open clock of each, sortable columns; above
 * them, when there are any, the steps taken here that the level above did not take (conflict notices).
 */
(function (X) {
  'use strict';
  var PAGE = 50;
  var NOTICES = 10;
  var filters = { status: '', kind: '', q: '', from: '', to: '', offset: 0 };

  X.page('cases', {
    render: function (main, ctx) {
      var t = X.t, el = X.el;
      // #/cases/status/<STATUS>: opened from a count on the home page
      if (ctx && ctx.params && ctx.params[0] === 'status' && ctx.params[1]) {
        filters.status = ctx.params[1];
        filters.offset = 0;
      }
      var status = X.select('status', 'status', t('全部状态', 'Any status'));
      var kind = X.select('kind', 'kind', t('全部类别', 'Any kind'));
      var q = el('input', { name: 'q', type: 'search', placeholder: t('事项、内容、分类', 'subject, content, category') });
      var from = el('input', { name: 'from', type: 'date' });
      var to = el('input', { name: 'to', type: 'date' });
      status.value = filters.status; kind.value = filters.kind; q.value = filters.q; from.value = filters.from; to.value = filters.to;
      var form = el('form', { class: 'filters', role: 'search', 'aria-label': t('筛选案件', 'Filter cases') },
        X.field('f-status', t('状态', 'Status'), status), X.field('f-kind', t('类别', 'Kind'), kind),
        X.field('f-q', t('关键词', 'Words'), q), X.field('f-from', t('收到日期自', 'Received from'), from),
        X.field('f-to', t('至', 'to'), to),
        el('div', { class: 'field' }, el('button', { type: 'submit', class: 'primary', id: 'f-apply', text: t('查询', 'Search') }), ' ',
          el('button', { type: 'button', id: 'f-export', text: t('导出CSV', 'Export CSV'), onclick: function () {
            var params = [];
            ['status', 'kind', 'q', 'from', 'to'].forEach(function (k) { if (filters[k]) { params.push(k + '=' + encodeURIComponent(filters[k])); } });
            X.download('/petitions/export.csv' + (params.length ? '?' + params.join('&') : ''), '信访事项.csv')
              .catch(function (e) { X.toast(e.message, 'bad'); });
          } })),
        el('p', { class: 'form-error', role: 'alert' }));
      var results = el('div', { id: 'cases-results' });
      var notices = el('div', { id: 'conflict-notices' });
      main.appendChild(el('h1', { text: t('案件', 'Cases') }));
      main.appendChild(notices);
      main.appendChild(el('p', { class: 'muted', text: t('本节点持有的信访事项（本单位登记、交办到本单位或经本单位上报的），最新登记在前。',
        'Petitions this node holds (registered here, assigned here or passed up through here), newest first.') }));
      main.appendChild(form);

      // shown only when there are some; the inbox works without them if the call fails
      X.api('GET', '/petitions/conflicts').then(function (answer) {
        var items = (answer && answer.items) || [];
        if (!items.length) { return; }
        var shown = items.slice(0, NOTICES);
        notices.appendChild(el('section', { class: 'warn conflicts', role: 'note', 'aria-labelledby': 'h-conflict-notices' },
          el('h2', { id: 'h-conflict-notices', text: t('未被上级采纳的办理环节（' + items.length + '）', 'Steps the level above did not take (' + items.length + ')') }),
          el('p', { text: t('这些案件在上级已有新的办理环节，在本节点办理的以下环节未生效；案件已按上级的记录更新，请打开案件按当前状态办理。',
            'These cases had moved on above, so the steps below did not take effect here; each case now shows the record above. Open it and act on its current state.') }),
          el('ul', {}, shown.map(function (c) {
            return el('li', { 'data-case': c.caseId }, el('a', { href: '#/case/' + encodeURIComponent(c.caseId), text: c.caseId }), ' ', X.conflictText(c));
          })),
          items.length > shown.length ? el('p', { class: 'muted', text: t('仅显示最近 ' + shown.length + ' 条。', 'The newest ' + shown.length + ' are shown.') }) : null));
      }, function () { /* the notices are extra: the list below still answers */ });
      main.appendChild(results);

      function load() {
        X.clearErrors(form);
        var params = ['limit=' + PAGE, 'offset=' + filters.offset];
        ['status', 'kind', 'q', 'from', 'to'].forEach(function (k) {
          if (filters[k]) { params.push(k + '=' + encodeURIComponent(filters[k])); }
        });
        results.setAttribute('aria-busy', 'true');
        return X.api('GET', '/petitions?' + params.join('&')).then(function (page) {
          results.removeAttribute('aria-busy');
          show(page);
        }, function (e) { results.removeAttribute('aria-busy'); X.showError(form, e); });
      }

      function show(page) {
        X.clear(results);
        var columns = [
          { key: 'id', label: t('编号', 'Id'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', label: t('事项', 'Subject') },
          { key: 'kind', label: t('类别', 'Kind'), render: function (r) { return X.label('kind', r.kind); } },
          { key: 'firstPetitioner', label: t('信访人', 'Petitioner') },
          { key: 'receivedAt', label: t('收到日期', 'Received') },
          { key: 'ownerName', label: t('责任单位', 'Owner') },
          { key: 'status', label: t('状态', 'Status'), render: function (r) { return el('span', { class: 'status', text: X.label('status', r.status) }); } },
          { key: 'deadline', label: t('期限', 'Deadline'), render: function (r) { return X.deadlineBadge(r.activeDeadline); },
            sort: function (r) { return r.activeDeadline ? r.activeDeadline.daysRemaining : null; } }
        ];
        results.appendChild(X.sortableTable(columns, page.items, t('共 ' + page.total + ' 件', page.total + ' cases')));
        var last = Math.min(page.offset + page.items.length, page.total);
        results.appendChild(el('div', { class: 'pager' },
          el('button', { type: 'button', text: t('上一页', 'Previous'), disabled: page.offset === 0, onclick: function () {
            filters.offset = Math.max(0, filters.offset - PAGE); load(); } }),
          el('span', { class: 'muted', text: page.total === 0 ? '' : (page.offset + 1) + '–' + last + ' / ' + page.total }),
          el('button', { type: 'button', text: t('下一页', 'Next'), disabled: last >= page.total, onclick: function () {
            filters.offset += PAGE; load(); } })));
      }

      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        filters = { status: status.value, kind: kind.value, q: q.value.trim(), from: from.value, to: to.value, offset: 0 };
        load();
      });
      return load();
    }
  });
}(window.Xinfang));
