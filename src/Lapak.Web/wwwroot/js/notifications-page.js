// The notifications page: live.js announces each new notification with a "lapak:notification" event;
// on the first page it goes on top of the list, elsewhere a notice links to the newest.
const root = document.getElementById("notifications-page");
const list = document.getElementById("notification-list");
const empty = document.getElementById("notifications-empty");
const template = document.getElementById("notification-template");
const summary = document.getElementById("unread-summary");
const badge = document.getElementById("unread-badge");
const markAll = document.getElementById("mark-all-read");
const elsewhere = document.getElementById("new-elsewhere");
const pageSize = 20;

function setUnread(count) {
  if (summary) summary.textContent = root.dataset.unreadTemplate.replace("{0}", String(count));
  if (badge) {
    badge.textContent = String(count);
    badge.classList.toggle("d-none", count === 0);
  }
  if (markAll) markAll.disabled = count === 0;
}

function itemFor(n) {
  const li = template.content.firstElementChild.cloneNode(true);
  li.dataset.id = n.id;
  const link = li.querySelector(".notification-title");
  link.href = `/notifications/open/${encodeURIComponent(n.id)}`;
  link.textContent = n.title;
  li.querySelector(".notification-body").textContent = n.body;
  const time = li.querySelector("time");
  time.dateTime = n.createdAt;
  time.textContent = root.dataset.justNow;
  return li;
}

document.addEventListener("lapak:notification", (event) => {
  const n = event.detail;
  if (!root || !list || !n?.id) return;
  setUnread(n.unread);
  if (root.dataset.page !== "1") {
    elsewhere?.classList.remove("d-none");
    return;
  }
  if (list.querySelector(`[data-id="${CSS.escape(n.id)}"]`)) return; // already shown (e.g. after a reconnect)
  list.prepend(itemFor(n));
  list.classList.remove("d-none");
  empty?.classList.add("d-none");
  while (list.children.length > pageSize) list.lastElementChild.remove();
});
