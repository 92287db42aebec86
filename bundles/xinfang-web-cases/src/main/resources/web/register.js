/*
 * 登记 — register a petition: the API's rules checked next to each field before sending (ID check
 * digit, at most 5 representatives, required fields), the API's own answer shown on the field it
 * names, and a warning when the same person already has an open case (R2022 Art. 19).
 */
(function (X) {
  'use strict';
  var MAX_PEOPLE = 5; // R2022 Art. 20: several people elect at most 5 representatives
  var GROUP = 5;      // 集体访: five or more people with a common matter (their headcount is recorded)

  X.page('register', {
    render: function (main) {
      var t = X.t, el = X.el;
      var kind = X.select('kind', 'kind', t('请选择', 'Choose'));
      var channel = X.select('channel', 'channel');
      var subject = el('input', { name: 'subject', maxlength: 200, required: true });
      var content = el('textarea', { name: 'content', maxlength: 20000, required: true, rows: 5 });
      // 问题分类: chosen from the managed list the district keeps (GET /categories), so cases can be counted by it
      var category = el('select', { name: 'category' }, el('option', { value: '', text: t('未选择', 'Not chosen') }));
      X.api('GET', '/categories').then(function (list) {
        list.categories.filter(function (c) { return c.active; }).forEach(function (c) {
          category.appendChild(el('option', { value: c.name, text: c.en ? t(c.name, c.en + ' ' + c.name) : c.name }));
        });
      }, function () { /* the field stays optional; the API names a wrong choice */ });
      // 问题属地: picked from the divisions of the organisation tree (GET /me: node.divisions, this node's first);
      // a matter that arose elsewhere takes a typed GB/T 2260 code
      var OTHER = 'OTHER';
      var region = el('select', { name: 'region' }, el('option', { value: '', text: t('未选择', 'Not chosen') }));
      ((X.session() && X.session().node.divisions) || []).forEach(function (d) {
        region.appendChild(el('option', { value: d.code, text: t(d.name + '辖区（' + d.code + '）', 'Area of ' + d.name + ' (' + d.code + ')') }));
      });
      region.appendChild(el('option', { value: OTHER, text: t('其他地区（填写行政区划代码）', 'Elsewhere (type the division code)') }));
      if (region.options.length > 2) { region.selectedIndex = 1; }
      var location = el('input', { name: 'location', inputmode: 'numeric', maxlength: 6, placeholder: '510199' });
      var locationField = X.field('r-location', t('其他地区的行政区划代码', 'Division code elsewhere') + ' *', location,
        t('6位数字（GB/T 2260）', '6 digits (GB/T 2260)'));
      function showRegion() { locationField.hidden = region.value !== OTHER; }
      region.addEventListener('change', showRegion);
      showRegion();
      var received = el('input', { name: 'receivedAt', type: 'date', max: X.today() });
      received.value = X.today();
      var headcount = el('input', { name: 'headcount', type: 'number', min: 1, max: 100000 });
      // 个访/集访: a group (5 or more) gives its headcount and elects at most 5 representatives (R2022 Art. 20)
      var visit = el('select', { name: 'visit' },
        el('option', { value: 'INDIVIDUAL', text: t('个访（少于5人）', 'Individual (fewer than 5 people)') }),
        el('option', { value: 'GROUP', text: t('集访（5人及以上）', 'Group (5 or more people)') }));
      var headcountField = X.field('r-headcount', t('人数', 'Headcount'), headcount, t('默认为信访人数', 'default: number of petitioners'));
      function showVisit() {
        var group = visit.value === 'GROUP';
        headcountField.querySelector('label').textContent = t('人数', 'Headcount') + (group ? ' *' : '');
        headcountField.querySelector('.hint').textContent = group ? t('集访须填写到场或联名的总人数（5人及以上）', 'everyone who came or signed: 5 or more')
          : t('默认为信访人数', 'default: number of petitioners');
        peopleHint.textContent = group ? t('集访由群众推选不超过5名代表，在此登记代表（《信访工作条例》第二十条）。',
          'A group elects at most 5 representatives; register them here (R2022 Art. 20).')
          : t('多人反映共同事项的，推选不超过5名代表（《信访工作条例》第二十条）。',
            'Several people with a common matter elect at most 5 representatives (R2022 Art. 20).');
      }
      visit.addEventListener('change', showVisit);
      // 领导接访日: a walk-in received during a leader reception session of this unit names the session
      var receptionDay = el('select', { name: 'receptionDay' }, el('option', { value: '', text: t('不属于领导接访', 'Not in a reception session') }));
      var receptionField = X.field('r-reception', t('领导接访日', 'Leader reception session'), receptionDay,
        t('来访人在本单位领导接访时到访的，选择当日接访', 'the walk-in came to a leader reception session of this unit'));
      receptionField.hidden = true;
      // 检举控告: whom it accuses (R2022 Art. 30, 46(5)): that unit's staff and that person never read it
      var accusedUnit = el('select', { name: 'accusedUnit' }, el('option', { value: '', text: t('未指明单位', 'No unit named') }));
      (function () {
        var node = (X.session() && X.session().node) || {};
        if (node.unit) { accusedUnit.appendChild(el('option', { value: node.unit, text: node.unitName || node.unit })); }
        (node.childUnits || []).forEach(function (u) { accusedUnit.appendChild(el('option', { value: u.code, text: u.name })); });
      })();
      var accusedPerson = el('input', { name: 'accusedPerson', maxlength: 50, autocomplete: 'off' });
      var accusedField = el('div', { class: 'grid2', id: 'r-accused' },
        X.field('r-accused-unit', t('被检举控告单位', 'Accused unit'), accusedUnit,
          t('该单位人员和被检举控告人看不到本件材料', 'its staff and the accused person never see this material')),
        X.field('r-accused-person', t('被检举控告人', 'Accused person'), accusedPerson, t('可不填', 'optional')));
      function showAccused() { accusedField.hidden = kind.value !== 'ACCUSATION'; }
      kind.addEventListener('change', showAccused);
      showAccused();
      // 来信: the scanned letter (and photos) go with the registration, uploaded once the case exists
      var scans = el('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,application/pdf', multiple: true });
      var scansField = X.field('r-scans', t('来信扫描件或照片', 'Scans or photos of the letter'), scans,
        t('图片（JPEG、PNG）或 PDF 文件，单个不超过 10 兆字节；登记后也可在案件页补充', 'JPEG, PNG or PDF, at most 10 MiB a file; more can be added on the case page'));
      X.fileChooser(scans);
      function showScans() { scansField.hidden = channel.value !== 'LETTER'; }
      channel.addEventListener('change', showScans);
      showScans();
      var people = el('div', { id: 'people' });
      var addPerson = el('button', { type: 'button', id: 'add-person', text: t('增加信访人', 'Add a petitioner') });
      var peopleHint = el('p', { class: 'hint', id: 'people-hint', text: t('多人反映共同事项的，推选不超过5名代表（《信访工作条例》第二十条）。',
        'Several people with a common matter elect at most 5 representatives (R2022 Art. 20).') });
      var repeats = el('div', { id: 'repeat-warning', 'aria-live': 'polite' });
      var done = el('div', { id: 'registered', 'aria-live': 'polite' });
      var form = el('form', { class: 'card', novalidate: true, id: 'register-form' },
        el('div', { class: 'grid3' },
          X.field('r-kind', t('信访类别', 'Kind') + ' *', kind, t('建议意见、检举控告或申诉求决（第十七条）', 'R2022 Art. 17')),
          X.field('r-channel', t('信访渠道', 'Channel') + ' *', channel),
          X.field('r-received', t('收到日期', 'Received on'), received, t('期限自次日起算', 'clocks start the next day')),
          X.field('r-visit', t('个访/集访', 'Individual or group'), visit, t('5人及以上为集访', '5 or more people: a group')),
          headcountField),
        receptionField,
        accusedField,
        X.field('r-subject', t('事项摘要', 'Subject') + ' *', subject, t('不超过200字', 'at most 200 characters')),
        X.field('r-content', t('主要内容及诉求', 'Content and request') + ' *', content),
        scansField,
        el('div', { class: 'grid2' }, X.field('r-category', t('问题分类', 'Category'), category, t('按区信访局统一的分类目录选择', 'from the district\'s list')),
          X.field('r-region', t('问题属地', 'Where the matter arose'), region), locationField),
        el('fieldset', {}, el('legend', { text: t('信访人', 'Petitioners') }), peopleHint, people, addPerson,
          X.field('r-petitioners', '', el('input', { type: 'hidden', name: 'petitioners' }))),
        repeats,
        el('p', { class: 'form-error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'r-submit', text: t('登记', 'Register') })));
      main.appendChild(el('h1', { text: t('登记信访事项', 'Register a petition') }));
      main.appendChild(done);
      main.appendChild(form);

      function personBlock() {
        var i = people.children.length;
        var path = 'petitioners[' + i + ']';
        var name = el('input', { name: path + '.name', maxlength: 50, autocomplete: 'off' });
        var id = el('input', { name: path + '.idNumber', maxlength: 18, autocomplete: 'off', class: 'id-number' });
        var phone = el('input', { name: path + '.phone', maxlength: 20, type: 'tel', autocomplete: 'off' });
        var address = el('input', { name: path + '.address', maxlength: 200, autocomplete: 'off' });
        var gender = el('select', { name: path + '.gender' },
          [['', '（未填）', '(not given)'], ['MALE', '男', 'Male'], ['FEMALE', '女', 'Female'], ['UNSTATED', '未说明', 'Not stated']]
            .map(function (g) { return el('option', { value: g[0], text: t(g[1], g[2]) }); }));
        var workUnit = el('input', { name: path + '.workUnit', maxlength: 100, autocomplete: 'off' });
        id.addEventListener('change', checkRepeats);
        var remove = el('button', { type: 'button', class: 'link', text: t('移除', 'Remove'), onclick: function () {
          people.removeChild(block); renumber(); } });
        var block = el('div', { class: 'person' },
          el('div', { class: 'grid2' },
            X.field('p' + i + '-name', t('姓名', 'Name') + ' *', name),
            X.field('p' + i + '-id', t('身份证号码', 'Resident ID number'), id, t('18位，末位可为X', '18 characters')),
            X.field('p' + i + '-phone', t('联系电话', 'Phone'), phone),
            X.field('p' + i + '-address', t('住址', 'Address'), address),
            X.field('p' + i + '-gender', t('性别', 'Gender'), gender),
            X.field('p' + i + '-workunit', t('工作单位', 'Work unit'), workUnit)),
          i > 0 ? remove : null);
        people.appendChild(block);
        renumber();
      }

      /** Keeps field names equal to the API's JSON paths after a person is removed. */
      function renumber() {
        Array.prototype.forEach.call(people.children, function (block, i) {
          block.querySelectorAll('[data-field]').forEach(function (f) {
            var c = f.querySelector('input, select');
            var name = c.name.replace(/^petitioners\[\d+\]/, 'petitioners[' + i + ']');
            c.name = name;
            f.setAttribute('data-field', name);
          });
        });
        addPerson.disabled = people.children.length >= MAX_PEOPLE;
        addPerson.title = addPerson.disabled ? t('最多5名代表', 'at most 5 representatives') : '';
      }

      function idNumbers() {
        return Array.prototype.map.call(people.querySelectorAll('input.id-number'), function (i) { return i.value.trim().toUpperCase(); })
          .filter(function (v) { return v && !X.idProblem(v); });
      }

      function checkRepeats() {
        var ids = idNumbers();
        X.clear(repeats);
        if (ids.length === 0) { return; }
        X.api('GET', '/petitions/repeats?' + ids.map(function (n) { return 'idNumber=' + encodeURIComponent(n); }).join('&'))
          .then(function (answer) { showRepeats(answer.items); }, function () { /* a warning only: never blocks */ });
      }

      function showRepeats(items) {
        X.clear(repeats);
        if (!items || items.length === 0) { return; }
        repeats.appendChild(el('div', { class: 'warn', role: 'alert' },
          el('strong', { text: t('可能是重复信访：', 'Possible repeat: ') }),
          t('该信访人已有正在办理的信访事项。同一事项已受理且在期限内的，不再重复受理，可与之并案（《信访工作条例》第十九条）。',
            'this person already has an open case. The same matter, already accepted and in time, is not accepted again but linked (R2022 Art. 19).'),
          el('ul', {}, items.map(function (r) {
            return el('li', {}, el('a', { href: '#/case/' + encodeURIComponent(r.id), text: r.id }),
              ' ' + r.subject + ' · ' + X.label('status', r.status) + ' · ' + (r.ownerName || r.owner));
          }))));
      }

      /** The same rules as the API, so the clerk sees every problem at once, next to its field. */
      function check() {
        var ok = true;
        function bad(path, text) { if (X.fieldError(form, path, text) && ok) { var c = form.querySelector('[name="' + path + '"]'); if (c) { c.focus(); } } ok = false; }
        if (!kind.value) { bad('kind', t('请选择信访类别', 'Choose the kind')); }
        if (!subject.value.trim()) { bad('subject', t('请填写事项摘要', 'The subject is required')); }
        if (!content.value.trim()) { bad('content', t('请填写主要内容', 'The content is required')); }
        if (region.value === OTHER && !/^\d{6}$/.test(location.value.trim())) { bad('location', t('行政区划代码应为6位数字', 'a 6-digit code')); }
        if (received.value && received.value > X.today()) { bad('receivedAt', t('收到日期不能晚于今天', 'must not be after today')); }
        Array.prototype.forEach.call(people.children, function (block, i) {
          var p = 'petitioners[' + i + ']';
          var name = block.querySelector('[name="' + p + '.name"]');
          var id = block.querySelector('[name="' + p + '.idNumber"]');
          var phone = block.querySelector('[name="' + p + '.phone"]');
          if (!name.value.trim()) { bad(p + '.name', t('请填写姓名', 'The name is required')); }
          if (id.value.trim()) { var why = X.idProblem(id.value); if (why) { bad(p + '.idNumber', why); } }
          if (phone.value.trim()) { var pw = X.phoneProblem(phone.value); if (pw) { bad(p + '.phone', pw); } }
        });
        if (visit.value === 'GROUP' && !(+headcount.value >= GROUP)) {
          bad('headcount', t('集访人数应为5人及以上', 'a group is 5 or more people'));
        } else if (visit.value === 'INDIVIDUAL' && +headcount.value >= GROUP) {
          bad('headcount', t('5人及以上请选择集访', '5 or more people: choose group'));
        } else if (headcount.value && +headcount.value < people.children.length) {
          bad('headcount', t('人数不能少于信访人数', 'not fewer than the petitioners'));
        }
        return ok;
      }

      function body() {
        var list = Array.prototype.map.call(people.children, function (block, i) {
          var p = 'petitioners[' + i + ']';
          function v(f) { var x = block.querySelector('[name="' + p + '.' + f + '"]').value.trim(); return x || undefined; }
          return { name: v('name'), idNumber: v('idNumber') ? v('idNumber').toUpperCase() : undefined, phone: v('phone'), address: v('address'),
            gender: v('gender'), workUnit: v('workUnit') };
        });
        return {
          kind: kind.value, channel: channel.value, subject: subject.value.trim(), content: content.value.trim(),
          category: category.value.trim() || undefined,
          location: region.value === OTHER ? location.value.trim() || undefined : region.value || undefined,
          receivedAt: received.value || undefined, headcount: headcount.value ? +headcount.value : undefined, petitioners: list,
          receptionDay: channel.value === 'WALK_IN' && receptionDay.value ? receptionDay.value : undefined,
          accusedUnit: kind.value === 'ACCUSATION' && accusedUnit.value ? accusedUnit.value : undefined,
          accusedPerson: kind.value === 'ACCUSATION' && accusedPerson.value.trim() ? accusedPerson.value.trim() : undefined
        };
      }

      /** The sessions of this unit on the day received, offered when the channel is 来访 (nodes without a rota offer none). */
      function offerSessions() {
        var day = received.value || X.today();
        var chosen = receptionDay.value;
        while (receptionDay.options.length > 1) { receptionDay.remove(1); }
        receptionField.hidden = true;
        if (channel.value !== 'WALK_IN') { receptionDay.value = ''; return; }
        X.api('GET', '/reception-days?from=' + day + '&to=' + day).then(function (answer) {
          answer.items.filter(function (d) { return d.mine && d.status !== 'CANCELLED'; }).forEach(function (d) {
            receptionDay.appendChild(el('option', { value: d.id, text: d.start + '–' + d.end + ' ' + d.leader.display + ' · ' + d.place }));
          });
          receptionDay.value = chosen && receptionDay.querySelector('option[value="' + chosen + '"]') ? chosen : '';
          receptionField.hidden = receptionDay.options.length <= 1;
        }, function () { /* a node without reception days: nothing to offer */ });
      }
      channel.addEventListener('change', offerSessions);
      received.addEventListener('change', offerSessions);

      addPerson.addEventListener('click', function () { if (people.children.length < MAX_PEOPLE) { personBlock(); } });
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        X.clearErrors(form);
        if (!check()) { return; }
        var button = form.querySelector('#r-submit');
        button.disabled = true;
        var files = channel.value === 'LETTER' ? Array.prototype.slice.call(scans.files) : [];
        // the form shows the id, the two codes and the possible repeats: the minimal answer holds them all
        X.api('POST', '/petitions', body(), undefined, { 'Prefer': 'return=minimal' }).then(function (p) {
          button.disabled = false;
          X.clear(done).appendChild(el('div', { class: 'ok', role: 'status', tabindex: '-1', id: 'registered-box' },
            el('p', {}, el('strong', { text: t('已登记。', 'Registered. ') }), t('编号 ', 'Id '),
              el('a', { href: '#/case/' + encodeURIComponent(p.id), id: 'registered-id', text: p.id })),
            el('p', {}, t('请将查询码和验证码告知信访人（验证码只显示这一次）：', 'Give the petitioner both codes (the verification code is shown only now): '),
              el('strong', { id: 'registered-tracking', text: p.trackingCode }), ' / ',
              el('strong', { id: 'registered-code', text: p.verificationCode }))));
          if (p.possibleRepeats && p.possibleRepeats.length) { showRepeats(p.possibleRepeats); done.appendChild(repeats); }
          if (files.length) { uploadScans(p.id, files); }
          form.reset();
          showScans();
          showVisit();
          if (region.options.length > 2) { region.selectedIndex = 1; }
          showRegion();
          received.value = X.today();
          offerSessions();
          X.clear(people);
          personBlock();
          document.getElementById('registered-box').focus();
        }, function (e) {
          button.disabled = false;
          // a picked division the API refuses is shown on the picker, the typed code's field being hidden
          if (e.body && e.body.field === 'location' && region.value !== OTHER) { e.body.field = 'region'; }
          X.showError(form, e);
        });
      });
      personBlock();
      offerSessions();

      /** Uploads the letter's files one after another to the new case (each as the body with its own type). */
      function uploadScans(id, list) {
        var note = el('p', { id: 'registered-scans', 'aria-live': 'polite', text: t('正在上传附件……', 'Uploading the files…') });
        done.firstChild.appendChild(note);
        var s = X.session();
        list.reduce(function (chain, file) {
          return chain.then(function (count) {
            var headers = { 'X-Requested-With': 'XinfangWeb', Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
            if (s && s.auth) { headers.Authorization = 'Basic ' + s.auth; }
            return fetch('/api/v1/petitions/' + encodeURIComponent(id) + '/attachments?name=' + encodeURIComponent(file.name),
              { method: 'POST', headers: headers, body: file, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
              return r.json().catch(function () { return {}; }).then(function (answer) {
                if (!r.ok) { throw new Error(file.name + '：' + (X.msg(answer.message) || ('HTTP ' + r.status))); }
                return count + 1;
              });
            });
          });
        }, Promise.resolve(0)).then(function (count) {
          note.textContent = t('已上传附件 ' + count + ' 个。', count + ' file(s) attached.');
        }, function (e) {
          note.className = 'bad';
          note.textContent = t('附件上传未完成：', 'Not all files were attached: ') + e.message + t('（可在案件页补充）', ' (add them on the case page)');
        });
      }
    }
  });
}(window.Xinfang));
