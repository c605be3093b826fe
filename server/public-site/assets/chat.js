// The anonymous live chat in the browser. The chat id and its token live only in this tab
// (sessionStorage; the quick exit clears it). Every message gets a client id and stays in an
// outbox until the server acknowledges it with its number; after a dropped connection the
// page reconnects, asks for everything after the last number it showed, and resends the
// outbox (the server stores each client id once). When the browser says it went offline the
// connection is treated as gone at once (a dead socket can otherwise linger, silently, for
// minutes); when it is back online the page reconnects without waiting for the next retry.
// No third parties, no inline code.
(function () {
  'use strict';
  var root = document.getElementById('chat');
  if (!root || !('WebSocket' in window)) return;
  var T = JSON.parse(root.getAttribute('data-messages') || '{}');
  var KEY = 'bezbedno.chat';
  var $ = function (id) { return document.getElementById(id); };
  var startForm = $('chat-start');
  var chatWindow = $('chat-window');
  var statusLine = $('chat-status');
  var log = $('chat-log');
  var typingLine = $('chat-typing');
  var compose = $('chat-compose');
  var textarea = $('chat-message');
  var errorLine = $('chat-error');

  $('chat-needs-js').hidden = true;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (e) { return null; }
  }
  function save() {
    if (ended || !state) return;
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* storage off: the chat still works until reload */ }
  }
  function forget() {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* ignore */ }
  }
  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  var state = load(); // { chatId, token, outbox: [{ clientId, body }] }
  var socket = null;
  var lastSeq = 0;
  var shown = {}; // seq → true
  var mine = {}; // client id → the element showing a message written in this page
  var retryMs = 1000;
  var reconnectTimer = null;
  var ended = false;
  var lastTypingSent = 0;
  var typingTimer = null;

  function setStatus(text) { statusLine.textContent = text; }

  function addMessage(sender, body, pendingId) {
    var li = document.createElement('p');
    li.className = 'chat-message from-' + sender + (pendingId ? ' pending' : '');
    if (pendingId) mine[pendingId] = li;
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = (T[sender === 'visitor' ? 'you' : sender] || sender) + ': ';
    var text = document.createElement('span');
    text.className = 'text';
    if (sender === 'counsellor') appendWithLinks(text, body);
    else text.textContent = body;
    li.appendChild(who);
    li.appendChild(text);
    if (pendingId) {
      var note = document.createElement('span');
      note.className = 'pending-note';
      note.textContent = ' (' + T.pending + ')';
      li.appendChild(note);
    }
    log.appendChild(li);
    li.scrollIntoView({ block: 'nearest' });
    return li;
  }

  // Links a counsellor sends (an advice article, a reporting page) can be tapped. Built as
  // elements with textContent, never as HTML; only web addresses and this site's own pages.
  var LINK = /(https?:\/\/[^\s<>"]+|\/(?:advice|report|chat)(?:\/[^\s<>"]*)?)/g;
  function appendWithLinks(element, body) {
    var last = 0;
    body.replace(LINK, function (match, _whole, offset) {
      var url = match.replace(/[.,;:!?)]+$/, '');
      if (offset > last) element.appendChild(document.createTextNode(body.slice(last, offset)));
      var a = document.createElement('a');
      a.href = url;
      a.textContent = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      element.appendChild(a);
      last = offset + url.length;
      return match;
    });
    if (last < body.length) element.appendChild(document.createTextNode(body.slice(last)));
  }

  function confirmDelivered(clientId) {
    var li = mine[clientId];
    if (!li) return;
    li.classList.remove('pending');
    var note = li.querySelector('.pending-note');
    if (note) note.remove();
  }

  function onMessage(m) {
    if (shown[m.seq]) return;
    shown[m.seq] = true;
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.sender === 'visitor' && m.clientId && mine[m.clientId]) {
      confirmDelivered(m.clientId); // shown already, as it was written
    } else {
      addMessage(m.sender, m.body);
    }
    if (m.sender === 'counsellor') typingLine.textContent = '';
  }

  function finish() {
    ended = true;
    forget();
    setStatus(T.ended);
    compose.hidden = true;
    $('chat-new').hidden = false;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (socket) socket.close();
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'message':
        return onMessage(frame);
      case 'ack':
        state.outbox = state.outbox.filter(function (o) { return o.clientId !== frame.clientId; });
        save();
        confirmDelivered(frame.clientId);
        return;
      case 'status':
        if (frame.status === 'ended') return finish();
        if (frame.status === 'active') return setStatus(T.active);
        if (frame.position) {
          return setStatus(frame.position <= 1 ? T.waitingFirst : T.waiting.replace('{{ahead}}', String(frame.position - 1)));
        }
        return;
      case 'typing':
        typingLine.textContent = T.typing;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typingLine.textContent = ''; }, 4000);
        return;
      case 'error':
        if (frame.code === 'not_found') { forget(); ended = true; return finish(); }
        if (frame.code === 'chat_ended') return finish();
        if (frame.code === 'rate_limited') {
          // Too fast: the messages stay in the outbox and go again in a few seconds.
          errorLine.textContent = T.slowDown;
          clearTimeout(resendTimer);
          resendTimer = setTimeout(resendOutbox, 5000);
          return;
        }
        errorLine.textContent = T.notSent;
        return;
    }
  }

  function scheduleReconnect() {
    clearTimeout(reconnectTimer);
    setStatus(T.reconnecting);
    reconnectTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  }

  var resendTimer = null;
  function resendOutbox() {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    errorLine.textContent = '';
    state.outbox.forEach(function (o) { socket.send(JSON.stringify({ type: 'send', clientId: o.clientId, body: o.body })); });
  }

  function connect() {
    if (ended) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/chat/socket';
    var ws = new WebSocket(url);
    socket = ws;
    ws.onopen = function () {
      if (socket !== ws) return;
      retryMs = 1000;
      lastHeard = Date.now();
      errorLine.textContent = '';
      ws.send(JSON.stringify({ type: 'hello', chatId: state.chatId, token: state.token, afterSeq: lastSeq }));
      resendOutbox();
    };
    ws.onmessage = function (event) {
      if (socket !== ws) return; // a connection already given up (its frames come again on the new one)
      lastHeard = Date.now();
      try { onFrame(JSON.parse(event.data)); } catch (e) { /* ignore a frame we cannot read */ }
    };
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      if (ended) return;
      scheduleReconnect();
    };
  }

  function giveUp() {
    if (ended || !socket) return;
    var dead = socket;
    socket = null;
    try { dead.close(); } catch (e) { /* closing anyway */ }
    scheduleReconnect();
  }
  // The quick exit: stop at once, so nothing late (an acknowledgement) writes the chat back.
  window.addEventListener('bezbedno:quick-exit', function () {
    ended = true;
    state = null;
    forget();
    if (socket) socket.close();
  });
  window.addEventListener('offline', giveUp);
  // A connection can die without the browser noticing: ask every 15 s, give up after 40 s of silence.
  var lastHeard = Date.now();
  setInterval(function () {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastHeard > 40000) return giveUp();
    socket.send(JSON.stringify({ type: 'ping' }));
  }, 15000);
  window.addEventListener('online', function () {
    if (ended || reconnectTimer === null) return; // not in a chat, or connected
    retryMs = 1000;
    connect();
  });

  function showWindow() {
    startForm.hidden = true;
    chatWindow.hidden = false;
    // Messages not yet acknowledged before a reload are shown as still being sent.
    state.outbox.forEach(function (o) { addMessage('visitor', o.body, o.clientId); });
    connect();
    textarea.focus();
  }

  startForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = startForm.querySelector('button[type="submit"]');
    button.disabled = true;
    setStatus(T.starting);
    var body = { language: startForm.elements.language.value };
    var nickname = startForm.elements.nickname.value.trim();
    if (nickname) body.nickname = nickname;
    if (startForm.elements.ageGroup.value) body.ageGroup = startForm.elements.ageGroup.value;
    fetch('/api/v1/chats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' })
      .then(function (response) {
        return response.json().then(function (json) { return { status: response.status, json: json }; });
      })
      .then(function (result) {
        if (result.status === 201) {
          state = { chatId: result.json.chatId, token: result.json.token, outbox: [] };
          save();
          return showWindow();
        }
        button.disabled = false;
        var code = result.json && result.json.error && result.json.error.code;
        errorLine.textContent = code === 'chat_closed' ? T.closedNow : code === 'rate_limited' ? T.tooMany : T.startFailed;
        chatWindow.hidden = false;
        compose.hidden = true;
      })
      .catch(function () {
        button.disabled = false;
        setStatus(T.reconnecting);
      });
  });

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = textarea.value.trim();
    if (!body || ended) return;
    var clientId = randomId();
    state.outbox.push({ clientId: clientId, body: body });
    save();
    addMessage('visitor', body, clientId);
    textarea.value = '';
    errorLine.textContent = '';
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'send', clientId: clientId, body: body }));
    textarea.focus();
  });

  textarea.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });
  textarea.addEventListener('input', function () {
    var now = Date.now();
    if (now - lastTypingSent > 2000 && socket && socket.readyState === WebSocket.OPEN) {
      lastTypingSent = now;
      socket.send(JSON.stringify({ type: 'typing' }));
    }
  });

  $('chat-end').addEventListener('click', function () {
    if (!window.confirm(T.endConfirm)) return;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'end' }));
    else finish();
  });

  if (state && state.chatId) showWindow();
  else startForm.hidden = false;
})();
