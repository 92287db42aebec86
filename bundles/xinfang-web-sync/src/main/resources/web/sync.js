/*
 * 同步状态 — this node's journal and its link to the parent; the children that report here; alarms (where
 * they were raised and about which node); entries of children kept but not applied; how far each journal
 * chain held here has been witnessed; whether the copies of the cases agree with the parent's (with a
 * button to compare now); and whether the journal is intact and matches what the parent witnessed.
 * Nodes and units by name.
 */
(function (X) {
  'use strict';

  // stable codes of the API, in words: why an entry was not applied (RefusedEntry.kind) ...
  var REFUSED = {
    foreign_case: ['不属于其辖区的案件', 'Case outside its area'], not_authorized: ['无权办理的环节', 'Step not allowed'],
    foreign_node: ['节点不符', 'Wrong node'], foreign_unit: ['单位不在辖区内', 'Unit outside its area'],
    future_time: ['时间晚于本级', 'Dated in the future'], incomplete: ['环节不完整', 'Incomplete step'], unreadable: ['无法读取', 'Unreadable'],
    duplicate_case: ['重复登记', 'Case exists already'], duplicate_tracking_code: ['查询码重复', 'Tracking code taken'],
    unknown_case: ['本级没有该案件', 'Case not held here'], stale_copy: ['上级已有新的办理环节', 'Case moved on above']
  };
  // ... and what an alarm is about (SyncAlarm.kind): refused entries, refused batches, refused calls
  var ALARMS = Object.assign({}, REFUSED, {
    foreign_origin: ['来源不在辖区内', 'Origin outside its area'], conflict: ['日志冲突', 'Journal conflict'], gap: ['日志缺条', 'Gap in the journal'],
    broken_chain: ['哈希链断裂', 'Broken hash chain'], unsigned: ['未签名的请求', 'Unsigned call'], unknown_node: ['未注册的节点', 'Unregistered node'],
    bad_timestamp: ['时间戳无效', 'Invalid timestamp'], stale: ['请求时间与本机相差过大', 'Call\'s clock too far off'],
    bad_signature: ['签名无效', 'Bad signature'], replay: ['重放的请求', 'Replayed call'],
    refused_entry: ['下级条目未被采纳', 'A child\'s entry not applied'], receipt_refused: ['上级回执无效', 'Parent\'s receipt refused']
  });

  function kindLabel(table, kind) {
    var w = table[kind];
    return w ? X.t(w[0], w[1]) : kind;
  }

  function caseLink(id) {
    return id ? X.el('a', { href: '#/case/' + encodeURIComponent(id), text: id }) : '';
  }

  function caseLinks(ids) {
    var el = X.el;
    if (!ids || !ids.length) { return el('span', { class: 'badge green', text: X.t('一致', 'all agree') }); }
    var list = el('span', { class: 'case-links' });
    ids.forEach(function (id, i) { if (i > 0) { list.appendChild(document.createTextNode(X.t('、', ', '))); } list.appendChild(caseLink(id)); });
    return list;
  }

  function section(id, title) {
    return X.el('section', { class: 'card', id: id, 'aria-labelledby': id + '-h' }, X.el('h2', { id: id + '-h', text: title }));
  }

  /** A part of the page that loads on its own: one failing call leaves the others standing. */
  function part(box, promise, draw) {
    box.setAttribute('aria-busy', 'true');
    return promise.then(function (answer) {
      box.removeAttribute('aria-busy');
      draw(answer);
    }, function (e) {
      box.removeAttribute('aria-busy');
      box.appendChild(X.el('p', { class: 'form-error', role: 'alert', text: e.message }));
    });
  }

  function status(box, s, names) {
    var t = X.t, el = X.el;
    var healthy = !s.parent || (s.configured && !s.lastError && s.backlog === 0);
    var facts = el('dl', { class: 'facts' });
    function fact(k, v) { facts.appendChild(el('dt', { text: k })); facts.appendChild(el('dd', {}, v == null || v === '' ? '—' : String(v))); }
    fact(t('本节点', 'This node'), names(s.node));
    fact(t('上级节点', 'Parent'), s.parent || t('无（本节点为最上级）', 'none (top of the network)'));
    if (s.parent) {
      fact(t('已配置密钥', 'Credential set'), s.configured ? t('是', 'yes') : t('否——请在上级登记本节点', 'no — register this node at the parent'));
      fact(t('待上报条数', 'Backlog'), s.backlog);
      fact(t('最早未上报的已等待', 'Oldest unsent waited'), s.lagSeconds + t(' 秒', ' s'));
      fact(t('最近成功', 'Last success'), X.dateTime(s.lastSuccess));
      fact(t('最近尝试', 'Last attempt'), X.dateTime(s.lastAttempt));
      fact(t('连续失败', 'Failures in a row'), s.failures);
      fact(t('最近错误', 'Last error'), X.msg(s.lastError));
    }
    fact(t('日志位置', 'Journal position'), s.parent ? s.lastPosition + ' / ' + t('上级已确认 ', 'acknowledged by the parent ')
      + s.acknowledgedPosition : String(s.lastPosition));
    box.appendChild(el('div', { class: healthy ? 'ok' : 'warn', id: 'sync-health', role: 'status',
      text: healthy ? t('同步正常', 'Sync is healthy') : t('同步有待处理的问题', 'Sync needs attention') }));
    var own = section('sync-node', t('本节点', 'This node'));
    own.appendChild(facts);
    box.appendChild(own);

    var children = section('sync-children', t('下级节点', 'Children'));
    children.appendChild(X.sortableTable([
      { key: 'name', label: t('节点', 'Node') },
      { key: 'lastSeen', label: t('最近联系', 'Last seen'), render: function (c) { return c.lastSeen ? X.dateTime(c.lastSeen) : t('从未', 'never'); } }
    ], s.children || []));
    box.appendChild(children);

    if (s.alarms && s.alarms.length) {
      var alarms = section('sync-alarms', t('告警', 'Alarms'));
      alarms.appendChild(X.sortableTable([
        { key: 'at', label: t('时间', 'When'), render: function (a) { return X.dateTime(a.at); } },
        { key: 'kind', label: t('类型', 'Kind'), render: function (a) { return kindLabel(ALARMS, a.kind); } },
        { key: 'raisedAtName', label: t('发现于', 'Raised at') },
        { key: 'nodeName', label: t('涉及节点', 'About node'), render: function (a) { return a.nodeName || '—'; } },
        { key: 'message', label: t('说明', 'Message'), sortable: false, render: function (a) { return X.msg(a.message); } }
      ], s.alarms));
      box.appendChild(alarms);
    }

    var refused = section('sync-refused', t('未采纳的下级条目', 'Entries of children not applied'));
    refused.appendChild(el('p', { class: 'muted', text: t('下级报来的这些条目已保存（日志链保持完整），但未予采纳：不符合办理权限，或本件在上级已有新的办理环节（此时下级会收到提示）。',
      'Children sent these entries; they are kept (the chain stays whole) but were not applied: they break the authority rules, or the case had moved on above (the child is then told).') }));
    refused.appendChild(X.sortableTable([
      { key: 'at', label: t('时间', 'When'), render: function (r) { return X.dateTime(r.at); } },
      { key: 'originName', label: t('来源节点', 'From node'), render: function (r) {
        return r.originName + (r.from && r.from !== r.origin ? t('（经' + names(r.from) + '）', ' (via ' + names(r.from) + ')') : '');
      } },
      { key: 'seq', label: t('条目', 'Entry') },
      { key: 'caseId', label: t('案件', 'Case'), render: function (r) { return caseLink(r.caseId); } },
      { key: 'kind', label: t('原因', 'Why'), render: function (r) { return kindLabel(REFUSED, r.kind); } },
      { key: 'reason', label: t('说明', 'Details'), sortable: false, render: function (r) { return X.msg(r.reason); } }
    ], s.refused || []));
    box.appendChild(refused);
  }

  function witnessed(box, answer) {
    var t = X.t, el = X.el;
    box.appendChild(el('p', { class: 'muted', text: t('本节点持有的各节点日志链：已见证到第几条、何时，以及比该节点报告的最新位置落后多少条。',
      'The journal chains held here: up to which entry they were witnessed here, when, and how far behind the head each node reported.') }));
    box.appendChild(X.sortableTable([
      { key: 'name', label: t('节点', 'Node') },
      { key: 'witnessedSeq', label: t('已见证到', 'Witnessed up to') },
      { key: 'witnessedAt', label: t('见证时间', 'Witnessed at'), render: function (c) { return c.witnessedAt ? X.dateTime(c.witnessedAt) : t('尚未', 'not yet'); },
        sort: function (c) { return c.witnessedAt; } },
      { key: 'behind', label: t('落后', 'Behind'), render: function (c) {
        return c.behind > 0 ? el('span', { class: 'badge amber', 'data-behind': c.behind, text: t('落后' + c.behind + '条', c.behind + ' behind') })
          : el('span', { class: 'badge green', 'data-behind': 0, text: t('已跟上', 'up to date') });
      } }
    ], answer.chains || []));
  }

  /** One node's latest comparison in words: 与 X 核对于 …：共 n 件，m 件不一致. */
  function comparison(r) {
    var t = X.t;
    var n = (r.differing || []).length;
    return t('与' + r.comparedWithName + '核对于 ' + X.dateTime(r.checkedAt) + '：共 ' + r.cases + ' 件，' + (n ? n + ' 件不一致' : '全部一致'),
      'compared with ' + r.comparedWithName + ' at ' + X.dateTime(r.checkedAt) + ': ' + r.cases + ' cases, '
        + (n ? n + ' differ' : 'all agree'));
  }

  function consistency(box, c, canCheck) {
    var t = X.t, el = X.el;
    var body = el('div', { id: 'consistency-result' });
    var failed = el('p', { class: 'form-error', id: 'consistency-error', role: 'alert' });
    function draw(answer) {
      failed.textContent = '';
      X.clear(body);
      var differing = answer.differing || [];
      body.appendChild(el('div', { class: differing.length ? 'warn' : 'ok', id: 'consistency-summary', role: 'status' },
        differing.length ? t('以下案件在本节点或下级节点的副本与上级不一致：', 'The copies of these cases differ here or below: ') : '',
        differing.length ? caseLinks(differing)
          : answer.self || (answer.nodes || []).length ? t('已核对的副本全部一致。', 'Every copy compared agrees.')
            : t('尚未核对过。', 'Not compared yet.')));
      var facts = el('dl', { class: 'facts' });
      facts.appendChild(el('dt', { text: t('本节点', 'This node') }));
      facts.appendChild(el('dd', { id: 'consistency-self' }, answer.self ? comparison(answer.self)
        : canCheck ? t('尚未与上级核对', 'not compared with the parent yet') : t('本节点为最上级，由下级节点与本节点核对', 'top of the network: the nodes below compare with this one')));
      body.appendChild(facts);
      if ((answer.nodes || []).length) {
        body.appendChild(X.sortableTable([
          { key: 'name', label: t('节点', 'Node') },
          { key: 'comparedWithName', label: t('核对对象', 'Compared with') },
          { key: 'checkedAt', label: t('核对时间', 'Checked at'), render: function (r) { return X.dateTime(r.checkedAt); } },
          { key: 'cases', label: t('案件数', 'Cases') },
          { key: 'differing', label: t('不一致的案件', 'Differing cases'), sortable: false, render: function (r) { return caseLinks(r.differing); } }
        ], answer.nodes, t('下级节点的最近核对', 'Latest comparisons of the nodes below')));
      }
    }
    box.appendChild(el('p', { class: 'muted', text: t('比较本节点与上级持有的每件案件的版本和办理过程摘要；下级节点的核对结果也报到这里。',
      'Compares the version and timeline digest of every case held here with the parent\'s; the nodes below report their results here too.') }));
    if (canCheck) {
      var button = el('button', { type: 'button', class: 'primary', id: 'consistency-check', text: t('立即核对', 'Check now') });
      button.addEventListener('click', function () {
        button.disabled = true;
        body.setAttribute('aria-busy', 'true');
        X.api('POST', '/sync/consistency/check').then(function (answer) {
          body.removeAttribute('aria-busy');
          button.disabled = false;
          draw(answer);
          X.toast(t('已与上级核对', 'Compared with the parent'));
        }, function (e) {
          body.removeAttribute('aria-busy');
          button.disabled = false;
          failed.textContent = t('核对未完成：', 'The comparison did not complete: ') + e.message;
        });
      });
      box.appendChild(el('div', { class: 'actions' }, button));
    }
    box.appendChild(failed);
    box.appendChild(body);
    draw(c);
  }

  function verify(box, v, names, hasParent) {
    var t = X.t, el = X.el;
    var w = v.witness || {};
    var broken = (v.origins || []).filter(function (o) { return !o.intact; });
    var lines = [];
    broken.forEach(function (o) {
      lines.push(t(names(o.origin) + '的日志链自第' + o.firstBroken + '条起校验不通过（共 ' + o.count + ' 条）',
        'the chain of ' + names(o.origin) + ' does not verify from entry ' + o.firstBroken + ' on (' + o.count + ' held)'));
    });
    (w.problems || []).forEach(function (p) {
      lines.push(X.msg(p.problem) + t('（上级于 ' + X.dateTime(p.witnessedAt) + ' 见证；此前一致至第' + p.lastMatchingSeq + '条）',
        ' (witnessed by the parent at ' + X.dateTime(p.witnessedAt) + '; matching up to entry ' + p.lastMatchingSeq + ')'));
    });
    var chains = (v.origins || []).length;
    box.appendChild(el('div', { class: v.intact ? 'ok' : 'warn', id: 'verify-summary', role: 'status', 'data-intact': String(v.intact) },
      v.intact ? t('日志完整：本节点持有的 ' + chains + ' 条日志链全部校验通过'
        + (w.lastWitnessed ? '，且与上级见证的回执一致。' : '。'),
        'The journal is intact: all ' + chains + ' chains held here verify' + (w.lastWitnessed ? ' and match what the parent witnessed.' : '.'))
        : t('日志校验发现问题：', 'The journal check found problems:'),
      lines.length ? el('ul', {}, lines.map(function (l) { return el('li', { text: l }); })) : null));
    if (!hasParent) { return; }
    var facts = el('dl', { class: 'facts' });
    facts.appendChild(el('dt', { text: t('上级回执', 'Parent\'s receipts') }));
    facts.appendChild(el('dd', { text: w.receipts ? t(w.receipts + ' 份', String(w.receipts)) : t('无', 'none') }));
    if (w.lastWitnessed) {
      facts.appendChild(el('dt', { text: t('最近一次见证', 'Last witnessed') }));
      facts.appendChild(el('dd', { text: t(names(w.lastWitnessed.by) + '于 ' + X.dateTime(w.lastWitnessed.at) + ' 见证到第' + w.lastWitnessed.seq + '条',
        'by ' + names(w.lastWitnessed.by) + ' at ' + X.dateTime(w.lastWitnessed.at) + ', up to entry ' + w.lastWitnessed.seq) }));
    }
    box.appendChild(facts);
  }

  X.page('sync', {
    render: function (main) {
      var t = X.t, el = X.el, session = X.session();
      main.appendChild(el('h1', { text: t('同步状态', 'Sync status') }));
      var box = el('div', { id: 'sync-status' });
      var chains = section('sync-witnessed', t('见证', 'Witnessed chains'));
      var agree = section('sync-consistency', t('副本一致性', 'Do the copies agree?'));
      var journal = section('sync-verify', t('日志校验', 'Journal check'));
      main.appendChild(box);
      main.appendChild(chains);
      main.appendChild(agree);
      main.appendChild(journal);
      main.appendChild(el('div', { class: 'actions' }, el('button', { type: 'button', text: t('刷新', 'Refresh'), onclick: function () { X.rerender(); } })));

      // names of nodes by code, from every answer that carries them
      var known = {};
      function learn(code, name) { if (code && name && name !== code) { known[code] = name; } }
      function names(code) { return code == null ? '' : known[code] || code; }
      learn(session.node.unit, session.node.unitName);
      (session.node.childUnits || []).forEach(function (u) { learn(u.code, u.name); });

      var statusCall = X.api('GET', '/sync/status');
      var witnessedCall = X.api('GET', '/sync/witnessed');
      var consistencyCall = X.api('GET', '/sync/consistency');
      var learnt = Promise.all([statusCall, witnessedCall, consistencyCall].map(function (p) { return p.catch(function () { return null; }); }))
        .then(function (all) {
          var s = all[0], w = all[1], c = all[2];
          if (s) {
            (s.children || []).forEach(function (x) { learn(x.node, x.name); });
            (s.alarms || []).forEach(function (a) { learn(a.node, a.nodeName); learn(a.raisedAt, a.raisedAtName); });
            (s.refused || []).forEach(function (r) { learn(r.origin, r.originName); });
          }
          if (w) { (w.chains || []).forEach(function (x) { learn(x.node, x.name); }); }
          if (c) {
            [c.self].concat(c.nodes || []).forEach(function (r) { if (r) { learn(r.node, r.name); learn(r.comparedWith, r.comparedWithName); } });
          }
        });
      return Promise.all([
        part(box, learnt.then(function () { return statusCall; }), function (s) { status(box, s, names); }),
        // the check needs a parent to compare with (the top node answers 409 no_parent)
        part(agree, learnt.then(function () { return consistencyCall; }), function (c) { consistency(agree, c, !!session.node.parent); }),
        part(chains, learnt.then(function () { return witnessedCall; }), function (w) { witnessed(chains, w); }),
        part(journal, learnt.then(function () { return X.api('GET', '/sync/verify'); }), function (v) { verify(journal, v, names, !!session.node.parent); })
      ]);
    }
  });
}(window.Xinfang));
