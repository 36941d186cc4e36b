// The conversation header's "…" menu: block / unblock and report without leaving the page. Without this file the
// same forms post to /chat/blocked and /chat/{id}/report. Texts come from the menu's data-text-* attributes.
(() => {
  const root = document.querySelector("[data-chat-safety]");
  if (!root) return;
  const conversation = root.dataset.conversation;
  const dialogEl = document.getElementById("chat-report-dialog");
  const form = dialogEl?.querySelector("[data-chat-report-form]");
  const error = dialogEl?.querySelector("[data-chat-report-error]");
  const dialog = dialogEl && window.bootstrap ? window.bootstrap.Modal.getOrCreateInstance(dialogEl) : null;

  function toast(text) {
    const host = document.getElementById("toasts");
    if (!host || !window.bootstrap) return;
    const el = document.createElement("div");
    el.className = "toast align-items-center text-bg-dark border-0";
    el.setAttribute("role", "status");
    const body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = text;
    el.append(body);
    host.append(el);
    el.addEventListener("hidden.bs.toast", () => el.remove());
    window.bootstrap.Toast.getOrCreateInstance(el).show();
  }

  async function problemText(res) {
    try {
      const p = await res.json();
      if (p.errors) return Object.values(p.errors).flat()[0];
      return p.detail || p.title;
    } catch { return null; }
  }

  // Blocking left the message box in place until a reload, inviting a message that could not be sent. The box is
  // swapped for the server's own notice; unblocking reloads, because chat.js wires the box when the page loads.
  async function followComposer(block) {
    const composer = document.getElementById("chat-composer");
    if (!block) {
      if (!composer) location.reload();
      return;
    }
    if (!composer) return;
    try {
      const res = await fetch(location.pathname, { headers: { "X-Live-Fragment": "1" }, credentials: "same-origin", cache: "no-store" });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const notice = doc.querySelector("[data-chat-cannot-send]");
      if (notice && !doc.getElementById("chat-composer")) composer.replaceWith(document.importNode(notice, true));
    } catch {
      // Offline for a moment: the server refuses the message anyway, and a reload shows the notice.
    }
  }

  root.querySelectorAll("form[data-chat-block]").forEach((f) => {
    f.addEventListener("submit", async (e) => {
      e.preventDefault();
      const block = f.dataset.chatBlock === "block";
      const user = f.dataset.user;
      const res = await fetch(block ? "/api/v1/chat/blocks" : `/api/v1/chat/blocks/${user}`, {
        method: block ? "POST" : "DELETE",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: block ? JSON.stringify({ userId: user }) : undefined,
      });
      if (!res.ok) { toast((await problemText(res)) || root.dataset.textFailed); return; }
      root.querySelectorAll("form[data-chat-block]").forEach((other) => { other.hidden = other === f; });
      toast(block ? root.dataset.textBlocked : root.dataset.textUnblocked);
      await followComposer(block);
    });
  });

  root.querySelector("[data-chat-report-open]")?.addEventListener("click", (e) => {
    if (!dialog) return;
    e.preventDefault();
    error.textContent = "";
    dialog.show();
  });

  form?.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    // The page may have received newer messages since it was rendered: report what is on screen now.
    const shown = [...document.querySelectorAll("[data-seq]")].map((m) => Number(m.dataset.seq)).filter((n) => n > 0);
    const lastSeq = shown.length ? Math.max(...shown) : Number(root.dataset.lastSeq);
    const res = await fetch(`/api/v1/conversations/${conversation}/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ reason: form.elements.Reason.value, lastSeq }),
    });
    if (!res.ok) { error.textContent = (await problemText(res)) || root.dataset.textFailed; return; }
    form.reset();
    dialog.hide();
    toast(root.dataset.textReported);
  });
})();
