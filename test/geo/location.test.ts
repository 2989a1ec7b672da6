import { describe, expect, it } from 'vitest';
import { EndpointNamer } from '../../src/geo/location.js';

describe('EndpointNamer', () => {
  const places = [
    { name: '幸福路', geometry: { type: 'LineString' as const, coordinates: [[118.5, 36.99], [118.5, 37.01]] } },
    { name: '张庄村', geometry: { type: 'Point' as const, coordinates: [118.52, 37.0002] } },
    { name: '本路', geometry: { type: 'LineString' as const, coordinates: [[118.5, 37], [118.52, 37]] } },
  ];
  const namer = new EndpointNamer(places);

  it('names the start and end after the nearest road or village, not the road itself', () => {
    const road = { type: 'LineString' as const, coordinates: [[118.5001, 37], [118.5199, 37]] };
    expect(namer.endpoints(road, { exclude: '本路' })).toEqual({ start: '幸福路', end: '张庄村' });
    expect(namer.nameAt([118.5001, 37])!.distance).toBeLessThan(10);
  });

  it('leaves an endpoint unnamed when nothing is near', () => {
    expect(namer.nameAt([118.6, 37.1], 200)).toBeUndefined();
    expect(namer.endpoints({ type: 'LineString', coordinates: [[118.6, 37.1], [118.61, 37.1]] })).toEqual({ start: undefined, end: undefined });
  });
});
