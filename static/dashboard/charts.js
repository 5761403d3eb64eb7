/* The home page's charts: each <figure class="chart-panel"> carries a JSON config (rendered by
   the server) naming the stats API requests to draw from. The server-rendered table stays the
   readable source; once a chart is drawn its table folds into "Data table". No build step. */
(function () {
  "use strict";

  var PALETTE = ["#0b3d6e", "#b3261e", "#d98e04", "#2e7d5b", "#6a4c93", "#3f88c5", "#8c564b",
                 "#5b6770", "#c2185b"];
  var FONT = getComputedStyle(document.body).fontFamily;

  function config(panel) {
    var script = panel.querySelector("script[type='application/json']");
    return script ? JSON.parse(script.textContent) : null;
  }

  function getJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) { throw new Error(url + " answered " + response.status); }
        return response.json();
      });
  }

  // A stats answer is either a list or an object holding the list.
  function rowsOf(payload) {
    if (Array.isArray(payload)) { return payload; }
    return payload.series || payload.results || payload.rows || [];
  }

  function base() {
    return {
      color: PALETTE,
      textStyle: {fontFamily: FONT},
      animationDuration: 400,
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      grid: {left: 8, right: 16, top: 48, bottom: 8, containLabel: true}
    };
  }

  function draw(panel, option) {
    var element = panel.querySelector(".chart");
    element.hidden = false;
    var chart = echarts.init(element, null, {renderer: "canvas"});
    chart.on("finished", function () { panel.setAttribute("data-chart-state", "drawn"); });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    var details = panel.querySelector("details.chart-data");
    if (details) { details.open = false; }
  }

  // One value per year of `years` from a timeseries answer (null where it has none).
  function yearly(rows, years) {
    var byYear = {};
    rows.forEach(function (row) { byYear[row.year] = row.value === null ? null : Number(row.value); });
    return years.map(function (year) { return byYear[year] === undefined ? null : byYear[year]; });
  }

  function stackedBars(panel, cfg) {
    return Promise.all(cfg.series.map(function (s) { return getJSON(s.url); })).then(function (answers) {
      var option = base();
      option.legend = {top: 0, type: "scroll"};
      option.xAxis = {type: "category", data: cfg.years.map(String)};
      option.yAxis = {type: "value", minInterval: 1};
      option.series = cfg.series.map(function (s, i) {
        return {name: s.name, type: "bar", stack: "honours", barMaxWidth: 36,
                data: yearly(rowsOf(answers[i]), cfg.years)};
      });
      draw(panel, option);
    });
  }

  function line(panel, cfg) {
    return Promise.all(cfg.series.map(function (s) { return getJSON(s.url); })).then(function (answers) {
      var option = base();
      option.tooltip = {trigger: "axis"};
      option.legend = {top: 0};
      option.xAxis = {type: "category", boundaryGap: false, data: cfg.years.map(String)};
      option.yAxis = {type: "value", minInterval: 1};
      option.series = cfg.series.map(function (s, i) {
        return {name: s.name, type: "line", smooth: true, symbolSize: 7, areaStyle: {opacity: 0.12},
                data: yearly(rowsOf(answers[i]), cfg.years)};
      });
      draw(panel, option);
    });
  }

  function districts(panel, cfg) {
    return getJSON(cfg.url).then(function (payload) {
      var rows = rowsOf(payload).slice().sort(function (a, b) { return a.score - b.score; });
      var option = base();
      option.legend = {top: 0, type: "scroll"};
      option.yAxis = {type: "category", axisLabel: {interval: 0},
                      data: rows.map(function (row) { return row.name; })};
      option.xAxis = {type: "value", minInterval: 1};
      option.series = cfg.kinds.map(function (kind, i) {
        return {name: cfg.names[i], type: "bar", stack: "honours",
                data: rows.map(function (row) { return row[kind]; })};
      });
      draw(panel, option);
    });
  }

  function pieFromTable(panel) {
    var data = [];
    panel.querySelectorAll("tbody tr").forEach(function (tr) {
      var name = tr.querySelector("th");
      var cell = tr.querySelector("td.num");
      if (name && cell) {
        data.push({name: name.textContent.trim(), value: Number(cell.textContent.replace(/[^0-9.]/g, ""))});
      }
    });
    if (!data.length) { return Promise.resolve(); }
    var option = base();
    option.tooltip = {trigger: "item", formatter: "{b}: {c} ({d}%)"};
    option.legend = {bottom: 0, type: "scroll"};
    option.series = [{type: "pie", radius: ["38%", "68%"], center: ["50%", "45%"],
                      label: {formatter: "{b}\n{c}"}, data: data}];
    draw(panel, option);
    return Promise.resolve();
  }

  var KINDS = {stacked_bars: stackedBars, line: line, districts: districts,
               pie_from_table: pieFromTable};

  function start() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll(".chart-panel").forEach(function (panel) {
      var cfg = config(panel);
      var kind = cfg && KINDS[cfg.kind];
      if (!kind) { return; }
      kind(panel, cfg).catch(function () {
        // The table stays open: the numbers remain readable when the API cannot answer.
        panel.setAttribute("data-chart-state", "failed");
        panel.querySelector(".chart").hidden = true;
      });
    });
    // On paper every table is printed, the canvases are not.
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.chart-data").forEach(function (d) { d.open = true; });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
