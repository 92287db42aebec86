/* 同步状态 — this node's journal and its link to the parent; the children that report here; alarms. */
(function (X) {
  'use strict';

  X.page('sync', {
    render: function (main) {
      var t = X.t, el = X.el;
      main.appendChild(el('h1', { text: t('同步状态', 'Sync status') }));
      var box = el('div', { id: 'sync-status' });
      main.appendChild(box);
      main.appendChild(el('div', { class: 'actions' }, el('button', { type: 'button', text: t('刷新', 'Refresh'), onclick: function () { X.rerender(); } })));
      return X.api('GET', '/sync/status').then(function (s) {
        var healthy = !s.parent || (s.configured && !s.lastError && s.backlog === 0);
        var facts = el('dl', { class: 'facts' });
        function fact(k, v) { facts.appendChild(el('dt', { text: k })); facts.appendChild(el('dd', {}, v == null || v === '' ? '—' : String(v))); }
        fact(t('本节点', 'This node'), s.node);
        fact(t('上级节点', 'Parent'), s.parent || t('无（本节点为最上级）', 'none (top of the network)'));
        if (s.parent) {
          fact(t('已配置密钥', 'Credential set'), s.configured ? t('是', 'yes') : t('否——请在上级登记本节点', 'no — register this node at the parent'));
          fact(t('待上报条数', 'Backlog'), s.backlog);
          fact(t('最早未上报的已等待', 'Oldest unsent waited'), s.lagSeconds + ' s');
          fact(t('最近成功', 'Last success'), X.dateTime(s.lastSuccess));
          fact(t('最近尝试', 'Last attempt'), X.dateTime(s.lastAttempt));
          fact(t('连续失败', 'Failures in a row'), s.failures);
          fact(t('最近错误', 'Last error'), s.lastError);
        }
        fact(t('日志位置', 'Journal position'), s.parent ? s.lastPosition + ' / ' + t('上级已确认 ', 'acknowledged by the parent ')
          + s.acknowledgedPosition : String(s.lastPosition));
        box.appendChild(el('div', { class: healthy ? 'ok' : 'warn', id: 'sync-health', role: 'status',
          text: healthy ? t('同步正常', 'Sync is healthy') : t('同步有待处理的问题', 'Sync needs attention') }));
        box.appendChild(el('section', { class: 'card' }, el('h2', { text: t('本节点', 'This node') }), facts));
        box.appendChild(el('section', { class: 'card' }, el('h2', { text: t('下级节点', 'Children') }),
          X.sortableTable([
            { key: 'node', label: t('节点', 'Node') },
            { key: 'name', label: t('单位', 'Unit') },
            { key: 'lastSeen', label: t('最近联系', 'Last seen'), render: function (c) { return c.lastSeen ? X.dateTime(c.lastSeen) : t('从未', 'never'); } }
          ], s.children || [])));
        if (s.alarms && s.alarms.length) {
          box.appendChild(el('section', { class: 'card' }, el('h2', { text: t('告警', 'Alarms') }),
            X.sortableTable([
              { key: 'at', label: t('时间', 'When'), render: function (a) { return X.dateTime(a.at); } },
              { key: 'kind', label: t('类型', 'Kind') },
              { key: 'node', label: t('节点', 'Node') },
              { key: 'message', label: t('说明', 'Message'), sortable: false, render: function (a) { return X.msg(a.message); } }
            ], s.alarms)));
        }
      });
    }
  });
}(window.Xinfang));
