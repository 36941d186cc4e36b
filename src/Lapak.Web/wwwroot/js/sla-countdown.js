// SLA card: counts down to each due time ("2 h 15 min left", "5 min overdue"), refreshed every 30 seconds. It scans
// the page on each tick, so a card swapped in by a live update counts down without being wired again.
function format(ms, units) {
  const [d, h, m] = units.split(",");
  let minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  const days = Math.floor(minutes / 1440); minutes -= days * 1440;
  const hours = Math.floor(minutes / 60); minutes -= hours * 60;
  if (days > 0) return `${days} ${d} ${hours} ${h}`;
  if (hours > 0) return `${hours} ${h} ${minutes} ${m}`;
  return `${minutes} ${m}`;
}

function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll("[data-sla-countdown]")) {
    const left = Date.parse(el.dataset.slaCountdown) - now;
    const template = left >= 0 ? el.dataset.slaLeft : el.dataset.slaOver;
    el.textContent = template.replace("{0}", format(left, el.dataset.slaUnits));
    el.classList.toggle("text-danger", left < 0);
  }
}

tick();
setInterval(tick, 30000);
