// Opening a local file and saving one by download: the editors work without a server.

export interface PickedFile {
  name: string;
  text: string;
}

/** Asks the user for a file; resolves undefined when the dialog is cancelled. */
export function pickTextFile(accept: string): Promise<PickedFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.dataset.test = 'file-input';
    input.addEventListener('cancel', () => resolve(undefined));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(undefined);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.click();
  });
}

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once click() returned; the URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "投诉处理.bpmn" for a name and an extension, without characters Windows refuses. */
export function fileNameFor(name: string, extension: string): string {
  const base = name.trim().replace(/[\\/:*?"<>|]+/g, '_') || '未命名';
  return base.endsWith(extension) ? base : `${base}${extension}`;
}
