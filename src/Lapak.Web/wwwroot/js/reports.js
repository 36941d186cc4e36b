// Helpdesk reports: draws each <canvas data-chart="…"> with Chart.js. The numbers are in the table under every chart,
// so a reader without the chart (or without JavaScript) loses nothing.
(() => {
    if (typeof window.Chart === 'undefined') return;
    const palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997'];
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
        let spec;
        try { spec = JSON.parse(canvas.dataset.chart); } catch { continue; }
        const line = spec.type === 'line';
        new window.Chart(canvas, {
            type: line ? 'line' : 'bar',
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map((d, i) => ({
                    label: d.label,
                    data: d.data,
                    backgroundColor: palette[i % palette.length],
                    borderColor: palette[i % palette.length],
                    tension: 0.2,
                    pointRadius: line && spec.labels.length > 60 ? 0 : 3,
                })),
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: reduceMotion ? false : undefined,
                plugins: { legend: { display: spec.datasets.length > 1 } },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            },
        });
    }
})();
