// Chat analytics: draws each <canvas data-chat-chart="…"> histogram with Chart.js. The same numbers are in the table
// under every chart, so a reader without the chart (or without JavaScript) loses nothing.
(() => {
    if (typeof window.Chart === 'undefined') return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    for (const canvas of document.querySelectorAll('canvas[data-chat-chart]')) {
        let spec;
        try { spec = JSON.parse(canvas.dataset.chatChart); } catch { continue; }
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map(d => ({ label: d.label, data: d.data, backgroundColor: '#0d6efd' })),
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: reduceMotion ? false : undefined,
                plugins: { legend: { display: false } },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            },
        });
    }
})();
