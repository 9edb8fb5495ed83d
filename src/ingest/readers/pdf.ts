import { InputError } from '../errors.js';
import { single, type Reader } from '../reader.js';

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/**
 * PDF via the text layer (pdfjs-dist). Scanned PDFs without text get a clear error. Lines are
 * rebuilt from the glyph positions and a larger vertical gap starts a new paragraph.
 */
export const pdfReader: Reader = {
  id: 'pdf',
  extensions: ['.pdf'],
  sniff: (head) => head.startsWith('%PDF-'),
  async read(input) {
    if (input.bytes.length === 0) throw new InputError(input.path, 'empty file');
    const head = Buffer.from(input.bytes.subarray(0, 5)).toString('latin1');
    if (head !== '%PDF-') throw new InputError(input.path, 'not a PDF (missing %PDF- header)');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let doc;
    try {
      doc = await pdfjs.getDocument({
        data: new Uint8Array(input.bytes),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        verbosity: 0,
      }).promise;
    } catch (err) {
      throw new InputError(input.path, `unreadable PDF: ${(err as Error).message}`);
    }
    try {
      const paragraphs: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        paragraphs.push(pageText(content.items as TextItem[]));
        page.cleanup();
      }
      const text = paragraphs.filter((t) => t.trim()).join('\n\n');
      if (!text.trim()) {
        throw new InputError(input.path, `PDF has no text layer (${doc.numPages} page(s); scanned images?) — run OCR first`);
      }
      let title: string | null = null;
      try {
        const meta = await doc.getMetadata();
        const info = meta.info as { Title?: unknown } | undefined;
        if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.trim();
      } catch {
        title = null;
      }
      return single({ text, title, url: null, outlet: null, language: null, published: null, format: 'pdf', sourcePath: input.path });
    } finally {
      await doc.destroy();
    }
  },
};

function pageText(items: TextItem[]): string {
  const lines: Array<{ y: number; h: number; text: string }> = [];
  let current = '';
  let y: number | null = null;
  let h = 0;
  for (const item of items) {
    const iy: number = item.transform?.[5] ?? y ?? 0;
    if (y !== null && Math.abs(iy - y) > 1 && current) {
      lines.push({ y, h, text: current });
      current = '';
    }
    if (y === null || !current) {
      y = iy;
      h = item.height ?? h;
    }
    current += item.str;
    if (item.hasEOL) {
      lines.push({ y: y ?? iy, h, text: current });
      current = '';
      y = null;
    }
  }
  if (current) lines.push({ y: y ?? 0, h, text: current });
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0) {
      const prev = lines[i - 1]!;
      const gap = Math.abs(prev.y - line.y);
      const lineHeight = Math.max(prev.h, line.h, 1);
      out.push(gap > lineHeight * 1.6 ? '\n\n' : '\n');
    }
    out.push(line.text.trim());
  }
  return out.join('');
}
