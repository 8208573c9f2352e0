// Copies the files the dashboard loads from node_modules/ into static/vendor/ (run by
// `make web` after `npm ci`). Nothing here is committed: static/vendor/ is in .gitignore.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "static", "vendor");

// [package, file or folder inside it, folder under static/vendor/]
const FILES = [
  ["leaflet", "dist/leaflet.js", "leaflet"],
  ["leaflet", "dist/leaflet.css", "leaflet"],
  ["leaflet", "dist/images", "leaflet/images"],
  ["leaflet", "LICENSE", "leaflet"],
  ["leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster"],
  ["leaflet.markercluster", "dist/MarkerCluster.css", "markercluster"],
  ["leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster"],
  ["leaflet.markercluster", "MIT-LICENCE.txt", "markercluster"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson"],
  ["topojson-client", "LICENSE", "topojson"],
  ["world-atlas", "countries-50m.json", "world-atlas"],
  ["world-atlas", "LICENSE", "world-atlas"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui"],
  ["swagger-ui-dist", "favicon-32x32.png", "swagger-ui"],
  ["swagger-ui-dist", "LICENSE", "swagger-ui"],
];

rmSync(vendor, { recursive: true, force: true });
for (const [pkg, path, target] of FILES) {
  const source = join(modules, pkg, path);
  if (!existsSync(source)) {
    console.error(`vendor: ${pkg}/${path} is missing; run npm ci in ${here}`);
    process.exit(1);
  }
  const name = path.split("/").pop();
  const dest = path.startsWith("dist/images") ? join(vendor, target) : join(vendor, target, name);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(source, dest, { recursive: true });
}
writeFileSync(join(vendor, "README"), "Copied from node_modules by vendor.mjs (make web).\n");
console.log(`vendor: ${FILES.length} files copied into ${vendor}`);
