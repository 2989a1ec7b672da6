import { usageError } from '../core/errors.js';
import { txt } from '../core/text.js';

/** A number option in a range (usage error otherwise). */
export function numberOption(name: string, v: string, min: number, max: number, integer = false): number {
  const n = Number(v);
  if (!v.trim() || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw usageError(
      txt(`选项 ${name} 的值「${v}」无效：应为 ${min}–${max} 之间的${integer ? '整数' : '数'}`, `option ${name}: "${v}" is not ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`),
      txt(`例如 ${name} ${integer ? max : min + 1}。`, `For example ${name} ${integer ? max : min + 1}.`),
    );
  }
  return n;
}
