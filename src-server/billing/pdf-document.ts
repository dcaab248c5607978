// A pdfkit document laid out to print on both A4 and US Letter, with a Unicode font, collected into one Buffer.
import { createRequire } from 'node:module';

/**
 * A4 paper (595 × 842 pt) with margins that keep every line inside US Letter's 612 × 792 pt too:
 * the 106 pt bottom margin leaves the 50 pt A4 has beyond Letter's height plus a normal 56 pt margin,
 * and A4's narrower width sets the sides. So "actual size" printing on either paper cuts nothing off.
 */
export const PAGE_MARGINS = { top: 56, left: 56, right: 56, bottom: 106 };

/** The font names the documents use. */
export const FONT = { regular: 'Body', bold: 'Body-Bold' } as const;

// PDF's built-in Helvetica only knows Windows-1252: a Polish, Greek or Cyrillic name would print as garbage.
// DejaVu Sans (embedded, subset to the glyphs used) covers Latin, Greek and Cyrillic scripts.
// Not named `require`: the build (electron-vite) declares its own `require` in the bundle's scope.
const resolvePackageFile = createRequire(import.meta.url);
const FONT_FILES = {
  [FONT.regular]: resolvePackageFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  [FONT.bold]: resolvePackageFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** pdfkit is loaded with the first PDF, not at start-up: it alone holds about 28 MB, which a server making no PDF never needs. */
export async function newPdfDocument(title: string, created: Date): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({ size: 'A4', margins: PAGE_MARGINS, info: { Title: title, CreationDate: created } });
  for (const [name, file] of Object.entries(FONT_FILES)) document.registerFont(name, file);
  return document.font(FONT.regular);
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(document: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
