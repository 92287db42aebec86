/*
 * 案件详情 — one case: its facts, the people (full numbers: this is the screen that needs them), the
 * clocks, the full timeline (who by name and title, which unit, which node, when, the typed facts of each
 * step), the documents, the steps of this node that the level above did not take (conflict notices), and
 * the steps the logged-in user may take at this state (the API lists them in allowedActions).
 *
 * One writer per case: every step is sent with the version of the case this page showed. When someone
 * else acted first the API answers 409 version_conflict; the page then says so and shows the case as it
 * is now, with the steps allowed now.
 */
(function (X) {
  'use strict';

  // step -> [zh, en, fields]; fields name the API's input (docs/lifecycle.md); "!" marks a required one
  var STEPS = {
    'assign': ['交办/转送', 'Assign', ['unit', 'note']],
    'accept': ['受理', 'Accept', ['note']],
    'object': ['提出异议', 'Object', ['reason']],
    'decline-objection': ['不同意异议', 'Decline the objection', ['reason']],
    'extend': ['延长办理期限', 'Extend', ['days', 'reason']],
    'decide': ['出具处理意见', 'Decide', ['request', 'facts', 'decision', 'basis', 'signOff']],
    'mediate': ['调解结案', 'Mediate', ['agreement']],
    'reply': ['回复建议意见', 'Reply to the suggestion', ['adoption', 'answer']],
    'deliver': ['登记送达', 'Record delivery', ['document', 'deliveredOn', 'way']],
    'request-review': ['申请复查', 'Request review', ['reason', 'filedOn']],
    'review': ['出具复查意见', 'Review', ['request', 'facts', 'result', 'basis', 'signOff']],
    'request-rereview': ['申请复核', 'Request re-review', ['reason', 'filedOn']],
    'start-hearing': ['听证开始', 'Start hearing', ['note']],
    'end-hearing': ['听证结束', 'End hearing', ['note']],
    'rereview': ['出具复核意见', 'Re-review', ['request', 'facts', 'result', 'basis', 'signOff']],
    'terminate': ['终结', 'Conclude', ['note']],
    'redirect': ['导入其他渠道', 'Redirect', ['channel', 'reason']],
    'not-accept': ['不予受理', 'Do not accept', ['reason']],
    'link': ['重复信访并案', 'Link to open case', ['linkTo']],
    'answer-supervision': ['书面答复督办', 'Answer supervision', ['answer']],
    'accept-answer': ['认可督办答复', 'Accept the answer', ['note']],
    'return-answer': ['退回督办答复', 'Send the answer back', ['reason', 'answerBy']],
    'take-case': ['领导包案', 'Take the case (包案)', ['measures', 'targetDate', 'responsibleUnit']],
    'leader-progress': ['包案进展', 'Record progress', ['progress']],
    'leader-close': ['包案办结', 'Close the 包案', ['summary']],
    'schedule-hearing': ['安排听证', 'Schedule a hearing', ['hearingOn', 'place', 'chair', 'panel', 'petitionerSide', 'unitSide', 'openness']],
    'record-hearing': ['听证记录', 'Record the hearing', ['attendance', 'record', 'opinion']],
    'flag-major': ['标记重大紧急', 'Flag as major or urgent', ['reason']],
    'acknowledge-major': ['确认知悉', 'Acknowledge', ['note']],
    'open-response': ['启动应急联动/联席会议', 'Open a response', ['response', 'members']],
    'record-meeting': ['记录联动会议', 'Record a meeting', ['meetingOn', 'attendance', 'decisions']],
    'close-response': ['结束应急联动/联席会议', 'Close the response', ['summary']],
    // in allowedActions when this node may supervise the case; sent to POST /supervision
    'supervise': ['督办', 'Supervise', ['instructions', 'answerBy', 'listed']]
  };

  // fields that are plain text, dates or choices: [zh, en, kind (text|area|date|choice), required, choices, hint zh, hint en]
  var SIMPLE = {
    measures: ['包案措施', 'Measures', 'area', true],
    targetDate: ['包案时限', 'Settle by', 'date', true],
    progress: ['进展情况', 'Progress', 'area', true],
    summary: ['办结情况', 'How it was settled', 'area', true],
    hearingOn: ['听证日期', 'Hearing date', 'date', true],
    place: ['地点', 'Place', 'text', true],
    chair: ['主持人', 'Chair', 'text', true],
    panel: ['听证员', 'Panel', 'area', true],
    petitionerSide: ['信访人一方', 'Petitioner\'s side', 'text', false],
    unitSide: ['办理单位一方', 'Unit\'s side', 'text', false],
    openness: ['是否公开', 'Public?', 'choice', true, { PUBLIC: ['公开', 'Public'], CLOSED: ['不公开', 'Not public'] }],
    attendance: ['到场情况', 'Attendance', 'area', true],
    record: ['听证记录', 'Record', 'area', true],
    opinion: ['评议意见', 'Panel\'s opinion', 'area', true],
    instructions: ['督办要求', 'Instructions', 'area', true],
    response: ['联动方式', 'How', 'choice', true, { EMERGENCY: ['应急联动', 'Emergency response'], JOINT_CONFERENCE: ['联席会议', 'Joint conference'] }],
    members: ['成员单位及人员', 'Members', 'area', true],
    meetingOn: ['会议日期', 'Meeting date', 'date', true],
    decisions: ['议定事项', 'Decisions', 'area', true],
    answerBy: ['答复期限', 'Answer by', 'date', true]
  };

  function simpleField(name) {
    var t = X.t, el = X.el, f = SIMPLE[name];
    var label = t(f[0], f[1]) + (f[3] ? ' *' : '');
    var control;
    if (f[2] === 'choice') {
      control = el('select', { name: name }, el('option', { value: '', text: t('请选择', 'Choose') }));
      Object.keys(f[4]).forEach(function (k) { control.appendChild(el('option', { value: k, text: t(f[4][k][0], f[4][k][1]) })); });
    } else if (f[2] === 'area') {
      control = el('textarea', { name: name, rows: 3 });
    } else {
      control = el('input', { name: name, type: f[2] === 'date' ? 'date' : 'text' });
    }
    return X.field('a-' + name.toLowerCase(), label, control);
  }

  // the values of the typed facts (attrs) that are codes: shown in words
  var OUTCOMES = { SUPPORT: ['支持', 'Support'], EXPLAIN: ['解释说明', 'Explain'], REJECT: ['不予支持', 'Reject'] };
  var RESULTS = { UPHOLD: ['维持原处理意见', 'Upheld'], VARY: ['变更原处理意见', 'Varied'],
    REVOKE: ['撤销原处理意见，责令重新办理', 'Revoked, to be handled again'] };
  var ADOPTIONS = { ADOPTED: ['采纳', 'Adopted'], PARTLY_ADOPTED: ['部分采纳', 'Partly adopted'], NOT_ADOPTED: ['未予采纳', 'Not adopted'] };
  var HISTORIC = { SUPPORTED: ['支持', 'Supported'], EXPLAINED: ['解释说明', 'Explained'], REJECTED: ['不支持', 'Rejected'],
    MEDIATED: ['调解结案', 'Mediated'], NOT_ACCEPTED: ['不予受理', 'Not accepted'], REDIRECTED: ['导入其他渠道', 'Redirected'],
    REPLIED: ['已回复', 'Answered'], TERMINATED: ['终结', 'Concluded'], CONCLUDED: ['办结', 'Closed'] };
  var WAYS = { IN_PERSON: ['直接送达', 'In person'], POST: ['邮寄送达', 'By post'], ONLINE: ['网上送达', 'Online'] };
  var RATINGS = { SATISFIED: ['满意', 'Satisfied'], BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'],
    DISSATISFIED: ['不满意', 'Dissatisfied'] };
  var CHANNELS = { LEGAL: ['涉法涉诉', 'Litigation'], DISCIPLINE: ['检举控告（纪检监察机关）', 'Accusation (discipline inspection)'],
    OTHER: ['其他法定途径', 'Another statutory channel'] };
  var CLOCKS = { TRIAGE: ['分流', 'Triage'], NOTICE: ['受理告知', 'Acceptance notice'], OBJECTION: ['异议', 'Objection'],
    HANDLING: ['办理', 'Handling'], REVIEW_REQUEST: ['申请复查', 'Review request'], REVIEW: ['复查', 'Review'],
    REREVIEW_REQUEST: ['申请复核', 'Re-review request'], REREVIEW: ['复核', 'Re-review'], SUPERVISION: ['督办答复', 'Answer to supervision'] };
  var DOCUMENTS = { LINKED: 'Notice of a repeat petition', ACCEPTED: 'Acceptance notice', NOT_ACCEPTED: 'Notice of non-acceptance',
    REDIRECTED: 'Notice: another statutory channel', EXTENDED: 'Extension notice', DECIDED: 'Written decision',
    REPLIED: 'Reply to a suggestion', REVIEWED: 'Review opinion', REREVIEWED: 'Re-review opinion', MEDIATED: 'Mediation agreement', SUPERVISED: 'Supervision notice',
    SUPERVISION_ANSWERED: 'Answer to supervision' };

  var DOCTITLES = { LINKED: '重复信访告知书', ACCEPTED: '受理告知书', NOT_ACCEPTED: '不予受理告知书', REDIRECTED: '告知书（其他法定途径）',
    EXTENDED: '延期告知书', DECIDED: '信访处理意见书', REPLIED: '建议意见回复', REVIEWED: '复查意见书', REREVIEWED: '复核意见书',
    MEDIATED: '调解协议' };

  function word(table, code) {
    var w = table[code];
    return w ? X.t(w[0], w[1]) : code;
  }

  /**
   * The typed facts of an event in words, in the order a reader expects them: [attr, zh label, en label, value].
   * The value is text, or an element (a link to a linked case). Units by name (names: code -> name).
   */
  function facts(e, names) {
    var a = e.attrs || {};
    var t = X.t;
    var list = [];
    function add(key, zh, en, value) { if (a[key] != null && a[key] !== '') { list.push([key, zh, en, value === undefined ? String(a[key]) : value]); } }
    add('unit', '承办单位', 'Assigned to', names(a.unit));
    add('channel', '导入渠道', 'Channel', word(CHANNELS, a.channel));
    if (a.linkTo) { add('linkTo', '并入案件', 'Linked to', X.el('a', { href: '#/case/' + encodeURIComponent(a.linkTo), text: a.linkTo })); }
    if (a.days != null) { list.push(['days', '', '', t('延长' + a.days + '日', 'extended by ' + a.days + ' days')]); }
    add('reason', '理由', 'Reason');
    add('request', '信访诉求', 'Request');
    add('facts', '查明事实', 'Facts');
    add('outcome', '处理意见', 'Decision', word(OUTCOMES, a.outcome));
    add('result', '结论', 'Result', word(RESULTS, a.result));
    add('adoption', '采纳情况', 'Adoption', word(ADOPTIONS, a.adoption));
    add('reply', '回复内容', 'Reply');
    add('document', '送达文书', 'Document', DOCTITLES[a.document] ? t(DOCTITLES[a.document], DOCUMENTS[a.document]) : a.document);
    add('deliveredOn', '送达日期', 'Delivered on');
    add('way', '送达方式', 'Way', word(WAYS, a.way));
    add('filedOn', '申请日期', 'Filed on');
    add('basis', '依据', 'Basis');
    add('agreement', '调解协议', 'Agreement');
    add('clock', '督办所涉期限', 'Lapsed clock', word(CLOCKS, a.clock));
    add('due', '届满日', 'Lapsed on');
    add('answerDue', '答复期限', 'Answer due');
    add('instructions', '督办要求', 'Instructions');
    add('answer', '答复内容', 'Answer');
    add('level', '满意度', 'Rating', word(RATINGS, a.level));
    add('comment', '意见', 'Comment');
    if (a.receptionDay) { add('receptionDay', '领导接访日', 'Reception session', X.el('a', { href: '#/reception/' + encodeURIComponent(a.receptionDay), text: a.receptionDay })); }
    add('receptionLeader', '接访领导', 'Received by');
    // 来源：矛盾纠纷排查 — the item of a unit's monthly screening report (<unit>-S<yyyyMM>-<n>) the case came from
    if (a.screeningItem) {
      var si = /^(.+)-S(\d{4})(\d{2})-(\d+)$/.exec(a.screeningItem);
      add('screeningItem', '来源：矛盾纠纷排查', 'Source: screening of conflicts', si ? X.el('a', { href: '#/screening/' + encodeURIComponent(si[1]) + '/' + si[2] + '-' + si[3],
        text: a.screeningItem }) : a.screeningItem);
    }
    add('importedFrom', '导入来源', 'Imported from');
    add('sourceNumber', '原编号', 'Number there');
    add('historicResult', '办理结果', 'Result', word(HISTORIC, a.historicResult));
    add('closedOn', '办结日期', 'Closed on');
    add('responsibleUnit', '责任单位', 'Responsible unit', names(a.responsibleUnit));
    add('summary', '办理情况', 'Handling');
    var knownReception = ['receptionDay', 'receptionLeader', 'screeningItem', 'importedFrom', 'sourceNumber', 'historicResult', 'closedOn',
      'responsibleUnit', 'summary'];
    // anything a newer node records that this page does not know yet: shown under its own name
    var known = ['unit', 'channel', 'linkTo', 'days', 'reason', 'request', 'facts', 'outcome', 'basis', 'agreement', 'clock', 'due',
      'answerDue', 'instructions', 'answer', 'level', 'comment', 'result', 'adoption', 'reply', 'document', 'deliveredOn', 'way',
      'filedOn'];
    Object.keys(a).filter(function (k) { return known.indexOf(k) < 0 && knownReception.indexOf(k) < 0; }).forEach(function (k) { list.push([k, k, k, String(a[k])]); });
    return list;
  }

  /** The facts of a step and the note (only what a person wrote, when there is one): 延长30日；理由：… */
  function details(e, names) {
    var t = X.t, el = X.el;
    var parts = [];
    var previous = null;
    facts(e, names).forEach(function (f) {
      // 延长30日；理由：… (no second stop after a value that ends a sentence)
      if (previous !== null) { parts.push(/[。！？；.!?;]$/.test(previous) ? ' ' : t('；', '; ')); }
      previous = typeof f[3] === 'string' ? f[3] : '';
      var name = t(f[1], f[2]);
      parts.push(el('span', { class: 'fact', 'data-attr': f[0] }, name ? name + t('：', ': ') : '', f[3]));
    });
    var box = el('div', { class: 'details' }, parts);
    if (e.note) { box.appendChild(el('div', { class: 'note' }, t('说明：', 'Note: '), e.note)); }
    return box;
  }

  /** Names of the units and nodes this page knows, by code: for facts that carry a unit code only. */
  function namesOf(p, session) {
    var m = {};
    function put(code, name) { if (code && name && name !== code) { m[code] = name; } }
    put(session.node.unit, session.node.unitName);
    (session.node.childUnits || []).forEach(function (u) { put(u.code, u.name); });
    put(p.registeredBy, p.registeredByName);
    put(p.owner, p.ownerName);
    (p.timeline || []).forEach(function (e) { put(e.unit, e.unitName); put(e.node, e.nodeName); });
    (p.documents || []).forEach(function (d) { put(d.unit, d.unitName); });
    (p.conflicts || []).forEach(function (c) { put(c.unit, c.unitName); put(c.refusedBy, c.refusedByName); });
    if (p.firstContact) { put(p.firstContact.unit, p.firstContact.unitName); }
    return function (code) { return code == null ? '' : m[code] || code; };
  }

  function fieldFor(name, p, session) {
    var t = X.t, el = X.el;
    switch (name) {
      case 'unit': {
        var s = el('select', { name: 'unit' }, el('option', { value: '', text: t('请选择承办单位', 'Choose the unit') }));
        // the organs that decide, anywhere below this node; those below a lower office (a city's townships) grouped under it
        var groups = {};
        (session.node.assignableUnits || session.node.childUnits || []).forEach(function (u) {
          var into = s;
          if (u.parent && u.parent !== session.node.unit) {
            into = groups[u.parent] || (groups[u.parent] = s.appendChild(el('optgroup', { label: u.parentName || u.parent })));
          }
          into.appendChild(el('option', { value: u.code, text: u.name }));
        });
        return X.field('a-unit', t('承办单位', 'Unit') + ' *', s);
      }
      case 'days':
        return X.field('a-days', t('延长天数（1–30）', 'Days (1–30)') + ' *', el('input', { name: 'days', type: 'number', min: 1, max: 30 }),
          t('延期只能一次，最长30日（第三十四条）', 'once, at most 30 days (R2022 Art. 34)'));
      case 'decision': {
        var d = el('select', { name: 'decision' }, el('option', { value: '', text: t('请选择', 'Choose') }),
          el('option', { value: 'SUPPORT', text: t('支持', 'Support') }), el('option', { value: 'EXPLAIN', text: t('解释说明', 'Explain') }),
          el('option', { value: 'REJECT', text: t('不予支持', 'Reject') }));
        return X.field('a-decision', t('处理意见', 'Decision') + ' *', d);
      }
      case 'result': {
        var r = el('select', { name: 'result' }, el('option', { value: '', text: t('请选择', 'Choose') }));
        Object.keys(RESULTS).forEach(function (k) { r.appendChild(el('option', { value: k, text: word(RESULTS, k) })); });
        return X.field('a-result', t('结论', 'Result') + ' *', r, t('复查、复核对原意见作出维持、变更或撤销的结论（第三十五、三十六条）',
          'a review upholds, varies or revokes the opinion under review (R2022 Art. 35, 36)'));
      }
      case 'adoption': {
        // the API takes what became of a suggestion in "result"
        var ad = el('select', { name: 'result' }, el('option', { value: '', text: t('请选择', 'Choose') }));
        Object.keys(ADOPTIONS).forEach(function (k) { ad.appendChild(el('option', { value: k, text: word(ADOPTIONS, k) })); });
        return X.field('a-adoption', t('采纳情况', 'Adoption') + ' *', ad, t('第二十九条：科学合理、具有现实可行性的，应当采纳或者部分采纳',
          'R2022 Art. 29: sound, feasible suggestions are adopted in whole or in part'));
      }
      case 'document': {
        var dd = el('select', { name: 'document' }, el('option', { value: '', text: t('请选择送达的文书', 'Choose the document') }));
        (p.undelivered || []).forEach(function (u) {
          dd.appendChild(el('option', { value: u.document, text: t(u.title, DOCUMENTS[u.document] || u.title) + ' · ' + u.issuedOn }));
        });
        return X.field('a-document', t('送达文书', 'Document') + ' *', dd);
      }
      case 'deliveredOn':
        return X.field('a-deliveredon', t('送达日期', 'Delivered on') + ' *', el('input', { name: 'deliveredOn', type: 'date' }),
          t('信访人收到文书之日；复查、复核申请期限自此起算（第三十五、三十六条）',
            'the day the petitioner received it; the review windows run from it (R2022 Art. 35, 36)'));
      case 'way': {
        var w = el('select', { name: 'way' }, el('option', { value: '', text: t('请选择', 'Choose') }));
        Object.keys(WAYS).forEach(function (k) { w.appendChild(el('option', { value: k, text: word(WAYS, k) })); });
        return X.field('a-way', t('送达方式', 'Way') + ' *', w);
      }
      case 'responsibleUnit': {
        var ru = el('select', { name: 'responsibleUnit' }, el('option', { value: '', text: t('请选择责任单位', 'Choose the unit') }));
        [{ code: session.node.unit, name: session.node.unitName }].concat(session.node.childUnits || []).forEach(function (u) {
          ru.appendChild(el('option', { value: u.code, text: u.name }));
        });
        return X.field('a-responsibleunit', t('责任单位', 'Responsible unit') + ' *', ru);
      }
      case 'listed': {
        var lb = el('input', { type: 'checkbox', name: 'listed', class: 'inline' });
        return X.field('a-listed', t('挂牌督办', 'Listed (on the board)'), lb, t('挂牌督办的事项在督办看板上公示，直至答复被认可',
          'a listed supervision stays on the board until its answer is accepted'));
      }
      case 'filedOn':
        return X.field('a-filedon', t('申请日期', 'Filed on'), el('input', { name: 'filedOn', type: 'date' }),
          t('信访人提出申请之日，不填为今天', 'the day the petitioner filed it; today when left empty'));
      case 'signOff': {
        var box = el('input', { type: 'checkbox', name: 'signOff', class: 'inline' });
        // only a person the staff list names can sign off (the API answers signer_unknown otherwise)
        return X.field('a-signoff', t('本单位负责人签批', 'Signed off by the unit head') + ' *', box,
          session.named ? t('签批人：', 'Signed off by: ') + session.display
            : t('您的账号未在本单位人员名册中登记姓名和职务，不能签批；请联系系统管理员。',
              'Your account is not in this unit\'s staff list (name and title), so you cannot sign off; ask the administrator.'));
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
        return X.field('a-note', t('说明', 'Note'), el('textarea', { name: 'note', rows: 3 }));
      case 'agreement':
        return X.field('a-agreement', t('调解协议内容', 'Agreement') + ' *', el('textarea', { name: 'agreement', rows: 4 }));
      case 'answer':
        return X.field('a-answer', t('答复内容', 'Answer') + ' *', el('textarea', { name: 'answer', rows: 4 }));
      case 'reason':
        return X.field('a-reason', t('理由', 'Reason') + ' *', el('textarea', { name: 'reason', rows: 3 }));
      case 'request':
        return X.field('a-request', t('信访诉求', 'Request') + ' *', el('textarea', { name: 'request', rows: 2 }));
      case 'facts':
        return X.field('a-facts', t('查明事实', 'Facts') + ' *', el('textarea', { name: 'facts', rows: 3 }));
      case 'basis':
        return X.field('a-basis', t('依据', 'Basis') + ' *', el('textarea', { name: 'basis', rows: 2 }));
      default:
        return SIMPLE[name] ? simpleField(name) : null;
    }
  }

  /**
   * The form of one step. It sends the version of the case the page shows; {@code done(after)} gets the
   * case after the step, {@code moved()} is called when someone else acted first (409 version_conflict).
   */
  /**
   * Every required field (its label ends in *) is filled in and the days are 1 to 30: all problems are shown
   * at once, each on its field, before anything is sent; the API's own answer still lands on its field.
   */
  function complete(form) {
    var t = X.t, first = null;
    form.querySelectorAll('[data-field]').forEach(function (box) {
      var label = box.querySelector('label');
      var c = box.querySelector('input, select, textarea');
      if (!label || !c || c.type === 'hidden') { return; }
      var text = label.textContent.trim();
      var why = null;
      if (/\*$/.test(text)) {
        var name = text.replace(/\s*\*$/, '');
        if (c.type === 'checkbox' && !c.checked) {
          why = t('须经本单位负责人签批后才能出具', 'The unit head must sign it off');
        } else if (c.type !== 'checkbox' && !c.value.trim()) {
          why = c.tagName === 'SELECT' ? t('请选择' + name, 'Choose: ' + name) : t('请填写' + name, 'Fill in: ' + name);
        }
      }
      if (!why && c.name === 'days' && c.value.trim() && !(+c.value >= 1 && +c.value <= 30 && /^\d+$/.test(c.value.trim()))) {
        why = t('延长天数应为1至30日', 'Between 1 and 30 days');
      }
      if (why) {
        X.fieldError(form, box.getAttribute('data-field'), why);
        first = first || c;
      }
    });
    if (first) { first.focus(); }
    return first === null;
  }

  function stepForm(step, p, session, done, moved) {
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
      if (!complete(form)) { return; }
      var body = { version: p.version };
      form.querySelectorAll('input, select, textarea').forEach(function (c) {
        if (c.type === 'checkbox') { body[c.name] = c.checked; return; }
        var v = c.value.trim();
        if (v) { body[c.name] = c.name === 'days' ? +v : v; }
      });
      var button = form.querySelector('#step-submit');
      button.disabled = true;
      if (step === 'supervise') { body['case'] = p.id; }
      var call = step === 'assign'
        ? X.api('POST', '/petitions/' + encodeURIComponent(p.id) + '/assignments', body)
        // the supervision answers the case without the steps allowed now: read it again whole
        : step === 'supervise' ? X.api('POST', '/supervision', body).then(function () {
          return X.api('GET', '/petitions/' + encodeURIComponent(p.id));
        })
          : X.api('POST', '/petitions/' + encodeURIComponent(p.id) + '/actions/' + step, body);
      call.then(function (after) {
        X.toast(t('已' + spec[0], spec[1] + ': done'));
        done(after);
      }, function (e) {
        if (e.status === 409 && e.body && e.body.error === 'version_conflict') { moved(); return; }
        button.disabled = false;
        X.showError(form, e);
      });
    });
    return form;
  }

  /** The steps of this node that the level above did not take: the clerk must see them. */
  function conflictBox(p) {
    var t = X.t, el = X.el;
    if (!p.conflicts || !p.conflicts.length) { return null; }
    return el('section', { class: 'warn conflicts', id: 'case-conflicts', role: 'alert', 'aria-labelledby': 'h-conflicts' },
      el('h2', { id: 'h-conflicts', text: t('以下办理环节未被上级采纳', 'Steps the level above did not take') }),
      el('p', { text: t('本件在上级已有新的办理环节，以下在本节点办理的环节未生效；本件已按上级的记录更新，请按当前状态办理。',
        'The case had moved on above, so these steps taken here did not take effect; the case now shows the record above. Act on its current state.') }),
      el('ul', {}, p.conflicts.map(function (c) {
        return el('li', { 'data-event': c.eventId }, X.conflictText(c));
      })));
  }

  function show(main, p, notice) {
    var t = X.t, el = X.el, session = X.session();
    var names = namesOf(p, session);
    X.clear(main);
    main.appendChild(el('p', {}, el('a', { href: sessionStorage.getItem('xinfang.cases') || '#/cases', id: 'back-to-cases', text: t('← 返回案件列表', '← Back to cases') })));
    main.appendChild(el('h1', { id: 'case-title', 'data-version': p.version }, p.subject, ' ', el('span', { class: 'status', id: 'case-status',
      'data-status': p.status, text: X.label('status', p.status) }), ' ', X.deadlineBadge(p.activeDeadline)));
    if (notice) {
      main.appendChild(el('div', { class: 'warn', id: 'version-conflict', role: 'alert', tabindex: '-1' },
        el('strong', { text: t('本件已被他人办理，已为您刷新。', 'Someone else acted on this case; it has been reloaded.') }), ' ',
        t('您的操作未提交。请查看下方的当前状态和办理过程，再决定是否办理。',
          'Your step was not sent. Check the current state and the timeline below before acting.')));
    }
    var conflicts = conflictBox(p);
    if (conflicts) { main.appendChild(conflicts); }
    var major = majorBox(p);
    if (major) { main.appendChild(major); }

    var actions = el('div', { class: 'actions', id: 'case-actions', role: 'group', 'aria-label': t('可办理的环节', 'Steps you may take') });
    var stepArea = el('div', { id: 'step-area' });
    function reload() {
      return X.api('GET', '/petitions/' + encodeURIComponent(p.id)).then(function (now) {
        show(main, now, true);
        X.toast(t('本件已被他人办理，已为您刷新', 'Someone else acted on this case; reloaded'), 'bad');
        var box = main.querySelector('#version-conflict');
        if (box) { box.focus(); }
      }, function (e) { X.toast(e.message, 'bad'); });
    }
    // the API lists what this user may do now, 督办 by hand ('supervise') included
    var steps = (p.allowedActions || []).slice();
    steps.forEach(function (step) {
      if (!STEPS[step]) { return; }
      actions.appendChild(el('button', { type: 'button', 'data-step': step, text: t(STEPS[step][0], STEPS[step][1]), onclick: function () {
        X.clear(stepArea).appendChild(stepForm(step, p, session, function (after) { show(main, after); }, reload));
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
    var factList = el('dl', { class: 'facts' });
    function fact(k, v, id) {
      if (v != null && v !== '') { factList.appendChild(el('dt', { text: k })); factList.appendChild(el('dd', { id: id }, v)); }
    }
    fact(t('编号', 'Id'), el('span', { id: 'case-id', text: p.id }));
    fact(t('查询码', 'Tracking code'), p.trackingCode);
    fact(t('类别', 'Kind'), X.label('kind', p.kind));
    fact(t('渠道', 'Channel'), X.label('channel', p.channel));
    fact(t('收到日期', 'Received'), p.receivedAt);
    fact(t('人数', 'Headcount'), String(p.headcount));
    fact(t('问题分类', 'Category'), p.category);
    fact(t('问题属地', 'Where'), p.locationName ? t(p.locationName + '辖区', 'Area of ' + p.locationName) : p.location);
    fact(t('登记单位', 'Registered by'), p.registeredByName, 'case-registered-by');
    fact(t('责任单位', 'Owner'), el('span', { id: 'case-owner', text: p.ownerName }));
    fact(t('首问责任人', 'First contact'), fc.name ? X.person(fc.name) + ' · ' + fc.unitName
      + (fc.routed ? t('（已分流）', ' (routed)') : t('（尚未分流）', ' (not yet routed)')) : '', 'case-first-contact');
    if (p.origin) {
      // the node it was registered on, then the nodes it passed on its way here
      var route = [p.origin.node].concat(p.origin.path || []).filter(function (n, i, all) { return i === 0 || n !== all[i - 1]; });
      fact(t('来源', 'Came from'), route.map(names).join(' → '), 'case-origin');
    }
    var registration = (p.timeline && p.timeline[0] && p.timeline[0].attrs) || {};
    if (registration.importedFrom) {
      // a case handled before this system: no clocks were kept here, its result is the old register's
      fact(t('来源', 'Source'), t('历史数据导入：', 'Imported from the old register: ') + registration.importedFrom
        + t('，原编号 ', ', number ') + registration.sourceNumber, 'case-imported');
    }
    if (p.accusedUnitName) {
      fact(t('被检举控告单位', 'Accused unit'), p.accusedUnitName, 'case-accused-unit');
    }
    fact(t('被检举控告人', 'Accused person'), p.accusedPerson, 'case-accused-person');
    fact(t('内容', 'Content'), p.content);
    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('基本情况', 'Facts') }), factList));

    var people = p.petitioners || [];
    var GENDERS = { MALE: 'Male', FEMALE: 'Female', UNSTATED: 'Not stated' };
    var pd = p.personalData || {};
    // personal data comes masked, a 检举控告's material held back: the reader asks, and that read is recorded
    var reveal = pd.masked && pd.mayReveal && (pd.fields || []).length ? el('button', { type: 'button', id: 'case-reveal',
      text: p.sealedUntilAsked ? t('查阅检举控告材料（将记录查阅）', 'Read the accusation (the read is recorded)')
        : t('查看完整个人信息（将记录查阅）', 'Show personal data in full (the read is recorded)'),
      onclick: function () {
        reveal.disabled = true;
        X.api('GET', '/petitions/' + encodeURIComponent(p.id) + '?reveal=true').then(function (now) {
          show(main, now);
          X.toast(t('已显示完整信息，本次查阅已记录', 'Shown in full; this read is recorded'));
        }, function (e) { reveal.disabled = false; X.toast(e.message, 'bad'); });
      } }) : null;
    if (p.sealed || p.sealedUntilAsked) {
      main.appendChild(el('div', { class: 'warn', id: 'case-sealed', role: 'note' },
        el('strong', { text: t('检举控告事项：', 'Accusation: ') }),
        p.sealed ? t('检举控告材料仅限授权人员查阅，不得透露给被检举控告的单位和人员（《信访工作条例》第三十条、第四十六条）。本岗位只能看到编号、类别、状态和期限。',
          'its material is read only by the roles the office names for it, never by the unit or person accused (R2022 Art. 30, 46). You see its number, kind, status and clocks.')
          : t('材料已隐去，需要时点击下方按钮查阅，每次查阅都会被记录。', 'The material is held back; ask for it below when you need it. Every read is recorded.'),
        reveal && p.sealedUntilAsked ? el('p', {}, reveal) : null));
    }
    if (p.sealed) {
      main.appendChild(el('section', { class: 'card', id: 'case-petitioners' }, el('h2', { text: t('信访人', 'Petitioners') }),
        el('p', { class: 'muted', id: 'case-petitioners-sealed', text: t('检举控告人信息已隐去（共 ' + p.petitionerCount + ' 人）。',
          'The accuser is not shown (' + p.petitionerCount + ' in all).') })));
    } else main.appendChild(el('section', { class: 'card', id: 'case-petitioners' }, el('h2', { text: t('信访人', 'Petitioners') }),
      X.sortableTable([
        { key: 'name', label: t('姓名', 'Name') },
        { key: 'genderLabel', label: t('性别', 'Gender'), render: function (x) { return x.gender ? t(x.genderLabel, GENDERS[x.gender]) : ''; } },
        { key: 'idNumber', label: t('身份证号码', 'ID number') },
        { key: 'phone', label: t('电话', 'Phone') },
        { key: 'workUnit', label: t('工作单位', 'Work unit') },
        { key: 'address', label: t('住址', 'Address') }
      ], people),
      // the API masks the numbers for roles that do not work with personal data
      people.some(function (x) { return x.masked; }) ? el('p', { class: 'hint', id: 'case-petitioners-masked' },
        pd.mayReveal ? t('身份证号码、电话和住址已部分隐藏；需要时请点击查看，每次查看都会被记录。',
          'ID numbers, phones and addresses are partly hidden; ask to see them when you need to. Every read is recorded.')
          : t('身份证号码、电话和住址已部分隐藏：本岗位不查看完整的个人信息。', 'ID numbers, phones and addresses are partly hidden: your role does not see personal data in full.'),
        reveal && !p.sealedUntilAsked ? ' ' : null, reveal && !p.sealedUntilAsked ? reveal : null) : null));
    if (pd.readId) {
      main.appendChild(el('p', { class: 'hint', id: 'case-read-recorded', text: t('本次查阅已记录。', 'This read is recorded.') }));
    }

    main.appendChild(el('section', { class: 'card' }, el('h2', { text: t('期限', 'Clocks') }),
      X.sortableTable([
        { key: 'stepLabel', label: t('环节', 'Step'), render: function (d) { return t(d.stepLabel, (CLOCKS[d.step] || [0, d.stepLabel])[1]); } },
        { key: 'start', label: t('起算', 'Start') },
        { key: 'due', label: t('截止', 'Due'), render: function (d) { return X.dueText(d); }, sort: function (d) { return d.due; } },
        { key: 'state', label: t('状态', 'State'), render: function (d) {
          return d.state === 'running' || d.state === 'paused' ? X.deadlineBadge(d) : el('span', { text: ({ met: t('已办结', 'met'), missed: t('已超期', 'missed'), closed: t('已届满（未使用）', 'window closed') })[d.state] || d.state });
        }, sort: function (d) { return d.daysRemaining; } },
        { key: 'article', label: t('依据', 'Article'), render: function (d) { return X.msg(d.article); } }
      ], p.deadlines || [])));

    main.appendChild(el('section', { class: 'card', id: 'timeline' }, el('h2', { text: t('办理过程', 'Timeline') }),
      X.sortableTable([
        { key: 'seq', label: '#' },
        { key: 'at', label: t('时间', 'When'), render: function (e) { return X.dateTime(e.at); } },
        // a type this page does not know yet (a newer node's) by the API's Chinese name, never by its code
        { key: 'type', label: t('环节', 'Step'), render: function (e) { var l = X.label('event', e.type); return l === e.type && e.typeLabel ? e.typeLabel : l; } },
        { key: 'actorDisplay', label: t('经办人', 'Who'), render: function (e) { return X.person(e.actorDisplay); } },
        { key: 'unitName', label: t('单位（节点）', 'Unit (node)'), render: function (e) {
          // the node only when it is not the unit's own
          return e.nodeName && e.nodeName !== e.unitName ? e.unitName + t('（节点：' + e.nodeName + '）', ' (node: ' + e.nodeName + ')') : e.unitName;
        } },
        { key: 'details', label: t('办理内容', 'Details'), sortable: false, render: function (e) { return details(e, names); } }
      ], p.timeline || [])));

    main.appendChild(officialDocuments(p));
    if (!p.sealed) { main.appendChild(attachmentsBox(p)); }
    if (pd.mayListReads) { main.appendChild(readsBox(p)); }

    var docs = el('section', { class: 'card', id: 'documents' }, el('h2', { text: t('文书摘要与送达', 'Document texts and delivery') }));
    if (!p.documents || !p.documents.length) { docs.appendChild(el('p', { class: 'muted', text: t('尚无文书', 'No documents yet') })); }
    (p.documents || []).forEach(function (d) {
      docs.appendChild(el('article', { 'data-type': d.type },
        el('h3', { text: t(d.title, DOCUMENTS[d.type] || d.title) }),
        el('p', { class: 'muted' }, X.dateTime(d.issuedAt) + ' · ' + d.unitName,
          d.signedBy ? el('span', { class: 'signed' }, ' · ' + t('签批：', 'Signed off by: ') + X.person(d.signedBy)) : null,
          d.owedToPetitioner ? el('span', { class: 'delivery' }, ' · ' + (d.deliveredOn
            ? t('送达：' + d.deliveredOn + '（' + d.deliveryWayLabel + '）', 'delivered ' + d.deliveredOn + ' (' + word(WAYS, d.deliveryWay) + ')')
            : t('尚未登记送达', 'delivery not recorded'))) : null),
        el('div', { class: 'doc', text: d.text })));
    });
    main.appendChild(docs);
    var lead = leaderBox(p);
    if (lead) { main.appendChild(lead); }
    if (p.hearings && p.hearings.length) { main.appendChild(hearingBox(p)); }
  }

  /**
   * 文书: the case's numbered documents (docs/documents.md), each with its 文号, issuing unit, signer and day, and
   * buttons that open its printable A4 page in a new tab: the file copy (存档联) and, for what the petitioner is
   * owed, the petitioner's copy (信访人联, personal numbers masked). The page is fetched with the session's
   * credentials and written into the new tab unchanged, so what prints is the node's bytes.
   */
  function officialDocuments(p) {
    var t = X.t, el = X.el;
    var box = el('section', { class: 'card', id: 'official-documents' }, el('h2', { text: t('文书', 'Documents') }));
    var body = el('div', {}, el('p', { class: 'muted', text: t('正在读取文书……', 'Loading the documents…') }));
    box.appendChild(body);
    X.api('GET', '/petitions/' + encodeURIComponent(p.id) + '/documents').then(function (list) {
      X.clear(body);
      if (!list.items.length) { body.appendChild(el('p', { class: 'muted', text: t('尚无文书', 'No documents yet') })); return; }
      body.appendChild(X.sortableTable([
        { key: 'title', label: t('文书', 'Document') },
        { key: 'number', label: t('文号', 'Number'), render: function (d) { return el('span', { class: 'doc-number', text: d.number }); } },
        { key: 'issuedBy', label: t('出具单位', 'Issued by') },
        { key: 'signer', label: t('签发人', 'Signed by'), render: function (d) { return X.person(d.signer); } },
        { key: 'issuedOn', label: t('日期', 'Date') },
        { key: 'href', label: t('打印', 'Print'), sortable: false, render: function (d) {
          return el('span', { class: 'doc-print' },
            el('button', { type: 'button', 'data-print': d.type, 'data-copy': 'file', text: t('打印（存档联）', 'Print (file copy)'),
              onclick: function () { openPrintable(d.href); } }),
            d.publicHref ? el('button', { type: 'button', 'data-print': d.type, 'data-copy': 'public', text: t('打印（信访人联）', 'Print (petitioner\'s copy)'),
              onclick: function () { openPrintable(d.publicHref); } }) : null);
        } }
      ], list.items));
    }, function (e) { X.clear(body).appendChild(el('p', { class: 'bad', text: e.message })); });
    return box;
  }

  /**
   * 查阅记录: who read the case's personal data in full (or an accusation's material), when, at which unit, what —
   * here and at the nodes below. For the administrator, heads and the roles that read accusations.
   */
  function readsBox(p) {
    var t = X.t, el = X.el;
    var body = el('div', {}, el('p', { class: 'muted', text: t('正在读取查阅记录……', 'Loading the reads…') }));
    X.api('GET', '/petitions/' + encodeURIComponent(p.id) + '/reads').then(function (answer) {
      X.clear(body).appendChild(answer.items.length ? X.sortableTable([
        { key: 'at', label: t('时间', 'When'), render: function (r) { return X.dateTime(r.at); } },
        { key: 'reader', label: t('查阅人', 'Reader'), render: function (r) { return X.person(r.reader); } },
        { key: 'unitName', label: t('单位', 'Unit') },
        { key: 'fieldLabels', label: t('查阅内容', 'What'), sortable: false, render: function (r) { return r.fieldLabels.join('、'); } }
      ], answer.items) : el('p', { class: 'muted', text: t('尚无查阅记录', 'No reads recorded') }));
    }, function (e) { X.clear(body).appendChild(el('p', { class: 'bad', text: e.message })); });
    return el('section', { class: 'card', id: 'case-reads', 'aria-labelledby': 'h-reads' },
      el('h2', { id: 'h-reads', text: t('个人信息查阅记录', 'Reads of personal data') }), body);
  }

  /**
   * 附件: the scanned letters and photos of the case (docs/attachments.md): a thumbnail for an image, a mark for a
   * PDF, each opening in a new tab; those still on their way from the node below say so. Staff who register or
   * handle cases add more here. The files are fetched with the session's credentials and shown from blob URLs.
   */
  function attachmentsBox(p) {
    var t = X.t, el = X.el;
    var box = el('section', { class: 'card', id: 'case-attachments', 'aria-labelledby': 'h-attachments' },
      el('h2', { id: 'h-attachments', text: t('附件', 'Attachments') }));
    var list = el('ul', { class: 'attachments', id: 'attachment-list' });
    var status = el('p', { class: 'muted', 'aria-live': 'polite', text: t('正在读取附件……', 'Loading the attachments…') });
    box.appendChild(status);
    box.appendChild(list);
    function load() {
      X.api('GET', '/petitions/' + encodeURIComponent(p.id) + '/attachments').then(function (answer) {
        X.clear(list);
        status.textContent = answer.items.length ? '' : t('尚无附件', 'No attachments yet');
        answer.items.forEach(function (a) { list.appendChild(attachmentItem(a)); });
      }, function (e) { status.textContent = e.message; });
    }
    if (X.hasRole(['clerk', 'handler', 'head'])) {
      var input = el('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,application/pdf', multiple: true });
      var form = el('form', { class: 'attachment-add', novalidate: true },
        X.field('a-file', t('添加附件', 'Add attachments'), input, t('来信扫描件或照片：图片（JPEG、PNG）或 PDF 文件，单个不超过 10 兆字节',
          'scans or photos: JPEG, PNG or PDF, at most 10 MiB a file')),
        el('p', { class: 'form-error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'attachment-submit', text: t('上传', 'Upload') })));
      X.fileChooser(input);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        X.clearErrors(form);
        if (!input.files.length) { X.fieldError(form, 'file', t('请选择文件', 'Choose a file')); return; }
        var button = form.querySelector('#attachment-submit');
        button.disabled = true;
        uploadAttachments(p.id, input.files).then(function () {
          button.disabled = false;
          form.reset();
          X.toast(t('附件已上传', 'Uploaded'));
          load();
        }, function (e) { button.disabled = false; X.showError(form, e); load(); });
      });
      box.appendChild(form);
    }
    load();
    return box;
  }

  function attachmentItem(a) {
    var t = X.t, el = X.el;
    var size = a.size >= 1048576 ? (a.size / 1048576).toFixed(1) + t(' 兆字节', ' MiB') : Math.max(1, Math.round(a.size / 1024)) + t(' 千字节', ' KiB');
    var thumb = el('span', { class: 'thumb', 'aria-hidden': 'true', text: a.mediaType === 'application/pdf' ? t('文档', 'PDF') : '' });
    var meta = el('span', { class: 'muted', text: size + ' · ' + X.dateTime(a.addedAt) + ' · ' + (a.addedByName || '') + (a.unitName ? ' · ' + a.unitName : '') });
    var item = el('li', { 'data-attachment': a.id, 'data-type': a.mediaType });
    if (!a.complete) {
      item.appendChild(thumb);
      item.appendChild(el('span', {}, el('span', { class: 'file-name', text: a.fileName }), ' ',
        el('span', { class: 'badge', text: t('传输中，已收到 ' + a.piecesHeld + ' 片', 'arriving: ' + a.piecesHeld + ' pieces here') }), ' ', meta));
      return item;
    }
    var open = el('button', { type: 'button', class: 'link file-name', text: a.fileName, title: t('在新标签页中打开', 'Open in a new tab'),
      onclick: function () { openAttachment(a); } });
    item.appendChild(thumb);
    item.appendChild(el('span', {}, open, ' ', meta));
    if (a.mediaType.indexOf('image/') === 0) {
      fetchAttachment(a.href).then(function (blob) {
        X.clear(thumb).appendChild(el('img', { src: URL.createObjectURL(blob), alt: a.fileName, class: 'attachment-thumb' }));
      }, function () { /* the name still opens it */ });
    }
    return item;
  }

  function fetchAttachment(href) {
    var s = X.session(), headers = { 'X-Requested-With': 'XinfangWeb' };
    if (s && s.auth) { headers.Authorization = 'Basic ' + s.auth; }
    return fetch(href, { headers: headers, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(X.t('读取附件失败', 'Could not load the file') + ' (' + r.status + ')'); }
      return r.blob();
    });
  }

  /** Opens a file in a new tab: the window first (a click may open one), then the file's bytes, as their type. */
  function openAttachment(a) {
    var w = window.open('', '_blank');
    if (!w) { X.toast(X.t('浏览器阻止了新标签页，请允许本站弹出窗口', 'The browser blocked the new tab; allow pop-ups for this site'), 'bad'); return; }
    fetchAttachment(a.href).then(function (blob) { w.location.href = URL.createObjectURL(blob); },
      function (e) { w.close(); X.toast(e.message, 'bad'); });
  }

  /** Uploads files one after another (each as the body with its own type), answering when all are in. */
  function uploadAttachments(caseId, files) {
    var s = X.session();
    return Array.prototype.reduce.call(files, function (done, file) {
      return done.then(function () {
        var headers = { 'X-Requested-With': 'XinfangWeb', Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
        if (s && s.auth) { headers.Authorization = 'Basic ' + s.auth; }
        return fetch('/api/v1/petitions/' + encodeURIComponent(caseId) + '/attachments?name=' + encodeURIComponent(file.name),
          { method: 'POST', headers: headers, body: file, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (!r.ok) {
              var e = new Error(X.msg(body.message) || ('HTTP ' + r.status));
              e.status = r.status; e.body = body;
              throw e;
            }
            return body;
          });
        });
      });
    }, Promise.resolve());
  }

  /** Opens a printable page in a new tab: the window first (a click may open one), then the page written into it. */
  function openPrintable(href) {
    var w = window.open('', '_blank');
    if (!w) { X.toast(X.t('浏览器阻止了新标签页，请允许本站弹出窗口', 'The browser blocked the new tab; allow pop-ups for this site'), 'bad'); return; }
    var s = X.session(), headers = { 'X-Requested-With': 'XinfangWeb', Accept: 'text/html' };
    if (s && s.auth) { headers.Authorization = 'Basic ' + s.auth; }
    fetch(href, { headers: headers, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(X.t('读取文书失败', 'Could not load the document') + ' (' + r.status + ')'); }
      return r.text();
    }).then(function (html) {
      w.document.open();
      w.document.write(html);
      w.document.close();
      w.focus();
    }, function (e) { w.close(); X.toast(e.message, 'bad'); });
  }

  /**
   * 重大紧急: the reason, who flagged it and when, and the report to each level above: when it arrived and
   * who there acknowledged it (R2022 Art. 25; the delays are what Art. 46 asks about).
   */
  function majorBox(p) {
    var t = X.t, el = X.el, m = p.major;
    if (!m) {
      return p.majorSuggested ? el('div', { class: 'warn', role: 'note', id: 'major-suggested' },
        t('本件为' + p.headcount + '人集体访，请考虑标记为重大紧急事项并立即上报（《信访工作条例》第二十五条）。',
          'A visit of ' + p.headcount + ' people: consider flagging it as major or urgent and reporting it at once (R2022 Art. 25).')) : null;
    }
    return el('section', { class: 'warn', id: 'case-major', role: 'alert', 'aria-labelledby': 'h-major' },
      el('h2', { id: 'h-major', text: t('重大紧急信访事项', 'Major or urgent matter') }),
      el('p', {}, t('事由：', 'Reason: ') + m.reason),
      el('p', { class: 'muted' }, t('标记：', 'Flagged: ') + X.dateTime(m.flaggedAt) + ' · ' + m.flaggedByName + ' · ' + X.person(m.flaggedByPerson.display)
        + t('（收到后第' + m.daysFromReceipt + '日标记，登记后' + m.minutesFromRegistration + '分钟）',
          ' (day ' + m.daysFromReceipt + ' after receipt, ' + m.minutesFromRegistration + ' min after registration)')),
      X.sortableTable([
        { key: 'unitName', label: t('上报层级', 'Level') },
        { key: 'arrivedAt', label: t('送达时间', 'Arrived'), render: function (r) { return r.arrivedAt ? X.dateTime(r.arrivedAt) : t('尚未送达', 'not yet'); } },
        { key: 'acknowledgedAt', label: t('确认知悉', 'Acknowledged'), render: function (r) {
          return r.acknowledgedAt ? X.dateTime(r.acknowledgedAt) + ' · ' + X.person(r.acknowledgedBy.display) : t('尚未确认', 'not yet');
        } }
      ], m.reports || []),
      (m.responses || []).map(function (r) {
        return el('article', { class: 'response', 'data-response': r.response },
          el('h3', { text: t(r.responseLabel, r.response === 'EMERGENCY' ? 'Emergency response' : 'Joint conference') + ' · ' + r.unitName
            + ' · ' + X.dateTime(r.openedAt) + (r.closedAt ? t('（已结束）', ' (closed)') : '') }),
          el('p', {}, t('成员：', 'Members: ') + r.members),
          el('ul', {}, r.meetings.map(function (mt) {
            return el('li', {}, mt.meetingOn + t(' 参会：', ' present: ') + mt.attendance + t('；议定：', '; decided: ') + mt.decisions);
          })),
          r.closedAt ? el('p', {}, t('结果：', 'Outcome: ') + r.summary) : null);
      }));
  }

  /** 包案: the leader, the measures, the deadline, the responsible unit, the progress entries. */
  function leaderBox(p) {
    var t = X.t, el = X.el, c = p.leaderCase;
    if (!c) { return null; }
    var list = el('dl', { class: 'facts' });
    function fact(k, v) { if (v) { list.appendChild(el('dt', { text: k })); list.appendChild(el('dd', {}, v)); } }
    fact(t('包案领导', 'Leader'), X.person(c.leader.display) + ' · ' + c.leaderUnitName);
    fact(t('包案措施', 'Measures'), c.measures);
    fact(t('包案时限', 'Settle by'), el('span', {}, c.targetDate, c.overdue ? el('span', { class: 'badge red', text: t('已超期', 'overdue') }) : ''));
    fact(t('责任单位', 'Responsible unit'), c.responsibleUnitName);
    fact(t('办结', 'Closed'), c.closedAt ? X.dateTime(c.closedAt) + ' · ' + c.summary : '');
    return el('section', { class: 'card', id: 'case-leader', 'aria-labelledby': 'h-leader' },
      el('h2', { id: 'h-leader', text: t('领导包案', 'Leader ownership (包案)') }), list,
      c.progress.length ? el('ul', {}, c.progress.map(function (e) { return el('li', {}, X.dateTime(e.at) + ' ' + e.progress); })) : null);
  }

  /** 听证: each hearing scheduled, with its record once held. */
  function hearingBox(p) {
    var t = X.t, el = X.el;
    return el('section', { class: 'card', id: 'case-hearings', 'aria-labelledby': 'h-hearings' },
      el('h2', { id: 'h-hearings', text: t('听证', 'Hearings') }),
      p.hearings.map(function (h) {
        return el('article', { 'data-held': String(h.held) },
          el('h3', { text: h.hearingOn + ' · ' + h.place + ' · ' + (h.openness === 'PUBLIC' ? t('公开', 'public') : t('不公开', 'not public')) }),
          el('p', {}, t('主持人：', 'Chair: ') + h.chair + t('；听证员：', '; panel: ') + h.panel),
          h.held ? el('p', {}, t('到场：', 'Attendance: ') + h.attendance) : el('p', { class: 'muted', text: t('尚未举行', 'not held yet') }),
          h.held ? el('p', {}, t('记录：', 'Record: ') + h.record) : null,
          h.held ? el('p', {}, t('评议意见：', 'Opinion: ') + h.opinion) : null);
      }));
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
