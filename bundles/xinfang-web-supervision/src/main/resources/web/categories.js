/*
 * 问题分类 — the managed list of problem categories that cases are registered under and counted by. The top
 * of the network (the district) keeps it: heads there add categories, retire them and map free text typed
 * before the list existed (aliases); sync carries each version down to every node. Elsewhere it is shown as
 * it arrived. The texts no category names yet, with their counts over the last five years, are offered for
 * mapping.
 */
(function (X) {
  'use strict';

  X.page('categories', {
    render: function (main) {
      var t = X.t, el = X.el;
      main.appendChild(el('h1', { text: t('问题分类目录', 'Problem categories') }));
      var today = X.today();
      var since = (parseInt(today.substring(0, 4), 10) - 5) + today.substring(4);
      return Promise.all([X.api('GET', '/categories'), X.api('GET', '/node'),
        X.api('GET', '/statistics?from=' + since + '&to=' + today).catch(function () { return null; })]).then(function (r) {
        var list = r[0], node = r[1], stats = r[2];
        var editable = !node.parent && X.hasRole(['head']);
        main.appendChild(el('p', { class: 'hint', id: 'cat-version', 'data-version': String(list.version), text: t(
          '第 ' + list.version + ' 版' + (list.version === 0 ? '（随软件提供）' : '') + (node.parent ? '。由上级统一维护，经同步下发，本节点不能修改。' : '。修改后经同步下发到所有下级节点。'),
          'Version ' + list.version + (list.version === 0 ? ' (shipped)' : '') + (node.parent ? '. Kept above and synced down; it cannot be changed here.' : '. Changes are synced down to every node.')) }));
        var rows = list.categories.map(function (c) { return { name: c.name, en: c.en || '', aliases: c.aliases.join('、'), active: c.active }; });
        var body = el('tbody');
        function row(c) {
          var name = el('input', { name: 'name', value: c.name, maxlength: 50, disabled: !editable || !!c.name && c.existing });
          var en = el('input', { name: 'en', value: c.en, maxlength: 80, disabled: !editable });
          var aliases = el('input', { name: 'aliases', value: c.aliases, disabled: !editable, size: 40 });
          var active = el('input', { type: 'checkbox', name: 'active', disabled: !editable });
          active.checked = c.active;
          var tr = el('tr', { 'data-category': c.name }, el('td', {}, name), el('td', {}, en), el('td', {}, aliases),
            el('td', {}, active));
          tr.read = function () {
            return { name: name.value.trim(), en: en.value.trim() || null, active: active.checked,
              aliases: aliases.value.split(/[、,，;；]/).map(function (a) { return a.trim(); }).filter(function (a) { return a; }) };
          };
          tr.addAlias = function (text) { aliases.value = aliases.value ? aliases.value + '、' + text : text; };
          return tr;
        }
        rows.forEach(function (c) { c.existing = true; body.appendChild(row(c)); });
        var table = el('table', { class: 'grid', id: 'cat-table' }, el('thead', {}, el('tr', {}, el('th', { text: t('分类', 'Category') }),
          el('th', { text: t('英文名', 'English') }), el('th', { text: t('别名（以「、」分隔）', 'Aliases (separated by 、)') }),
          el('th', { text: t('启用', 'In use') }))), body);
        var error = el('p', { class: 'form-error', role: 'alert' });
        var form = el('form', { class: 'card', id: 'cat-form', novalidate: true }, X.tableBox(table), error);
        if (editable) {
          form.appendChild(el('div', { class: 'actions' },
            el('button', { type: 'button', id: 'cat-add', text: t('增加分类', 'Add a category'), onclick: function () {
              body.appendChild(row({ name: '', en: '', aliases: '', active: true }));
            } }), ' ',
            el('button', { type: 'submit', class: 'primary', id: 'cat-save', text: t('保存并下发', 'Save and send down') })));
          form.addEventListener('submit', function (ev) {
            ev.preventDefault();
            error.textContent = '';
            var categories = Array.prototype.map.call(body.children, function (tr) { return tr.read(); });
            X.api('PUT', '/categories', { version: list.version, categories: categories }).then(function (saved) {
              X.toast(t('已保存第 ' + saved.version + ' 版，将同步到下级节点', 'Saved version ' + saved.version + '; it will be synced down'));
              X.rerender();
            }, function (e) { X.showError(form, e); });
          });
        }
        main.appendChild(form);
        var unmapped = stats && stats.unmappedCategories ? Object.keys(stats.unmappedCategories) : [];
        if (unmapped.length) {
          var section = el('section', { class: 'card', id: 'cat-unmapped' }, el('h2', { text: t('尚未归类的分类文字', 'Category texts not yet mapped') }),
            el('p', { class: 'hint', text: t('目录建立前登记时填写的文字，近五年的件数。设为某分类的别名后即按该分类统计。',
              'Free text typed before the list existed, with its cases over five years. Made an alias, it counts under that category.') }));
          var ul = el('ul');
          unmapped.forEach(function (text) {
            var pick = el('select', { 'data-text': text }, el('option', { value: '', text: t('归入…', 'Map to…') }));
            Array.prototype.forEach.call(body.children, function (tr) { var c = tr.read(); pick.appendChild(el('option', { value: c.name, text: c.name })); });
            pick.disabled = !editable;
            pick.addEventListener('change', function () {
              var target = Array.prototype.filter.call(body.children, function (tr) { return tr.read().name === pick.value; })[0];
              if (target) { target.addAlias(text); X.toast(t('已加入「' + pick.value + '」的别名，保存后生效', 'Added as an alias; save to apply')); }
            });
            ul.appendChild(el('li', {}, text + '（' + stats.unmappedCategories[text] + '件） ', pick));
          });
          section.appendChild(ul);
          main.appendChild(section);
        }
      });
    }
  });
}(window.Xinfang));
