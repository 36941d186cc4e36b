// Support chats queue: listen to my teams' queue groups and refresh the lists when a chat waits, is picked up or
// closes; keep the "waiting N min" labels current between changes.
import { onLive, scheduleRefresh } from "./live-regions.js";

const root = document.querySelector("[data-support-queue]");
if (root) {
  const connection = onLive((c) => c.invoke("JoinSupportQueue"));
  connection?.on("chat:support", () => scheduleRefresh());

  const tick = () => {
    const now = Date.now();
    for (const el of document.querySelectorAll("[data-waiting-since]")) {
      const since = Date.parse(el.dataset.waitingSince);
      if (Number.isNaN(since)) continue;
      const minutes = Math.max(0, Math.floor((now - since) / 60000));
      el.textContent = minutes < 1 ? root.dataset.tWaitingNow : root.dataset.tWaiting.replace("{0}", String(minutes));
    }
  };
  setInterval(tick, 20000);
  document.addEventListener("lapak:regions-refreshed", tick);
}
