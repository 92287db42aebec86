/*
 * 接访日 — the unit's leader reception rota (R2022 Art. 18; R2005 Art. 10: time and place published ahead),
 * the rotas of the units below that synced here, and each session: its record (what was raised, what was
 * decided) and the walk-ins registered in it. #/reception lists and adds; #/reception/<id> is one session.
 */
(function (X) {
  'use strict';
  var KEEPERS = ['clerk', 'head', 'leader', 'admin'];

  function when(d) { return d.date + ' ' + d.weekday + ' ' + d.start + '–' + d.end; }

  function status(d) {
    var css = d.status === 'SCHEDULED' ? 'green' : d.status === 'CANCELLED' ? 'red' : 'amber';
    var words = { SCHEDULED: ['已排期', 'Scheduled'], CANCELLED: ['已取消', 'Cancelled'], HELD: ['已接访', 'Held'] }[d.status] || [d.statusLabel, d.status];
    return X.el('span', { class: 'badge ' + css, text: X.t(words[0], words[1]) });
  }

  function list(main) {
    var t = X.t, el = X.el;
    main.appendChild(el('h1', { text: t('领导接访日', 'Leader reception days') }));
    main.appendChild(el('p', { class: 'muted', text: t('各单位领导定期接待来访群众，接访时间、地点提前向社会公布（《信访工作条例》第十八条）。接访日来访登记的事项记入当日接访。',
      'Leaders receive visitors on published days; time and place are published ahead (R2022 Art. 18). Walk-ins registered during a session are listed with it.') }));
    var results = el('div', { id: 'reception-results' });
    if (X.hasRole(KEEPERS)) { main.appendChild(addForm()); }
    main.appendChild(el('h2', { text: t('接访安排（今日起31天）', 'Rota (31 days from today)') }));
    main.appendChild(results);
    return X.api('GET', '/reception-days').then(function (answer) {
      if (!answer.items.length) {
        results.appendChild(el('p', { class: 'muted', id: 'reception-empty', text: t('暂无接访安排。', 'No sessions on the rota.') }));
        return;
      }
      results.appendChild(X.sortableTable([
        { key: 'date', label: t('日期时间', 'When'), render: function (d) { return el('a', { href: '#/reception/' + encodeURIComponent(d.id), text: when(d) }); },
          sort: function (d) { return d.date + d.start; } },
        { key: 'unitName', label: t('单位', 'Unit') },
        { key: 'leaderName', label: t('接访领导', 'Leader'), render: function (d) { return d.leader.display; } },
        { key: 'place', label: t('地点', 'Place') },
        { key: 'topics', label: t('接访事项', 'Topics'), sortable: false },
        { key: 'status', label: t('状态', 'Status'), render: status },
        { key: 'cases', label: t('来访登记', 'Walk-ins'), render: function (d) { return String(d.cases.length); }, sort: function (d) { return d.cases.length; } }
      ], answer.items, t('领导接访日安排', 'Reception rota'), t('领导接访日', 'reception-days')));
    });
  }

  function addForm() {
    var t = X.t, el = X.el;
    var date = el('input', { name: 'date', type: 'date', min: X.today(), required: true });
    var start = el('input', { name: 'start', type: 'time', required: true, value: '09:00' });
    var end = el('input', { name: 'end', type: 'time', required: true, value: '11:30' });
    var leader = el('select', { name: 'leader', required: true }, el('option', { value: '', text: t('请选择', 'Choose') }));
    var place = el('input', { name: 'place', maxlength: 200, required: true });
    var topics = el('textarea', { name: 'topics', maxlength: 500, rows: 2, placeholder: t('如：征地拆迁、劳动社保', 'e.g. land, labour') });
    var form = el('form', { class: 'card', novalidate: true, id: 'reception-form' },
      el('h2', { text: t('安排接访日', 'Add a reception day') }),
      el('div', { class: 'grid3' },
        X.field('rd-date', t('接访日期', 'Date') + ' *', date),
        X.field('rd-start', t('开始时间', 'Start') + ' *', start),
        X.field('rd-end', t('结束时间', 'End') + ' *', end)),
      el('div', { class: 'grid2' },
        X.field('rd-leader', t('接访领导', 'Receiving leader') + ' *', leader, t('本单位人员名单中登记了姓名和职务的人员', 'named with title in the staff list')),
        X.field('rd-place', t('接访地点', 'Place') + ' *', place)),
      X.field('rd-topics', t('接访事项', 'Topics'), topics, t('不超过500字', 'at most 500 characters')),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'rd-submit', text: t('发布接访安排', 'Publish') })));
    X.api('GET', '/reception-days/leaders').then(function (answer) {
      answer.items.forEach(function (p) { leader.appendChild(el('option', { value: p.login, text: p.display })); });
    }, function (e) { X.showError(form, e); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      var ok = true;
      function bad(path, text) { X.fieldError(form, path, text); ok = false; }
      if (!date.value) { bad('date', t('请选择接访日期', 'Choose the date')); } else if (date.value < X.today()) { bad('date', t('不能早于今天', 'not before today')); }
      if (!start.value) { bad('start', t('请填写开始时间', 'The start is required')); }
      if (!end.value) { bad('end', t('请填写结束时间', 'The end is required')); } else if (start.value && end.value <= start.value) { bad('end', t('结束时间应晚于开始时间', 'must be after the start')); }
      if (!leader.value) { bad('leader', t('请选择接访领导', 'Choose the leader')); }
      if (!place.value.trim()) { bad('place', t('请填写接访地点', 'The place is required')); }
      if (!ok) { return; }
      var button = form.querySelector('#rd-submit');
      button.disabled = true;
      X.api('POST', '/reception-days', { date: date.value, start: start.value, end: end.value, leader: leader.value,
        place: place.value.trim(), topics: topics.value.trim() || undefined }).then(function (d) {
        X.toast(t('已发布：', 'Published: ') + when(d) + ' ' + d.leader.display);
        X.rerender();
      }, function (e) { button.disabled = false; X.showError(form, e); });
    });
    return form;
  }

  function detail(main, id) {
    var t = X.t, el = X.el;
    main.appendChild(el('p', {}, el('a', { href: '#/reception', text: t('← 返回接访日', '← Back to the rota') })));
    return X.api('GET', '/reception-days/' + encodeURIComponent(id)).then(function (d) {
      main.appendChild(el('h1', { text: t('领导接访日 ', 'Reception day ') + when(d) }));
      var facts = el('dl', { class: 'facts', id: 'reception-facts' });
      function fact(zh, en, value) { if (value) { facts.appendChild(el('dt', { text: t(zh, en) })); facts.appendChild(el('dd', {}, value)); } }
      fact('单位', 'Unit', d.unitName);
      fact('接访领导', 'Receiving leader', d.leader.display);
      fact('时间', 'When', when(d));
      fact('地点', 'Place', d.place);
      fact('接访事项', 'Topics', d.topics);
      fact('状态', 'Status', status(d));
      fact('取消理由', 'Reason for cancelling', d.cancelReason);
      fact('安排人', 'Scheduled by', d.scheduledBy);
      main.appendChild(el('section', { class: 'card' }, facts));

      var cases = el('section', { class: 'card', id: 'reception-cases' }, el('h2', { text: t('当日来访登记', 'Walk-ins registered in the session') }));
      if (d.cases.length) {
        cases.appendChild(el('ul', {}, d.cases.map(function (c) { return el('li', {}, el('a', { href: '#/case/' + encodeURIComponent(c), text: c })); })));
      } else {
        cases.appendChild(el('p', { class: 'muted', text: t('尚无。登记来访事项时选择本接访日即记入。', 'None yet. Choose this session when registering a walk-in.') }));
      }
      main.appendChild(cases);

      var record = el('section', { class: 'card', id: 'reception-record' }, el('h2', { text: t('接访记录', 'Record of the session') }));
      if (d.raised) {
        var dl = el('dl', { class: 'facts' });
        dl.appendChild(el('dt', { text: t('群众反映的问题', 'Raised') })); dl.appendChild(el('dd', { text: d.raised }));
        if (d.decided) { dl.appendChild(el('dt', { text: t('领导处理意见', 'Decided') })); dl.appendChild(el('dd', { text: d.decided })); }
        dl.appendChild(el('dt', { text: t('记录人', 'Recorded by') })); dl.appendChild(el('dd', { text: d.recordedBy + ' · ' + X.dateTime(d.recordedAt) }));
        record.appendChild(dl);
      }
      var keeper = d.mine && X.hasRole(KEEPERS);
      if (keeper && d.status !== 'CANCELLED' && d.date <= X.today()) { record.appendChild(recordForm(d)); }
      else if (!d.raised) { record.appendChild(el('p', { class: 'muted', text: d.status === 'CANCELLED' ? t('已取消，无记录。', 'Cancelled: no record.')
        : t('接访当日起可填写记录。', 'The record can be written from the day of the session.') })); }
      main.appendChild(record);
      if (keeper && d.status === 'SCHEDULED') { main.appendChild(cancelForm(d)); }
    });
  }

  function recordForm(d) {
    var t = X.t, el = X.el;
    var raised = el('textarea', { name: 'raised', rows: 4, maxlength: 4000, required: true });
    var decided = el('textarea', { name: 'decided', rows: 3, maxlength: 4000 });
    raised.value = d.raised || '';
    decided.value = d.decided || '';
    var form = el('form', { novalidate: true, id: 'reception-record-form' },
      X.field('rr-raised', t('群众反映的问题', 'What the visitors raised') + ' *', raised, t('不超过4000字', 'at most 4,000 characters')),
      X.field('rr-decided', t('领导处理意见', 'What the leader decided'), decided),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'rr-submit', text: t('保存接访记录', 'Save the record') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      if (!raised.value.trim()) { X.fieldError(form, 'raised', t('请填写群众反映的问题', 'Required')); return; }
      X.api('POST', '/reception-days/' + encodeURIComponent(d.id) + '/record', { raised: raised.value.trim(), decided: decided.value.trim() || undefined })
        .then(function () { X.toast(t('接访记录已保存', 'Record saved')); X.rerender(); }, function (e) { X.showError(form, e); });
    });
    return form;
  }

  function cancelForm(d) {
    var t = X.t, el = X.el;
    var reason = el('input', { name: 'reason', maxlength: 500, required: true });
    var form = el('form', { class: 'card', novalidate: true, id: 'reception-cancel-form' },
      el('h2', { text: t('取消接访日', 'Cancel the session') }),
      X.field('rc-reason', t('取消理由', 'Reason') + ' *', reason, t('门户网站将不再公布本次接访', 'the portal stops listing it')),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'rc-submit', text: t('取消本次接访', 'Cancel this session') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      if (!reason.value.trim()) { X.fieldError(form, 'reason', t('请说明取消理由', 'The reason is required')); return; }
      X.api('POST', '/reception-days/' + encodeURIComponent(d.id) + '/cancel', { reason: reason.value.trim() })
        .then(function () { X.toast(t('已取消', 'Cancelled')); X.rerender(); }, function (e) { X.showError(form, e); });
    });
    return form;
  }

  X.page('reception', {
    render: function (main, ctx) {
      return ctx.params && ctx.params[0] ? detail(main, ctx.params[0]) : list(main);
    }
  });
}(window.Xinfang));
