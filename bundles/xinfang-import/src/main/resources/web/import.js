/*
 * 历史导入 — historic cases from a spreadsheet saved as CSV (docs/import.md). Choose the file and name its
 * source, check it (a dry run: every refused row with its reasons, every row imported already), then import:
 * the import runs on the node as a job, and the page follows it with a progress bar to the final report.
 */
(function (X) {
  'use strict';

  /** Posts the file itself to /api/v1/imports: the shell's X.api sends JSON only. */
  function upload(file, source, dryRun) {
    var t = X.t;
    var session = X.session();
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XinfangWeb', 'Content-Type': 'text/csv' };
    if (session && session.auth) { headers.Authorization = 'Basic ' + session.auth; }
    var url = '/api/v1/imports?source=' + encodeURIComponent(source) + (dryRun ? '&dryRun=true' : '');
    return fetch(url, { method: 'POST', headers: headers, body: file, credentials: 'omit', cache: 'no-store' }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
        if (!r.ok) {
          var error = new Error(X.msg((json && json.message) || '') || ('HTTP ' + r.status));
          error.body = json || {};
          error.status = r.status;
          throw error;
        }
        return json;
      });
    }, function () {
      var error = new Error(t('无法连接本节点，请检查网络', 'cannot reach this node; check the network'));
      error.body = {};
      throw error;
    });
  }

  function counts(report, el, t) {
    return el('p', { class: 'import-counts', id: 'import-counts' },
      t('共 ', 'Rows: ') + report.rows + t(' 行：可导入 ', '; to import: ') + report.valid + t(' 行，有误 ', '; refused: ')
      + report.invalid + t(' 行，已导入过 ', '; imported already: ') + report.duplicates + t(' 行。', '.')
      + (report.encoding ? t('（文件编码：', ' (encoding: ') + report.encoding + t('）', ')') : ''));
  }

  /** The row report: refused rows with their reasons, rows imported already, columns not read. */
  function rowReport(report) {
    var t = X.t, el = X.el;
    var box = el('div', { id: 'import-report' });
    (report.warnings || []).forEach(function (w) {
      box.appendChild(el('p', { class: 'muted import-warning', text: X.msg(w.message) }));
    });
    if (report.errors && report.errors.length) {
      box.appendChild(X.sortableTable([
        { key: 'row', label: t('行号', 'Row'), sort: function (e) { return e.row; } },
        { key: 'sourceNumber', label: t('原编号', 'Source number') },
        { key: 'column', label: t('列', 'Column'), render: function (e) { return e.column || e.field || ''; } },
        { key: 'message', label: t('原因', 'Reason'), sortable: false, render: function (e) { return X.msg(e.message); } }
      ], report.errors, t('有误的行（不会导入）', 'Refused rows (not imported)')));
    }
    if (report.duplicateRows && report.duplicateRows.length) {
      box.appendChild(X.sortableTable([
        { key: 'row', label: t('行号', 'Row'), sort: function (d) { return d.row; } },
        { key: 'sourceNumber', label: t('原编号', 'Source number') },
        { key: 'id', label: t('已有案件', 'Case'), render: function (d) {
          return el('a', { href: '#/case/' + encodeURIComponent(d.id), text: d.id });
        } }
      ], report.duplicateRows, t('已导入过的行（跳过）', 'Imported already (skipped)')));
    }
    return box;
  }

  function render(main) {
    var t = X.t, el = X.el;
    main.appendChild(el('h1', { text: t('历史数据导入', 'Import historic cases') }));
    main.appendChild(el('p', { class: 'muted', text: t(
      '将原台账中已办结的信访事项从电子表格导入本系统：在Excel或WPS中另存为CSV（UTF-8或默认编码均可），第一行为表头。'
      + '必需的列：原编号、登记日期、信访形式、信访类别、信访人、标题、诉求内容、办理结果、办结日期；可选：身份证号、电话、地址、人数、问题属地、问题分类、责任单位、办理情况。'
      + '导入的事项按“历史办结”记录，不计算办理期限，不产生超期和督办；同一来源的同一原编号只导入一次。',
      'Closed cases of the old register, from a spreadsheet saved as CSV (UTF-8 or the default Chinese encoding), the header in the first row. '
      + 'Required columns: 原编号, 登记日期, 信访形式, 信访类别, 信访人, 标题, 诉求内容, 办理结果, 办结日期 (or their English field names). '
      + 'Imported cases are closed as history: no clocks, no overdue, no supervision; a source number of a source is imported once.') }));
    var file = el('input', { name: 'file', type: 'file', accept: '.csv,text/csv', required: true });
    var source = el('input', { name: 'source', maxlength: 100, required: true });
    var check = el('button', { type: 'submit', class: 'primary', id: 'import-check', text: t('检查文件', 'Check the file') });
    var go = el('button', { type: 'button', id: 'import-start', disabled: true, text: t('开始导入', 'Import') });
    var template = el('button', { type: 'button', id: 'import-template', text: t('下载表头模板', 'Download the template') });
    var form = el('form', { class: 'card', novalidate: true, id: 'import-form' },
      el('div', { class: 'grid2' },
        X.field('import-file', t('CSV文件', 'CSV file') + ' *', file, t('不超过50 MB', 'at most 50 MB')),
        X.field('import-source', t('导入来源', 'Source') + ' *', source,
          t('原台账或文件的名称；与原编号一起识别每一行，重复导入不会重复登记', 'the old register\'s name; with the source number it identifies each row, so importing again adds nothing'))),
      el('p', { class: 'form-error', role: 'alert' }),
      el('div', { class: 'actions' }, check, go, template));
    var result = el('div', { id: 'import-result', 'aria-live': 'polite' });
    main.appendChild(form);
    main.appendChild(result);

    template.addEventListener('click', function () {
      X.download('/imports/template.csv', '历史信访事项导入模板.csv').catch(function (e) { X.showError(form, e); });
    });
    file.addEventListener('change', function () {
      go.disabled = true;
      X.clear(result);
      if (file.files[0] && !source.value.trim()) { source.value = file.files[0].name.replace(/\.[^.]*$/, ''); }
    });
    source.addEventListener('input', function () { go.disabled = true; });

    function ready() {
      X.clearErrors(form);
      var ok = true;
      if (!file.files[0]) { X.fieldError(form, 'file', t('请选择CSV文件', 'Choose a CSV file')); ok = false; }
      if (!source.value.trim()) { X.fieldError(form, 'source', t('请填写导入来源', 'Name the source')); ok = false; }
      return ok;
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!ready()) { return; }
      check.disabled = true;
      go.disabled = true;
      X.clear(result);
      result.appendChild(el('p', { class: 'muted', text: t('正在检查……', 'Checking…') }));
      upload(file.files[0], source.value.trim(), true).then(function (report) {
        X.clear(result);
        result.appendChild(el('h2', { text: t('检查结果', 'Check') }));
        result.appendChild(counts(report, el, t));
        result.appendChild(rowReport(report));
        go.disabled = report.valid === 0;
      }, function (e) {
        X.clear(result);
        X.showError(form, e);
      }).then(function () { check.disabled = false; });
    });

    go.addEventListener('click', function () {
      if (!ready()) { return; }
      go.disabled = true;
      check.disabled = true;
      X.clear(result);
      upload(file.files[0], source.value.trim(), false).then(function (job) {
        follow(job, result, function () { check.disabled = false; });
      }, function (e) {
        X.showError(form, e);
        check.disabled = false;
      });
    });
  }

  /** Follows a job with a progress bar, polling once a second, and shows its report when it is over. */
  function follow(job, result, over) {
    var t = X.t, el = X.el;
    var bar = el('progress', { id: 'import-progress', max: String(Math.max(job.total, 1)), value: String(job.processed) });
    var line = el('p', { id: 'import-progress-text' });
    X.clear(result);
    result.appendChild(el('h2', { text: t('导入进度', 'Progress') }));
    result.appendChild(el('label', { for: 'import-progress', class: 'muted', text: t('已处理的行', 'Rows processed') }));
    result.appendChild(bar);
    result.appendChild(line);
    var started = Date.now();
    function show(j) {
      bar.value = j.processed;
      var seconds = Math.max((Date.now() - started) / 1000, 0.001);
      line.textContent = t('已处理 ', 'Processed ') + j.processed + ' / ' + j.total + t('，已导入 ', '; imported ') + j.imported
        + t('，跳过（已导入过） ', '; skipped (imported already) ') + j.skipped + t('，有误 ', '; refused ') + j.failed
        + (j.state === 'RUNNING' ? t('；约每秒 ', '; about ') + Math.round(j.imported / seconds) + t(' 行', ' rows/s') : '');
    }
    function poll() {
      X.api('GET', '/imports/' + encodeURIComponent(job.id)).then(function (j) {
        show(j);
        if (j.state === 'DONE' || j.state === 'FAILED') {
          result.appendChild(el('p', { id: 'import-done', class: j.state === 'DONE' ? 'ok' : 'form-error',
            text: j.state === 'DONE' ? t('导入完成。', 'The import is done.') : X.msg(j.problem || '') }));
          result.appendChild(rowReport(j));
          over();
          return;
        }
        setTimeout(poll, 1000);
      }, function (e) {
        line.textContent = e.message;
        over();
      });
    }
    show(job);
    poll();
  }

  X.page('import', { render: render });
}(window.Xinfang));
