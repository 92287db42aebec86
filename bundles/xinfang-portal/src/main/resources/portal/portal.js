/*
 * Xinfang public portal (/portal/): the online petition (网上信访), the progress query by the two codes,
 * the satisfaction rating, and the page the office publishes (R2022 Art. 18, 21). zh-CN first with an
 * English switch. No framework, nothing loaded from elsewhere; the checks mirror the API's so that a
 * mistake is shown next to its field before anything is sent, and the API's own answer lands there too.
 */
(function () {
  'use strict';

  var dom = window.XinfangDom; // /assets/dom.js, loaded first
  var el = dom.el;
  var append = dom.append;
  var clear = dom.clear;

  var LANG_KEY = 'xinfang.portal.lang';
  var MAX_PEOPLE = 5; // R2022 Art. 20: at most five representatives
  var NO_MATCH = '未查询到相符的信访事项，请核对查询码和验证码。 / No petition matches these codes; please check them.';
  var OFFLINE = '无法连接服务器，请检查网络后重试 / Cannot reach the server; please check the network and try again';

  var state = {
    content: null,   // the published page
    receptionDays: null, // the published leader reception rota (null: not served by this node)
    codes: null,     // the answer to the last online petition of this visit
    result: null,    // the last progress shown
    query: null      // {tracking, code} of the last successful query, for rating
  };

  // ------------------------------------------------------------------ language

  var TEXT = {
    'skip': ['跳到正文', 'Skip to content'],
    'brand': ['网上信访 · 信访公开', 'Online petitions · public information'],
    'nav': ['栏目', 'Sections'],
    'nav.submit': ['网上信访', 'Online petition'],
    'nav.query': ['查询进度', 'Check progress'],
    'nav.info': ['信访须知', 'How it works'],
    'loading': ['正在加载…', 'Loading…'],
    'submit.title': ['网上信访', 'Online petition'],
    'submit.intro': ['请如实填写。提交后页面会显示查询码和验证码，凭这两个码查询办理进展和结果。带 * 的为必填项。',
      'Please fill this in truthfully. When you submit, the page shows a tracking code and a verification code: you need both to check progress and the result. Fields marked * are required.'],
    'p.kind': ['信访类别', 'Kind of matter'],
    'p.kind.choose': ['请选择', 'Please choose'],
    'p.kind.hint': ['检举控告材料依法保密，不会转给被检举控告的人员和单位。',
      'Accusations are kept confidential and never passed to the person or unit accused.'],
    'kind.SUGGESTION': ['建议意见', 'Suggestion or opinion'],
    'kind.ACCUSATION': ['检举控告', 'Accusation'],
    'kind.CLAIM': ['申诉求决', 'Complaint or claim'],
    'p.subject': ['标题', 'Subject'],
    'p.subject.hint': ['一句话概括反映的问题，不超过200字。', 'One line on what it is about; at most 200 characters.'],
    'p.content': ['请求、事实和理由', 'Your request, the facts and your reasons'],
    'p.content.hint': ['写明您的请求，以及事情的经过、时间、地点和理由，不超过20000字。',
      'Say what you ask for, what happened, when and where, and why; at most 20,000 characters.'],
    'p.category': ['问题分类', 'Subject area'],
    'p.category.hint': ['选填，请从列表中选择，例如：劳动社保、城乡建设、生态环境。', 'Optional, chosen from the list, e.g. labour and social security, housing, environment.'],
    'p.people': ['信访人', 'Petitioners'],
    'p.people.hint': ['多人反映共同问题的，请推选代表，代表不超过5人（《信访工作条例》第二十条）。',
      'Several people with a common matter elect representatives, at most 5 (Regulations on Petition Work, Art. 20).'],
    'p.person': ['信访人 {n}', 'Petitioner {n}'],
    'p.representative': ['代表 {n}', 'Representative {n}'],
    'p.name': ['姓名', 'Name'],
    'p.id': ['身份证号码', 'Identity card number'],
    'p.id.hint': ['18位，末位可为X。用于核实身份和合并办理同一事项。',
      '18 characters; the last may be X. Used to confirm who you are and to join repeats of one matter.'],
    'p.phone': ['联系电话', 'Phone'],
    'p.phone.hint': ['数字，可含空格、+、-、括号。', 'Digits; spaces, +, - and brackets allowed.'],
    'p.address': ['通信地址', 'Postal address'],
    'p.add': ['添加代表', 'Add a representative'],
    'p.remove': ['删除此人', 'Remove this person'],
    'p.truth': ['请客观真实地反映情况，对所提供材料的真实性负责，不得捏造、歪曲事实，不得诬告、陷害他人（《信访工作条例》第十九条）。',
      'Report truthfully and answer for the material you provide; do not invent or distort facts or accuse anyone falsely (Regulations on Petition Work, Art. 19).'],
    'p.submit': ['提交', 'Submit'],
    'p.submitting': ['正在提交…', 'Submitting…'],
    'codes.title': ['提交成功', 'Submitted'],
    'codes.warn': ['请记下查询码和验证码：凭这两个码查询办理进展和结果。验证码只显示这一次。',
      'Write both codes down: you need them to check progress and the result. The verification code is shown only this once.'],
    'codes.tracking': ['查询码', 'Tracking code'],
    'codes.verification': ['验证码', 'Verification code'],
    'codes.received': ['收到日期', 'Received on'],
    'codes.status': ['当前状态', 'Status'],
    'codes.owner': ['办理单位', 'Unit in charge'],
    'codes.query': ['查询办理进度', 'Check its progress'],
    'codes.print': ['打印', 'Print'],
    'codes.again': ['再提交一件', 'Submit another'],
    'query.title': ['查询进度', 'Check progress'],
    'query.intro': ['输入查询码和验证码，查询信访事项的办理进展和结果。', 'Enter the tracking code and the verification code to see the progress and the result.'],
    'q.tracking': ['查询码', 'Tracking code'],
    'q.code': ['验证码', 'Verification code'],
    'q.submit': ['查询', 'Check'],
    'q.searching': ['正在查询…', 'Checking…'],
    'r.tracking': ['查询码', 'Tracking code'],
    'r.kind': ['类别', 'Kind'],
    'r.received': ['收到日期', 'Received on'],
    'r.status': ['当前状态', 'Status'],
    'r.owner': ['办理单位', 'Unit in charge'],
    'r.steps': ['办理过程', 'Steps so far'],
    'r.notice': ['告知内容', 'Notice'],
    'r.documents': ['文书', 'Documents'],
    'r.open': ['查看、打印', 'View and print'],
    'rate.title': ['满意度评价', 'Rate the handling'],
    'rate.hint': ['请对本次处理意见的办理情况作出评价，每份处理意见可评价一次。', 'Tell us how the matter was handled; each decision can be rated once.'],
    'rate.comment': ['评价意见', 'Comment'],
    'rate.comment.hint': ['选填，不超过500字。', 'Optional; at most 500 characters.'],
    'rate.submit': ['提交评价', 'Submit rating'],
    'rate.yours': ['您的评价：', 'Your rating: '],
    'rate.thanks': ['感谢您的评价。', 'Thank you for your rating.'],
    'rating.SATISFIED': ['满意', 'Satisfied'],
    'rating.BASICALLY_SATISFIED': ['基本满意', 'Basically satisfied'],
    'rating.DISSATISFIED': ['不满意', 'Dissatisfied'],
    'info.title': ['信访须知', 'How it works'],
    'info.contact': ['联系方式', 'Contact'],
    'info.address': ['通信地址', 'Address'],
    'info.postcode': ['邮编', 'Postcode'],
    'info.phone': ['咨询投诉电话', 'Inquiries and complaints'],
    'info.email': ['电子邮箱', 'E-mail'],
    'info.updated': ['更新日期：', 'Updated: '],
    'info.failed': ['信访须知暂时无法加载，请稍后刷新页面。', 'This information cannot be loaded just now; please reload the page later.'],
    'rd.title': ['领导接访日安排', 'Leader reception days'],
    'rd.intro': ['领导接访日当天，可到所列地点当面反映问题；请携带身份证件，多人反映同一问题的请推选不超过5名代表（《信访工作条例》第十八条、第二十条）。',
      'On these days leaders receive visitors in person at the place listed. Please bring your identity card; several people with one matter elect at most 5 representatives (Regulations on Petition Work, Art. 18, 20).'],
    'rd.none': ['近期暂无公布的领导接访安排。', 'No reception days are published for the coming weeks.'],
    'rd.when': ['时间', 'When'],
    'rd.unit': ['单位', 'Unit'],
    'rd.leader': ['接访领导', 'Leader'],
    'rd.place': ['地点', 'Place'],
    'rd.topics': ['接访事项', 'Topics']
  };

  var STATUS_EN = {
    REGISTERED: 'Registered', TRIAGED: 'Routed', REDIRECTED: 'Directed to another channel',
    NOT_ACCEPTED: 'Not accepted', ACCEPTED: 'Accepted', OBJECTED: 'Returned for routing',
    HANDLING: 'Being handled', DECIDED: 'Decided', REVIEW_REQUESTED: 'Review requested', REVIEWED: 'Reviewed',
    REREVIEW_REQUESTED: 'Re-review requested', REREVIEWED: 'Re-reviewed', TERMINATED: 'Concluded',
    MEDIATED: 'Settled by mediation', REPLIED: 'Suggestion answered'
  };

  function lang() {
    try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch (e) { return 'zh'; }
  }

  function t(key, n) {
    var pair = TEXT[key];
    var s = pair ? pair[lang() === 'en' ? 1 : 0] : key;
    return n == null ? s : s.replace('{n}', String(n));
  }

  /** The part of a bilingual text "中文 / English" in the chosen language. */
  function msg(text) { return dom.half(text, lang() === 'en'); }

  /** A text of the published page in the chosen language; Chinese when it has no English. */
  function pick(text, node) {
    if (!text) { return ''; }
    if (lang() === 'en' && text.en) { return text.en; }
    if (lang() === 'en' && node) { node.setAttribute('lang', 'zh-CN'); }
    return text.zh || '';
  }

  function applyLanguage() {
    var en = lang() === 'en';
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'), node.getAttribute('data-n'));
    });
    var button = byId('lang');
    button.textContent = en ? '中文' : 'English';
    button.setAttribute('lang', en ? 'zh-CN' : 'en');
    button.setAttribute('aria-label', en ? '切换到中文' : 'Switch to English');
    byId('sections-nav').setAttribute('aria-label', t('nav'));
    document.querySelectorAll('.error[data-raw], .form-error[data-raw], .message[data-raw]').forEach(function (node) {
      node.textContent = msg(node.getAttribute('data-raw'));
    });
    document.querySelectorAll('[data-remove]').forEach(function (b) {
      b.setAttribute('aria-label', t('p.remove') + ' ' + b.getAttribute('data-n'));
    });
    renderCodes();
    renderResult();
    renderInfo();
  }

  // ------------------------------------------------------------------ small helpers

  function byId(id) { return document.getElementById(id); }


  /** Calls the node's API without any credentials; resolves with JSON, rejects with {status, body}. */
  function call(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
        if (!r.ok) { throw { status: r.status, body: json || {} }; }
        return json;
      });
    }, function () {
      throw { status: 0, body: { message: OFFLINE } };
    });
  }

  /** Shows a bilingual message on a node, kept raw so that a language switch re-renders it. */
  function say(node, raw) {
    if (raw) { node.setAttribute('data-raw', raw); } else { node.removeAttribute('data-raw'); }
    node.textContent = msg(raw);
  }

  /** The error box of a control: #<id>-error, or the one it names. */
  function errorBox(control) { return byId(control.getAttribute('data-error') || control.id + '-error'); }

  function setError(control, raw) {
    control.setAttribute('aria-invalid', 'true');
    var box = errorBox(control);
    if (box) { say(box, raw); }
  }

  function clearError(control) {
    control.removeAttribute('aria-invalid');
    var box = errorBox(control);
    if (box) { say(box, null); }
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-path]').forEach(clearError);
    form.querySelectorAll('.form-error').forEach(function (n) { say(n, null); });
  }

  /**
   * Puts an API error on the field it names (a JSON path like petitioners[0].idNumber), else above the
   * form's buttons; focuses the field at fault.
   */
  function showApiError(form, general, error, fallbacks) {
    var body = (error && error.body) || {};
    var raw = body.message || ('HTTP ' + (error && error.status));
    var path = body.field;
    var control = path ? form.querySelector('[data-path="' + path + '"]') : null;
    if (!control && path && fallbacks && fallbacks[path]) { control = byId(fallbacks[path]); }
    if (control) {
      setError(control, raw);
      if (control.focus) { control.focus(); }
      return;
    }
    say(general, raw);
  }

  function busy(button, on, key) {
    button.disabled = on;
    button.setAttribute('aria-busy', on ? 'true' : 'false');
    button.textContent = t(on ? key : button.getAttribute('data-i18n'));
  }

  // ------------------------------------------------------------------ the checks of the API

  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = '10X98765432';
  var PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
    '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];

  /** GB 11643 identity number: what is wrong with it (the API's words), or null. */
  function idNumberError(value) {
    var id = value.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) {
      return '身份证号码应为18位，前17位为数字，末位为数字或X / must be 18 characters: 17 digits and a digit or X';
    }
    if (PROVINCES.indexOf(id.substring(0, 2)) < 0) {
      return '身份证号码的地址码无效 / the address code is not a valid region';
    }
    var y = +id.substring(6, 10), m = +id.substring(10, 12), d = +id.substring(12, 14);
    var birth = new Date(Date.UTC(y, m - 1, d));
    if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
      return '身份证号码中的出生日期无效 / the birth date is not a valid date';
    }
    if (y < 1850 || birth.getTime() > Date.now()) {
      return '身份证号码中的出生日期不合理 / the birth date is out of range';
    }
    // ISO 7064 MOD 11-2
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]; }
    if (CHECK.charAt(sum % 11) !== id.charAt(17)) {
      return '身份证号码校验码错误 / the check digit (GB 11643, ISO 7064 MOD 11-2) does not match';
    }
    return null;
  }

  function tooLong(max) { return '长度不能超过 ' + max + ' 个字符 / at most ' + max + ' characters'; }

  /** What is wrong with one control of the petition form, or null. */
  function petitionFieldError(control) {
    var v = control.value.trim();
    var kind = control.getAttribute('data-kind') || control.getAttribute('data-path');
    switch (kind) {
      case 'kind':
        return v ? null : '请选择信访类别 / choose the kind of matter';
      case 'subject':
        return !v ? '请填写标题 / enter a subject' : v.length > 200 ? tooLong(200) : null;
      case 'content':
        return !v ? '请填写请求、事实和理由 / describe your request, the facts and your reasons'
          : v.length > 20000 ? tooLong(20000) : null;
      case 'category':
        return v.length > 50 ? tooLong(50) : null;
      case 'name':
        return !v ? '请填写姓名 / enter the name' : v.length > 50 ? tooLong(50) : null;
      case 'idNumber':
        return v ? idNumberError(v) : null;
      case 'phone':
        if (!v) { return null; }
        if (v.length > 20) { return tooLong(20); }
        return /^\+?[0-9][0-9 ()\-]{4,19}$/.test(v) ? null
          : '电话号码只能包含数字、空格、括号和连字符 / digits, spaces, brackets and hyphens only';
      case 'address':
        return v.length > 200 ? tooLong(200) : null;
      default:
        return null;
    }
  }

  function checkControl(control) {
    var problem = petitionFieldError(control);
    if (problem) { setError(control, problem); } else { clearError(control); }
    return !problem;
  }

  // A field is checked as it loses the focus. When a press on 提交 takes the focus from a field just corrected, the
  // error line the check removes would move the button from under the pointer before the press ends, and the press
  // would not be a click: the citizen would have to press twice. So while a pointer is down, the check waits until
  // the press (and its click) is over.
  var pressing = false;
  var afterPress = [];
  function pressEnded() {
    pressing = false;
    var waiting = afterPress;
    afterPress = [];
    if (waiting.length) { setTimeout(function () { waiting.forEach(function (f) { f(); }); }, 0); }
  }
  document.addEventListener('pointerdown', function () { pressing = true; }, true);
  document.addEventListener('pointerup', pressEnded, true);
  document.addEventListener('pointercancel', pressEnded, true);

  /** Checks a field that lost the focus, if it holds something or was marked wrong; after a press, once it ends. */
  function checkOnLeave(control) {
    if (!control.value.trim() && !control.hasAttribute('aria-invalid')) { return; }
    if (pressing) {
      afterPress.push(function () { checkControl(control); });
    } else {
      checkControl(control);
    }
  }

  // ------------------------------------------------------------------ 网上信访

  function people() { return Array.prototype.slice.call(document.querySelectorAll('#p-people .person')); }

  /** Gives every person block its index: ids, JSON paths and headings follow the order on screen. */
  function renumber() {
    var list = people();
    list.forEach(function (block, i) {
      block.setAttribute('data-index', String(i));
      var title = block.querySelector('.person-title');
      title.setAttribute('data-i18n', list.length > 1 ? 'p.representative' : 'p.person');
      title.setAttribute('data-n', String(i + 1));
      title.textContent = t(title.getAttribute('data-i18n'), i + 1);
      block.querySelectorAll('[data-kind]').forEach(function (control) {
        control.setAttribute('data-path', 'petitioners[' + i + '].' + control.getAttribute('data-kind'));
      });
      var remove = block.querySelector('[data-remove]');
      if (remove) {
        remove.setAttribute('data-n', String(i + 1));
        remove.setAttribute('aria-label', t('p.remove') + ' ' + (i + 1));
      }
    });
    byId('p-add').disabled = list.length >= MAX_PEOPLE;
    byId('p-add').hidden = list.length >= MAX_PEOPLE;
  }

  var personSeq = 1;

  function personField(id, kind, labelKey, required, attrs, hintKey) {
    var describedBy = (hintKey ? id + '-hint ' : '') + id + '-error';
    var input = el('input', Object.assign({ id: id, 'data-kind': kind, required: required,
      'aria-describedby': describedBy }, attrs));
    input.addEventListener('blur', function () { checkOnLeave(input); });
    return el('div', { class: 'field' },
      el('label', { for: id }, el('span', { 'data-i18n': labelKey, text: t(labelKey) }),
        required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
      input,
      hintKey ? el('div', { class: 'hint', id: id + '-hint', 'data-i18n': hintKey, text: t(hintKey) }) : null,
      el('div', { class: 'error', id: id + '-error', 'aria-live': 'polite' }));
  }

  function addPerson() {
    if (people().length >= MAX_PEOPLE) { return; }
    personSeq += 1;
    var n = personSeq;
    var block = el('div', { class: 'person' },
      el('h3', { class: 'person-title' }),
      el('div', { class: 'grid2' },
        personField('p-name-' + n, 'name', 'p.name', true, { maxlength: '50', autocomplete: 'off' }),
        personField('p-id-' + n, 'idNumber', 'p.id', false, { maxlength: '18', autocomplete: 'off', spellcheck: 'false' }),
        personField('p-phone-' + n, 'phone', 'p.phone', false, { type: 'tel', maxlength: '20', autocomplete: 'off' }),
        personField('p-address-' + n, 'address', 'p.address', false, { maxlength: '200', autocomplete: 'off' })),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'link', 'data-remove': 'true',
        'data-i18n': 'p.remove', text: t('p.remove'), onclick: function () {
          block.parentNode.removeChild(block);
          renumber();
          byId('p-add').focus();
        } })));
    byId('p-people').insertBefore(block, byId('p-add').parentNode);
    renumber();
    block.querySelector('input').focus();
  }

  function value(control) {
    var v = control.value.trim();
    return v === '' ? null : v;
  }

  function petitionBody() {
    return {
      kind: value(byId('p-kind')),
      subject: value(byId('p-subject')),
      content: value(byId('p-content')),
      category: value(byId('p-category')),
      petitioners: people().map(function (block) {
        var person = {};
        block.querySelectorAll('[data-kind]').forEach(function (control) {
          var v = value(control);
          person[control.getAttribute('data-kind')] = control.getAttribute('data-kind') === 'idNumber' && v ? v.toUpperCase() : v;
        });
        return person;
      })
    };
  }

  function submitPetition(ev) {
    ev.preventDefault();
    var form = byId('p-form');
    var button = byId('p-submit');
    if (button.disabled) { return; }
    clearErrors(form);
    say(byId('p-people-error'), null);
    var first = null;
    form.querySelectorAll('[data-path]').forEach(function (control) {
      if (!checkControl(control) && !first) { first = control; }
    });
    if (people().length > MAX_PEOPLE) {
      say(byId('p-people-error'), '代表人数不超过5人（《信访工作条例》第二十条） / at most 5 representatives (R2022 Art. 20)');
      first = first || byId('p-add');
    }
    if (first) { first.focus(); return; }
    busy(button, true, 'p.submitting');
    call('POST', '/api/v1/portal/petitions', petitionBody()).then(function (answer) {
      busy(button, false);
      state.codes = answer;
      form.reset();
      people().slice(1).forEach(function (b) { b.parentNode.removeChild(b); });
      renumber();
      form.hidden = true;
      renderCodes();
      byId('p-codes').focus();
    }, function (error) {
      busy(button, false);
      showApiError(form, byId('p-error'), error, { petitioners: 'p-people' });
    });
  }

  function renderCodes() {
    var box = byId('p-codes');
    var c = state.codes;
    if (!c) { box.hidden = true; return; }
    byId('p-tracking').textContent = c.trackingCode;
    byId('p-verification').textContent = c.verificationCode;
    byId('p-received').textContent = c.receivedAt;
    byId('p-status').textContent = statusText(c);
    byId('p-owner').textContent = c.ownerName;
    say(byId('p-codes-message'), c.message || (TEXT['codes.warn'][0] + ' / ' + TEXT['codes.warn'][1]));
    byId('p-query-link').setAttribute('href', '#query?tracking=' + encodeURIComponent(c.trackingCode));
    box.hidden = false;
  }

  function submitAnother() {
    state.codes = null;
    renderCodes();
    var form = byId('p-form');
    clearErrors(form);
    form.hidden = false;
    byId('p-kind').focus();
  }

  function printCodes() {
    document.body.classList.add('print-codes');
    window.print();
  }

  // ------------------------------------------------------------------ 查询进度

  function query(tracking, code) {
    var form = byId('q-form');
    var button = byId('q-submit');
    busy(button, true, 'q.searching');
    return call('GET', '/api/v1/public/petitions/' + encodeURIComponent(tracking) + '?code=' + encodeURIComponent(code))
      .then(function (answer) {
        busy(button, false);
        state.result = answer;
        state.rated = false;
        state.query = { tracking: answer.trackingCode || tracking, code: code };
        hideMessage();
        renderResult();
        byId('q-result').focus();
      }, function (error) {
        busy(button, false);
        if (error.status === 404) { noMatch(); return; }
        showApiError(form, byId('q-error'), error);
      });
  }

  function submitQuery(ev) {
    ev.preventDefault();
    var form = byId('q-form');
    if (byId('q-submit').disabled) { return; }
    clearErrors(form);
    var tracking = byId('q-tracking');
    var code = byId('q-code');
    tracking.value = tracking.value.trim().toUpperCase();
    var ok = true;
    if (!code.value.trim()) { setError(code, '请输入验证码 / enter the verification code'); ok = false; code.focus(); }
    if (!tracking.value) { setError(tracking, '请输入查询码 / enter the tracking code'); ok = false; tracking.focus(); }
    if (!ok) { return; }
    query(tracking.value, code.value.trim());
  }

  /** Nothing matches: no result at all, only the polite message. */
  function noMatch() {
    state.result = null;
    state.query = null;
    renderResult();
    var box = byId('q-message');
    say(box, NO_MATCH);
    box.hidden = false;
  }

  function hideMessage() {
    var box = byId('q-message');
    say(box, null);
    box.hidden = true;
  }

  function statusText(r) {
    return lang() === 'en' && STATUS_EN[r.status] ? STATUS_EN[r.status] : r.statusLabel;
  }

  function kindText(r) {
    return TEXT['kind.' + r.kind] ? t('kind.' + r.kind) : r.kindLabel;
  }

  function ratingText(rating, label) {
    return TEXT['rating.' + rating] ? t('rating.' + rating) : label;
  }

  function renderResult() {
    var box = byId('q-result');
    var r = state.result;
    // a language switch redraws the result: keep what the petitioner has chosen and typed
    var chosen = box.querySelector('input[name="rating"]:checked');
    var typed = byId('rate-comment');
    var keep = { rating: chosen ? chosen.value : null, comment: typed ? typed.value : '' };
    clear(box);
    if (!r) { box.hidden = true; return; }
    var owner = el('dd', { id: 'q-owner', text: r.ownerName });
    var steps = el('ol', { class: 'steps', id: 'q-steps' });
    (r.steps || []).forEach(function (s) {
      steps.appendChild(el('li', {},
        el('time', { datetime: s.date, text: s.date }), ' ',
        el('strong', { class: 'step-label', text: msg(s.label) }),
        s.notice ? el('div', { class: 'notice-text', lang: 'zh-CN' },
          el('span', { class: 'visually-hidden', text: t('r.notice') + ': ' }), s.notice) : null));
    });
    append(box, [
      el('h3', { id: 'q-result-title', text: r.subject }),
      el('dl', { class: 'facts' },
        el('dt', { text: t('r.tracking') }), el('dd', { class: 'code', text: r.trackingCode }),
        el('dt', { text: t('r.kind') }), el('dd', { text: kindText(r) }),
        el('dt', { text: t('r.received') }), el('dd', {}, el('time', { datetime: r.receivedAt, text: r.receivedAt })),
        el('dt', { text: t('r.status') }), el('dd', {}, el('span', { id: 'q-status', class: 'status', text: statusText(r) })),
        el('dt', { text: t('r.owner') }), owner),
      el('h4', { text: t('r.steps') }),
      steps,
      documentsPart(r),
      ratingPart(r)
    ]);
    if (keep.rating) {
      var again = box.querySelector('input[name="rating"][value="' + keep.rating + '"]');
      if (again) { again.checked = true; }
    }
    if (keep.comment && byId('rate-comment')) { byId('rate-comment').value = keep.comment; }
    box.hidden = false;
  }

  /**
   * The petitioner's copies of the numbered documents (ID numbers and phones masked), each opening as a printable
   * A4 page in a new tab, read with the codes of this query.
   */
  function documentsPart(r) {
    if (!r.documents || !r.documents.length || !state.query) { return null; }
    var list = el('ul', { class: 'documents', id: 'q-documents' });
    r.documents.forEach(function (d) {
      list.appendChild(el('li', { 'data-type': d.type },
        el('strong', { lang: 'zh-CN', text: d.title }), ' ', el('span', { lang: 'zh-CN', text: d.number }), ' ',
        el('time', { datetime: d.issuedOn, text: d.issuedOn }), ' ',
        el('a', { href: d.href + '?code=' + encodeURIComponent(state.query.code), target: '_blank', rel: 'noopener noreferrer',
          text: t('r.open') })));
    });
    return el('div', {}, el('h4', { text: t('r.documents') }), list);
  }

  function ratingPart(r) {
    if (r.canRate) { return ratingForm(); }
    if (r.rating) {
      return el('p', { id: 'rate-done', class: 'ok', tabindex: '-1' },
        t('rate.yours'), el('strong', { text: ratingText(r.rating, r.ratingLabel) }),
        state.rated ? ' ' + t('rate.thanks') : null);
    }
    return null;
  }

  function ratingForm() {
    var choices = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'].map(function (v) {
      var id = 'rate-' + v.toLowerCase().replace('_', '-');
      return el('div', { class: 'choice' },
        el('input', { type: 'radio', name: 'rating', value: v, id: id }),
        el('label', { for: id, text: t('rating.' + v) }));
    });
    var group = el('fieldset', { class: 'rating', id: 'rate-rating', 'data-path': 'rating',
      'aria-describedby': 'rate-hint rate-rating-error' },
      el('legend', { text: t('rate.title') }),
      el('p', { class: 'hint', id: 'rate-hint', text: t('rate.hint') }),
      el('div', { class: 'choices' }, choices),
      el('div', { class: 'error', id: 'rate-rating-error', 'aria-live': 'polite' }));
    var comment = el('textarea', { id: 'rate-comment', 'data-path': 'comment', maxlength: '500', rows: '3',
      'aria-describedby': 'rate-comment-hint rate-comment-error' });
    var general = el('p', { class: 'form-error', id: 'rate-error', role: 'alert' });
    var button = el('button', { type: 'submit', id: 'rate-submit', class: 'primary', 'data-i18n': 'rate.submit', text: t('rate.submit') });
    var form = el('form', { id: 'rate-form', class: 'rate', novalidate: true },
      group,
      el('div', { class: 'field' },
        el('label', { for: 'rate-comment', text: t('rate.comment') }), comment,
        el('div', { class: 'hint', id: 'rate-comment-hint', text: t('rate.comment.hint') }),
        el('div', { class: 'error', id: 'rate-comment-error', 'aria-live': 'polite' })),
      general,
      el('div', { class: 'actions' }, button));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (button.disabled) { return; }
      clearErrors(form);
      var chosen = form.querySelector('input[name="rating"]:checked');
      if (!chosen) {
        setError(group, '请选择满意、基本满意或不满意 / choose satisfied, basically satisfied or dissatisfied');
        form.querySelector('input[name="rating"]').focus();
        return;
      }
      if (comment.value.trim().length > 500) { setError(comment, tooLong(500)); comment.focus(); return; }
      if (!state.query) { noMatch(); return; }
      button.disabled = true;
      call('POST', '/api/v1/portal/ratings', { trackingCode: state.query.tracking, code: state.query.code,
        rating: chosen.value, comment: value(comment) }).then(function (answer) {
        state.result = answer;
        state.rated = true;
        renderResult();
        var done = byId('rate-done');
        if (done) { done.focus(); }
      }, function (error) {
        button.disabled = false;
        if (error.status === 404) { noMatch(); return; }
        showApiError(form, general, error);
      });
    });
    return form;
  }

  // ------------------------------------------------------------------ 信访须知

  /** A section's text: lines; lines that start with "- " make a list. */
  function renderBody(text, lang) {
    var out = [];
    var list = null;
    String(text || '').split(/\r?\n/).forEach(function (line) {
      var s = line.trim();
      if (!s) { list = null; return; }
      if (s.indexOf('- ') === 0 || s.indexOf('• ') === 0) {
        if (!list) { list = el('ul', {}); out.push(list); }
        list.appendChild(el('li', { text: s.substring(2).trim() }));
      } else {
        list = null;
        out.push(el('p', { text: s }));
      }
    });
    return el('div', { class: 'body', lang: lang }, out);
  }

  function renderInfo() {
    var c = state.content;
    var box = byId('info-body');
    if (!c) { return; }
    clear(box);
    var office = c.office;
    var name = pick(office.name);
    byId('office-name').textContent = name;
    document.title = t('nav.submit') + ' · ' + name;
    var address = el('dd', {});
    var postcode = office.postcode ? t('info.postcode') + ' ' + office.postcode : '';
    address.textContent = pick(office.address, address) + (!postcode ? '' : lang() === 'en' ? ' (' + postcode + ')' : '（' + postcode + '）');
    var contact = el('section', { class: 'info-section contact', id: 'info-contact', 'aria-labelledby': 'info-contact-title' },
      el('h3', { id: 'info-contact-title', text: t('info.contact') }),
      el('dl', { class: 'facts' },
        el('dt', { text: t('info.address') }), address,
        el('dt', { text: t('info.phone') }), el('dd', {}, el('a', { href: 'tel:' + office.phone.replace(/[^0-9+]/g, ''), text: office.phone })),
        el('dt', { text: t('info.email') }), el('dd', {}, el('a', { href: 'mailto:' + office.email, text: office.email }))));
    box.appendChild(contact);
    if (state.receptionDays) { box.appendChild(receptionDays(state.receptionDays)); }
    var toc = el('ul', { class: 'toc' });
    var sections = [];
    Object.keys(c.sections || {}).forEach(function (id) {
      var s = c.sections[id];
      var heading = el('h3', { id: 'info-' + id + '-title' });
      heading.textContent = pick(s.title, heading);
      var english = lang() === 'en' && s.body.en;
      sections.push(el('section', { class: 'info-section', id: 'info-' + id, 'aria-labelledby': 'info-' + id + '-title' },
        heading, renderBody(english ? s.body.en : s.body.zh, english ? 'en' : 'zh-CN')));
      toc.appendChild(el('li', {}, el('a', { href: '#info-' + id, text: heading.textContent })));
    });
    box.appendChild(el('nav', { class: 'toc-nav', 'aria-label': t('info.title') }, toc));
    sections.forEach(function (s) { box.appendChild(s); });
    if (c.updatedAt) {
      box.appendChild(el('p', { class: 'muted updated' }, t('info.updated'),
        el('time', { datetime: c.updatedAt, text: String(c.updatedAt).substring(0, 10) })));
    }
    byId('foot-office').textContent = name + ' · ' + pick(office.address) + ' · ' + office.phone;
  }

  /** The published rota (R2022 Art. 18): date, time, unit, leader by name and title, place, topics. */
  function receptionDays(answer) {
    var section = el('section', { class: 'info-section', id: 'info-reception-days', 'aria-labelledby': 'info-reception-days-title' },
      el('h3', { id: 'info-reception-days-title', text: t('rd.title') }),
      el('p', { class: 'muted', text: t('rd.intro') }));
    if (!answer.items.length) {
      section.appendChild(el('p', { text: t('rd.none') }));
      return section;
    }
    var rows = answer.items.map(function (d) {
      return el('tr', {},
        el('td', { class: 'short', text: d.date + ' ' + d.weekday + ' ' + d.start + '–' + d.end }),
        el('td', { class: 'short', text: d.unitName }),
        el('td', { class: 'short', text: d.leaderName + ' · ' + d.leaderTitle }),
        el('td', { class: 'long', text: d.place }),
        el('td', { class: 'long', text: d.topics || '' }));
    });
    section.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'reception-days' },
      el('caption', { text: t('rd.title') }),
      el('thead', {}, el('tr', {}, ['rd.when', 'rd.unit', 'rd.leader', 'rd.place', 'rd.topics'].map(function (k) {
        return el('th', { scope: 'col', text: t(k) });
      }))),
      el('tbody', {}, rows))));
    return section;
  }

  function loadInfo() {
    call('GET', '/api/v1/portal/reception-days').then(function (answer) {
      state.receptionDays = answer;
      renderInfo();
    }, function () { /* a node without reception days publishes none */ });
    call('GET', '/api/v1/portal/content').then(function (content) {
      state.content = content;
      renderInfo();
    }, function () {
      clear(byId('info-body')).appendChild(el('p', { class: 'form-error', 'data-i18n': 'info.failed', text: t('info.failed') }));
    });
  }

  // ------------------------------------------------------------------ routes: #submit, #query?tracking=..., #info

  function route() {
    var hash = location.hash.replace(/^#/, '');
    var q = hash.indexOf('?');
    var name = q < 0 ? hash : hash.substring(0, q);
    var params = {};
    (q < 0 ? '' : hash.substring(q + 1)).split('&').forEach(function (pair) {
      if (!pair) { return; }
      var i = pair.indexOf('=');
      try {
        params[decodeURIComponent(i < 0 ? pair : pair.substring(0, i))] = i < 0 ? '' : decodeURIComponent(pair.substring(i + 1).replace(/\+/g, ' '));
      } catch (e) { /* a malformed parameter is ignored */ }
    });
    return { name: name, params: params };
  }

  function follow() {
    var r = route();
    document.querySelectorAll('#sections-nav a').forEach(function (a) {
      if (a.getAttribute('data-route') === r.name) { a.setAttribute('aria-current', 'location'); } else { a.removeAttribute('aria-current'); }
    });
    if (r.name !== 'query' || r.params.tracking == null) { return; }
    var tracking = byId('q-tracking');
    var code = byId('q-code');
    tracking.value = r.params.tracking.trim().toUpperCase();
    // the verification code never goes into the URL; right after submitting, this visit still knows it
    if (state.codes && state.codes.trackingCode === tracking.value) { code.value = state.codes.verificationCode; }
    clearErrors(byId('q-form'));
    byId('query').scrollIntoView();
    (code.value ? byId('q-submit') : code).focus();
  }

  // ------------------------------------------------------------------ start

  function boot() {
    byId('lang').addEventListener('click', function () {
      try { localStorage.setItem(LANG_KEY, lang() === 'en' ? 'zh' : 'en'); } catch (e) { /* private mode: this page only */ }
      applyLanguage();
    });
    var form = byId('p-form');
    form.addEventListener('submit', submitPetition);
    form.querySelectorAll('[data-path]').forEach(function (control) {
      control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'blur', function () { checkOnLeave(control); });
    });
    byId('p-add').addEventListener('click', addPerson);
    byId('p-again').addEventListener('click', submitAnother);
    byId('p-print').addEventListener('click', printCodes);
    window.addEventListener('afterprint', function () { document.body.classList.remove('print-codes'); });
    byId('q-form').addEventListener('submit', submitQuery);
    window.addEventListener('hashchange', follow);
    renumber();
    applyLanguage();
    loadInfo();
    follow();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', boot); } else { boot(); }
}());
