/*
 * modpipe moderator console: plain JavaScript on top of review-service's /v1 API, no build step.
 *
 * Safety rules of this file: every piece of data from the API (above all a post's text and evidence)
 * reaches the page through textContent or text nodes, never parsed as HTML; the bearer token lives
 * in sessionStorage only (never in a URL) and is removed on sign-out.
 */
(function () {
  'use strict';

  var KEYS = {
    token: 'modpipe.console.token',
    item: 'modpipe.console.item',
    streak: 'modpipe.console.crisisStreak',
    breakUntil: 'modpipe.console.breakUntil',
    crisisLimit: 'modpipe.console.crisisLimit', // localStorage: a preference, not a secret
    pollMs: 'modpipe.console.pollMs' // localStorage
  };
  var DEFAULT_CRISIS_LIMIT = 5;
  var DEFAULT_POLL_MS = 5000;
  var BREAK_MS = 5 * 60 * 1000;
  var QUEUE_PAGE = 100;

  var LABELS = {
    SELF_HARM: 'Self-harm', HARMFUL: 'Harmful', MISINFORMATION: 'Misinformation',
    IMMINENT: 'Imminent', HIGH: 'High', MODERATE: 'Moderate', LOW: 'Low', NONE: 'None', THREAT: 'Threat',
    APPROVE: 'Approve', REMOVE: 'Remove', SEND_RESOURCES: 'Send resources', ESCALATE: 'Escalate',
    OPEN: 'Open', ACKED: 'Acknowledged', ESCALATED: 'Escalated', RESOLVED: 'Resolved', CANCELLED: 'Cancelled',
    CLAIMED: 'Claimed', DECIDED: 'Decided', CLOSED: 'Closed'
  };

  function label(value) {
    return LABELS[value] || String(value);
  }

  // ---------------------------------------------------------------- DOM helpers (text only, never HTML)

  function $(id) {
    return document.getElementById(id);
  }

  /** Creates an element; strings and numbers among the children become text nodes. */
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'class') {
          el.className = value;
        } else if (key === 'text') {
          el.textContent = String(value);
        } else if (key.indexOf('on') === 0) {
          el.addEventListener(key.substring(2), value);
        } else if (key === 'data') {
          Object.keys(value).forEach(function (d) { el.dataset[d] = String(value[d]); });
        } else {
          el.setAttribute(key, value === true ? '' : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(el, arguments[i]);
    }
    return el;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(parent, c); });
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  function badge(kind, value) {
    return h('span', { class: 'badge ' + kind + '-' + value }, label(value) + (kind === 'risk' ? ' risk' : ''));
  }

  /** The priority class, and the self-harm risk when it says more than the class. */
  function priorityBadges(item) {
    var risk = item.risk && item.risk !== 'NONE' && item.risk !== item.priorityClass ? badge('risk', item.risk) : null;
    return [badge('class', item.priorityClass), risk ? ' ' : null, risk];
  }

  function show(el, visible) {
    el.hidden = !visible;
  }

  /** Re-renders a container, keeping keyboard focus on the element with the same data-focus-key. */
  function keepingFocus(container, render) {
    var active = document.activeElement;
    var key = active && container.contains(active) ? active.getAttribute('data-focus-key') : null;
    render();
    if (key) {
      var again = container.querySelector('[data-focus-key="' + cssEscape(key) + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  var announceTimer = null;

  /** Tells screen-reader users about an update (assertive for crisis alerts). */
  function announce(message, assertive) {
    var region = $(assertive ? 'announce-assertive' : 'announce-polite');
    region.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { region.textContent = message; }, 50);
  }

  function notice(el, message, kind) {
    el.className = 'notice' + (kind ? ' ' + kind : '');
    el.textContent = message || '';
    show(el, !!message);
  }

  // ---------------------------------------------------------------- time

  var serverOffsetMs = 0;

  function now() {
    return Date.now() + serverOffsetMs;
  }

  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) {
      return s + ' s';
    }
    var m = Math.floor(s / 60);
    if (m < 60) {
      return m + ' min';
    }
    var hours = Math.floor(m / 60);
    if (hours < 48) {
      return hours + ' h ' + (m % 60) + ' min';
    }
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function clock(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var m = Math.floor(s / 60);
    if (m >= 60) {
      return duration(ms);
    }
    return m + ':' + String(s % 60).padStart(2, '0');
  }

  function timeOfDay(iso) {
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
  }

  /** Time of day, with the date when it is not today. */
  function shortTime(iso) {
    var d = new Date(iso);
    if (isNaN(d)) {
      return String(iso);
    }
    var time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return d.toDateString() === new Date().toDateString()
      ? time
      : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ' ' + time;
  }

  /** Updates every live time on the page: ages, SLA countdowns, lease countdowns. */
  function tick() {
    var t = now();
    document.querySelectorAll('[data-since]').forEach(function (el) {
      el.textContent = duration(t - Date.parse(el.dataset.since));
    });
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Date.parse(el.dataset.due) - t;
      var kind = el.dataset.kind || 'sla';
      var text;
      var cls;
      if (left <= 0) {
        text = kind === 'lease' ? 'ended' : kind === 'escalation' ? 'now' : 'Overdue ' + clock(-left);
        cls = 'sla-overdue';
      } else {
        text = (kind === 'sla' ? 'due in ' : kind === 'lease' ? 'ends in ' : 'in ') + clock(left);
        cls = left < 120000 ? 'sla-soon' : 'sla-ok';
      }
      if (el.textContent !== text) {
        el.textContent = text;
      }
      el.className = cls;
      var row = el.closest('tr');
      if (row && kind === 'sla') {
        row.classList.toggle('overdue', left <= 0);
      }
    });
    renderBreak();
  }

  // ---------------------------------------------------------------- the API

  function ApiError(status, detail, retryAfter) {
    this.status = status;
    this.message = detail;
    this.retryAfter = retryAfter;
  }
  ApiError.prototype = Object.create(Error.prototype);

  var session = { token: null, me: null, grants: [], views: [] };

  /** Calls the review API with the signed-in user's token; answers the parsed JSON (or null). */
  function api(method, path, body, token) {
    var headers = { Accept: 'application/json' };
    headers.Authorization = 'Bearer ' + (token || session.token);
    var init = { method: method, headers: headers, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      var date = response.headers.get('Date');
      if (date && !isNaN(Date.parse(date))) {
        serverOffsetMs = Date.parse(date) + 500 - Date.now();
      }
      if (response.status === 204) {
        return null;
      }
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok) {
          var detail = (json && (json.detail || json.title)) || ('HTTP ' + response.status);
          var error = new ApiError(response.status, detail, response.headers.get('Retry-After'));
          if (response.status === 401 && !token) {
            signOut('Your session ended: the token is no longer accepted. Please sign in again.');
          }
          throw error;
        }
        return json;
      });
    }, function () {
      throw new ApiError(0, 'The review service cannot be reached.');
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      if (params[k] !== '' && params[k] !== null && params[k] !== undefined) {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  // ---------------------------------------------------------------- evidence highlighting

  function categoryLabel(category) {
    return label(category).toLowerCase();
  }

  /**
   * The evidence spans of a text, sorted, overlaps merged, clamped to the text's length (when known).
   * Offsets are UTF-16 code units, as both Java and JavaScript count them.
   */
  function spans(evidence, length) {
    var list = (evidence || [])
      .filter(function (e) {
        return e && Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end > e.start;
      })
      .map(function (e) {
        var s = Math.min(e.start, length === undefined ? e.start : length);
        var end = Math.min(e.end, length === undefined ? e.end : length);
        return {
          start: s, end: end, text: typeof e.text === 'string' ? e.text : '',
          categories: [e.category], cues: [categoryLabel(e.category) + ': ' + e.cue]
        };
      })
      .filter(function (s) { return s.end > s.start; })
      .sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var merged = [];
    list.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s.start < last.end) {
        if (s.end > last.end) {
          last.text += s.text.substring(last.end - s.start);
          last.end = s.end;
        }
        s.categories.forEach(function (c) { if (last.categories.indexOf(c) < 0) { last.categories.push(c); } });
        s.cues.forEach(function (c) { if (last.cues.indexOf(c) < 0) { last.cues.push(c); } });
      } else {
        merged.push(s);
      }
    });
    return merged;
  }

  function mark(text, span) {
    return h('mark', { class: 'ev ev-' + span.categories[0], title: span.cues.join(', ') },
      text, h('span', { class: 'visually-hidden' }, ' (evidence, ' + span.cues.join(', ') + ')'));
  }

  /** The whole text with its evidence spans marked: a fragment of text nodes and mark elements. */
  function highlight(text, evidence) {
    var fragment = document.createDocumentFragment();
    var pos = 0;
    spans(evidence, text.length).forEach(function (s) {
      if (s.start > pos) {
        fragment.appendChild(document.createTextNode(text.substring(pos, s.start)));
      }
      fragment.appendChild(mark(text.substring(s.start, s.end), s));
      pos = s.end;
    });
    if (pos < text.length) {
      fragment.appendChild(document.createTextNode(text.substring(pos)));
    }
    return fragment;
  }

  /** Without the whole text: the evidence spans at their offsets, with the gaps between them elided. */
  function excerpts(evidence) {
    var fragment = document.createDocumentFragment();
    var pos = 0;
    spans(evidence).forEach(function (s) {
      if (s.start > pos) {
        var skipped = s.start - pos;
        fragment.appendChild(h('span', { class: 'gap', title: skipped + ' characters not shown' }, ' … ',
          h('span', { class: 'visually-hidden' }, '(' + skipped + ' characters not shown) ')));
      }
      fragment.appendChild(mark(s.text, s));
      pos = s.end;
    });
    fragment.appendChild(h('span', { class: 'gap' }, ' …'));
    return fragment;
  }

  // ---------------------------------------------------------------- sign in and out

  function signIn(token) {
    return api('GET', '/v1/me', undefined, token).then(function (me) {
      session.token = token;
      session.me = me;
      session.grants = me.grants || me.roles || [];
      sessionStorage.setItem(KEYS.token, token);
      return start();
    });
  }

  function signOut(message) {
    var held = currentItem && isMine(currentItem.item) ? currentItem.item.itemId : null;
    var token = session.token;
    if (held && token) {
      // hand a claimed item back at once rather than leaving it leased until the lease ends
      api('POST', '/v1/items/' + encodeURIComponent(held) + '/release', undefined, token).catch(function () {});
    }
    stopPolling();
    [KEYS.token, KEYS.item, KEYS.streak, KEYS.breakUntil].forEach(function (k) { sessionStorage.removeItem(k); });
    session = { token: null, me: null, grants: [], views: [] };
    currentItem = null;
    queueState = { ids: null, items: [] };
    alertState = { ids: null, available: null, rendered: null };
    ['queue-filters', 'alert-filters', 'audit-filters'].forEach(function (id) { $(id).reset(); });
    notice($('queue-message'), '');
    notice($('alerts-message'), '');
    clear($('queue-rows'));
    clear($('alert-rows'));
    clear($('audit-rows'));
    showItem(null);
    ['queue-view', 'alerts-view', 'audit-view', 'nav', 'who', 'live'].forEach(function (id) { show($(id), false); });
    show($('signin-view'), true);
    $('token').value = '';
    $('signin-error').textContent = message || '';
    $('token').focus();
    if (!message) {
      announce('Signed out.');
    }
  }

  function has(role) {
    return session.grants.indexOf(role) >= 0;
  }

  /** Works out the views from the caller's roles, confirming the alerts view with the API. */
  function start() {
    var views = [];
    if (has('MODERATOR')) {
      views.push('queue');
    }
    var probe = Promise.resolve();
    if (has('ONCALL') || has('LEAD') || has('ADMIN')) {
      probe = api('GET', '/v1/alerts' + query({ state: 'OPEN', limit: 1 })).then(function () {
        alertState.available = true;
        views.push('alerts');
      }, function (error) {
        if (error.status === 403) {
          return; // this role may not see alerts
        }
        if (has('ONCALL')) {
          views.push('alerts'); // shown with the reason it is empty
          alertState.available = error.status === 404 ? false : null;
          notice($('alerts-message'), error.status === 404
            ? 'The alerts API is not available on this server yet.'
            : 'Alerts cannot be loaded: ' + error.message, 'error');
        }
      });
    }
    return probe.then(function () {
      if (has('LEAD')) {
        views.push('audit');
      }
      session.views = views;
      show($('signin-view'), false);
      show($('nav'), views.length > 1);
      show($('nav-queue'), views.indexOf('queue') >= 0);
      show($('nav-alerts'), views.indexOf('alerts') >= 0);
      show($('nav-audit'), views.indexOf('audit') >= 0);
      show($('lane-field'), has('LEAD'));
      $('who-name').textContent = session.me.name;
      $('who-roles').textContent = (session.me.roles || []).map(function (r) { return r.toLowerCase(); }).join(', ');
      show($('who'), true);
      show($('live'), true);
      if (!views.length) {
        notice($('queue-message'), 'Your roles give you no view in this console.', 'error');
        show($('queue-view'), true);
        return;
      }
      var wanted = (location.hash || '').substring(1);
      openView(views.indexOf(wanted) >= 0 ? wanted : views[0], true);
      restoreItem();
      renderStreak();
      startPolling();
    });
  }

  // ---------------------------------------------------------------- views and polling

  var activeView = null;

  function openView(view, focusHeading) {
    activeView = view;
    ['queue', 'alerts', 'audit'].forEach(function (v) {
      show($(v + '-view'), v === view);
      var link = $('nav-' + v);
      if (v === view) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    if (location.hash !== '#' + view) {
      history.replaceState(null, '', '#' + view);
    }
    document.title = label(view === 'queue' ? 'Queue' : view === 'alerts' ? 'Crisis alerts' : 'Audit log')
      + ' · modpipe moderator console';
    if (focusHeading) {
      $(view + '-title').focus();
    }
    refresh();
  }

  var pollTimer = null;
  var polling = false;
  var lastOk = null;

  function pollMs() {
    var configured = parseInt(localStorage.getItem(KEYS.pollMs), 10);
    return configured >= 500 && configured <= 60000 ? configured : DEFAULT_POLL_MS;
  }

  function startPolling() {
    polling = true;
    schedule();
  }

  function stopPolling() {
    polling = false;
    clearTimeout(pollTimer);
    pollTimer = null;
  }

  function schedule() {
    clearTimeout(pollTimer);
    pollTimer = null;
    if (!polling) {
      return;
    }
    if (document.hidden) {
      setLive('paused', 'Paused while this tab is hidden');
      return; // resumed by the visibilitychange handler
    }
    pollTimer = setTimeout(function () {
      refresh().then(schedule, schedule);
    }, pollMs());
  }

  function setLive(kind, text) {
    var live = $('live');
    live.className = 'live' + (kind ? ' ' + kind : '');
    live.dataset.state = kind || 'live';
    $('live-text').textContent = text;
  }

  /** Reloads what the current view shows (and the open-alert count, for users who see alerts). */
  function refresh() {
    if (!session.token || !activeView) {
      return Promise.resolve();
    }
    var work = [];
    if (activeView === 'queue') {
      work.push(loadQueue());
      if (currentItem) {
        work.push(reloadItem());
      }
    } else if (activeView === 'audit') {
      work.push(loadAudit());
    }
    if (session.views.indexOf('alerts') >= 0 && alertState.available !== false) {
      work.push(loadAlerts());
    }
    return Promise.all(work).then(function () {
      lastOk = new Date();
      setLive('', 'Live · updated ' + lastOk.toLocaleTimeString());
    }, function (error) {
      if (session.token) {
        setLive('failing', 'Update failed, retrying: ' + error.message);
      }
    });
  }

  document.addEventListener('visibilitychange', function () {
    if (!polling) {
      return;
    }
    if (document.hidden) {
      clearTimeout(pollTimer);
      pollTimer = null;
      setLive('paused', 'Paused while this tab is hidden');
    } else {
      refresh().then(schedule, schedule); // catch up at once
    }
  });

  // ---------------------------------------------------------------- the queue

  var queueState = { ids: null, items: [] };

  function queueFilters() {
    return {
      category: $('filter-category').value,
      risk: $('filter-risk').value,
      lane: has('LEAD') ? $('filter-lane').value : ''
    };
  }

  function loadQueue() {
    var f = queueFilters();
    var path = '/v1/queue' + query({ category: f.category, risk: f.risk, lane: f.lane, limit: QUEUE_PAGE });
    return api('GET', path).then(function (page) {
      renderQueue(page, f);
    });
  }

  function postRef(item) {
    return item.platform + ':' + item.postId;
  }

  function renderQueue(page, filters) {
    var items = page.items || [];
    var previous = queueState.ids;
    var ids = items.map(function (i) { return i.itemId; });
    var fresh = previous ? ids.filter(function (id) { return previous.indexOf(id) < 0; }) : [];
    var key = JSON.stringify(filters);
    var sameFilters = queueState.key === key;
    if (!sameFilters) {
      fresh = [];
    }
    var changed = !previous || ids.join() !== previous.join();
    queueState = { ids: ids, items: items, key: key };
    $('queue-count').textContent = '(' + items.length + (page.nextCursor ? '+' : '') + ' open)';
    show($('queue-empty'), items.length === 0);
    var tbody = $('queue-rows');
    clear(tbody);
    items.forEach(function (item, index) {
      var row = h('tr', {
        class: (item.overdue ? 'overdue' : '') + (fresh.indexOf(item.itemId) >= 0 ? ' fresh' : ''),
        data: { itemId: item.itemId, postId: item.postId }
      },
      h('td', null, index + 1),
      h('td', null, h('div', { class: 'badges tight' }, priorityBadges(item), (item.categories || [])
        .filter(function (c) { return c !== item.priorityClass; })
        .map(function (c) { return badge('cat', c); }))),
      h('td', null, h('span', { class: 'post-ref' }, item.postId),
        h('span', { class: 'hint block' }, item.platform + (item.language ? ' · ' + item.language : ''))),
      h('td', null, h('span', { data: { since: item.receivedAt } }, duration(item.ageSeconds * 1000))),
      h('td', null, item.slaDueAt
        ? h('span', { data: { due: item.slaDueAt, kind: 'sla' } }, item.overdue ? 'Overdue' : '')
        : '—'));
      tbody.appendChild(row);
    });
    tick();
    if (previous && changed && sameFilters) {
      var overdue = items.filter(function (i) { return i.overdue; }).length;
      announce('Queue updated: ' + items.length + ' open' + (fresh.length ? ', ' + fresh.length + ' new' : '')
        + (overdue ? ', ' + overdue + ' overdue' : '') + '.');
    }
  }

  // ---------------------------------------------------------------- wellbeing

  function crisisLimit() {
    var n = parseInt(localStorage.getItem(KEYS.crisisLimit), 10);
    return n >= 1 && n <= 50 ? n : DEFAULT_CRISIS_LIMIT;
  }

  function streak() {
    return parseInt(sessionStorage.getItem(KEYS.streak), 10) || 0;
  }

  function setStreak(n) {
    sessionStorage.setItem(KEYS.streak, String(n));
    renderStreak();
  }

  /** A crisis item: self-harm at HIGH or IMMINENT risk. */
  function isCrisis(item) {
    return (item.categories || []).indexOf('SELF_HARM') >= 0 && (item.risk === 'HIGH' || item.risk === 'IMMINENT');
  }

  function renderStreak() {
    var n = streak();
    var limit = crisisLimit();
    var el = $('streak-text');
    el.textContent = 'Crisis items in a row: ' + n + ' of ' + limit;
    el.classList.toggle('near', n >= limit - 1);
    if (document.activeElement !== $('crisis-limit')) {
      $('crisis-limit').value = String(limit);
    }
  }

  function breakUntil() {
    return parseInt(sessionStorage.getItem(KEYS.breakUntil), 10) || 0;
  }

  function renderBreak() {
    var until = breakUntil();
    var left = until - Date.now();
    var onBreak = left > 0;
    if (until && !onBreak) {
      sessionStorage.removeItem(KEYS.breakUntil); // the break is over: a fresh start
      setStreak(0);
      announce('Your break is over. Welcome back.');
    }
    show($('break-banner'), onBreak);
    $('claim-next').disabled = onBreak || claiming;
    if (onBreak) {
      $('break-text').textContent = 'On a break · ' + clock(left) + ' left. Claiming is paused.';
    }
  }

  function endBreak() {
    sessionStorage.setItem(KEYS.breakUntil, '1'); // in the past: renderBreak ends it
    renderBreak();
    $('claim-next').focus();
  }

  /** Claim next, after the break prompt when the moderator reached the crisis limit. */
  function onClaimNext() {
    if (streak() >= crisisLimit()) {
      var dialog = $('break-dialog');
      $('break-count').textContent = 'You have reviewed ' + streak() + ' crisis items in a row (your limit is '
        + crisisLimit() + ').';
      dialog.returnValue = '';
      dialog.showModal();
      $('take-break').focus();
      return;
    }
    claimNext();
  }

  var claiming = false;

  function claimNext() {
    var f = queueFilters();
    var button = $('claim-next');
    claiming = true;
    button.disabled = true;
    notice($('queue-message'), '');
    return api('POST', '/v1/queue/claim', {
      category: f.category || undefined,
      risk: f.risk || undefined,
      lane: f.lane || undefined
    }).then(function (item) {
      if (!item) {
        notice($('queue-message'), 'Nothing to claim' + (f.category || f.risk ? ' with these filters.' : '.'));
        announce('Nothing to claim.');
        return null;
      }
      setStreak(isCrisis(item) ? streak() + 1 : 0);
      return openItem(item.itemId, true).then(loadQueue);
    }).catch(function (error) {
      notice($('queue-message'), 'Claim failed: ' + error.message, 'error');
    }).then(function () {
      claiming = false;
      renderBreak();
    });
  }

  // ---------------------------------------------------------------- the item

  var currentItem = null; // the detail of the claimed item
  var revealed = false;

  function isMine(item) {
    return !!(item && session.me && item.state === 'CLAIMED' && item.holder === session.me.name);
  }

  function restoreItem() {
    var id = sessionStorage.getItem(KEYS.item);
    if (id && session.views.indexOf('queue') >= 0) {
      openItem(id, false).catch(function () { sessionStorage.removeItem(KEYS.item); });
    }
  }

  function openItem(itemId, focus) {
    return api('GET', '/v1/items/' + encodeURIComponent(itemId)).then(function (detail) {
      revealed = false;
      currentItem = detail;
      sessionStorage.setItem(KEYS.item, itemId);
      showItem(detail);
      if (focus) {
        $('item-title').focus();
      }
      announce('Claimed ' + label(detail.item.priorityClass) + ' item ' + postRef(detail.item) + '.');
    });
  }

  function reloadItem() {
    var id = currentItem.item.itemId;
    return api('GET', '/v1/items/' + encodeURIComponent(id)).then(function (detail) {
      if (!currentItem || currentItem.item.itemId !== id) {
        return;
      }
      var was = currentItem;
      currentItem = detail;
      if (!isMine(detail.item)) {
        closeItem(was.item.state === 'CLAIMED' && detail.item.state === 'OPEN'
          ? 'Your claim on ' + postRef(detail.item) + ' ended; the item is back in the queue.'
          : 'The item ' + postRef(detail.item) + ' is no longer yours (' + label(detail.item.state) + ').', 'error');
        return;
      }
      if (JSON.stringify(was) !== JSON.stringify(detail)) {
        renderItemHead(detail);
      }
    });
  }

  function closeItem(message, kind) {
    currentItem = null;
    sessionStorage.removeItem(KEYS.item);
    showItem(null);
    notice($('queue-message'), message, kind || 'ok');
    announce(message);
  }

  /** Whether the post's text hides behind a content warning: self-harm, or hate. */
  function warningFor(detail) {
    var item = detail.item;
    var reasons = [];
    if ((item.categories || []).indexOf('SELF_HARM') >= 0) {
      reasons.push('self-harm' + (item.risk && item.risk !== 'NONE' ? ' (' + label(item.risk).toLowerCase() + ' risk)' : ''));
    }
    var subs = (detail.classification && detail.classification.subcategories) || {};
    var hate = subs['harmful/hate'] || 0;
    var strongestHarmful = Object.keys(subs).filter(function (k) { return k.indexOf('harmful/') === 0; })
      .reduce(function (best, k) { return subs[k] > (subs[best] || -1) ? k : best; }, null);
    if ((item.categories || []).indexOf('HARMFUL') >= 0 && (strongestHarmful === 'harmful/hate' || hate >= 0.5)) {
      reasons.push('hate');
    }
    var cues = (detail.evidence || []).some(function (e) { return e.cue === 'harmful/hate' || e.cue === 'hate'; });
    if (cues && reasons.indexOf('hate') < 0) {
      reasons.push('hate');
    }
    return reasons;
  }

  function showItem(detail) {
    show($('item-empty'), !detail);
    show($('item'), !!detail);
    if (!detail) {
      clear($('post-text'));
      clear($('evidence-list'));
      return;
    }
    renderItemHead(detail);
    renderPost(detail);
    renderClassification(detail);
    renderHistory(detail);
    renderDecisionForm(detail);
  }

  function renderItemHead(detail) {
    var item = detail.item;
    $('item-title').textContent = label(item.priorityClass) + ' · ' + postRef(item);
    var badges = $('item-badges');
    clear(badges);
    append(badges, priorityBadges(item));
    (item.categories || []).forEach(function (c) { badges.appendChild(badge('cat', c)); });
    var meta = $('item-meta');
    clear(meta);
    function row(term, value) {
      append(meta, [h('dt', null, term), h('dd', null, value)]);
    }
    row('Received', h('span', { title: timeOfDay(item.receivedAt) },
      h('span', { data: { since: item.receivedAt } }, duration(item.ageSeconds * 1000)), ' ago'));
    row('SLA', item.slaDueAt ? h('span', { data: { due: item.slaDueAt, kind: 'sla' } }) : '—');
    row('Your claim', item.leaseExpiresAt && isMine(item)
      ? h('span', { data: { due: item.leaseExpiresAt, kind: 'lease' } })
      : label(item.state));
    row('Language', item.language || 'unknown');
    row('Revision', String(item.revision));
    row('Lane', item.lane === 'ESCALATED' ? 'Escalated to leads' : 'Main');
    var notes = [];
    if (item.raisedFrom) {
      notes.push('Risk raised from ' + label(item.raisedFrom).toLowerCase() + ': the author posted repeatedly at moderate risk.');
    }
    if (item.latestRevisionFlagged === false) {
      notes.push('The latest edit of this post is no longer flagged; the item stays open because an edit can hide a cry for help.');
    }
    if (detail.classification && detail.classification.degraded) {
      notes.push('Part of the pipeline failed for this post (degraded): judge it yourself.');
    }
    notice($('item-notes'), notes.join(' '));
    tick();
  }

  function renderPost(detail) {
    var reasons = warningFor(detail);
    var hidden = reasons.length > 0 && !revealed;
    $('content-warning-text').textContent = reasons.length
      ? 'Content warning: ' + reasons.join(' and ') + '. The post is hidden until you choose to see it.'
      : '';
    show($('content-warning'), reasons.length > 0 && !revealed);
    $('reveal').setAttribute('aria-expanded', String(!hidden));
    show($('post-body'), !hidden);
    show($('hide-post'), reasons.length > 0 && revealed);
    var text = $('post-text');
    clear(text);
    var list = $('evidence-list');
    clear(list);
    if (hidden) {
      return; // nothing of the post reaches the page until it is revealed
    }
    var evidence = detail.evidence || [];
    var whole = detail.classification && typeof detail.classification.text === 'string'
      ? detail.classification.text : null;
    if (whole !== null) {
      $('post-source').textContent = 'The whole post, with the classifier\'s evidence marked.';
      text.appendChild(highlight(whole, evidence));
    } else {
      $('post-source').textContent = 'This verdict does not carry the post\'s text: the flagged passages are '
        + 'shown at their place in the post, with what lies between them left out.';
      if (evidence.length) {
        text.appendChild(excerpts(evidence));
      } else {
        text.appendChild(h('span', { class: 'gap' }, 'No evidence spans for this post.'));
      }
    }
    evidence.forEach(function (e) {
      list.appendChild(h('li', null, badge('cat', e.category), ' ', e.cue, ': “', e.text, '”',
        h('span', { class: 'hint' }, ' (characters ' + e.start + '–' + e.end + ')')));
    });
  }

  function renderClassification(detail) {
    var box = $('classification');
    clear(box);
    var c = detail.classification;
    if (!c) {
      box.appendChild(h('p', { class: 'hint' }, 'No classification is stored for this item.'));
      return;
    }
    var grid = h('div', { class: 'scores' });
    Object.keys(c.scores || {}).sort().forEach(function (cat, i) {
      var id = 'score-' + i;
      var value = c.scores[cat];
      append(grid, [
        h('span', { id: id }, label(cat)),
        h('meter', { min: 0, max: 1, value: value, low: 0.5, high: 0.8, optimum: 0, 'aria-labelledby': id }),
        h('span', null, value.toFixed(2))
      ]);
    });
    box.appendChild(grid);
    var subs = Object.keys(c.subcategories || {})
      .filter(function (k) { return c.subcategories[k] >= 0.1; })
      .sort(function (a, b) { return c.subcategories[b] - c.subcategories[a]; })
      .map(function (k) { return k + ' ' + c.subcategories[k].toFixed(2); });
    if (subs.length) {
      box.appendChild(h('p', null, 'Strongest signals: ', subs.join(', ')));
    }
    box.appendChild(h('p', { class: 'hint' }, 'Model ' + c.modelVersion + ', classified ' + timeOfDay(c.classifiedAt)));
  }

  function renderHistory(detail) {
    var list = $('history');
    clear(list);
    var history = detail.authorHistory || [];
    if (!history.length) {
      list.appendChild(h('li', { class: 'hint' }, 'No other flagged posts by this author recently.'));
      return;
    }
    history.forEach(function (e) {
      list.appendChild(h('li', null,
        h('span', { class: 'post-ref' }, e.postId), ' ',
        badge('class', e.priorityClass), ' ',
        (e.categories || []).map(function (c) { return badge('cat', c); }),
        ' ', h('span', { class: 'hint' }, timeOfDay(e.receivedAt) + ' · ' + label(e.state)
          + (e.decision ? ' · decided: ' + label(e.decision) : ''))));
    });
  }

  function renderDecisionForm(detail) {
    var form = $('decision-form');
    form.reset();
    $('decision-error').textContent = '';
    var mine = isMine(detail.item);
    Array.prototype.forEach.call(form.elements, function (el) { el.disabled = !mine; });
    var corrections = $('corrections');
    clear(corrections);
    var flagged = detail.item.categories || [];
    if (flagged.length) {
      corrections.appendChild(h('span', { class: 'hint' }, 'Optional, the classifier was wrong about: '));
      flagged.forEach(function (c) {
        corrections.appendChild(h('label', null,
          h('input', { type: 'checkbox', name: 'wrong', value: c, disabled: !mine }), ' ' + label(c)));
      });
    }
  }

  function decide(event) {
    event.preventDefault();
    if (!currentItem) {
      return;
    }
    var form = $('decision-form');
    var action = form.querySelector('input[name="action"]:checked');
    var reason = $('reason').value.trim();
    var error = $('decision-error');
    if (!action) {
      error.textContent = 'Choose a decision.';
      form.querySelector('input[name="action"]').focus();
      return;
    }
    if (!reason) {
      error.textContent = 'Give a reason for the decision.';
      $('reason').focus();
      return;
    }
    var correction = {};
    form.querySelectorAll('input[name="wrong"]:checked').forEach(function (c) { correction[c.value] = false; });
    var body = { action: action.value, reason: reason };
    if (Object.keys(correction).length) {
      body.labelCorrection = correction;
    }
    var item = currentItem.item;
    $('decide').disabled = true;
    api('POST', '/v1/items/' + encodeURIComponent(item.itemId) + '/decision', body).then(function (decision) {
      closeItem('Decision recorded: ' + label(decision.action) + ' for ' + postRef(item) + '.', 'ok');
      $('claim-next').focus();
      return loadQueue();
    }, function (e) {
      $('decide').disabled = false;
      if (e.status === 503) {
        error.textContent = 'Not recorded: the decision could not be published (' + e.message + '). Your claim is kept; '
          + 'try again' + (e.retryAfter ? ' in ' + e.retryAfter + ' s.' : '.');
      } else if (e.status === 409) {
        error.textContent = 'Not recorded: ' + e.message;
        reloadItem().catch(function () {});
      } else if (e.status !== 401) {
        error.textContent = 'Not recorded: ' + e.message;
      }
    });
  }

  function release() {
    if (!currentItem) {
      return;
    }
    var item = currentItem.item;
    api('POST', '/v1/items/' + encodeURIComponent(item.itemId) + '/release').then(function () {
      closeItem('Released ' + postRef(item) + ' back to the queue.', 'ok');
      $('claim-next').focus();
      return loadQueue();
    }, function (e) {
      $('decision-error').textContent = 'Release failed: ' + e.message;
    });
  }

  // ---------------------------------------------------------------- alerts

  var alertState = { ids: null, available: null, rendered: null };
  var ACTIVE = 'ACTIVE'; // OPEN and ESCALATED: nobody acknowledged them yet

  function alertsOf(body) {
    return Array.isArray(body) ? body : (body && body.alerts) || [];
  }

  function byOpenedDesc(a, b) {
    return Date.parse(b.openedAt) - Date.parse(a.openedAt);
  }

  /** The alerts in a state; ACTIVE merges OPEN and ESCALATED. */
  function fetchAlerts(state) {
    if (state === ACTIVE) {
      return Promise.all([fetchAlerts('OPEN'), fetchAlerts('ESCALATED')]).then(function (lists) {
        return lists[0].concat(lists[1]).sort(byOpenedDesc);
      });
    }
    return api('GET', '/v1/alerts' + query({ state: state, limit: 200 })).then(alertsOf);
  }

  function loadAlerts() {
    var state = $('alert-state').value;
    if (activeView === 'alerts') {
      return fetchAlerts(state).then(function (alerts) {
        renderAlerts(alerts, state);
        if (state !== ACTIVE) {
          return fetchAlerts(ACTIVE).then(countActive);
        }
        return null;
      });
    }
    return fetchAlerts(ACTIVE).then(countActive);
  }

  /** The count beside "Alerts", and an assertive announcement of alerts not seen before. */
  function countActive(active) {
    var ids = active.map(function (a) { return a.alertId; });
    var count = $('alerts-count');
    count.textContent = String(ids.length);
    count.setAttribute('aria-label', ids.length + ' need action');
    show(count, ids.length > 0);
    var previous = alertState.ids;
    alertState.ids = ids;
    if (previous) {
      var fresh = active.filter(function (a) { return previous.indexOf(a.alertId) < 0; });
      if (fresh.length) {
        announce('New crisis alert' + (fresh.length > 1 ? 's' : '') + ': ' + fresh.map(function (a) {
          return label(a.risk) + ' risk, ' + a.platform + ':' + a.postId;
        }).join('; ') + '.', true);
      }
    }
  }

  function who(alert) {
    if (alert.state === 'ACKED' && alert.ackedBy) {
      return ' by ' + alert.ackedBy;
    }
    if (alert.state === 'RESOLVED' && alert.resolvedBy) {
      return ' by ' + alert.resolvedBy;
    }
    if (alert.state === 'CANCELLED' && alert.cancelReason) {
      return ': ' + alert.cancelReason;
    }
    return '';
  }

  function renderAlerts(alerts, state) {
    if (state === ACTIVE) {
      countActive(alerts);
    }
    $('alerts-total').textContent = '(' + alerts.length + ' '
      + (state === ACTIVE ? 'need action' : label(state).toLowerCase()) + ')';
    show($('alerts-empty'), alerts.length === 0);
    var signature = state + JSON.stringify(alerts);
    if (alertState.rendered === signature) {
      return; // unchanged: keep the rows (and what is expanded in them); times tick by themselves
    }
    alertState.rendered = signature;
    var tbody = $('alert-rows');
    var expanded = Array.prototype.map.call(tbody.querySelectorAll('details[open]'), function (d) {
      return d.dataset.alertId;
    });
    keepingFocus(tbody, function () {
      clear(tbody);
      alerts.forEach(function (a) {
        var active = a.state === 'OPEN' || a.state === 'ESCALATED';
        var ref = a.platform + ':' + a.postId;
        var evidence = a.evidence || [];
        tbody.appendChild(h('tr', { data: { alertId: a.alertId, postId: a.postId } },
          h('td', null, badge('risk', a.risk)),
          h('td', null, badge('state', a.state), h('span', { class: 'hint' }, who(a))),
          h('td', null, 'Tier ' + a.tier, a.tierName ? h('span', { class: 'hint block' }, a.tierName) : null),
          h('td', null, active
            ? (a.exhausted
              ? h('span', { class: 'sla-overdue' }, 'Every tier notified, no acknowledgement')
              : (a.nextEscalationAt
                ? h('span', null, 'next tier ', h('span', { data: { due: a.nextEscalationAt, kind: 'escalation' } }))
                : '—'))
            : '—',
          a.notifiedAt ? null : h('span', { class: 'hint block' }, 'not delivered yet')),
          h('td', null, h('span', { class: 'post-ref' }, a.postId), h('span', { class: 'hint block' }, a.platform)),
          h('td', { class: 'nowrap' }, a.openedAt ? [h('span', { data: { since: a.openedAt } }), ' ago'] : '—'),
          h('td', null, evidence.length
            ? h('details', { data: { alertId: a.alertId }, open: expanded.indexOf(a.alertId) >= 0 },
              h('summary', null, evidence.length + (evidence.length > 1 ? ' passages' : ' passage')),
              h('ul', { class: 'evidence-list' }, evidence.map(function (e) {
                return h('li', null, e.cue, ': “', e.text, '”');
              })))
            : '—'),
          h('td', null, h('div', { class: 'row-actions' },
            !has('ONCALL')
              ? h('span', { class: 'hint' }, 'read only')
              : null,
            active && has('ONCALL')
              ? h('button', {
                type: 'button', class: 'button primary small', 'data-focus-key': 'ack-' + a.alertId,
                'aria-label': 'Acknowledge the alert for ' + ref, onclick: function () { alertAction(a, 'ack'); }
              }, 'Acknowledge')
              : null,
            has('ONCALL') && (active || a.state === 'ACKED')
              ? h('button', {
                type: 'button', class: 'button secondary small', 'data-focus-key': 'resolve-' + a.alertId,
                'aria-label': 'Resolve the alert for ' + ref, onclick: function () { alertAction(a, 'resolve'); }
              }, 'Resolve')
              : null))));
      });
    });
    tick();
  }

  function alertAction(alert, action) {
    var ref = alert.platform + ':' + alert.postId;
    api('POST', '/v1/alerts/' + encodeURIComponent(alert.alertId) + '/' + action).then(function (after) {
      var message = (action === 'ack' ? 'Acknowledged' : 'Resolved') + ' the alert for ' + ref
        + (after && after.state ? ' (now ' + label(after.state).toLowerCase() + ').' : '.');
      notice($('alerts-message'), message, 'ok');
      announce(message);
      $('alerts-title').focus();
      return loadAlerts();
    }, function (e) {
      notice($('alerts-message'), (action === 'ack' ? 'Acknowledging' : 'Resolving') + ' failed: ' + e.message, 'error');
      loadAlerts().catch(function () {});
    });
  }

  // ---------------------------------------------------------------- audit

  function loadAudit() {
    var itemId = $('audit-item').value.trim();
    var error = $('audit-error');
    if (itemId && !/^[0-9a-f-]{36}$/.test(itemId)) {
      error.textContent = 'An item or alert id looks like 8c0e…-…: 36 characters of 0-9, a-f and dashes.';
      return Promise.resolve();
    }
    error.textContent = '';
    var since = new Date(now() - parseInt($('audit-since').value, 10) * 1000).toISOString();
    var entries = [];
    function page(cursor, pages) {
      return api('GET', '/v1/audit' + query({ itemId: itemId, since: since, limit: 500, cursor: cursor }))
        .then(function (body) {
          entries = entries.concat(body.entries || []);
          if (body.nextCursor && pages < 4) {
            return page(body.nextCursor, pages + 1);
          }
          return null;
        });
    }
    return page(null, 0).then(function () {
      entries.reverse();
      var tbody = $('audit-rows');
      clear(tbody);
      show($('audit-empty'), entries.length === 0);
      entries.slice(0, 300).forEach(function (e) {
        var id = e.itemId || e.alertId;
        var change = e.before && e.after && e.before.state !== e.after.state
          ? label(e.before.state) + ' → ' + label(e.after.state)
          : (e.after && e.after.state ? label(e.after.state) : '');
        tbody.appendChild(h('tr', null,
          h('td', { class: 'nowrap' }, shortTime(e.at)),
          h('td', null, e.actor),
          h('td', null, e.action),
          h('td', null, id
            ? h('button', {
              type: 'button', class: 'link post-ref', title: 'Show only the entries of ' + id,
              onclick: function () { $('audit-item').value = id; loadAudit().catch(function () {}); }
            }, id)
            : '—'),
          h('td', null, change, e.after && e.after.holder ? ' (' + e.after.holder + ')' : ''),
          h('td', null, e.detail || '')));
      });
    });
  }

  // ---------------------------------------------------------------- wiring

  function init() {
    $('signin-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = $('token').value.trim();
      var error = $('signin-error');
      if (!token) {
        error.textContent = 'Enter your access token.';
        $('token').focus();
        return;
      }
      $('signin-button').disabled = true;
      error.textContent = '';
      signIn(token).catch(function (e) {
        error.textContent = e.status === 401 ? 'That token was not accepted.' : 'Sign-in failed: ' + e.message;
        $('token').select();
        $('token').focus();
      }).then(function () {
        $('signin-button').disabled = false;
        $('token').value = '';
      });
    });
    $('sign-out').addEventListener('click', function () { signOut(); });
    document.querySelectorAll('.nav-link').forEach(function (link) {
      link.addEventListener('click', function () { openView(link.dataset.view, true); });
    });
    ['filter-category', 'filter-risk', 'filter-lane'].forEach(function (id) {
      $(id).addEventListener('change', function () { loadQueue().catch(function () {}); });
    });
    $('queue-filters').addEventListener('submit', function (event) { event.preventDefault(); });
    $('claim-next').addEventListener('click', onClaimNext);
    $('crisis-limit').addEventListener('change', function () {
      var n = parseInt($('crisis-limit').value, 10);
      if (n >= 1 && n <= 50) {
        localStorage.setItem(KEYS.crisisLimit, String(n));
      }
      renderStreak();
    });
    $('end-break').addEventListener('click', endBreak);
    $('take-break').addEventListener('click', function () {
      sessionStorage.setItem(KEYS.breakUntil, String(Date.now() + BREAK_MS));
      $('break-dialog').close('break');
      renderBreak();
      announce('Break started. Claiming is paused for 5 minutes.');
      $('end-break').focus();
    });
    $('continue-anyway').addEventListener('click', function () {
      $('break-dialog').close('continue');
      claimNext();
    });
    $('break-dialog').addEventListener('close', function () {
      if (!$('break-dialog').returnValue) {
        $('claim-next').focus(); // Escape: nothing claimed
      }
    });
    $('reveal').addEventListener('click', function () {
      revealed = true;
      renderPost(currentItem);
      $('post-text').setAttribute('tabindex', '-1');
      $('post-text').focus();
    });
    $('hide-post').addEventListener('click', function () {
      revealed = false;
      renderPost(currentItem);
      $('reveal').focus();
    });
    $('decision-form').addEventListener('submit', decide);
    $('release').addEventListener('click', release);
    $('alert-state').addEventListener('change', function () { loadAlerts().catch(function () {}); });
    $('alert-filters').addEventListener('submit', function (event) { event.preventDefault(); });
    $('audit-filters').addEventListener('submit', function (event) {
      event.preventDefault();
      loadAudit().catch(function (e) { $('audit-error').textContent = e.message; });
    });
    $('audit-since').addEventListener('change', function () { loadAudit().catch(function () {}); });
    setInterval(tick, 1000);

    var token = sessionStorage.getItem(KEYS.token);
    if (token) {
      signIn(token).catch(function () { signOut('Please sign in again.'); });
    } else {
      $('token').focus();
    }
  }

  // exposed for the browser tests of the pure parts
  window.ModConsole = { highlight: highlight, excerpts: excerpts, spans: spans };

  init();
}());
