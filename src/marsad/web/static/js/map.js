// The map: country boundaries from Natural Earth (world-atlas, served locally; no tiles),
// one marker per event coloured by event type, clustered when dense.

import { colourOf, escapeHtml } from "./api.js";

const MENA = [[10, -12], [42, 62]];

export class EventMap {
  constructor(element, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: false })
      .fitBounds(MENA);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 40,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    });
    this.map.addLayer(this.clusters);
    this.markers = new Map();
    this.selected = null;
  }

  async loadBoundaries(url) {
    const topology = await (await fetch(url)).json();
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8d8d8d", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
    this.boundaries = countries.features.length;
    document.getElementById("map").dataset.countries = String(this.boundaries);
  }

  setEvents(events) {
    this.clusters.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const event of events) {
      if (event.latitude === null || event.longitude === null) continue;
      const marker = L.marker([event.latitude, event.longitude], {
        icon: L.divIcon({
          className: "event-marker",
          html: `<span style="background:${colourOf(event.event_type)}"
                   data-event-id="${escapeHtml(event.event_id)}"
                   data-event-type="${escapeHtml(event.event_type)}"></span>`,
          iconSize: [16, 16],
        }),
        title: `${event.event_date ?? "undated"} — ${event.sub_event_type} — ${event.location ?? ""}`,
        keyboard: true,
      });
      marker.eventType = event.event_type;
      marker.on("click", () => this.onSelect(event.event_id));
      this.markers.set(event.event_id, marker);
      layers.push(marker);
    }
    this.clusters.addLayers(layers);
    document.getElementById("map").dataset.markers = String(layers.length);
  }

  fitEvents(events) {
    const points = events.filter((e) => e.latitude !== null && e.longitude !== null)
      .map((e) => [e.latitude, e.longitude]);
    if (points.length === 0) return;
    this.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
  }

  focus(eventId) {
    const marker = this.markers.get(eventId);
    if (!marker) return;
    this.clusters.zoomToShowLayer(marker, () => {
      if (this.selected) this.selected.getElement()?.classList.remove("selected");
      this.selected = marker;
      marker.getElement()?.classList.add("selected");
    });
  }

  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90)].map((v) => v.toFixed(4)).join(",");
  }
}

function clusterIcon(cluster) {
  const counts = {};
  for (const marker of cluster.getAllChildMarkers()) {
    counts[marker.eventType] = (counts[marker.eventType] || 0) + 1;
  }
  const total = cluster.getChildCount();
  // a ring split by event type, the count in the middle
  let angle = 0;
  const stops = Object.entries(counts).sort().map(([type, n]) => {
    const start = angle;
    angle += (n / total) * 360;
    return `${colourOf(type)} ${start}deg ${angle}deg`;
  });
  const size = total < 10 ? 30 : total < 100 ? 36 : 44;
  return L.divIcon({
    className: "event-cluster",
    html: `<span style="background:conic-gradient(${stops.join(",")})"><b>${total}</b></span>`,
    iconSize: [size, size],
  });
}
