/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-character alphabet
 * (no I, O, Z, S, V); the last is a check character over the first 17 with weights 3^(i) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'characters' | 'checksum';

export function usccProblem(raw: string): UsccProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'characters';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + ALPHABET.indexOf(code[i]) * w, 0);
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] === code[17] ? null : 'checksum';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  checksum: '统一社会信用代码校验未通过，请核对营业执照上的代码',
};
