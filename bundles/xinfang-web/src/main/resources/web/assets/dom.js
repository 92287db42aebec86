/*
 * Small DOM and language helpers shared by the staff application (/) and the public portal (/portal/), which
 * loads only this file of the web bundle. No framework, no build step.
 */
(function () {
  'use strict';

  /** Builds an element: el('button', {class: 'x', onclick: fn, text: '...'}, child, ...). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      var v = a[k];
      if (v == null || v === false) { return; }
      if (k === 'text') { node.textContent = v; }
      else if (k === 'class') { node.className = v; }
      else if (k.indexOf('on') === 0 && typeof v === 'function') { node.addEventListener(k.substring(2), v); }
      else if (v === true) { node.setAttribute(k, ''); }
      else { node.setAttribute(k, v); }
    });
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }

  /** Appends a child: an element, text, a number, or a list of these; null and false add nothing. */
  function append(node, child) {
    if (child == null || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }

  /** Removes every child of a node; returns the node. */
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  /** One half of a bilingual text "中文 / English": the English half if {@code english}, else the Chinese. */
  function half(text, english) {
    if (text == null) { return ''; }
    var s = String(text);
    var i = s.indexOf(' / ');
    if (i < 0) { return s; }
    return english ? s.substring(i + 3) : s.substring(0, i);
  }

  window.XinfangDom = Object.freeze({ el: el, append: append, clear: clear, half: half });
})();
