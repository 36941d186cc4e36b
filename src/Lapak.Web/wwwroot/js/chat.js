// The conversation page, live. The server renders the latest messages; this module keeps them current.
// Every message has a dense per-conversation seq. We remember the highest seq shown and, on every (re)connect,
// ask for everything after it (?after=SEQ, in pages until a short page), merging by id and placing by seq, so a
// message is never shown twice and never out of order, whatever arrives first: the push, the catch-up or the
// answer to our own send. Texts come from data-t-* attributes rendered in the page's language.
const root = document.querySelector("[data-chat-conversation]");
if (root) start(root);

function start(root) {
  const live = window.lapakLive;
  const id = root.dataset.chatConversation;
  const me = root.dataset.me;
  const t = (key) => root.dataset["t" + key[0].toUpperCase() + key.slice(1)] ?? key;
  const lang = root.dataset.lang === "en" ? "en-GB" : "id-ID";
  const log = document.getElementById("chat-log");
  const list = document.getElementById("chat-messages");
  const form = document.getElementById("chat-composer");
  const body = form?.querySelector("textarea[name=Body]");
  const typingBox = document.getElementById("chat-typing");
  const status = document.getElementById("chat-status");
  const presence = document.getElementById("chat-presence");
  const older = document.getElementById("chat-older");
  const PAGE = 100;

  // The contract for other chat modules: the page root carries the conversation id.
  document.querySelector("main")?.setAttribute("data-chat-conversation", id);

  const byId = new Map(); // message id -> element
  let lastSeq = 0; // the highest seq on the page
  let oldestSeq = Infinity;
  let delivered = Number(root.dataset.delivered || 0);
  let read = Number(root.dataset.read || 0);
  let catchingUp = null;

  for (const el of list.querySelectorAll(".chat-msg[data-id]")) {
    byId.set(el.dataset.id, el);
    const seq = Number(el.dataset.seq);
    lastSeq = Math.max(lastSeq, seq);
    oldestSeq = Math.min(oldestSeq, seq);
  }
  for (const a of list.querySelectorAll(".chat-text a")) external(a);

  // ---------- rendering ----------

  const timeFmt = new Intl.DateTimeFormat(lang, { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hour12: false });
  const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });
  const dayLabelFmt = new Intl.DateTimeFormat(lang, { timeZone: "Asia/Jakarta", weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const dayKey = (d) => dayFmt.format(d);

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function external(a) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }

  function timeEl(iso) {
    const d = new Date(iso);
    const time = el("time", "", timeFmt.format(d));
    time.dateTime = iso;
    return time;
  }

  function ticksEl(state) {
    const span = el("span", "chat-ticks");
    span.dataset.state = state;
    const icon = el("i", "bi " + (state === "sent" ? "bi-check2" : "bi-check2-all"));
    icon.setAttribute("aria-hidden", "true");
    span.append(icon, el("span", "visually-hidden", t(state)));
    return span;
  }

  function tickState(seq) {
    return seq <= read ? "read" : seq <= delivered ? "delivered" : "sent";
  }

  function renderMessage(m) {
    const mine = m.senderId === me && m.kind === "text";
    const side = m.kind === "system" ? "system" : m.kind === "context" ? "context" : mine ? "mine" : "theirs";
    const row = el("div", `chat-msg ${side}${m.removed ? " removed" : ""}`);
    row.id = `m-${m.seq}`;
    row.dataset.id = m.id;
    row.dataset.seq = String(m.seq);
    row.dataset.day = dayKey(new Date(m.createdAt));
    if (m.clientKey) row.dataset.key = m.clientKey;
    if (m.kind === "system") {
      const box = el("div", "chat-system");
      box.append(el("span", "", m.text), " ", timeEl(m.createdAt));
      row.append(box);
      return row;
    }
    if (m.kind === "context") {
      const card = el("div", "chat-context-card");
      card.append(el("span", "chat-context-label", t("asked")));
      const s = m.subject;
      if (s) {
        if (s.imageUrl) {
          const img = el("img");
          img.src = s.imageUrl;
          img.alt = "";
          img.width = img.height = 40;
          card.append(img);
        }
        const inner = el("span", "chat-context-body");
        if (s.url) {
          const a = el("a", "", s.title);
          a.href = s.url;
          inner.append(a);
        } else inner.append(el("span", "", s.title));
        if (s.detail) inner.append(el("span", "chat-context-detail", s.detail));
        card.append(inner);
      } else card.append(el("span", "text-body-secondary", t("gone")));
      row.append(card);
      return row;
    }
    const bubble = el("div", "chat-bubble");
    if (!mine && root.dataset.kind === "support" && m.senderName) bubble.append(el("div", "chat-sender", m.senderName));
    const text = el("div", "chat-text");
    text.innerHTML = m.html; // rendered safe by the server (ChatText)
    for (const a of text.querySelectorAll("a")) external(a);
    bubble.append(text);
    if (m.attachments?.length) {
      const files = el("ul", "chat-files list-unstyled mb-0");
      for (const f of m.attachments) {
        const li = el("li");
        const a = el("a");
        a.href = f.url;
        external(a);
        if (f.isImage && f.previewUrl) {
          const img = el("img", "chat-image");
          img.src = f.previewUrl;
          img.alt = f.fileName;
          img.loading = "lazy";
          if (f.width) img.width = f.width;
          if (f.height) img.height = f.height;
          a.append(img);
        } else {
          a.className = "chat-file";
          const icon = el("i", "bi bi-file-earmark");
          icon.setAttribute("aria-hidden", "true");
          a.append(icon, " ", el("span", "", f.fileName), " ", el("small", "", `(${size(f.size)})`));
        }
        li.append(a);
        files.append(li);
      }
      bubble.append(files);
    }
    const meta = el("div", "chat-meta");
    meta.append(timeEl(m.createdAt));
    if (mine) meta.append(ticksEl(tickState(m.seq)));
    bubble.append(meta);
    row.append(bubble);
    return row;
  }

  function size(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  function dayLabel(key, sample) {
    const today = dayKey(new Date());
    const yesterday = dayKey(new Date(Date.now() - 86400000));
    if (key === today) return t("today");
    if (key === yesterday) return t("yesterday");
    return dayLabelFmt.format(sample);
  }

  // Day separators are derived from the messages, so they are simply laid out again after every change.
  function layoutDays() {
    const existing = new Map();
    for (const sep of list.querySelectorAll(".chat-day")) {
      existing.set(sep.dataset.day, sep);
      sep.remove();
    }
    let previous = null;
    for (const row of list.querySelectorAll(".chat-msg")) {
      const day = row.dataset.day;
      if (day && day !== previous) {
        let sep = existing.get(day);
        if (!sep) {
          sep = el("div", "chat-day");
          sep.dataset.day = day;
          const time = row.querySelector("time");
          sep.append(el("span", "", dayLabel(day, time ? new Date(time.dateTime) : new Date())));
        }
        row.before(sep);
        existing.delete(day);
      }
      if (day) previous = day;
    }
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 120;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /** Puts stored messages on the page: by id once, by seq in order; a pending bubble with the same key becomes the stored one. */
  function merge(messages) {
    if (!messages.length) return;
    const stick = nearBottom();
    document.getElementById("chat-none")?.remove();
    for (const m of messages) {
      const known = byId.get(m.id);
      const fresh = renderMessage(m);
      if (known) {
        // A removal or a new card changes a known message; otherwise leave it alone.
        if (known.classList.contains("removed") !== m.removed) {
          known.replaceWith(fresh);
          byId.set(m.id, fresh);
        }
        continue;
      }
      const pending = m.clientKey && m.senderId === me ? list.querySelector(`.chat-msg.pending[data-key="${CSS.escape(m.clientKey)}"]`) : null;
      pending?.remove();
      byId.set(m.id, fresh);
      let before = null;
      for (const row of list.querySelectorAll(".chat-msg[data-seq]")) {
        if (Number(row.dataset.seq) > m.seq) {
          before = row;
          break;
        }
      }
      if (before) before.before(fresh);
      else {
        const firstPending = list.querySelector(".chat-msg.pending");
        if (firstPending) firstPending.before(fresh);
        else list.append(fresh);
      }
      lastSeq = Math.max(lastSeq, m.seq);
      oldestSeq = Math.min(oldestSeq, m.seq);
    }
    layoutDays();
    if (stick) scrollToEnd();
    markSeen();
  }

  // ---------- catching up ----------

  async function getJson(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  }

  /** Everything after the last seq we show, in pages, until a short page says we are at the end. */
  // A push that shows a gap while a catch-up is already under way asks for one more round after it.
  let again = false;
  function catchUp() {
    if (catchingUp) {
      again = true;
      return catchingUp;
    }
    catchingUp = (async () => {
      try {
        do {
          again = false;
          for (;;) {
            const page = await getJson(`/api/v1/conversations/${id}/messages?after=${lastSeq}&limit=${PAGE}`);
            merge(page);
            if (page.length < PAGE) break;
          }
        } while (again);
      } catch {
        // The next reconnect (or message) asks again.
      } finally {
        catchingUp = null;
      }
    })();
    return catchingUp;
  }

  async function refreshDetails() {
    try {
      const d = await getJson(`/api/v1/conversations/${id}`);
      root.dataset.member = d.isMember ? "true" : "false";
      applyMarks(d.members);
      const other = d.members.find((x) => x.userId === root.dataset.other);
      if (other) showPresence(other.online, other.lastSeenAt);
    } catch {
      // Shown as it was; the next change asks again.
    }
  }

  let loadingOlder = null;
  function loadOlder() {
    if (!Number.isFinite(oldestSeq) || oldestSeq <= 1) return Promise.resolve();
    loadingOlder ??= (async () => {
      try {
        const page = await getJson(`/api/v1/conversations/${id}/messages?before=${oldestSeq}&limit=50`);
        const height = log.scrollHeight;
        const top = log.scrollTop;
        for (const m of page.reverse()) {
          if (byId.has(m.id)) continue;
          const row = renderMessage(m);
          byId.set(m.id, row);
          list.prepend(row);
          oldestSeq = Math.min(oldestSeq, m.seq);
        }
        if (page.length === 0) oldestSeq = 1;
        layoutDays();
        // Keep what the reader was looking at in place.
        log.scrollTop = top + (log.scrollHeight - height);
        if (oldestSeq <= 1) older?.remove();
      } catch {
        // Scrolling up again retries.
      } finally {
        loadingOlder = null;
      }
    })();
    return loadingOlder;
  }

  /** A search hit links to #m-SEQ, which may be older than what the page shows: load back until it is there. */
  async function showLinked(seq) {
    for (let round = 0; round < 20 && Number.isFinite(seq) && !document.getElementById(`m-${seq}`) && seq < oldestSeq && oldestSeq > 1; round++)
      await loadOlder();
    const target = document.getElementById(`m-${seq}`);
    if (!target) return scrollToEnd();
    target.classList.add("linked");
    target.scrollIntoView({ block: "center" });
  }

  log.addEventListener("scroll", () => {
    if (log.scrollTop < 60) loadOlder();
  });
  older?.addEventListener("click", (e) => {
    e.preventDefault();
    loadOlder();
  });

  // ---------- receipts ----------

  function applyMarks(members) {
    for (const m of members) {
      if (m.userId === me) continue;
      delivered = Math.max(delivered, m.deliveredSeq);
      read = Math.max(read, m.readSeq);
    }
    updateTicks();
  }

  function updateTicks() {
    for (const ticks of list.querySelectorAll(".chat-msg.mine[data-seq] .chat-ticks")) {
      const state = tickState(Number(ticks.closest(".chat-msg").dataset.seq));
      if (ticks.dataset.state !== state) ticks.replaceWith(ticksEl(state));
    }
  }

  let markedDelivered = 0;
  let markedRead = Number(root.dataset.myRead || 0);
  function markSeen() {
    if (live?.state !== "Connected" || root.dataset.member === "false") return;
    // Reading marks delivered too, so a page in view sends one call per message, not two.
    if (document.visibilityState === "visible" && document.hasFocus() && lastSeq > markedRead) {
      markedRead = markedDelivered = lastSeq;
      live.invoke("MarkRead", id, lastSeq).catch(() => {});
    } else if (lastSeq > markedDelivered) {
      markedDelivered = lastSeq;
      live.invoke("MarkDelivered", id, lastSeq).catch(() => {});
    }
  }
  document.addEventListener("visibilitychange", markSeen);
  window.addEventListener("focus", markSeen);

  // ---------- presence and typing ----------

  function showPresence(online, lastSeenAt) {
    if (!presence || root.dataset.kind !== "direct") return;
    presence.replaceChildren();
    if (online) {
      const dot = el("span", "chat-online-dot");
      dot.setAttribute("aria-hidden", "true");
      presence.append(dot, " ", t("online"));
    } else if (lastSeenAt) {
      const ago = Date.now() - new Date(lastSeenAt).getTime();
      const when = ago < 60000 ? t("justNow") : timeFmt.format(new Date(lastSeenAt));
      presence.append(t("lastSeen").replace("{0}", when));
    }
  }

  let typingTimer = 0;
  let typingUser = null;
  function showTyping(userId, name) {
    typingUser = userId;
    typingBox.textContent = t("typing").replace("{0}", name);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 5000);
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    typingUser = null;
    typingBox.textContent = "";
  }

  let lastTypingSent = 0;
  body?.addEventListener("input", () => {
    autosize();
    if (!body.value.trim() || live?.state !== "Connected") return;
    const now = Date.now();
    if (now - lastTypingSent < 3000) return;
    lastTypingSent = now;
    live.invoke("ChatTyping", id).catch(() => {});
  });

  function autosize() {
    body.style.height = "auto";
    body.style.height = Math.min(body.scrollHeight, 160) + "px";
  }

  // ---------- sending ----------

  function pendingBubble(key, text) {
    const row = el("div", "chat-msg mine pending");
    row.dataset.key = key;
    const bubble = el("div", "chat-bubble");
    bubble.append(el("div", "chat-text", text));
    const meta = el("div", "chat-meta");
    meta.append(el("span", "chat-pending-state", t("sending")));
    bubble.append(meta);
    row.append(bubble);
    list.append(row);
    document.getElementById("chat-none")?.remove();
    scrollToEnd();
    return row;
  }

  function failed(row, send, reason) {
    const meta = row.querySelector(".chat-meta");
    meta.replaceChildren();
    if (reason) meta.append(el("span", "chat-error", reason), " ");
    const retry = el("button", "btn btn-link btn-sm p-0 chat-retry", t("notSent"));
    retry.type = "button";
    retry.addEventListener("click", () => {
      meta.replaceChildren(el("span", "chat-pending-state", t("sending")));
      row.classList.remove("failed");
      send();
    });
    meta.append(retry);
    row.classList.add("failed");
    // Lost only to the connection: tried again by itself once the connection is back (see connected()).
    row.retry = reason ? null : () => retry.click();
  }

  /** A hub error carries the server's sentence after "HubException: "; anything else is a connection problem. */
  function reasonOf(error) {
    const text = String(error?.message ?? "");
    const marker = "HubException: ";
    const at = text.indexOf(marker);
    return at >= 0 ? text.slice(at + marker.length) : null;
  }

  function sendMessage(text, attachmentIds) {
    const key = crypto.randomUUID();
    const row = pendingBubble(key, text);
    const send = async () => {
      try {
        if (live?.state !== "Connected") throw new Error("offline");
        const stored = await live.invoke("SendMessage", id, key, text, attachmentIds.length ? attachmentIds : null);
        merge([stored]);
      } catch (error) {
        // The same key again: if the first try was stored after all, the server answers with that message.
        if (row.isConnected) failed(row, send, reasonOf(error));
      }
    };
    send();
  }

  form?.addEventListener("submit", (e) => {
    if (!live) return; // no live connection on this page: the plain form post sends
    e.preventDefault();
    const text = body.value.trim();
    const attachmentIds = [...form.querySelectorAll('input[name="AttachmentIds"]')].map((i) => i.value);
    if (!text && attachmentIds.length === 0) return;
    sendMessage(text, attachmentIds);
    body.value = "";
    autosize();
    form.querySelector(".chat-errors")?.remove();
    form.dispatchEvent(new CustomEvent("chat:sent"));
    body.focus();
  });

  body?.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  // ---------- live ----------

  if (!live) return;

  live.on("chat:message", (m) => {
    if (m.conversationId !== id) return;
    // Their message is what they were typing: "… is typing" would otherwise linger under it for seconds.
    if (m.senderId && m.senderId === typingUser) stopTyping();
    if (m.seq > lastSeq + 1) {
      // A gap: something was missed; the catch-up fills it in order.
      catchUp();
      return;
    }
    merge([m]);
    if (m.kind === "system") refreshDetails();
  });
  live.on("chat:typing", (e) => {
    if (e.conversationId === id && e.userId !== me) showTyping(e.userId, e.name);
  });
  live.on("chat:receipt", (e) => {
    if (e.conversationId !== id) return;
    applyMarks([e]);
  });
  live.on("chat:presence", (e) => {
    if (e.userId === root.dataset.other) showPresence(e.online, e.lastSeenAt);
  });
  live.on("chat:changed", (e) => {
    if (e.conversationId !== id) return;
    refreshDetails();
    catchUp();
  });

  const offline = () => {
    status.textContent = t("reconnecting");
    status.classList.remove("d-none");
  };
  live.onreconnecting(offline);
  live.onclose(offline);

  async function connected() {
    status.classList.add("d-none");
    status.textContent = "";
    try {
      await live.invoke("JoinConversation", id);
    } catch {
      return; // live.js reconnects and tells us again
    }
    await catchUp();
    await refreshDetails();
    markSeen();
    for (const row of list.querySelectorAll(".chat-msg.pending.failed")) row.retry?.();
  }
  document.addEventListener("lapak:live-connected", connected);
  if (live.state === "Connected") connected();

  if (location.hash.startsWith("#m-")) showLinked(Number(location.hash.slice(3)));
  else scrollToEnd();
  if (body) autosize();
}
