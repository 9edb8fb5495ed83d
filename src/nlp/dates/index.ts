/** Date resolution: chrono-node plus news rules, per document, against the publication date. */
export { resolveDates, type ResolveOptions } from './resolve-dates.js';
export { datesStage, datesInSentence } from './stage.js';
export { shiftInterval, toTimex, unitAround, type DateInterval, type Shift } from './calendar.js';
export { clauseTense, type Tense, type TenseCue } from './tense.js';
