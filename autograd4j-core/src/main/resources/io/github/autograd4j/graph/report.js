// autograd4j's graph report: draws the graph embedded in #report-data and steps through its
// backward pass. Plain browser JavaScript, no library and no network.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var nodes = data.nodes;
  var byId = new Map(nodes.map(function (n) { return [n.id, n]; }));
  var steps = data.stepper.steps;
  var rootId = nodes.length ? nodes[nodes.length - 1].id : -1;
  var consumers = new Map(nodes.map(function (n) { return [n.id, []]; }));
  nodes.forEach(function (n) { n.inputs.forEach(function (i) { consumers.get(i).push(n.id); }); });
  var groupSizes = new Map();
  nodes.forEach(function (n) { if (n.group !== null) { groupSizes.set(n.group, (groupSizes.get(n.group) || 0) + 1); } });

  // Groups start collapsed in graphs too large to read node by node.
  var COLLAPSE_AT = 80;
  var BOX = { w: 196, h: 84 };
  var state = {
    step: 0, selected: null, query: '', view: 'graph', vertical: false, zoom: 1,
    collapse: nodes.length > COLLAPSE_AT, expanded: new Set()
  };

  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function short(s, n) {
    if (s === null || s === undefined) { return '-'; }
    return s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
  }

  function quoted(id) { return "'" + byId.get(id).name + "'"; }

  // ---------------------------------------------------------------- the pass at state.step

  /** Each node's gradient in this pass after the first k rules: the seed, then what each rule added. */
  function passGrads(k) {
    var g = new Map();
    if (data.stepper.seed !== null && byId.has(rootId)) { g.set(rootId, data.stepper.seed); }
    for (var i = 0; i < k; i++) {
      steps[i].sent.forEach(function (s) { g.set(s.to, s.after); });
    }
    return g;
  }

  function currentStep() { return state.step > 0 ? steps[state.step - 1] : null; }

  function doneNodes(k) {
    var done = new Set();
    for (var i = 0; i < k; i++) { done.add(steps[i].node); }
    return done;
  }

  /** The number of rules to run until node id's gradient is complete (its own rule, or the last rule that sends to it). */
  function stepsUntil(id) {
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].node === id) { return i + 1; }
    }
    for (var j = steps.length - 1; j >= 0; j--) {
      if (steps[j].sent.some(function (s) { return s.to === id; })) { return j + 1; }
    }
    return id === rootId ? 0 : -1;
  }

  // ---------------------------------------------------------------- what is drawn

  function itemKey(n) {
    return state.collapse && n.group !== null && !state.expanded.has(n.group) ? 'g:' + n.group : 'n:' + n.id;
  }

  function visibleItems() {
    var items = new Map();
    nodes.forEach(function (n) {
      var key = itemKey(n);
      if (!items.has(key)) {
        items.set(key, { key: key, ids: [], inputs: new Set(), outputs: new Set(), group: key.charAt(0) === 'g' ? n.group : null });
      }
      items.get(key).ids.push(n.id);
    });
    nodes.forEach(function (n) {
      var to = itemKey(n);
      n.inputs.forEach(function (i) {
        var from = itemKey(byId.get(i));
        if (from !== to) {
          items.get(to).inputs.add(from);
          items.get(from).outputs.add(to);
        }
      });
    });
    return items;
  }

  /** Layers by longest path from the inputs, then a few barycentre sweeps to order each layer. */
  function layout(items) {
    var list = Array.from(items.values());
    list.sort(function (a, b) { return a.ids[0] - b.ids[0]; });
    var layer = new Map();
    list.forEach(function (it) {
      var l = 0;
      it.inputs.forEach(function (k) { if (layer.has(k)) { l = Math.max(l, layer.get(k) + 1); } });
      layer.set(it.key, l);
    });
    // then each node as late as its first consumer allows, so inputs sit next to where they are used
    list.slice().reverse().forEach(function (it) {
      if (it.outputs.size > 0) {
        var first = Infinity;
        it.outputs.forEach(function (k) { first = Math.min(first, layer.get(k)); });
        layer.set(it.key, Math.max(layer.get(it.key), first - 1));
      }
    });
    var layers = [];
    list.forEach(function (it) {
      var l = layer.get(it.key);
      while (layers.length <= l) { layers.push([]); }
      layers[l].push(it);
    });
    var pos = new Map();
    var index = function () { layers.forEach(function (ls) { ls.forEach(function (it, i) { pos.set(it.key, i); }); }); };
    index();
    var mean = function (keys, fallback) {
      var s = 0, c = 0;
      keys.forEach(function (k) { if (pos.has(k)) { s += pos.get(k); c++; } });
      return c ? s / c : fallback;
    };
    for (var sweep = 0; sweep < 4; sweep++) {
      for (var d = 1; d < layers.length; d++) {
        layers[d].sort(function (a, b) { return mean(a.inputs, pos.get(a.key)) - mean(b.inputs, pos.get(b.key)); });
        index();
      }
      for (var u = layers.length - 2; u >= 0; u--) {
        layers[u].sort(function (a, b) { return mean(a.outputs, pos.get(a.key)) - mean(b.outputs, pos.get(b.key)); });
        index();
      }
    }
    var widest = Math.max.apply(null, layers.map(function (ls) { return ls.length; }).concat([1]));
    var along = state.vertical ? BOX.h + 46 : BOX.w + 46;
    var across = state.vertical ? BOX.w + 24 : BOX.h + 22;
    var at = new Map();
    layers.forEach(function (ls, l) {
      var offset = (widest - ls.length) * across / 2;
      ls.forEach(function (it, i) {
        var a = 20 + l * along;
        var b = 20 + offset + i * across;
        at.set(it.key, state.vertical ? { x: b, y: a } : { x: a, y: b });
      });
    });
    var width = state.vertical ? widest * across + 40 : layers.length * along + 40;
    var height = state.vertical ? layers.length * along + 40 : widest * across + 40;
    return { at: at, width: width, height: height };
  }

  // ---------------------------------------------------------------- the graph view

  function nodeClasses(n, ctx) {
    var c = ['node'];
    if (n.leaf) { c.push('leaf'); }
    if (n.problem) { c.push('anomaly'); }
    if (n.check && !n.check.passed) { c.push('check-failed'); }
    if (ctx.current && ctx.current.node === n.id) { c.push('current'); }
    if (ctx.receiving.has(n.id)) { c.push('receiving'); }
    if (ctx.done.has(n.id)) { c.push('done'); }
    if (state.selected === n.id) { c.push('selected'); }
    if (state.query) { c.push(matches(n) ? 'match' : 'dim'); }
    return c.join(' ');
  }

  function matches(n) {
    var q = state.query.toLowerCase();
    return (n.label || '').toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0
      || n.op.toLowerCase().indexOf(q) >= 0;
  }

  function stepContext() {
    var cur = currentStep();
    var receiving = new Map();
    if (cur) { cur.sent.forEach(function (s) { receiving.set(s.to, s); }); }
    return { current: cur, receiving: receiving, done: doneNodes(state.step), pass: passGrads(state.step) };
  }

  function drawGraph() {
    var svg = $('graph');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var items = visibleItems();
    var lay = layout(items);
    var ctx = stepContext();
    svg.setAttribute('viewBox', '0 0 ' + lay.width + ' ' + lay.height);
    svg.setAttribute('width', Math.round(lay.width * state.zoom));
    svg.setAttribute('height', Math.round(lay.height * state.zoom));
    svg.dataset.width = lay.width;
    svg.dataset.height = lay.height;
    var edges = svgEl('g', { 'class': 'edges' });
    svg.appendChild(edges);
    var curKey = ctx.current ? itemKey(byId.get(ctx.current.node)) : null;
    items.forEach(function (it) {
      it.inputs.forEach(function (fromKey) {
        var a = lay.at.get(fromKey), b = lay.at.get(it.key);
        var p = state.vertical
          ? { x1: a.x + BOX.w / 2, y1: a.y + BOX.h, x2: b.x + BOX.w / 2, y2: b.y }
          : { x1: a.x + BOX.w, y1: a.y + BOX.h / 2, x2: b.x, y2: b.y + BOX.h / 2 };
        var bend = state.vertical ? 'C' + p.x1 + ',' + (p.y1 + 30) + ' ' + p.x2 + ',' + (p.y2 - 30)
          : 'C' + (p.x1 + 35) + ',' + p.y1 + ' ' + (p.x2 - 35) + ',' + p.y2;
        var flow = curKey === it.key ? ctx.current.sent.filter(function (s) { return itemKey(byId.get(s.to)) === fromKey; }) : [];
        edges.appendChild(svgEl('path', {
          'class': 'edge' + (flow.length ? ' flow' : ''), d: 'M' + p.x1 + ',' + p.y1 + ' ' + bend + ' ' + p.x2 + ',' + p.y2,
          'data-from': fromKey, 'data-to': it.key
        }));
      });
    });
    items.forEach(function (it) {
      var xy = lay.at.get(it.key);
      svg.appendChild(it.group !== null ? groupBox(it, xy, ctx) : nodeBox(byId.get(it.ids[0]), xy, ctx));
    });
  }

  function nodeBox(n, xy, ctx) {
    var g = svgEl('g', { 'class': nodeClasses(n, ctx), 'data-id': n.id, transform: 'translate(' + xy.x + ',' + xy.y + ')' });
    g.appendChild(svgEl('title', {}, n.name + ' (' + n.op + ')' + (n.problem ? '\n' + n.problem : '')
      + (n.check && !n.check.passed ? '\nrule check failed: ' + n.check.worst + ' analytic ' + n.check.analytic
        + ' vs numeric ' + n.check.numeric : '')));
    g.appendChild(svgEl('rect', { width: BOX.w, height: BOX.h }));
    var flag = (n.problem ? '\u26a0 ' : '') + (n.check && !n.check.passed ? '\u2691 ' : '');
    var lines = [
      ['name', flag + short(n.name, 17) + ' \u00b7 ' + short(n.op, 11)],
      ['data', short(n.shape + ' ' + n.value, 28)],
      ['grad', 'grad ' + short(n.grad, 25)],
      ['pass', 'pass ' + short(ctx.pass.has(n.id) ? ctx.pass.get(n.id) : '-', 25)],
      ['site', n.site ? short(n.site.replace(/^.*\(/, '').replace(/\)$/, ''), 30) : (n.hiddenInputs ? '+' + n.hiddenInputs + ' inputs not shown' : '')]
    ];
    lines.forEach(function (line, i) {
      g.appendChild(svgEl('text', { 'class': line[0], x: 8, y: 17 + i * 15.5 }, line[1]));
    });
    g.addEventListener('click', function () { select(n.id); });
    return g;
  }

  function groupBox(it, xy, ctx) {
    var members = it.ids.map(function (id) { return byId.get(id); });
    var c = ['group'];
    if (ctx.current && it.ids.indexOf(ctx.current.node) >= 0) { c.push('current'); }
    if (it.ids.some(function (id) { return ctx.receiving.has(id); })) { c.push('receiving'); }
    if (members.some(function (n) { return n.problem; })) { c.push('anomaly'); }
    if (members.some(function (n) { return n.check && !n.check.passed; })) { c.push('check-failed'); }
    if (state.query) { c.push(members.some(matches) ? 'match' : 'dim'); }
    var g = svgEl('g', { 'class': c.join(' '), 'data-group': it.group, transform: 'translate(' + xy.x + ',' + xy.y + ')' });
    g.appendChild(svgEl('title', {}, 'group ' + it.group + ': click to expand'));
    g.appendChild(svgEl('rect', { width: BOX.w, height: BOX.h }));
    var ops = Array.from(new Set(members.map(function (n) { return n.op; }))).join(', ');
    [['name', 'group ' + short(it.group, 14) + ' \u00b7 ' + members.length + ' nodes'], ['data', short(ops, 30)],
      ['grad', short(members.filter(function (n) { return n.label; }).map(function (n) { return n.label; }).join(', '), 30)],
      ['site', 'click to expand']].forEach(function (line, i) {
      g.appendChild(svgEl('text', { 'class': line[0], x: 8, y: 17 + i * 15.5 }, line[1]));
    });
    g.addEventListener('click', function () { state.expanded.add(it.group); render(); });
    return g;
  }

  // ---------------------------------------------------------------- the table view

  function drawTable() {
    var body = document.querySelector('#node-table tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var ctx = stepContext();
    nodes.forEach(function (n) {
      var cls = nodeClasses(n, ctx).replace(/\bmatch\b/, '').replace(/\bnode\b/, '').trim();
      var tr = el('tr', { 'data-id': n.id, 'class': cls });
      var check = n.check ? (n.check.passed ? 'ok' : 'FAILS: ' + n.check.worst + ' analytic ' + n.check.analytic
        + ' vs numeric ' + n.check.numeric) : '';
      [n.id, n.name, n.op, n.shape, n.inputs.map(function (i) { return byId.get(i).name; }).join(', '), n.value,
        n.grad === null ? '-' : n.grad, ctx.pass.has(n.id) ? ctx.pass.get(n.id) : '-', check, n.problem || '', n.site || '']
        .forEach(function (v) { tr.appendChild(el('td', {}, String(v))); });
      tr.addEventListener('click', function () { select(n.id); });
      body.appendChild(tr);
    });
  }

  // ---------------------------------------------------------------- panels

  function drawStepPanel() {
    var status = $('step-status');
    var detail = $('step-detail');
    detail.textContent = '';
    status.className = '';
    var cur = currentStep();
    status.dataset.step = state.step;
    status.dataset.node = cur ? cur.node : '';
    if (data.stepper.unavailable) {
      status.textContent = 'No stepper: ' + data.stepper.unavailable;
      return;
    }
    if (!cur) {
      status.textContent = 'Before the pass: ' + steps.length + ' rules to run; the root '
        + (byId.has(rootId) ? quoted(rootId) : '') + ' holds the seed ' + data.stepper.seed;
    } else {
      var n = byId.get(cur.node);
      status.textContent = 'step ' + state.step + ' of ' + steps.length + ': the rule of ' + quoted(n.id) + ' (' + n.op + ') ran';
      var p = el('p', {});
      p.appendChild(document.createTextNode('upstream gradient '));
      p.appendChild(el('code', { 'class': 'upstream' }, cur.upstream === null ? 'none reached it' : cur.upstream));
      detail.appendChild(p);
      var ul = el('ul', {});
      cur.sent.forEach(function (s) {
        var li = el('li', { 'class': 'sent' + (s.finite ? '' : ' anomaly'), 'data-to': s.to, 'data-input': s.input });
        li.appendChild(document.createTextNode('to input ' + s.input + ' ' + quoted(s.to) + ': sent '));
        li.appendChild(el('code', { 'class': 'sent-value' }, s.value));
        li.appendChild(document.createTextNode(', its gradient now '));
        li.appendChild(el('code', { 'class': 'sent-after' }, s.after));
        ul.appendChild(li);
      });
      if (!cur.sent.length) { ul.appendChild(el('li', {}, 'nothing sent: no input takes a gradient')); }
      detail.appendChild(ul);
    }
    if (state.step === steps.length && data.stepper.stoppedBy) {
      status.className = 'stopped';
      status.textContent += ' - the pass stopped here: ' + data.stepper.stoppedBy;
    } else if (state.step === steps.length && steps.length) {
      status.textContent += ' - the pass is over';
    }
  }

  function drawDetails() {
    var box = $('details');
    box.textContent = '';
    if (state.selected === null) {
      box.appendChild(el('p', { 'class': 'hint' }, 'Click a node for its details; select one, then "run to node".'));
      return;
    }
    var n = byId.get(state.selected);
    var pass = passGrads(state.step);
    box.appendChild(el('h2', {}, n.name + ' (' + n.op + ')'));
    var dl = el('dl', {});
    var row = function (k, v) {
      dl.appendChild(el('dt', {}, k));
      var dd = el('dd', {});
      if (v instanceof Node) { dd.appendChild(v); } else { dd.textContent = v === null || v === undefined ? '-' : String(v); }
      dl.appendChild(dd);
    };
    var links = function (ids) {
      var span = el('span', {});
      ids.forEach(function (id, i) {
        if (i) { span.appendChild(document.createTextNode(', ')); }
        var a = el('a', { 'class': 'node-link' }, byId.get(id).name);
        a.addEventListener('click', function () { select(id); });
        span.appendChild(a);
      });
      if (!ids.length) { span.textContent = '-'; }
      return span;
    };
    row('id', n.id);
    row('label', n.label);
    row('shape', n.shape);
    row('value', n.value);
    row('grad', n.grad);
    row('this pass', pass.has(n.id) ? pass.get(n.id) : '-');
    row('inputs', links(n.inputs));
    row('used by', links(consumers.get(n.id)));
    if (n.hiddenInputs) { row('not shown', n.hiddenInputs + ' inputs (summarised)'); }
    if (n.group !== null) { row('group', n.group); }
    row('made at', n.site || 'not recorded (Debug.recordSites())');
    if (n.freed) { row('freed', 'its graph was freed by backward without retainGraph'); }
    box.appendChild(dl);
    if (n.problem) { box.appendChild(el('p', { 'class': 'note bad problem' }, n.problem)); }
    if (n.check) {
      box.appendChild(el('p', { 'class': 'note ' + (n.check.passed ? '' : 'warn') },
        n.check.passed ? 'rule agrees with finite differences (' + n.check.elements + ' elements)'
          : 'rule disagrees with finite differences: ' + n.check.failures + ' of ' + n.check.elements + ' elements; worst '
          + n.check.worst + ' analytic ' + n.check.analytic + ' vs numeric ' + n.check.numeric));
      box.appendChild(el('pre', {}, n.check.summary));
    }
  }

  function drawHeader() {
    var problems = nodes.filter(function (n) { return n.problem; }).length;
    var failed = nodes.filter(function (n) { return n.check && !n.check.passed; }).length;
    $('summary').textContent = data.engine + ' graph, ' + data.nodeCount + ' nodes' + (data.summarised ? ' (' + nodes.length + ' shown)' : '')
      + ', ' + steps.length + ' rules to step' + (problems ? ', ' + problems + ' with NaN or infinity' : '')
      + (failed ? ', ' + failed + ' whose rule disagrees with finite differences' : '');
    var notes = $('notes');
    var note = function (text, cls) { if (text) { notes.appendChild(el('p', { 'class': 'note ' + (cls || '') }, text)); } };
    note(data.anomaly, 'bad');
    note(data.freedNote, 'warn');
    if (data.summarised) {
      note('This graph has ' + data.nodeCount + ' nodes, more than the limit of ' + data.nodeLimit + ': shown are the '
        + nodes.length + ' nearest the root. All nodes by op: ' + Object.keys(data.opCounts).map(function (k) {
        return k + ' ' + data.opCounts[k];
      }).join(', '), 'warn');
    }
    note(data.checkError, 'warn');
    if (!data.stepper.unavailable) {
      note(data.engine === 'tensor'
        ? 'The stepper shows the engine\u2019s own backwardSteps(), run with retainGraph when this report was made, every gradient set aside first and put back after; "pass" is each node\u2019s gradient in this pass.'
        : 'The stepper replays the pass from each node\u2019s own partial derivatives, as backwardSteps() would run it, without touching the graph; "pass" is each node\u2019s gradient in this pass.');
    }
  }

  // ---------------------------------------------------------------- actions

  function select(id) {
    state.selected = id;
    var n = byId.get(id);
    if (state.collapse && n.group !== null && !state.expanded.has(n.group)) { state.expanded.add(n.group); }
    render();
    var target = document.querySelector((state.view === 'graph' ? '#graph .node' : '#node-table tr') + '[data-id="' + id + '"]');
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }

  function goTo(k) {
    state.step = Math.max(0, Math.min(steps.length, k));
    render();
    var current = document.querySelector('#graph .current');
    if (current && current.scrollIntoView) { current.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }

  function render() {
    var stepping = !data.stepper.unavailable;
    $('back').disabled = !stepping || state.step === 0;
    $('step').disabled = !stepping || state.step === steps.length;
    $('run-to-end').disabled = !stepping || state.step === steps.length;
    $('run-to-node').disabled = !stepping || state.selected === null || stepsUntil(state.selected) < 0;
    $('groups').hidden = groupSizes.size === 0;
    $('groups').textContent = state.collapse ? 'expand groups' : 'collapse groups';
    $('orientation').textContent = state.vertical ? 'left to right' : 'top down';
    $('view-graph').className = state.view === 'graph' ? 'on' : '';
    $('view-table').className = state.view === 'table' ? 'on' : '';
    $('graph-view').hidden = state.view !== 'graph';
    $('table-view').hidden = state.view !== 'table';
    var count = state.query ? nodes.filter(matches).length : null;
    $('search-count').textContent = count === null ? '' : count + ' of ' + nodes.length + ' nodes';
    drawStepPanel();
    if (state.view === 'graph') { drawGraph(); } else { drawTable(); }
    drawDetails();
  }

  /** The zoom that shows the whole graph, at most 1 and at least {@code least}. */
  function fitted(least) {
    var svg = $('graph');
    var view = $('graph-view');
    var w = Number(svg.dataset.width), h = Number(svg.dataset.height);
    return Math.max(least, Math.min(1, (view.clientWidth - 4) / w, (view.clientHeight - 4) / h));
  }

  function fit() {
    state.zoom = fitted(0.05);
    render();
  }

  $('step').addEventListener('click', function () { goTo(state.step + 1); });
  $('back').addEventListener('click', function () { goTo(state.step - 1); });
  $('run-to-end').addEventListener('click', function () { goTo(steps.length); });
  $('run-to-node').addEventListener('click', function () {
    if (state.selected !== null && stepsUntil(state.selected) >= 0) { goTo(stepsUntil(state.selected)); }
  });
  $('search').addEventListener('input', function (e) { state.query = e.target.value.trim(); render(); });
  $('search').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && state.query) {
      var first = nodes.filter(matches)[0];
      if (first) { select(first.id); }
    }
  });
  $('view-graph').addEventListener('click', function () { state.view = 'graph'; render(); });
  $('view-table').addEventListener('click', function () { state.view = 'table'; render(); });
  $('orientation').addEventListener('click', function () { state.vertical = !state.vertical; render(); });
  $('groups').addEventListener('click', function () { state.collapse = !state.collapse; state.expanded.clear(); render(); });
  $('zoom-in').addEventListener('click', function () { state.zoom = Math.min(4, state.zoom * 1.25); render(); });
  $('zoom-out').addEventListener('click', function () { state.zoom = Math.max(0.1, state.zoom / 1.25); render(); });
  $('zoom-fit').addEventListener('click', fit);
  document.addEventListener('keydown', function (e) {
    if (e.target === $('search')) { return; }
    if (e.key === 'ArrowRight' && !$('step').disabled) { goTo(state.step + 1); }
    if (e.key === 'ArrowLeft' && !$('back').disabled) { goTo(state.step - 1); }
  });

  drawHeader();
  render();
  // a graph a little too large for the window is shown whole; a larger one at a readable size, to scroll
  state.zoom = fitted(0.7);
  render();
  document.body.dataset.ready = 'true';
})();
