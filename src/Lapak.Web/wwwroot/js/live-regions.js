// Live pages: when the hub says something changed, the page asks for itself again (without the layout)
// and swaps in each fresh [data-live-region]. The server applies its usual access rules to that request, so
// the push itself never carries content. A region someone is working in (a focused or edited field, an open
// disclosure) is left alone until the next change.
let timer = null;
let running = false;
let again = false;

function busy(region) {
  if (region.querySelector("details[open]")) return true;
  const active = document.activeElement;
  if (active && region.contains(active) && active.matches("input, select, textarea")) return true;
  for (const field of region.querySelectorAll("input:not([type=hidden]), textarea")) {
    if (field.type === "radio" || field.type === "checkbox") {
      if (field.checked !== field.defaultChecked) return true;
    } else if (field.value !== field.defaultValue) return true;
  }
  for (const select of region.querySelectorAll("select")) {
    const initial = Math.max(0, [...select.options].findIndex((o) => o.defaultSelected));
    if (select.selectedIndex !== initial) return true;
  }
  return false;
}

async function refresh() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    const res = await fetch(location.pathname + location.search, {
      headers: { "X-Live-Fragment": "1" },
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!res.ok) return;
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    let changed = false;
    for (const fresh of doc.querySelectorAll("[data-live-region]")) {
      const current = document.querySelector(`[data-live-region="${fresh.dataset.liveRegion}"]`);
      if (!current || busy(current)) continue;
      if (current.innerHTML === fresh.innerHTML) continue;
      current.replaceWith(document.importNode(fresh, true));
      changed = true;
    }
    if (changed) document.dispatchEvent(new CustomEvent("lapak:regions-refreshed"));
  } catch {
    // Offline for a moment: the next change, or a reload, brings the page up to date.
  } finally {
    running = false;
    if (again) {
      again = false;
      scheduleRefresh();
    }
  }
}

// Several pushes in a row (a reply that also reopens the ticket) make one request.
export function scheduleRefresh() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 150);
}

// Joins the page's hub groups now if connected, and again after every reconnect.
export function onLive(join) {
  const connection = window.lapakLive;
  if (!connection) return null;
  let joined = false;
  const run = () => {
    join(connection).catch(() => {});
    if (joined) scheduleRefresh(); // back after a drop: we may have missed changes
    joined = true;
  };
  if (connection.state === "Connected") run();
  document.addEventListener("lapak:live-connected", run);
  return connection;
}
