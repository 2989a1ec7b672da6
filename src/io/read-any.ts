import type { Dataset } from '../core/record.js';
import type { GeoReadOptions } from '../geo/read.js';
import { readDataset } from './dataset.js';

/**
 * Read any supported input into the shared model: tables (CSV/TSV/TXT/XLSX, or '-') and geometry files
 * (GeoJSON, Shapefile, KML/KMZ). Geometry readers are loaded only when needed. `crs` (--crs) lets a .shp without
 * .prj through (otherwise refused) and `dbfEncoding` (--dbf-encoding) overrides the .dbf code page; tables ignore
 * both (their geometry CRS is decided by the geometry stage).
 */
export async function readAnyDataset(file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  if (file !== '-' && /\.(geojson|json|geojsonl|geojsons|shp|zip|kml|kmz|ovkml|ovkmz)$/i.test(file)) {
    const geo = await import('../geo/read.js');
    if (geo.isGeometryFile(file)) return geo.readGeometryDataset(file, opts);
  }
  return readDataset(file, opts);
}
