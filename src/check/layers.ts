import type { TownshipBoundaries } from '../geo/boundaries.js';
import type { BuiltUpAreas } from '../geo/built-up.js';

/** The files a check reads beside the batch: registers (--gazetteer), township polygons, built-up areas. */
export interface LayerFiles {
  gazetteers: readonly string[];
  boundaries?: string;
  builtUp?: string;
  /** --dbf-encoding: applies to every shapefile read. */
  dbfEncoding?: string;
}

/** Every file of a check besides the batch (an output must never overwrite one of them). */
export function layerFileList(o: LayerFiles): string[] {
  return [...o.gazetteers, ...(o.boundaries ? [o.boundaries] : []), ...(o.builtUp ? [o.builtUp] : [])];
}

/** The polygon layers that were given, read; their readers are loaded only then. */
export async function loadLayers(o: LayerFiles): Promise<{ boundaries?: TownshipBoundaries; builtUp?: BuiltUpAreas }> {
  const geo = { dbfEncoding: o.dbfEncoding };
  const boundaries = o.boundaries ? await (await import('../geo/boundaries.js')).loadBoundaries(o.boundaries, geo) : undefined;
  const builtUp = o.builtUp ? await (await import('../geo/built-up.js')).loadBuiltUpAreas(o.builtUp, geo) : undefined;
  return { boundaries, builtUp };
}
