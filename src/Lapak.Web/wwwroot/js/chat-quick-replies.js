// Chat composer: a quick reply picked from the menu goes into the message box at the cursor. In an empty box,
// "/" followed by letters offers the replies whose title or text match; Enter or a click puts it in place of "/…".
// Inserting sets the textarea's value and fires "input", so chat.js (draft, typing, send button) sees it.

const root = document.querySelector("[data-chat-quick-replies]:not([data-ready])");
if (root) setUp(root);

function setUp(root) {
  root.dataset.ready = "";
  const form = root.closest("form") ?? document.getElementById("chat-composer");
  const box = form?.querySelector("textarea[name=Body]") ?? form?.querySelector("textarea");
  const suggest = root.querySelector("[data-chat-qr-suggest]");
  const status = root.querySelector("[data-chat-qr-status]");
  const replies = [...root.querySelectorAll("[data-quick-reply]")].map((b) => ({ title: b.dataset.title, body: b.dataset.quickReply }));
  if (!box) return;
  let active = -1;

  for (const button of root.querySelectorAll("[data-quick-reply]")) {
    button.addEventListener("click", () => insertAtCursor(button.dataset.quickReply, button.dataset.title));
  }

  function insertAtCursor(text, title) {
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    const before = box.value.slice(0, start);
    const glue = before.length > 0 && !/\s$/.test(before) ? " " : "";
    box.value = before + glue + text + box.value.slice(end);
    const caret = (before + glue + text).length;
    done(caret, title);
  }

  function replaceCommand(reply) {
    box.value = reply.body;
    done(reply.body.length, reply.title);
  }

  function done(caret, title) {
    close();
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    status.textContent = (root.dataset.tInserted ?? "").replace("{0}", title);
  }

  // "/" only counts at the very start of a one-line box, so "1/2" or a path in a message never opens the list.
  function query() {
    const value = box.value;
    return /^\/[^\n]*$/.test(value) ? value.slice(1).trim().toLowerCase() : null;
  }

  function matches(q) {
    return replies.filter((r) => r.title.toLowerCase().includes(q) || r.body.toLowerCase().includes(q)).slice(0, 8);
  }

  function render() {
    const q = query();
    const found = q === null ? [] : matches(q);
    suggest.replaceChildren();
    if (found.length === 0) return close();
    found.forEach((reply, i) => {
      const li = document.createElement("li");
      li.className = "list-group-item list-group-item-action chat-qr-option";
      li.id = `chat-qr-option-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      const title = document.createElement("span");
      title.className = "d-block fw-semibold text-truncate";
      title.textContent = reply.title;
      const body = document.createElement("span");
      body.className = "d-block small text-body-secondary text-truncate";
      body.textContent = reply.body;
      li.append(title, body);
      // mousedown, not click: the box keeps the focus, and the list is still there when the press lands.
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        replaceCommand(reply);
      });
      suggest.append(li);
    });
    suggest.hidden = false;
    box.setAttribute("aria-controls", suggest.id || (suggest.id = "chat-qr-suggest"));
    box.setAttribute("aria-expanded", "true");
    if (active >= 0) box.setAttribute("aria-activedescendant", `chat-qr-option-${active}`);
    else box.removeAttribute("aria-activedescendant");
  }

  function close() {
    suggest.hidden = true;
    suggest.replaceChildren();
    active = -1;
    box.removeAttribute("aria-activedescendant");
    if (box.hasAttribute("aria-expanded")) box.setAttribute("aria-expanded", "false");
  }

  box.addEventListener("input", () => {
    active = -1;
    render();
  });
  box.addEventListener("blur", () => close());
  // Capture: these keys belong to the list while it is open, before chat.js reads Enter as "send".
  box.addEventListener("keydown", (e) => {
    if (suggest.hidden) return;
    const count = suggest.children.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : count - 1) + (active < 0 && e.key === "ArrowUp" ? 1 : 0)) % count;
      render();
    } else if (e.key === "Enter" || e.key === "Tab") {
      const q = query();
      const found = q === null ? [] : matches(q);
      const pick = found[active >= 0 ? active : 0];
      if (!pick) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      replaceCommand(pick);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  }, true);
  form?.addEventListener("chat:sent", close);
}
