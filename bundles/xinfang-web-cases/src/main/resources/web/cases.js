/*
 * 案件 — the inbox: the cases this node holds, with filters, the open clock of each, sortable columns; above
 * them, when there are any, the steps taken here that the level above did not take (conflict notices).
 */
/*
 * 案件 — the inbox: the cases this node holds, found by the search box (case number, 查询码, petitioner's name,
 * ID number for the roles that may see it, words of the matter), filtered, sorted and paged by the server; the
 * filters, order and page live in the address (#/cases?q=…&status=…&sort=…&order=…&offset=…), so reload,
 * back and a bookmark show the same list. Above it, when there are any, the steps taken here that the level
 * above did not take (conflict notices).
 */
(function (X) {
  'use strict';
  var PAGE = 50;
  var NOTICES = 10;
  // the list's parameters, in the order they are written into the address
  var KEYS = ['q', 'status', 'kind', 'channel', 'unit', 'category', 'overdue', 'from', 'to', 'sort', 'order', 'offset', 'limit'];
  // the columns the server sorts by, under the API's names
  var SORTS = [['registeredAt', '登记时间', 'Registered'], ['receivedAt', '收到日期', 'Received'], ['id', '编号', 'Number'],
    ['status', '状态', 'Status'], ['owner', '责任单位', 'Owner'], ['subject', '事项', 'Subject']];

  /** The list's parameters from the address: #/cases?… and the older #/cases/status/<STATUS> of the home page. */
  function stateOf(ctx) {
    var s = {};
    var params = (ctx && ctx.params) || [];
    for (var i = 0; i + 1 < params.length; i += 2) {
      if (KEYS.indexOf(params[i]) >= 0) { s[params[i]] = params[i + 1]; }
    }
    var query = (ctx && ctx.query) || {};
    KEYS.forEach(function (k) { if (query[k] != null && query[k] !== '') { s[k] = query[k]; } });
    return s;
  }

  /** The query string of a state: only what is set, in a fixed order (the same list, the same address). */
  function queryOf(s, skip) {
    var parts = [];
    KEYS.forEach(function (k) {
      if (skip && skip.indexOf(k) >= 0) { return; }
      if (s[k] != null && s[k] !== '' && !(k === 'offset' && +s[k] === 0)) { parts.push(k + '=' + encodeURIComponent(s[k])); }
    });
    return parts.join('&');
  }

  function address(s) {
    var q = queryOf(s);
    return '#/cases' + (q ? '?' + q : '');
  }

  // the sort header to focus once the list sorted by it is shown (the address change re-renders the page)
  var focusSort = null;

  X.page('cases', {
    render: function (main, ctx) {
      var t = X.t, el = X.el;
      var state = stateOf(ctx);
      // the case page links back to this very list (search, order and page), not to a fresh one
      sessionStorage.setItem('xinfang.cases', address(state));
      var limit = Math.max(1, Math.min(200, parseInt(state.limit, 10) || PAGE));
      var offset = Math.max(0, parseInt(state.offset, 10) || 0);
      var session = X.session();
      var q = el('input', { name: 'q', type: 'search', maxlength: 100,
        placeholder: t('编号、查询码、信访人姓名、事项或内容', 'number, tracking code, petitioner, words') });
      var status = X.select('status', 'status', t('全部状态', 'Any status'));
      var kind = X.select('kind', 'kind', t('全部类别', 'Any kind'));
      var channel = X.select('channel', 'channel', t('全部渠道', 'Any channel'));
      var unit = el('select', { name: 'unit' }, el('option', { value: '', text: t('全部单位', 'Any unit') }));
      [{ code: session.node.unit, name: session.node.unitName }].concat(session.node.childUnits || []).forEach(function (u) {
        unit.appendChild(el('option', { value: u.code, text: u.name || u.code }));
      });
      var category = el('select', { name: 'category' }, el('option', { value: '', text: t('全部分类', 'Any category') }));
      if (state.category) { category.appendChild(el('option', { value: state.category, text: state.category })); }
      X.api('GET', '/categories').then(function (list) {
        list.categories.forEach(function (c) {
          if (c.name === state.category) { return; }
          category.appendChild(el('option', { value: c.name, text: (c.en ? t(c.name, c.en + ' ' + c.name) : c.name)
            + (c.active ? '' : t('（已停用）', ' (retired)')) }));
        });
      }, function () { /* the other filters still work */ });
      var overdue = el('input', { name: 'overdue', type: 'checkbox', value: 'true' });
      var from = el('input', { name: 'from', type: 'date' });
      var to = el('input', { name: 'to', type: 'date' });
      var sort = el('select', { name: 'sort' }, SORTS.map(function (x) { return el('option', { value: x[0], text: t(x[1], x[2]) }); }));
      var order = el('select', { name: 'order' }, el('option', { value: 'desc', text: t('降序（新→旧，大→小）', 'Descending') }),
        el('option', { value: 'asc', text: t('升序', 'Ascending') }));
      q.value = state.q || ''; status.value = state.status || ''; kind.value = state.kind || '';
      channel.value = state.channel || ''; unit.value = state.unit || ''; category.value = state.category || '';
      overdue.checked = state.overdue === 'true'; from.value = state.from || ''; to.value = state.to || '';
      sort.value = state.sort || 'registeredAt'; order.value = state.order || 'desc';
      if (state.unit && unit.value !== state.unit) { unit.appendChild(el('option', { value: state.unit, text: state.unit })); unit.value = state.unit; }

      function chosen() {
        return { q: q.value.trim(), status: status.value, kind: kind.value, channel: channel.value, unit: unit.value,
          category: category.value, overdue: overdue.checked ? 'true' : '', from: from.value, to: to.value,
          sort: sort.value === 'registeredAt' && order.value === 'desc' ? '' : sort.value,
          order: sort.value === 'registeredAt' && order.value === 'desc' ? '' : order.value,
          limit: state.limit || '' };
      }

      var form = el('form', { class: 'filters', role: 'search', 'aria-label': t('查找案件', 'Find cases') },
        X.field('f-q', t('查找', 'Search'), q), X.field('f-status', t('状态', 'Status'), status),
        X.field('f-kind', t('类别', 'Kind'), kind), X.field('f-channel', t('渠道', 'Channel'), channel),
        X.field('f-unit', t('单位', 'Unit'), unit), X.field('f-category', t('问题分类', 'Category'), category),
        X.field('f-from', t('收到日期自', 'Received from'), from), X.field('f-to', t('至', 'to'), to),
        X.field('f-sort', t('排序', 'Sort by'), sort), X.field('f-order', t('顺序', 'Order'), order),
        X.field('f-overdue', t('仅看已超期', 'Overdue only'), overdue),
        el('div', { class: 'field' }, el('button', { type: 'submit', class: 'primary', id: 'f-apply', text: t('查询', 'Search') }), ' ',
          el('button', { type: 'button', id: 'f-reset', text: t('清空', 'Clear'), onclick: function () { X.go('#/cases'); } }), ' ',
          el('button', { type: 'button', id: 'f-export', text: t('导出CSV', 'Export CSV'), onclick: function () {
            var params = queryOf(state, ['offset', 'limit']);
            X.download('/petitions/export.csv' + (params ? '?' + params : ''), '信访事项.csv')
              .catch(function (e) { X.toast(e.message, 'bad'); });
          } })),
        el('p', { class: 'form-error', role: 'alert' }));
      var results = el('div', { id: 'cases-results' });
      var notices = el('div', { id: 'conflict-notices' });
      main.appendChild(el('h1', { text: t('案件', 'Cases') }));
      main.appendChild(notices);
      main.appendChild(el('p', { class: 'muted', text: t('本节点持有的信访事项（本单位登记、交办到本单位或经本单位上报的），默认最新登记在前；点击列标题排序。查询条件保存在地址中，可收藏或转发。',
        'Petitions this node holds (registered here, assigned here or passed up through here), newest first unless sorted; click a column header to sort. The address keeps the search, so it can be bookmarked or shared.') }));
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
        var params = queryOf(state, ['offset', 'limit']);
        params = 'limit=' + limit + '&offset=' + offset + (params ? '&' + params : '');
        results.setAttribute('aria-busy', 'true');
        return X.api('GET', '/petitions?' + params).then(function (page) {
          results.removeAttribute('aria-busy');
          show(page);
        }, function (e) { results.removeAttribute('aria-busy'); X.showError(form, e); });
      }

      /** The same list sorted by a column: descending first for dates, ascending for the rest; again reverses. */
      function sortBy(key) {
        var current = state.sort || 'registeredAt';
        var dir = current === key ? ((state.order || 'desc') === 'desc' ? 'asc' : 'desc')
          : (key === 'registeredAt' || key === 'receivedAt' ? 'desc' : 'asc');
        var next = Object.assign({}, state, { sort: key, order: dir, offset: '' });
        if (key === 'registeredAt' && dir === 'desc') { next.sort = ''; next.order = ''; }
        focusSort = key;
        X.go(address(next));
      }

      function show(page) {
        X.clear(results);
        var current = state.sort || 'registeredAt';
        var dir = state.order || 'desc';
        var columns = [
          { key: 'id', sort: 'id', label: t('编号', 'Number'), render: function (r) { return el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }); } },
          { key: 'subject', sort: 'subject', label: t('事项', 'Subject') },
          { key: 'kind', label: t('类别', 'Kind'), render: function (r) { return X.label('kind', r.kind) + ' · ' + X.label('channel', r.channel); } },
          { key: 'firstPetitioner', label: t('信访人', 'Petitioner') },
          { key: 'receivedAt', sort: 'receivedAt', label: t('收到日期', 'Received') },
          { key: 'registeredByName', label: t('登记单位', 'Registered by') },
          { key: 'ownerName', sort: 'owner', label: t('责任单位', 'Owner') },
          { key: 'status', sort: 'status', label: t('状态', 'Status'), render: function (r) { return el('span', { class: 'status', text: X.label('status', r.status) }); } },
          { key: 'deadline', label: t('期限', 'Deadline'), render: function (r) { return X.deadlineBadge(r.activeDeadline); } }
        ];
        var headRow = el('tr', {}, columns.map(function (c) {
          if (!c.sort) { return el('th', { scope: 'col', 'data-key': c.key, text: c.label }); }
          var on = current === c.sort;
          return el('th', { scope: 'col', 'data-key': c.key, 'aria-sort': on ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
            el('button', { type: 'button', class: 'sort', 'data-sort': c.sort, text: c.label,
              onclick: function () { sortBy(c.sort); } }));
        }));
        var rows = page.items.map(function (row) {
          return el('tr', { 'data-case': row.id }, columns.map(function (c) {
            var v = c.render ? c.render(row) : row[c.key];
            return el('td', { 'data-col': c.key }, v == null ? '' : v);
          }));
        });
        if (!rows.length) {
          rows = [el('tr', {}, el('td', { colspan: columns.length, class: 'muted', text: t('没有符合条件的案件', 'No case matches') }))];
        }
        results.appendChild(X.tableBox(el('table', { class: 'grid', id: 'cases-table' },
          el('caption', { text: t('共 ' + page.total + ' 件', page.total + ' cases') }),
          el('thead', {}, headRow), el('tbody', {}, rows))));
        var last = Math.min(page.offset + page.items.length, page.total);
        function pageAt(off) { return address(Object.assign({}, state, { offset: off > 0 ? String(off) : '' })); }
        results.appendChild(el('div', { class: 'pager', role: 'navigation', 'aria-label': t('翻页', 'Pages') },
          el('button', { type: 'button', id: 'page-prev', text: t('上一页', 'Previous'), disabled: page.offset === 0,
            onclick: function () { X.go(pageAt(Math.max(0, page.offset - limit))); } }),
          el('span', { class: 'muted', id: 'page-range', text: page.total === 0 ? '' : (page.offset + 1) + '–' + last + ' / ' + page.total }),
          el('button', { type: 'button', id: 'page-next', text: t('下一页', 'Next'), disabled: last >= page.total,
            onclick: function () { X.go(pageAt(page.offset + limit)); } })));
        if (focusSort) {
          var button = headRow.querySelector('button[data-sort="' + focusSort + '"]');
          focusSort = null;
          if (button) { button.focus(); }
        }
      }

      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        X.go(address(chosen()));
      });
      return load();
    }
  });
}(window.Xinfang));
