/* Switchboard chat loader (no framework, keep it under 3 kB gzipped: npm run bench:chat prints it).
   <script src="https://desk.example/widget.js" data-org="…" data-product="…" async></script>
   Draws only a launcher; the chat panel loads in an iframe served by the desk on the first click.
   A returning visitor's room (remembered by the panel) lights the unread badge before that. */
(function () {
  var me = document.currentScript;
  if (!me || window.__sbChat) return;
  window.__sbChat = 1;
  var base = new URL(me.src).origin;
  var org = me.getAttribute("data-org") || "";
  var product = me.getAttribute("data-product") || "";
  var lang = me.getAttribute("data-lang") || navigator.language || "en";
  var tr = /^tr/i.test(lang);
  var key = "sb-chat:" + org + ":" + product;
  var frame,
    open = false,
    unread = 0,
    es;
  var css = "position:fixed;right:20px;z-index:2147483000;";

  var btn = document.createElement("button");
  btn.type = "button";
  btn.setAttribute("aria-label", tr ? "Sohbeti aç" : "Open chat");
  btn.setAttribute("aria-expanded", "false");
  btn.setAttribute("data-sb", "launcher");
  btn.style.cssText =
    css +
    "bottom:20px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:#e11d48;color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);padding:0";
  btn.innerHTML =
    '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="#fff" stroke-width="2" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.5 7.2L4 20l1-4.5A8 8 0 1 1 21 12z"/></svg>' +
    '<span data-sb="badge" style="display:none;position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#111827;color:#fff;font:600 12px/20px system-ui,sans-serif"></span>';
  var badge = btn.lastChild;

  function setBadge(n) {
    unread = n;
    badge.textContent = n > 9 ? "9+" : String(n);
    badge.style.display = n ? "block" : "none";
    btn.setAttribute("aria-label", (tr ? "Sohbeti aç" : "Open chat") + (n ? " (" + n + (tr ? " yeni)" : " new)") : ""));
  }

  function post(msg) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(msg, base);
  }

  function toggle(show) {
    open = show === undefined ? !open : show;
    if (open && !frame) {
      if (es) es.close();
      frame = document.createElement("iframe");
      frame.title = tr ? "Canlı destek" : "Live chat";
      frame.setAttribute("data-sb", "panel");
      frame.src =
        base +
        "/widget/" +
        encodeURIComponent(org) +
        "?product=" +
        encodeURIComponent(product) +
        "&lang=" +
        encodeURIComponent(lang) +
        "&page=" +
        encodeURIComponent(location.href);
      frame.style.cssText =
        css +
        "bottom:88px;width:370px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 110px);border:0;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);background:#fff";
      frame.onload = function () {
        post({ sb: open ? "open" : "hide" });
      };
      document.body.appendChild(frame);
    }
    if (frame) frame.style.display = open ? "block" : "none";
    btn.setAttribute("aria-expanded", String(open));
    post({ sb: open ? "open" : "hide" });
    if (open) setBadge(0);
    else btn.focus();
  }

  btn.onclick = function () {
    toggle();
  };
  addEventListener("message", function (e) {
    var d = e.data;
    if (e.origin !== base || !d || !d.sb) return;
    if (d.sb === "room") {
      try {
        localStorage.setItem(key, d.room || "");
      } catch {}
    } else if (d.sb === "unread" && !open) setBadge(d.count);
    else if (d.sb === "close") toggle(false);
  });

  function start() {
    document.body.appendChild(btn);
    var room;
    try {
      room = localStorage.getItem(key);
    } catch {}
    if (room && /^[0-9a-f]{24}$/.test(room) && window.EventSource) {
      es = new EventSource(base + "/api/widget/rooms/" + room + "/events");
      es.addEventListener("message.created", function (e) {
        if (JSON.parse(e.data).authorRole !== "customer") setBadge(unread + 1);
      });
    }
  }
  if (document.body) start();
  else addEventListener("DOMContentLoaded", start);
})();
