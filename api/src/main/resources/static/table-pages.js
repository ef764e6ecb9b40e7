// Long tables of a report page, 100 rows a page: every row is in the page (printing, searching
// with the browser's find after "show all"), only one page of them is shown at a time.
// Served by the jar itself; no library.
(function () {
  'use strict';
  var PAGE = 100;
  function paginate(table) {
    var body = table.tBodies[0];
    if (!body || body.rows.length <= PAGE) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    var pages = Math.ceil(rows.length / PAGE);
    var current = 0;
    var nav = document.createElement('nav');
    nav.className = 'table-pages';
    var prev = document.createElement('button');
    prev.type = 'button';
    prev.textContent = '‹ previous';
    var next = document.createElement('button');
    next.type = 'button';
    next.textContent = 'next ›';
    var all = document.createElement('button');
    all.type = 'button';
    all.textContent = 'show all';
    var label = document.createElement('span');
    label.className = 'table-pages-label';
    nav.appendChild(prev);
    nav.appendChild(label);
    nav.appendChild(next);
    nav.appendChild(all);
    table.parentNode.insertBefore(nav, table.nextSibling);
    function show(page) {
      current = Math.max(0, Math.min(pages - 1, page));
      var from = current * PAGE;
      var to = Math.min(rows.length, from + PAGE);
      rows.forEach(function (row, i) {
        row.hidden = i < from || i >= to;
      });
      label.textContent = ' rows ' + (from + 1) + '–' + to + ' of ' + rows.length + ' ';
      prev.disabled = current === 0;
      next.disabled = current === pages - 1;
    }
    prev.addEventListener('click', function () { show(current - 1); });
    next.addEventListener('click', function () { show(current + 1); });
    all.addEventListener('click', function () {
      rows.forEach(function (row) { row.hidden = false; });
      label.textContent = ' all ' + rows.length + ' rows ';
      prev.disabled = true;
      next.disabled = true;
    });
    show(0);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('table'), paginate);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
}());
