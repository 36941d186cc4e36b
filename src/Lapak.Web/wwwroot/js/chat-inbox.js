// An open chat inbox (the /chat page, or the column beside a conversation) stays current: a new message or a
// read elsewhere re-reads the list as the server renders it (?handler=List), a little after the last event.
const box = document.getElementById("chat-inbox-list");
const live = window.lapakLive;
if (box && live) {
  let timer = 0;
  const refresh = async () => {
    try {
      const res = await fetch(box.dataset.listUrl, { headers: { Accept: "text/html" } });
      if (res.ok) box.innerHTML = await res.text(); // our own server-rendered, encoded partial
    } catch {
      // The next event or reconnect tries again.
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  live.on("chat:activity", soon);
  live.on("chat:read", soon);
  live.on("chat:changed", soon);
  document.addEventListener("lapak:live-connected", soon);
}
