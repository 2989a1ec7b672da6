import { type Text, txt } from '../core/text.js';
import type { EntityKind } from './types.js';

/**
 * What a record is, and which generics it takes, in words for messages: a residential area's name must not be told it
 * lacks 路 or 街, nor that it overstates "the road's" scale.
 */
const KINDS: Record<EntityKind, [zh: string, en: string, generics: string]> = {
  road: ['道路', 'road', '路、街、巷、胡同'],
  village: ['村庄', 'village', '村、庄、屯、寨'],
  town: ['集镇', 'town', '镇、集、街'],
  township: ['乡镇', 'township', '乡、镇、街道'],
  county: ['县级政区', 'county', '县、市、区、旗'],
  district: ['市辖区', 'district', '区'],
  city: ['市', 'city', '市、州、盟'],
  province: ['省级政区', 'province', '省、自治区、市'],
  area: ['片区', 'area', '片区'],
  natural: ['自然地理实体', 'natural feature', '山、河、湖、岛'],
  structure: ['构筑物', 'structure', '桥、站、水库、码头'],
  scenic: ['景区', 'scenic area', '景区、公园、风景区'],
  bridge: ['桥梁', 'bridge', '桥、大桥'],
  building: ['建筑物', 'building', '楼、大厦、中心'],
  residential: ['居民区', 'residential area', '小区、花园、苑、新村'],
  station: ['车站、码头', 'station', '站、车站、码头'],
  square: ['广场', 'square', '广场'],
};

/** 道路 / road, 居民区 / residential area … */
export function kindName(kind: EntityKind): Text {
  const [zh, en] = KINDS[kind];
  return txt(zh, en);
}

/** Generics that suit the kind, for messages: 路、街、巷、胡同 (the English text lists them with commas). */
export function kindGenerics(kind: EntityKind): Text {
  const g = KINDS[kind][2];
  return txt(g, g.split('、').join(', '));
}
