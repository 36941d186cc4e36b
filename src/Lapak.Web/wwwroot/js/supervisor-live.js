// Supervisor desk: refresh when a ticket of any team changes (supervisors hear every team) or something lands on my desk.
import { onLive, scheduleRefresh } from "./live-regions.js";

const connection = onLive((c) => c.invoke("JoinQueue"));
connection?.on("queue:changed", () => scheduleRefresh());
connection?.on("supervisor:changed", () => scheduleRefresh());
