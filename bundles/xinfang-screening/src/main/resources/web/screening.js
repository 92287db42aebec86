/*
 * 矛盾排查 — the monthly screening of conflicts (矛盾纠纷排查). At a department or township: the month's report of
 * this unit (hidden conflicts and hot issues, each with place, people, risk, measures and the person responsible),
 * filed with the units above, the comments of a unit above that sent it back shown first, and the past reports. At
 * the district (or any node with departments or townships below): the month's list of the units with how each
 * stands (已报 / 退回 / 未报 / 逾期) and each report, which may be sent back with comments. #/screening lists;
 * #/screening/<unit>/<month> is one report.
 */
(function (X) {
  'use strict';
  var WRITERS = ['clerk', 'handler', 'head', 'admin'];
  var REVIEWERS = ['head', 'supervisor', 'admin'];
  var REGISTRARS = ['clerk', 'admin'];
  var KINDS = [['HIDDEN_CONFLICT', '矛盾隐患', 'Hidden conflict'], ['HOT_ISSUE', '热点问题', 'Hot issue']];
  var RISKS = { HIGH: ['高', 'High', 'red'], MEDIUM: ['中', 'Medium', 'amber'], LOW: ['低', 'Low', 'green'] };
  var STANDINGS = { FILED: ['已报', 'Filed', 'green'], RETURNED: ['退回', 'Returned', 'amber'], NOT_FILED: ['未报', 'Not filed', 'none'],
    LATE: ['逾期', 'Late', 'red'] };
  var STATES = { DRAFT: ['草稿', 'Draft'], FILED: ['已报', 'Filed'], RETURNED: ['退回', 'Returned'] };
  var FIELDS = [['place', '地点', 'Place'], ['peopleCount', '涉及人数', 'People involved'], ['peopleDescription', '涉及人员情况', 'Who they are'],
    ['measures', '化解措施', 'Measures'], ['responsibleName', '责任人姓名', 'Person responsible'], ['responsibleTitle', '责任人职务', 'Their title']];

  function badge(words) { return X.el('span', { class: 'badge ' + (words[2] || 'none'), text: X.t(words[0], words[1]) }); }
  function standing(s) { return badge(STANDINGS[s] || [s, s]); }
  function risk(r) { return badge(RISKS[r] || [r, r]); }
  function path(unit, month) { return '/screening/' + encodeURIComponent(unit) + '/' + encodeURIComponent(month); }

  function overview(main) {
    var t = X.t, el = X.el;
    var month = sessionStorage.getItem('xinfang.screening.month') || '';
    main.appendChild(el('h1', { text: t('矛盾纠纷排查', 'Screening of conflicts') }));
    main.appendChild(el('p', { class: 'muted', text: t('区级各部门和乡镇每月排查一次本地本部门的隐性矛盾和群众反映的热点、难点问题，按区里统一的表式报区信访办。',
      'Every month each department and township reports the hidden conflicts and hot issues of its area on the district\'s form.') }));
    return X.api('GET', '/screening' + (month ? '?month=' + encodeURIComponent(month) : '')).then(function (a) {
      // the month as two lists, 年 and 月, in the page's language, none after this month
      var picker = X.monthPicker('sc-month', a.month, a.today.substring(0, 7), function (month) {
        sessionStorage.setItem('xinfang.screening.month', month);
        X.rerender();
      });
      main.appendChild(el('div', { class: 'card', id: 'screening-month' },
        el('fieldset', {}, el('legend', { text: t('排查月份', 'Month') }), picker.node),
        el('p', {}, t('报送截止：', 'Due by: ') + a.due + t('（每月', ' (day ') + a.form.dueDay + t('日前报上月情况；表式由', ' of the next month; form of ') + a.form.definedByName + t('制定）', ')'))));
      if (a.files) { main.appendChild(mine(a)); }
      if (a.units.length) {
        var c = a.counts;
        main.appendChild(el('h2', { text: t('各单位报送情况', 'Who has filed') }));
        main.appendChild(el('p', { id: 'screening-counts' }, t('已报 ', 'Filed ') + c.FILED + t('，退回 ', ', returned ') + c.RETURNED + t('，未报 ', ', not filed ') + c.NOT_FILED + t('，逾期 ', ', late ') + c.LATE));
        main.appendChild(X.sortableTable([
          { key: 'unitName', label: t('单位', 'Unit'), render: function (u) { return u.state === 'MISSING' ? u.unitName : el('a', { href: '#' + path(u.unit, u.month), text: u.unitName }); } },
          { key: 'kindLabel', label: t('类别', 'Kind') },
          { key: 'standing', label: t('状态', 'Standing'), render: function (u) { return standing(u.standing); } },
          { key: 'filedAt', label: t('报送时间', 'Filed at'), render: function (u) { return u.filedAt ? X.dateTime(u.filedAt) + (u.filedLate ? t('（逾期报送）', ' (late)') : '') : ''; } },
          { key: 'filedBy', label: t('报送人', 'Filed by'), render: function (u) { return u.filedBy || ''; } },
          { key: 'items', label: t('事项数', 'Items'), render: function (u) { return u.nothingToReport ? t('本月无矛盾纠纷', 'Nothing to report') : String(u.items); } },
          { key: 'highRisk', label: t('高风险', 'High risk'), render: function (u) { return String(u.highRisk); } }
        ], a.units, t('各单位报送情况', 'Reports of the units below'), t('矛盾纠纷排查报送情况', 'screening')));
      }
      if (a.files) {
        var past = el('section', { class: 'card', id: 'screening-history' }, el('h2', { text: t('本单位历次报表', 'Past reports of this unit') }));
        main.appendChild(past);
        return X.api('GET', '/screening?unit=' + encodeURIComponent(a.unit)).then(function (h) {
          if (!h.reports.length) { past.appendChild(el('p', { class: 'muted', text: t('尚无。', 'None yet.') })); return; }
          past.appendChild(el('ul', {}, h.reports.map(function (r) {
            return el('li', {}, el('a', { href: '#' + path(r.unit, r.month), text: r.month }), ' ', badge(STATES[r.state] || [r.state, r.state]),
              r.state === 'RETURNED' ? el('span', { class: 'muted', text: ' ' + t('退回意见：', 'Comments: ') + r.comments }) : null);
          })));
        });
      }
    });
  }

  /** This unit's report of the month: the comments of a return first, then the form or the filed report. */
  function mine(a) {
    var t = X.t, el = X.el;
    var r = a.mine;
    var box = el('section', { class: 'card', id: 'screening-mine' }, el('h2', { text: t('本单位', 'This unit: ') + a.unitName + ' ' + a.month + t(' 矛盾纠纷排查报表', ' screening report') }));
    if (r && r.state === 'RETURNED') { box.appendChild(returned(r)); }
    if (r) {
      box.appendChild(el('p', {}, t('状态：', 'State: '), standing(r.standing), ' ', t('第', 'version ') + r.version + t('版', ''),
        r.filedAt ? t('；报送：', '; filed: ') + X.dateTime(r.filedAt) + ' ' + r.filedBy : ''));
    }
    if ((!r || r.editable) && X.hasRole(WRITERS)) { box.appendChild(editor(a, r)); }
    else if (r) { box.appendChild(el('p', {}, el('a', { href: '#' + path(r.unit, r.month), text: t('查看报表', 'Open the report') }))); }
    return box;
  }

  function returned(r) {
    var t = X.t, el = X.el;
    return el('div', { class: 'card alerts', id: 'screening-returned', role: 'alert' },
      el('strong', { text: t('上级退回意见：', 'Sent back with comments: ') }), el('span', { class: 'comments', text: r.comments }),
      el('div', { class: 'muted', text: r.returnedBy + ' · ' + X.dateTime(r.returnedAt) }));
  }

  /** The form of the month's report: items added and removed, saved as a draft or filed. */
  function editor(a, r) {
    var t = X.t, el = X.el;
    var required = a.form.required.map(function (f) { return f.field; });
    var list = el('div', { id: 'screening-items' });
    var nothing = el('input', { type: 'checkbox', name: 'nothingToReport' });
    nothing.checked = !!(r && r.nothingToReport);
    function itemBox(item) {
      var i = list.children.length;
      function name(f) { return 'items[' + i + '].' + f; }
      var kind = el('select', { name: name('kind') }, KINDS.map(function (k) { return el('option', { value: k[0], text: t(k[1], k[2]) }); }));
      var level = el('select', { name: name('risk') }, a.form.riskLevels.map(function (l) { return el('option', { value: l.code, text: t(l.label, l.english) }); }));
      var summary = el('textarea', { name: name('summary'), rows: 2, maxlength: 500 });
      var controls = { kind: kind, risk: level, summary: summary };
      FIELDS.forEach(function (f) {
        controls[f[0]] = f[0] === 'measures' ? el('textarea', { name: name(f[0]), rows: 2, maxlength: 2000 })
          : el('input', { name: name(f[0]), type: f[0] === 'peopleCount' ? 'number' : 'text', min: f[0] === 'peopleCount' ? 1 : undefined });
      });
      Object.keys(controls).forEach(function (k) { if (item && item[k] !== undefined && item[k] !== null) { controls[k].value = item[k]; } });
      function star(f) { return required.indexOf(f) >= 0 ? ' *' : ''; }
      var remove = el('button', { type: 'button', class: 'remove-item', text: t('删除此项', 'Remove') });
      var fieldset = el('fieldset', { class: 'card item', 'data-case': item && item.caseId ? item.caseId : '' },
        el('legend', { text: t('第', 'Item ') + (i + 1) + t('项', '') + (item && item.caseId ? t('（已登记为信访事项 ', ' (case ') + item.caseId + t('）', ')') : '') }),
        el('div', { class: 'grid3' }, X.field('sc-' + i + '-kind', t('类别', 'Kind') + ' *', kind), X.field('sc-' + i + '-risk', t('风险等级', 'Risk') + ' *', level),
          X.field('sc-' + i + '-place', t('地点', 'Place') + star('place'), controls.place)),
        X.field('sc-' + i + '-summary', t('矛盾纠纷（问题）概况', 'What it is about') + ' *', summary),
        el('div', { class: 'grid2' }, X.field('sc-' + i + '-peopleCount', t('涉及人数', 'People involved') + star('peopleCount'), controls.peopleCount),
          X.field('sc-' + i + '-peopleDescription', t('涉及人员情况', 'Who they are') + star('peopleDescription'), controls.peopleDescription)),
        X.field('sc-' + i + '-measures', t('化解措施', 'Measures') + star('measures'), controls.measures),
        el('div', { class: 'grid2' }, X.field('sc-' + i + '-responsibleName', t('责任人姓名', 'Person responsible') + star('responsibleName'), controls.responsibleName),
          X.field('sc-' + i + '-responsibleTitle', t('责任人职务', 'Their title') + star('responsibleTitle'), controls.responsibleTitle)),
        item && item.caseId ? null : el('div', { class: 'actions' }, remove));
      fieldset.read = function () {
        var o = { kind: kind.value, risk: level.value, summary: summary.value.trim() || null, caseId: item && item.caseId ? item.caseId : undefined };
        FIELDS.forEach(function (f) {
          var v = controls[f[0]].value.trim();
          o[f[0]] = v ? (f[0] === 'peopleCount' ? Number(v) : v) : null;
        });
        return o;
      };
      remove.addEventListener('click', function () {
        var items = readAll().filter(function (x, j) { return j !== i; });
        X.clear(list);
        items.forEach(itemBox);
      });
      list.appendChild(fieldset);
    }
    function readAll() { return Array.prototype.map.call(list.children, function (f) { return f.read(); }); }
    (r ? r.items : []).forEach(itemBox);
    var add = el('button', { type: 'button', id: 'sc-add', text: t('＋ 增加一项', '+ Add an item') });
    add.addEventListener('click', function () { nothing.checked = false; itemBox(null); });
    var form = el('form', { novalidate: true, id: 'screening-form' }, list, el('div', { class: 'actions' }, add),
      el('div', { class: 'field', 'data-field': 'nothingToReport' }, el('label', {}, nothing, ' ' + t('本月无矛盾纠纷（无事项可报）', 'Nothing to report this month')), el('div', { class: 'error' })),
      el('div', { 'data-field': 'items' }, el('div', { class: 'error' })),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', id: 'sc-save', value: 'save', text: t('保存草稿', 'Save draft') }),
        el('button', { type: 'submit', class: 'primary', id: 'sc-file', value: 'file', text: t('报送上级', 'File with the district') })));
    var version = r ? r.version : 0;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      var filing = ev.submitter && ev.submitter.value === 'file';
      var body = { version: version, nothingToReport: nothing.checked, items: nothing.checked ? [] : readAll() };
      X.api('PUT', path(a.unit, a.month), body).then(function (saved) {
        if (!filing) { X.toast(t('草稿已保存', 'Draft saved')); X.rerender(); return null; }
        version = saved.version;
        return X.api('POST', path(a.unit, a.month) + '/file', { version: saved.version }).then(function () {
          X.toast(t('已报送', 'Filed')); X.rerender();
        });
      }).catch(function (e) { X.showError(form, e); });
    });
    return form;
  }

  function report(main, unit, month) {
    var t = X.t, el = X.el;
    main.appendChild(el('p', {}, el('a', { href: '#/screening', text: t('← 返回矛盾排查', '← Back to screening') })));
    return X.api('GET', path(unit, month)).then(function (r) {
      main.appendChild(el('h1', { text: r.unitName + ' ' + r.month + t(' 矛盾纠纷排查报表', ' screening report') }));
      if (r.state === 'RETURNED') { main.appendChild(returned(r)); }
      var facts = el('dl', { class: 'facts', id: 'screening-facts' });
      function fact(zh, en, value) { if (value) { facts.appendChild(el('dt', { text: t(zh, en) })); facts.appendChild(el('dd', {}, value)); } }
      fact('单位', 'Unit', r.unitName);
      fact('月份', 'Month', r.month);
      fact('状态', 'Standing', standing(r.standing));
      fact('报送截止', 'Due by', r.due);
      fact('报送', 'Filed', r.filedAt ? X.dateTime(r.filedAt) + ' · ' + r.filedBy + (r.filedLate ? t('（逾期报送）', ' (late)') : '') : '');
      fact('上次退回', 'Last sent back', r.returnedAt && r.state !== 'RETURNED' ? X.dateTime(r.returnedAt) + ' · ' + r.returnedBy + '：' + r.comments : '');
      fact('版本', 'Version', String(r.version));
      main.appendChild(el('section', { class: 'card' }, facts));
      var items = el('section', { class: 'card', id: 'screening-report-items' }, el('h2', { text: t('排查事项', 'Items') }));
      if (r.nothingToReport) { items.appendChild(el('p', { text: t('本月无矛盾纠纷。', 'Nothing to report this month.') })); }
      else if (!r.items.length) { items.appendChild(el('p', { class: 'muted', text: t('尚未填写事项。', 'No items yet.') })); }
      var mayRegister = X.hasRole(REGISTRARS) && (r.mine ? r.editable : r.canReturn);
      r.items.forEach(function (i) {
        var dl = el('dl', { class: 'facts' });
        function f(zh, en, v) { if (v !== null && v !== undefined && v !== '') { dl.appendChild(el('dt', { text: t(zh, en) })); dl.appendChild(el('dd', {}, v)); } }
        f('类别', 'Kind', i.kindLabel);
        f('风险等级', 'Risk', risk(i.risk));
        f('地点', 'Place', i.place);
        f('涉及人员', 'People', (i.peopleCount ? i.peopleCount + t('人 ', ' people ') : '') + (i.peopleDescription || ''));
        f('化解措施', 'Measures', i.measures);
        f('责任人', 'Responsible', i.responsible);
        f('信访事项', 'Case', i.caseId ? el('a', { href: '#/case/' + encodeURIComponent(i.caseId), text: i.caseId }) : null);
        var box = el('div', { class: 'item', id: 'screening-item-' + i.n }, el('h3', { text: i.n + '. ' + i.summary }), dl);
        if (mayRegister && !i.caseId) { box.appendChild(registerForm(r, i)); }
        items.appendChild(box);
      });
      main.appendChild(items);
      if (r.canReturn && X.hasRole(REVIEWERS)) { main.appendChild(returnForm(r)); }
    });
  }

  function returnForm(r) {
    var t = X.t, el = X.el;
    var comments = el('textarea', { name: 'comments', rows: 3, maxlength: 2000, required: true });
    var form = el('form', { class: 'card', novalidate: true, id: 'screening-return-form' },
      el('h2', { text: t('退回', 'Send back') }),
      X.field('sr-comments', t('退回意见', 'Comments') + ' *', comments, t('报送单位将看到此意见，修改后重新报送', 'the unit sees them, corrects and files again')),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'sr-submit', text: t('退回', 'Send back') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      if (!comments.value.trim()) { X.fieldError(form, 'comments', t('请填写退回意见', 'The comments are required')); return; }
      X.api('POST', path(r.unit, r.month) + '/return', { comments: comments.value.trim(), version: r.version })
        .then(function () { X.toast(t('已退回', 'Sent back')); X.rerender(); }, function (e) { X.showError(form, e); });
    });
    return form;
  }

  /** An item registered as a petition here: the petitioner (or representative) and how the matter came in. */
  function registerForm(r, i) {
    var t = X.t, el = X.el;
    var kind = el('select', { name: 'kind' }, [['CLAIM', '申诉求决', 'Claim'], ['SUGGESTION', '建议意见', 'Suggestion'], ['ACCUSATION', '检举控告', 'Accusation']]
      .map(function (k) { return el('option', { value: k[0], text: t(k[1], k[2]) }); }));
    var channel = el('select', { name: 'channel' }, [['WALK_IN', '来访', 'Walk-in'], ['LETTER', '来信', 'Letter'], ['PHONE', '来电', 'Phone']]
      .map(function (k) { return el('option', { value: k[0], text: t(k[1], k[2]) }); }));
    var pname = el('input', { name: 'petitioners[0].name', maxlength: 50 });
    var idNumber = el('input', { name: 'petitioners[0].idNumber', maxlength: 18 });
    var form = el('form', { novalidate: true, class: 'register-item' },
      el('h3', { text: t('登记为信访事项', 'Register as a petition') }),
      el('div', { class: 'grid2' }, X.field('ri-' + i.n + '-kind', t('信访类别', 'Kind'), kind), X.field('ri-' + i.n + '-channel', t('渠道', 'Channel'), channel),
        X.field('ri-' + i.n + '-name', t('信访人（代表）姓名', 'Petitioner'), pname), X.field('ri-' + i.n + '-id', t('身份证号', 'ID number'), idNumber)),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('登记', 'Register') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      X.api('POST', path(r.unit, r.month) + '/items/' + i.n + '/register', { version: r.version, kind: kind.value, channel: channel.value,
        petitioners: [{ name: pname.value.trim(), idNumber: idNumber.value.trim() }] })
        .then(function (answer) { X.toast(t('已登记：', 'Registered: ') + answer.caseId); X.rerender(); }, function (e) { X.showError(form, e); });
    });
    return form;
  }

  X.page('screening', {
    render: function (main, ctx) {
      return ctx.params && ctx.params.length >= 2 ? report(main, ctx.params[0], ctx.params[1]) : overview(main);
    }
  });
}(window.Xinfang));
