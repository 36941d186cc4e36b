// Ticket page: joins the ticket's live groups, refreshes the thread, badges, facts and history when the
// ticket changes, says who is replying, and tells the others (at most every 3 s) while we type.
import { onLive, scheduleRefresh } from "./live-regions.js";

const root = document.getElementById("ticket-live");
const typing = document.getElementById("ticket-typing");
const news = document.getElementById("ticket-live-news");
const code = root?.dataset.ticketCode;
const connection = code ? onLive((c) => c.invoke("JoinTicket", code)) : null;

if (connection && typing) {
  const SIGNAL_EVERY = 3000;
  const FORGET_AFTER = 6000;
  const people = new Map();

  const render = () => {
    typing.textContent = [...people.values()].map((p) => p.text).join(" ");
  };

  connection.on("ticket:typing", (e) => {
    if (e.code !== code) return;
    const text = e.name == null
      ? typing.dataset.agent
      : (e.internal ? typing.dataset.note : typing.dataset.replying).replace("{0}", e.name);
    const key = `${e.name ?? ""}|${e.internal}`;
    clearTimeout(people.get(key)?.timer);
    people.set(key, { text, timer: setTimeout(() => { people.delete(key); render(); }, FORGET_AFTER) });
    render();
  });

  connection.on("ticket:changed", (e) => {
    if (e.code !== code) return;
    // What they were typing has most likely just arrived.
    for (const p of people.values()) clearTimeout(p.timer);
    people.clear();
    render();
    scheduleRefresh();
  });

  document.addEventListener("lapak:regions-refreshed", () => {
    if (!news) return;
    news.textContent = "";
    setTimeout(() => { news.textContent = news.dataset.text; }, 50);
  });

  let lastSignal = 0;
  document.addEventListener("input", (ev) => {
    const target = ev.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.matches("input[name='Reply.Internal']")) {
      lastSignal = 0; // switching between reply and note: say so at the next key
      return;
    }
    if (!target.matches("textarea[name='Reply.Body']") || target.value.trim() === "") return;
    const now = Date.now();
    if (now - lastSignal < SIGNAL_EVERY || connection.state !== "Connected") return;
    lastSignal = now;
    const internal = document.getElementById("reply-internal")?.checked === true;
    connection.invoke("Typing", code, internal).catch(() => {});
  });
}
