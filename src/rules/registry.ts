import { nameStructure } from './name-structure.js';
import { genericClass } from './generic-class.js';
import { genericStacked } from './generic-stacked.js';
import { genericScale } from './generic-scale.js';
import { genericOrientation } from './generic-orientation.js';
import { seriesOrder } from './series-order.js';
import { specificLength } from './specific-length.js';
import { directionWord } from './direction-word.js';
import { hanOnly } from './han-only.js';
import { standardChar } from './standard-char.js';
import { traditionalChar } from './traditional-char.js';
import { rareChar } from './rare-char.js';
import { polyphoneReading } from './polyphone-reading.js';
import { reduplication } from './reduplication.js';
import { unhealthyMeaning } from './unhealthy-meaning.js';
import { feudal } from './feudal.js';
import { exaggeration } from './exaggeration.js';
import { outOfArea } from './out-of-area.js';
import { weird } from './weird.js';
import { leaderName } from './leader-name.js';
import { personName } from './person-name.js';
import { foreignPerson } from './foreign-person.js';
import { foreignPlace } from './foreign-place.js';
import { foreignWord } from './foreign-word.js';
import { brandName } from './brand-name.js';
import { paidNaming } from './paid-naming.js';
import { bareNumber } from './bare-number.js';
import { duplicate } from './duplicate.js';
import { homophone } from './homophone.js';
import { nearDuplicate } from './near-duplicate.js';
import { nearbyDuplicate } from './nearby-duplicate.js';
import { protectedName } from './protected-name.js';
import { approvalAuthority } from './approval-authority.js';
import { announceFields } from './announce-fields.js';
import { filingDeadline } from './filing-deadline.js';
import { announceDeadline } from './announce-deadline.js';
import { pinyinScheme } from './pinyin-scheme.js';
import { pinyinSegmentation } from './pinyin-segmentation.js';
import { pinyinNumeral } from './pinyin-numeral.js';
import { pinyinCase } from './pinyin-case.js';
import { pinyinApostrophe } from './pinyin-apostrophe.js';
import { pinyinErhua } from './pinyin-erhua.js';
import { pinyinReading } from './pinyin-reading.js';
import { geometryInvalid } from './geometry-invalid.js';
import { geometryOutside } from './geometry-outside.js';
import { crsSuspect } from './crs-suspect.js';
import { adminArea } from './admin-area.js';
import type { Rule } from './types.js';

/** Every rule, in catalog order (rules.md §0.4). One module per rule under src/rules/. */
const ALL: Rule[] = [
  nameStructure,
  genericClass,
  genericStacked,
  genericScale,
  genericOrientation,
  seriesOrder,
  specificLength,
  directionWord,
  hanOnly,
  standardChar,
  traditionalChar,
  rareChar,
  polyphoneReading,
  reduplication,
  unhealthyMeaning,
  feudal,
  exaggeration,
  outOfArea,
  weird,
  leaderName,
  personName,
  foreignPerson,
  foreignPlace,
  foreignWord,
  brandName,
  paidNaming,
  bareNumber,
  duplicate,
  homophone,
  nearDuplicate,
  nearbyDuplicate,
  protectedName,
  approvalAuthority,
  announceFields,
  filingDeadline,
  announceDeadline,
  pinyinScheme,
  pinyinSegmentation,
  pinyinNumeral,
  pinyinCase,
  pinyinApostrophe,
  pinyinErhua,
  pinyinReading,
  geometryInvalid,
  geometryOutside,
  crsSuspect,
  adminArea,
] as Rule[];

export const RULES: ReadonlyMap<string, Rule> = new Map(ALL.map((r) => [r.meta.id, r]));
