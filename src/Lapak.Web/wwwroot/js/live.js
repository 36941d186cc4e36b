// The live connection of a signed-in page: one SignalR connection to /hubs/live, shared by every
// feature through window.lapakLive. The bell shows the unread count and the latest notifications.
const bell = document.getElementById("bell");
const count = document.getElementById("bell-count");
const list = document.getElementById("bell-list");
const toasts = document.getElementById("toasts");

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/live")
  .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 20000, 30000])
  .build();
window.lapakLive = connection;

function setUnread(n) {
  if (!count) return;
  bell.dataset.unread = String(n);
  count.firstChild.nodeValue = n > 99 ? "99+" : String(n);
  count.classList.toggle("d-none", n === 0);
}

function itemFor(n) {
  const li = document.createElement("li");
  if (!n.readAt) li.className = "unread";
  const a = document.createElement("a");
  a.href = `/notifications/open/${n.id}`;
  const title = document.createElement("div");
  title.textContent = n.title;
  const body = document.createElement("div");
  body.className = "small text-body-secondary text-truncate";
  body.textContent = n.body;
  a.append(title, body);
  li.append(a);
  return li;
}

function showEmpty() {
  const li = document.createElement("li");
  li.className = "px-3 py-3 text-body-secondary small";
  li.textContent = list.dataset.empty;
  list.replaceChildren(li);
}

async function refresh() {
  const res = await fetch("/api/v1/me/notifications?pageSize=5", { headers: { Accept: "application/json" } });
  if (!res.ok) return;
  const page = await res.json();
  setUnread(page.unread);
  if (page.items.length === 0) showEmpty();
  else list.replaceChildren(...page.items.map(itemFor));
}

function toast(n) {
  if (!toasts) return;
  const el = document.createElement("div");
  el.className = "toast";
  el.setAttribute("role", "status");
  const header = document.createElement("div");
  header.className = "toast-header";
  const strong = document.createElement("strong");
  strong.className = "me-auto";
  strong.textContent = n.title;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "btn-close";
  close.dataset.bsDismiss = "toast";
  close.setAttribute("aria-label", document.body.dataset.lang === "en" ? "Close" : "Tutup");
  header.append(strong, close);
  const body = document.createElement("div");
  body.className = "toast-body";
  body.textContent = n.body;
  el.append(header, body);
  toasts.append(el);
  const t = bootstrap.Toast.getOrCreateInstance(el, { delay: 6000 });
  el.addEventListener("hidden.bs.toast", () => el.remove());
  t.show();
}

connection.on("notification", (n) => {
  setUnread(n.unread);
  if (list) {
    if (list.querySelector(".unread, li a") === null) list.replaceChildren();
    list.prepend(itemFor({ ...n, readAt: null }));
    while (list.children.length > 5) list.lastElementChild.remove();
  }
  toast(n);
  document.dispatchEvent(new CustomEvent("lapak:notification", { detail: n }));
});

// After a dropped connection the server may have sent things we missed: read them again.
connection.onreconnected(() => {
  refresh();
  document.dispatchEvent(new CustomEvent("lapak:live-connected"));
});

bell?.addEventListener("show.bs.dropdown", () => refresh());

async function start() {
  try {
    await connection.start();
    if (document.body.dataset.live === "disconnected") refresh();
    document.body.dataset.live = "connected";
    // Pages join their own groups (a ticket, a queue) once connected, and again after a reconnect.
    document.dispatchEvent(new CustomEvent("lapak:live-connected"));
  } catch {
    setTimeout(start, 3000);
  }
}

// The automatic retries give up after a minute or so; a long outage must still heal without a reload, so keep
// starting again every few seconds. Pages catch up on "lapak:live-connected" as after any reconnect.
connection.onclose(() => {
  document.body.dataset.live = "disconnected";
  setTimeout(start, 3000);
});
start();
