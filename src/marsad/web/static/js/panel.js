// The event panel: what happened, when, where, who, how many, who says so (claims and
// denials side by side), and the Arabic articles with the evidence highlighted.

import { colourOf, escapeHtml } from "./api.js";

const PRECISION = {
  1: "day known",
  2: "within a week",
  3: "a longer range or the month only",
};
const GEO_PRECISION = { 1: "the place itself", 2: "near the place", 3: "the region only" };
const STANCES = [
  ["asserts", "Asserts"],
  ["denies", "Denies"],
  ["unconfirmed", "Unconfirmed"],
];

const ar = (text) => (text ? `<span class="ar" lang="ar" dir="rtl">${escapeHtml(text)}</span>` : "");
const row = (label, value) => (value ? `<tr><th>${label}</th><td>${value}</td></tr>` : "");

export function renderEvent(detail, articles) {
  const e = detail.event;
  const dates = e.date_earliest && e.date_latest && e.date_earliest !== e.date_latest
    ? ` (${e.date_earliest} to ${e.date_latest})` : "";
  const actor = (name, arabic, inter) => name
    ? `${escapeHtml(name)} ${ar(arabic)}${inter ? ` <small>inter ${inter}</small>` : ""}` : "";
  const place = [...new Set([e.location, e.admin2, e.admin1, e.country].filter(Boolean))]
    .map(escapeHtml).join(", ");
  const figures = [
    ["fatalities", e.fatalities], ["injured", e.injuries], ["arrested", e.arrests],
  ].filter(([, n]) => n !== null).map(([k, n]) => `<span class="figure"><b>${n}</b> ${k}</span>`).join(" ");
  return `
    <h2 id="panel-type"><span class="chip" style="background:${colourOf(e.event_type)}"></span>
      ${escapeHtml(e.event_type)} — ${escapeHtml(e.sub_event_type)}</h2>
    ${detail.contested ? '<p class="contested">Contested: the sources disagree</p>' : ""}
    ${detail.requested_id !== e.event_id
    ? `<p class="note">${escapeHtml(detail.requested_id)} was merged into this event.</p>` : ""}
    <table class="facts">
      ${row("Date", `${escapeHtml(e.event_date ?? "unknown")}${escapeHtml(dates)}
        <small>${escapeHtml(PRECISION[e.time_precision] ?? "undated")}</small>`)}
      ${row("Actor 1", actor(e.actor1, e.actor1_ar, e.inter1))}
      ${row("Actor 2", actor(e.actor2, e.actor2_ar, e.inter2))}
      ${row("Associated", escapeHtml([e.assoc_actor_1, e.assoc_actor_2].filter(Boolean).join("; ")))}
      ${row("Place", `${place} ${ar(e.location_ar)}
        <small>${escapeHtml(GEO_PRECISION[e.geo_precision] ?? "")}${e.latitude !== null
    ? ` · ${e.latitude.toFixed(3)}, ${e.longitude.toFixed(3)}` : ""}</small>`)}
      ${row("Figures", figures || "none given")}
      ${row("Confidence", e.confidence.toFixed(2))}
    </table>
    <p class="notes" id="panel-notes">${escapeHtml(e.notes)}</p>
    <h3>Sources</h3>
    ${renderStances(e)}
    <h3>Articles</h3>
    <p class="small key"><mark class="evidence">evidence</mark> <mark class="claim-asserts">claim</mark>
      <mark class="claim-denies">denial</mark> <mark class="claim-unconfirmed">unconfirmed</mark></p>
    ${articles.map((a) => renderArticle(a, detail)).join("")}
    <p class="small">Event <code>${escapeHtml(e.event_id)}</code> · ${escapeHtml(e.version)}</p>`;
}

function renderStances(e) {
  const columns = STANCES.map(([stance, label]) => {
    const sources = e.sources.filter((s) => s.stance === stance);
    const claims = e.claims.filter((c) => c.stance === stance);
    if (sources.length === 0 && claims.length === 0) return "";
    const who = sources.map((s) => `<li>${s.attribution ? ar(s.attribution) : "<i>the outlet</i>"}
        ${s.attribution_en ? `<small>(${escapeHtml(s.attribution_en)})</small>` : ""}
        <small>in ${s.outlet ? ar(s.outlet) : escapeHtml(s.article_id)}</small></li>`).join("");
    const said = claims.map((c) => `<li><blockquote class="ar" lang="ar" dir="rtl">${escapeHtml(c.text)}</blockquote>
        ${Object.entries(c.figures).map(([k, n]) => `<span class="figure"><b>${n}</b> ${escapeHtml(k)}</span>`).join(" ")}</li>`).join("");
    return `<div class="stance stance-${stance}"><h4>${label}</h4><ul>${who}</ul>
      ${said ? `<ul class="claims">${said}</ul>` : ""}</div>`;
  }).join("");
  return `<div class="stances">${columns || "<p>No source named.</p>"}</div>`;
}

function renderArticle(article, detail) {
  const spans = detail.spans.filter((s) => s.article_id === article.id);
  return `<section class="article">
    <h4>${ar(article.title)} <small>${ar(article.outlet)} ${escapeHtml(article.published ?? "")}</small></h4>
    <div class="article-text ar" lang="ar" dir="rtl" data-article-id="${escapeHtml(article.id)}">${highlight(article.text, spans)}</div>
  </section>`;
}

// Wrap the spans in <mark>s. Offsets are UTF-16 units (start_utf16/end_utf16), which is how
// JavaScript strings index: code-point offsets would drift after any character outside the BMP.
export function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start_utf16)));
    cuts.add(Math.max(0, Math.min(text.length, s.end_utf16)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = escapeHtml(text.slice(from, to));
    const covering = spans.filter((s) => s.start_utf16 <= from && s.end_utf16 >= to);
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    const classes = new Set();
    const notes = [];
    for (const s of covering) {
      if (s.kind === "evidence") {
        classes.add("evidence");
        notes.push("evidence");
      } else {
        classes.add(`claim-${s.stance}`);
        notes.push(`${s.stance}${s.attribution ? `: ${s.attribution}` : ""}`);
      }
    }
    html += `<mark class="${[...classes].join(" ")}" title="${escapeHtml(notes.join("; "))}">${piece}</mark>`;
  }
  return html;
}
