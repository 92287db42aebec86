/*
 * 我的工作 — the first screen after logging in: what waits for this person here, by role. A clerk sees the
 * cases nobody has routed yet and those returned by an objection; a handler or head, the cases to accept
 * and to decide, clocks due this week or past, supervision to answer; a leader, their 包案 and the major
 * matters to acknowledge; a supervisor, the listed supervision, answers to review and lapsed clocks below.
 * Every count links to the list behind it.
 */
(function (X) {
  'use strict';

  X.page('home', {
    render: function (main) {
      var t = X.t, el = X.el, session = X.session();
      main.appendChild(el('h1', { text: t('我的工作', 'My work') }));
      main.appendChild(el('p', { class: 'muted', text: X.person(session.display) + ' · ' + session.node.unitName }));
      return X.api('GET', '/home').then(function (w) {
        function tile(id, count, zh, en, href, urgent) {
          return el('a', { class: 'tile' + (count && urgent ? ' urgent' : ''), id: 'home-' + id, href: href, 'data-count': String(count) },
            el('span', { class: 'count', text: String(count) }), el('span', { class: 'what', text: t(zh, en) }));
        }
        function group(id, zh, en, tiles) {
          return el('section', { class: 'card home', id: 'home-' + id, 'aria-labelledby': 'h-home-' + id },
            el('h2', { id: 'h-home-' + id, text: t(zh, en) }), el('div', { class: 'tiles' }, tiles));
        }
        if (X.hasRole(['clerk'])) {
          main.appendChild(group('clerk', '登记与分流', 'Registering and routing', [
            tile('unrouted', w.unrouted, '待分流', 'Not yet routed', '#/cases/status/REGISTERED', true),
            tile('returned', w.returned, '异议退回待处理', 'Returned by an objection', '#/cases/status/OBJECTED', true)]));
        }
        if (X.hasRole(['handler', 'head'])) {
          main.appendChild(group('handler', '办理', 'Handling', [
            tile('to-accept', w.toAccept, '待受理', 'To accept', '#/cases/status/TRIAGED', true),
            tile('to-decide', w.toDecide, '办理中待答复', 'To decide', '#/cases/status/ACCEPTED', false),
            tile('due-week', w.dueThisWeek, '本周到期', 'Due this week', '#/deadlines', true),
            tile('overdue', w.overdue, '已超期', 'Overdue', '#/deadlines', true),
            tile('to-answer', w.supervisionToAnswer, '督办待答复', 'Supervision to answer', '#/supervision', true)]));
        }
        if (X.hasRole(['leader'])) {
          var leader = group('leader', '领导', 'Leader', [
            tile('my-cases', w.myLeaderCases, '我包案的事项', 'My 包案 cases', '#/leader-cases', false),
            tile('my-overdue', w.myLeaderCasesOverdue, '包案超期', 'Past their deadline', '#/leader-cases', true),
            tile('alerts', w.alerts, '重大紧急待确认', 'Major matters to acknowledge', '#/cases', true)]);
          main.appendChild(leader);
          // my reception days of the coming month, where this node keeps a rota (not at a village)
          X.api('GET', '/reception-days').then(function (r) {
            var mine = (r.items || []).filter(function (d) { return d.status === 'SCHEDULED' && d.leader && d.leader.display === session.display; });
            leader.querySelector('.tiles').appendChild(tile('my-reception', mine.length, '我的接访日', 'My reception days', '#/reception', false));
          }, function () { /* no rota on this node */ });
        }
        if (X.hasRole(['supervisor'])) {
          main.appendChild(group('supervisor', '督查督办', 'Supervision', [
            tile('listed', w.listedSupervision, '挂牌督办', 'Listed supervision', '#/supervision', false),
            tile('to-review', w.answersToReview, '督办答复待认可', 'Answers to review', '#/supervision', true),
            tile('overdue-below', w.overdueBelow, '下级超期事项', 'Overdue below', '#/deadlines', true)]));
        }
      });
    }
  });
}(window.Xinfang));
