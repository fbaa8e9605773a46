/* Territoire: search of the territory profiles by name or code, client-side, over profiles/search.js
   (loaded on first use). Every form.territory-search of the page is wired; its data-base attribute is the path
   of the release folder relative to the page ("" or "../"). */
(function () {
  'use strict';
  var T = window.Territoire = window.Territoire || {};
  var LEVELS = {commune: 'commune', epci: 'EPCI', departement: 'département', region: 'région'};
  var index = null;
  var loading = false;
  var waiting = [];

  function normalise(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[-'’\s]+/g, ' ').trim();
  }

  T.index = function (rows) {
    index = rows.map(function (row) {
      return {level: row[0], code: row[1], name: row[2], departement: row[3], key: normalise(row[2])};
    });
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (callback) { callback(); });
  };

  function withIndex(base, callback) {
    if (index) { callback(); return; }
    waiting.push(callback);
    if (!loading) {
      loading = true;
      var script = document.createElement('script');
      script.src = base + 'profiles/search.js';
      document.head.appendChild(script);
    }
  }

  /** The territories matching a query: code first, then names starting with it, then containing it. */
  T.find = function (query, limit) {
    var q = normalise(query);
    if (!index || q.length === 0) { return []; }
    var code = [], starts = [], contains = [];
    index.forEach(function (t) {
      if (t.code.toLowerCase() === q) { code.push(t); }
      else if (t.key.indexOf(q) === 0) { starts.push(t); }
      else if (q.length > 2 && t.key.indexOf(q) > 0) { contains.push(t); }
    });
    return code.concat(starts, contains).slice(0, limit || 20);
  };

  function wire(form) {
    var base = form.getAttribute('data-base') || '';
    var input = form.querySelector('input');
    var list = form.querySelector('.results');
    function show() {
      var found = T.find(input.value, 20);
      list.textContent = '';
      found.forEach(function (t) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.className = 'result';
        link.href = base + 'profile.html#' + t.level + '/' + t.code;
        link.setAttribute('data-level', t.level);
        link.setAttribute('data-code', t.code);
        link.textContent = t.name + ' (' + LEVELS[t.level] + ', ' + t.code
          + (t.level !== 'departement' && t.level !== 'region' && t.departement ? ', dép. ' + t.departement : '') + ')';
        item.appendChild(link);
        list.appendChild(item);
      });
      form.setAttribute('data-results', String(found.length));
    }
    input.addEventListener('focus', function () { withIndex(base, function () {}); });
    input.addEventListener('input', function () { withIndex(base, show); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      withIndex(base, function () {
        show();
        var first = list.querySelector('a.result');
        if (first) { window.location.href = first.href; }
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form.territory-search'), wire);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
