/* The chat panel (no framework): runs in the loader's iframe (/widget/<org>) or as the hosted page
   of a printed QR code (/chat/<org>/<product>/<qr>). It talks to the chat API (/api/v2/…) like any
   widget, and hears its room live over Server-Sent Events (/api/widget/rooms/<room>/events),
   resuming after a drop with the last event id; polling get_messages (with its ETag) is only the
   fallback. The room is remembered across page loads in localStorage. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("sb-config").textContent);
  var t = cfg.texts;
  var api = cfg.base + "/api/v2/";
  var store = {
    get: function (k) {
      try {
        return localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set: function (k, v) {
      try {
        if (v == null) localStorage.removeItem(k);
        else localStorage.setItem(k, v);
      } catch {}
    },
  };
  var roomKey = "sb-room:" + cfg.org + ":" + cfg.product + (cfg.qr ? ":" + cfg.qr : "");
  var visitor = store.get("sb-visitor");
  if (!visitor) {
    visitor = "v" + Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
    store.set("sb-visitor", visitor);
  }
  var state = {
    room: store.get(roomKey),
    closed: false,
    etag: null,
    messages: [],
    lastEventId: 0,
    visible: cfg.mode === "page",
    unread: 0,
    seen: {},
    sound: store.get("sb-sound") === "on",
  };
  var es = null,
    poll = null,
    typingTimer = null,
    typingSent = 0,
    hideTyping = null,
    file = null,
    sending = false;

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") n.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), attrs[k]);
      else n.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) {
      n.appendChild(c);
    });
    return n;
  }

  // ------------------------------------------------------------------ the page
  var root = document.getElementById("sb-chat");
  var soundBtn = el("button", { type: "button", "data-sb": "sound", "aria-pressed": String(state.sound), onclick: toggleSound });
  var closeBtn = el("button", { type: "button", "data-sb": "close", "aria-label": t.close, text: "×", onclick: closePanel });
  var head = el("header", { class: "sb-head" }, [el("h1", { text: t.title }), soundBtn].concat(cfg.mode === "frame" ? [closeBtn] : []));
  var log = el("div", { class: "sb-log", role: "log", "aria-live": "polite", "aria-label": t.title, "data-sb": "messages", tabindex: "0" });
  var typing = el("div", { class: "sb-typing", "aria-live": "polite", "data-sb": "typing" });
  var notice = el("div", { class: "sb-notice sb-hidden", role: "status", "data-sb": "closed" }, [
    el("div", { text: t.closed }),
    el("button", { type: "button", text: t.newChat, onclick: newChat }),
  ]);
  var offline = el("p", { class: "sb-notice sb-offline sb-hidden", role: "status", "data-sb": "offline", text: t.offline });
  var input = el("textarea", { rows: "1", placeholder: t.placeholder, "aria-label": t.placeholder, "data-sb": "input", maxlength: "5000" });
  var fileInput = el("input", {
    type: "file",
    accept: "image/png,image/jpeg,image/gif,image/webp",
    class: "sr-only",
    tabindex: "-1",
    "aria-hidden": "true",
    "data-sb": "file",
  });
  var attachBtn = el("button", {
    type: "button",
    class: "sb-attach",
    "aria-label": t.attach,
    title: t.attach,
    "data-sb": "attach",
    onclick: function () {
      fileInput.click();
    },
  });
  attachBtn.innerHTML =
    '<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="m21 11-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7"/></svg>';
  var sendBtn = el("button", { type: "submit", "data-sb": "send", text: t.send });
  var preview = el("div", { class: "sb-preview sb-hidden", "data-sb": "preview" });
  var form = el("form", { class: "sb-form", onsubmit: onSubmit }, [attachBtn, fileInput, input, sendBtn]);
  root.appendChild(head);
  root.appendChild(log);
  root.appendChild(typing);
  root.appendChild(offline);
  root.appendChild(notice);
  root.appendChild(preview);
  root.appendChild(form);
  renderSound();

  // ------------------------------------------------------------------ talking to the API
  function call(method, path, body, headers) {
    var init = { method: method, headers: headers || {}, credentials: "omit" };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(api + path, init);
  }

  function ensureRoom() {
    if (state.room && !state.closed) return Promise.resolve(state.room);
    var opening = cfg.qr
      ? call("GET", "init/" + enc(cfg.org) + "/" + enc(cfg.product) + "/" + enc(cfg.qr) + "/?language=" + enc(cfg.language) + "&page_url=" + enc(cfg.pageUrl))
          .then(json)
          .then(function (b) {
            return b.room;
          })
      : call("POST", "room-control/", { user_id: visitor, org_id: cfg.org, product_name: cfg.product, page_url: cfg.pageUrl, language: cfg.language }).then(
          json,
        );
    return opening.then(function (b) {
      if (!b || !b.success) throw new Error((b && b.message) || "room");
      setRoom(b.inserted_id);
      return state.room;
    });
  }

  function setRoom(room) {
    state.room = room;
    state.closed = false;
    state.etag = null;
    state.messages = [];
    state.lastEventId = 0;
    store.set(roomKey, room);
    parent.postMessage({ sb: "room", room: room }, "*");
    notice.classList.add("sb-hidden");
    listen();
  }

  function enc(v) {
    return encodeURIComponent(v || "");
  }
  function json(r) {
    return r.json();
  }

  function refresh() {
    if (!state.room) return Promise.resolve();
    var room = state.room;
    return call("GET", "room-service/?type=get_messages&room_id=" + room, null, state.etag ? { "If-None-Match": state.etag } : {}).then(function (r) {
      if (room !== state.room || r.status === 304) return;
      state.etag = r.headers.get("ETag");
      return r.json().then(function (b) {
        if (!b.success) {
          if (b.message === "Room not found") forget();
          return;
        }
        state.messages = b.response.data;
        render();
      });
    });
  }

  function checkRoom() {
    if (!state.room) return Promise.resolve();
    return call("GET", "room-service/?type=get_room_by_id&room_id=" + state.room)
      .then(json)
      .then(function (b) {
        var r = b.success && b.response && b.response[0];
        if (!r) return forget();
        showClosed(!r.is_active);
      });
  }

  function forget() {
    state.room = null;
    store.set(roomKey, null);
    stopListening();
    render();
  }

  function showClosed(closed) {
    state.closed = closed;
    notice.classList.toggle("sb-hidden", !closed);
    if (closed) {
      stopListening();
      typing.textContent = "";
    }
  }

  // ------------------------------------------------------------------ live
  function listen() {
    stopListening();
    if (!state.room || state.closed) return;
    if (!window.EventSource) return startPolling();
    es = new EventSource(cfg.base + "/api/widget/rooms/" + state.room + "/events" + (state.lastEventId ? "?lastEventId=" + state.lastEventId : ""));
    es.onopen = function () {
      offline.classList.add("sb-hidden");
      stopPolling();
      refresh();
    };
    es.onerror = function () {
      offline.classList.remove("sb-hidden");
      // The browser retries by itself (with Last-Event-ID); poll meanwhile so nothing waits for it.
      startPolling();
    };
    var seen = function (e) {
      var id = Number(e.lastEventId);
      if (id > state.lastEventId) state.lastEventId = id;
      try {
        return JSON.parse(e.data);
      } catch {
        return {};
      }
    };
    es.addEventListener("message.created", function (e) {
      seen(e);
      refresh();
    });
    es.addEventListener("typing", function (e) {
      var d = seen(e);
      if (d.side !== "agent") return;
      clearTimeout(hideTyping);
      typing.textContent = d.typing ? (d.name ? d.name + " · " : "") + t.typing : "";
      if (d.typing)
        hideTyping = setTimeout(function () {
          typing.textContent = "";
        }, 8000);
    });
    ["thread.closed", "thread.reopened", "thread.updated"].forEach(function (name) {
      es.addEventListener(name, function (e) {
        seen(e);
        checkRoom();
      });
    });
  }

  function stopListening() {
    if (es) es.close();
    es = null;
    stopPolling();
  }
  function startPolling() {
    if (poll) return;
    poll = setInterval(function () {
      refresh()
        .then(checkRoom)
        .catch(function () {});
    }, 5000);
  }
  function stopPolling() {
    clearInterval(poll);
    poll = null;
  }

  addEventListener("offline", function () {
    offline.classList.remove("sb-hidden");
    if (es) es.close();
    es = null;
  });
  addEventListener("online", function () {
    listen();
    checkRoom();
  });

  // ------------------------------------------------------------------ drawing
  function isMine(m) {
    return m.author === "client" || (m.author == null && m.side === true);
  }

  function render() {
    log.textContent = "";
    log.appendChild(bubble({ text: cfg.greeting, mine: false, name: t.agent, greeting: true }));
    var fresh = 0;
    state.messages.forEach(function (m) {
      var mine = isMine(m);
      if (!mine && !state.seen[m._id]) fresh++;
      state.seen[m._id] = 1;
      var image = m.message_type && m.message_type.toUpperCase() === "IMAGE" && typeof m.message_data === "string" ? m.message_data : null;
      var files = (m.attachments || []).filter(function (a) {
        return a.url !== image;
      });
      log.appendChild(
        bubble({
          mine: mine,
          name: mine ? t.you : m.author_name || t.agent,
          text: image ? "" : typeof m.message_data === "string" ? m.message_data : JSON.stringify(m.message_data),
          image: image,
          files: files,
          id: m._id,
        }),
      );
    });
    if (fresh && state.rendered) {
      if (!state.visible) {
        state.unread += fresh;
        parent.postMessage({ sb: "unread", count: state.unread }, "*");
      }
      if (state.sound) beep();
    }
    state.rendered = true;
    log.scrollTop = log.scrollHeight;
  }

  function bubble(b) {
    var n = el("div", { class: "sb-msg " + (b.mine ? "sb-me" : "sb-them"), "data-sb": b.greeting ? "greeting" : b.mine ? "mine" : "theirs" });
    if (b.id) n.setAttribute("data-id", b.id);
    n.appendChild(el("small", { text: b.name }));
    if (b.text) n.appendChild(document.createTextNode(b.text));
    if (b.image) n.appendChild(el("img", { src: b.image, alt: t.image, "data-sb": "image" }));
    (b.files || []).forEach(function (f) {
      if (/^image\//.test(f.content_type)) n.appendChild(el("img", { src: f.url, alt: f.name, "data-sb": "image" }));
      else n.appendChild(el("a", { href: f.url, target: "_blank", rel: "noopener", text: f.name }));
    });
    return n;
  }

  // ------------------------------------------------------------------ writing
  function onSubmit(e) {
    e.preventDefault();
    send();
  }

  function send() {
    var text = input.value.trim();
    if ((!text && !file) || sending) return;
    sending = true;
    var picked = file;
    var pending = bubble({ mine: true, name: t.you, text: text, image: picked ? URL.createObjectURL(picked) : null });
    pending.classList.add("sb-pending");
    log.appendChild(pending);
    log.scrollTop = log.scrollHeight;
    input.value = "";
    clearFile();
    stopTyping();
    ensureRoom()
      .then(function (room) {
        var body;
        if (picked) {
          body = new FormData();
          body.set("type", "create_message");
          body.set("room_id", room);
          body.set("message_data", text);
          body.set("message_type", "IMAGE");
          body.set("side", "true");
          body.set("author", "client");
          body.set("file", picked, picked.name);
        } else body = { type: "create_message", room_id: room, message_data: text, side: true, author: "client", message_type: "TEXT" };
        return call("POST", "room-service/", body);
      })
      .then(function (r) {
        return r.json().then(function (b) {
          if (r.status === 409) {
            // The agent closed this room meanwhile: the message starts a new one.
            showClosed(true);
            state.room = null;
            input.value = text;
            throw new Error(b.message);
          }
          if (!b.success) throw new Error(r.status === 429 ? t.tooMany : r.status === 415 ? t.badImage : b.message);
          return refresh();
        });
      })
      .catch(function (err) {
        pending.classList.remove("sb-pending");
        pending.classList.add("sb-failed");
        pending.appendChild(el("small", { text: (err && err.message) || t.failed, "data-sb": "failed" }));
      })
      .then(function () {
        sending = false;
      });
  }

  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  });
  input.addEventListener("input", function () {
    if (!state.room || state.closed) return;
    var now = Date.now();
    if (now - typingSent > 3000) {
      typingSent = now;
      signal(true);
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 4000);
  });
  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingSent) signal(false);
    typingSent = 0;
  }
  function signal(on) {
    if (!state.room) return;
    fetch(cfg.base + "/api/widget/rooms/" + state.room + "/typing", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ typing: on }),
      credentials: "omit",
    }).catch(function () {});
  }

  fileInput.addEventListener("change", function () {
    var f = fileInput.files && fileInput.files[0];
    if (!f) return;
    if (!/^image\/(png|jpeg|gif|webp)$/.test(f.type)) {
      clearFile();
      preview.classList.remove("sb-hidden");
      preview.appendChild(el("span", { text: t.badImage, role: "alert" }));
      return;
    }
    file = f;
    preview.textContent = "";
    preview.classList.remove("sb-hidden");
    preview.appendChild(el("img", { src: URL.createObjectURL(f), alt: f.name, "data-sb": "preview-image" }));
    preview.appendChild(el("button", { type: "button", text: "×", "aria-label": "Remove " + f.name, onclick: clearFile }));
    input.focus();
  });
  function clearFile() {
    file = null;
    fileInput.value = "";
    preview.textContent = "";
    preview.classList.add("sb-hidden");
  }

  function newChat() {
    state.room = null;
    store.set(roomKey, null);
    state.messages = [];
    showClosed(false);
    render();
    input.focus();
  }

  // ------------------------------------------------------------------ sound, visibility, keys
  function toggleSound() {
    state.sound = !state.sound;
    store.set("sb-sound", state.sound ? "on" : "off");
    renderSound();
  }
  function renderSound() {
    soundBtn.textContent = state.sound ? t.soundOn : t.soundOff;
    soundBtn.setAttribute("aria-pressed", String(state.sound));
  }
  function beep() {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var o = ctx.createOscillator(),
        g = ctx.createGain();
      o.frequency.value = 880;
      g.gain.value = 0.05;
      o.connect(g).connect(ctx.destination);
      o.start();
      o.stop(ctx.currentTime + 0.15);
    } catch {}
  }
  function closePanel() {
    parent.postMessage({ sb: "close" }, "*");
  }
  addEventListener("keydown", function (e) {
    if (e.key === "Escape" && cfg.mode === "frame") closePanel();
  });
  addEventListener("message", function (e) {
    if (e.source !== parent || !e.data || !e.data.sb) return;
    state.visible = e.data.sb === "open";
    if (state.visible) {
      state.unread = 0;
      input.focus();
    }
  });

  render();
  if (state.room) {
    parent.postMessage({ sb: "room", room: state.room }, "*");
    checkRoom().then(function () {
      if (state.room && !state.closed) listen();
      return refresh();
    });
  }
  if (cfg.mode === "page") input.focus();
})();
