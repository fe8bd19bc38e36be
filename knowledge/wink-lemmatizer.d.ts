/** The three functions of wink-lemmatizer 3 that the FAQ normaliser uses (the package ships no types). */
declare module 'wink-lemmatizer' {
  export function verb(word: string): string;
  export function noun(word: string): string;
  export function adjective(word: string): string;
}
