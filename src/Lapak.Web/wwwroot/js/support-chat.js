// Support chat header: when the chat's state changes (picked up, closed, turned into a ticket, waiting again)
// the server-rendered actions and ticket badge are fetched again; the messages are chat.js's business.
import { scheduleRefresh } from "./live-regions.js";

// This module is loaded by a partial in the page body, so it runs before the layout's live.js has made
// window.lapakLive; every module has run by DOMContentLoaded.
document.addEventListener("DOMContentLoaded", () => {
  const actions = document.querySelector("[data-support-chat]");
  const connection = window.lapakLive;
  if (actions && connection) {
    const id = actions.dataset.supportChat;
    connection.on("chat:changed", (e) => {
      if (e && e.conversationId === id) scheduleRefresh();
    });
  }
});
