import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;

let sbd: Wink | null = null;
let pos: Wink | null = null;

/** wink-nlp with sentence boundary detection only (tokens come with it). Loaded once. */
export function winkSentences(): Wink {
  sbd ??= winkNLP(model, ['sbd']);
  return sbd;
}

/** wink-nlp with part-of-speech tags, for the sentences that need them. Loaded once. */
export function winkPos(): Wink {
  pos ??= winkNLP(model, ['sbd', 'pos']);
  return pos;
}
