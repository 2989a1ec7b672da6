/**
 * The review page's map: a dependency-free SVG map in plain JavaScript (no library, no tiles, no network), inlined
 * into report.html. It reads the page's JSON data block (roads as local metre coordinates, ~0.1 m), draws every road
 * coloured by the worst severity of its findings, labels names that fit along their road, and supports drag to pan,
 * wheel / buttons to zoom, fit-all, and selection in both directions: a click on a findings row zooms to its road and
 * highlights it; a click on a road highlights its rows. The view is the SVG viewBox (tests read it). User text reaches
 * the DOM only through textContent.
 *
 * Written as ES2017 browser JavaScript in a string, so it is shipped exactly as tested (no bundler).
 */
export const MAP_SCRIPT = String.raw`
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('diming-data').textContent);
  var svg = document.getElementById('map-svg');
  var box = document.getElementById('map');
  var gRoads = document.getElementById('map-roads');
  var gTop = document.getElementById('map-top');
  var gLabels = document.getElementById('map-labels');
  var status = document.getElementById('map-status');
  var scaleBar = document.getElementById('map-scale');
  var scaleText = document.getElementById('map-scale-text');
  var COLORS = data.colors;
  var LABEL_PX = 12;
  var roads = data.roads;
  var byRow = {};
  var view = { x: 0, y: 0, w: 1, h: 1 };
  var all = null;
  var selected = null;

  function extend(b, x, y) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }

  var outlineBox = null;
  // Township outlines (--boundaries), under the roads (named in their tooltip); "show all" includes them.
  (data.outlines || []).forEach(function (o) {
    var d = '';
    o.l.forEach(function (ring) {
      for (var i = 0; i < ring.length; i += 2) d += (i ? 'L' : 'M') + ring[i] + ' ' + ring[i + 1];
      d += 'Z';
    });
    o.l.forEach(function (ring) {
      for (var i = 0; i < ring.length; i += 2) {
        if (!outlineBox) outlineBox = [ring[i], ring[i + 1], ring[i], ring[i + 1]];
        extend(outlineBox, ring[i], ring[i + 1]);
      }
    });
    var p = document.createElementNS(NS, 'path');
    p.setAttribute('d', d);
    p.setAttribute('class', 'outline');
    var t = document.createElementNS(NS, 'title');
    t.textContent = o.n;
    p.appendChild(t);
    document.getElementById('map-outlines').appendChild(p);
  });

  // Build the road paths, worst severity drawn last (on top).
  var order = roads.slice().sort(function (a, b) { return b.s - a.s; });
  order.forEach(function (r) {
    byRow[r.r] = r;
    if (!r.l.length) return;
    var d = '';
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    r.l.forEach(function (part) {
      for (var i = 0; i < part.length; i += 2) {
        d += (i ? 'L' : 'M') + part[i] + ' ' + part[i + 1];
        extend(b, part[i], part[i + 1]);
      }
    });
    r.bbox = b;
    all = all ? [Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])] : b.slice();
    var p = document.createElementNS(NS, 'path');
    p.setAttribute('d', d);
    p.setAttribute('class', 'road sev' + r.s);
    p.setAttribute('stroke', COLORS[r.s]);
    p.setAttribute('data-row', String(r.r));
    var t = document.createElementNS(NS, 'title');
    t.textContent = r.n + (r.c ? ' — ' + r.c : '');
    p.appendChild(t);
    p.addEventListener('click', function (ev) { ev.stopPropagation(); select(r.r, false, true); });
    gRoads.appendChild(p);
    r.path = p;
    if (r.lb) {
      var tx = document.createElementNS(NS, 'text');
      tx.setAttribute('class', 'label');
      tx.setAttribute('transform', 'translate(' + r.lb[0] + ' ' + r.lb[1] + ') rotate(' + r.lb[2] + ')');
      tx.setAttribute('text-anchor', 'middle');
      tx.setAttribute('dy', '-0.45em');
      tx.textContent = r.n;
      gLabels.appendChild(tx);
      r.label = tx;
    }
  });

  function size() {
    var rect = svg.getBoundingClientRect();
    return { w: Math.max(1, rect.width), h: Math.max(1, rect.height) };
  }

  /** Show the box [x0, y0, x1, y1] (metres), padded, at the container's aspect ratio. */
  function fit(b, pad, minSize) {
    var s = size();
    var w = Math.max(b[2] - b[0], minSize || 1);
    var h = Math.max(b[3] - b[1], minSize || 1);
    var cx = (b[0] + b[2]) / 2;
    var cy = (b[1] + b[3]) / 2;
    w *= 1 + 2 * pad;
    h *= 1 + 2 * pad;
    if (w / h < s.w / s.h) w = h * s.w / s.h; else h = w * s.h / s.w;
    setView({ x: cx - w / 2, y: cy - h / 2, w: w, h: h });
  }

  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(function (n) { return +n.toFixed(3); }).join(' '));
    scheduleLabels();
  }

  var pending = false;
  function scheduleLabels() {
    if (pending) return;
    pending = true;
    (window.requestAnimationFrame || setTimeout)(function () { pending = false; updateLabels(); });
  }

  /**
   * Labels at a constant screen size. A name is shown where its road is long enough on screen to carry it, it is in
   * view, and it does not overlap a label already placed (longer roads first; a grid of 64 px cells keeps this cheap
   * for thousands of roads). The selected road's label is always shown.
   */
  var labelOrder = roads.filter(function (r) { return r.label; }).sort(function (a, b) { return b.lb[3] - a.lb[3]; });
  function updateLabels() {
    var s = size();
    var upp = view.w / s.w;
    var fs = LABEL_PX * upp;
    gLabels.setAttribute('font-size', fs.toFixed(3));
    gLabels.setAttribute('stroke-width', (3 * upp).toFixed(3));
    var CELL = 64;
    var grid = {};
    var placed = function (box) {
      for (var gx = Math.floor(box[0] / CELL); gx <= Math.floor(box[2] / CELL); gx++) {
        for (var gy = Math.floor(box[1] / CELL); gy <= Math.floor(box[3] / CELL); gy++) {
          var list = grid[gx + ',' + gy];
          if (!list) continue;
          for (var i = 0; i < list.length; i++) {
            var o = list[i];
            if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return true;
          }
        }
      }
      return false;
    };
    var put = function (box) {
      for (var gx = Math.floor(box[0] / CELL); gx <= Math.floor(box[2] / CELL); gx++) {
        for (var gy = Math.floor(box[1] / CELL); gy <= Math.floor(box[3] / CELL); gy++) {
          (grid[gx + ',' + gy] = grid[gx + ',' + gy] || []).push(box);
        }
      }
    };
    var boxOf = function (r) {
      var cx = (r.lb[0] - view.x) / upp;
      var cy = (r.lb[1] - view.y) / upp;
      var a = r.lb[2] * Math.PI / 180;
      var w = (r.n.length + 0.5) * LABEL_PX;
      var h = LABEL_PX * 1.3;
      // The label sits just above its road (dy -0.45em): shift the centre by that much, perpendicular to the road.
      cx += Math.sin(a) * 0.45 * LABEL_PX;
      cy -= Math.cos(a) * 0.45 * LABEL_PX;
      var hx = Math.abs(Math.cos(a)) * w / 2 + Math.abs(Math.sin(a)) * h / 2;
      var hy = Math.abs(Math.sin(a)) * w / 2 + Math.abs(Math.cos(a)) * h / 2;
      return [cx - hx, cy - hy, cx + hx, cy + hy];
    };
    var sel = selected !== null ? byRow[selected] : null;
    if (sel && sel.label) {
      sel.label.style.display = '';
      put(boxOf(sel));
    }
    labelOrder.forEach(function (r) {
      if (r === sel) return;
      var show = r.lb[3] / upp > (r.n.length + 1) * LABEL_PX;
      if (show) {
        var box = boxOf(r);
        if (box[2] < 0 || box[3] < 0 || box[0] > s.w || box[1] > s.h || placed(box)) show = false;
        else put(box);
      }
      r.label.style.display = show ? '' : 'none';
    });
    // Scale bar: a round length about 100 px long.
    var target = 100 * upp;
    var p = Math.pow(10, Math.floor(Math.log(target) / Math.LN10));
    var len = [1, 2, 5, 10].map(function (k) { return k * p; }).filter(function (v) { return v <= target; }).pop() || p;
    scaleBar.style.width = (len / upp).toFixed(1) + 'px';
    scaleText.textContent = len >= 1000 ? (len / 1000) + ' km' : len + ' m';
  }

  function fitAll() {
    if (all) fit(all, 0.05, 200);
  }

  /** Select a road: highlight it and its findings rows; zoom to it (row click) or scroll the table to it (map click). */
  function select(row, zoom, scroll) {
    var prev = selected !== null ? byRow[selected] : null;
    if (prev && prev.path) {
      prev.path.classList.remove('sel');
      gRoads.appendChild(prev.path);
    }
    while (gTop.firstChild) gTop.removeChild(gTop.firstChild);
    document.querySelectorAll('#findings tbody tr.sel').forEach(function (tr) { tr.classList.remove('sel'); });
    selected = row;
    var r = byRow[row];
    var rows = document.querySelectorAll('#findings tbody tr[data-row="' + row + '"]');
    rows.forEach(function (tr) { tr.classList.add('sel'); });
    if (scroll && rows.length) rows[0].scrollIntoView({ block: 'nearest' });
    if (!r || !r.path) {
      status.textContent = (r ? r.n : '') + data.text.noGeometry;
      status.hidden = false;
      scheduleLabels();
      return;
    }
    status.hidden = true;
    // Draw the selected road on top, with a halo.
    var halo = r.path.cloneNode(false);
    halo.setAttribute('class', 'halo');
    halo.removeAttribute('data-row');
    gTop.appendChild(halo);
    r.path.classList.add('sel');
    gTop.appendChild(r.path);
    svg.setAttribute('data-selected', String(row));
    if (zoom) fit(r.bbox, 0.25, 150);
    else scheduleLabels();
  }

  // Findings rows → road.
  document.querySelectorAll('#findings tbody tr[data-row]').forEach(function (tr) {
    var go = function () { select(Number(tr.getAttribute('data-row')), true, false); };
    tr.addEventListener('click', go);
    tr.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
  });

  // Pan (drag) and zoom (wheel, buttons, double click).
  function toUser(clientX, clientY) {
    var rect = svg.getBoundingClientRect();
    return { x: view.x + (clientX - rect.left) / rect.width * view.w, y: view.y + (clientY - rect.top) / rect.height * view.h };
  }
  function zoomAt(k, ux, uy) {
    var w = view.w * k;
    var h = view.h * k;
    if (w < 20 || w > 2e6) return;
    setView({ x: ux - (ux - view.x) * k, y: uy - (uy - view.y) * k, w: w, h: h });
  }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toUser(ev.clientX, ev.clientY);
    zoomAt(Math.pow(1.0015, ev.deltaY * (ev.deltaMode ? 30 : 1)), p.x, p.y);
  }, { passive: false });
  svg.addEventListener('dblclick', function (ev) {
    var p = toUser(ev.clientX, ev.clientY);
    zoomAt(ev.shiftKey ? 2 : 0.5, p.x, p.y);
  });
  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { id: ev.pointerId, x: ev.clientX, y: ev.clientY, v: view, moved: false };
  });
  svg.addEventListener('pointermove', function (ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    var dx = ev.clientX - drag.x;
    var dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 3) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(ev.pointerId); svg.classList.add('panning'); }
    var s = size();
    setView({ x: drag.v.x - dx * drag.v.w / s.w, y: drag.v.y - dy * drag.v.h / s.h, w: drag.v.w, h: drag.v.h });
  });
  function endDrag(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    svg.classList.remove('panning');
    drag = null;
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(0.5, view.x + view.w / 2, view.y + view.h / 2); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(2, view.x + view.w / 2, view.y + view.h / 2); });
  document.getElementById('zoom-all').addEventListener('click', fitAll);

  // Keep the scale when the window changes size.
  var last = size();
  window.addEventListener('resize', function () {
    var s = size();
    var upp = view.w / last.w;
    var cx = view.x + view.w / 2;
    var cy = view.y + view.h / 2;
    last = s;
    setView({ x: cx - s.w * upp / 2, y: cy - s.h * upp / 2, w: s.w * upp, h: s.h * upp });
  });

  // Table filters: text and severity.
  var filter = document.getElementById('filter');
  var sevBoxes = document.querySelectorAll('input.sevfilter');
  function applyFilter() {
    var q = filter.value.trim();
    var on = {};
    sevBoxes.forEach(function (b) { on[b.value] = b.checked; });
    document.querySelectorAll('#findings tbody tr[data-row]').forEach(function (tr) {
      var show = on[tr.getAttribute('data-sev')] !== false && (!q || tr.textContent.indexOf(q) >= 0);
      tr.style.display = show ? '' : 'none';
    });
  }
  filter.addEventListener('input', applyFilter);
  sevBoxes.forEach(function (b) { b.addEventListener('change', applyFilter); });

  if (all && outlineBox) all = [Math.min(all[0], outlineBox[0]), Math.min(all[1], outlineBox[1]), Math.max(all[2], outlineBox[2]), Math.max(all[3], outlineBox[3])];
  if (all) fitAll();
  else {
    status.textContent = data.text.noMap;
    status.hidden = false;
  }
  updateLabels();
  // For tests and the curious: the current view and a way to select a road.
  window.dimingMap = { view: function () { return { x: view.x, y: view.y, w: view.w, h: view.h }; }, select: function (row) { select(row, true, true); }, fitAll: fitAll };
  document.documentElement.setAttribute('data-map-ready', '1');
})();
`;
