/**
 * A rule's reason as people read it: nation codes the alliance rules put in their reasons ("Unanimity not met: CAL
 * (no)") become the nations' names. The alliance grain knows its members by code only, so the names are put in where
 * they are shown; only whole upper-case words that <paramref name="name"/> knows as codes are replaced.
 */
export function withNames(text: string, name: (code: string) => string): string {
  return text.replace(/\b[A-Z]{2,4}\b/g, (word) => name(word) || word);
}
