/**
 * Keyword search in Chinese, shared by jobs and notices. Chinese has no spaces to split words on, and neither engine
 * ships a Chinese tokenizer. A record is indexed by every character and every pair of adjacent characters of its
 * texts; a keyword matches when all its pairs are there (a GIN index on the array answers `@>` without a table scan).
 */
export function termsOf(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    const chars = [...normalize(text)];
    chars.forEach((c, i) => {
      terms.add(c);
      if (i + 1 < chars.length) terms.add(c + chars[i + 1]);
    });
  }
  return [...terms];
}

/** The terms a keyword must all match: its pairs, or the single character of a one-character keyword. */
export function keywordTerms(keyword: string): string[] {
  const chars = [...normalize(keyword)];
  if (chars.length <= 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
