import { runPipeline } from '../src/pipeline.js';
/** A document for stage tests, with a fixed publication date. */
export function makeDoc(text, published = '2025-03-13') {
    return {
        id: 'f00dfeedcafe0123456789abcdef0123456789abcdef0123456789abcdef0123',
        title: null,
        url: null,
        outlet: null,
        language: 'en',
        published,
        published_source: published ? 'metadata' : 'unknown',
        format: 'text',
        source_path: 'test.txt',
        text,
        word_count: text.split(/\s+/).filter(Boolean).length,
    };
}
export function run(text, published = '2025-03-13', stages) {
    return runPipeline(makeDoc(text, published), stages ? { stages } : {});
}
//# sourceMappingURL=helpers-doc.js.map