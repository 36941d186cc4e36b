// Status pages (/status, /status/{id}): a connection of their own to /hubs/status, which visitors may open too
// (/hubs/live needs sign-in). When an incident changes the page fetches itself again and swaps its live region,
// so what it shows still comes through the page's own rules. Without WebSockets or the hub, a reload still works.
import { scheduleRefresh } from "./live-regions.js";

const news = document.getElementById("status-live-news");

if (window.signalR && document.getElementById("status-live")) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/status")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 20000, 30000])
    .build();
  // data-status-live tells tests (and curious readers of the DOM) whether pushes will arrive.
  const mark = (state) => { document.body.dataset.statusLive = state; };
  connection.on("incident:changed", () => scheduleRefresh());
  connection.onreconnecting(() => mark("reconnecting"));
  // Back after a drop: something may have changed meanwhile.
  connection.onreconnected(() => { mark("connected"); scheduleRefresh(); });
  const start = () => connection.start().then(() => mark("connected")).catch(() => setTimeout(start, 30000));
  start();
}

document.addEventListener("lapak:regions-refreshed", () => {
  if (!news) return;
  news.textContent = "";
  setTimeout(() => { news.textContent = news.dataset.text; }, 50);
});
