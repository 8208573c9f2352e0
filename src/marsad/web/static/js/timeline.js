// Events per day as stacked bars by event type; dragging across it selects a range of days
// (the brush), which filters the map and the list.

import { colourOf, escapeHtml } from "./api.js";

const DAY = 86400000;
const MARGIN = { left: 28, right: 10, top: 8, bottom: 20 };
const SVG_NS = "http://www.w3.org/2000/svg";

function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function isoOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export class Timeline {
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.range = null; // [first day, last day] selected, as day numbers
    this.dragging = null;
    svg.addEventListener("pointerdown", (e) => this.start(e));
    svg.addEventListener("pointermove", (e) => this.move(e));
    svg.addEventListener("pointerup", (e) => this.end(e));
    svg.addEventListener("dblclick", () => this.clear());
    window.addEventListener("resize", () => this.events && this.render(this.events));
  }

  render(events) {
    this.events = events;
    const dated = events.filter((e) => e.event_date);
    const width = this.svg.clientWidth || 600;
    const height = this.svg.clientHeight || 110;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.replaceChildren();
    if (dated.length === 0) {
      this.text(width / 2, height / 2, "no dated events", "middle");
      this.scale = null;
      return;
    }
    const days = dated.map((e) => dayNumber(e.event_date));
    const first = Math.min(...days) - 1;
    const last = Math.max(...days) + 1;
    const perDay = new Map();
    for (const event of dated) {
      const day = dayNumber(event.event_date);
      const bucket = perDay.get(day) || {};
      bucket[event.event_type] = (bucket[event.event_type] || 0) + 1;
      perDay.set(day, bucket);
    }
    const most = Math.max(...[...perDay.values()].map((b) => Object.values(b).reduce((a, n) => a + n, 0)));
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    const step = plotWidth / (last - first + 1);
    this.scale = { first, last, step, plotWidth };
    const x = (day) => MARGIN.left + (day - first) * step;
    const bars = this.group("bars");
    for (const [day, bucket] of perDay) {
      let y = MARGIN.top + plotHeight;
      for (const [type, n] of Object.entries(bucket).sort()) {
        const h = (n / most) * plotHeight;
        y -= h;
        const rect = this.rect(bars, x(day) + step * 0.1, y, Math.max(1, step * 0.8), h, colourOf(type));
        rect.dataset.day = isoOf(day);
        const title = document.createElementNS(SVG_NS, "title");
        title.textContent = `${isoOf(day)}: ${n} × ${type}`;
        rect.appendChild(title);
      }
    }
    this.axis(first, last, x, plotHeight, most);
    this.brushRect = this.rect(this.svg, 0, MARGIN.top, 0, plotHeight, "rgba(30,60,120,0.15)");
    this.brushRect.setAttribute("stroke", "#1e3c78");
    this.brushRect.classList.add("brush");
    this.drawBrush();
  }

  axis(first, last, x, plotHeight, most) {
    const axis = this.group("axis");
    const span = last - first;
    const every = Math.max(1, Math.ceil(span / 8));
    for (let day = first; day <= last; day += every) {
      this.text(x(day) + this.scale.step / 2, MARGIN.top + plotHeight + 14, isoOf(day).slice(5), "middle", axis);
    }
    this.text(MARGIN.left - 4, MARGIN.top + 8, String(most), "end", axis);
    this.text(MARGIN.left - 4, MARGIN.top + plotHeight, "0", "end", axis);
  }

  dayAt(event) {
    const box = this.svg.getBoundingClientRect();
    const px = event.clientX - box.left - MARGIN.left;
    const { first, last, step } = this.scale;
    return Math.max(first, Math.min(last, first + Math.floor(px / step)));
  }

  start(event) {
    if (!this.scale) return;
    this.svg.setPointerCapture(event.pointerId);
    const day = this.dayAt(event);
    this.dragging = day;
    this.range = [day, day];
    this.drawBrush();
  }

  move(event) {
    if (this.dragging === null) return;
    const day = this.dayAt(event);
    this.range = [Math.min(day, this.dragging), Math.max(day, this.dragging)];
    this.drawBrush();
  }

  end(event) {
    if (this.dragging === null) return;
    this.move(event);
    this.dragging = null;
    this.onBrush(this.selection());
  }

  clear() {
    this.range = null;
    this.drawBrush();
    this.onBrush(null);
  }

  selection() {
    return this.range ? [isoOf(this.range[0]), isoOf(this.range[1])] : null;
  }

  drawBrush() {
    if (!this.brushRect || !this.scale) return;
    if (!this.range) {
      this.brushRect.setAttribute("width", 0);
      return;
    }
    const { first, step } = this.scale;
    this.brushRect.setAttribute("x", MARGIN.left + (this.range[0] - first) * step);
    this.brushRect.setAttribute("width", (this.range[1] - this.range[0] + 1) * step);
  }

  group(name) {
    const g = document.createElementNS(SVG_NS, "g");
    g.setAttribute("class", name);
    this.svg.appendChild(g);
    return g;
  }

  rect(parent, x, y, w, h, fill) {
    const r = document.createElementNS(SVG_NS, "rect");
    for (const [k, v] of Object.entries({ x, y, width: w, height: h, fill })) r.setAttribute(k, v);
    parent.appendChild(r);
    return r;
  }

  text(x, y, value, anchor, parent = this.svg) {
    const t = document.createElementNS(SVG_NS, "text");
    t.setAttribute("x", x);
    t.setAttribute("y", y);
    t.setAttribute("text-anchor", anchor);
    t.innerHTML = escapeHtml(value);
    parent.appendChild(t);
    return t;
  }
}
