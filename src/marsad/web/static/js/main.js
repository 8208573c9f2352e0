// The dashboard: filters -> GET /events -> map, timeline and list; a click -> the event panel.

import { api, colourOf, escapeHtml, onTokenNeeded, queryString, setToken, TYPE_COLOURS } from "./api.js";
import { EventMap } from "./map.js";
import { renderEvent } from "./panel.js";
import { Timeline } from "./timeline.js";

const PAGE = 5000;
const LIST_MAX = 300;
const form = document.getElementById("filter-form");
const panel = document.getElementById("panel");
const panelBody = document.getElementById("panel-body");
const summary = document.getElementById("summary");

const state = { events: [], brush: null, stats: null, fitted: false, selected: null };
const eventMap = new EventMap("map", selectEvent);
const timeline = new Timeline(document.getElementById("timeline"), (range) => {
  state.brush = range;
  showEvents();
});

onTokenNeeded(() => new Promise((resolve) => {
  const box = document.getElementById("token-box");
  box.hidden = false;
  document.getElementById("token-form").onsubmit = (event) => {
    event.preventDefault();
    setToken(document.getElementById("token-input").value.trim());
    box.hidden = true;
    resolve();
  };
}));

function filters() {
  const params = {};
  for (const [key, value] of new FormData(form)) {
    if (key !== "bbox" && String(value).trim()) params[key] = String(value).trim();
  }
  if (document.getElementById("f-bbox").checked) params.bbox = eventMap.bbox();
  return params;
}

function fillSelect(id, counts) {
  const select = document.getElementById(id);
  for (const [name, n] of Object.entries(counts)) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = `${name} (${n})`;
    select.appendChild(option);
  }
}

function fillLegend(counts) {
  const legend = document.getElementById("legend");
  legend.innerHTML = Object.keys(TYPE_COLOURS).map((type) => `
    <li><button type="button" data-type="${escapeHtml(type)}">
      <span class="chip" style="background:${colourOf(type)}"></span>${escapeHtml(type)}
      <small>${counts[type] ?? 0}</small></button></li>`).join("");
  legend.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-type]");
    if (!button) return;
    const select = document.getElementById("f-event_type");
    select.value = select.value === button.dataset.type ? "" : button.dataset.type;
    loadEvents();
  });
}

async function loadEvents() {
  const params = filters();
  summary.textContent = "loading…";
  const events = [];
  let total = 0;
  try {
    do {
      const page = await api("/events", { ...params, limit: PAGE, offset: events.length });
      total = page.total;
      events.push(...page.items);
      if (page.items.length === 0) break;
    } while (events.length < total);
  } catch (error) {
    summary.textContent = `error: ${error.message}`;
    return;
  }
  state.events = events;
  state.brush = null;
  timeline.range = null;
  timeline.render(events);
  showEvents();
  if (!params.bbox) eventMap.fitEvents(events);
  for (const format of ["csv", "jsonl", "geojson"]) {
    const name = format === "csv" ? "acled-csv" : format;
    document.getElementById(`export-${format}`).href = `/export?${queryString({ ...params, format: name })}`;
  }
}

function showEvents() {
  const [from, to] = state.brush ?? [null, null];
  const shown = state.events.filter((e) => !from || (e.event_date && e.event_date >= from && e.event_date <= to));
  eventMap.setEvents(shown);
  const stored = state.stats ? state.stats.counts.events : state.events.length;
  summary.textContent = `${shown.length} event(s) shown · ${state.events.length} match the filters · ${stored} in the store`;
  document.getElementById("brush-label").textContent = from ? `${from} to ${to}` : "";
  document.getElementById("brush-clear").hidden = !from;
  renderList(shown);
}

function renderList(events) {
  const list = document.getElementById("event-list");
  const sorted = [...events].sort((a, b) => (b.event_date ?? "").localeCompare(a.event_date ?? ""));
  document.getElementById("list-count").textContent = `(${events.length})`;
  list.innerHTML = sorted.slice(0, LIST_MAX).map((e) => `
    <li><button type="button" data-event-id="${escapeHtml(e.event_id)}"
        class="${e.event_id === state.selected ? "active" : ""}">
      <span class="chip" style="background:${colourOf(e.event_type)}"></span>
      <b>${escapeHtml(e.event_date ?? "undated")}</b> ${escapeHtml(e.sub_event_type)}
      <small>${escapeHtml(e.location ?? e.country ?? "")}</small></button></li>`).join("")
    + (sorted.length > LIST_MAX ? `<li><small>${sorted.length - LIST_MAX} more: narrow the filters</small></li>` : "");
}

async function selectEvent(eventId) {
  state.selected = eventId;
  panel.hidden = false;
  panelBody.innerHTML = "<p>loading…</p>";
  try {
    const detail = await api(`/events/${encodeURIComponent(eventId)}`);
    const articles = await Promise.all(detail.event.article_ids.map(
      (id) => api(`/articles/${encodeURIComponent(id)}`)));
    panelBody.innerHTML = renderEvent(detail, articles);
    panel.dataset.eventId = detail.event.event_id;
    eventMap.focus(detail.event.event_id);
    for (const button of document.querySelectorAll("#event-list button")) {
      button.classList.toggle("active", button.dataset.eventId === detail.event.event_id);
    }
    panel.scrollTop = 0;
  } catch (error) {
    panelBody.innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
}

document.getElementById("event-list").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-event-id]");
  if (button) selectEvent(button.dataset.eventId);
});
document.getElementById("panel-close").addEventListener("click", () => {
  panel.hidden = true;
  state.selected = null;
});
document.getElementById("brush-clear").addEventListener("click", () => timeline.clear());
form.addEventListener("submit", (event) => {
  event.preventDefault();
  loadEvents();
});
form.addEventListener("change", (event) => {
  if (event.target.tagName === "SELECT" || event.target.type === "checkbox") loadEvents();
});
document.getElementById("reset").addEventListener("click", () => {
  form.reset();
  loadEvents();
});

async function start() {
  const boundaries = eventMap.loadBoundaries("/static/vendor/world-atlas/countries-50m.json");
  try {
    state.stats = await api("/stats");
  } catch (error) {
    summary.textContent = `error: ${error.message}`;
    return;
  }
  fillSelect("f-event_type", state.stats.event_types);
  fillSelect("f-sub_event_type", state.stats.sub_event_types);
  fillSelect("f-country", state.stats.countries);
  fillLegend(state.stats.event_types);
  for (const id of ["f-since", "f-until"]) {
    const input = document.getElementById(id);
    if (state.stats.date_min) input.min = state.stats.date_min;
    if (state.stats.date_max) input.max = state.stats.date_max;
  }
  await loadEvents();
  await boundaries;
  document.body.dataset.ready = "true";
}

start();
