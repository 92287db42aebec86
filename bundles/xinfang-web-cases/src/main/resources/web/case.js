/*
 * 案件详情 — one case: its facts, the people (full numbers: this is the screen that needs them), the
 * clocks, the full timeline (who, which unit, which node, when), the documents, and the steps the
 * logged-in user may take at this state (the API lists them in allowedActions).
 */
(function (X) {
  'use strict';

  // step -> [zh, en, fields]; fields name the API's input (docs/lifecycle.md)
  var STEPS = {
    'assign': ['交办/转送', 'Assign', ['unit', 'note']],
    'accept': ['受理', 'Accept', ['note']],
    'object': ['提出异议', 'Object', ['reason']],
    'extend': ['延长办理期限', 'Extend', ['days', 'reason']],
    'decide': ['出具处理意见', 'Decide', ['request', 'facts', 'decision', 'basis', 'signOff']],
    'mediate': ['调解结案', 'Mediate', ['note!']],
    'request-review': ['申请复查', 'Request review', ['reason']],
    'review': ['出具复查意见', 'Review', ['request', 'facts', 'decision', 'basis', 'signOff']],
    'request-rereview': ['申请复核', 'Request re-review', ['reason']],
    'start-hearing': ['听证开始', 'Start hearing', ['note']],
    'end-hearing': ['听证结束', 'End hearing', ['note']],
    'rereview': ['出具复核意见', 'Re-review', ['request', 'facts', 'decision', 'basis', 'signOff']],
    'terminate': ['终结', 'Conclude', ['note']],
    'redirect': ['导入其他渠道', 'Redirect', ['channel', 'reason']],
    'not-accept': ['不予受理', 'Do not accept', ['reason']],
    'link': ['重复信访并案', 'Link to open case', ['linkTo']],
    'answer-supervision': ['书面答复督办', 'Answer supervision', ['reason']]
  };

  var EVENTS = {
    REGISTERED: ['登记', 'Registered'], ASSIGNED: ['交办', 'Assigned'], ACCEPTED: ['受理', 'Accepted'],
    OBJECTED: ['异议', 'Objected'], EXTENDED: ['延期', 'Extended'], DECIDED: ['处理意见', 'Decided'],
    MEDIATED: ['调解', 'Mediated'], REVIEW_REQUESTED: ['申请复查', 'Review requested'], REVIEWED: ['复查意见', 'Reviewed'],
    REREVIEW_REQUESTED: ['申请复核', 'Re-review requested'], HEARING_STARTED: ['听证开始', 'Hearing started'],
    HEARING_ENDED: ['听证结束', 'Hearing ended'], REREVIEWED: ['复核意见', 'Re-reviewed'], TERMINATED: ['终结', 'Concluded'],
    REDIRECTED: ['导入其他渠道', 'Redirected'], NOT_ACCEPTED: ['不予受理', 'Not accepted'], LINKED: ['重复信访并案', 'Linked'],
    SUPERVISED: ['督办', 'Supervised'], SUPERVISION_ANSWERED: ['督办答复', 'Supervision answered'],
    RATED: ['信访人评价', 'Rated by the petitioner']
  };

  function fieldFor(name, p, session) {
    var t = X.t, el = X.el;
    var required = name.charAt(name.length - 1) === '!';
    var key = required ? name.substring(0, name.length - 1) : name;
    switch (key) {
      case 'unit': {
        var s = el('select', { name: 'unit' }, el('option', { value: '', text: t('请选择承办单位', 'Choose the unit') }));
        (session.node.childUnits || []).forEach(function (u) { s.appendChild(el('option', { value: u.code, text: u.name + '（' + u.code + '）' })); });
        return X.field('a-unit', t('承办单位', 'Unit') + ' *', s);
      }
      case 'days':
        return X.field('a-days', t('延长天数（1–30）', 'Days (1–30)') + ' *', el('input', { name: 'days', type: 'number', min: 1, max: 30 }),
          t('延期只能一次，最长30日（第三十四条）', 'once, at most 30 days (R2022 Art. 34)'));
      case 'decision': {
        var d = el('select', { name: 'decision' }, el('option', { value: '', text: t('请选择', 'Choose') }),
          el('option', { value: 'SUPPORT', text: t('支持', 'Support') }), el('option', { value: 'EXPLAIN', text: t('解释说明', 'Explain') }),
          el('option', { value: 'REJECT', text: t('不支持', 'Reject') }));
        return X.field('a-decision', t('处理意见', 'Decision') + ' *', d);
      }
      case 'signOff': {
        var box = el('input', { type: 'checkbox', name: 'signOff', class: 'inline' });
        var f = X.field('a-signoff', t('本单位负责人签批', 'Signed off by the unit head') + ' *', box);
        return f;
      }
      case 'channel': {
        var c = el('select', { name: 'channel' }, el('option', { value: '', text: t('请选择', 'Choose') }),
          el('option', { value: 'LEGAL', text: t('涉法涉诉（法院、仲裁、复议）', 'Litigation (courts, arbitration, review)') }),
          el('option', { value: 'DISCIPLINE', text: t('检举控告（纪检监察机关）', 'Accusation (discipline inspection)') }),
          el('option', { value: 'OTHER', text: t('其他法定途径', 'Another statutory channel') }));
        return X.field('a-channel', t('导入渠道', 'Channel') + ' *', c);
      }
      case 'linkTo': {
        var l = el('select', { name: 'linkTo' }, el('option', { value: '', text: t('请选择正在办理的同一事项', 'Choose the open case') }));
        (p.possibleRepeats || []).forEach(function (r) { l.appendChild(el('option', { value: r.id, text: r.id + ' ' + r.subject })); });
        return X.field('a-linkto', t('并入案件', 'Link to') + ' *', l);
      }
      case 'note':
        return X.field('a-note', t(required ? '调解协议内容' : '说明', required ? 'Agreement' : 'Note') + (required ? ' *' : ''),
          el('textarea', { name: 'note', rows: 3 }));
      case 'reason':
        return X.field('a-reason', t('理由', 'Reason') + ' *', el('textarea', { name: 'reason', rows: 3 }));
      case 'request':
        return X.field('a-request', t('信访诉求', 'Request') + ' *', el('textarea', { name: 'request', rows: 2 }));
      case 'facts':
        return X.field('a-facts', t('查明事实', 'Facts') + ' *', el('textarea', { name: 'facts', rows: 3 }));
      case 'basis':
        return X.field('a-basis', t('依据', 'Basis') + ' *', el('textarea', { name: 'basis', rows: 2 }));
      default:
        return null;
    }
  }

  function stepForm(step, p, session, onDone) {
    var t = X.t, el = X.el;
    var spec = STEPS[step];
    var form = el('form', { class: 'card', novalidate: true, id: 'step-form', 'data-step': step },
      el('h2', { text: t(spec[0], spec[1]) }),
      spec[2].map(function (f) { return fieldFor(f, p, session); }),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary', id: 'step-submit', text: t('确认' + spec[0], 'Confirm: ' + spec[1]) }),
        el('button', { type: 'button', text: t('取消', 'Cancel'), onclick: function () { form.remove(); } })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      var body = {};
      form.querySelectorAll('input, select, textarea').forEach(function (c) {
        if (c.type === 'checkbox') { body[c.name] = c.checked; return; }
        var v = c.value.trim();
        if (v) { body[c.name] = c.name === 'days' ? +v : v; }
      });
      var button = form.querySelector('#step-submit');
      button.disabled = true;
      var call = step === 'assign'
        ? X.api('POST', '/petitions/' + encodeURIComponent(p.id) + '/assignments', body)
        : X.api('POST', '/petitions/' + encodeURIComponent(p.id) + '/actions/' + step, body);
      call.then(function (after) {
        X.toast(t('已' + spec[0], spec[1] + ': done'));
        onDone(after);
      }, function (e) { button.disabled = false; X.showError(form, e); });
    });
    return form;
  }

  function show(main, p) {
    var t = X.t, el = X.el, session = X.session();
    X.clear(main);
    main.appendChild(el('p', {}, el('a', { href: '#/cases', text: t('← 返回案件列表', '← Back to cases') })));
    main.appendChild(el('h1', { id: 'case-title' }, p.subject, ' ', el('span', { class: 'status', id: 'case-status', 'data-status': p.status,
      text: X.label('status', p.status) }), ' ', X.deadlineBadge(p.activeDeadline)));

    var actions = el('div', { class: 'actions', id: 'case-actions', role: 'group', 'aria-label': t('可办理的环节', 'Steps you may take') });
    var stepArea = el('div', { id: 'step-area' });
    (p.allowedActions || []).forEach(function (step) {
      if (!STEPS[step]) { return; }
      actions.appendChild(el('button', { type: 'button', 'data-step': step, text: t(STEPS[step][0], STEPS[step][1]), onclick: function () {
        X.clear(stepArea).appendChild(stepForm(step, p, session, function (after) { show(main, after); }));
        var first = stepArea.querySelector('input, select, textarea, button');
        if (first) { first.focus(); }
      } }));
    });
    if (!actions.children.length) {
      actions.appendChild(el('span', { class: 'muted', text: t('当前状态下您没有可办理的环节。', 'There is no step for you at this state.') }));
    }
    main.appendChild(el('section', { class: 'card', 'aria-labelledby': 'h-actions' }, el('h2', { id: 'h-actions', text: t('办理', 'Handle') }), actions, stepArea));

    if (p.possibleRepeats && p.possibleRepeats.length) {
      main.appendChild(el('div', { class: 'warn', role: 'note' }, el('strong', { text: t('可能是重复信访：', 'Possible repeat: ') }),
        el('ul', {}, p.possibleRepeats.map(function (r) {
          return el('li', {}, el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }), ' ' + r.subject + ' · ' + X.label('status', r.status));
        }))));
    }

    var fc = p.firstContact || {};
    var facts = el('dl', { class: 'facts' });
    function fact(k, v) { if (v != null && v !== '') { facts.appendChild(el('dt', { text: k })); facts.appendChild(el('dd', {}, v)); } }
    fact(t('编号', 'Id'), el('span', { id: 'case-id', text: p.id }));
    fact(t('查询码', 'Tracking code'), p.trackingCode);
    fact(t('类别', 'Kind'), X.label('kind', p.kind));
    fact(t('渠道', 'Channel'), X.label('channel', p.channel));
    fact(t('收到日期', 'Received'), p.receivedAt);
    fact(t('人数', 'Headcount'), String(p.headcount));
    fact(t('问题分类', 'Category'), p.category);
    fact(t('问题属地', 'Where'), p.location);
    fact(t('登记单位', 'Registered by'), (p.registeredByName || '') + '（' + p.registeredBy + '）');
    fact(t('责任单位', 'Owner'), el('span', { id: 'case-owner', text: (p.ownerName || '') + '（' + p.owner + '）' }));
    fact(t('首问责任人', 'First contact'), fc.user ? fc.user + ' · ' + fc.unit + (fc.routed ? t('（已分流）', ' (routed)') : t('（尚未分流）', ' (not yet routed)')) : '');
    if (p.origin) { fact(t('来源节点', 'Origin'), p.origin.node + ' #' + p.origin.seq + ' · ' + (p.origin.path || []).join(' → ')); }
    fact(t('内容', 'Content'), p.content);
    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('基本情况', 'Facts') }), facts));

    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('信访人', 'Petitioners') }),
      X.sortableTable([
        { key: 'name', label: t('姓名', 'Name') },
        { key: 'idNumber', label: t('身份证号码', 'ID number') },
        { key: 'phone', label: t('电话', 'Phone') },
        { key: 'address', label: t('住址', 'Address') }
      ], p.petitioners || [])));

    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('期限', 'Clocks') }),
      X.sortableTable([
        { key: 'stepLabel', label: t('环节', 'Step') },
        { key: 'start', label: t('起算', 'Start') },
        { key: 'due', label: t('截止', 'Due') },
        { key: 'state', label: t('状态', 'State'), render: function (d) {
          return d.state === 'running' || d.state === 'paused' ? X.deadlineBadge(d) : el('span', { text: ({ met: t('已办结', 'met'), missed: t('已超期', 'missed') })[d.state] || d.state });
        }, sort: function (d) { return d.daysRemaining; } },
        { key: 'article', label: t('依据', 'Article') }
      ], p.deadlines || [])));

    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('办理过程', 'Timeline') }),
      X.sortableTable([
        { key: 'seq', label: '#' },
        { key: 'at', label: t('时间', 'When'), render: function (e) { return X.dateTime(e.at); } },
        { key: 'type', label: t('环节', 'Step'), render: function (e) { var l = EVENTS[e.type]; return l ? t(l[0], l[1]) : e.type; } },
        { key: 'actor', label: t('经办人', 'Who') },
        { key: 'unitName', label: t('单位', 'Unit'), render: function (e) { return (e.unitName || '') + '（' + e.unit + '）'; } },
        { key: 'node', label: t('节点', 'Node') },
        { key: 'note', label: t('说明', 'Note'), sortable: false }
      ], p.timeline || [])));

    var docs = el('section', { class: 'card', id: 'documents' }, el('h2', { text: t('文书', 'Documents') }));
    if (!p.documents || !p.documents.length) { docs.appendChild(el('p', { class: 'muted', text: t('尚无文书', 'No documents yet') })); }
    (p.documents || []).forEach(function (d) {
      docs.appendChild(el('article', {}, el('h3', { text: X.msg(d.title) }),
        el('p', { class: 'muted', text: X.dateTime(d.issuedAt) + ' · ' + d.unit }), el('div', { class: 'doc', text: d.text })));
    });
    main.appendChild(docs);
  }

  X.page('case', {
    render: function (main, ctx) {
      var id = ctx.params[0];
      if (!id) { X.go('#/cases'); return null; }
      return X.api('GET', '/petitions/' + encodeURIComponent(id)).then(function (p) { show(main, p); }, function (e) {
        main.appendChild(X.el('h1', { text: X.t('案件', 'Case') }));
        main.appendChild(X.el('p', { class: 'form-error', role: 'alert', text: e.message }));
      });
    }
  });
}(window.Xinfang));
