// Talking to the API, and what every view shares: colours and escaping.

export const TYPE_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#2e7d32",
  "Riots": "#795548",
  "Strategic developments": "#1565c0",
};

export function colourOf(type) {
  return TYPE_COLOURS[type] || "#546e7a";
}

export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  }[c]));
}

let token = sessionStorage.getItem("marsad-token");
let askForToken = null;

export function onTokenNeeded(callback) {
  askForToken = callback;
}

export function setToken(value) {
  token = value;
  sessionStorage.setItem("marsad-token", value);
}

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(url, { headers });
  if (response.status === 401 && askForToken) {
    await askForToken();
    return api(path, params);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch { /* not JSON */ }
    throw new Error(`${path}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response.json();
}

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  return search.toString();
}
