// The "Chat" entry in the menu shows how many messages wait unread, kept current by the live connection:
// a message from someone else or a read on another page asks the server again (once, after a short pause).
const link = document.getElementById("chat-nav");
const badge = document.getElementById("chat-nav-count");
const live = window.lapakLive;
if (link && badge) {
  const me = link.dataset.me;
  let timer = 0;
  const refresh = async () => {
    try {
      const res = await fetch("/api/v1/conversations/unread", { headers: { Accept: "application/json" } });
      if (!res.ok) return;
      const { total } = await res.json();
      badge.firstChild.nodeValue = total > 99 ? "99+" : String(total);
      badge.classList.toggle("d-none", total === 0);
    } catch {
      // Kept as it was; the next event tries again.
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  };
  live?.on("chat:activity", (e) => {
    if (e.senderId !== me) soon();
  });
  live?.on("chat:read", soon);
  document.addEventListener("lapak:live-connected", soon);
  refresh();
}
