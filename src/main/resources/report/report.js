/*
 * Draws the report's charts with uPlot from the JSON in #qb-data: one shared time axis, cursors
 * synchronised across charts, alarm periods shaded. Then writes a self-check (charts drawn,
 * points per chart, errors seen) into #qb-selfcheck, which the browser test reads.
 */
(function () {
  var data = JSON.parse(document.getElementById("qb-data").textContent);
  var palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  var container = document.getElementById("qb-charts");
  var drawn = [];

  function shadeAlarms(u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = "rgba(198, 40, 40, 0.12)";
    data.alarms.forEach(function (alarm) {
      var left = u.valToPos(alarm.start, "x", true);
      var right = u.valToPos(alarm.end, "x", true);
      ctx.fillRect(left, u.bbox.top, Math.max(2, right - left), u.bbox.height);
    });
    ctx.restore();
  }

  // The run's timeline: a dashed line and a label at each event (marks, drills, counter resets).
  function markEvents(u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = "rgba(40, 40, 40, 0.7)";
    ctx.fillStyle = "rgba(40, 40, 40, 0.9)";
    ctx.setLineDash([4, 4]);
    ctx.font = "11px sans-serif";
    ctx.textAlign = "left";
    (data.events || []).forEach(function (event) {
      var x = u.valToPos(event.at, "x", true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) {
        return;
      }
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillText(event.label.substring(0, 40), x + 3, u.bbox.top + 12);
    });
    ctx.restore();
  }

  data.charts.forEach(function (chart) {
    var box = document.createElement("div");
    box.className = "chart";
    box.id = "chart-" + chart.id;
    var title = document.createElement("h3");
    title.textContent = chart.title + " (" + chart.unit + ")";
    box.appendChild(title);
    container.appendChild(box);
    var series = [{}];
    var columns = [data.x];
    var points = 0;
    chart.series.forEach(function (s, i) {
      series.push({ label: s.label, stroke: palette[i % palette.length], width: 1.5, spanGaps: s.spanGaps, points: { show: false } });
      columns.push(s.values);
      points += s.points;
    });
    var width = Math.max(600, container.clientWidth || 1200);
    new uPlot({
      width: width,
      height: 260,
      series: series,
      cursor: { sync: { key: "queuebench" } },
      axes: [{}, { size: 70 }],
      hooks: { draw: [shadeAlarms, markEvents] }
    }, columns, box);
    box.setAttribute("data-points", String(points));
    drawn.push({ id: chart.id, title: chart.title, series: chart.series.length, points: points });
  });

  if (data.absent.length > 0) {
    var absent = document.createElement("p");
    absent.className = "absent";
    absent.textContent = "Not in this run: " + data.absent.join(", ") + ".";
    container.appendChild(absent);
  }
  document.getElementById("qb-selfcheck").textContent = JSON.stringify({ charts: drawn, absent: data.absent, events: (data.events || []).length, errors: window.qbErrors });
})();
