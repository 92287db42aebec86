/*
 * Staff page "门户内容 / Portal content": the district office edits what the public portal publishes
 * (R2022 Art. 18: channels, address, phone, reception times and places, how to query, procedure and
 * rules). Reads and saves /api/v1/portal/content; the API's errors land on the field they name.
 */
(function () {
  'use strict';
  var X = window.Xinfang;

  var SECTION_NAMES = {
    reception: ['接待时间和地点', 'Reception times and places'],
    leaderReception: ['领导接待日', 'Leader reception days'],
    channels: ['信访渠道', 'Channels'],
    query: ['查询进展和结果的方式', 'How to query progress and results'],
    procedure: ['办理程序和时限', 'Procedure and time limits'],
    rules: ['法律法规和相关规定', 'Applicable rules']
  };
  var LIMITS = { name: 100, address: 200, title: 50, body: 5000, phone: 60, email: 100 };

  function sectionName(id) {
    var n = SECTION_NAMES[id];
    return n ? X.t(n[0], n[1]) : id;
  }

  /** An input (or textarea) named by its JSON path, inside a labelled field. */
  function text(path, label, value, options) {
    var o = options || {};
    var control = o.multiline
      ? X.el('textarea', { name: path, rows: o.rows || 6, maxlength: o.max, 'data-max': o.max, 'data-required': o.required ? 'true' : null })
      : X.el('input', { name: path, maxlength: o.max, type: o.type || 'text', 'data-max': o.max,
        'data-required': o.required ? 'true' : null, autocomplete: 'off' });
    control.value = value == null ? '' : value;
    if (o.required) { control.setAttribute('aria-required', 'true'); }
    var id = 'pc-' + path.replace(/[^A-Za-z0-9]+/g, '-');
    return X.field(id, label + (o.required ? ' *' : ''), control, o.hint);
  }

  function pair(path, label, value, options) {
    var v = value || {};
    var o = options || {};
    return X.el('div', { class: 'grid2' },
      text(path + '.zh', label + X.t('（中文）', ' (Chinese)'), v.zh, Object.assign({}, o, { required: true })),
      text(path + '.en', label + X.t('（英文）', ' (English)'), v.en, Object.assign({}, o, { required: false,
        hint: o.multiline ? X.t('选填；不填时英文页面显示中文。', 'Optional; the English page shows the Chinese when empty.') : null })));
  }

  function value(form, path) {
    var control = form.querySelector('[name="' + path + '"]');
    var v = control ? control.value.trim() : '';
    return v === '' ? null : v;
  }

  function body(form, content) {
    var sections = {};
    Object.keys(content.sections).forEach(function (id) {
      var p = 'sections.' + id;
      sections[id] = {
        title: { zh: value(form, p + '.title.zh'), en: value(form, p + '.title.en') },
        body: { zh: value(form, p + '.body.zh'), en: value(form, p + '.body.en') }
      };
    });
    return {
      office: {
        name: { zh: value(form, 'office.name.zh'), en: value(form, 'office.name.en') },
        address: { zh: value(form, 'office.address.zh'), en: value(form, 'office.address.en') },
        postcode: value(form, 'office.postcode'),
        phone: value(form, 'office.phone'),
        email: value(form, 'office.email')
      },
      sections: sections
    };
  }

  /** The API's rules that can be checked here: required texts and lengths, postcode and e-mail forms. */
  function check(form) {
    var first = null;
    form.querySelectorAll('input[name], textarea[name]').forEach(function (control) {
      var v = control.value.trim();
      var max = +control.getAttribute('data-max');
      var problem = null;
      if (control.getAttribute('data-required') && !v) {
        problem = X.t('必填项不能为空', 'Required');
      } else if (max && v.length > max) {
        problem = X.t('长度不能超过 ' + max + ' 个字符', 'At most ' + max + ' characters');
      } else if (control.name === 'office.postcode' && v && !/^\d{6}$/.test(v)) {
        problem = X.t('邮政编码应为6位数字', 'Must be 6 digits');
      } else if (control.name === 'office.email' && v && !/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(v)) {
        problem = X.t('电子邮箱格式不正确', 'Not an e-mail address');
      }
      if (problem) {
        X.fieldError(form, control.name, problem);
        first = first || control;
      }
    });
    if (first) { first.focus(); }
    return !first;
  }

  function render(main, content) {
    X.clear(main);
    var o = content.office || {};
    var status = X.el('p', { class: 'muted', id: 'pc-updated' },
      content.updatedAt
        ? X.t('最近保存：', 'Last saved: ') + X.dateTime(content.updatedAt) + (content.updatedBy ? ' · ' + content.updatedBy : '')
        : X.t('尚未保存过：门户正在显示随系统提供的默认内容。', 'Never saved: the portal shows the content shipped with the system.'));
    var form = X.el('form', { novalidate: true, id: 'pc-form' },
      X.el('section', { class: 'card', 'aria-labelledby': 'pc-office' },
        X.el('h2', { id: 'pc-office', text: X.t('信访部门和联系方式', 'Office and contact') }),
        pair('office.name', X.t('名称', 'Name'), o.name, { max: LIMITS.name }),
        pair('office.address', X.t('通信地址和接待地址', 'Postal and visiting address'), o.address, { max: LIMITS.address }),
        X.el('div', { class: 'grid3' },
          text('office.postcode', X.t('邮政编码', 'Postcode'), o.postcode, { max: 6 }),
          text('office.phone', X.t('咨询投诉电话', 'Inquiry and complaint phone'), o.phone, { max: LIMITS.phone, required: true }),
          text('office.email', X.t('电子邮箱', 'E-mail'), o.email, { max: LIMITS.email, required: true, type: 'email' }))),
      Object.keys(content.sections).map(function (id) {
        var s = content.sections[id];
        var headingId = 'pc-section-' + id;
        return X.el('section', { class: 'card', 'aria-labelledby': headingId },
          X.el('h2', { id: headingId, text: sectionName(id) }),
          pair('sections.' + id + '.title', X.t('标题', 'Heading'), s.title, { max: LIMITS.title }),
          pair('sections.' + id + '.body', X.t('正文', 'Text'), s.body, { max: LIMITS.body, multiline: true, rows: 8 }));
      }),
      X.el('p', { class: 'muted', text: X.t('正文每行一段；以“- ”开头的行显示为列表项。引用条文请注明《信访工作条例》条款。',
        'Each line of a text is a paragraph; lines starting with "- " become a list. Cite the articles of the Regulations on Petition Work.') }),
      X.el('p', { class: 'form-error', role: 'alert' }),
      X.el('div', { class: 'actions' },
        X.el('button', { type: 'submit', class: 'primary', id: 'pc-save', text: X.t('保存并发布', 'Save and publish') }),
        X.el('a', { href: '/portal/#info', target: '_blank', rel: 'noopener', id: 'pc-open',
          text: X.t('在新窗口查看门户', 'Open the portal in a new window') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      X.clearErrors(form);
      if (!check(form)) { return; }
      var button = form.querySelector('#pc-save');
      button.disabled = true;
      X.api('PUT', '/portal/content', body(form, content)).then(function (saved) {
        X.toast(X.t('已保存，门户已更新', 'Saved; the portal now shows it'), 'ok');
        render(main, saved);
        var updated = main.querySelector('#pc-updated');
        updated.setAttribute('tabindex', '-1');
        updated.focus();
      }, function (err) {
        button.disabled = false;
        X.showError(form, err);
      });
    });
    append(main, [
      X.el('h1', { text: X.t('门户内容', 'Portal content') }),
      X.el('p', { text: X.t('此处编辑公众门户“信访须知”栏目公布的内容（《信访工作条例》第十八条）：信访渠道、通信地址、咨询投诉电话、接待时间和地点、查询方式、办理程序和相关规定。',
        'Edit what the public portal publishes under "How it works" (R2022 Art. 18): channels, address, phone, reception times and places, how to query, the procedure and the rules.') }),
      X.el('p', {}, X.el('a', { href: '/portal/', target: '_blank', rel: 'noopener', text: X.t('打开公众门户 /portal/', 'Open the public portal /portal/') })),
      status,
      form
    ]);
  }

  function append(main, children) {
    children.forEach(function (c) { main.appendChild(c); });
  }

  X.page('portal-content', {
    render: function (main) {
      main.appendChild(X.el('p', { class: 'muted', text: X.t('正在加载…', 'Loading…') }));
      return X.api('GET', '/portal/content').then(function (content) { render(main, content); });
    }
  });
}());
