// Queue and team ticket pages: refresh the list when a ticket of my teams is created, taken, assigned or changes.
import { onLive, scheduleRefresh } from "./live-regions.js";

if (document.querySelector("[data-live-queue]")) {
  const connection = onLive((c) => c.invoke("JoinQueue"));
  connection?.on("queue:changed", () => scheduleRefresh());
}
