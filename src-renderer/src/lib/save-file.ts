// Saves a file the API answered (a PDF, an export) through the browser's download: a plain link would carry no token.

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data by the next tick; the object URL only holds memory after that.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveJson(data: unknown, filename: string): void {
  saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), filename);
}
